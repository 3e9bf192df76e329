"""Built screeners kept on disk, so that a command does not rebuild a list's index each run.

A list version never changes once imported, so the screener built from it is derived data
that can be kept: building one for OFAC's SDN list takes seconds, reading it back about a
tenth of that. A cached screener is found by a key over everything it is built from -- the
entries' digests, the source's threshold, and a fingerprint of the screening code and the
normalisation libraries (a new release of either builds afresh). Files are written whole
(temporary file, then rename) into a directory only the owner can read, and the directory
keeps the most recently used few. A file that cannot be read is removed and the screener
rebuilt: the cache can only make things faster, never different.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from sqlalchemy.engine import make_url

from standing.screening import native
from standing.screening.match import Screener

log = logging.getLogger(__name__)

#: Libraries whose behaviour is part of a built screener.
_LIBRARIES = ("rigour", "normality", "fingerprints", "rapidfuzz", "pykakasi", "numpy")
#: Cached screeners kept (the latest version of each source, plus a few older ones).
KEEP = 12
SUFFIX = ".screener"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Digest of the screening code, whether it runs compiled, its word lists and the
    versions of the libraries it normalises with."""
    h = hashlib.sha256(sys.version.encode())
    h.update(f"compiled={native.active()}".encode())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name}=absent".encode())
    package = Path(__file__).resolve().parent
    for path in fingerprinted_files():
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def fingerprinted_files() -> list[Path]:
    """The files of the screening package the fingerprint covers: its code and every data file
    (word lists, tables, CC-CEDICT's words)."""
    package = Path(__file__).resolve().parent
    return sorted(
        p
        for p in package.rglob("*")
        if p.is_file() and (p.suffix == ".py" or (package / "data") in p.parents)
    )


def cache_key(threshold: float, digests: Mapping[str, str]) -> str:
    h = hashlib.sha256(fingerprint().encode())
    h.update(repr(float(threshold)).encode())
    for entry_id in sorted(digests):
        h.update(f"\n{entry_id}\t{digests[entry_id]}".encode())
    return h.hexdigest()


def cache_dir(setting: str, database_url: str) -> Path | None:
    """Where screeners are kept: the setting's directory; with "auto", ``cache/screening``
    beside a SQLite database file (other databases: none); "off" keeps none."""
    if setting == "off" or not setting:
        return None
    if setting != "auto":
        return Path(setting)
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).resolve().parent / "cache" / "screening"


class ScreenerCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / f"{key}{SUFFIX}"

    def load(self, key: str) -> Screener | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            screener = pickle.loads(data)  # noqa: S301  # written by store() below
        except Exception:  # a truncated or foreign file: rebuild
            log.warning("unreadable cached screener %s; rebuilding", path)
            path.unlink(missing_ok=True)
            return None
        if not isinstance(screener, Screener):
            path.unlink(missing_ok=True)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # most recently used
        return screener

    def store(self, key: str, screener: Screener) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(screener, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self._path(key))
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self._prune()
        except OSError as exc:  # a read-only or full disk costs speed, not the answer
            log.warning("could not keep the built screener in %s: %s", self.directory, exc)

    def _prune(self) -> None:
        files = sorted(
            self.directory.glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in files[KEEP:]:
            old.unlink(missing_ok=True)
