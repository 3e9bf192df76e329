from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from standing.decisions.model import Decision
from standing.decisions.propagation import GraphIndex, applicable, reach_of, restriction
from standing.graph.model import Account, Ownership
from tests.decisions.fixpoint import decision_specs, denied_accounts, least_fixpoint
from tests.factories import T0, decision

NOW = T0 + timedelta(days=10)


def graph(edges: list[tuple[str, str, float]], accounts: dict[str, str | None]) -> GraphIndex:
    return GraphIndex.build(
        [Ownership(f"o{i}", o, a, s) for i, (o, a, s) in enumerate(edges)],
        [Account(acc, owner, "social", acc) for acc, owner in accounts.items()],
    )


def denied(decisions: list[Decision], g: GraphIndex, territory: str | None = None) -> set[str]:
    return set(restriction(applicable(decisions, "ads.promote", territory, NOW), g).accounts)


def test_two_restricted_owners_at_30_and_25_percent_reach_a_company() -> None:
    g = graph([("a", "c", 30), ("b", "c", 25)], {"acc-c": "c"})
    decs = [decision("d1", "a"), decision("d2", "b")]
    result = restriction(decs, g)
    assert set(result.parties) == {"a", "b", "c"}
    assert result.parties["c"].decisions == {"d1", "d2"}
    assert "acc-c" in result.accounts


def test_49_percent_does_not_reach() -> None:
    g = graph([("a", "c", 49)], {"acc-c": "c"})
    assert denied([decision("d1", "a")], g) == set()


def test_exactly_the_threshold_reaches() -> None:
    g = graph([("a", "c", 50)], {"acc-c": "c"})
    assert denied([decision("d1", "a")], g) == {"acc-c"}


def test_chain_at_60_percent_each() -> None:
    g = graph([("a", "b", 60), ("b", "c", 60)], {"acc-a": "a", "acc-b": "b", "acc-c": "c"})
    result = restriction([decision("d1", "a")], g)
    assert set(result.parties) == {"a", "b", "c"}
    assert result.parties["c"].via == (("b", 60),)
    assert set(result.accounts) == {"acc-a", "acc-b", "acc-c"}


def test_cycle_terminates_and_reaches_every_member() -> None:
    g = graph([("a", "b", 60), ("b", "c", 70), ("c", "a", 80)], {"acc-c": "c"})
    assert set(restriction([decision("d1", "b")], g).parties) == {"a", "b", "c"}


def test_persons_own_account_untouched_by_decision_on_company_they_own() -> None:
    g = graph([("person", "co", 100)], {"acc-person": "person", "acc-co": "co"})
    assert denied([decision("d1", "co")], g) == {"acc-co"}


def test_subject_reach_does_not_spread() -> None:
    g = graph([("a", "b", 100)], {"acc-a": "a", "acc-b": "b"})
    assert denied([decision("d1", "a", reach="subject")], g) == {"acc-a"}


def test_shares_of_subject_reach_owners_do_not_count() -> None:
    g = graph([("a", "c", 30), ("b", "c", 30)], {"acc-c": "c"})
    decs = [decision("d1", "a"), decision("d2", "b", reach="subject")]
    assert denied(decs, g) == set()


def test_account_subject_denies_only_that_account() -> None:
    g = graph([], {"acc-1": "p", "acc-2": "p"})
    decs = [decision("d1", "acc-1", subject_kind="account")]
    assert denied(decs, g) == {"acc-1"}


def test_territories_and_time() -> None:
    g = graph([], {"acc-a": "a", "acc-b": "b", "acc-c": "c"})
    decs = [
        decision("de", "a", territories=("DE",)),
        decision("global", "b"),
        decision("ended", "c", ends_at=NOW),
    ]
    assert denied(decs, g, "DE") == {"acc-a", "acc-b"}
    assert denied(decs, g, "FR") == {"acc-b"}
    assert denied(decs, g, None) == {"acc-a", "acc-b"}


