"""Korean companies known by Latin initials, their names in Revised Romanization: the
initials written out as Korean names the letters ("Elji" LG, "Eseukei" SK, "Keiti" KT),
read back as the letters, and the loanwords beside them read in English."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.romanised import korean_letters, latin_reading
from tests.screening.names import score, score_in


@pytest.mark.parametrize(
    ("word", "letters"),
    [
        ("elji", "LG"),
        ("eseukei", "SK"),
        ("keiti", "KT"),
        ("ssijei", "CJ"),
        ("jieseu", "GS"),
        ("eichidi", "HD"),
        ("eleseu", "LS"),  # 엘에스: the l of el written before the e of eseu
        ("bienkei", "BNK"),
        ("osiai", "OCI"),
    ],
)
def test_initials_written_out_are_read_as_letters(word: str, letters: str) -> None:
    assert korean_letters(word) == letters


@pytest.mark.parametrize("word", ["i", "ai", "o", "hyundai", "samseong", "jeonja", "elk"])
def test_a_syllable_or_a_word_is_no_initials(word: str) -> None:
    assert korean_letters(word) is None


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Elji Jeonja", "LG Electronics Inc."),
        ("Elji Hwahak", "LG Chem, Ltd."),
        ("Elji Dispeullei Jusikhoesa", "LG Display Co., Ltd."),
        ("Eseukei Tellekom", "SK Telecom Co., Ltd."),
        ("Eseukei Inobeisyeon", "SK Innovation Co., Ltd."),
        ("Eseukei Neteuwokseu", "SK Networks Co., Ltd."),
        ("Keiti Jusikhoesa", "KT Corporation"),
        ("Osiai Jusikhoesa", "OCI Company Ltd."),
        ("Ssijei Jeiljedang", "CJ CheilJedang Corporation"),
        ("Jieseu Riteil", "GS Retail Co., Ltd."),
        ("Dibi Sonhae Boheom", "DB Insurance Co., Ltd."),
        ("Eleseu Illekteurik", "LS Electric Co., Ltd."),
        ("Eichidi Hyeondae Jungongeop", "HD Hyundai Heavy Industries Co., Ltd."),
        ("Keibi Geumyung Jiju", "KB Financial Group Inc."),
        ("Bienkei Geumyung Jiju", "BNK Financial Group Inc."),
        ("Eseukei Baiosaieonseu", "SK bioscience Co., Ltd."),
        ("Elji Innotek", "LG Innotek Co., Ltd."),
    ],
)
def test_a_company_known_by_initials_is_found_by_its_korean_name(query: str, entry: str) -> None:
    assert score_in(query, entry, "kr") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Elji Hwahak", "LG Electronics Inc."),  # another company of the group
        ("Elji Jeonja", "LG Display Co., Ltd."),
        ("Eseukei Tellekom", "SK Networks Co., Ltd."),
        ("Elji Jeonja", "LS Electric Co., Ltd."),  # other initials
        ("Keibi Geumyung Jiju", "BNK Financial Group Inc."),
        ("Dibi Sonhae Boheom", "KB Insurance Co., Ltd."),
        ("Keiti Jusikhoesa", "KTB Investment & Securities Co., Ltd."),
    ],
)
def test_other_initials_or_another_company_of_the_group_stay_apart(query: str, entry: str) -> None:
    assert score_in(query, entry, "kr") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    "name",
    [
        "Eli Lilly",  # a name of three letters is a name
        "Eisai Pharma",  # the other words are no Korean
        "Eiji Shoji Kabushiki Kaisha",  # a Japanese name and legal form
        "Eisai Co., Ltd.",  # initials need a word beside them
    ],
)
def test_names_that_only_spell_like_initials_are_not_read(name: str) -> None:
    found = latin_reading(name)
    assert found is None or not any(word.isupper() for word in found.text.split())


def test_the_reading_says_which_word_spelled_the_initials() -> None:
    found = latin_reading("Elji Dispeullei")
    assert found is not None
    assert found.text == "LG display"
    assert "Elji=LG" in found.words
    assert score("Elji Dispeullei", "LG Display Co., Ltd.") >= DEFAULT_THRESHOLD
