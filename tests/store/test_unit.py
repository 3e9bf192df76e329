"""A unit of work: one write transaction of one principal, its reads through the repositories
and its events attributed to that principal; what it stores commits together or not at all."""

from __future__ import annotations

import pytest

from standing.audit.log import stored_events, verify_log
from standing.audit.tags import Action
from standing.bootstrap import Services
from standing.store.tables import PartyRow
from standing.store.unit import UnitOfWork
from tests.factories import T0
from tests.principals import ANALYST, REVIEWER

RECHECK = frozenset({str(Action.DECISION_RECHECK)})


def test_the_unit_carries_its_actor_and_reads_through_its_session(demo_graph: Services) -> None:
    with demo_graph.write(REVIEWER) as unit:
        assert isinstance(unit, UnitOfWork)
        assert unit.actor is REVIEWER
        unit.session.add(
            PartyRow(
                id="fresh-party", schema="Company", caption="Fresh", countries=[], updated_at=T0
            )
        )
        unit.session.flush()
        party = unit.repo.get_party("fresh-party")  # not yet committed: the same transaction
        assert party is not None and party.schema == "Company"
        assert unit.repo.get_party("no-such-party") is None
        assert "kaspersky-lab-inc" in unit.repo.parties_by_id(["kaspersky-lab-inc", "nobody"])
    with demo_graph.read() as session:
        assert session.get(PartyRow, "fresh-party") is not None


def test_events_are_the_actors_and_chain_with_the_rest(demo_graph: Services) -> None:
    with demo_graph.write(REVIEWER) as unit:
        event = unit.record(T0, Action.DECISION_RECHECK, "dec-1", {"decision": "dec-1"})
    assert event.actor == REVIEWER.id
    with demo_graph.read() as session:
        stored = list(stored_events(session, RECHECK))
        _, broken = verify_log(session)
    assert [(e.actor, e.subject) for e in stored] == [(REVIEWER.id, "dec-1")]
    assert broken is None


def test_a_unit_that_fails_stores_nothing(demo_graph: Services) -> None:
    def stopped_half_way() -> None:
        with demo_graph.write(ANALYST) as unit:
            unit.session.add(
                PartyRow(
                    id="half-party", schema="Company", caption="Half", countries=[], updated_at=T0
                )
            )
            unit.record(T0, Action.DECISION_RECHECK, "dec-1", {"decision": "dec-1"})
            raise RuntimeError("stopped")

    with pytest.raises(RuntimeError, match="stopped"):
        stopped_half_way()
    with demo_graph.read() as session:
        assert session.get(PartyRow, "half-party") is None
        assert list(stored_events(session, RECHECK)) == []


def test_every_write_names_its_actor(demo_graph: Services) -> None:
    with pytest.raises(TypeError):
        demo_graph.write()  # type: ignore[call-arg]
