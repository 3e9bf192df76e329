"""How well the specificity guard tells boilerplate from specific texts (issue 15).

Usage: .venv/bin/python bench/guard.py [--show tuning|heldout|fresh|none]

The labelled corpus is bench/data/guard/: cases.yaml (subjects, rules, decisions' facts and
evidence, appellants' texts), tuning.yaml (the half the guard was tuned on), heldout.yaml (the
half reported on) and fresh.yaml (a batch written after the held-out half had been looked at
once, never tuned on). Every text is judged as the services judge it (structural checks,
then standing.guard with the shipped policies/, including policies/boilerplate.yaml).

Reported per half, for decisions' facts and for appeal replies:
- boilerplate refused (target on the held-out half: >= 95 %),
- specific texts accepted (target on the held-out half: >= 98 %),
- templates refused: each specific text of a case re-sent with another case's subject name,
  judged against the original as an earlier text (facts of another subject, another appeal's
  reply): the share refused (and, in the JSON, how many of them as a template by name),
- the mean time to judge one text.

Prints a Rich table (and, with --show, the misjudged texts of that half) to stderr and one
JSON document to stdout.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from standing.guard.evaluation import (  # noqa: E402
    KINDS,
    Judged,
    as_template,
    judge_item,
    load_cases,
    load_items,
    rates,
)
from standing.guard.model import Earlier  # noqa: E402
from standing.policies.loader import load_policy  # noqa: E402

DATA = ROOT / "bench" / "data" / "guard"
SPLITS = ("tuning", "heldout", "fresh")
BOILERPLATE_TARGET = 0.95
SPECIFIC_TARGET = 0.98


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--show", choices=(*SPLITS, "none"), default="none")
    args = parser.parse_args()
    policy = load_policy(ROOT / "policies")
    cases = load_cases(DATA / "cases.yaml")
    order = sorted(cases)
    result: dict[str, Any] = {
        "machine": platform.node(),
        "python": platform.python_version(),
        "policy_version": policy.version,
        "boilerplate_entries": len(policy.boilerplate),
        "targets": {
            "boilerplate_refused": BOILERPLATE_TARGET,
            "specific_accepted": SPECIFIC_TARGET,
        },
    }
    misjudged: dict[str, list[Judged]] = {}
    for split in SPLITS:
        items = load_items(DATA / f"{split}.yaml", cases)
        started = time.perf_counter()
        judged = [judge_item(i, cases[i.case], policy) for i in items]
        elapsed = time.perf_counter() - started
        figures: dict[str, Any] = rates(judged)
        for kind in KINDS:
            sent = caught = named = 0
            for item in items:
                if item.kind != kind or item.label != "specific":
                    continue
                other = cases[order[(order.index(item.case) + 1) % len(order)]]
                template = as_template(item, cases[item.case], other)
                if template is None:
                    continue
                ref = "decision dec-earlier" if kind == "facts" else "appeal apl-earlier"
                verdict = judge_item(template, other, policy, [Earlier(ref, item.text)])
                sent += 1
                caught += verdict.refused
                named += "the same text as" in verdict.message or "repeats" in verdict.message
            figures[kind]["templates"] = sent
            figures[kind]["templates_refused"] = caught
            figures[kind]["templates_refused_rate"] = round(caught / sent, 4) if sent else None
            figures[kind]["templates_named_as_such"] = named
        figures["texts"] = len(items)
        figures["mean_judge_ms"] = round(1000 * elapsed / max(len(items), 1), 2)
        result[split] = figures
        misjudged[split] = [j for j in judged if not j.right]
    result["meets_targets"] = all(
        result[split][k]["boilerplate_refused_rate"] >= BOILERPLATE_TARGET
        and result[split][k]["specific_accepted_rate"] >= SPECIFIC_TARGET
        for split in ("heldout", "fresh")
        for k in KINDS
    )
    console = Console(stderr=True)
    console.print(table(result))
    if args.show != "none":
        for j in misjudged[args.show]:
            what = "accepted" if not j.refused else "refused"
            console.print(
                f"[bold]{j.item.kind} {j.item.label} {what}[/] ({j.item.case}, {j.item.note}): "
                f"{j.item.text}\n  [dim]{j.message}[/]"
            )
    print(json.dumps(result, indent=2, ensure_ascii=False))


def _pct(rate: float | None) -> str:
    return "-" if rate is None else f"{100 * rate:.1f} %"


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} {_pct(part / whole if whole else None)}"


def table(result: dict[str, Any]) -> Table:
    t = Table(title="specificity guard: labelled corpus (bench/data/guard)")
    for column in (
        "half",
        "texts",
        "boilerplate refused",
        "specific accepted",
        "templates refused",
    ):
        t.add_column(column)
    for split in SPLITS:
        for kind in KINDS:
            f = result[split][kind]
            t.add_row(
                f"{split} {kind}",
                str(f["boilerplate"] + f["specific"]),
                _share(f["boilerplate_refused"], f["boilerplate"]),
                _share(f["specific_accepted"], f["specific"]),
                _share(f["templates_refused"], f["templates"]),
            )
    t.add_row(
        "targets (held-out, fresh)",
        "",
        f">= {_pct(BOILERPLATE_TARGET)}",
        f">= {_pct(SPECIFIC_TARGET)}",
        "",
    )
    t.caption = (
        f"mean time to judge a text: {result['heldout']['mean_judge_ms']} ms; "
        f"held-out and fresh meet the targets: {result['meets_targets']}"
    )
    return t


if __name__ == "__main__":
    main()
