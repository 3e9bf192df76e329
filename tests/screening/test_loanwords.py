"""Loanwords: a brand written in Persian script (its "x" is the ks the script writes, کس), and
English words Russian or Japanese writes by their sound ("Позитив Текнолоджиз", Positive
Technologies; "東京エレクトロン", Tokyo Electron)."""

from __future__ import annotations

import pytest

from standing.screening.match import Query
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.model import Entry, EntryName
from standing.screening.romanize import abjad_similarity, latin_class_keys, spelled_initials
from standing.screening.similarity import token_match
from tests.screening.names import matcher, score


def scored(query: str, name: str) -> float:
    entry = Entry(
        source="test",
        entry_id=name,
        kind="organization",
        names=(EntryName(name),),
        countries=("ir",),
    )
    return matcher.score(Query.of(query, schema="Company"), entry).score


def test_an_x_fits_the_ks_of_a_persian_spelling() -> None:
    assert abjad_similarity("aksyn", "oxin") > 0  # اکسین
    assert abjad_similarity("aksyn", "oksin") > 0
    # an x is still a kh too
    assert "KN" in latin_class_keys("oxin") and "KSN" in latin_class_keys("oxin")


def test_a_persian_loanword_brand_meets_its_latin_name() -> None:
    assert scored("شرکت فولاد اکسین خوزستان", "Oxin Steel Company") >= DEFAULT_THRESHOLD
    # another steel company of the province
    assert scored("شرکت فولاد اکسین خوزستان", "Khuzestan Steel Company") < DEFAULT_THRESHOLD
    assert scored("شرکت فولاد هرمزگان", "Oxin Steel Company") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("written", "english"),
    [
        ("teknolodzhiz", "technologies"),
        ("solyushns", "solutions"),
        ("igl", "eagle"),
        ("eppl", "apple"),
        ("fyuche", "future"),
        ("gembl", "gamble"),
        ("seilz", "sales"),
        ("stoun", "stone"),
        ("evraziya", "eurasia"),
        ("vaildberriz", "wildberries"),  # в for w
        ("bents", "benz"),  # ц for z
    ],
)
def test_an_english_word_and_its_russian_spelling_by_sound(written: str, english: str) -> None:
    sim, how = token_match(written, english, True)
    assert how == "sound" and sim >= 0.8
    # only when one side was transliterated: two Latin words are not compared so
    assert token_match(written, english, False)[1] != "sound"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("uait", "wet"),  # one consonant is too few
        ("ist", "stan"),  # a word starting with a vowel and one that does not
        ("pozitiv", "pacific"),  # other consonants
        ("alrosa", "allrus"),  # one ends with a vowel, the other not
    ],
)
def test_other_words_do_not_sound_alike(a: str, b: str) -> None:
    assert token_match(a, b, True)[1] != "sound"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("ООО «Позитив Текнолоджиз»", "Positive Technologies LLC"),
        ("ООО «Ред Солюшнс»", "Red Solutions LLC"),
        ("ООО «Голден Игл»", "Golden Eagle LLC"),
        ("ООО «Скай Нет»", "Sky Net LLC"),
        ("ООО «Эппл Рус»", "Apple Rus LLC"),
        ("ООО «Ист Юнион»", "East Union LLC"),
        # энд is the English connective
        ("ООО «Проктер энд Гэмбл»", "Procter & Gamble LLC"),
        ("ООО «Филип Моррис Сэйлз энд Маркетинг»", "Philip Morris Sales and Marketing LLC"),
        # Latin letters written out by their names, apart: initials
        ("ООО «Джей Ти Ай Россия»", "JTI Russia LLC"),
        ("ООО «Эл Джи Электроникс Рус»", "LG Electronics Rus LLC"),
        # or together, each capitalised
        ("ООО «Группа АйБи»", "Group-IB LLC"),
        # СПГ: LNG; КБ: a design bureau, or a commercial bank
        ("ОАО «Ямал СПГ»", "OAO Yamal LNG"),
        ("КБ «Ренессанс Кредит» ООО", "Renaissance Credit Commercial Bank LLC"),
    ],
)
def test_a_russian_company_named_in_english_meets_its_english_name(query: str, name: str) -> None:
    assert score(query, name) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("written", "english"),
    [("erekutoron", "electron"), ("finansharu", "financial"), ("asuterasu", "astellas")],
)
def test_an_english_word_in_katakana_sounds_alike(written: str, english: str) -> None:
    # the vowel Japanese writes after every consonant aside, l written r
    assert token_match(written, english, True)[1] == "sound"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("東京エレクトロン株式会社", "Tokyo Electron Limited"),
        ("三菱UFJフィナンシャル・グループ", "Mitsubishi UFJ Financial Group, Inc."),
        ("アステラス製薬株式会社", "Astellas Pharma Inc."),
    ],
)
def test_a_japanese_company_named_in_english_meets_its_english_name(query: str, name: str) -> None:
    assert score(query, name) >= DEFAULT_THRESHOLD


def test_letter_names_apart_are_initials_only_in_a_run() -> None:
    assert spelled_initials("ООО «Эс Эй Пи СНГ»") == "ООО «SAP СНГ»"
    # one letter name alone is a word
    assert spelled_initials("Иван Ти Петров") is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # Russian in Latin letters: its English loanwords spelled by their sound, as in Cyrillic
        ("Pozitiv Teknolodzhiz", "Positive Technologies"),
        ("Mobail Solyushns", "Mobile Solutions"),
    ],
)
def test_loanwords_of_russian_in_latin_letters_are_read_by_their_sound(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_english_names_are_not_read_by_their_sound() -> None:
    # no letters of a Russian transliteration: two English names compared as written
    assert score("Mobile Sections", "Mobile Solutions") < DEFAULT_THRESHOLD
    assert score("Pozitiv Teknolodzhiz", "Positive Software") < DEFAULT_THRESHOLD


def test_kh_before_a_consonant_is_the_k_of_a_greek_ch() -> None:
    query = "Obshchestvo s Ogranichennoy Otvetstvennostyu Pozitiv Tekhnolodzhiz"
    assert score(query, "Positive Technologies LLC") >= DEFAULT_THRESHOLD
    # before a vowel it stays an h: Kholding is Holding
    assert score("Khai Tek Kholding", "Khai Tek Holding") >= DEFAULT_THRESHOLD
