"""BIS Denied Persons List: the real 2019 tab-separated file, and a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.sources import ParseResult, bis_dpl

DPL = "us_bis_denied_persons_2019.txt"


@pytest.fixture(scope="module")
def result(shared_data: Path) -> ParseResult:
    return bis_dpl.parse(shared_data / DPL)


def test_rows_per_address_are_one_entry(result: ParseResult) -> None:
    # 545 rows, one per address, of 415 distinct names
    assert len(result.entries) == 415
    assert len({e.entry_id for e in result.entries}) == 415
    ash = next(e for e in result.entries if e.caption == "I. ASH")  # " I. ASH" and "I. ASH"
    assert ash.countries == ("us",)
    assert ash.listed_on == "2002-03-04"
    assert ash.extra["expiration_date"] == "2056-06-29"
    assert ash.extra["addresses"].count("; ") == 2
    assert ash.programs == ("BIS Denied Persons List",)


def test_first_entry_and_kinds(result: ParseResult) -> None:
    first = result.entries[0]
    assert first.caption == "ADRIAN MANUEL HERNANDEZ"
    assert first.kind == "unknown"  # the list has no type column
    assert first.listed_on == "2017-10-16"
    assert first.extra["fr_citation"] == "82 F.R. 48792 10/20/2017"
    airline = next(e for e in result.entries if e.caption == "AL NASER WINGS AIRLINES")
    assert airline.kind == "organization"
    assert (
        first.entry_id
        == bis_dpl.parse(
            b'"Name"\t"Country"\t"Effective_Date"\n"ADRIAN MANUEL HERNANDEZ"\t""\t"10/16/2017"\n'
        )
        .entries[0]
        .entry_id
    )


def test_bad_date_names_the_line(test_data: Path) -> None:
    with pytest.raises(Invalid) as caught:
        bis_dpl.parse(test_data / "bis_dpl_bad_date.txt")
    assert caught.value.message == (
        "bis_dpl_bad_date.txt:3: effective_date is not a date: '2017-13-45'"
    )


def test_missing_columns_and_short_rows() -> None:
    with pytest.raises(Invalid, match=r"^d\.txt:1: the header lacks the column\(s\) country"):
        bis_dpl.parse(b'"Name"\t"Effective_Date"\n', name="d.txt")
    with pytest.raises(Invalid, match=r"^d\.txt:2: expected 3 columns, found 2"):
        bis_dpl.parse(b'"Name"\t"Country"\t"Effective_Date"\n"A"\t"US"\n', name="d.txt")
