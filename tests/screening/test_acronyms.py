"""Acronyms and abbreviations in organisations' names: both ways, explained, and the hard
negatives they must not make (common words, two letters alone, another company's acronym)."""

from __future__ import annotations

import pytest

from standing.screening.index import NameIndex
from standing.screening.match import DEFAULT_THRESHOLD, Matcher, Query, Screener, explain_name
from standing.screening.model import Entry, EntryName
from standing.screening.normalize import (
    ABBREVIATIONS,
    COMMON_WORDS,
    abbreviation_similarity,
    normalize_name,
)
from tests.screening.names import company_query as company
from tests.screening.names import organisation as entry
from tests.screening.names import score

matcher = Matcher()


@pytest.mark.parametrize(
    ("query", "listed", "expected"),
    [
        # capitals inside a word give their letters
        ("MTS", "Mobile TeleSystems PJSC", 0.82),
        ("Mobile TeleSystems", "MTS", 0.82),
        # the legal form's initial at the end; four letters
        ("SMIC", "Semiconductor Manufacturing International Corporation", 0.86),
        ("Semiconductor Manufacturing International Corporation", "SMIC", 0.86),
        # function words left out
        ("HSBC", "The Hongkong and Shanghai Banking Corporation Limited", 0.86),
        ("IRGC", "Islamic Revolutionary Guard Corps", 0.86),
        ("IBM", "International Business Machines Corporation", 0.82),
        # the letters of the Turkish A.Ş. as written: Anonim Ortaklığı, A.Ş.
        ("TPAO", "Türkiye Petrolleri Anonim Ortaklığı", 0.86),
        ("TEİAŞ", "Türkiye Elektrik İletim A.Ş.", 0.86),
    ],
)
def test_an_acronym_matches_the_words_it_stands_for_both_ways(
    query: str, listed: str, expected: float
) -> None:
    r = matcher.score(company(query), entry(listed))
    assert r.score == pytest.approx(expected, abs=0.005), r.features["name"]
    assert r.match


def test_the_hit_names_the_acronym_and_its_words() -> None:
    r = matcher.score(
        company("SMIC"), entry("Semiconductor Manufacturing International Corporation")
    )
    (acronym,) = r.features["name"]["acronyms"]
    assert acronym == {
        "acronym": "SMIC",
        "side": "query",
        "stands_for": ["semiconductor", "manufacturing", "international"],
        "legal_form": "corp",
        "weak": False,
        "similarity": 0.86,
    }
    assert explain_name(r.features["name"]) == (
        "acronym: SMIC = semiconductor manufacturing international"
    )
    r = matcher.score(company("Mobile TeleSystems"), entry("MTS"))
    (acronym,) = r.features["name"]["acronyms"]
    assert (acronym["acronym"], acronym["side"], acronym["stands_for"]) == (
        "MTS",
        "entry",
        ["mobile", "telesystems"],
    )
    assert acronym["legal_form"] is None


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ACE", "American Consolidated Enterprises"),  # a common word
        ("CAT", "Central Asia Trading"),
        ("LG", "Lucky Goldstar"),  # two letters
        ("Lucky Goldstar", "LG"),
    ],
)
def test_a_weak_acronym_alone_stays_below_the_threshold(query: str, listed: str) -> None:
    r = matcher.score(company(query), entry(listed))
    assert r.score == pytest.approx(0.7, abs=0.005)
    assert not r.match
    assert r.features["name"]["acronyms"][0]["weak"] is True


def test_a_weak_acronym_beside_another_word_that_matched_counts() -> None:
    r = matcher.score(company("UC Velmar"), entry("United Company Velmar International"))
    assert r.match
    tokens = r.features["name"]["tokens"]
    assert "uc=united company (initials 0.80)" in tokens
    # the other word must identify: a generic one beside a weak acronym is not enough
    r = matcher.score(company("ACE Trading"), entry("American Chemical Enterprises Trading"))
    assert not r.match


def test_a_word_in_lower_case_beside_capitals_is_no_acronym() -> None:
    listed = entry("American Coffee Machines Enterprises")
    assert matcher.score(company("Acme Corp"), listed).score < 0.5
    assert matcher.score(company("ACME CORP"), listed).match  # no case to tell


