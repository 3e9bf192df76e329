"""Dates as people read them, everywhere: never ISO, never microseconds."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from standing.dates import human_date, human_moment, human_time


def test_dates_and_times_as_people_read_them() -> None:
    moment = datetime(2027, 5, 31, 14, 5, 9, 123456, tzinfo=UTC)
    assert human_date(moment) == "31 May 2027"
    assert human_date(date(2027, 5, 1)) == "1 May 2027"
    assert human_time(moment) == "31 May 2027, 14:05 UTC"
    assert human_time("2027-05-31T14:05:09.123456+00:00") == "31 May 2027, 14:05 UTC"
    assert human_time(datetime(2027, 1, 2, 8, 0, tzinfo=timezone(timedelta(hours=2)))) == (
        "2 January 2027, 08:00 UTC+02:00"
    )
    assert human_date(None) == human_time("") == human_moment(None) == ""


def test_a_moment_keeps_its_time_only_when_it_has_one() -> None:
    assert human_moment("2027-05-31T00:00:00+00:00") == "31 May 2027"
    assert human_moment("2027-05-31T14:05:00+00:00") == "31 May 2027, 14:05 UTC"
    assert human_moment(date(2027, 5, 31)) == "31 May 2027"
