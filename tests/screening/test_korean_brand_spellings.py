"""Korean companies spell their names their own way, neither in Revised Romanization nor in
McCune-Reischauer (국민 Kookmin, 우리 Woori, 삼성 Samsung): a name in Revised Romanization
is read with those spellings, and such a word says which company it is."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from tests.screening.names import score


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Gukmin Eunhaeng", "Kookmin Bank"),
        ("Gungmin Eunhaeng", "KB Kookmin Bank"),
        ("Uri Eunhaeng", "Woori Bank"),
        ("Samseong Jeonja Jusikhoesa", "Samsung Electronics Co., Ltd."),
        ("Hyeondae Jadongcha", "Hyundai Motor Company"),
    ],
)
def test_a_name_in_revised_romanization_meets_the_companys_spelling(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Uri Eunhaeng", "Hana Bank"),
        ("Uri Geller", "Woori Bank"),
        ("Gukmin Eunhaeng", "Kookmin Card"),
    ],
)
def test_other_companies_stay_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD
