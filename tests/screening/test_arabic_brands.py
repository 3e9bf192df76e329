"""A brand in Arabic script that is a common noun (إعمار, reconstruction: Emaar; الهلال,
crescent: Al Hilal) is read as written beside the name's company words read in English; li-
before the article (للمشاريع, for the projects) is read as the article."""

from __future__ import annotations

import pytest

from standing.screening.glossary import reading
from standing.screening.match.config import DEFAULT_THRESHOLD
from tests.screening.names import score


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("شركة إعمار العقارية", "Emaar Properties PJSC"),
        ("شركة الهلال للمشاريع", "Al Hilal Projects Company"),
        ("شركة التعدين العربية السعودية معادن", "Saudi Arabian Mining Company (Ma'aden)"),
    ],
)
def test_a_brand_that_is_a_common_noun_meets_its_english_name(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("شركة إعمار العقارية", "Ammar Trading Company"),
        ("بنك السلام", "Al Salam Trading"),
    ],
)
def test_other_companies_stay_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


def test_the_brand_is_kept_in_a_reading_of_its_own() -> None:
    found = reading("شركة الهلال للمشاريع")
    assert found is not None
    assert found.text == "company crescent projects"
    assert found.kept == "company الهلال projects"
