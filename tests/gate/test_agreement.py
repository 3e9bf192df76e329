"""The gate agrees with the reference propagation (``standing.decisions.propagation``) on random
small graphs: for every account, capability and territory, the same verdict and the same denying
decision ids, whether compiled from scratch or reached by applying decisions, lifts and the
passing of time one change at a time."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from random import Random

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standing.decisions.model import Decision
from standing.decisions.propagation import GraphIndex, applicable, restriction
from standing.gate import propagate
from standing.gate.graph import CompiledGraph
from standing.gate.model import Change, GateDecision, GraphData, epoch
from standing.gate.state import GateState, advance, compile_state
from standing.graph.model import Account, Ownership

T0 = datetime(2026, 1, 1, tzinfo=UTC)
CAPABILITIES = ("ads.promote", "ads.political", "organic.post")
TERRITORIES = (None, "DE", "FR", "US")
NAMES = "abcdefghijklmnop"


@dataclass(frozen=True)
class World:
    parties: list[str]
    ownerships: list[Ownership]
    accounts: list[Account]
    decisions: list[Decision]


def gate_decision(d: Decision) -> GateDecision:
    return GateDecision(
        id=d.id,
        subject_id=d.subject_id,
        subject_kind=d.subject_kind,
        restricts=d.restricts,
        reach=d.reach,
        threshold=d.threshold,
        territories=d.territories,
        starts_at=epoch(d.starts_at),
        ends_at=epoch(d.effective_end),
        exempt=d.exempt,
    )


def decision(
    i: int,
    subject: str,
    kind: str,
    restricts: tuple[str, ...],
    reach: str,
    threshold: float,
    territories: tuple[str, ...] = (),
    starts: int = -10,
    ends: int | None = None,
    lifted: int | None = None,
    exempt: tuple[str, ...] = (),
) -> Decision:
    return Decision(
        id=f"dec-{i:02d}",
        subject_id=subject,
        subject_kind=kind,
        rule_id="rule",
        policy_version="1",
        restricts=restricts,
        reach=reach,
        threshold=threshold,
        facts="facts",
        evidence=(),
        territories=territories,
        starts_at=T0 + timedelta(hours=starts),
        ends_at=None if ends is None else T0 + timedelta(hours=ends),
        automated_detection=False,
        automated_decision=False,
        author="test",
        created_at=T0,
        lifted_at=None if lifted is None else T0 + timedelta(hours=lifted),
        exempt=exempt,
    )


shares = st.one_of(
    st.sampled_from([10.0, 20.0, 25.0, 30.0, 40.0, 49.0, 50.0, 51.0, 60.0, 100.0]),
    st.floats(0, 100, allow_nan=False),
)
thresholds = st.sampled_from([25.0, 30.0, 50.0, 50.0, 50.0, 60.0, 75.0])


@st.composite
def worlds(draw: st.DrawFn) -> World:
    names = draw(
        st.lists(st.text(NAMES, min_size=1, max_size=2), min_size=1, max_size=9, unique=True)
    )
    pick = st.sampled_from(names)
    ownerships = [
        Ownership(f"own-{i}", draw(pick), draw(pick), draw(shares))
        for i in range(draw(st.integers(0, 16)))
    ]
    accounts = [
        Account(f"acc-{i}", draw(st.one_of(st.none(), pick)), "svc", f"u{i}")
        for i in range(draw(st.integers(0, 12)))
    ]
    decisions = []
    for i in range(draw(st.integers(0, 7))):
        kind = "account" if accounts and draw(st.integers(0, 4)) == 0 else "party"
        subject = (
            draw(st.sampled_from([a.id for a in accounts])) if kind == "account" else draw(pick)
        )
        restricts = tuple(
            draw(st.lists(st.sampled_from(CAPABILITIES[:2]), min_size=1, max_size=2, unique=True))
        )
        territories = tuple(draw(st.lists(st.sampled_from(["DE", "FR"]), max_size=2, unique=True)))
        starts = draw(st.sampled_from([-10, -10, -10, 5, 20]))
        ends = draw(st.sampled_from([None, None, -5, 10, 30]))
        lifted = draw(st.sampled_from([None, None, None, -1, 15]))
        # carved out on appeal, now and then: parties (what only they brought in goes too)
        # and accounts
        exempt = tuple(
            draw(
                st.lists(
                    st.sampled_from([*names, *(a.id for a in accounts)]), max_size=2, unique=True
                )
                if draw(st.integers(0, 2)) == 0
                else st.just([])
            )
        )
        decisions.append(
            decision(
                i,
                subject,
                kind,
                restricts,
                draw(st.sampled_from(["controlled", "controlled", "subject"])),
                draw(thresholds),
                territories,
                starts,
                ends,
                lifted,
                exempt,
            )
        )
    return World(names, ownerships, accounts, decisions)


def graph_data(w: World) -> GraphData:
    return GraphData(
        parties=sorted(w.parties),
        ownerships=[(o.owner, o.asset, o.share) for o in w.ownerships],
        accounts=[(a.id, a.owner) for a in w.accounts],
    )


def compiled(w: World) -> CompiledGraph:
    return CompiledGraph.build(graph_data(w), [d.subject_id for d in w.decisions])


def assert_agrees(state: GateState, w: World, decisions: list[Decision], at: datetime) -> None:
    index = GraphIndex.build(w.ownerships, w.accounts)
    graph = state.graph
    for capability in CAPABILITIES:
        for territory in TERRITORIES:
            ref = restriction(applicable(decisions, capability, territory, at), index)
            ctx = state.context(capability, territory)
            for account in w.accounts:
                h = graph.account_index[account.id]
                expected = ref.accounts.get(account.id)
                allowed = True if ctx is None else bool(ctx.allowed[h])
                where = f"{account.id} {capability} {territory}"
                assert allowed == (expected is None), where
                if expected is not None:
                    assert ctx is not None
                    assert set(ctx.decision_ids(graph, h)) == set(expected.decisions), where
                    assert account.id in ctx.denied
                elif ctx is not None:
                    assert account.id not in ctx.denied


def lifted_now(d: Decision, at: datetime) -> Decision:
    """The decision as the store holds it at ``at``: a lift recorded later is not there yet."""
    if d.lifted_at is not None and d.lifted_at > at:
        return replace(d, lifted_at=None)
    return d


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(worlds())
def test_compiled_state_agrees_with_the_reference(w: World) -> None:
    at = T0
    state = compile_state(compiled(w), [gate_decision(d) for d in w.decisions], 0, epoch(at))
    assert_agrees(state, w, w.decisions, at)


@SETTINGS
@given(worlds(), st.sampled_from([T0 + timedelta(hours=h) for h in (0, 7, 12, 16, 25, 40)]))
def test_time_passing_agrees_with_the_reference(w: World, later: datetime) -> None:
    state = compile_state(compiled(w), [gate_decision(d) for d in w.decisions], 0, epoch(T0))
    state = advance(state, [], epoch(later))
    assert_agrees(state, w, w.decisions, later)


@SETTINGS
@given(worlds(), st.randoms(use_true_random=False))
def test_changes_applied_one_by_one_agree_with_the_reference(w: World, rnd: Random) -> None:
    """Record each decision (without its lift), then lift the lifted ones, checking after
    every change against the reference over the decisions recorded so far."""
    at = T0
    graph = compiled(w)
    state = compile_state(graph, [], 0, epoch(at))
    recorded: list[Decision] = []
    seq = 0
    plain = [replace(d, lifted_at=None) for d in w.decisions]
    order = list(range(len(plain)))
    rnd.shuffle(order)
    for i in order:
        seq += 1
        d = plain[i]
        recorded.append(d)
        state = advance(state, [Change(seq, "recorded", decision=gate_decision(d))], epoch(at))
        assert state.position == seq
        assert_agrees(state, w, recorded, at)
    for d in w.decisions:
        if d.lifted_at is None:
            continue
        seq += 1
        recorded = [d if r.id == d.id else r for r in recorded]
        state = advance(
            state,
            [Change(seq, "lifted", decision_id=d.id, lifted_at=epoch(d.lifted_at))],
            epoch(at),
        )
        assert_agrees(state, w, recorded, at)
    # and the incremental result equals a fresh compile, array for array
    fresh = compile_state(graph, [gate_decision(d) for d in recorded], seq, epoch(at))
    for key, ctx in fresh.contexts.items():
        mine = state.context(*key)
        assert mine is not None
        assert np.array_equal(mine.allowed, ctx.allowed)
        assert np.array_equal(mine.parties.rnd, ctx.parties.rnd)
        assert mine.denied == ctx.denied


@st.composite
def spread_worlds(draw: st.DrawFn) -> tuple[World, dict[str, float], dict[str, float | None]]:
    w = draw(worlds())
    before = {p: draw(thresholds) for p in draw(st.lists(st.sampled_from(w.parties), max_size=4))}
    changes = {
        p: draw(st.one_of(st.none(), thresholds))
        for p in draw(st.lists(st.sampled_from(w.parties), min_size=1, max_size=3))
    }
    return w, before, changes


@SETTINGS
@given(spread_worlds())
def test_sweep_equals_full_recompute(
    case: tuple[World, dict[str, float], dict[str, float | None]],
) -> None:
    """``propagate.update`` after any change of the controlled subjects gives exactly what
    ``propagate.full`` computes from scratch (rounds and thresholds of every party)."""
    w, before, changes = case
    graph = compiled(w)
    idx = graph.party_index
    old_spread = {idx[p]: t for p, t in before.items()}
    new_spread = dict(old_spread)
    for p, t in changes.items():
        if t is None:
            new_spread.pop(idx[p], None)
        else:
            new_spread[idx[p]] = t
    old = propagate.full(graph, old_spread)
    overlay = propagate.update(graph, old, new_spread, [idx[p] for p in changes])
    got = old.with_changes(overlay)
    want = propagate.full(graph, new_spread)
    assert got.rnd.tolist() == want.rnd.tolist()
    assert got.thr.tolist() == want.thr.tolist()
    for p, (r, t) in overlay.items():  # only parties that changed are reported
        assert r != old.rnd[p] or (r >= 0 and t != old.thr[p])


def test_named_cases() -> None:
    """The named cases of the spine issue, through the gate."""
    own = [
        Ownership("o1", "A", "X", 30.0),
        Ownership("o2", "B", "X", 25.0),  # two restricted owners at 30 % + 25 %: X reached
        Ownership("o3", "A", "Y", 49.0),  # 49 % does not reach
        Ownership("o4", "A", "C1", 60.0),
        Ownership("o5", "C1", "C2", 60.0),
        Ownership("o6", "C2", "C3", 60.0),  # a chain at 60 % each
        Ownership("o7", "C3", "C1", 60.0),  # and back: a cycle
        Ownership("o8", "P", "A", 100.0),  # P owns A: no upward spread
    ]
    accounts = [
        Account(f"acc-{p}", p, "svc", p) for p in ("A", "B", "X", "Y", "C1", "C2", "C3", "P")
    ]
    decisions = [
        decision(1, "A", "party", ("ads.promote",), "controlled", 50.0, threshold_fix := ()),
        decision(2, "B", "party", ("ads.promote",), "controlled", 50.0),
    ]
    del threshold_fix
    w = World(["A", "B", "X", "Y", "C1", "C2", "C3", "P"], own, accounts, decisions)
    state = compile_state(compiled(w), [gate_decision(d) for d in decisions], 0, epoch(T0))
    assert_agrees(state, w, decisions, T0)
    ctx = state.context("ads.promote", None)
    assert ctx is not None
    denied = set(ctx.denied)
    assert denied == {"acc-A", "acc-B", "acc-X", "acc-C1", "acc-C2", "acc-C3"}
    assert state.context("organic.post", None) is None


def test_ids_do_not_depend_on_how_ids_sort() -> None:
    """Y is held 50 % by A and 50 % by Z (itself reached through B): both decisions explain Y,
    whether Z's id sorts before Y's or after it (the least fixpoint has no visiting order)."""
    for z_name in ("z", "m"):
        own = [
            Ownership("o1", "A", "y", 50.0),
            Ownership("o2", "B", z_name, 60.0),
            Ownership("o3", z_name, "y", 50.0),
        ]
        accounts = [Account("acc-y", "y", "svc", "y")]
        decisions = [
            decision(1, "A", "party", ("ads.promote",), "controlled", 50.0),
            decision(2, "B", "party", ("ads.promote",), "controlled", 50.0),
        ]
        w = World(["A", "B", "y", z_name], own, accounts, decisions)
        state = compile_state(compiled(w), [gate_decision(d) for d in decisions], 0, epoch(T0))
        assert_agrees(state, w, decisions, T0)
        ctx = state.context("ads.promote", None)
        assert ctx is not None
        assert set(ctx.decision_ids(state.graph, 0)) == {"dec-01", "dec-02"}


@SETTINGS
@given(
    worlds(),
    st.lists(st.sampled_from([0, 3, 7, 12, 16, 25, 40]), min_size=1, max_size=8),
    st.randoms(use_true_random=False),
)
def test_records_lifts_and_time_interleaved(w: World, hours: list[int], rnd: Random) -> None:
    """Decisions recorded, lifted, starting and ending in one stream of changes and clock
    moves, against the reference at every step."""
    graph = compiled(w)
    at = T0
    state = compile_state(graph, [], 0, epoch(at))
    recorded: dict[str, Decision] = {}
    seq = 0
    steps: list[tuple[str, object]] = [("record", d) for d in w.decisions]
    steps += [("lift", d) for d in w.decisions if d.lifted_at is not None]
    steps += [("time", h) for h in hours]
    rnd.shuffle(steps)
    for kind, item in steps:
        if kind == "time":
            assert isinstance(item, int)
            at = max(at, T0 + timedelta(hours=item))
            state = advance(state, [], epoch(at))
        elif kind == "record":
            assert isinstance(item, Decision)
            seq += 1
            d = replace(item, lifted_at=None)
            recorded[d.id] = d
            state = advance(state, [Change(seq, "recorded", decision=gate_decision(d))], epoch(at))
        else:
            assert isinstance(item, Decision)
            if item.id not in recorded or item.lifted_at is None:
                continue
            seq += 1
            recorded[item.id] = item
            lifted = Change(seq, "lifted", decision_id=item.id, lifted_at=epoch(item.lifted_at))
            state = advance(state, [lifted], epoch(at))
        assert_agrees(state, w, list(recorded.values()), at)


def test_an_exempt_subsidiary_is_carved_out_and_the_group_stays_denied() -> None:
    """P holds S (100 %) and T (60 %); S holds U (60 %) and, with P's 20 %, V (40 %). Exempting
    S from P's decision allows S's account and U's (reached only through S), takes S's 40 % out
    of V's sum (20 % is short of 50 %), and leaves P and T denied."""
    own = [
        Ownership("o1", "P", "S", 100.0),
        Ownership("o2", "P", "T", 60.0),
        Ownership("o3", "S", "U", 60.0),
        Ownership("o4", "S", "V", 40.0),
        Ownership("o5", "P", "V", 20.0),
    ]
    accounts = [Account(f"acc-{p}", p, "svc", p) for p in ("P", "S", "T", "U", "V")]
    exempting = decision(1, "P", "party", ("ads.promote",), "controlled", 50.0, exempt=("S",))
    w = World(["P", "S", "T", "U", "V"], own, accounts, [exempting])
    state = compile_state(compiled(w), [gate_decision(exempting)], 0, epoch(T0))
    assert_agrees(state, w, [exempting], T0)
    ctx = state.context("ads.promote", None)
    assert ctx is not None
    assert set(ctx.denied) == {"acc-P", "acc-T"}
    # the same through the follower's path: the original lifted, its successor recorded
    original = decision(0, "P", "party", ("ads.promote",), "controlled", 50.0)
    state = compile_state(compiled(w), [gate_decision(original)], 0, epoch(T0))
    ctx = state.context("ads.promote", None)
    assert ctx is not None and "acc-S" in ctx.denied and "acc-V" in ctx.denied
    state = advance(
        state,
        [
            Change(1, "lifted", decision_id=original.id, lifted_at=epoch(T0)),
            Change(2, "recorded", decision=gate_decision(exempting)),
        ],
        epoch(T0),
    )
    ctx = state.context("ads.promote", None)
    assert ctx is not None
    assert set(ctx.denied) == {"acc-P", "acc-T"}
    assert ctx.decision_ids(state.graph, state.graph.account_index["acc-T"]) == ("dec-01",)


def test_an_exempt_account_is_allowed_while_its_owner_stays_restricted() -> None:
    own = [Ownership("o1", "P", "S", 100.0)]
    accounts = [Account("acc-S1", "S", "svc", "s1"), Account("acc-S2", "S", "svc", "s2")]
    exempting = decision(1, "P", "party", ("ads.promote",), "controlled", 50.0, exempt=("acc-S1",))
    other = decision(2, "S", "party", ("ads.promote",), "subject", 50.0)
    w = World(["P", "S"], own, accounts, [exempting, other])
    state = compile_state(compiled(w), [gate_decision(exempting)], 0, epoch(T0))
    assert_agrees(state, w, [exempting], T0)
    ctx = state.context("ads.promote", None)
    assert ctx is not None and set(ctx.denied) == {"acc-S2"}
    # a decision on S itself, which exempts nothing, still denies both
    state = advance(state, [Change(1, "recorded", decision=gate_decision(other))], epoch(T0))
    assert_agrees(state, w, [exempting, other], T0)
    ctx = state.context("ads.promote", None)
    assert ctx is not None and set(ctx.denied) == {"acc-S1", "acc-S2"}
    assert ctx.decision_ids(state.graph, state.graph.account_index["acc-S1"]) == ("dec-02",)
