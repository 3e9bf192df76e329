"""The gate (full compile and incremental application) computes the least fixpoint of the
propagation semantics, whatever order the party ids sort in, whatever the thresholds and with
exemptions: checked
against the brute force in ``tests.decisions.fixpoint`` on random small graphs with mixed
thresholds and random id permutations, and on the audit's named case."""

from __future__ import annotations

from dataclasses import replace
from random import Random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from standing.bootstrap import Services
from standing.cli import gate as gate_cli
from standing.cli.root import mount
from standing.decisions.model import Decision
from standing.decisions.propagation import GraphIndex, applicable, restriction
from standing.gate import propagate
from standing.gate.model import Change, epoch
from standing.gate.state import GateState, advance, compile_state
from standing.graph.model import Account, Ownership
from tests.decisions.fixpoint import decision_specs, denied_accounts, least_fixpoint
from tests.gate import factories
from tests.gate.test_agreement import T0, World, compiled, decision, gate_decision

NODES = 7
CAPABILITY = "ads.promote"


def expected_accounts(w: World, decisions: list[Decision]) -> dict[str, frozenset[str]]:
    live = applicable(decisions, CAPABILITY, None, T0)
    edges = [(o.owner, o.asset, o.share) for o in w.ownerships]
    denying, _, _ = least_fixpoint(w.parties, edges, live)
    return denied_accounts([(a.id, a.owner) for a in w.accounts], live, denying)


def assert_fixpoint(state: GateState, w: World, decisions: list[Decision]) -> None:
    expected = expected_accounts(w, decisions)
    ctx = state.context(CAPABILITY, None)
    graph = state.graph
    for account in w.accounts:
        h = graph.account_index[account.id]
        want = expected.get(account.id)
        allowed = True if ctx is None else bool(ctx.allowed[h])
        assert allowed == (want is None), account.id
        if want is not None:
            assert ctx is not None
            assert set(ctx.decision_ids(graph, h)) == want, account.id
            assert account.id in ctx.denied
    # and the reference agrees too
    index = GraphIndex.build(w.ownerships, w.accounts)
    ref = restriction(applicable(decisions, CAPABILITY, None, T0), index)
    assert {a: r.decisions for a, r in ref.accounts.items()} == expected


@st.composite
def mixed_worlds(draw: st.DrawFn) -> tuple[World, Random]:
    names = draw(st.permutations([f"n{i}" for i in range(NODES)]))
    edges = draw(
        st.lists(
            st.tuples(
                st.integers(0, NODES - 1),
                st.integers(0, NODES - 1),
                st.sampled_from([10.0, 15.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 90.0, 100.0]),
            ),
            max_size=16,
        )
    )
    ownerships = [Ownership(f"own-{i}", names[o], names[a], s) for i, (o, a, s) in enumerate(edges)]
    accounts = [Account(f"acc-{i}", names[i], "svc", f"u{i}") for i in range(NODES)]
    specs = draw(decision_specs(NODES, max_size=5))
    # now and then a decision carves out parties or accounts (an appeal's exemption)
    carve = st.lists(st.integers(0, 2 * NODES - 1), max_size=2, unique=True)
    decisions = [
        decision(
            i,
            names[subject],
            "party",
            (CAPABILITY,),
            reach,
            threshold,
            exempt=tuple(
                names[k] if k < NODES else f"acc-{k - NODES}"
                for k in (draw(carve) if draw(st.integers(0, 2)) == 0 else [])
            ),
        )
        for i, (subject, reach, threshold) in enumerate(specs)
    ]
    w = World(sorted(names), ownerships, accounts, decisions)
    return w, draw(st.randoms(use_true_random=False))


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(mixed_worlds())
def test_gate_is_the_least_fixpoint(case: tuple[World, Random]) -> None:
    """Compiled from scratch; then built one decision at a time in random order; then taken
    apart one lift at a time in random order; compared with the brute force after each step."""
    w, rnd = case
    graph = compiled(w)
    at = epoch(T0)
    state = compile_state(graph, [gate_decision(d) for d in w.decisions], 0, at)
    assert_fixpoint(state, w, w.decisions)

    state = compile_state(graph, [], 0, at)
    order = list(w.decisions)
    rnd.shuffle(order)
    recorded: dict[str, Decision] = {}
    seq = 0
    for d in order:
        seq += 1
        recorded[d.id] = d
        state = advance(state, [Change(seq, "recorded", decision=gate_decision(d))], at)
        assert_fixpoint(state, w, list(recorded.values()))
    rnd.shuffle(order)
    for d in order:
        seq += 1
        recorded[d.id] = replace(d, lifted_at=T0)
        state = advance(state, [Change(seq, "lifted", decision_id=d.id, lifted_at=at)], at)
        assert_fixpoint(state, w, list(recorded.values()))


