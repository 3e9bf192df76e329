"""Writing the outbox, inside the transaction of the event each row reports: if the event
commits, so does its message; if it rolls back, nothing is sent."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from standing.ids import new_id
from standing.notify.events import EventType, affected_parties, statement_data
from standing.store.appeal_tables import AppealRow
from standing.store.notify_tables import OutboxRow
from standing.store.tables import NoticeRow, StatementRow


def enqueue(
    session: Session,
    event: str,
    subject: str,
    data: dict[str, Any],
    parties: Iterable[str],
    at: datetime,
    key: str | None = None,
) -> str:
    """Add one message to the outbox; returns its id (the stable id every delivery of it
    carries)."""
    message_id = new_id("msg")
    session.add(
        OutboxRow(
            id=message_id,
            event=str(event),
            subject=subject,
            parties=sorted(set(parties)),
            data=data,
            key=key,
            created_at=at,
        )
    )
    return message_id


def decision_context(session: Session, decision_id: str) -> tuple[dict[str, Any], list[str]]:
    """What a message about a decision repeats from its statement (the subject, the rule,
    what is restricted), and every party its statement and notices reach."""
    statement = session.get(StatementRow, decision_id)
    if statement is None:
        raise LookupError(f"decision {decision_id} has no statement of reasons")
    content = statement.content
    parties = set(affected_parties(content))
    for notice in session.scalars(
        select(NoticeRow.content).where(NoticeRow.decision_id == decision_id)
    ):
        parties |= set(affected_parties(notice))
    data = statement_data(content)
    context = {k: data[k] for k in ("decision", "subject", "rule", "restricted", "affected")}
    return context, sorted(parties)


def decision_recorded(session: Session, content: dict[str, Any], at: datetime) -> str:
    """A decision was recorded: ``content`` is its statement of reasons."""
    return enqueue(
        session,
        EventType.DECISION_RECORDED,
        content["decision_id"],
        statement_data(content),
        affected_parties(content),
        at,
    )


def decision_lifted(
    session: Session, decision_id: str, reason: str, at: datetime, *, mail: bool = True
) -> str:
    """A decision was lifted. ``mail=False`` when another message (an appeal's outcome)
    already tells the contacts; webhooks still get the event."""
    context, parties = decision_context(session, decision_id)
    data = {**context, "reason": reason, "lifted_at": at.isoformat()}
    return enqueue(
        session, EventType.DECISION_LIFTED, decision_id, data, parties if mail else (), at
    )


def notices_issued(session: Session, notice_ids: Iterable[str], at: datetime) -> list[str]:
    """Notices were issued to accounts a decision reached after it was recorded."""
    ids = list(notice_ids)
    out = []
    for start in range(0, len(ids), 500):
        for notice in session.scalars(
            select(NoticeRow).where(NoticeRow.id.in_(ids[start : start + 500]))
        ):
            content = notice.content
            out.append(
                enqueue(
                    session,
                    EventType.NOTICE_ISSUED,
                    notice.id,
                    statement_data(content),
                    affected_parties(content),
                    at,
                )
            )
    return out


def appeal_filed(session: Session, appeal: AppealRow, at: datetime) -> str:
    context, parties = decision_context(session, appeal.decision_id)
    data = {
        **context,
        "appeal": appeal.id,
        "kind": appeal.kind,
        "scope": appeal.scope,
        "text": appeal.text,
        "filed_at": appeal.filed_at.isoformat(),
        "due_at": appeal.due_at.isoformat(),
    }
    return enqueue(session, EventType.APPEAL_FILED, appeal.id, data, parties, at)


def appeal_decided(
    session: Session,
    appeal: AppealRow,
    at: datetime,
    redress: dict[str, Any] | None = None,
    exempted: str | None = None,
    decided_on: str | None = None,
) -> list[str]:
    """An appeal was decided; an outcome that ended the decision also reports the lift (to
    webhooks; the contacts read it in the outcome's mail). ``redress`` is where the party may
    turn next (the policy's settlement bodies and courts); without it, the statement's.
    ``exempted``: the party or account carved out; the message lists it and what only it
    brought into reach (``released``). ``decided_on``: the decision the outcome acted on, when
    another appeal had replaced the one this appeal was filed against."""
    context, parties = decision_context(session, appeal.decision_id)
    statement = session.get(StatementRow, appeal.decision_id)
    if redress is None and statement is not None:
        redress = statement.content.get("redress")
    data = {
        **context,
        "appeal": appeal.id,
        "kind": appeal.kind,
        "scope": appeal.scope,
        "outcome": appeal.outcome,
        "reply": appeal.reply,
        "decided_at": at.isoformat(),
        "new_decision": appeal.new_decision_id,
        "redress": redress,
        "decided_on": decided_on or appeal.decision_id,
        "exempted": exempted,
        "released": [],
    }
    if exempted is not None and appeal.new_decision_id is not None:
        successor = session.get(StatementRow, appeal.new_decision_id)
        carved = (successor.content.get("exempted") or []) if successor is not None else []
        data["released"] = carved[-1]["released"] if carved else []
    out = [enqueue(session, EventType.APPEAL_DECIDED, appeal.id, data, parties, at)]
    if appeal.outcome in ("overturned", "modified", "exempted", "lifted"):
        reason = f"appeal {appeal.id} {appeal.outcome}: {appeal.reply}"
        ended = decided_on or appeal.decision_id
        out.append(decision_lifted(session, ended, reason, at, mail=False))
    return out
