"""The word lists and tables of screening, read from the package's data files.

The files are in `standing/screening/data/` and ship with the package: `.txt` files hold
words separated by spaces or lines, `.tsv` files rows of tab-separated fields; lines
starting with "#" say what a file is for. Modules read them once, at import.
"""

from __future__ import annotations

from importlib.resources import files

_DATA = files("standing.screening") / "data"


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line.strip() and not line.startswith("#")]


def words(name: str) -> frozenset[str]:
    """The words of a `.txt` data file."""
    return frozenset(word for line in _lines(name) for word in line.split())


def sequence(name: str) -> tuple[str, ...]:
    """The words of a `.txt` data file, in the file's order."""
    return tuple(word for line in _lines(name) for word in line.split())


def rows(name: str) -> list[tuple[str, ...]]:
    """The rows of a `.tsv` data file, in the file's order."""
    return [tuple(line.split("\t")) for line in _lines(name)]


def pairs(name: str) -> dict[str, str]:
    """A two-column `.tsv` data file as a mapping from its first column to its second."""
    return dict(_pair(row, name) for row in rows(name))


def _pair(row: tuple[str, ...], name: str) -> tuple[str, str]:
    if len(row) != 2:
        raise ValueError(f"{name}: expected two tab-separated fields, got {row!r}")
    return row[0], row[1]
