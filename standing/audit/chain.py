"""The audit log's hash chain, as pure functions.

Each event's hash covers its position, time, actor, action, subject, the digest of its payload
and the previous event's hash. ``verify`` walks events in position order and reports the first
that does not fit: an altered payload or field, a removed or reordered event, or a chain shorter
than the recorded head (truncation).

Keyed events. With an audit key (``STANDING_AUDIT_KEY``, never stored in the database) an
event's hash is an HMAC-SHA256 under that key instead of a plain SHA-256, and the event records
the key's id (a fingerprint of the key, not the key). Whoever can write the database but does
not hold the key can no longer rewrite an event and recompute the chain after it: the keyed
hashes would not verify. Events written before a key was set stay unkeyed and keep verifying;
once one event is keyed, an unkeyed event after it is a break (keying stripped off the tail).
An anchor kept outside the database (``HASH@N``, from ``standing audit head``) catches what a
key cannot: a chain rewritten, unkeyed, from before its first keyed event.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

GENESIS = "0" * 64
KEYED = "hmac-sha256"  # the first element of a keyed event's header


def canonical(payload: Any) -> bytes:
    """Canonical JSON: sorted keys, no whitespace, UTC datetimes in ISO form."""
    return orjson.dumps(payload, option=orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class AuditKey:
    """A secret that keys the chain; ``id`` names it in events without revealing it."""

    id: str
    secret: bytes

    @classmethod
    def of(cls, secret: str) -> AuditKey:
        raw = secret.encode()
        return cls(key_id(raw), raw)


def key_id(secret: bytes) -> str:
    return hmac.new(secret, b"standing audit key id", hashlib.sha256).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class AuditKeys:
    """The key new events are keyed with (the first given) and every key events may carry
    (older ones, after a rotation). Empty: events are written unkeyed."""

    current: AuditKey | None = None
    known: Mapping[str, AuditKey] | None = None

    @classmethod
    def parse(cls, text: str | None) -> AuditKeys:
        """``"secret"`` or ``"new-secret,old-secret,..."``; blank parts are ignored."""
        keys = [AuditKey.of(part.strip()) for part in (text or "").split(",") if part.strip()]
        if not keys:
            return cls()
        return cls(keys[0], {k.id: k for k in keys})

    def get(self, kid: str) -> AuditKey | None:
        return (self.known or {}).get(kid)


NO_KEYS = AuditKeys()


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
    key_id: str | None = None  # the id of the key the hash is keyed with; None: plain SHA-256


def event_hash(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    subject: str,
    payload_digest: str,
    prev: str,
    key: AuditKey | None = None,
) -> str:
    header: list[Any] = [seq, at.isoformat(), actor, action, subject, payload_digest, prev]
    if key is None:
        return digest(canonical(header))
    return hmac.new(key.secret, canonical([KEYED, key.id, *header]), hashlib.sha256).hexdigest()


def make_event(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    subject: str,
    payload: Any,
    prev: str,
    key: AuditKey | None = None,
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
        hash=event_hash(seq, at, actor, action, subject, payload_digest, prev, key),
        key_id=key.id if key is not None else None,
    )


@dataclass(frozen=True, slots=True)
class Break:
    seq: int
    reason: str
    unverifiable: bool = False  # the event is keyed with a key the verifier was not given


@dataclass(frozen=True, slots=True)
class Anchor:
    """``HASH@N``: event N's hash, kept outside the database."""

    seq: int
    hash: str

    @classmethod
    def parse(cls, text: str) -> Anchor:
        value, sep, position = text.strip().rpartition("@")
        value = value.lower()
        if (
            not sep
            or not position.isdigit()
            or len(value) != 64
            or any(c not in "0123456789abcdef" for c in value)
            or (int(position) == 0 and value != GENESIS)
        ):
            raise ValueError(
                f"{text!r} is not an anchor: expected HASH@N, a 64-digit hex hash and a "
                "position (as `standing audit head` prints it)"
            )
        return cls(int(position), value)

    def __str__(self) -> str:
        return f"{self.hash}@{self.seq}"


@dataclass
class Walk:
    """What a walk saw besides breaks: events checked and where keying began."""

    events: int = 0
    keyed_from: int | None = None


def verify(
    events: Iterable[Event],
    head_seq: int,
    head_hash: str,
    keys: AuditKeys = NO_KEYS,
    expect: Anchor | None = None,
    walk: Walk | None = None,
) -> Break | None:
    """The first event that breaks the chain, or None when the chain is whole. Keyed events
    are checked with ``keys``; with ``expect``, event ``expect.seq`` must carry that hash."""
    walk = walk if walk is not None else Walk()
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
        key: AuditKey | None = None
        if event.key_id is not None:
            key = keys.get(event.key_id)
            if key is None:
                return Break(
                    event.seq,
                    f"keyed with audit key {event.key_id}, which STANDING_AUDIT_KEY does not "
                    "hold: it cannot be verified without that key",
                    unverifiable=True,
                )
            if walk.keyed_from is None:
                walk.keyed_from = event.seq
        elif walk.keyed_from is not None:
            return Break(
                event.seq,
                f"not keyed, although the log is keyed from event {walk.keyed_from} "
                "(rewritten without the key)",
            )
        recomputed = event_hash(
            event.seq,
            event.at,
            event.actor,
            event.action,
            event.subject,
            event.payload_digest,
            event.prev_hash,
            key,
        )
        if not hmac.compare_digest(recomputed, event.hash):
            return Break(event.seq, "fields do not match the event's hash (altered)")
        if expect is not None and event.seq == expect.seq and event.hash != expect.hash:
            return Break(
                event.seq,
                f"hash differs from the expected anchor {expect} (the log up to event "
                f"{expect.seq} was rewritten)",
            )
        prev = event.hash
        expected += 1
        walk.events += 1
    last = expected - 1
    if expect is not None and last < expect.seq:
        return Break(
            last + 1,
            f"log ends at event {last}, before the expected anchor at event {expect.seq} "
            "(truncated)",
        )
    if last != head_seq or prev != head_hash:
        if last < head_seq:
            return Break(
                last + 1, f"log ends at event {last} but the head records {head_seq} (truncated)"
            )
        return Break(head_seq, "the recorded head does not match the last event")
    return None
