"""Compile screening's hot modules with mypyc (`standing.screening.native` loads them).

``python -m standing.screening.build_native [--force]``: builds unless the build is already
the source's. Needs mypy (mypyc), setuptools and a C compiler: development dependencies.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

from standing.screening.native import (
    _LIBRARY,
    BUILD,
    GROUP,
    MANIFEST,
    MODULES,
    PACKAGE,
    _python,
    source_digest,
    status,
)


def build(jobs: int | None = None) -> Path:
    """Compile `MODULES` into `BUILD` (replacing what is there), writing the manifest last;
    `jobs` C compilers at once (one a core by default)."""
    from mypyc.build import mypycify  # development dependencies
    from setuptools import Distribution

    root = PACKAGE.parent.parent
    paths = [str(root / (name.replace(".", "/") + ".py")) for name in MODULES]
    digest = source_digest()
    with tempfile.TemporaryDirectory(prefix="standing-native-") as tmp:
        work = Path(tmp)
        cwd = os.getcwd()
        os.chdir(root)  # mypy reads the project's configuration and names modules from here
        try:
            extensions = mypycify(
                paths,
                opt_level="3",
                group_name=GROUP,
                multi_file=True,
                target_dir=str(work / "c"),
            )
            dist = Distribution({"name": GROUP, "ext_modules": extensions})
            command = dist.get_command_obj("build_ext")
            command.build_lib = str(work / "lib")
            command.build_temp = str(work / "temp")
            command.parallel = jobs or os.cpu_count() or 1
            dist.run_command("build_ext")
        finally:
            os.chdir(cwd)
        staging = work / "out"
        staging.mkdir()
        files: dict[str, str] = {}
        suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
        for built in (work / "lib").rglob(f"*{suffix}"):
            relative = built.relative_to(work / "lib").as_posix().removesuffix(suffix)
            name = relative.replace("/", ".")
            if name not in (*MODULES, _LIBRARY):
                continue
            # one directory: a file is named by its module's full name
            files[name] = name + suffix
            shutil.copy2(built, staging / files[name])
        missing = sorted(set(MODULES) - set(files))
        if missing:
            raise RuntimeError(f"mypyc built no extension for {', '.join(missing)}")
        (staging / MANIFEST.name).write_text(
            json.dumps({"source": digest, "python": _python(), "files": files}, indent=1),
            encoding="utf-8",
        )
        old = BUILD.with_name(BUILD.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if BUILD.exists():
            BUILD.rename(old)
        shutil.move(str(staging), BUILD)
        shutil.rmtree(old, ignore_errors=True)
    return BUILD


def main() -> None:
    """Build unless the build is the source's (or ``--force``)."""
    if status() == "compiled" and "--force" not in sys.argv:
        sys.stdout.write(f"{BUILD}: compiled from this source\n")
        return
    build()
    sys.stdout.write(f"{BUILD}: compiled {len(MODULES)} modules\n")


if __name__ == "__main__":
    main()
