"""English words that translate one word of another language (synonym_words.tsv): a name read
in English from Russian, Arabic or Chinese says "Nuclear" where the body's English name says
"Atomic", "Marine" where it says "Sea". The two words are linked a little below an exact match,
and the evidence says so; words that name different bodies in one country stay apart."""

from __future__ import annotations

import pytest

from standing.screening.normalize import SYNONYMS
from tests.screening.names import company, company_query, matcher, score_in


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # атомная: nuclear; Kazatomprom writes Atomic
        (
            "АО «Национальная атомная компания «Казатомпром»",
            "National Atomic Company Kazatomprom JSC",
        ),
        # металлургический комбинат / завод: a metallurgical plant, a steel works
        (
            "ПАО «Магнитогорский металлургический комбинат»",
            "Magnitogorsk Iron and Steel Works PJSC",
        ),
        ("Belorusskiy Metallurgicheskiy Zavod OAO", "Belarusian Steel Works OJSC"),
        # главный: main or chief; радиочастотный: radio frequency
        ("ФГУП «Главный радиочастотный центр»", "Main Radio Frequency Center FSUE"),
        ("Glavnyy Radiochastotnyy Tsentr FGUP", "Main Radio Frequency Center FSUE"),
        # морской торговый порт: a marine trading port, a commercial sea port
        ("АО «Морской торговый порт Усть-Луга»", "Ust-Luga Commercial Sea Port JSC"),
        # الملاحة: navigation; the company writes Shipping
        ("شركة الملاحة العربية المتحدة", "United Arab Shipping Company"),
        # 航天: aerospace; the academy writes Spaceflight
        ("上海航天技术研究院", "Shanghai Academy of Spaceflight Technology"),
        # авиационный: aviation, or aircraft, as the plant's English name says
        ("Novosibirsk Aircraft Plant", "Novosibirsk Aviation Plant named after V.P. Chkalov"),
        ("Kazan Aircraft Production Association", "Kazan Aviation Production Association"),
        # Sci-Tech, as Chinese companies shorten Science and Technology (科技)
        ("Sichuan Tengden Sci-Tech", "Sichuan Tengden Science and Technology Innovation Co., Ltd."),
    ],
)
def test_a_word_read_in_english_meets_its_synonym(query: str, listed: str) -> None:
    result = matcher.score(company_query(query), company(listed))
    assert result.match, result.features["name"]
    assert result.score >= 0.8


def test_the_evidence_names_the_synonyms() -> None:
    result = matcher.score(
        company_query("АО «Национальная атомная компания «Казатомпром»"),
        company("National Atomic Company Kazatomprom JSC"),
    )
    assert "nuclear=atomic (synonym 0.90)" in result.features["name"]["tokens"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # two banks of Iraq: commercial is no synonym of trade
        ("Commercial Bank of Iraq P.S.C.", "Trade Bank of Iraq"),
        # a research agency and a power company: energy is no synonym of power
        ("Japan Atomic Energy Agency", "The Japan Atomic Power Company"),
    ],
)
def test_words_that_name_different_bodies_stay_apart(query: str, listed: str) -> None:
    result = matcher.score(company_query(query), company(listed))
    assert not result.match, result.features["name"]


def test_a_sense_has_several_words_and_some_words_have_none() -> None:
    assert SYNONYMS["marine"] == SYNONYMS["maritime"] == SYNONYMS["sea"] == {"sea"}
    assert SYNONYMS["trading"] == {"trade"}
    assert "commercial" not in SYNONYMS and "power" not in SYNONYMS


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("贵州茅台酒股份有限公司", "Kweichow Moutai Co., Ltd."),
        ("Guizhou Moutai Co., Ltd.", "Kweichow Moutai Co., Ltd."),
        ("Qingdao Brewery Co., Ltd.", "Tsingtao Brewery Co., Ltd."),
    ],
)
def test_chinese_places_in_the_postal_romanisation(query: str, listed: str) -> None:
    assert "kweichow" in SYNONYMS and "tsingtao" in SYNONYMS
    assert score_in(query, listed, "cn") >= 0.8


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Mykolaiv Shipyard", "Nikolayev Shipyard"),
        ("Dnipro Metallurgical Plant", "Dnepr Metallurgical Plant"),
        ("Kryvyi Rih Iron Ore Plant", "Krivoy Rog Iron Ore Plant"),
        ("Hrodna Azot", "Grodno Azot"),
        # Pivdennyi, southern in Ukrainian, where the Russian name says Yuzhny
        ("Pivdennyi Machine-Building Plant", "Yuzhny Machine-Building Plant"),
        # the feminine, and the English word a reading gives (Восточная верфь: eastern)
        ("Vostochnaya Verf", "Vostochnaya Shipyard"),
    ],
)
def test_places_of_ukraine_and_belarus_in_either_romanisation(query: str, listed: str) -> None:
    assert score_in(query, listed, "ua") >= 0.8


def test_places_of_one_country_in_either_romanisation_stay_apart() -> None:
    assert score_in("Kharkiv Aviation Plant", "Kherson Aviation Plant", "ua") < 0.8
    assert score_in("Mykolaiv Shipyard", "Kherson Shipyard", "ua") < 0.8
