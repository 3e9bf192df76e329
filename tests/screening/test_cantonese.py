"""Chinese names read in Cantonese, as Hong Kong companies spell them in English ("周大福":
Chow Tai Fook, not Zhou Da Fu), and the spellings of one Cantonese syllable folded together."""

from __future__ import annotations

import pytest

from standing.screening.cantonese import cantonese_key, cantonese_similarity, hk_spelling
from standing.screening.match import Query, Screener
from standing.screening.match.config import DEFAULT_THRESHOLD
from tests.screening.names import company, matched_ids, matcher, organisation, score


@pytest.mark.parametrize(
    ("jyutping", "spelled"),
    [
        ("zau1", "chau"),
        ("zoeng1", "cheung"),
        ("daai6", "tai"),
        ("gwok3", "kwok"),
        ("jyun4", "yun"),
        ("jyu6", "yu"),
        ("seoi2", "sui"),
        ("hou2", "ho"),
        ("ng4", "ng"),
    ],
)
def test_jyutping_is_spelled_as_the_hong_kong_romanisation_writes_it(
    jyutping: str, spelled: str
) -> None:
    assert hk_spelling(jyutping) == spelled


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("chow", "chau"),
        ("fook", "fuk"),
        ("kee", "kei"),
        ("cheong", "cheung"),
        ("yue", "yu"),
        ("yuen", "yun"),
        ("sun", "san"),
        ("tse", "che"),
        ("kum", "kam"),
        ("lukfook", "lukfuk"),
        ("tsang", "chang"),
    ],
)
def test_the_spellings_of_one_syllable_fold_together(one: str, other: str) -> None:
    assert cantonese_key(one) == cantonese_key(other) != ""
    assert cantonese_similarity(other, one) == 0.9


@pytest.mark.parametrize(("one", "other"), [("hang", "hing"), ("kong", "sing"), ("wing", "ming")])
def test_other_syllables_stay_apart(one: str, other: str) -> None:
    assert cantonese_similarity(one, other) == 0.0


@pytest.mark.parametrize("word", ["properties", "bank", "group", "x"])
def test_a_word_that_is_no_cantonese_syllables_has_no_key(word: str) -> None:
    assert cantonese_key(word) == ""


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Chow Tai Fook Jewellery Group Limited", "周大福珠寶集團有限公司"),
        ("Chow Sang Sang", "周生生集團國際有限公司"),
        ("Luk Fook Holdings", "六福集團(國際)有限公司"),
        ("Tsui Wah", "翠華控股有限公司"),  # wa is a syllable, no Arabic "and"
        ("Yue Yuen Industrial", "裕元工業(集團)有限公司"),  # yu is a syllable, no legal form
        ("Lee Kum Kee", "李錦記有限公司"),
        ("Chong Hing Bank Limited", "創興銀行有限公司"),
        ("周大福", "Chow Tai Fook Enterprises Limited"),
        ("周生生", "Chow Sang Sang Holdings International Limited"),
        ("創興銀行", "Chong Hing Bank Limited"),
        ("莎莎國際控股有限公司", "Sa Sa International Holdings Limited"),
        # a brand in Han inside a longer English name, its syllables read across scripts
        ("周大福", "Chow Tai Fook Jewellery Group Limited"),
        ("李錦記", "Lee Kum Kee Sauce Group"),
    ],
)
def test_a_hong_kong_company_meets_its_cantonese_name(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Wing Hang Bank", "永興銀行有限公司"),  # wing hing: hang and hing are not one syllable
        ("Chow Tai Fook Jewellery", "周大生珠寶股份有限公司"),
        ("周大福珠寶集團有限公司", "Chow Tai Fung Jewellery Limited"),
        ("新鴻基地產發展有限公司", "Sun Hing Kai Properties Limited"),
        ("Lee Kum Kee", "李錦興有限公司"),
        ("周大福", "Chow Tai Fung Holdings Limited"),
        ("周大福", "Tai Fook Securities Group"),
        ("李錦記", "Lee Kum Hing Trading Limited"),
    ],
)
def test_a_syllable_of_another_company_keeps_it_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


def test_screening_finds_the_chinese_name_by_its_cantonese_spelling() -> None:
    screener = Screener(
        [
            organisation("周生生集團國際有限公司", entry_id="css"),
            organisation("周大福珠寶集團有限公司", entry_id="ctf"),
            organisation("Chow Tai Sang Limited", entry_id="other"),
        ]
    )
    assert matched_ids(screener, "Chow Sang Sang Holdings") == {"css"}
    assert matched_ids(screener, "Chow Tai Fook Jewellery") == {"ctf"}


def test_the_hit_shows_the_cantonese_reading_it_matched() -> None:
    hit = matcher.score(Query.of("周大福", schema="Company"), company("Chow Tai Fook Limited"))
    assert hit.match
    assert hit.features["name"]["query"] == "chau tai fuk"
    assert "fuk=fook" in " ".join(hit.features["name"]["tokens"])
