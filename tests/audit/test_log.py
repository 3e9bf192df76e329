"""Tampering with the stored log, row by row, is caught by `standing audit verify`."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from standing.audit.log import verify_log
from standing.bootstrap import Services
from standing.store.tables import EventRow
from tests.audit.helpers import drop_append_only_triggers
from tests.decisions.helpers import record_vendor_decision
from tests.factories import written


def events_written(services: Services) -> int:
    record_vendor_decision(services)
    record_vendor_decision(services, subject="ano-tv-novosti", rule="state-controlled-media")
    with services.read() as session:
        count, broken = verify_log(session)
    assert broken is None
    drop_append_only_triggers(services)
    return count


def test_alter_delete_reorder_truncate_are_caught(demo_graph: Services) -> None:
    services = demo_graph
    count = events_written(services)
    assert count == 4  # import, policy version, two decisions

    with written(services) as session:
        original = session.execute(select(EventRow.payload).where(EventRow.seq == 3)).scalar_one()
        session.execute(
            update(EventRow)
            .where(EventRow.seq == 3)
            .values(payload=original.replace("dec-", "dex-"))
        )
    with services.read() as session:
        assert verify_log(session)[1].seq == 3  # type: ignore[union-attr]
    with written(services) as session:
        session.execute(update(EventRow).where(EventRow.seq == 3).values(payload=original))
        session.execute(update(EventRow).where(EventRow.seq == 4).values(actor="someone else"))
    with services.read() as session:
        assert verify_log(session)[1].seq == 4  # type: ignore[union-attr]


def test_deleting_and_reordering_rows(demo_graph: Services) -> None:
    services = demo_graph
    events_written(services)
    with written(services) as session:
        session.execute(update(EventRow).where(EventRow.seq == 2).values(seq=100))
        session.execute(update(EventRow).where(EventRow.seq == 3).values(seq=2))
        session.execute(update(EventRow).where(EventRow.seq == 100).values(seq=3))
    with services.read() as session:
        broken = verify_log(session)[1]
    assert broken is not None and broken.seq == 2
    with written(services) as session:
        session.execute(delete(EventRow).where(EventRow.seq == 2))
    with services.read() as session:
        assert verify_log(session)[1].seq == 2  # type: ignore[union-attr]


def test_truncating_the_tail(demo_graph: Services) -> None:
    services = demo_graph
    count = events_written(services)
    with written(services) as session:
        session.execute(delete(EventRow).where(EventRow.seq == count))
    with services.read() as session:
        broken = verify_log(session)[1]
    assert broken is not None and broken.seq == count and "truncated" in broken.reason
