"""Screening's hot modules compiled to C with mypyc, used only while they match the source.

Screening a name spends its time in a few modules: the normalisation of names, retrieval
from the index, the alignment of two names' words and the similarity of two words. mypyc
(part of mypy) compiles those modules, type annotations and all, into one C extension;
compiled, they screen about half again as many names a second and build an index in four
fifths of the time (bench/screening.py says which code it ran).

``make setup`` builds them (``python -m standing.screening.build_native``) into ``_native/``
beside this module, with a manifest holding a digest of every Python file of the screening
package. The package's ``__init__`` installs a finder that loads the compiled modules only
while that digest is the source's: a module edited after the build, or any other file of
the package, makes the package run its Python source again until the next build (a compiled
module calls the others of its build directly, so one stale module makes them all stale).
``STANDING_NATIVE=0`` runs the Python source whatever is built. Without a build (an install
from a wheel, a machine with no C compiler) the Python source runs, with the same results.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Final

PACKAGE: Final = Path(__file__).resolve().parent
#: Where the build is kept (not in version control).
BUILD: Final = PACKAGE / "_native"
MANIFEST: Final = BUILD / "manifest.json"
#: The name of the extension holding the compiled code; each module's own is a small shim.
GROUP: Final = "standing_screening_native"
_LIBRARY: Final = f"{GROUP}__mypyc"
#: The modules compiled: those screening a name runs through.
MODULES: Final = (
    "standing.screening.acronyms",
    "standing.screening.contractions",
    "standing.screening.index",
    "standing.screening.match.adjustments",
    "standing.screening.match.alignment",
    "standing.screening.match.evidence",
    "standing.screening.match.parties",
    "standing.screening.match.scoring",
    "standing.screening.match.screener",
    "standing.screening.normalize",
    "standing.screening.romanised",
    "standing.screening.romanize",
    "standing.screening.similarity",
    "standing.screening.symbols",
)
#: Set to "0" to run the Python source whatever is built.
SWITCH: Final = "STANDING_NATIVE"


def source_digest(package: Path = PACKAGE) -> str:
    """A digest of every Python file of the screening package, by path and content."""
    h = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        if BUILD.name in path.relative_to(package).parts:
            continue
        h.update(path.relative_to(package).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def _read_manifest(manifest: Path) -> dict[str, object] | None:
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def status(package: Path = PACKAGE) -> str:
    """ "compiled" when the compiled modules are the source's and in use (or would be, for a
    package other than this one), "off" when ``STANDING_NATIVE=0``, "stale" when built from
    another source, "absent" when not built."""
    if os.environ.get(SWITCH, "") == "0":
        return "off"
    build = package / BUILD.name
    manifest = _read_manifest(build / MANIFEST.name)
    if manifest is None:
        return "absent"
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
        isinstance(name, str) and (build / name).is_file() for name in files.values()
    ):
        return "absent"
    if manifest.get("source") != source_digest(package) or manifest.get("python") != _python():
        return "stale"
    return "compiled"


def active() -> bool:
    """Whether this process runs the compiled modules."""
    return isinstance(sys.modules.get(_LIBRARY), ModuleType)


def _python() -> str:
    return f"{sys.implementation.cache_tag}-{sys.platform}"


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the compiled modules (and the extension holding their code) in the build."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        file = self.files.get(fullname)
        if file is None:
            return None
        loader = importlib.machinery.ExtensionFileLoader(fullname, str(file))
        return importlib.util.spec_from_file_location(fullname, file, loader=loader)


def install() -> str:
    """Put the compiled modules before the Python source when they are the source's; the
    `status`."""
    state = status()
    if state != "compiled" or any(isinstance(f, _Finder) for f in sys.meta_path):
        return state
    manifest = _read_manifest(MANIFEST) or {}
    files = manifest.get("files")
    assert isinstance(files, dict)
    sys.meta_path.insert(0, _Finder({name: BUILD / file for name, file in files.items()}))
    return state
