"""Japanese names written in shinjitai, the Japanese forms of Han characters (鉄, 戸, 発, 気,
浜), read with the words CC-CEDICT spells in traditional or simplified characters
(`data/japanese_variants.tsv`, written by bench/make_cedict_words.py), and Japanese names
spelled in Hepburn word by word, their company words read in English."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from standing.screening.glossary import (
    han_words,
    japanese_name,
    japanese_words,
    parse_han_words,
    read_han,
    segment,
)
from standing.screening.match import Query, name_variants
from standing.screening.romanised import split_japanese
from tests.screening.names import company, matcher

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import make_cedict_words as gen


def entry(simplified: str, traditional: str, pinyin: str, *senses: str) -> dict[str, object]:
    return {
        "simplified": simplified,
        "traditional": traditional,
        "pinyin": pinyin,
        "definitions": list(senses),
    }


def test_the_table_maps_japanese_forms_from_the_dictionarys_variant_rows() -> None:
    entries = [
        entry("县", "県", "xian4", "Japanese variant of 縣|县", "Japanese prefecture"),
        entry("鉄", "鉄", "tie3", "old variant of 鐵|铁[tie3]"),
        entry("浜", "浜", "bang1", "stream", "Japanese variant of 濱|滨"),
        entry("证", "証", "zheng4", "to admonish", "variant of 證|证[zheng4]"),
        entry("证", "證", "zheng4", "certificate", "proof"),
        # a traditional character whose later sense is a variant of another word: not mapped
        entry("辞", "辭", "ci2", "to resign", "variant of 詞|词[ci2]"),
        entry("词", "詞", "ci2", "word"),
    ]
    assert gen.build_variants(entries) == {
        "県": ("縣", "县"),
        "鉄": ("鐵", "铁"),
        "浜": ("濱", "滨"),
        "証": ("證", "证"),
    }


def test_the_shipped_table_has_the_common_shinjitai() -> None:
    variants = han_words().variants
    assert variants["鉄"] == ("鐵", "铁")
    assert variants["戸"][0] == "戶"
    assert variants["発"] == ("發", "发")
    assert variants["気"] == ("氣", "气")
    assert variants["浜"] == ("濱", "滨")


TABLE = parse_han_words(
    "神戶\tKobe\tplace\n鐵道\trailway\tword\n横滨\tYokohama\tname\n北京\tBeijing\tplace\n",
    {"銀行": "bank"},
    variants={"戸": ("戶", "户"), "鉄": ("鐵", "铁"), "浜": ("濱", "滨"), "京": ("亰", "亰")},
    syllables={"北": "bei", "京": "jing"},
)


def test_a_word_is_found_under_its_traditional_or_simplified_spelling() -> None:
    assert segment("神戸", TABLE, ("神戶", "神户")) == [("神戶", "Kobe", "place")]
    assert segment("鉄道", TABLE, ("鐵道", "铁道")) == [("鐵道", "railway", "word")]
    assert segment("横浜", TABLE, ("横濱", "横滨")) == [("横滨", "Yokohama", "name")]
    # without the other spellings, nothing is found
    assert [kind for *_, kind in segment("神戸", TABLE)] == ["unread", "unread"]


def test_a_word_spelled_as_written_wins_over_its_other_spelling() -> None:
    # 北京 is in the table as written: the variant of 京 is not looked at
    assert segment("北京", TABLE, ("北亰",)) == [("北京", "Beijing", "place")]


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("東京地下鉄株式会社", "地下鉄=Metro"),
        ("横浜トヨペット株式会社", "横滨=Yokohama"),  # Yokohama Toyopet
        ("広島電鉄株式会社", "廣島=Hiroshima"),  # Hiroshima Electric Railway
        ("住友金属鉱山株式会社", "鉱山=Mining"),
    ],
)
def test_japanese_names_are_read_with_their_shinjitai_words(name: str, word: str) -> None:
    found = read_han(name)
    assert found is not None and word in found.words


def test_a_city_and_a_kind_of_body_in_shinjitai_are_a_generic_reading() -> None:
    # 横浜 is Yokohama, a city: "Yokohama Bank" is a generic name, which meets only the same
    # generic name (The Bank of Yokohama), not every bank of the city
    found = read_han("株式会社横浜銀行")
    assert found is not None and found.generic and "Yokohama Bank" in found.text


def test_a_place_and_generic_words_are_still_no_reading() -> None:
    # Kobe Steel Works, a city's kind of body, and Japan Steel, a country's generic name, are
    # generic readings, which meet only the same name (not every steel company of the city)
    works = read_han("株式会社神戸製鋼所")
    assert works is None or works.generic
    steel = read_han("日本製鉄株式会社")
    assert steel is not None and steel.generic


def test_a_japanese_form_makes_a_name_japanese_without_kana_or_legal_form() -> None:
    # 鉄 is no Chinese character: the name's unread kanji are not spelled in pinyin
    found = read_han("東武鉄道")
    assert found is not None and not any(w.endswith("=Wu") for w in found.words)


def test_a_japanese_names_company_words_are_set_apart() -> None:
    assert japanese_words("東武鉄道株式会社") == "東武 鉄道 株式会社"
    assert japanese_words("大和証券株式会社") == "大和 証券 株式会社"
    # a Chinese name, a Korean one and a Latin one are left as written
    assert japanese_words("中国东方航空") == "中国东方航空"
    assert japanese_words("Tobu Railway") == "Tobu Railway"


def test_a_japanese_name_is_read_in_hepburn_word_by_word_and_in_english() -> None:
    variants = name_variants("東武鉄道株式会社", "organization")
    assert "tobu tetsudo kabushiki kaisha" in variants
    assert "tobu railway kabushiki kaisha" in variants
    # a person's name is not read as a company's
    assert "tobu railway kabushiki kaisha" not in name_variants("東武鉄道", "person")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("東京地下鉄株式会社", "Tokyo Metro Co., Ltd."),
        ("東武鉄道株式会社", "Tobu Railway Co., Ltd."),
        ("日本原子力発電株式会社", "The Japan Atomic Power Company"),
        ("電源開発株式会社", "Electric Power Development Co., Ltd."),
        ("住友金属鉱山株式会社", "Sumitomo Metal Mining Co., Ltd."),
    ],
)
def test_japanese_names_match_their_english_names(query: str, listed: str) -> None:
    assert matcher.score(Query.of(query, schema="Company"), company(listed)).match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("東京地下鉄株式会社", "Tokyo Monorail Co., Ltd."),
        ("東武鉄道株式会社", "Seibu Railway Co., Ltd."),
        ("日本原子力発電株式会社", "Japan Atomic Energy Agency"),
        ("電源開発株式会社", "The Japan Atomic Power Company"),
        ("住友金属鉱山株式会社", "Mitsui Mining & Smelting Co., Ltd."),
    ],
)
def test_japanese_names_keep_other_companies_apart(query: str, listed: str) -> None:
    assert not matcher.score(Query.of(query, schema="Company"), company(listed)).match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Odakyu Dentetsu Kabushiki Kaisha", "Odakyu Electric Railway Co., Ltd."),
        ("小田急電鉄株式会社", "Odakyu Electric Railway Co., Ltd."),
        ("Sumitomo Kinzoku Kozan Kabushiki Kaisha", "Sumitomo Metal Mining Co., Ltd."),
        ("Tokyo Chikatetsu Kabushiki Kaisha", "Tokyo Metro Co., Ltd."),
        # a railroad is a railway
        ("Nishi-Nippon Tetsudo Kabushiki Kaisha", "Nishi-Nippon Railroad Co., Ltd."),
        # a mutual company (相互会社, sogo kaisha) is a legal form
        ("日本生命保険相互会社", "Nippon Life Insurance Company"),
        ("Nippon Seimei Hoken Sogo Kaisha", "Nippon Life Insurance Company"),
        # Nihon and Nippon, two readings of 日本, one for the other
        ("Nihon Yusen", "Nippon Yusen Kabushiki Kaisha"),
        ("Nippon Koden", "Nihon Kohden Corporation"),
    ],
)
def test_japanese_company_words_in_hepburn_are_read_in_english(query: str, listed: str) -> None:
    assert matcher.score(Query.of(query, schema="Company"), company(listed)).match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Odakyu Dentetsu Kabushiki Kaisha", "Keisei Electric Railway Co., Ltd."),
        (
            "Higashi Nippon Kosoku Doro Kabushiki Kaisha",
            "Central Nippon Expressway Company Limited",
        ),
        # Nishi-Nippon is a name as written: Nishitetsu is not JR West
        ("Nishi-Nippon Railroad Co., Ltd.", "West Japan Railway Company"),
        ("West Japan Railway Company", "Nishi-Nippon Railroad Co., Ltd."),
        ("日本生命保険相互会社", "The Dai-ichi Life Insurance Company, Limited"),
        ("Narita Kokusai Kuko Kabushiki Kaisha", "Kansai Airports"),
    ],
)
def test_japanese_company_words_in_hepburn_keep_other_companies_apart(
    query: str, listed: str
) -> None:
    assert not matcher.score(Query.of(query, schema="Company"), company(listed)).match


def test_a_hepburn_reading_is_cut_before_its_company_words() -> None:
    assert split_japanese("daiwashoken kabushiki kaisha") == "daiwa shoken kabushiki kaisha"
    assert split_japanese("tobutetsudo kabushiki kaisha") == "tobu tetsudo kabushiki kaisha"
    # a company word itself, a name ending in no company word, a word too short to cut
    assert split_japanese("kabushiki kaisha toshiba") == "kabushiki kaisha toshiba"
    assert split_japanese("mitsubishi jukogyo") == "mitsubishi jukogyo"
    assert split_japanese("aginko") == "aginko"


def test_a_name_read_as_one_word_in_hepburn_keeps_its_own_reading() -> None:
    # 大和 alone reads yamato; in 大和証券 the reading of the whole gives daiwa
    assert "daiwa securities kabushiki kaisha" in name_variants("大和証券株式会社", "organization")
    assert matcher.score(
        Query.of("大和証券株式会社", schema="Company"), company("Daiwa Securities Co. Ltd.")
    ).match
    assert not matcher.score(
        Query.of("大和証券株式会社", schema="Company"), company("Daiwa House Industry Co., Ltd.")
    ).match


def test_only_a_japanese_name_is_read_in_hepburn_word_by_word() -> None:
    assert japanese_name("日本製鉄")  # 鉄: a Japanese form
    assert japanese_name("株式会社東芝")  # a Japanese legal form
    assert japanese_name("トヨタ")  # kana
    assert not japanese_name("中国东方航空")
    assert not japanese_name("Tobu Railway")
    # a Chinese name's Hepburn reading is not read with the Japanese company words
    assert "taiwan electric power" not in name_variants("台灣電力", "organization")
