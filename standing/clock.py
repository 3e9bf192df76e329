"""Time as a dependency: the system clock in production, a fixed one in tests."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol


def to_utc(value: datetime, field: str) -> datetime:
    """A moment given by a user, in UTC (naive means UTC); one that has no UTC equivalent
    (year 9999 with a negative offset, year 1 with a positive one) is refused."""
    from standing.errors import Invalid

    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise Invalid(f"{field}: {value.isoformat()} is out of range") from None


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at
