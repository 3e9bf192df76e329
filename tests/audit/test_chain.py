from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from standing.audit.chain import GENESIS, Event, make_event, verify
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
