"""When a failed delivery is tried again (no I/O): a schedule of delays, each stretched or
shrunk by up to a fifth at random so that failed deliveries do not all return at once."""

from __future__ import annotations

from collections.abc import Sequence

JITTER = 0.2


def retry_delay(attempts: int, schedule: Sequence[float], unit: float) -> float | None:
    """Seconds to wait after the ``attempts``-th failed attempt, or None when the schedule is
    spent (the delivery is dead-lettered). ``unit`` is a random number in [0, 1)."""
    if attempts < 1 or attempts > len(schedule):
        return None
    return float(schedule[attempts - 1]) * (1 - JITTER + 2 * JITTER * unit)
