"""Running a test on the screening package's Python source when the compiled modules are in
use (`standing.screening.native`): a test that replaces a module's function sees only the
Python source call it, as a compiled module calls the others of its build directly."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from standing.screening import native


def rerun_on_python_source(request: pytest.FixtureRequest) -> bool:
    """When the compiled modules are in use, run the requesting test again in a process on
    the Python source (``STANDING_NATIVE=0``), fail as it fails, and say so (True): the
    caller then returns. False when this process runs the Python source already."""
    if not native.active():
        return False
    env = {**os.environ, native.SWITCH: "0"}
    plugins = ("-p", "no:randomly", "-p", "no:cacheprovider", "-p", "no:xdist")
    done = subprocess.run(  # this interpreter, running pytest on the one test
        [sys.executable, "-m", "pytest", "-q", *plugins, request.node.nodeid],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        cwd=request.config.rootpath,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return True
