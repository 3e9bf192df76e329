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


def parse_moment(text: str, field: str) -> datetime:
    """An ISO 8601 date (midnight UTC) or date-time, extended (2027-01-31) or basic
    (20270131); a time without a zone is taken as UTC. The same reading for the CLI and the
    API, so a value means one moment wherever it is given."""
    from standing.errors import Invalid

    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise Invalid(
            f"{field}: {text[:40]!r} is not an ISO 8601 date or date-time (e.g. 2027-01-31)"
        ) from None
    return to_utc(value, field)


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
