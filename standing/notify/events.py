"""The events the outbox reports and the data each carries (plain dicts; no I/O).

The data is taken from the immutable statement of reasons or notice when the event happens, so
a message says what the affected party was told, whenever the worker sends it."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import orjson


class EventType(StrEnum):
    DECISION_RECORDED = "decision.recorded"
    DECISION_LIFTED = "decision.lifted"
    NOTICE_ISSUED = "notice.issued"
    APPEAL_FILED = "appeal.filed"
    APPEAL_DECIDED = "appeal.decided"
    APPEAL_DEADLINE = "appeal.deadline"  # a reminder to contacts; not sent to webhooks
    REVIEW_DIGEST = "review.digest"  # the desk's appeals due soon, to reviewers; not a webhook


#: The events a webhook endpoint may subscribe to (DESIGN 4c).
WEBHOOK_EVENTS: tuple[str, ...] = (
    EventType.DECISION_RECORDED,
    EventType.DECISION_LIFTED,
    EventType.NOTICE_ISSUED,
    EventType.APPEAL_FILED,
    EventType.APPEAL_DECIDED,
)


def portal_url(public_url: str, decision_id: str) -> str:
    """Where the affected party reads the decision and its notices and appeals."""
    return f"{public_url.rstrip('/')}/standing/decisions/{decision_id}"


def affected_parties(content: dict[str, Any]) -> list[str]:
    """The parties a statement (or notice) reaches: the ones it names and the owners of the
    accounts it names (the owner of an account that is itself the subject, too)."""
    affected = content["affected"]
    out = [p["id"] for p in affected["parties"]]
    out += [a["owner"] for a in affected["accounts"] if a.get("owner")]
    subject = content["subject"]
    if subject["kind"] == "party":
        out.append(subject["id"])
    elif subject.get("owner"):
        out.append(subject["owner"])
    return sorted(set(out))


def statement_data(content: dict[str, Any]) -> dict[str, Any]:
    """What a decision or notice message says: the restriction, who it reaches and why, its
    scope and duration, the facts, the remedy and the appeal deadline."""
    data: dict[str, Any] = {
        "decision": content["decision_id"],
        "issued_at": content["issued_at"],
        "subject": content["subject"],
        "rule": {"id": content["rule"]["id"], "title": content["rule"]["title"]},
        "restricted": content["restricted"],
        "not_restricted": content["not_restricted"],
        "territories": content["territorial_scope"],
        "starts_at": content["starts_at"],
        "ends_at": content["ends_at"],
        "facts": content["facts"],
        "remedy": content["remedy"],
        "appeal_deadline": content["appeal"]["deadline"],
        "affected": content["affected"],
    }
    if notice := content.get("notice"):
        data["notice"] = {"id": notice["id"], "account": notice["account"]}
    return data


def webhook_body(event: str, at: datetime, data: dict[str, Any], public_url: str) -> bytes:
    """The JSON body of a webhook (Standard Webhooks' ``type``/``timestamp``/``data``), with
    the portal link of the decision."""
    payload = dict(data)
    if decision := payload.get("decision"):
        payload["url"] = portal_url(public_url, decision)
    return orjson.dumps({"type": event, "timestamp": at.isoformat(), "data": payload})
