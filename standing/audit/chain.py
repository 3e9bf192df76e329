"""The audit log's hash chain, as pure functions.

Each event's hash covers its position, time, actor, action, subject, the digest of its payload
and the previous event's hash. ``verify`` walks events in position order and reports the first
that does not fit: an altered payload or field, a removed or reordered event, or a chain shorter
than the recorded head (truncation).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

GENESIS = "0" * 64


def canonical(payload: Any) -> bytes:
    """Canonical JSON: sorted keys, no whitespace, UTC datetimes in ISO form."""
    return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    payload: str  # canonical JSON text
    payload_digest: str
    prev_hash: str
    hash: str


def event_hash(
    seq: int, at: datetime, actor: str, action: str, subject: str, payload_digest: str, prev: str
) -> str:
    header = [seq, at.isoformat(), actor, action, subject, payload_digest, prev]
    return digest(canonical(header))


def make_event(
    seq: int, at: datetime, actor: str, action: str, subject: str, payload: Any, prev: str
) -> Event:
    text = canonical(payload).decode()
    payload_digest = digest(text.encode())
    return Event(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        subject=subject,
        payload=text,
        payload_digest=payload_digest,
        prev_hash=prev,
        hash=event_hash(seq, at, actor, action, subject, payload_digest, prev),
    )


@dataclass(frozen=True, slots=True)
class Break:
    seq: int
    reason: str


def verify(events: Iterable[Event], head_seq: int, head_hash: str) -> Break | None:
    """The first event that breaks the chain, or None when the chain is whole."""
    prev = GENESIS
    expected = 1
    for event in events:
        if event.seq != expected:
            missing = "missing" if event.seq > expected else "out of order"
            return Break(expected, f"event {expected} is {missing} (found {event.seq} there)")
        if digest(event.payload.encode()) != event.payload_digest:
            return Break(event.seq, "payload does not match its digest (altered)")
        if event.prev_hash != prev:
            return Break(event.seq, "does not link to the previous event (removed or reordered)")
        recomputed = event_hash(
            event.seq,
            event.at,
            event.actor,
            event.action,
            event.subject,
            event.payload_digest,
            event.prev_hash,
        )
        if recomputed != event.hash:
            return Break(event.seq, "fields do not match the event's hash (altered)")
        prev = event.hash
        expected += 1
    last = expected - 1
    if last != head_seq or prev != head_hash:
        if last < head_seq:
            return Break(
                last + 1, f"log ends at event {last} but the head records {head_seq} (truncated)"
            )
        return Break(head_seq, "the recorded head does not match the last event")
    return None
