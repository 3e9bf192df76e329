"""A brand written in another script inside a longer registered name in Latin letters: the
word read in Latin letters is the brand as another romanisation spells it ("yandeks",
"toiota"), or, in Arabic script, without its short vowels; the hit is a brand's, and says
which words of the registered name were left over."""

from __future__ import annotations

import pytest

from standing.screening.match import Query
from standing.screening.match.config import DEFAULT_THRESHOLD
from tests.screening.names import company, matcher


def result(query: str, registered: str) -> dict[str, object]:
    found = matcher.score(Query.of(query, schema="Company"), company(registered))
    return {"score": found.score, **found.features["name"]}


@pytest.mark.parametrize(
    ("brand", "registered"),
    [
        ("سيريتل", "Syriatel Mobile Telecom S.A."),
        ("جرير", "Jarir Marketing Company"),
        ("فودافون", "Vodafone Egypt Telecommunications S.A.E."),
        ("Яндекс", "Yandex Cloud Services LLC"),
        ("Тойота", "Toyota Motor Manufacturing Russia LLC"),
    ],
)
def test_a_brand_in_another_script_inside_a_longer_registered_name(
    brand: str, registered: str
) -> None:
    found = result(brand, registered)
    assert found["score"] >= DEFAULT_THRESHOLD
    assert found["method"] == "brand"
    left_over = found["brand"]
    assert isinstance(left_over, dict) and left_over["left_over"]


@pytest.mark.parametrize(
    ("brand", "other"),
    [
        ("سيريتل", "Sirte Oil Company"),
        ("فودافون", "Vodacom Group Limited"),
        ("Нокиа", "Nokian Tyres plc"),
        ("Сименс", "Simmons Bedding Company"),
    ],
)
def test_another_word_of_like_letters_is_no_brand_inside(brand: str, other: str) -> None:
    assert result(brand, other)["score"] < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("brand", "other"),
    [("Норлан", "Norland Labs GmbH"), ("Сибур", "Sibir Energy plc")],
)
def test_a_letter_more_or_another_vowel_is_no_spelling_of_the_brand(brand: str, other: str) -> None:
    """ "norlan" is not "norland", nor "sibur" "sibir": no romanisation spells one as the
    other, so the word is only alike, not the brand inside the longer name."""
    assert result(brand, other)["method"] != "brand"
