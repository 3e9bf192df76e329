from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from standing.decisions.model import Decision
from standing.decisions.propagation import GraphIndex, applicable, reach_of, restriction
from standing.graph.model import Account, Ownership
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


# --- property: the frontier algorithm agrees with a brute-force fixpoint ---------------------

PARTIES = [f"p{i}" for i in range(7)]


def brute_force(decisions: list[Decision], edges: list[tuple[str, str, float]]) -> set[str]:
    restricted = {d.subject_id for d in decisions if d.subject_kind == "party"}
    spreading = {d.subject_id: d.threshold for d in decisions if d.reach == "controlled"}
    for d in decisions:
        if d.reach == "controlled":
            spreading[d.subject_id] = min(spreading[d.subject_id], d.threshold)
    changed = True
    while changed:
        changed = False
        for x in PARTIES:
            if x in spreading:
                continue
            owners = [(o, s) for o, a, s in edges if a == x and o in spreading and o != x]
            if owners and sum(s for _, s in owners) + 1e-9 >= min(spreading[o] for o, _ in owners):
                spreading[x] = min(spreading[o] for o, _ in owners)
                restricted.add(x)
                changed = True
    return restricted


edge = st.tuples(
    st.sampled_from(PARTIES),
    st.sampled_from(PARTIES),
    st.sampled_from([10.0, 25.0, 40.0, 50.0, 60.0, 100.0]),
).filter(lambda e: e[0] != e[1])
dec = st.tuples(
    st.sampled_from(PARTIES),
    st.sampled_from(["subject", "controlled"]),
    st.sampled_from([50.0, 25.0]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(edge, max_size=14), st.lists(dec, min_size=1, max_size=3))
def test_agrees_with_brute_force(
    edges: list[tuple[str, str, float]], specs: list[tuple[str, str, float]]
) -> None:
    decisions = [
        decision(f"d{i}", subject, reach=reach, threshold=threshold)
        for i, (subject, reach, threshold) in enumerate(specs)
    ]
    g = graph(edges, {f"acc-{p}": p for p in PARTIES})
    result = restriction(decisions, g)
    expected = brute_force(decisions, edges)
    assert set(result.parties) == expected
    assert set(result.accounts) == {f"acc-{p}" for p in expected}


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
