"""List versions as plain data: entries to and from JSON, their digests, and the difference
between two versions (pure)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

import orjson

from standing.documents import fields_json
from standing.screening.model import Entry, EntryIdentifier, EntryName


def entry_to_json(entry: Entry) -> dict[str, Any]:
    return asdict(entry)


def entry_from_json(data: Mapping[str, Any]) -> Entry:
    return Entry(
        source=data["source"],
        entry_id=data["entry_id"],
        kind=data["kind"],
        names=tuple(EntryName(**n) for n in data["names"]),
        countries=tuple(data.get("countries", ())),
        identifiers=tuple(EntryIdentifier(**i) for i in data.get("identifiers", ())),
        birth_dates=tuple(data.get("birth_dates", ())),
        programs=tuple(data.get("programs", ())),
        listed_on=data.get("listed_on"),
        remarks=data.get("remarks"),
        extra=dict(data.get("extra", {})),
    )


def entry_digest(entry: Entry) -> str:
    """A digest of what the entry says (not of the list version it came in)."""
    body = entry_to_json(entry)
    body.pop("source", None)
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


@dataclass(frozen=True, slots=True)
class ListDiff:
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


def diff(previous: Mapping[str, str], current: Mapping[str, str]) -> ListDiff:
    """Compare {entry id: digest} of the previous and the new version."""
    return ListDiff(
        added=tuple(sorted(k for k in current if k not in previous)),
        removed=tuple(sorted(k for k in previous if k not in current)),
        changed=tuple(sorted(k for k in current if k in previous and previous[k] != current[k])),
    )


def merge_duplicates(entries: Iterable[Entry]) -> tuple[list[Entry], list[str]]:
    """Entries in file order with a repeated id kept once (the last); warnings name repeats."""
    seen: dict[str, Entry] = {}
    warnings: list[str] = []
    for entry in entries:
        if entry.entry_id in seen:
            warnings.append(f"entry {entry.entry_id} appears more than once; the last is kept")
        seen[entry.entry_id] = entry
    return list(seen.values()), warnings
