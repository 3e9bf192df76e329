"""Appeal kinds, scopes and outcomes: a dispute for one party, a request for reinstatement after
the window, exemptions carving a subsidiary (and what only it brought in) out of a group
decision, and the bad input each refuses with nothing stored."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from standing.access.model import Role
from standing.appeals.service import file_appeal, review_appeal
from standing.audit.state import verify_store
from standing.bootstrap import Services
from standing.decisions.service import get_statement, standing_of
from standing.errors import Conflict, Forbidden, Invalid
from standing.gate import Gate
from standing.store.appeal_tables import AppealRow
from standing.store.notify_tables import OutboxRow
from standing.store.tables import DecisionRow
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.services import TestClock
from tests.principals import DECIDER, KASPERSKY, REVIEWER, VIEWER, staff

SECOND_REVIEWER = staff("second-reviewer", Role.REVIEWER)
EXEMPT_REPLY = (
    "Kaspersky Labs GmbH sold its shares to an unrelated buyer on 2 March; the Handelsregister "
    "extract HRB 4719 you sent shows AO Kaspersky Lab no longer holds any of it, so it and the "
    "companies it holds leave this decision."
)
INC_REPLY = (
    "The register extract for Kaspersky Lab, Inc. you sent shows a management buy-out closed on "
    "2 March; AO Kaspersky Lab no longer holds its shares, so the US company leaves the decision."
)
TEXT = "Our US company was sold in March and is no longer part of the group."


def allowed(services: Services, subject: str) -> bool:
    caps = standing_of(services, subject, VIEWER).capabilities
    return next(c.allowed for c in caps if c.capability == "ads.promote")


def count(services: Services, table: type) -> int:
    with services.read() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_a_dispute_for_one_subsidiary_ends_in_its_exemption(demo_graph: Services) -> None:
    decision = record_vendor_decision(demo_graph).decision
    appeal = file_appeal(
        demo_graph, decision.id, TEXT, KASPERSKY, kind="dispute", scope="kaspersky-lab-inc"
    )
    assert (appeal.kind, appeal.scope) == ("dispute", "kaspersky-lab-inc")
    decided = review_appeal(demo_graph, appeal.id, "exempted", INC_REPLY, REVIEWER)
    assert decided.outcome == "exempted" and decided.new_decision_id
    # the subsidiary and its account are allowed; the rest of the group is not
    assert allowed(demo_graph, "acct-kaspersky-us")
    assert allowed(demo_graph, "kaspersky-lab-inc")
    assert not allowed(demo_graph, "acct-kaspersky")
    assert not allowed(demo_graph, "acct-kaspersky-de")
    # the gate, built from the database, agrees
    gate = Gate.from_engine(demo_graph.engine, follow=False, clock=demo_graph.clock)
    assert gate.allowed("acct-kaspersky-us", "ads.promote")
    assert not gate.allowed("acct-kaspersky", "ads.promote")
    assert not gate.allowed("acct-kaspersky-jp", "ads.promote")
    # the successor's statement says what was exempted, by which appeal, and why
    statement = get_statement(demo_graph, decided.new_decision_id, VIEWER)
    exempted = statement.content["exempted"]
    assert [e["id"] for e in exempted] == ["kaspersky-lab-inc"]
    assert exempted[0]["appeal"] == appeal.id and exempted[0]["reason"] == INC_REPLY
    assert {r["id"] for r in exempted[0]["released"]} == {"kaspersky-lab-inc", "acct-kaspersky-us"}
    assert "EXEMPTED ON APPEAL" in statement.text and appeal.id in statement.text
    assert "no longer covered" in statement.html
    # the contact still reads the successor, which says its company is no longer covered
    assert get_statement(demo_graph, decided.new_decision_id, KASPERSKY).content["exempted"]
    with demo_graph.read() as session:
        found = verify_store(session)
        assert found.broken is None and not found.mismatches, found.mismatches


def test_exempting_a_subsidiary_releases_what_only_it_brought_into_reach(
    demo_graph: Services,
) -> None:
    """Japan is held 60 % by the German GmbH and 15 % by AO: exempting the GmbH leaves 15 %,
    short of 50 %, so Japan and its account leave the decision too."""
    decision = record_vendor_decision(demo_graph).decision
    appeal = file_appeal(demo_graph, decision.id, TEXT, KASPERSKY, scope="kaspersky-labs-japan")
    with pytest.raises(Invalid, match=r"scope: decision .* does not reach 'nowhere'"):
        review_appeal(demo_graph, appeal.id, "exempted", EXEMPT_REPLY, REVIEWER, scope="nowhere")
    with pytest.raises(Invalid, match="the decision's subject"):
        review_appeal(
            demo_graph, appeal.id, "exempted", EXEMPT_REPLY, REVIEWER, scope="ao-kaspersky-lab"
        )
    decided = review_appeal(
        demo_graph, appeal.id, "exempted", EXEMPT_REPLY, REVIEWER, scope="kaspersky-labs-gmbh"
    )
    assert allowed(demo_graph, "acct-kaspersky-de") and allowed(demo_graph, "acct-kaspersky-jp")
    assert not allowed(demo_graph, "acct-kaspersky-us")
    assert decided.new_decision_id is not None
    statement = get_statement(demo_graph, decided.new_decision_id, VIEWER)
    released = {r["id"] for r in statement.content["exempted"][0]["released"]}
    assert {"kaspersky-labs-gmbh", "kaspersky-labs-japan", "acct-kaspersky-jp"} <= released
    # the outcome's message names what is no longer covered
    with demo_graph.read() as session:
        message = session.scalars(
            select(OutboxRow).where(OutboxRow.event == "appeal.decided")
        ).one()
    assert message.data["outcome"] == "exempted"
    assert message.data["exempted"] == "kaspersky-labs-gmbh"
    assert "kaspersky-labs-japan" in {r["id"] for r in message.data["released"]}


def test_a_second_exemption_keeps_the_first(demo_graph: Services) -> None:
    decision = record_vendor_decision(demo_graph).decision
    first = file_appeal(demo_graph, decision.id, TEXT, KASPERSKY, scope="kaspersky-lab-inc")
    successor = review_appeal(demo_graph, first.id, "exempted", INC_REPLY, REVIEWER)
    assert successor.new_decision_id
    second = file_appeal(
        demo_graph,
        successor.new_decision_id,
        "Our Japanese company was sold too, in April, to a local investor.",
        KASPERSKY,
        kind="reinstatement",
        scope="acct-kaspersky-jp",
    )
    with pytest.raises(Invalid, match="already exempt"):
        file_appeal(
            demo_graph, successor.new_decision_id, TEXT, KASPERSKY, scope="kaspersky-lab-inc"
        )
    with pytest.raises(Forbidden, match="recorded this decision"):  # the successor is theirs
        review_appeal(demo_graph, second.id, "exempted", EXEMPT_REPLY, REVIEWER)
    last = review_appeal(demo_graph, second.id, "exempted", EXEMPT_REPLY, DECIDER)
    assert last.new_decision_id
    with demo_graph.read() as session:
        row = session.get(DecisionRow, last.new_decision_id)
        assert row is not None and row.exempt == ["kaspersky-lab-inc", "acct-kaspersky-jp"]
    assert allowed(demo_graph, "acct-kaspersky-us") and allowed(demo_graph, "acct-kaspersky-jp")
    assert not allowed(demo_graph, "kaspersky-labs-japan")  # the party itself is still covered


def test_reinstatement_after_the_window_and_its_outcomes(
    demo_graph: Services, clock: TestClock
) -> None:
    decision = record_vendor_decision(demo_graph).decision
    clock.advance(days=400)
    before = count(demo_graph, AppealRow)
    with pytest.raises(Invalid, match="reinstatement is still open"):
        file_appeal(demo_graph, decision.id, TEXT, KASPERSKY)
    assert count(demo_graph, AppealRow) == before
    request = file_appeal(
        demo_graph,
        decision.id,
        "DHS withdrew BOD 17-01 on 2 March 2027; the remedy is met.",
        KASPERSKY,
        kind="reinstatement",
    )
    with pytest.raises(Conflict, match=r"request for reinstatement .* still open"):
        file_appeal(
            demo_graph,
            decision.id,
            "Asking once more while it is open.",
            KASPERSKY,
            kind="reinstatement",
        )
    assert count(demo_graph, AppealRow) == before + 1
    for wrong in ("upheld", "overturned", "modified"):
        with pytest.raises(Invalid, match=f"outcome: '{wrong}' does not end a request"):
            review_appeal(demo_graph, request.id, wrong, INC_REPLY, REVIEWER)
    declined = review_appeal(
        demo_graph,
        request.id,
        "declined",
        'You write that "DHS withdrew BOD 17-01 on 2 March 2027", but the DHS register still '
        "lists BOD 17-01 for AO Kaspersky Lab today, so the remedy is not met yet.",
        REVIEWER,
    )
    assert declined.outcome == "declined" and not allowed(demo_graph, "acct-kaspersky")
    again = file_appeal(
        demo_graph,
        decision.id,
        "The DHS notice of 9 April 2027 withdraws BOD 17-01 in full; it is attached.",
        KASPERSKY,
        kind="reinstatement",
    )
    lifted = review_appeal(
        demo_graph,
        again.id,
        "lifted",
        "The DHS notice of 9 April 2027 you sent withdraws BOD 17-01 for AO Kaspersky Lab; the "
        "remedy is met, so the decision on its accounts ends today.",
        REVIEWER,
    )
    assert lifted.outcome == "lifted" and allowed(demo_graph, "acct-kaspersky")
    with demo_graph.read() as session:
        found = verify_store(session)
        assert found.broken is None and not found.mismatches, found.mismatches


def test_bad_scopes_and_outcomes_store_nothing(demo_graph: Services) -> None:
    decision = record_vendor_decision(demo_graph).decision
    before = count(demo_graph, AppealRow)
    with pytest.raises(Invalid, match="kind: 'complaint' is not one of dispute, reinstatement"):
        file_appeal(demo_graph, decision.id, TEXT, KASPERSKY, kind="complaint")
    with pytest.raises(Invalid, match="scope: 'ao-kaspersky-lab' is none of your parties"):
        file_appeal(demo_graph, decision.id, TEXT, KASPERSKY, scope="ao-kaspersky-lab")
    assert count(demo_graph, AppealRow) == before
    dispute = file_appeal(demo_graph, decision.id, TEXT, KASPERSKY)
    with pytest.raises(Invalid, match="outcome: 'lifted' does not end a dispute"):
        review_appeal(demo_graph, dispute.id, "lifted", INC_REPLY, REVIEWER)
    with pytest.raises(Invalid, match="scope: name the party or account"):
        review_appeal(demo_graph, dispute.id, "exempted", INC_REPLY, REVIEWER)
    with pytest.raises(Invalid, match="scope: names what to exempt"):
        review_appeal(
            demo_graph, dispute.id, "upheld", INC_REPLY, REVIEWER, scope="kaspersky-lab-inc"
        )
    # a dispute for one company and one about the whole decision may be open side by side
    file_appeal(demo_graph, decision.id, TEXT, KASPERSKY, scope="kaspersky-lab-inc")
    with pytest.raises(Conflict, match="for kaspersky-lab-inc is still open"):
        file_appeal(demo_graph, decision.id, TEXT, KASPERSKY, scope="kaspersky-lab-inc")
    with demo_graph.read() as session:
        assert session.get(AppealRow, dispute.id).status == "open"  # type: ignore[union-attr]
        decisions = session.scalar(select(func.count()).select_from(DecisionRow))
    assert decisions == 1


def test_an_appeal_left_open_is_answered_on_the_decision_that_replaced_it(
    demo_graph: Services,
) -> None:
    """A dispute for the US company and a request for Japan are open on one decision; the
    first exempts the US company (a successor replaces the decision), the second is then
    answered on the successor, keeping the first exemption, and four eyes count both
    authors."""
    decision = record_vendor_decision(demo_graph).decision
    us = file_appeal(demo_graph, decision.id, TEXT, KASPERSKY, scope="kaspersky-lab-inc")
    japan = file_appeal(
        demo_graph,
        decision.id,
        "Our Japanese company was sold too, in April, to a local investor.",
        KASPERSKY,
        kind="reinstatement",
        scope="acct-kaspersky-jp",
    )
    first = review_appeal(demo_graph, us.id, "exempted", INC_REPLY, REVIEWER)
    for author in (DECIDER, REVIEWER):  # the original's author, and the successor's
        with pytest.raises(Forbidden, match="recorded this decision"):
            review_appeal(demo_graph, japan.id, "exempted", EXEMPT_REPLY, author)
    second = review_appeal(demo_graph, japan.id, "exempted", EXEMPT_REPLY, SECOND_REVIEWER)
    assert second.new_decision_id and second.new_decision_id != first.new_decision_id
    with demo_graph.read() as session:
        row = session.get(DecisionRow, second.new_decision_id)
        assert row is not None and row.supersedes == first.new_decision_id
        assert row.exempt == ["kaspersky-lab-inc", "acct-kaspersky-jp"]
        found = verify_store(session)
        assert found.broken is None and not found.mismatches, found.mismatches
    assert allowed(demo_graph, "acct-kaspersky-us") and allowed(demo_graph, "acct-kaspersky-jp")
    assert not allowed(demo_graph, "acct-kaspersky")
