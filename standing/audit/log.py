"""Appending to and verifying the stored audit log (inside the caller's transaction)."""

from __future__ import annotations

from collections.abc import Generator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from standing.access.model import SYSTEM
from standing.audit.chain import (
    NO_KEYS,
    Anchor,
    AuditKeys,
    Break,
    Event,
    Walk,
    make_event,
    verify,
)
from standing.audit.tags import Action
from standing.store.tables import AuditHeadRow, EventRow

#: Where a write session carries the audit keys (``Services.write`` puts them there), so that
#: every ``append`` in the transaction keys its event without the callers passing a key.
SESSION_KEYS = "standing.audit_keys"


def session_keys(session: Session) -> AuditKeys:
    keys = session.info.get(SESSION_KEYS)
    return keys if isinstance(keys, AuditKeys) else NO_KEYS


def append(
    session: Session, at: datetime, actor: str, action: Action, subject: str, payload: Any
) -> Event:
    """Append one event. The caller's transaction holds the audit head's lock
    (``Services.write``), so the chain cannot fork."""
    head = session.get(AuditHeadRow, 1)
    if head is None:
        raise RuntimeError("audit head missing: run `standing db upgrade`")
    key = session_keys(session).current
    event = make_event(head.seq + 1, at, actor, str(action), subject, payload, head.hash, key)
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
            key_id=event.key_id,
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
            SYSTEM.id,  # standing's own event, inside the write that first uses the version
            Action.POLICY_LOAD,
            version,
            {"version": version, "rules": rules},
        )


def event_from_row(row: EventRow) -> Event:
    return Event(
        row.seq,
        row.at,
        row.actor,
        row.action,
        row.subject,
        row.payload,
        row.payload_digest,
        row.prev_hash,
        row.hash,
        row.key_id,
    )


def stored_events(
    session: Session, actions: frozenset[str] | None = None
) -> Generator[Event, None, None]:
    """The stored events in position order (only those of ``actions``, if given)."""
    query = select(EventRow).order_by(EventRow.seq)
    if actions is not None:
        query = query.where(EventRow.action.in_(sorted(actions)))
    result = session.execute(query.execution_options(yield_per=2000)).scalars()
    try:
        for row in result:
            yield event_from_row(row)
    finally:
        result.close()  # a walk that stops at a break leaves no server-side cursor open


def verify_log(
    session: Session,
    keys: AuditKeys = NO_KEYS,
    expect: Anchor | None = None,
    walk: Walk | None = None,
) -> tuple[int, Break | None]:
    """Walk the stored chain; returns (events recorded by the head, first break or None)."""
    head = session.get(AuditHeadRow, 1)
    if head is None:
        return 0, Break(1, "audit head missing")
    with closing(stored_events(session)) as events:
        return head.seq, verify(events, head.seq, head.hash, keys, expect, walk)


@dataclass(frozen=True, slots=True)
class Head:
    seq: int
    hash: str
    key_id: str | None

    @property
    def anchor(self) -> str:
        return f"{self.hash}@{self.seq}"


def head_of(session: Session) -> Head:
    """The last event's position and hash, as recorded by the head (0 and the genesis hash
    on an empty log), and the key its hash is keyed with."""
    head = session.get(AuditHeadRow, 1)
    if head is None:
        raise RuntimeError("audit head missing: run `standing db upgrade`")
    key_id = session.execute(select(EventRow.key_id).where(EventRow.seq == head.seq)).scalar()
    return Head(head.seq, head.hash, key_id)


@dataclass(frozen=True, slots=True)
class Verification:
    """``standing audit verify``'s findings: the chain, then the state against the events."""

    events: int
    broken: Break | None
    keyed_from: int | None
    checked: dict[str, int] = field(default_factory=dict)  # table -> rows compared
    mismatches: list[Any] = field(default_factory=list)  # the first few ``Mismatch``es
    mismatch_count: int = 0

    @property
    def ok(self) -> bool:
        return self.broken is None and self.mismatch_count == 0
