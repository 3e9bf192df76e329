"""The batch route's cache of denial fragments: one per gate context, none for a view whose
answers are not the context's, and gone with the context."""

from __future__ import annotations

import gc
from dataclasses import replace

from standing.gate import Gate, GateOptions
from standing.gate.core import BatchView
from standing.gate.graph import CompiledGraph
from standing.gate.model import GateDecision, GraphData
from standing.gate.state import compile_state
from standing.web.api.check import Fragments, answer

GRAPH = GraphData(
    parties=["vendor", "other"], ownerships=[], accounts=[("acc-1", "vendor"), ("acc-2", "other")]
)
DECISION = GateDecision("dec-1", "vendor", "party", ("ads.promote",), "controlled", 50.0, (), 0.0)


def test_one_cache_per_context_and_a_throwaway_one_otherwise() -> None:
    with Gate.from_data(GRAPH, [DECISION], options=GateOptions()) as gate:
        fragments = Fragments()
        view = gate.batch_view("ads.promote")
        cache = fragments.of(view)
        cache["acc-1"] = "tail"
        assert fragments.of(gate.batch_view("ads.promote")) is cache
        assert fragments.of(gate.batch_view("ads.promote", "DE")) is cache  # the same context
        assert fragments.of(gate.batch_view("organic.post")) == {}  # no context
        assert fragments.of(replace(view, stale=True)) == {}
        assert fragments.of(replace(view, closed=True)) == {}
        assert len(fragments) == 1


def test_the_cache_goes_with_its_context() -> None:
    graph = CompiledGraph.build(GRAPH, ["vendor"])
    state = compile_state(graph, [DECISION], 1, 1.0)
    context = state.context("ads.promote", None)
    assert context is not None
    view = BatchView(state, context.denied, context, stale=False, closed=False)
    fragments = Fragments()
    fragments.of(view)["acc-1"] = "tail"
    assert len(fragments) == 1
    del view, state, context
    gc.collect()
    assert len(fragments) == 0


def test_a_denial_reads_the_same_from_the_cache() -> None:
    with Gate.from_data(GRAPH, [DECISION], options=GateOptions()) as gate:
        body = b'{"capability":"ads.promote","accounts":["acc-1","acc-2"]}'
        first = answer(gate, "ads.promote", ["acc-1", "acc-2"], None, body)
        assert answer(gate, "ads.promote", ["acc-1", "acc-2"], None, body) == first
        assert first == (
            b'{"results":[{"account":"acc-1","allowed":false,"decisions":["dec-1"]},'
            b'{"account":"acc-2","allowed":true,"decisions":[]}],"as_of":0}'
        )
