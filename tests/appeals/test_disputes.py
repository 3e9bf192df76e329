from __future__ import annotations

from datetime import timedelta

import orjson
import pytest
from typer.testing import CliRunner

from standing.appeals.disputes import all_disputes, record_dispute, settle_dispute
from standing.audit.log import verify_log
from standing.bootstrap import Services
from standing.cli import app
from standing.errors import Conflict, Invalid, NotFound
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.services import TestClock
from tests.principals import REVIEWER

BODY = "User Rights GmbH (certified out-of-court dispute settlement body, DE)"


def test_record_and_settle(demo_graph: Services, clock: TestClock) -> None:
    d = record_vendor_decision(demo_graph).decision
    clock.advance(days=3)
    dispute = record_dispute(demo_graph, d.id, BODY, REVIEWER)
    assert dispute.submitted_at == clock.at and dispute.outcome is None
    clock.advance(days=40)
    with pytest.raises(Invalid, match="implemented: say whether"):
        settle_dispute(demo_graph, dispute.id, "for_recipient", REVIEWER)
    with pytest.raises(Invalid, match="asks nothing of the platform"):
        settle_dispute(demo_graph, dispute.id, "for_platform", REVIEWER, implemented=True)
    with pytest.raises(Invalid, match="outcome: 'won'"):
        settle_dispute(demo_graph, dispute.id, "won", REVIEWER)
    done = settle_dispute(demo_graph, dispute.id, "for_recipient", REVIEWER, implemented=True)
    assert done.outcome == "for_recipient" and done.settled_at == clock.at
    with pytest.raises(Conflict, match="already settled"):
        settle_dispute(demo_graph, dispute.id, "settled", REVIEWER)
    assert [x.id for x in all_disputes(demo_graph)] == [dispute.id]
    with demo_graph.read() as session:
        assert verify_log(session)[1] is None


def test_dates_and_references_are_checked(demo_graph: Services, clock: TestClock) -> None:
    d = record_vendor_decision(demo_graph).decision
    with pytest.raises(NotFound, match="unknown decision"):
        record_dispute(demo_graph, "dec-nope", BODY, REVIEWER)
    with pytest.raises(Invalid, match="in the future"):
        record_dispute(demo_graph, d.id, BODY, REVIEWER, clock.at + timedelta(days=1))
    with pytest.raises(Invalid, match="before the decision was recorded"):
        record_dispute(demo_graph, d.id, BODY, REVIEWER, clock.at - timedelta(days=1))
    with pytest.raises(Invalid, match="body: name"):
        record_dispute(demo_graph, d.id, " ", REVIEWER)
    with pytest.raises(NotFound, match="unknown dispute"):
        settle_dispute(demo_graph, "odr-nope", "settled", REVIEWER)


def test_cli(
    demo_graph: Services,
    clock: TestClock,
    database_url: str,
    credentials: dict[str, object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    d = record_vendor_decision(demo_graph).decision
    monkeypatch.setenv("STANDING_AS", "analyst@test.example")
    refused = CliRunner().invoke(
        app, ["disputes", "add", d.id, "--body", BODY, "--database", database_url]
    )
    assert refused.exit_code == 2 and "reviewer" in refused.output  # reviewers record them
    monkeypatch.setenv("STANDING_AS", "reviewer@test.example")
    run = CliRunner().invoke
    added = run(
        app, ["disputes", "add", d.id, "--body", BODY, "--json", "--database", database_url]
    )
    assert added.exit_code == 0, added.output
    dispute = orjson.loads(added.output)
    args = ["disputes", "settle", dispute["id"], "--outcome", "partly", "--not-implemented"]
    settled = run(app, [*args, "--json", "--database", database_url])
    assert settled.exit_code == 0, settled.output
    assert orjson.loads(settled.output)["implemented"] is False
    listed = run(app, ["disputes", "list", "--json", "--database", database_url])
    assert [x["outcome"] for x in orjson.loads(listed.output)["disputes"]] == ["partly"]
