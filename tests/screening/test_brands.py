"""Organisations known by a brand that is no reading of their registered name
(`standing.screening.brands`, `data/known_brands.tsv`)."""

from __future__ import annotations

import pytest

from standing.screening.brands import known_brand_reading, known_brands, parse_known_brands
from standing.screening.match import Query, Screener
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import listed_in, matcher, score_in


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Kobelco", "Kobe Steel, Ltd.", "jp"),
        ("Nissay", "Nippon Life Insurance Company", "jp"),
        ("Chalco", "Aluminum Corporation of China Limited", "cn"),
        ("Sinosure", "China Export & Credit Insurance Corporation", "cn"),
        ("HKEX", "Hong Kong Exchanges and Clearing Limited", "hk"),
        ("KOTRA", "Korea Trade-Investment Promotion Agency", "kr"),
        ("IKCO", "Iran Khodro Industrial Group", "ir"),
        ("BOTAŞ", "Boru Hatları ile Petrol Taşıma A.Ş.", "tr"),
        # a company under the name it had
        ("Doosan Heavy Industries & Construction", "Doosan Enerbility Co., Ltd.", "kr"),
        ("Matsushita Electric Industrial", "Panasonic Holdings Corporation", "jp"),
        ("Sibneft", "PJSC Gazprom Neft", "ru"),
        # a university under its new name and its old
        ("Beijing University of Aeronautics and Astronautics", "Beihang University", "cn"),
        # the listed brand against its name in Arabic, Dubai Ports World
        ("موانئ دبي العالمية", "DP World", "ae"),
        # brands the lists give as an alias, and a state bank's old name
        ("PDVSA", "Petróleos de Venezuela, S.A.", "ve"),
        ("Gazprombank", "Bank GPB (JSC)", "ru"),
        # written without its apostrophe
        ("Maaden", "Saudi Arabian Mining Company", "sa"),
        # written without its letters outside ASCII
        ("BOTAS", "Boru Hatları ile Petrol Taşıma A.Ş.", "tr"),
        # with the country it works in, before or after
        ("HAL India", "Hindustan Aeronautics Limited", "in"),
        ("Aramco Saudi", "Saudi Arabian Oil Company", "sa"),
        # the brand listed, the registered name asked about
        ("Kobe Steel, Ltd.", "Kobelco", "jp"),
        ("Aluminum Corporation of China Limited", "Chalco", "cn"),
    ],
)
def test_a_known_brand_meets_the_registered_name(query: str, name: str, country: str) -> None:
    assert score_in(query, name, country) >= DEFAULT_THRESHOLD


def test_the_hit_says_what_the_brand_was_read_as() -> None:
    hit = matcher.score(Query.of("Kobelco", schema="Company"), listed_in("Kobe Steel, Ltd.", "jp"))
    assert hit.features["name"]["read_in_english"] == {"query": ["Kobelco=Kobe Steel"]}


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        # a brand reads as its own organisation's name, not as others of its words
        ("Kobelco", "Kobe Gas Co., Ltd.", "jp"),
        ("Chalco", "China Nonferrous Metal Mining (Group) Co., Ltd.", "cn"),
        # a name with a legal form is a registered name of its own: a company of the group, or
        # another's that shares the brand
        ("CNOOC Limited", "China National Offshore Oil Corporation", "cn"),
        ("Comac S.p.A.", "Commercial Aircraft Corporation of China, Ltd.", "cn"),
        ("Zain Trading LLC", "Mobile Telecommunications Company K.S.C.P.", "kw"),
        # an acronym of the table stands for its organisation only, not for others it spells
        ("HAL", "Hindustan Zinc Limited", "in"),
        # a place the registered name's country contradicts: another company of the brand
        ("HAL Pakistan", "Hindustan Aeronautics Limited", "in"),
        ("Sber Kazakhstan", "Sberbank of Russia", "ru"),
    ],
)
def test_a_known_brand_keeps_other_organisations_apart(query: str, name: str, country: str) -> None:
    assert score_in(query, name, country) < DEFAULT_THRESHOLD


def test_a_brand_is_read_with_its_legal_forms_aside_only_without_one() -> None:
    reading = known_brand_reading("Kobelco")
    assert reading is not None and reading.text == "Kobe Steel"
    assert known_brand_reading("KOBELCO") is not None
    assert known_brand_reading("Kobelco Ltd.") is None
    assert known_brand_reading("Kobelco Construction Machinery") is None
    assert known_brand_reading("Kobe Steel") is None  # a registered name is not read as its brand


def test_every_brand_of_the_table_is_read_and_names_a_registered_name_not_generic() -> None:
    for brand, registered in known_brands().values():
        assert not normalize_name(brand, "organization").legal_forms, brand
        assert not normalize_name(registered, "organization").generic_only, registered
        reading = known_brand_reading(brand)
        assert reading is not None and reading.text == registered, brand


def test_a_malformed_or_repeated_row_is_named() -> None:
    with pytest.raises(ValueError, match="row 2: expected a brand and a registered name"):
        parse_known_brands([("Kobelco", "Kobe Steel"), ("Chalco",)])
    with pytest.raises(ValueError, match="row 2: 'KOBELCO' is given twice"):
        parse_known_brands([("Kobelco", "Kobe Steel"), ("KOBELCO", "Kobe Steel")])


def test_screening_finds_the_registered_name_by_the_brand() -> None:
    screener = Screener(
        [
            listed_in("Kobe Steel, Ltd.", "jp"),
            listed_in("Kobe Gas Co., Ltd.", "jp"),
            listed_in("Kobelco Eco-Solutions Vietnam", "vn"),
        ]
    )
    hits = screener.screen(Query.of("Kobelco", schema="Company"))
    assert hits[0].entry.entry_id == "Kobe Steel, Ltd." and hits[0].match
    assert "Kobe Gas Co., Ltd." not in {h.entry.entry_id for h in hits if h.match}
