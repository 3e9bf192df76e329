"""Checks running in threads while the follower applies changes never see a state that no
committed changelog prefix produced."""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime

import numpy as np

from standing.bootstrap import Services
from standing.decisions.model import Decision
from standing.decisions.propagation import GraphIndex, applicable, restriction
from standing.gate import Gate, GateOptions
from standing.graph.model import Account, Ownership
from tests.gate import factories


def test_checks_during_swaps_see_only_committed_prefixes(svc: Services, database_url: str) -> None:
    rng = random.Random(7)
    parties = [f"p{i:02d}" for i in range(30)]
    ownerships = [
        (parties[rng.randrange(i)], parties[i], rng.choice([30.0, 40.0, 60.0, 100.0]))
        for i in range(1, 30)
    ]
    accounts = [(f"acc-{i:03d}", rng.choice(parties)) for i in range(120)]
    factories.add_graph(svc, parties, ownerships, accounts)
    index = GraphIndex.build(
        [Ownership(str(i), o, a, s) for i, (o, a, s) in enumerate(ownerships)],
        [Account(a, o, "social", a) for a, o in accounts],
    )
    ids = [a for a, _ in accounts]
    # The script: record 16 decisions, lifting some of them on the way.
    script: list[tuple[str, Decision]] = []
    for i in range(16):
        d = factories.decision(
            f"dec-{i:02d}",
            rng.choice(parties),
            reach=rng.choice(["controlled", "subject"]),
            threshold=rng.choice([50.0, 30.0]),
        )
        script.append(("record", d))
        if i % 3 == 2:
            script.append(("lift", script[rng.randrange(len(script))][1]))
    # Expected answers after every prefix (by the reference), keyed by changelog position.
    base = factories.add_graph(svc)  # an empty graph entry: the script starts after it
    expected: dict[int, np.ndarray] = {}
    active: dict[str, Decision] = {}
    now = datetime.now(UTC)

    def answers() -> np.ndarray:
        ref = restriction(applicable(list(active.values()), "ads.promote", None, now), index)
        return np.array([a not in ref.accounts for a in ids])

    expected[base] = answers()
    positions = base
    for kind, d in script:
        positions += 1
        if kind == "record":
            active[d.id] = d
        else:
            active.pop(d.id, None)
        expected[positions] = answers()
    known = {arr.tobytes() for arr in expected.values()}

    gate = Gate.from_database(
        database_url, options=GateOptions(poll_interval_s=0.005, listen_timeout_s=0.05)
    )
    handles = gate.handles(ids)
    stop = threading.Event()
    problems: list[str] = []
    seen: set[int] = set()

    def reader() -> None:
        while not stop.is_set():
            view = gate.batch_view("ads.promote")
            got = np.array([a not in view.table for a in ids])
            pos = view.as_of
            seen.add(pos)
            if pos in expected and not np.array_equal(got, expected[pos]):
                problems.append(f"position {pos}: answers differ from that prefix")
            many = gate.allowed_many(handles, "ads.promote")
            if many.tobytes() not in known:
                problems.append("allowed_many returned answers no prefix produced")

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        done: set[str] = set()
        for kind, d in script:
            if kind == "record":
                factories.record(svc, d)
            elif d.id in done:
                factories.add_graph(svc)  # keep positions aligned: lifting twice is refused
            else:
                factories.lift(svc, d.id)
                done.add(d.id)
        assert gate.wait_for(positions, timeout=20)
    finally:
        stop.set()
        for t in threads:
            t.join()
        gate.close()
    assert not problems, problems[:5]
    assert np.array_equal(gate.allowed_many(handles, "ads.promote"), expected[positions])
    assert len(seen) > 1
