"""Appending to and verifying the stored audit log (inside the caller's transaction)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from standing.audit.chain import Break, Event, make_event, verify
from standing.audit.tags import Action
from standing.store.tables import AuditHeadRow, EventRow


def append(
    session: Session, at: datetime, actor: str, action: Action, subject: str, payload: Any
) -> Event:
    """Append one event. The caller's transaction holds the audit head's lock
    (``Services.write``), so the chain cannot fork."""
    head = session.get(AuditHeadRow, 1)
    if head is None:
        raise RuntimeError("audit head missing: run `standing db upgrade`")
    event = make_event(head.seq + 1, at, actor, str(action), subject, payload, head.hash)
    session.add(
        EventRow(
            seq=event.seq,
            at=event.at,
            actor=event.actor,
            action=event.action,
            subject=event.subject,
            payload=event.payload,
            payload_digest=event.payload_digest,
            prev_hash=event.prev_hash,
            hash=event.hash,
        )
    )
    head.seq, head.hash = event.seq, event.hash
    session.flush()
    return event


def ensure_policy_recorded(session: Session, at: datetime, version: str, rules: list[str]) -> None:
    """Append a ``policy:load`` event the first time a policy version is used for a write."""
    seen = session.execute(
        select(EventRow.seq)
        .where(EventRow.action == str(Action.POLICY_LOAD), EventRow.subject == version)
        .limit(1)
    ).first()
    if seen is None:
        append(
            session,
            at,
            "standing",
            Action.POLICY_LOAD,
            version,
            {"version": version, "rules": rules},
        )


def _events(session: Session) -> Any:
    rows = session.execute(select(EventRow).order_by(EventRow.seq)).scalars()
    for row in rows:
        yield Event(
            row.seq,
            row.at,
            row.actor,
            row.action,
            row.subject,
            row.payload,
            row.payload_digest,
            row.prev_hash,
            row.hash,
        )


def verify_log(session: Session) -> tuple[int, Break | None]:
    """Walk the stored chain; returns (events checked, first break or None)."""
    head = session.get(AuditHeadRow, 1)
    if head is None:
        return 0, Break(1, "audit head missing")
    return head.seq, verify(_events(session), head.seq, head.hash)