# --- property: the worklist agrees with a brute-force least fixpoint -------------------------

NODES = 7
SPECS = st.lists(
    st.tuples(
        st.integers(0, NODES - 1),
        st.integers(0, NODES - 1),
        st.sampled_from([10.0, 15.0, 25.0, 30.0, 40.0, 50.0, 60.0, 75.0, 90.0, 100.0]),
    ),
    max_size=16,
)  # self-holdings and repeated edges included on purpose
DECS = decision_specs(NODES, max_size=4)


def check_against_fixpoint(
    names: list[str],
    edges: list[tuple[int, int, float]],
    specs: list[tuple[int, str, float]],
) -> None:
    named = [(names[o], names[a], s) for o, a, s in edges]
    decisions = [
        decision(f"d{i}", names[subject], reach=reach, threshold=threshold)
        for i, (subject, reach, threshold) in enumerate(specs)
    ]
    accounts = {f"acc-{p}": p for p in names}
    result = restriction(decisions, graph(named, accounts))
    denying, _, via = least_fixpoint(names, named, decisions)
    assert {p: r.decisions for p, r in result.parties.items()} == denying
    assert {p: tuple(sorted(r.via)) for p, r in result.parties.items() if r.via} == via
    expected = denied_accounts(accounts.items(), decisions, denying)
    assert {a: r.decisions for a, r in result.accounts.items()} == expected


@settings(max_examples=400, deadline=None)
@given(SPECS, DECS, st.permutations([f"p{i}" for i in range(NODES)]))
def test_agrees_with_the_least_fixpoint_whatever_the_ids(
    edges: list[tuple[int, int, float]],
    specs: list[tuple[int, str, float]],
    names: list[str],
) -> None:
    """Mixed thresholds (25/50/75) on random small graphs, the parties named in a random order:
    the same structure gives the same answer, and it is the least fixpoint."""
    check_against_fixpoint(names, edges, specs)


# The audit's case: s1 (threshold 75) holds 90 % of m1, which the 25 % rule reaches through m2
# (10 %, itself held 100 % by s2): m1 then spreads at 25 % and its 30 % of y reach y. Renaming
# m1 and m2 (which swaps the order their ids sort in) must not change the answer.
NAMED_EDGES = [("s1", "m1", 90.0), ("m2", "m1", 10.0), ("s2", "m2", 100.0), ("m1", "y", 30.0)]


def swap(name: str, swapped: bool) -> str:
    return {"m1": "m2", "m2": "m1"}.get(name, name) if swapped else name


@pytest.mark.parametrize("swapped", [False, True])
def test_mixed_thresholds_do_not_depend_on_how_ids_sort(swapped: bool) -> None:
    edges = [(swap(o, swapped), swap(a, swapped), s) for o, a, s in NAMED_EDGES]
    g = graph(edges, {"ay": "y"})
    decs = [
        decision("d-high", "s1", threshold=75.0),
        decision("d-low", "s2", threshold=25.0),
    ]
    result = restriction(decs, g)
    m1, m2 = swap("m1", swapped), swap("m2", swapped)
    assert set(result.parties) == {"s1", "s2", "m1", "m2", "y"}
    assert result.parties[m1].decisions == {"d-high", "d-low"}
    assert set(result.parties[m1].via) == {("s1", 90.0), (m2, 10.0)}
    assert result.parties[m2].decisions == {"d-low"}
    assert result.parties["y"].decisions == {"d-high", "d-low"}
    assert result.accounts["ay"].decisions == {"d-high", "d-low"}
    assert denied(decs, g) == {"ay"}


