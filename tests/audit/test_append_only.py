"""The database itself refuses to change or remove audit events (migration 0008)."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, text, update
from sqlalchemy.exc import DBAPIError

from standing.audit.log import verify_log
from standing.bootstrap import Services
from standing.store.tables import EventRow
from tests.decisions.helpers import record_vendor_decision
from tests.factories import written


def test_update_and_delete_of_events_are_refused(demo_graph: Services) -> None:
    services = demo_graph
    record_vendor_decision(services)
    for statement in (
        update(EventRow).where(EventRow.seq == 2).values(actor="mallory"),
        delete(EventRow).where(EventRow.seq == 3),
    ):
        with pytest.raises(DBAPIError, match="append-only"), written(services) as session:
            session.execute(statement)
    with services.read() as session:
        assert verify_log(session) == (3, None)


def test_truncate_is_refused_on_postgresql(demo_graph: Services) -> None:
    services = demo_graph
    if services.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no TRUNCATE (DELETE without WHERE is refused above)")
    with pytest.raises(DBAPIError, match="append-only"), services.engine.begin() as conn:
        conn.execute(text("TRUNCATE events"))


def test_appending_still_works_after_a_refusal(demo_graph: Services) -> None:
    services = demo_graph
    with pytest.raises(DBAPIError), written(services) as session:
        session.execute(delete(EventRow))
    record_vendor_decision(services)
    with services.read() as session:
        count, broken = verify_log(session)
    assert broken is None and count == 3
