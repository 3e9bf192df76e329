"""A follower that cannot reach its source turns the gate stale after ``stale_after``: it then
fails closed (denies, saying why) or open, as configured, logs the transition once and exports
the staleness; when the source answers again the gate is fresh."""

from __future__ import annotations

import logging
import threading

import pytest

from standing.gate import Gate, GateOptions
from standing.gate import metrics as gate_metrics
from standing.gate.graph import CompiledGraph
from standing.gate.model import Batch, GateDecision, GraphData, Loaded
from standing.gate.state import compile_state
from tests.gate.conftest import eventually

GRAPH = GraphData(
    parties=["vendor", "other"], ownerships=[], accounts=[("acc-1", "vendor"), ("acc-2", "other")]
)
DECISION = GateDecision("dec-1", "vendor", "party", ("ads.promote",), "controlled", 50.0, (), 0.0)


class FlakySource:
    def __init__(self) -> None:
        self.down = threading.Event()
        self.closed = False

    @property
    def listens(self) -> bool:
        return False

    def load(self) -> Loaded:
        return Loaded(GRAPH, [DECISION], 1)

    def poll(self, position: int, limit: int) -> Batch:
        if self.down.is_set():
            raise ConnectionError("database unreachable")
        return Batch(())

    def wait(self, timeout: float) -> None:  # pragma: no cover - never listens
        pass

    def close(self) -> None:
        self.closed = True


def following_gate(fail_closed: bool) -> tuple[Gate, FlakySource]:
    source = FlakySource()
    options = GateOptions(fail_closed=fail_closed, stale_after_s=0.2, poll_interval_s=0.01)
    graph = CompiledGraph.build(GRAPH, ["vendor"])
    gate = Gate(compile_state(graph, [DECISION], 1, 1.0), options)
    gate.follow(source)
    return gate, source


@pytest.mark.parametrize("fail_closed", [True, False])
def test_stale_follower(fail_closed: bool, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="standing.gate")
    gate, source = following_gate(fail_closed)
    try:
        assert gate.allowed("acc-2", "ads.promote")
        assert not gate.allowed("acc-1", "ads.promote")
        source.down.set()
        assert eventually(lambda: gate.stale, timeout=10)
        verdict = gate.check("acc-2", "ads.promote")
        assert "stale" in verdict.reason
        assert verdict.allowed is not fail_closed
        assert gate.allowed("acc-2", "ads.promote") is not fail_closed
        assert gate.allowed("acc-2", "never.restricted") is not fail_closed
        assert gate.allowed_many(["acc-1", "acc-2"], "ads.promote").tolist() == (
            [False, False] if fail_closed else [False, True]
        )
        assert not gate.allowed("acc-1", "ads.promote")  # denied either way
        staleness = gate.staleness()
        assert staleness is not None and staleness[0] > 0.2
        # the gauges are the process's: another gate following in it (a fixture's) writes its
        # own age and freshness between the watchdog's ticks, so they are read until they
        # show this gate's
        assert eventually(lambda: gate_metrics.staleness_seconds._value.get() > 0.2, timeout=10)
        assert eventually(lambda: gate_metrics.stale._value.get() == 1, timeout=10)
        source.down.clear()
        assert eventually(lambda: not gate.stale, timeout=10)
        assert gate.allowed("acc-2", "ads.promote")
        assert "stale" not in gate.check("acc-2", "ads.promote").reason
    finally:
        gate.close()
    assert source.closed
    stale_logs = [r for r in caplog.records if r.getMessage().startswith("gate stale")]
    fresh_logs = [r for r in caplog.records if r.getMessage().startswith("gate fresh")]
    assert len(stale_logs) == 1
    assert len(fresh_logs) == 1
    failing = [r for r in caplog.records if "cannot read the changelog" in r.getMessage()]
    assert len(failing) == 1
