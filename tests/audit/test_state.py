"""`audit verify` checks the state the events created against them, both ways."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import delete, insert, update

from standing.appeals.service import file_appeal, review_appeal
from standing.audit.state import check_state, verify_store
from standing.bootstrap import Services
from standing.decisions.service import lift_decision
from standing.screening.service import hits, import_list, review_hit
from standing.store.appeal_tables import AppealRow
from standing.store.screening_tables import HitRow, ListEntryRow, ListVersionRow
from standing.store.tables import ChangeRow, DecisionRow, LiftRow, StatementRow
from tests.decisions.helpers import record_vendor_decision
from tests.factories import written
from tests.fixtures.services import TestClock
from tests.principals import ANALYST, KASPERSKY, REVIEWER, RT, VIEWER
from tests.screening.test_service import BOD

REPLY = (
    'You write that "our US company is independent", but the register extract for AO Kaspersky '
    "Lab shows it still holds 100 percent of Kaspersky Lab, Inc., so the subsidiary remains "
    "controlled and the directive applies to it."
)


def busy(services: Services, clock: TestClock) -> dict[str, str]:
    """Every kind of write: a list version and hits (one dismissed, one confirmed into a
    decision), decisions, a lift, appeals upheld, overturned and modified."""
    import_list(services, "us_dhs_bod", [BOD], None, ANALYST)
    opened = hits(services, VIEWER)
    assert len(opened) >= 2
    review_hit(services, str(opened[0].id), "dismiss", ANALYST, note="A different company.")
    confirmed = review_hit(
        services, str(opened[1].id), "confirm", ANALYST, rule_id="government-barred-vendor"
    )
    clock.advance(hours=1)
    vendor = record_vendor_decision(services).decision
    media = record_vendor_decision(
        services, subject="ano-tv-novosti", rule="state-controlled-media"
    ).decision
    lift_decision(
        services,
        str(confirmed.decision),
        "Confirmed in error: register entry HRB 4411 of 2026-01-05 names another firm.",
        ANALYST,
    )
    clock.advance(days=2)
    upheld = file_appeal(services, vendor.id, "Our US company is independent.", KASPERSKY)
    review_appeal(services, upheld.id, "upheld", REPLY, REVIEWER)
    modified = file_appeal(services, vendor.id, "We only sell in the United States.", KASPERSKY)
    review_appeal(
        services,
        modified.id,
        "modified",
        'You write "we only sell in the United States"; the 2026 sales report you sent shows it, '
        "so the decision keeps applying there and ends elsewhere from today.",
        REVIEWER,
        territories=("US",),
    )
    overturned = file_appeal(services, media.id, "The funding ended last year.", RT)
    review_appeal(
        services,
        overturned.id,
        "overturned",
        'You write that "the funding ended last year": the federal budget law of 2025 you cite '
        "ends the funding of ANO TV-Novosti, so the restriction ends.",
        REVIEWER,
    )
    return {
        "vendor": vendor.id,
        "media": media.id,
        "hit": str(opened[0].id),
        "appeal": overturned.id,
    }


def first(services: Services) -> Any:
    with services.read() as session:
        found = check_state(session)
    assert found.count >= 1, "the change went unnoticed"
    return found.mismatches[0]


def test_a_busy_log_matches_its_state(demo_graph: Services, clock: TestClock) -> None:
    busy(demo_graph, clock)
    with demo_graph.read() as session:
        found = verify_store(session)
    assert found.broken is None
    assert found.mismatches == [], found.mismatches
    assert found.checked["decisions"] == 4 and found.checked["appeals"] == 3
    assert found.checked["lifts"] == 3 and found.checked["hits"] >= 2
    assert found.checked["list_versions"] == 1 and found.checked["changelog"] == 7


@pytest.mark.parametrize(
    ("table", "statement", "expected"),
    [
        (
            "decisions",
            lambda ids: (
                update(DecisionRow)
                .where(DecisionRow.id == ids["vendor"])
                .values(facts="Something else entirely.")
            ),
            "facts is 'Something else entirely.' but event",
        ),
        (
            "decisions",
            lambda ids: (
                update(DecisionRow).where(DecisionRow.id == ids["media"]).values(territories=["DE"])
            ),
            "territories is ['DE']",
        ),
        (
            "statements",
            lambda ids: (
                update(StatementRow)
                .where(StatementRow.decision_id == ids["vendor"])
                .values(content={"facts": "rewritten"})
            ),
            "content_digest",
        ),
        (
            "lifts",
            lambda ids: delete(LiftRow).where(LiftRow.decision_id == ids["media"]),
            "records it; no row",
        ),
        (
            "appeals",
            lambda ids: (
                update(AppealRow).where(AppealRow.id == ids["appeal"]).values(outcome="upheld")
            ),
            "outcome is 'upheld'",
        ),
        (
            "hits",
            lambda ids: update(HitRow).where(HitRow.id == ids["hit"]).values(status="confirmed"),
            "status is 'confirmed'",
        ),
        (
            "list_versions",
            lambda ids: delete(ListEntryRow).where(ListEntryRow.entry_id.in_(["ao-kaspersky-lab"])),
            "entry_rows",
        ),
        (
            "changelog",
            lambda ids: delete(ChangeRow).where(ChangeRow.decision_id == ids["media"]),
            "records it; no row",
        ),
    ],
)
def test_a_changed_row_is_named(
    demo_graph: Services, clock: TestClock, table: str, statement: Any, expected: str
) -> None:
    ids = busy(demo_graph, clock)
    with written(demo_graph) as session:
        assert session.execute(statement(ids)).rowcount >= 1
    mismatch = first(demo_graph)
    assert mismatch.table == table
    assert expected in mismatch.reason


def test_a_row_without_an_event_is_named(demo_graph: Services, clock: TestClock) -> None:
    ids = busy(demo_graph, clock)
    with written(demo_graph) as session:
        row = session.get(DecisionRow, ids["vendor"])
        assert row is not None
        values = {c.key: getattr(row, c.key) for c in DecisionRow.__table__.columns}
        session.execute(insert(DecisionRow).values({**values, "id": "dec-forged"}))
        session.execute(
            insert(ListVersionRow).values(
                source="us_dhs_bod",
                number=9,
                format="plain_csv",
                file_name="x.csv",
                sha256="0" * 64,
                entries=0,
                added=0,
                removed=0,
                changed=0,
                imported_at=clock.at,
                actor="mallory",
            )
        )
    with demo_graph.read() as session:
        found = check_state(session)
    named = {(m.table, m.key, m.seq) for m in found.mismatches}
    assert ("decisions", "dec-forged", None) in named
    assert ("list_versions", "us_dhs_bod#9", None) in named
    assert all("no audit event records this row" in m.reason for m in found.mismatches)