@SETTINGS
@given(mixed_worlds())
def test_sweep_thresholds_are_the_fixpoints(case: tuple[World, Random]) -> None:
    """Each spreading party's threshold in the compiled state is the brute force's, after a full
    compile and after every incremental change of a subject's threshold."""
    w, rnd = case
    graph = compiled(w)
    idx = graph.party_index
    edges = [(o.owner, o.asset, o.share) for o in w.ownerships]
    # the party state without exemptions (they are applied on top: ``standing.gate.exempt``)
    controlled = [replace(d, exempt=()) for d in w.decisions if d.reach == "controlled"]

    def check(state: propagate.PartyState, decisions: list[Decision]) -> None:
        _, theta, _ = least_fixpoint(w.parties, edges, decisions)
        got = {p: float(state.thr[i]) for p, i in idx.items() if state.rnd[i] >= 0}
        assert got == theta

    spread: dict[int, float] = {}
    state = propagate.full(graph, spread)
    live: dict[str, Decision] = {}
    steps = [*controlled, *controlled]  # each decision added, then removed
    rnd.shuffle(steps)
    for d in steps:
        if d.id in live:
            del live[d.id]
        else:
            live[d.id] = d
        p = idx[d.subject_id]
        new_spread = dict(spread)
        thresholds = [x.threshold for x in live.values() if x.subject_id == d.subject_id]
        if thresholds:
            new_spread[p] = min(thresholds)
        else:
            new_spread.pop(p, None)
        state = state.with_changes(propagate.update(graph, state, new_spread, [p]))
        spread = new_spread
        check(state, list(live.values()))
        full = propagate.full(graph, spread)
        assert state.rnd.tolist() == full.rnd.tolist()
        assert state.thr.tolist() == full.thr.tolist()


# --- the audit's named case ------------------------------------------------------------------

NAMED_EDGES = [("s1", "m1", 90.0), ("m2", "m1", 10.0), ("s2", "m2", 100.0), ("m1", "y", 30.0)]


def swap(name: str, swapped: bool) -> str:
    return {"m1": "m2", "m2": "m1"}.get(name, name) if swapped else name


def named_world(swapped: bool) -> World:
    own = [
        Ownership(f"o{i}", swap(o, swapped), swap(a, swapped), s)
        for i, (o, a, s) in enumerate(NAMED_EDGES)
    ]
    decisions = [
        decision(1, "s1", "party", (CAPABILITY,), "controlled", 75.0),
        decision(2, "s2", "party", (CAPABILITY,), "controlled", 25.0),
    ]
    return World(["m1", "m2", "s1", "s2", "y"], own, [Account("ay", "y", "svc", "ay")], decisions)


@pytest.mark.parametrize("swapped", [False, True])
@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_named_case_in_both_id_orders(swapped: bool, order: tuple[int, int]) -> None:
    w = named_world(swapped)
    graph = compiled(w)
    at = epoch(T0)
    full = compile_state(graph, [gate_decision(d) for d in w.decisions], 0, at)
    state = compile_state(graph, [], 0, at)
    for seq, i in enumerate(order, 1):
        state = advance(
            state, [Change(seq, "recorded", decision=gate_decision(w.decisions[i]))], at
        )
    for s in (full, state):
        assert_fixpoint(s, w, w.decisions)
        ctx = s.context(CAPABILITY, None)
        assert ctx is not None
        assert ctx.denied == {"ay"}
        h = graph.account_index["ay"]
        assert ctx.decision_ids(graph, h) == ("dec-01", "dec-02")


