"""The public pages in real Chromium, against `standing serve` in a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'demo.db'}"
    env = {**os.environ, "STANDING_DATABASE_URL": database}
    subprocess.run(
        [sys.executable, "-m", "standing", "demo", "--no-serve"],
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
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
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    if proc.stderr is not None:
        proc.stderr.close()


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        page = browser.new_page()
        yield page
        browser.close()


def test_policy_page_publishes_criteria_and_remedies(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{server}/policies")
    assert page.locator("h1").inner_text() == "Advertising and commerce policy"
    vendor = page.locator("section#government-barred-vendor")
    assert "What restores eligibility" in vendor.inner_text()
    assert "organic.post" in vendor.inner_text()  # named as not restricted


def test_demo_statement_answers_the_four_questions(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server)
    page.get_by_role("link", name="dec-").first.wait_for()
    rows = page.locator("table.decisions tbody tr")
    target = next(i for i in range(rows.count()) if "AO Kaspersky Lab" in rows.nth(i).inner_text())
    rows.nth(target).get_by_role("link").click()
    page.wait_for_url("**/statement")
    text = page.locator("article.statement").inner_text()
    assert "Binding Operational Directive 17-01" in text  # specific reasoning
    assert "Kaspersky Labs Japan K.K." in text and "75 %" in text  # full explanation of reach
    assert "What would restore eligibility" in text  # what others must do
    assert "Deadline" in text  # answered within a stated time
    assert "You may continue to post organically." in text