def test_a_lower_threshold_reaching_a_party_later_lowers_what_it_spreads_with() -> None:
    """a (75 %) reaches b at once; c (25 %) reaches b only through a longer chain. b's 30 % of
    y counts against 25 %, whichever way the parties are named."""
    for names in (("a", "b", "c", "k", "y"), ("z", "b", "a", "c", "d")):
        a, b, c, k, y = names
        edges = [(a, b, 80.0), (c, k, 100.0), (k, b, 20.0), (b, y, 30.0)]
        g = graph(edges, {"acc-y": y})
        decs = [decision("d75", a, threshold=75.0), decision("d25", c, threshold=25.0)]
        result = restriction(decs, g)
        assert result.parties[y].decisions == {"d75", "d25"}, names
        assert denied(decs, g) == {"acc-y"}


JOINT = graph([("p", "z", 30), ("q", "z", 30)], {"acc-z": "z"})


def test_reach_does_not_add_shares_across_territories() -> None:
    """Decisions in DE and FR on the two 30 % owners: in neither country do 60 % count."""
    de = decision("d-de", "p", territories=("DE",))
    fr = decision("d-fr", "q", territories=("FR",))
    reach = reach_of(fr, [de], JOINT, NOW)["ads.promote"]
    assert set(reach.parties) == {"q"} and reach.accounts == {}
    for territory in ("DE", "FR"):
        assert denied([de, fr], JOINT, territory) == set()


def test_a_global_decision_reaches_jointly_where_the_other_applies() -> None:
    de = decision("d-de", "p", territories=("DE",))
    world = decision("d-world", "q")
    reach = reach_of(world, [de], JOINT, NOW)["ads.promote"]
    assert reach.parties["q"].territories is None  # the subject: everywhere
    assert reach.parties["z"].territories == {"DE"}
    assert reach.accounts["acc-z"].territories == {"DE"}
    assert denied([de, world], JOINT, "DE") == {"acc-z"}
    assert denied([de, world], JOINT, "FR") == set()


def test_territorial_reach_throughout_its_scope_is_unqualified() -> None:
    world = decision("d-world", "p")
    both = decision("d-both", "q", territories=("DE", "FR"))
    reach = reach_of(both, [world], JOINT, NOW)["ads.promote"]
    assert reach.accounts["acc-z"].territories is None  # 60 % in DE and in FR
    de_only = decision("d-de", "p", territories=("DE",))
    reach = reach_of(both, [de_only], JOINT, NOW)["ads.promote"]
    assert reach.accounts["acc-z"].territories == {"DE"}


# A decision on a controlled party never makes it spread less far: x is held 100 % by p (a
# controlled decision at 25 %) and holds 30 % of y. A decision at 75 % on x itself leaves x
# controlled by p, so x still spreads at 25 % and y stays restricted.
SUBJECT_EDGES = [("p", "x", 100.0), ("x", "y", 30.0)]


def test_a_decision_on_a_controlled_party_does_not_shrink_the_spread() -> None:
    g = graph(SUBJECT_EDGES, {"ay": "y"})
    before = [decision("d-parent", "p", threshold=25.0)]
    after = [*before, decision("d-x", "x", threshold=75.0)]
    first = restriction(before, g)
    assert first.parties["y"].decisions == {"d-parent"}
    result = restriction(after, g)
    assert set(result.parties) == {"p", "x", "y"}
    assert result.parties["x"].decisions == {"d-parent", "d-x"}
    assert result.parties["x"].via == (("p", 100.0),)
    assert result.parties["y"].decisions == {"d-parent", "d-x"}
    assert result.parties["y"].via == (("x", 30.0),)
    assert result.accounts["ay"].decisions == {"d-parent", "d-x"}
    edges = SUBJECT_EDGES
    denying, theta, _ = least_fixpoint(["p", "x", "y"], edges, after)
    assert theta == {"p": 25.0, "x": 25.0, "y": 25.0}
    assert denying["y"] == {"d-parent", "d-x"}


