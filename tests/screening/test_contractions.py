"""Brands made of the first syllables of an organisation's words ("Petrobras" / Petróleo
Brasileiro S.A.): read against the words, found by screening both ways, explained, and kept
apart from near-brands that only begin the same way."""

from __future__ import annotations

import pytest

from standing.screening.contractions import (
    name_key,
    name_keys,
    query_keys,
    russian_keys,
    syllables,
)
from standing.screening.match import Matcher, Screener
from standing.screening.match.evidence import explain_name
from standing.screening.normalize import normalize_name
from tests.screening.names import company_query as company
from tests.screening.names import matched_ids
from tests.screening.names import organisation as entry

matcher = Matcher()


@pytest.mark.parametrize(
    ("brand", "name", "parts"),
    [
        ("Petrobras", "Petróleo Brasileiro S.A.", ["petro", "bras", ""]),
        ("Pemex", "Petróleos Mexicanos", ["pe", "mex", ""]),
        ("FedEx", "Federal Express Corporation", ["fed", "ex", ""]),
        # the legal form ends it
        ("Nabisco", "National Biscuit Company", ["na", "bis", "co", ""]),
        ("Texaco", "The Texas Company", ["texa", "co", ""]),
        # a company word in the middle left out
        ("Unocal", "Union Oil Company of California", ["un", "o", "", "cal", ""]),
        # a country's combining form
        ("Sinopec", "China Petroleum & Chemical Corporation", ["sino", "pe", "c", ""]),
        ("Alcoa", "Aluminum Company of America", ["al", "co", "a", ""]),
        # "National" of a state company's name left out
        ("Sinochem", "China National Chemical Corporation", ["sino", "", "chem", ""]),
        ("Sinopharm", "China National Pharmaceutical Group", ["sino", "", "pharm", "", ""]),
        # other countries' combining forms
        ("Ukrnafta", "Ukrainian Nafta", ["ukr", "nafta", ""]),
        # the Ş of the Turkish A.Ş. (Anonim Şirketi)
        ("Tupras", "Türkiye Petrol Rafinerileri A.Ş.", ["tu", "p", "ra", "s"]),
    ],
)
def test_a_brand_of_the_first_syllables_of_the_words_matches_them(
    brand: str, name: str, parts: list[str]
) -> None:
    assert syllables(brand.lower(), normalize_name(name, "organization")) == parts
    r = matcher.score(company(brand), entry(name))
    assert r.match and r.score == pytest.approx(0.84), r.features["name"]
    (found,) = r.features["name"]["contractions"]
    assert found["side"] == "query" and found["syllables"] == parts
    # the other way round: the entry is the brand
    back = matcher.score(company(name), entry(brand))
    assert back.match and back.features["name"]["contractions"][0]["side"] == "entry"


@pytest.mark.parametrize(
    ("brand", "name"),
    [
        # two parts need a last one of two letters: not PETROliam Nasional
        ("Petron Corporation", "Petroliam Nasional Berhad"),
        ("Pemco Aviation Group, Inc.", "Petróleos Mexicanos"),
        ("FedNat Holding Company", "Federal Express Corporation"),
        ("Nabors Industries Ltd.", "National Biscuit Company"),
        ("Alcon Inc.", "Aluminum Company of America"),
        ("SinoPac Financial Holdings Company Limited", "China Petroleum & Chemical Corporation"),
        ("Suncor Energy Inc.", "Sun Oil Company"),
    ],
)
def test_a_near_brand_that_only_begins_the_same_way_stays_apart(brand: str, name: str) -> None:
    assert not matcher.score(company(brand), entry(name)).match


def test_screening_finds_a_state_company_by_its_brand_without_national() -> None:
    listed = [
        entry("China National Chemical Corporation", entry_id="sinochem"),
        entry("China National Petroleum Corporation", entry_id="cnpc"),
    ]
    hits = Screener(listed).screen(company("Sinochem"))
    assert [h.entry.entry_id for h in hits if h.match] == ["sinochem"]


def test_a_word_that_spells_only_some_of_the_words_is_no_contraction() -> None:
    name = normalize_name("Petróleo Brasileiro Distribuidora S.A.", "organization")
    assert syllables("petrobras", name) is None
    # a person's name is not read
    assert syllables("johsmi", normalize_name("John Smith", "person")) is None


def test_the_index_keys_meet() -> None:
    name = normalize_name("Petróleo Brasileiro S.A.", "organization")
    assert name_key(name) == "peb$"  # no third word
    assert "peb$" in query_keys("petrobras")
    # China Petroleum Chemical, after SINO-
    assert (
        name_key(normalize_name("China Petroleum & Chemical Corporation", "organization")) == "chpc"
    )
    assert "chpc" in query_keys("sinopec")
    # a company word after the second may be left out: the key takes the next word
    assert name_key(normalize_name("Union Oil Company of California", "organization")) == "unoc"
    # a second word that may be left out: the name is filed without it too
    chemical = normalize_name("China National Chemical Corporation", "organization")
    assert name_keys(chemical) == ["chnc", "chc$"]
    assert "chc$" in query_keys("sinochem")
    assert query_keys("pemx") == []  # too short to be read


