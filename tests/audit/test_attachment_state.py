"""`audit verify` covers appeal attachments: each link has its event, and the stored bytes
still hash to the SHA-256 the event recorded."""

from __future__ import annotations

from sqlalchemy import update

from standing.appeals.attachments import check_upload
from standing.appeals.service import add_attachments, file_appeal
from standing.audit.state import check_state
from standing.bootstrap import Services
from standing.store.appeal_tables import BlobRow
from tests.decisions.helpers import record_vendor_decision
from tests.factories import written
from tests.principals import KASPERSKY

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_attachments_match_their_events_and_a_swapped_file_shows(demo_graph: Services) -> None:
    decision = record_vendor_decision(demo_graph).decision.id
    appeal = file_appeal(demo_graph, decision, "Our US company was sold on 2026-03-01.", KASPERSKY)
    added = add_attachments(demo_graph, appeal.id, [check_upload("sale.pdf", PDF)], KASPERSKY)
    with demo_graph.read() as session:
        found = check_state(session)
    assert found.mismatches == [] and found.checked["appeal_attachments"] == 1
    with written(demo_graph) as session:
        session.execute(update(BlobRow).values(content=PDF + b"forged"))
    with demo_graph.read() as session:
        found = check_state(session)
    assert [(m.table, m.key) for m in found.mismatches] == [("appeal_attachments", added[0].id)]
    assert "content_sha256" in found.mismatches[0].reason
