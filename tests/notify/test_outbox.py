"""Each event writes its outbox message in its own transaction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from standing.appeals.service import file_appeal, review_appeal
from standing.bootstrap import Services
from standing.decisions.service import lift_decision
from standing.errors import Invalid
from standing.graph.importer import import_files
from standing.store.notify_tables import OutboxRow
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.services import TestClock
from tests.principals import ANALYST, KASPERSKY, REVIEWER

REPLY = (
    'You write that "our US company is independent of the parent", but AO Kaspersky Lab still '
    "holds 100 percent of Kaspersky Lab, Inc. according to the register extract you sent, so "
    "the directive reaches its accounts."
)


def messages(services: Services) -> list[OutboxRow]:
    with services.read() as session:
        return list(session.scalars(select(OutboxRow).order_by(OutboxRow.created_at)))


def test_every_event_has_its_message(demo_graph: Services, clock: TestClock) -> None:
    decision = record_vendor_decision(demo_graph).decision
    (recorded,) = messages(demo_graph)
    assert (recorded.event, recorded.subject) == ("decision.recorded", decision.id)
    assert {"ao-kaspersky-lab", "kaspersky-lab-inc", "kaspersky-labs-japan"} <= set(
        recorded.parties
    )
    assert "securelist-jv" not in recorded.parties  # a 40 % stake is not control
    assert recorded.data["appeal_deadline"] and recorded.data["affected"]["accounts"]
    clock.advance(days=1)
    appeal = file_appeal(
        demo_graph, decision.id, "Our US company is independent of the parent.", KASPERSKY
    )
    clock.advance(days=1)
    review_appeal(demo_graph, appeal.id, "upheld", REPLY, REVIEWER)
    clock.advance(days=1)
    lift_decision(demo_graph, decision.id, "DHS withdrew BOD 17-01 on 2026-05-04.", ANALYST)
    rows = messages(demo_graph)
    assert [r.event for r in rows] == [
        "decision.recorded",
        "appeal.filed",
        "appeal.decided",
        "decision.lifted",
    ]
    assert rows[1].data["due_at"] == appeal.due_at.isoformat()
    assert rows[2].data["outcome"] == "upheld" and rows[2].data["reply"] == REPLY
    assert rows[3].data["reason"] == "DHS withdrew BOD 17-01 on 2026-05-04."
    assert all(r.parties == recorded.parties for r in rows[1:])
    assert len({r.id for r in rows}) == 4 and all(r.dispatched_at is None for r in rows)


def test_an_overturned_appeal_also_reports_the_lift_to_webhooks_only(
    demo_graph: Services,
) -> None:
    decision = record_vendor_decision(demo_graph).decision
    appeal = file_appeal(
        demo_graph, decision.id, "The directive was withdrawn by DHS last week.", KASPERSKY
    )
    review_appeal(
        demo_graph,
        appeal.id,
        "overturned",
        "DHS withdrew BOD 17-01 for AO Kaspersky Lab on the date you cite, so the restriction "
        "on its accounts ends today.",
        REVIEWER,
    )
    *_, decided, lifted = messages(demo_graph)
    assert decided.event == "appeal.decided" and decided.parties
    assert lifted.event == "decision.lifted" and lifted.parties == []


def test_a_refused_event_writes_no_message(demo_graph: Services) -> None:
    decision = record_vendor_decision(demo_graph).decision
    with pytest.raises(Invalid):
        lift_decision(demo_graph, decision.id, "no", ANALYST)
    with pytest.raises(Invalid):
        file_appeal(demo_graph, decision.id, "", KASPERSKY)
    assert [r.event for r in messages(demo_graph)] == ["decision.recorded"]


def test_a_notice_has_its_message(demo_graph: Services, tmp_path: Path) -> None:
    record_vendor_decision(demo_graph)
    account = {
        "id": "acct-kaspersky-jp-2",
        "schema": "UserAccount",
        "properties": {
            "owner": ["kaspersky-labs-japan"],
            "service": ["social"],
            "username": ["@kl_jp"],
        },
    }
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(account) + "\n")
    (notice_id,) = import_files(demo_graph, [path], ANALYST).notices
    notice = messages(demo_graph)[-1]
    assert (notice.event, notice.subject) == ("notice.issued", notice_id)
    assert notice.data["notice"] == {"id": notice_id, "account": "acct-kaspersky-jp-2"}
    assert "kaspersky-labs-japan" in notice.parties