def test_screening_finds_the_name_a_brand_is_made_of_and_the_brand_of_a_name() -> None:
    screener = Screener(
        [
            entry("Petróleo Brasileiro S.A.", entry_id="petrobras"),
            entry("Petrobank Energy and Resources Ltd.", entry_id="petrobank"),
            entry("Pemex", entry_id="pemex"),
            entry("Pemco Aviation Group, Inc.", entry_id="pemco"),
        ]
    )
    assert matched_ids(screener, "Petrobras") == {"petrobras"}
    assert matched_ids(screener, "Petróleos Mexicanos") == {"pemex"}


# -- brands joining the Russian words behind the English ones ------------------------------


@pytest.mark.parametrize(
    ("brand", "name", "parts"),
    [
        # the kind words before and after the words it joins left out
        (
            "Sevmash",
            "JSC Production Association Northern Machine-Building Enterprise",
            ["", "", "sev", "mash", "", ""],
        ),
        (
            "Yuzhmash",
            "State Enterprise Production Association Yuzhny Machine-Building Plant",
            ["", "", "yuzh", "mash", "", ""],
        ),
        # with the country's combining form
        ("Rosselkhozbank", "Russian Agricultural Bank", ["ros", "selkhoz", "bank", ""]),
        ("Tyazhpromexport", "Heavy Industry Export", ["tyazh", "prom", "export", ""]),
        (
            "Rostselmash",
            "Rostov Agricultural Machine-Building Plant",
            ["rost", "sel", "mash", "", ""],
        ),
    ],
)
def test_a_brand_of_the_russian_words_behind_the_english_ones_matches_them(
    brand: str, name: str, parts: list[str]
) -> None:
    assert syllables(brand.lower(), normalize_name(name, "organization")) == parts
    r = matcher.score(company(brand), entry(name))
    assert r.match, r.features["name"]
    assert explain_name(r.features["name"]).startswith(f"contraction: {brand.upper()} = ")
    assert matcher.score(company(name), entry(brand)).match


@pytest.mark.parametrize(
    ("brand", "name"),
    [
        # a word not joined: the cable plant is Sevkabel, not Sevmash
        ("Sevmash", "Northern Cable Plant"),
        # every word it joins gives a part, one at least its Russian word's
        ("Sevmash", "Northern Machine-Building Enterprise of Arkhangelsk Region"),
        ("Norma Group", "Northern Machine-Building Enterprise"),
        ("Tyazhprom", "Heavy Industry Export"),
        # the words it joins are next to each other, the others only kind words
        ("Gazprom", "Gas Transport Industry Company"),
    ],
)
def test_a_brand_that_does_not_join_all_the_words_stays_apart(brand: str, name: str) -> None:
    assert not matcher.score(company(brand), entry(name)).match


def test_screening_finds_the_russian_name_a_brand_joins_both_ways() -> None:
    assert "sev" in russian_keys(
        normalize_name(
            "Production Association Northern Machine-Building Enterprise", "organization"
        )
    )
    screener = Screener(
        [
            entry("JSC Production Association Northern Machine-Building Enterprise", entry_id="pa"),
            entry("Northern Cable Plant", entry_id="cable"),
            entry("Rosselkhozbank", entry_id="rshb"),
        ]
    )
    assert matched_ids(screener, "Sevmash") == {"pa"}
    assert matched_ids(screener, "Russian Agricultural Bank") == {"rshb"}


@pytest.mark.parametrize(
    "brand", ["PO Sevmash", "Sevmash Production Association", "Production Association Sevmash"]
)
def test_a_brand_beside_words_of_its_kind_of_body_is_read_so(brand: str) -> None:
    name = "JSC Production Association Northern Machine-Building Enterprise"
    r = matcher.score(company(brand), entry(name))
    assert r.match, r.features["name"]
    # the words of its kind matched the name's own, the brand the words they leave
    assert explain_name(r.features["name"]) == (
        "contraction: SEVMASH = northern engineering (sev-mash; left out: enterprise)"
    )
    assert matcher.score(company(name), entry(brand)).match
    screener = Screener([entry(name, entry_id="pa"), entry("Northern Cable Plant", entry_id="c")])
    assert matched_ids(screener, brand) == {"pa"}
    screener = Screener([entry(brand, entry_id="brand")])
    assert screener.screen(company(name))[0].match


@pytest.mark.parametrize("brand", ["Sevmash Shipyard", "Sevmash Kalinin"])
def test_a_brand_beside_another_word_is_no_contraction(brand: str) -> None:
    name = "JSC Production Association Northern Machine-Building Enterprise"
    assert not matcher.score(company(brand), entry(name)).match
