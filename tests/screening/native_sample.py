"""What the equivalence test of the compiled modules compares (tests/screening/test_native.py):
the scores and features of the second tuning set's organisation pairs, pair by pair and
through an index over their candidates. ``python -m tests.screening.native_sample`` prints
them as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from standing.screening.evaluation import pairs_matcher, read_pairs
from standing.screening.match import Screener

PAIRS = Path(__file__).resolve().parents[1] / "data" / "org_pairs_tune2.csv"


def sample() -> dict[str, Any]:
    pairs = read_pairs(PAIRS)
    matcher = pairs_matcher(pairs)
    scored = [matcher.score(p.query, p.entry) for p in pairs]
    screener = Screener([p.entry for p in pairs])
    screened = [screener.screen(p.query, limit=5, floor=0.0) for p in pairs[::4]]
    return json.loads(
        json.dumps(
            {
                "pairs": [[r.score, r.features] for r in scored],
                "screened": [
                    [[h.entry.entry_id, h.score, h.matched_name, h.features] for h in hits]
                    for hits in screened
                ],
            },
            sort_keys=True,
            default=str,
        )
    )


if __name__ == "__main__":
    json.dump(sample(), sys.stdout)
