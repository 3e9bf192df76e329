"""The guard on the tuning half of its labelled corpus (bench/guard.py reports the held-out
half): the corpus is well-formed and the guard meets the targets there."""

from __future__ import annotations

from pathlib import Path

from standing.guard.evaluation import KINDS, judge_item, load_cases, load_items, rates
from standing.policies.loader import load_policy

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "bench" / "data" / "guard"


def test_the_corpus_has_both_halves_of_each_kind() -> None:
    cases = load_cases(DATA / "cases.yaml")
    for split in ("tuning", "heldout"):
        items = load_items(DATA / f"{split}.yaml", cases)
        for kind in KINDS:
            mine = [i for i in items if i.kind == kind]
            assert len(mine) >= 75, (split, kind)
            boiler = sum(i.label == "boilerplate" for i in mine)
            assert abs(2 * boiler - len(mine)) <= 0.1 * len(mine), (split, kind)


def test_the_tuning_half_meets_the_targets() -> None:
    policy = load_policy(ROOT / "policies")
    cases = load_cases(DATA / "cases.yaml")
    items = load_items(DATA / "tuning.yaml", cases)
    figures = rates(judge_item(i, cases[i.case], policy) for i in items)
    for kind in KINDS:
        assert figures[kind]["boilerplate_refused_rate"] >= 0.95, figures
        assert figures[kind]["specific_accepted_rate"] >= 0.98, figures
