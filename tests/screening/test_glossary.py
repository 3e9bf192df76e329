"""Common organisation words in Cyrillic and Arabic script read in English, and the names that
reading lets the matcher find (or keeps apart)."""

from __future__ import annotations

import pytest

from standing.screening.glossary import english_reading, fold_arabic, parse_glossary
from standing.screening.match import Matcher, Query, name_variants
from standing.screening.model import Entry, EntryName
from standing.screening.similarity import token_match

matcher = Matcher()


def company(name: str) -> Entry:
    return Entry(source="t", entry_id=name, kind="organization", names=(EntryName(name),))


def test_cyrillic_stems_read_any_inflection() -> None:
    assert english_reading("ОАО «Объединённая авиастроительная корпорация»") == (
        "ОАО « united aircraft corporation »"
    )
    assert english_reading("объединенной авиастроительной корпорации") == (
        "united aircraft corporation"
    )


def test_the_longest_stem_wins() -> None:
    # "объединени-" (an association) before "объединен-" (united)
    assert english_reading("Научно-производственное объединение") == (
        "research - production association"
    )


def test_arabic_script_words_and_phrases_with_their_article() -> None:
    assert english_reading("طيران الإمارات") == "airline emirates"
    assert english_reading("شرکت ملی نفت ایران") == "company national oil iran"
    assert english_reading("البنك المركزي العراقي") == "central bank العراقي"


def test_chinese_names_of_organisations_known_by_another_english_name() -> None:
    assert english_reading("深圳市腾讯计算机系统有限公司") == "深圳市 Tencent 计算机系统有限公司"
    # the longest name first: 大疆创新 is DJI whole, not DJI and 创新 (innovation)
    assert english_reading("深圳市大疆创新科技有限公司") == "深圳市 DJI 科技有限公司"


def test_a_name_without_glossary_words_has_no_reading() -> None:
    assert english_reading("Kaspersky Lab") is None
    assert english_reading("Лукойл") is None
    assert english_reading("حزب الله") is None


def test_arabic_letter_variants_fold_together() -> None:
    assert fold_arabic("الإمارات") == fold_arabic("امارات")
    assert fold_arabic("شرکت") == fold_arabic("شركت")  # Persian and Arabic kaf


def test_a_malformed_glossary_line_is_named() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse_glossary("# words\nlatin\tfoo\tbar\n")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ОАО «Объединённая авиастроительная корпорация»", "United Aircraft Corporation"),
        ("شرکت ملی نفت ایران", "National Iranian Oil Company"),
        ("طيران الإمارات", "Emirates Airline"),
        ("Государственная корпорация Ростех", "State Corporation Rostec"),
        ("ПАО «Газпром нефть»", "Gazprom Neft PJSC"),  # the transliteration still counts
        ("深圳市腾讯计算机系统有限公司", "Shenzhen Tencent Computer Systems Company Limited"),
        ("科大讯飞股份有限公司", "iFLYTEK Co., Ltd."),
        ("中国工商银行股份有限公司", "Industrial and Commercial Bank of China Limited"),
        ("ООО «КЕХ еКоммерц»", "KEH eCommerce LLC"),
        ("صنایع هواپیماسازی ایران", "Iran Aircraft Manufacturing Industries"),
        ("شركة الأمانة للتجارة العامة", "Al Amana General Trading Company"),
    ],
)
def test_translated_names_match(query: str, listed: str) -> None:
    assert matcher.score(Query.of(query, schema="Company"), company(listed)).match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ООО «Алмаз»", "Diamonds LLC"),  # a brand is not read as a word
        ("شرکت ملی نفت ایران", "National Iraqi Oil Company"),
        ("Государственная корпорация Ростех", "State Corporation Roscosmos"),
        ("شركة الأمانة للتجارة العامة", "Al Noor General Trading Company"),
        ("北京东城科技有限公司", "JD.com"),  # 京东 is not read inside 北京东城
        ("深圳市腾讯计算机系统有限公司", "Shenzhen Hytera Computer Systems Company Limited"),
    ],
)
def test_translated_names_keep_other_companies_apart(query: str, listed: str) -> None:
    assert not matcher.score(Query.of(query, schema="Company"), company(listed)).match


def test_a_person_name_is_not_read_as_words() -> None:
    assert name_variants("Банк Иванов", "person") == ["Банк Иванов"]
    assert "bank Иванов" in name_variants("Банк Иванов", "organization")


@pytest.mark.parametrize(("a", "b"), [("rostekh", "rostec"), ("ekommerts", "ecommerce")])
def test_borrowed_words_in_english_and_transliterated(a: str, b: str) -> None:
    sim, how = token_match(a, b)
    assert sim >= 0.85, how


def test_borrowed_word_folding_keeps_different_words_apart() -> None:
    assert token_match("rostec", "rostov")[0] < 0.8
