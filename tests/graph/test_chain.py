"""The ownership chain laid out for drawing: owners above what they hold, each below the
deepest of its owners, shares on the edges, cycles cut, and every edge said in words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from standing.graph.chain import layout, share_text

LABELS = {"top": "Top AG", "mid": "Mid GmbH", "low": "Low K.K."}
EDGES = [("top", "mid", 100.0), ("top", "low", 15.0), ("mid", "low", 60.0)]


def test_layers_follow_the_deepest_owner_and_shares_are_kept() -> None:
    chain = layout("top", LABELS, EDGES, [("acct-1", "@low on social", "low")], {"low"}, True)
    layer = {n.id: n.layer for n in chain.nodes}
    assert layer == {"top": 0, "mid": 1, "low": 2, "acct-1": 3}
    roles = {n.id: n.role for n in chain.nodes}
    assert roles == {"top": "subject", "mid": "between", "low": "appellant", "acct-1": "between"}
    assert {(e.owner, e.held, e.share) for e in chain.edges} == {*EDGES, ("low", "acct-1", None)}
    assert chain.sentences() == [
        "Top AG owns 100 % of Mid GmbH.",
        "Top AG owns 15 % of Low K.K.",
        "Mid GmbH owns 60 % of Low K.K.",
        "Low K.K. holds the account @low on social.",
    ]
    assert chain.layers == 4 and chain.widest == 1


def test_a_cycle_of_holdings_is_cut() -> None:
    cyclic = [("top", "mid", 50.0), ("mid", "low", 50.0), ("low", "mid", 10.0)]
    chain = layout("top", LABELS, cyclic, [], {"low"}, True)
    assert {n.id for n in chain.nodes} == {"top", "mid", "low"}
    assert len(chain.edges) == 3


@given(
    st.lists(
        st.tuples(
            st.sampled_from(sorted(LABELS)),
            st.sampled_from(sorted(LABELS)),
            st.floats(min_value=0.1, max_value=100),
        ),
        max_size=8,
    )
)
def test_every_party_is_placed_once_in_its_own_cell(
    edges: list[tuple[str, str, float]],
) -> None:
    chain = layout("top", LABELS, edges, [], {"low"}, True)
    cells = [(n.layer, n.column) for n in chain.nodes]
    assert sorted(n.id for n in chain.nodes) == sorted(LABELS)
    assert len(set(cells)) == len(cells)


def test_shares_read_as_people_write_them() -> None:
    assert share_text(60.0) == "60 %" and share_text(33.33) == "33.3 %"
