"""Urdu writes the English words of a Pakistani company's name in Arabic letters (حبیب بینک
لمیٹڈ: Habib Bank Limited): they are read in English, the form as a legal form."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import score


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("حبیب بینک لمیٹڈ", "Habib Bank Limited"),
        ("پاکستان اسٹیٹ آئل کمپنی لمیٹڈ", "Pakistan State Oil Company Limited"),
        ("نشاط ملز لمیٹڈ", "Nishat Mills Limited"),
        ("لکی سیمنٹ لمیٹڈ", "Lucky Cement Limited"),
    ],
)
def test_an_urdu_name_meets_its_english_name(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("حبیب بینک لمیٹڈ", "Habib Metropolitan Bank Limited"),
        ("میزان بینک لمیٹڈ", "Mezan Trading Limited"),
    ],
)
def test_other_companies_stay_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


def test_the_urdu_form_is_a_legal_form() -> None:
    assert normalize_name("حبیب بینک لمیٹڈ", "organization").legal_forms == ("ltd",)