@pytest.mark.parametrize("swapped", [False, True])
def test_named_case_through_standing_check(svc: Services, database_url: str, swapped: bool) -> None:
    """``standing check ay ads.promote`` exits 1 (denied by both decisions) in both id orders,
    and lifting the 25 % decision allows it again."""
    import typer

    factories.add_graph(
        svc,
        parties=["s1", "s2", "m1", "m2", "y"],
        ownerships=[(swap(o, swapped), swap(a, swapped), s) for o, a, s in NAMED_EDGES],
        accounts=[("ay", "y")],
    )
    factories.record(svc, factories.decision("dec-high", "s1", threshold=75.0))
    factories.record(svc, factories.decision("dec-low", "s2", threshold=25.0))
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app."""

    mount(app, gate_cli.app)
    runner = CliRunner()
    r = runner.invoke(app, ["check", "ay", CAPABILITY, "--database", database_url])
    assert r.exit_code == 1, r.output
    assert "dec-high" in r.output and "dec-low" in r.output
    factories.lift(svc, "dec-low")
    r = runner.invoke(app, ["check", "ay", CAPABILITY, "--database", database_url])
    assert r.exit_code == 0, r.output


# --- a decision on a controlled party ---------------------------------------------------------

SUBJECT_EDGES = [("p", "x", 100.0), ("x", "y", 30.0)]


def subject_world() -> World:
    own = [Ownership(f"o{i}", o, a, s) for i, (o, a, s) in enumerate(SUBJECT_EDGES)]
    decisions = [
        decision(1, "p", "party", (CAPABILITY,), "controlled", 25.0),
        decision(2, "x", "party", (CAPABILITY,), "controlled", 75.0),
    ]
    return World(["p", "x", "y"], own, [Account("ay", "y", "svc", "ay")], decisions)


def test_a_decision_on_a_controlled_party_does_not_shrink_the_spread() -> None:
    """x is held 100 % by p (25 %) and holds 30 % of y: adding a 75 % decision on x leaves y
    restricted, compiled in full and applied incrementally; lifting it (and then p's) too."""
    w = subject_world()
    graph = compiled(w)
    at = epoch(T0)
    parent, on_x = w.decisions
    full = compile_state(graph, [gate_decision(d) for d in w.decisions], 0, at)
    state = compile_state(graph, [gate_decision(parent)], 0, at)
    assert_fixpoint(state, w, [parent])
    state = advance(state, [Change(1, "recorded", decision=gate_decision(on_x))], at)
    h = graph.account_index["ay"]
    x = graph.party_index["x"]
    for s in (full, state):
        assert_fixpoint(s, w, w.decisions)
        ctx = s.context(CAPABILITY, None)
        assert ctx is not None
        assert ctx.denied == {"ay"}
        assert ctx.decision_ids(graph, h) == ("dec-01", "dec-02")
        assert float(ctx.parties.thr[x]) == 25.0
        assert int(ctx.parties.rnd[x]) == propagate.BOTH
        assert propagate.via(graph, ctx.parties, x) == [(graph.party_index["p"], 100.0)]
    lifted = replace(on_x, lifted_at=T0)
    state = advance(state, [Change(2, "lifted", decision_id=on_x.id, lifted_at=at)], at)
    assert_fixpoint(state, w, [parent, lifted])
    state = advance(state, [Change(3, "lifted", decision_id=parent.id, lifted_at=at)], at)
    assert_fixpoint(state, w, [replace(parent, lifted_at=T0), lifted])
    ctx = state.context(CAPABILITY, None)
    assert ctx is None or not ctx.denied


def test_a_subject_inherits_when_a_higher_theta_owner_adds_the_missing_shares() -> None:
    """x (its own 75 %) is held 10 % by s (25 %) and 90 % by m, which x's own decision reaches
    (x holds all of m): m spreading at 75 % adds the shares that make x controlled at 25 %, so x,
    m and y (30 % held by m) spread at 25 %. Compiled in full and applied in both orders."""
    edges = [("s", "x", 10.0), ("m", "x", 90.0), ("x", "m", 100.0), ("m", "y", 30.0)]
    own = [Ownership(f"o{i}", o, a, sh) for i, (o, a, sh) in enumerate(edges)]
    decisions = [
        decision(1, "s", "party", (CAPABILITY,), "controlled", 25.0),
        decision(2, "x", "party", (CAPABILITY,), "controlled", 75.0),
    ]
    w = World(["m", "s", "x", "y"], own, [Account("ay", "y", "svc", "ay")], decisions)
    graph = compiled(w)
    at = epoch(T0)
    full = compile_state(graph, [gate_decision(d) for d in decisions], 0, at)
    states = [full]
    for order in ((0, 1), (1, 0)):
        state = compile_state(graph, [], 0, at)
        for seq, i in enumerate(order, 1):
            state = advance(
                state, [Change(seq, "recorded", decision=gate_decision(decisions[i]))], at
            )
        states.append(state)
    for s in states:
        assert_fixpoint(s, w, decisions)
        ctx = s.context(CAPABILITY, None)
        assert ctx is not None
        assert {p: float(ctx.parties.thr[graph.party_index[p]]) for p in "mxy"} == {
            "m": 25.0,
            "x": 25.0,
            "y": 25.0,
        }
        assert ctx.decision_ids(graph, graph.account_index["ay"]) == ("dec-01", "dec-02")
