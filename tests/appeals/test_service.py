from __future__ import annotations

from datetime import timedelta

import pytest

from standing.appeals.service import file_appeal, list_appeals, review_appeal
from standing.bootstrap import Services
from standing.decisions.service import standing_of
from standing.errors import Conflict, Forbidden, Invalid
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.services import TestClock
from tests.principals import DECIDER, KASPERSKY, REVIEWER, VIEWER

REPLY = (
    'You write that "our US company is independent of the parent", but the register extract '
    "for AO Kaspersky Lab shows it still holds 100 percent of Kaspersky Lab, Inc., so the "
    "subsidiary remains controlled and the directive applies to it."
)


def promote_allowed(services: Services, account: str) -> bool:
    caps = standing_of(services, account, VIEWER).capabilities
    return next(c.allowed for c in caps if c.capability == "ads.promote")


def test_appeal_upheld_then_refiled_and_overturned(demo_graph: Services, clock: TestClock) -> None:
    decision = record_vendor_decision(demo_graph).decision
    clock.advance(days=3)
    appeal = file_appeal(
        demo_graph, decision.id, "Our US company is independent of the parent.", KASPERSKY
    )
    assert appeal.due_at == clock.at + timedelta(days=14)
    with pytest.raises(Conflict, match="still open"):
        file_appeal(demo_graph, decision.id, "A second appeal while one is open.", KASPERSKY)
    assert [a.appeal.id for a in list_appeals(demo_graph, VIEWER)] == [appeal.id]
    with pytest.raises(Forbidden, match="recorded this decision"):
        review_appeal(demo_graph, appeal.id, "upheld", REPLY, DECIDER)
    upheld = review_appeal(demo_graph, appeal.id, "upheld", REPLY, REVIEWER)
    assert upheld.outcome == "upheld" and not promote_allowed(demo_graph, "acct-kaspersky-us")

    second = file_appeal(
        demo_graph, decision.id, "The directive was withdrawn last week.", KASPERSKY
    )
    with pytest.raises(Invalid, match="repeats an earlier reply"):
        review_appeal(demo_graph, second.id, "overturned", REPLY, REVIEWER)
    overturned = review_appeal(
        demo_graph,
        second.id,
        "overturned",
        "DHS withdrew BOD 17-01 for AO Kaspersky Lab on the date you cite; the notice you sent "
        "is genuine, so the restriction on its accounts ends today.",
        REVIEWER,
    )
    assert overturned.outcome == "overturned"
    assert promote_allowed(demo_graph, "acct-kaspersky-us")
    with pytest.raises(Conflict, match="lifted"):
        file_appeal(demo_graph, decision.id, "Appealing a lifted decision again.", KASPERSKY)


def test_modified_narrows_the_scope(demo_graph: Services) -> None:
    decision = record_vendor_decision(demo_graph).decision
    appeal = file_appeal(
        demo_graph, decision.id, "We only sell in the United States market now.", KASPERSKY
    )
    with pytest.raises(Invalid, match="territories or an end date"):
        review_appeal(demo_graph, appeal.id, "modified", REPLY, REVIEWER)
    for outcome in ("upheld", "overturned"):  # a narrower scope belongs to 'modified' only
        with pytest.raises(Invalid, match=f"only to the outcome 'modified', not '{outcome}'"):
            review_appeal(demo_graph, appeal.id, outcome, REPLY, REVIEWER, territories=("US",))
    narrowed = (
        'You say you "only sell in the United States market now"; the 2026 sales report you '
        "sent bears it out, so the restriction now applies in the US only."
    )
    modified = review_appeal(
        demo_graph, appeal.id, "modified", narrowed, REVIEWER, territories=("US",)
    )
    assert modified.new_decision_id
    assert promote_allowed(demo_graph, "acct-kaspersky-us") is False
    caps = standing_of(demo_graph, "acct-kaspersky-us", VIEWER, "DE").capabilities
    assert next(c.allowed for c in caps if c.capability == "ads.promote")
