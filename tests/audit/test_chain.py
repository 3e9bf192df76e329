from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from standing.audit.chain import (
    GENESIS,
    Anchor,
    AuditKeys,
    Event,
    Walk,
    event_hash,
    make_event,
    verify,
)
from tests.factories import T0


def chain(n: int) -> list[Event]:
    events: list[Event] = []
    prev = GENESIS
    for i in range(1, n + 1):
        e = make_event(
            i, T0 + timedelta(seconds=i), "alice", "decision:record", f"dec-{i}", {"n": i}, prev
        )
        events.append(e)
        prev = e.hash
    return events


def test_intact_chain_verifies() -> None:
    events = chain(5)
    assert verify(events, 5, events[-1].hash) is None
    assert verify([], 0, GENESIS) is None


def test_altered_payload_field_removed_reordered_truncated() -> None:
    events = chain(5)
    head = (5, events[-1].hash)
    altered = [*events[:2], replace(events[2], payload='{"n":99}'), *events[3:]]
    assert verify(altered, *head).seq == 3  # type: ignore[union-attr]
    actor = [*events[:1], replace(events[1], actor="mallory"), *events[2:]]
    assert verify(actor, *head).seq == 2  # type: ignore[union-attr]
    removed = [*events[:3], *events[4:]]
    assert verify(removed, *head).seq == 4  # type: ignore[union-attr]
    swapped = [events[0], replace(events[2], seq=2), replace(events[1], seq=3), *events[3:]]
    assert verify(swapped, *head).seq == 2  # type: ignore[union-attr]
    truncated = verify(events[:3], *head)
    assert truncated is not None and truncated.seq == 4 and "truncated" in truncated.reason


# --- keyed chains and anchors -----------------------------------------------------------------

KEYS = AuditKeys.parse("a long random secret,an older secret")


def mixed(n_plain: int, n_keyed: int, keys: AuditKeys = KEYS) -> list[Event]:
    """A log written without a key at first, then with one."""
    events: list[Event] = []
    prev = GENESIS
    for i in range(1, n_plain + n_keyed + 1):
        key = keys.current if i > n_plain else None
        e = make_event(i, T0 + timedelta(seconds=i), "alice", "x:y", f"s-{i}", {"n": i}, prev, key)
        events.append(e)
        prev = e.hash
    return events


def rehash(events: list[Event], start: int, key: object = None) -> list[Event]:
    """Rewrite events from ``start`` on as one without the key would: plain SHA-256 links."""
    out = list(events[: start - 1])
    prev = out[-1].hash if out else GENESIS
    for e in events[start - 1 :]:
        h = event_hash(e.seq, e.at, e.actor, e.action, e.subject, e.payload_digest, prev)
        out.append(replace(e, prev_hash=prev, hash=h, key_id=None))
        prev = h
    return out


def test_keys_parse_and_name_themselves_without_revealing() -> None:
    assert KEYS.current is not None and len(KEYS.current.id) == 16
    assert "secret" not in KEYS.current.id
    assert KEYS.get(AuditKeys.parse("an older secret").current.id) is not None  # type: ignore[union-attr]
    assert AuditKeys.parse(" , ").current is None


def test_unkeyed_then_keyed_events_verify_together() -> None:
    events = mixed(3, 3)
    walk = Walk()
    assert verify(events, 6, events[-1].hash, KEYS, walk=walk) is None
    assert walk.keyed_from == 4 and walk.events == 6
    assert [e.key_id is None for e in events] == [True] * 3 + [False] * 3


def test_a_rewrite_without_the_key_is_caught() -> None:
    events = mixed(2, 4)
    altered = replace(events[3], actor="mallory")
    forged = [*events[:3], altered, *events[4:]]
    # recomputing the keyed hash is impossible; recomputing plain links strips the key
    assert verify(forged, 6, events[-1].hash, KEYS).seq == 4  # type: ignore[union-attr]
    stripped = rehash(forged, 4)
    broken = verify(stripped, 6, stripped[-1].hash, KEYS)
    assert broken is not None and broken.seq == 4 and "keyed from event 3" in broken.reason
    # stripped from the first keyed event on, only an anchor tells
    whole = rehash(forged, 3)
    assert verify(whole, 6, whole[-1].hash, KEYS) is None
    anchor = Anchor(5, events[4].hash)
    assert verify(whole, 6, whole[-1].hash, KEYS, expect=anchor).seq == 5  # type: ignore[union-attr]


def test_keyed_events_need_their_key() -> None:
    events = mixed(1, 2)
    broken = verify(events, 3, events[-1].hash)
    assert broken is not None and broken.seq == 2 and broken.unverifiable
    wrong = verify(events, 3, events[-1].hash, AuditKeys.parse("another secret"))
    assert wrong is not None and wrong.unverifiable
    rotated = AuditKeys.parse("a newer secret,a long random secret")
    assert verify(events, 3, events[-1].hash, rotated) is None


def test_anchors() -> None:
    events = chain(4)
    good = Anchor.parse(f"{events[2].hash}@3")
    assert str(good) == f"{events[2].hash}@3"
    assert verify(events, 4, events[-1].hash, expect=good) is None
    short = verify(events[:2], 2, events[1].hash, expect=good)
    assert short is not None and short.seq == 3 and "truncated" in short.reason
    assert verify([], 0, GENESIS, expect=Anchor.parse(f"{GENESIS}@0")) is None
    for bad in ("abc@3", f"{events[0].hash}", f"{events[0].hash}@x", f"{events[0].hash}@0"):
        with pytest.raises(ValueError, match="not an anchor"):
            Anchor.parse(bad)