def test_the_same_acronym_of_another_company_stays_apart() -> None:
    # the entry writes its acronym out in other words: the query's words are another company
    mts = entry("MTS", "Mobile TeleSystems PJSC")
    r = matcher.score(company("Modern Trade Solutions"), mts)
    assert r.score == pytest.approx(0.7)
    assert not r.match
    assert r.features["name"]["capped"]
    assert "capped" in explain_name(r.features["name"])
    # its own words still match in full, and the acronym alone too
    assert matcher.score(company("Mobile TeleSystems"), mts).score == 1.0
    assert matcher.score(company("MTS"), mts).score == 1.0
    # two names written out with the same initials are not one company
    r = matcher.score(company("Modern Trade Solutions"), entry("Mobile TeleSystems"))
    assert r.score < 0.5
    # the legal form's initial does not make two words an acronym of three letters
    assert not matcher.score(company("BBC"), entry("Brilliance Banking Corporation")).match
    assert not matcher.score(company("RSC Energia"), entry("Rocket Systems Corporation")).match
    assert not matcher.score(company("HAL"), entry("Home and Away Ltd.")).match
    # an acronym with more words than the entry has is not its acronym
    assert not matcher.score(company("MTS Systems Corporation"), entry("Mobile TeleSystems")).match


def test_a_legal_form_alone_is_no_acronym() -> None:
    # a list entry named only "JSC" is not the acronym of a name of three words
    assert matcher.score(Query.of("JANG SONG CHOL"), entry("JSC ")).score < 0.5


def test_a_person_is_not_read_as_an_acronym() -> None:
    r = matcher.score(
        Query.of("KGB", schema="Person"),
        Entry("test", "p", "person", (EntryName("Kovalenko, Gennadiy Borisovich"),)),
    )
    assert not r.match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Dr.Web", "Doctor Web Ltd."),
        ("Norland Intl Trading", "Norland International Trading"),
        ("Velmar Mfg. Co.", "Velmar Manufacturing Company"),
        ("Velmar Hldgs", "Velmar Holdings"),
        ("Velmar Bros.", "Velmar Brothers"),
        ("Velmar Natl Svcs", "Velmar National Services"),
    ],
)
def test_abbreviations_of_the_table_match_their_words(query: str, listed: str) -> None:
    r = matcher.score(company(query), entry(listed))
    assert r.match, r.features["name"]
    assert r.features["name"]["abbreviations"]
    r = matcher.score(company(listed), entry(query))
    assert r.match


def test_the_abbreviation_table_and_common_words() -> None:
    assert len(ABBREVIATIONS) >= 100
    assert abbreviation_similarity("intl", "international") == 0.95
    assert abbreviation_similarity("international", "intl") == 0.95
    assert abbreviation_similarity("ind", "industries") == 0.85  # also India
    assert abbreviation_similarity("intl", "industries") == 0.0
    assert {"ace", "cat", "abc"} <= COMMON_WORDS
    # an abbreviation of generic words only is generic itself
    assert normalize_name("Velmar Mfg", "organization").classes == ("name", "generic")


def test_acronyms_of_a_name_are_worked_out_once() -> None:
    name = normalize_name("Mobile TeleSystems Bank", "organization")
    assert name.letters == ("m", "ts", "b")
    assert name.acronyms == {"mts", "mtsb"}
    assert normalize_name("Semiconductor Manufacturing International Corporation").acronyms >= {
        "smi",
        "smic",
    }
    assert normalize_name("Mobile TeleSystems", "person").acronyms == frozenset()
    assert normalize_name("Acme Corp", "organization").acronym_token("acme") is False
    assert normalize_name("MTS", "organization").acronym_token("mts") is True


def test_the_index_finds_an_acronym_and_the_name_it_stands_for() -> None:
    names = [
        "Mobile TeleSystems PJSC",
        "MTS",
        "Semiconductor Manufacturing International Corporation",
        "American Consolidated Enterprises",
        "Velmar Trading LLC",
        "Türkiye Petrolleri Anonim Ortaklığı",
    ]

    def found(query: str, listed: list[str] = names) -> list[int]:
        index = NameIndex([[normalize_name(n, "organization")] for n in listed])
        return [c.item for c in index.candidates([normalize_name(query, "organization")])]

    assert 0 in found("MTS")
    # the name written out finds its acronym (where no entry has the words themselves)
    assert found("Mobile TeleSystems", names[1:]) == [0]
    assert 2 in found("SMIC")
    assert 3 not in found("ACE")  # a common word is not filed as an acronym
    assert found("Velmar Trading") == [4]
    assert found("TPAO") == [5]  # with the letters of its legal form


