"""Bodies named by their place and kind: a name in Han characters of a city and generic words
that name a kind of body (哈尔滨工业大学, Harbin University of Technology) is read as a generic
name, which meets only the same generic name; and the words that tell apart bodies of one
kind in one place ("Osaka City University", "American University in Cairo") keep them
apart."""

from __future__ import annotations

import pytest

from standing.screening.glossary import read_han
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import score, score_in


@pytest.mark.parametrize(
    ("han", "english"),
    [
        ("北京工业大学", "Beijing University of Technology"),
        ("合肥工业大学", "Hefei University of Technology"),
        ("哈尔滨工业大学", "Harbin University of Technology"),
        # the second sense with the city as written, not by its initials
        ("哈尔滨工业大学", "Harbin Institute of Technology"),
    ],
)
def test_a_city_and_a_kind_of_body_in_han_meet_the_same_name(han: str, english: str) -> None:
    found = read_han(han)
    assert found is not None and found.generic
    assert score_in(han, english, "cn") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("han", "other"),
    [
        ("哈尔滨工业大学", "Harbin Engineering University"),
        ("哈尔滨工业大学", "Harbin University"),
        ("株式会社横浜銀行", "Yokohama Shinkin Bank"),
    ],
)
def test_a_generic_reading_meets_no_other_body_of_the_city(han: str, other: str) -> None:
    assert score_in(han, other, "cn" if "大学" in han else "jp") < DEFAULT_THRESHOLD


def test_a_city_and_generic_words_without_a_kind_of_body_are_still_no_reading() -> None:
    assert read_han("北京科技有限公司") is None


@pytest.mark.parametrize(
    ("query", "other"),
    [
        ("Osaka University", "Osaka City University"),
        ("Cairo University", "American University in Cairo"),
        ("Peking University", "Beijing University of Technology"),
        ("Tokyo University", "Tokyo Metropolitan University"),
    ],
)
def test_a_qualifier_tells_apart_bodies_of_one_kind_in_one_place(query: str, other: str) -> None:
    assert score(query, other) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Seoul National University Korea", "Seoul National University", "kr"),
        ("University of Tokyo", "The University of Tokyo", "jp"),
    ],
)
def test_the_body_s_own_country_is_no_qualifier(query: str, name: str, country: str) -> None:
    assert score_in(query, name, country) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Харківський політехнічний інститут", "Kharkiv Polytechnic Institute", "ua"),
        ("Київський національний університет", "Kyiv National University", "ua"),
        ("بنك الإسكان للتجارة والتمويل", "Housing Bank for Trade and Finance", "jo"),
        ("طيران الشرق الأوسط", "Middle East Airlines", "lb"),
        ("هيئة الهلال الأحمر السعودي", "Saudi Red Crescent Authority", "sa"),
        ("الخطوط الجوية العربية السعودية", "Saudi Arabian Airlines", "sa"),
        ("الاتحاد للطيران", "Etihad Airways", "ae"),
    ],
)
def test_ukrainian_and_arabic_words_read_in_english(query: str, name: str, country: str) -> None:
    assert score_in(query, name, country) >= DEFAULT_THRESHOLD


def test_a_brand_is_no_ukrainian_descriptor_before_a_common_word() -> None:
    # DP World: not a state enterprise (ДП) named World
    assert normalize_name("DP World", "organization").tokens == ("dp", "world")
    assert normalize_name("DP Antonov", "organization").tokens == ("antonov",)
