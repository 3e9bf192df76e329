"""Every score, hit and explanation of the matcher, written to one file to compare.

Usage: .venv/bin/python bench/screening_golden.py OUT [--entries 20000] [--queries 600]

Writes one line per scored pair of tests/data/screening_pairs.csv and tests/data/org_pairs.csv
(scored as bench/screening.py scores them), one per screened query against a `Screener` over
the real list entries (plus the positive pairs' candidates and seeded recombined names), and
one per re-screened entry against a `PartyIndex`. A change to the matcher that should not
change its behaviour leaves the file byte for byte the same: `diff` the outputs before and
after it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import make_screening_pairs as gen  # noqa: E402
from screening import ORG_PAIRS, PAIRS, SEED, real_entries, synthetic_entries  # noqa: E402

from standing.screening.evaluation import pairs_matcher, read_pairs  # noqa: E402
from standing.screening.match import (  # noqa: E402
    MatchResult,
    PartyIndex,
    Query,
    Screener,
    explain_name,
)


def _line(kind: str, key: str, result: MatchResult) -> str:
    doc: dict[str, Any] = {
        "kind": kind,
        "key": key,
        "entry": result.entry.entry_id,
        "score": repr(result.score),
        "match": result.match,
        "matched_name": result.matched_name,
        "explained": explain_name(result.features.get("name")),
        "features": result.features,
    }
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, default=repr)


def pair_lines() -> list[str]:
    out: list[str] = []
    pairs = read_pairs(PAIRS)
    matcher = pairs_matcher(pairs)
    out.extend(_line("pair", str(i), matcher.score(p.query, p.entry)) for i, p in enumerate(pairs))
    org = read_pairs(ORG_PAIRS)
    matcher = pairs_matcher(org, extra=real_entries())
    out.extend(_line("org", str(i), matcher.score(p.query, p.entry)) for i, p in enumerate(org))
    return out


def screen_lines(n_entries: int, n_queries: int) -> list[str]:
    rng = random.Random(SEED)
    real = real_entries()
    positives = [p for p in read_pairs(PAIRS) if p.match]
    entries = real + [p.entry for p in positives]
    entries += synthetic_entries(real, max(0, n_entries - len(entries)), rng)
    screener = Screener(entries)
    queries: list[Query] = [p.query for p in rng.sample(positives, n_queries // 2)]
    while len(queries) < n_queries:
        e = rng.choice(real)
        ws = e.names[rng.randrange(len(e.names))].value.split()
        i = rng.randrange(len(ws))
        if len(ws[i]) >= 5:
            ws[i] = gen.typo(ws[i], rng)
        queries.append(Query.of(" ".join(ws), schema=rng.choice([None, "Person", "Company"])))
    out: list[str] = []
    for n, q in enumerate(queries):
        for hit in screener.screen(q, limit=20, floor=0.0):
            out.append(_line("screen", f"{n} {q.names}", hit))
    parties = [Query.of(q.names, id=f"party-{n}") for n, q in enumerate(queries)]
    index = PartyIndex(parties)
    for e in rng.sample(real, min(300, len(real))):
        for party, hit in index.screen_entry(e, threshold=0.5):
            out.append(_line("rescreen", f"{e.entry_id} {party.id}", hit))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=600)
    args = parser.parse_args()
    lines = pair_lines() + screen_lines(args.entries, args.queries)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines -> {args.out}")


if __name__ == "__main__":
    main()