def test_screening_finds_the_acronym_and_explains_it() -> None:
    screener = Screener(
        [
            entry("Mobile TeleSystems PJSC", entry_id="mts"),
            entry("Velmar Trading LLC", entry_id="velmar"),
            entry("Semiconductor Manufacturing International Corporation", entry_id="smic"),
        ]
    )
    (hit,) = screener.screen(company("SMIC"))
    assert hit.entry.entry_id == "smic" and hit.score >= DEFAULT_THRESHOLD
    assert hit.features["name"]["acronyms"][0]["acronym"] == "SMIC"
    hits = screener.screen(company("MTS"))
    assert [h.entry.entry_id for h in hits] == ["mts"]


def test_the_company_of_company_limited_gives_an_acronym_its_letter() -> None:
    # "Company Limited" is Company and the legal form Limited: the C of TSMC
    listed = entry("Taiwan Semiconductor Manufacturing Company Limited")
    assert Matcher().score(company("TSMC"), listed).score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("acronym", "listed"),
    [
        ("FESCO", "PJSC Far Eastern Shipping Company"),
        ("TEPCO", "Tokyo Electric Power Company Holdings, Inc."),
    ],
)
def test_company_written_as_a_word_gives_co(acronym: str, listed: str) -> None:
    assert Matcher().score(company(acronym), entry(listed)).score >= DEFAULT_THRESHOLD


def test_a_number_written_as_a_word_gives_its_initial() -> None:
    # "Three" is read as 3 for the name's words, and gives the T of CTG
    assert normalize_name("China Three Gorges Corporation", "organization").letters == (
        "c",
        "t",
        "g",
    )
    listed = entry("China Three Gorges Corporation")
    assert Matcher().score(company("CTG"), listed).score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("written", "tokens"),
    [
        ("KS&EW", ("ksew",)),  # not "KS", a Norwegian legal form, and "EW"
        ("KS & EW", ("ksew",)),
        ("AT&T Inc.", ("att",)),
        ("AT & T Inc.", ("att",)),
        ("P&G", ("pg",)),
        ("MAX & CO", ("max",)),  # "& Co" is the company
    ],
)
def test_capitals_joined_by_an_ampersand_are_one_acronym(
    written: str, tokens: tuple[str, ...]
) -> None:
    assert normalize_name(written, "organization").tokens == tokens


def test_an_acronym_with_an_ampersand_stands_for_its_words() -> None:
    listed = "Karachi Shipyard & Engineering Works Limited"
    assert score("KS&EW", listed) >= DEFAULT_THRESHOLD
    assert score("AT&T Inc.", "AT & T Inc.") >= DEFAULT_THRESHOLD
    assert score("KS&EW", "Karachi Shipyard Limited") < DEFAULT_THRESHOLD
    # two initials joined so stand for the two words the name joins so, not for any two
    assert score("P&G", "The Procter & Gamble Company") >= DEFAULT_THRESHOLD
    assert score("J&J", "Johnson & Johnson") >= DEFAULT_THRESHOLD
    assert score("P&G", "Pratt & Whitney") < DEFAULT_THRESHOLD
    assert score("PG", "Procter & Gamble") < DEFAULT_THRESHOLD
    assert score("P&G", "Procter Gamble") < DEFAULT_THRESHOLD


def test_a_russian_acronym_with_two_letter_consonants_may_have_eight_letters() -> None:
    # Ts and Kh write one Russian letter each: TsNIIKhM has six
    name = normalize_name("TsNIIKhM", "organization")
    assert name.acronym_token("tsniikhm")
    written_out = normalize_name("Tsniikhmash", "organization")
    assert not written_out.acronym_token("tsniikhmash")
    assert not normalize_name("ROSNEFTEGAZ", "organization").acronym_token("rosneftegaz")


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # two institutes of one centre, their acronyms one letter apart
        ("Russian Federal Nuclear Center VNIITF", "Russian Federal Nuclear Center VNIIEF"),
        ("Concern TsNIIKhM JSC", "Concern TsNIIMKh JSC"),
        ("Research Institute NIIEFA", "Research Institute NIIEMA"),
    ],
)
def test_an_acronym_in_capitals_one_letter_apart_is_another(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


def test_a_word_in_capitals_on_one_side_only_may_still_be_misspelt() -> None:
    # the acronym rule needs capitals on both sides: a misspelt brand still meets its name
    assert score("Rosatom Nuclear Center", "ROSATOM Nuclear Center") >= DEFAULT_THRESHOLD
    assert score("Rosatomm Nuclear Center", "ROSATOM Nuclear Center") >= DEFAULT_THRESHOLD
    assert normalize_name(
        "Russian Federal Nuclear Center VNIIEF", "organization"
    ).in_capitals == frozenset({"vniief"})
    assert normalize_name("RUSSIAN FEDERAL NUCLEAR CENTER", "organization").in_capitals == (
        frozenset()
    )
