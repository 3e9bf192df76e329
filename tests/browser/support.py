"""Serving the app for the browser tests: `standing demo` loads a database, `standing serve`
answers on a free port, in a subprocess, as it runs in production."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
#: Every browser test: marked, and skipped where Debian's Chromium is missing.
BROWSER = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load_demo(database: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "standing", "demo", "--no-serve"],
        env={**os.environ, "STANDING_DATABASE_URL": database},
        check=True,
        capture_output=True,
    )


@contextmanager
def serve(database: str, port: int | None = None, **settings: str) -> Iterator[str]:
    """`standing serve` on ``database`` (and ``STANDING_<NAME>`` settings); yields its URL."""
    port = port or free_port()
    env = {**os.environ, "STANDING_DATABASE_URL": database}
    env |= {f"STANDING_{name.upper()}": value for name, value in settings.items()}
    proc = subprocess.Popen(
        [sys.executable, "-m", "standing", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        proc.kill()
        _, err = proc.communicate()
        raise RuntimeError(f"server did not start: {err.decode()}")
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        if proc.stderr is not None:
            proc.stderr.close()


def sign_in(page: Any, url: str, email: str, password: str) -> None:
    """Sign in on the /login page with an email and a password, as a person does."""
    page.goto(f"{url}/login")
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in", exact=True).click()
