"""Labelled pairs (tests/data/screening_pairs.csv) and precision/recall over them.

Pure functions over rows already read; `read_pairs` is the one reader of the file format
(comment lines start with '#', columns documented in bench/make_screening_pairs.py).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from standing.screening.index import NameIndex
from standing.screening.match import Matcher, Prepared, Query
from standing.screening.model import Entry, EntryIdentifier, EntryName

_KINDS = {
    "Person": "person",
    "Company": "organization",
    "Organization": "organization",
    "Vessel": "vessel",
    "LegalEntity": "unknown",
}


@dataclass(frozen=True, slots=True)
class LabelledPair:
    pair_id: str
    query: Query
    entry: Entry
    match: bool
    category: str
    split: str


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def read_pairs(path: Path) -> list[LabelledPair]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    return [pair_from_row(r) for r in rows]


def pair_from_row(row: dict[str, str]) -> LabelledPair:
    schema = row["schema"]
    ident = row.get("candidate_identifier", "")
    entry = Entry(
        source="pairs",
        entry_id=row["pair_id"],
        kind=_KINDS.get(schema, "unknown"),
        names=tuple(EntryName(n) for n in _split(row["candidate"])),
        countries=_split(row.get("candidate_country", "")),
        identifiers=tuple(EntryIdentifier("registration_number", v) for v in _split(ident)),
        birth_dates=_split(row.get("candidate_birth_date", "")),
    )
    query = Query(
        names=_split(row["query"]),
        schema=schema,
        countries=_split(row.get("query_country", "")),
        identifiers=_split(row.get("query_identifier", "")),
        birth_dates=_split(row.get("query_birth_date", "")),
        id=row["pair_id"],
    )
    return LabelledPair(
        pair_id=row["pair_id"],
        query=query,
        entry=entry,
        match=row["match"] == "1",
        category=row["category"],
        split=row.get("split", ""),
    )


def pairs_matcher(pairs: Sequence[LabelledPair], extra: Iterable[Entry] = ()) -> Matcher:
    """A matcher whose token rarities come from an index over the pairs' candidates."""
    entries = [p.entry for p in pairs]
    entries.extend(extra)
    prepared = [Prepared.from_entry(e) for e in entries]
    index = NameIndex([p.names for p in prepared], [p.readings() for p in prepared])
    return Matcher(index)


def score_pairs(pairs: Sequence[LabelledPair], matcher: Matcher) -> list[float]:
    return [matcher.score(p.query, p.entry).score for p in pairs]


def metrics(labels: Sequence[bool], scores: Sequence[float], threshold: float) -> dict[str, Any]:
    tp = sum(1 for y, s in zip(labels, scores, strict=True) if y and s >= threshold)
    fp = sum(1 for y, s in zip(labels, scores, strict=True) if not y and s >= threshold)
    fn = sum(1 for y, s in zip(labels, scores, strict=True) if y and s < threshold)
    tn = len(labels) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "pairs": len(labels),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def by_category(
    pairs: Sequence[LabelledPair], scores: Sequence[float], threshold: float
) -> dict[str, dict[str, Any]]:
    """Per category: pairs, positives, and how many of each label came out right."""
    out: dict[str, dict[str, Any]] = {}
    for p, s in zip(pairs, scores, strict=True):
        c = out.setdefault(p.category, {"pairs": 0, "positive": 0, "correct": 0})
        c["pairs"] += 1
        c["positive"] += int(p.match)
        c["correct"] += int((s >= threshold) == p.match)
    for c in out.values():
        c["accuracy"] = round(c["correct"] / c["pairs"], 4)
    return out
