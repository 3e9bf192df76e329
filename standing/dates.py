"""Dates as people read them (pure): ``31 May 2027``; with the time and its zone where a time
matters, ``31 May 2027, 14:05 UTC``; never microseconds, never an ISO ``T``. Pages, statements
and mail all use these."""

from __future__ import annotations

from datetime import date, datetime


def _moment(value: date | datetime | str) -> date | datetime:
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def human_date(value: date | datetime | str | None) -> str:
    """``31 May 2027`` (ISO strings accepted; empty for None)."""
    if value is None or value == "":
        return ""
    moment = _moment(value)
    return f"{moment.day} {moment:%B %Y}"


def human_time(value: datetime | str | None) -> str:
    """``31 May 2027, 14:05 UTC``: the date, the time to the minute and its zone."""
    if value is None or value == "":
        return ""
    moment = _moment(value)
    if not isinstance(moment, datetime):
        return human_date(moment)
    zone = moment.tzname() or "UTC"
    return f"{human_date(moment)}, {moment:%H:%M} {zone}"


def human_moment(value: date | datetime | str | None) -> str:
    """The date alone when the moment is a day's start (midnight), else with its time."""
    if value is None or value == "":
        return ""
    moment = _moment(value)
    if isinstance(moment, datetime) and (moment.hour, moment.minute, moment.second) != (0, 0, 0):
        return human_time(moment)
    return human_date(moment)
