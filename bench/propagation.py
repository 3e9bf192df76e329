"""Propagation benchmark: full recompute and incremental application of one decision.

Synthetic data (``bench/_synthetic.py``, seeded): 1,000,000 accounts, 200,000 parties in a
random ownership forest, 2 % of parties restricted with ``controlled`` reach. Prints one JSON
document on stdout and a summary table on stderr.

Targets (DESIGN.md section 5): full recompute <= 50 ms; one new decision applied
incrementally, p99 <= 100 us.

    .venv/bin/python bench/propagation.py [--accounts N] [--parties N] [--samples N]
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import orjson
from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._synthetic import decision_for, generate
from standing.gate import propagate
from standing.gate.graph import CompiledGraph
from standing.gate.model import Change
from standing.gate.propagate import PartyState
from standing.gate.state import advance, compile_state

FULL_TARGET_MS = 50.0
INCREMENTAL_P99_TARGET_US = 100.0


def denied_accounts(graph: CompiledGraph, parties: PartyState, subjects: np.ndarray) -> np.ndarray:
    """The semantic output: which accounts are denied (owner restricted)."""
    restricted = np.zeros(graph.n_parties + 1, np.bool_)
    restricted[:-1] = parties.rnd >= 0
    restricted[subjects] = True
    denied: np.ndarray = restricted[graph.account_owner]
    return denied


def full_recompute(graph: CompiledGraph, spread: dict[int, float], subjects: np.ndarray) -> float:
    t = time.perf_counter()
    parties = propagate.full(graph, spread)
    denied_accounts(graph, parties, subjects)
    return time.perf_counter() - t


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def incremental(
    graph: CompiledGraph,
    base: PartyState,
    spread: dict[int, float],
    parties: list[int],
    add: bool,
) -> tuple[list[float], list[int], list[int]]:
    """Apply one decision change to ``base`` (each sample independent): add a controlled
    decision on a party, or remove one. Timed: the sweep plus the accounts whose answer flips."""
    times: list[float] = []
    reached: list[int] = []
    flipped: list[int] = []
    for p in parties:
        new_spread = dict(spread)
        if add:
            new_spread[p] = 50.0
        else:
            del new_spread[p]
        gc.disable()
        t = time.perf_counter()
        overlay = propagate.update(graph, base, new_spread, [p])
        accounts = 0
        for q, (r, _) in overlay.items():
            if (r >= 0) != (int(base.rnd[q]) >= 0):
                accounts += int(graph.acc_ptr[q + 1] - graph.acc_ptr[q])
        times.append(time.perf_counter() - t)
        gc.enable()
        reached.append(len(overlay))
        flipped.append(accounts)
    return times, reached, flipped


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--parties", type=int, default=200_000)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20181)
    args = parser.parse_args()

    syn = generate(args.accounts, args.parties, seed=args.seed)
    graph = syn.compiled()
    spread = {int(p): 50.0 for p in syn.restricted}
    subjects = syn.restricted.astype(np.int64)

    full_recompute(graph, spread, subjects)  # warm up (first touches of the arrays)
    fulls = [full_recompute(graph, spread, subjects) for _ in range(9)]
    t = time.perf_counter()
    parties = propagate.full(graph, spread)
    fixpoint_only = time.perf_counter() - t
    spreading = int((parties.rnd >= 0).sum())
    denied = int(denied_accounts(graph, parties, subjects).sum())

    rng = random.Random(args.seed)
    free = np.flatnonzero(parties.rnd < 0).tolist()
    adds = rng.sample(free, args.samples)
    add_t, add_reach, add_flips = incremental(graph, parties, spread, adds, add=True)
    removes = rng.sample(sorted(spread), min(args.samples, len(spread)))
    rm_t, _, _ = incremental(graph, parties, spread, removes, add=False)

    # The same change applied to a whole gate state (copy-on-write arrays, denied-id set).
    now = syn.decisions[0].starts_at + 1
    state = compile_state(graph, syn.decisions, len(syn.decisions), now)
    gate_times = []
    for n, p in enumerate(adds[:200]):
        d = decision_for(syn.party_ids[p], 10_000_000 + n, now - 1)
        change = Change(state.position + 1, "recorded", decision=d)
        t = time.perf_counter()
        advance(state, [change], now)
        gate_times.append(time.perf_counter() - t)

    # The plain-Python reference on the same graph (index build not timed).
    from standing.decisions.model import Decision  # noqa: F401 - documents what the reference takes
    from standing.decisions.propagation import GraphIndex, restriction
    from standing.graph.model import Account, Ownership

    reference_ms = None
    if args.accounts <= 1_000_000:
        p_ids = syn.party_ids
        index = GraphIndex.build(
            (
                Ownership(str(i), p_ids[o], p_ids[a], s)
                for i, (o, a, s) in enumerate(
                    zip(
                        syn.edge_owner.tolist(),
                        syn.edge_asset.tolist(),
                        syn.edge_share.tolist(),
                        strict=True,
                    )
                )
            ),
            (
                Account(a, None if o < 0 else p_ids[o], "s", a)
                for a, o in zip(syn.account_ids, syn.account_owner.tolist(), strict=True)
            ),
        )
        ref_decisions = [_as_reference(d) for d in syn.decisions]
        t = time.perf_counter()
        ref = restriction(ref_decisions, index)
        reference_ms = (time.perf_counter() - t) * 1e3
        assert len(ref.accounts) == denied, (len(ref.accounts), denied)
        del index, ref

    result = {
        "accounts": args.accounts,
        "parties": args.parties,
        "edges": graph.n_edges,
        "restricted_subjects": len(spread),
        "restricted_parties": spreading,
        "denied_accounts": denied,
        "full_recompute_ms": round(statistics.median(fulls) * 1e3, 2),
        "full_recompute_min_ms": round(min(fulls) * 1e3, 2),
        "full_fixpoint_only_ms": round(fixpoint_only * 1e3, 2),
        "reference_python_ms": None if reference_ms is None else round(reference_ms, 1),
        "incremental_samples": len(add_t),
        "incremental_p50_us": round(percentile(add_t, 50) * 1e6, 1),
        "incremental_p99_us": round(percentile(add_t, 99) * 1e6, 1),
        "incremental_max_us": round(max(add_t) * 1e6, 1),
        "incremental_reach_p99_parties": percentile([float(x) for x in add_reach], 99),
        "incremental_flipped_accounts_p99": percentile([float(x) for x in add_flips], 99),
        "lift_incremental_p50_us": round(percentile(rm_t, 50) * 1e6, 1),
        "lift_incremental_p99_us": round(percentile(rm_t, 99) * 1e6, 1),
        "gate_apply_p50_ms": round(percentile(gate_times, 50) * 1e3, 2),
        "gate_apply_p99_ms": round(percentile(gate_times, 99) * 1e3, 2),
        "targets": {
            "full_recompute_ms": FULL_TARGET_MS,
            "incremental_p99_us": INCREMENTAL_P99_TARGET_US,
        },
    }
    result["meets_targets"] = (
        result["full_recompute_ms"] <= FULL_TARGET_MS
        and result["incremental_p99_us"] <= INCREMENTAL_P99_TARGET_US
    )
    sys.stdout.write(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n")
    table = Table("measure", "value", "target", title="propagation (1 M accounts / 200 k parties)")
    table.add_row(
        "full recompute (parties + accounts)",
        f"{result['full_recompute_ms']} ms",
        f"<= {FULL_TARGET_MS:g} ms",
    )
    table.add_row("  of which party fixpoint", f"{result['full_fixpoint_only_ms']} ms", "")
    table.add_row("plain-Python reference", f"{result['reference_python_ms']} ms", "")
    table.add_row("one new decision, p50", f"{result['incremental_p50_us']} us", "")
    table.add_row(
        "one new decision, p99",
        f"{result['incremental_p99_us']} us",
        f"<= {INCREMENTAL_P99_TARGET_US:g} us",
    )
    table.add_row("one lift, p99", f"{result['lift_incremental_p99_us']} us", "")
    table.add_row("whole gate state, one decision, p99", f"{result['gate_apply_p99_ms']} ms", "")
    Console(stderr=True).print(table)


def _as_reference(d: object) -> object:
    from datetime import UTC, datetime

    from standing.decisions.model import Decision
    from standing.gate.model import GateDecision

    assert isinstance(d, GateDecision)
    at = datetime.fromtimestamp(d.starts_at, UTC)
    return Decision(
        id=d.id,
        subject_id=d.subject_id,
        subject_kind=d.subject_kind,
        rule_id="bench",
        policy_version="bench",
        restricts=d.restricts,
        reach=d.reach,
        threshold=d.threshold,
        facts="",
        evidence=(),
        territories=d.territories,
        starts_at=at,
        ends_at=None,
        automated_detection=False,
        automated_decision=False,
        author="bench",
        created_at=at,
    )


if __name__ == "__main__":
    main()
