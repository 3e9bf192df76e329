"""Names that differ by a word swapped for another of the same kind: a generic word for a
generic word ("Science and Industry" / "Science and Technology"), a form descriptor for a form
descriptor ("Association" / "Organization"). The names then say different things, not one of
them more: the query's word counts more than a word it merely adds, and the pair stays apart.
A word one name has and the other lacks still counts as before (a form descriptor not at all:
"Concern Sozvezdie" is Sozvezdie)."""

from __future__ import annotations

import pytest

from standing.screening.match import Matcher, Query
from standing.screening.model import Entry, EntryName
from standing.screening.normalize import normalize_name

matcher = Matcher()


def score(query: str, listed: str) -> tuple[float, bool, dict[str, object]]:
    r = matcher.score(
        Query.of(query, schema="Company"),
        Entry(source="test", entry_id=listed, kind="organization", names=(EntryName(listed),)),
    )
    return r.score, r.match, r.features["name"]


@pytest.mark.parametrize(
    ("query", "listed", "query_word", "entry_word"),
    [
        # two groups of the SASAC list: CASIC and CASC
        (
            "China Aerospace Science and Industry Corporation",
            "China Aerospace Science and Technology Corporation",
            "industry",
            "technology",
        ),
        # a US trade association and an Iranian defence body
        (
            "Aerospace Industries Association",
            "Aerospace Industries Organization",
            "association",
            "organization",
        ),
        # a listed subsidiary and its holding company
        (
            "Sinochem International Corporation",
            "Sinochem Holdings Corporation Ltd.",
            "international",
            "holdings",
        ),
    ],
)
def test_a_word_swapped_for_another_of_its_kind_keeps_the_names_apart(
    query: str, listed: str, query_word: str, entry_word: str
) -> None:
    value, match, name = score(query, listed)
    assert not match and value < 0.7, name
    # the evidence names the two words that differ
    assert name["query_extra"] == [query_word]
    assert name["entry_extra"] == [entry_word]
    # and so the other way round
    assert not score(listed, query)[1]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a form descriptor the entry lacks, or the entry's descriptor the query lacks
        ("Concern Sozvezdie", "Joint Stock Company Sozvezdie"),
        ("Aerospace Industries Organization", "Aerospace Industries"),
        # a form descriptor against the entry's generic words: not one for another
        ("Iran Khodro Company", "Iran Khodro Industrial Group"),
        # generic words the entry adds, none the query has in their place
        (
            "Research Institute of Chemistry and Mechanics",
            "FGUP Central Scientific Research Institute of Chemistry and Mechanics",
        ),
    ],
)
def test_a_word_only_one_name_has_is_no_swap(query: str, listed: str) -> None:
    value, match, name = score(query, listed)
    assert match and value >= 0.95, name


@pytest.mark.parametrize(
    "query", ["Group of Companies Russian Helicopters", "GK Russian Helicopters"]
)
def test_a_group_of_companies_weighs_as_its_group(query: str) -> None:
    # ГК, группа компаний: "companies" is a form descriptor as "company" is, and "group" a
    # generic word the query adds
    value, match, name = score(query, "Russian Helicopters JSC")
    assert match, name
    assert value == pytest.approx(score("Russian Helicopters Group", "Russian Helicopters JSC")[0])


def test_a_generic_word_the_query_adds_alone_weighs_as_before() -> None:
    # "Star Group" / "Star": what a company does, or its group, tells it apart a little
    value, match, name = score("Star Group", "Star")
    assert not match and value == pytest.approx(0.769, abs=0.005), name
    assert name["entry_extra"] == []


def test_a_word_read_from_another_script_is_no_swap() -> None:
    # "машиностроения" read "engineering" where the English name says "Equipment": one
    # reader's word for the same thing, not another company
    _value, match, name = score(
        "АО «Уральский завод тяжёлого машиностроения»", "Ural Heavy Equipment Plant JSC"
    )
    assert match, name
    assert name["query_extra"] == ["engineering"] and name["entry_extra"] == ["equipment"]
    # "Machinery Plant" says what "Machine-Building Plant" says: nothing is left over
    _value, match, name = score(
        "АО «Уральский завод тяжёлого машиностроения»", "Ural Heavy Machinery Plant JSC"
    )
    assert match and name["query_extra"] == [] and name["entry_extra"] == [], name


def test_banking_is_a_generic_word_as_bank_is() -> None:
    # the kanji name read (銀行: bank) against the English name's "Banking"
    value, match, name = score(
        "Kabushiki Kaisha Mitsui Sumitomo Ginko", "Sumitomo Mitsui Banking Corporation"
    )
    assert match and value >= 0.95, name
    assert normalize_name("Sumitomo Mitsui Banking Corporation", "organization").classes[-1] == (
        "generic"
    )
    # another bank of the group: what it does tells it apart
    assert not score("Sumitomo Mitsui Trust Bank, Limited", "Sumitomo Mitsui Banking Corporation")[
        1
    ]