def test_a_subject_inherits_when_a_higher_threshold_owner_adds_the_missing_shares() -> None:
    """x (its own 75 %) is held 10 % by s (25 %) and 90 % by m, which x reaches (x holds all of
    m): together they control x at 25 %, so y (30 % held by m) is reached."""
    edges = [("s", "x", 10.0), ("m", "x", 90.0), ("x", "m", 100.0), ("m", "y", 30.0)]
    g = graph(edges, {"ay": "y"})
    decs = [decision("d-s", "s", threshold=25.0), decision("d-x", "x", threshold=75.0)]
    result = restriction(decs, g)
    assert set(result.parties["x"].via) == {("s", 10.0), ("m", 90.0)}
    assert result.accounts["ay"].decisions == {"d-s", "d-x"}
    _, theta, _ = least_fixpoint(["m", "s", "x", "y"], edges, decs)
    assert theta == {"m": 25.0, "s": 25.0, "x": 25.0, "y": 25.0}


# --- exemptions: carved out on appeal -------------------------------------------------------


def test_an_exempt_subsidiary_and_what_only_it_brought_in_leave_the_decision() -> None:
    """P holds S 100 % and T 60 %; S holds U 60 % and V 40 %, P holds V 20 %. S exempt: S, U
    (only through S) and V (20 % without S's 40 %) are no longer reached; P and T are."""
    edges = [("P", "S", 100.0), ("P", "T", 60.0), ("S", "U", 60.0), ("S", "V", 40.0)]
    edges.append(("P", "V", 20.0))
    g = graph(edges, {f"acc-{p}": p for p in "PSTUV"})
    assert denied([decision("d1", "P")], g) == {f"acc-{p}" for p in "PSTUV"}
    assert denied([decision("d1", "P", exempt=("S",))], g) == {"acc-P", "acc-T"}
    # another decision on S's other owner still reaches it
    both = [decision("d1", "P", exempt=("S",)), decision("d2", "Q")]
    g2 = graph([*edges, ("Q", "S", 60.0)], {f"acc-{p}": p for p in "PSTUVQ"})
    result = restriction(both, g2)
    assert result.parties["S"].decisions == {"d2"}
    assert result.accounts["acc-U"].decisions == {"d2"}


def test_an_exempt_account_is_not_denied_and_its_owner_stays_restricted() -> None:
    g = graph([("P", "S", 100.0)], {"acc-1": "S", "acc-2": "S"})
    assert denied([decision("d1", "P", exempt=("acc-1",))], g) == {"acc-2"}


def test_a_decision_never_exempts_its_own_subject() -> None:
    g = graph([], {"acc-P": "P"})
    assert denied([decision("d1", "P", exempt=("P",))], g) == {"acc-P"}


@settings(max_examples=300, deadline=None)
@given(
    SPECS,
    DECS,
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, NODES - 1)), max_size=4),
    st.permutations([f"p{i}" for i in range(NODES)]),
)
def test_exemptions_agree_with_the_least_fixpoint(
    edges: list[tuple[int, int, float]],
    specs: list[tuple[int, str, float]],
    carved: list[tuple[int, int]],
    names: list[str],
) -> None:
    """Random exemptions (parties and their accounts) against the brute-force statement."""
    named = [(names[o], names[a], s) for o, a, s in edges]
    exempt: dict[int, list[str]] = {}
    for which, node in carved:
        entity = names[node] if which % 2 else f"acc-{names[node]}"
        exempt.setdefault(which % max(len(specs), 1), []).append(entity)
    decisions = [
        decision(
            f"d{i}",
            names[subject],
            reach=reach,
            threshold=threshold,
            exempt=tuple(exempt.get(i, ())),
        )
        for i, (subject, reach, threshold) in enumerate(specs)
    ]
    accounts = {f"acc-{p}": p for p in names}
    result = restriction(decisions, graph(named, accounts))
    denying, _, via = least_fixpoint(names, named, decisions)
    assert {p: r.decisions for p, r in result.parties.items()} == denying
    assert {p: tuple(sorted(r.via)) for p, r in result.parties.items() if r.via} == via
    expected = denied_accounts(accounts.items(), decisions, denying)
    assert {a: r.decisions for a, r in result.accounts.items()} == expected
