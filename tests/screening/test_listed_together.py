"""Names the list gives to one organisation: an entry of another list under one of them is
that organisation too, though the names share no word ("Chongsong Yonhap" is Green Pine
Associated Corporation), found through the index and said in the hit."""

from __future__ import annotations

from standing.screening.index import NameIndex
from standing.screening.match import Matcher, Query, Screener, explain_name
from standing.screening.model import Entry
from standing.screening.normalize import NormalizedName, normalize_name
from tests.screening.names import matched_ids
from tests.screening.names import organisation as entry

#: One list gives the organisation both names; another lists it under its English name.
GREEN_PINE = entry(
    "Green Pine Associated Corporation", "Chongsong Yonhap", entry_id="un-green-pine"
)
ELSEWHERE = entry("Green Pine Associated Corporation", entry_id="bis-green-pine")
TMH = entry("JSC Transmashholding", "TMH", entry_id="eu-tmh")
OTHERS = [
    entry("Korea Mining Development Trading Corporation", "KOMID", entry_id="komid"),
    entry("Green Tree Trading Corporation", entry_id="green-tree"),
    entry("Naftiran Intertrade Co. (NICO) Limited", "Naftiran Intertrade Company", entry_id="nico"),
]


def _index(*entries: Entry) -> NameIndex:
    return NameIndex([[normalize_name(n.value, e.kind) for n in e.names] for e in entries])


def org(name: str) -> NormalizedName:
    return normalize_name(name, "organization")


def test_the_index_knows_which_names_are_one_organisation_s() -> None:
    index = _index(GREEN_PINE, ELSEWHERE, TMH, *OTHERS)
    green_pine = org("Green Pine Associated Corporation")
    assert index.listed_together(org("Chongsong Yonhap"), green_pine)
    assert index.listed_together(green_pine, org("Chongsong Yonhap"))
    assert index.listed_together(org("TMH"), org("JSC Transmashholding"))
    # names of two organisations, and a name with itself
    assert not index.listed_together(org("Chongsong Yonhap"), org("Transmashholding"))
    assert not index.listed_together(org("Green Tree Trading Corporation"), green_pine)
    assert not index.listed_together(org("TMH"), org("TMH"))


def test_another_list_s_entry_under_the_other_name_is_found_and_matched() -> None:
    screener = Screener([GREEN_PINE, ELSEWHERE, TMH, *OTHERS])
    assert matched_ids(screener, "Chongsong Yonhap") == {"un-green-pine", "bis-green-pine"}
    hit = next(
        h
        for h in screener.screen(Query.of("Chongsong Yonhap", schema="Company"))
        if h.entry.entry_id == "bis-green-pine"
    )
    assert hit.features["name"]["raised"] == "the list gives both names to one organisation"
    assert "the list gives both names to one organisation" in explain_name(hit.features["name"])


def test_without_the_list_s_word_the_names_stay_apart() -> None:
    alone = Screener([ELSEWHERE, *OTHERS])
    assert "bis-green-pine" not in matched_ids(alone, "Chongsong Yonhap")
    assert Matcher().score(Query.of("TMH", schema="Company"), ELSEWHERE).score < 0.5


def test_a_registered_name_under_another_legal_form_is_not_raised() -> None:
    """The list's names of one organisation under two forms, or one without a form, may be
    two companies: a JSC is not the corporation, whatever the list's alias."""
    screener = Screener([GREEN_PINE, ELSEWHERE, *OTHERS])
    hits = screener.screen(Query.of("Chongsong Yonhap JSC", schema="Company"))
    assert all(not h.features["name"].get("raised") for h in hits)
    assert "bis-green-pine" not in matched_ids(screener, "Chongsong Yonhap JSC")


def test_a_generic_name_is_not_the_list_s_word_for_an_organisation() -> None:
    """A name of generic words alone ("Oil and Gas Corporation") says no organisation."""
    listed = entry("Oil and Gas Corporation", "Green Pine Associated Corporation", entry_id="g")
    index = _index(listed)
    generic = normalize_name("Oil and Gas Corporation", "organization")
    assert generic.generic_only
    assert not index.listed_together(generic, org("Green Pine Associated Corporation"))


def test_another_list_s_entry_written_alike_is_found_and_matched() -> None:
    """The list gives the acronym to the organisation under a name nearly the entry's: the
    entry of another list, written with "of the Russian Federation", is that organisation."""
    listed = entry(
        "Federal Service for Military-Technical Cooperation", "FSVTS", entry_id="eu-fsvts"
    )
    other = entry(
        "Federal Service for Military-Technical Cooperation of the Russian Federation",
        entry_id="uk-fsvts",
    )
    screener = Screener([listed, other, *OTHERS])
    assert matched_ids(screener, "FSVTS") == {"eu-fsvts", "uk-fsvts"}
    hit = next(h for h in screener.screen(Query.of("FSVTS", schema="Company")) if h.entry == other)
    assert hit.features["name"]["raised"] == (
        "the list gives the name to 'Federal Service for Military-Technical Cooperation'"
    )
    # without the list's name, the acronym is not the other's
    assert "uk-fsvts" not in matched_ids(Screener([other, *OTHERS]), "FSVTS")


def test_a_name_of_another_body_of_the_brand_is_not_alike_enough() -> None:
    listed = entry("JSC Experimental Design Bureau Fakel", "JSC EDB Fakel", entry_id="edb")
    other = entry(
        "JSC Fakel Machine-Building Design Bureau named after Academician P.D. Grushin",
        entry_id="mkb",
    )
    screener = Screener([listed, other, *OTHERS])
    assert "mkb" not in matched_ids(screener, "JSC Experimental Design Bureau Fakel")


def test_the_list_s_name_with_its_words_written_apart_is_that_name() -> None:
    screener = Screener([GREEN_PINE, ELSEWHERE, TMH, *OTHERS])
    assert "bis-green-pine" in matched_ids(screener, "Chong Song Yon Hap")
    assert Matcher().score(Query.of("Chong Song Yon Hap", schema="Company"), ELSEWHERE).score < 0.5


def test_a_query_nearly_the_list_s_other_name_is_the_entry_s() -> None:
    """The list gives the entry's name to an organisation whose other name the query writes
    nearly so: "TMH Group" is the "TMH" of JSC Transmashholding."""
    elsewhere = entry("JSC Transmashholding", entry_id="bis-tmh")
    hit = Matcher(_index(TMH, elsewhere, *OTHERS)).score(
        Query.of("TMH Group", schema="Company"), elsewhere
    )
    assert hit.match
    assert hit.features["name"]["raised"] == "the list gives the entry's name to 'TMH' too"
    # the entry's own names are scored as they are, not raised through the list
    assert (
        not Matcher(_index(TMH, *OTHERS))
        .score(Query.of("TMH Group", schema="Company"), TMH)
        .features["name"]
        .get("raised")
    )
