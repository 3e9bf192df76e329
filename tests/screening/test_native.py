"""The compiled screening modules: loaded only while built from the source, and answering
exactly as the Python source does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from standing.screening import native
from tests.screening import native_sample

ROOT = Path(__file__).resolve().parents[2]


def _package(tmp_path: Path) -> Path:
    package = tmp_path / "screening"
    (package / "match").mkdir(parents=True)
    (package / "similarity.py").write_text("X = 1\n")
    (package / "match" / "scoring.py").write_text("Y = 2\n")
    return package


def _build(package: Path, digest: str | None = None) -> None:
    build = package / native.BUILD.name
    build.mkdir()
    (build / "a.so").write_bytes(b"")
    manifest = {
        "source": digest or native.source_digest(package),
        "python": native._python(),
        "files": {"standing.screening.similarity": "a.so"},
    }
    (build / native.MANIFEST.name).write_text(json.dumps(manifest))


def test_a_build_counts_while_every_source_file_is_as_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(native.SWITCH, raising=False)
    package = _package(tmp_path)
    assert native.status(package) == "absent"
    _build(package)
    assert native.status(package) == "compiled"
    # any file of the package, compiled or not, makes the build stale
    (package / "match" / "scoring.py").write_text("Y = 3\n")
    assert native.status(package) == "stale"
    (package / "match" / "scoring.py").write_text("Y = 2\n")
    assert native.status(package) == "compiled"
    (package / "match" / "new.py").write_text("")
    assert native.status(package) == "stale"
    (package / "match" / "new.py").unlink()
    # a file the manifest names is missing: nothing to load
    (package / native.BUILD.name / "a.so").unlink()
    assert native.status(package) == "absent"


def test_a_build_for_another_python_or_a_broken_manifest_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(native.SWITCH, raising=False)
    package = _package(tmp_path)
    _build(package)
    manifest = package / native.BUILD.name / native.MANIFEST.name
    data = json.loads(manifest.read_text())
    manifest.write_text(json.dumps({**data, "python": "cpython-312-linux"}))
    assert native.status(package) == "stale"
    manifest.write_text("{not json")
    assert native.status(package) == "absent"


def test_the_switch_turns_the_build_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = _package(tmp_path)
    _build(package)
    monkeypatch.setenv(native.SWITCH, "0")
    assert native.status(package) == "off"


@pytest.mark.skipif(
    os.environ.get("STANDING_NATIVE_REQUIRED") != "1",
    reason="the compiled modules are required under `make test` (STANDING_NATIVE_REQUIRED=1)",
)
def test_make_runs_the_compiled_modules() -> None:
    assert native.status() == "compiled"
    assert native.active()
    from standing.screening import similarity

    assert Path(similarity.__file__ or "").suffix == ".so"


def test_the_compiled_modules_answer_as_the_python_source() -> None:
    """Scores, features and hits, pair by pair and through an index, are the same in a
    process on the Python source."""
    if not native.active():
        pytest.skip("the compiled modules are not built from this source (make setup)")
    done = subprocess.run(  # this interpreter on the sample module
        [sys.executable, "-m", "tests.screening.native_sample"],
        env={**os.environ, native.SWITCH: "0"},
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    source = json.loads(done.stdout)
    compiled = native_sample.sample()
    assert len(compiled["pairs"]) > 4000
    assert compiled["pairs"] == source["pairs"]
    assert compiled["screened"] == source["screened"]
