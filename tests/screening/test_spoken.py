"""Chinese names read with their own words spoken, in Cantonese as Hong Kong companies write
them (周大福: Chow Tai Fook) or in Mandarin as Taiwanese ones do (中華電信: Chunghwa Telecom),
and their company words in English."""

from __future__ import annotations

import pytest

from standing.screening.glossary import english_reading
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.spoken import Language, spoken_reading
from tests.screening.names import score


@pytest.mark.parametrize(
    ("name", "language", "reading"),
    [
        # its own words in Cantonese, its company words in English, its legal form as written
        ("周大福珠寶集團有限公司", "yue", "chau tai fuk Jewellery 有限公司"),
        # a river's name is the company's own word, read in Cantonese
        ("長江實業集團有限公司", "yue", "cheung kong Industrial 有限公司"),
        ("新鴻基地產發展有限公司", "yue", "san hung kei Properties Development 有限公司"),
        # 集團 is Group or (Holdings): left out
        ("六福集團(國際)有限公司", "yue", "luk fuk ( International ) 有限公司"),
        # in Mandarin a company word that names a place with its country is spoken (中華:
        # Chunghwa), another is not (國立: National)
        ("中華電信股份有限公司", "zh", "zhong hua Telecom 股份有限公司"),
        ("國立成功大學", "zh", "National cheng gong University"),
        (
            "台新國際商業銀行股份有限公司",
            "zh",
            "tai xin International commercial bank 股份有限公司",
        ),
    ],
)
def test_a_chinese_name_is_read_with_its_own_words_spoken(
    name: str, language: Language, reading: str
) -> None:
    assert spoken_reading(name, language) == reading


@pytest.mark.parametrize(
    "name",
    [
        "Chow Tai Fook",  # no Han character
        "東芝株式会社",  # a Japanese name, read in Japanese
        "香港中華煤氣有限公司",  # no word of its own: Hong Kong China Gas, read in English
    ],
)
def test_no_cantonese_reading(name: str) -> None:
    assert spoken_reading(name, "yue") is None


def test_simplified_company_words_are_read_in_their_traditional_spelling_too() -> None:
    reading = english_reading("恒隆地產有限公司")
    assert reading is not None and "Real Estate" in reading


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("中華電信股份有限公司", "Chunghwa Telecom Co., Ltd."),
        ("Chunghwa Post", "中華郵政股份有限公司"),
        ("國立成功大學", "National Cheng Kung University"),
        ("華南金融控股股份有限公司", "Hua Nan Financial Holdings Co., Ltd."),
        ("正新橡膠工業股份有限公司", "Cheng Shin Rubber Industry Co., Ltd."),
        ("南亞塑膠工業股份有限公司", "Nan Ya Plastics Corporation"),
        ("台灣高速鐵路股份有限公司", "Taiwan High Speed Rail Corporation"),
        # "On" of Wing On (永安) is a syllable of the name and an English function word
        ("Wing On Company International", "永安國際有限公司"),
    ],
)
def test_a_taiwanese_company_meets_its_name_spoken_in_mandarin(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("華南金融控股股份有限公司", "Hua Xia Financial Holdings Limited"),
        ("國立成功大學", "National Chung Hsing University"),
        ("中華電信股份有限公司", "Chunghwa Post Co., Ltd."),
        ("台新國際商業銀行股份有限公司", "Taichung Commercial Bank Co., Ltd."),
    ],
)
def test_another_taiwanese_company_stays_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD
