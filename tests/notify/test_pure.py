"""The pure parts: retry delays, signatures, mail text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from standardwebhooks.webhooks import Webhook

from standing.notify.events import WEBHOOK_EVENTS, affected_parties
from standing.notify.messages import human_date, human_moment, render_email
from standing.notify.retry import retry_delay
from standing.notify.signing import headers, key_of, new_secret, sign


def test_retry_delays_follow_the_schedule_with_jitter() -> None:
    schedule = (5.0, 300.0)
    assert retry_delay(1, schedule, 0.5) == 5.0
    assert retry_delay(2, schedule, 0.0) == pytest.approx(240.0)
    assert retry_delay(2, schedule, 0.999999) == pytest.approx(360.0, rel=1e-5)
    assert retry_delay(3, schedule, 0.5) is None
    assert retry_delay(0, schedule, 0.5) is None


def test_signatures_are_what_standard_webhooks_computes() -> None:
    secret = new_secret()
    assert len(key_of(secret)) == 32
    body = b'{"type":"decision.recorded"}'
    at = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
    expected = Webhook(secret).sign("msg-1", at, body.decode())
    assert sign(secret, "msg-1", int(at.timestamp()), body) == expected
    sent = headers(secret, "msg-1", int(at.timestamp()), body)
    assert sent["webhook-id"] == "msg-1" and sent["webhook-timestamp"] == str(int(at.timestamp()))
    with pytest.raises(ValueError, match="whsec_"):
        key_of("abc")


def test_dates_read_as_people_read_them() -> None:
    assert human_date("2027-05-31T00:00:00+00:00") == "31 May 2027"
    assert human_moment("2027-05-31T14:05:09.123456+00:00") == "31 May 2027, 14:05 UTC"
    assert human_date(None) == "no end date"


DATA = {
    "decision": "dec-1",
    "subject": {"id": "p1", "kind": "party", "name": "Parent AG"},
    "rule": {"id": "r", "title": "A rule"},
    "restricted": [{"capability": "ads.promote", "description": "Promote posts."}],
    "affected": {
        "parties": [
            {"id": "p1", "name": "Parent AG", "why": "it is the subject of the decision"},
            {"id": "p2", "name": "Child Ltd", "why": "it is controlled by Parent AG (60 %)"},
        ],
        "accounts": [
            {
                "id": "a2",
                "owner": "p2",
                "username": "@child",
                "service": "social",
                "why": "it is owned by Child Ltd",
            },
        ],
    },
}


def test_each_event_has_a_mail_naming_the_decision_and_the_portal() -> None:
    extra = {
        "appeal.filed": {
            "appeal": "apl-1",
            "text": "t",
            "filed_at": "2026-01-02T00:00:00+00:00",
            "due_at": "2026-01-16T00:00:00+00:00",
        },
        "appeal.decided": {
            "appeal": "apl-1",
            "outcome": "upheld",
            "reply": "Because.",
            "decided_at": "2026-01-03T00:00:00+00:00",
            "new_decision": None,
        },
        "decision.lifted": {"reason": "withdrawn", "lifted_at": "2026-01-04T00:00:00+00:00"},
        "appeal.deadline": {"appeal_deadline": "2026-06-30T00:00:00+00:00"},
    }
    for event, more in extra.items():
        mail = render_email(event, {**DATA, **more}, {"p2"}, "https://x.example/")
        assert "dec-1" in mail.subject or "apl-1" in mail.subject
        assert "https://x.example/standing/decisions/dec-1" in mail.body, event
    with pytest.raises(ValueError, match="no mail"):
        render_email("decision.recorded.twice", DATA, {"p2"}, "https://x.example")


def test_an_outcome_names_the_redress_it_was_sent_with() -> None:
    redress = {
        "settlement_bodies": [
            {"id": "b", "name": "Body One", "country": "IE", "url": "https://one.example"}
        ],
        "courts": [{"id": "c", "name": "The courts", "description": "Sue us.", "url": ""}],
        "register_url": "https://list.example",
    }
    decided = {
        "appeal": "apl-1",
        "outcome": "upheld",
        "reply": "Because.",
        "decided_at": "2026-01-03T09:30:00.123456+00:00",
        "new_decision": None,
    }
    mail = render_email("appeal.decided", {**DATA, **decided, "redress": redress}, {"p2"}, "x")
    assert "Body One (IE, https://one.example)" in mail.body
    assert "Every certified body is listed at https://list.example." in mail.body
    assert "The courts: Sue us." in mail.body
    assert "decided on 3 January 2026" in mail.body and "T09" not in mail.body
    # an event recorded before redress was named still points to both routes
    bare = render_email("appeal.decided", {**DATA, **decided}, {"p2"}, "x")
    assert "out-of-court dispute settlement body" in bare.body and "courts" in bare.body


def test_affected_parties_include_account_owners() -> None:
    content = {"affected": DATA["affected"], "subject": DATA["subject"]}
    assert affected_parties(content) == ["p1", "p2"]
    assert "appeal.deadline" not in WEBHOOK_EVENTS
