"""A Japanese name romanised with its long vowels written out ("Toukyou", "Oosaka") is read
with them short, as lists and companies' English names write them; "Inoue" keeps its two
syllables."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.romanize import short_vowels
from tests.screening.names import score


@pytest.mark.parametrize(
    ("word", "short"),
    [("toukyou", "tokyo"), ("oosaka", "osaka"), ("inoue", "inoue"), ("kyuushuu", "kyushu")],
)
def test_long_vowels_are_written_short(word: str, short: str) -> None:
    assert short_vowels(word) == short


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Toukyou Denryoku", "Tokyo Electric Power Company"),
        ("Oosaka Gasu", "Osaka Gas Co., Ltd."),
    ],
)
def test_a_name_with_long_vowels_meets_its_english_name(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


def test_another_region_stays_apart() -> None:
    assert score("Toukyou Denryoku", "Tohoku Electric Power Company") < DEFAULT_THRESHOLD
