"""A loanword brand written in Persian script: its "x" is the ks the script writes (کس)."""

from __future__ import annotations

from standing.screening.match import Query
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.model import Entry, EntryName
from standing.screening.romanize import abjad_similarity, latin_class_keys
from tests.screening.names import matcher


def scored(query: str, name: str) -> float:
    entry = Entry(
        source="test",
        entry_id=name,
        kind="organization",
        names=(EntryName(name),),
        countries=("ir",),
    )
    return matcher.score(Query.of(query, schema="Company"), entry).score


def test_an_x_fits_the_ks_of_a_persian_spelling() -> None:
    assert abjad_similarity("aksyn", "oxin") > 0  # اکسین
    assert abjad_similarity("aksyn", "oksin") > 0
    # an x is still a kh too
    assert "KN" in latin_class_keys("oxin") and "KSN" in latin_class_keys("oxin")


def test_a_persian_loanword_brand_meets_its_latin_name() -> None:
    assert scored("شرکت فولاد اکسین خوزستان", "Oxin Steel Company") >= DEFAULT_THRESHOLD
    # another steel company of the province
    assert scored("شرکت فولاد اکسین خوزستان", "Khuzestan Steel Company") < DEFAULT_THRESHOLD
    assert scored("شرکت فولاد هرمزگان", "Oxin Steel Company") < DEFAULT_THRESHOLD
