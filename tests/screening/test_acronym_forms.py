"""The looser forms organisations write their acronyms in (a word's first letters, K for C,
words after "and" or the last word left out), and how what the list knows of an acronym
weighs it: an acronym another organisation of the list is known by is weak evidence of
other words; one the list gives with these very words is strong."""

from __future__ import annotations

import pytest

from standing.screening.acronyms import letters_given, loose_keys, loose_spelling, query_keys
from standing.screening.index import NameIndex
from standing.screening.match import DEFAULT_THRESHOLD, Matcher, Query, Screener, explain_name
from standing.screening.model import Entry, EntryName
from standing.screening.normalize import bracketed_alias, normalize_name
from tests.screening.names import company_query as company
from tests.screening.names import matched_ids
from tests.screening.names import organisation as entry

matcher = Matcher()


@pytest.mark.parametrize(
    ("query", "listed", "expected", "letters"),
    [
        # a word's first letters; the legal form's CO
        ("KEPCO", "Korea Electric Power Corporation", 0.84, ["k", "e", "p", "co"]),
        ("AVIC", "Aviation Industry Corporation of China, Ltd.", 0.84, ["av", "i", "c", ""]),
        # the last word left out
        ("KOMID", "Korea Mining Development Trading Corporation", 0.84, ["ko", "mi", "d", "", ""]),
        # the words after "and" left out, the legal form's C
        (
            "CASC",
            "China Aerospace Science and Technology Corporation",
            0.84,
            ["c", "a", "s", "", "c"],
        ),
        # the last word before the legal form left out
        ("CETC", "China Electronics Technology Group Corporation", 0.84, ["c", "e", "t", "", "c"]),
        # K for the C of Concern (Kontsern); a hyphenated word gives a letter a part
        ("KRET", "JSC Concern Radio-Electronic Technologies", 0.84, ["k", "r", "e", "t", ""]),
    ],
)
def test_an_acronym_in_a_loose_form_matches_a_little_below_the_plain_initials(
    query: str, listed: str, expected: float, letters: list[str]
) -> None:
    r = matcher.score(company(query), entry(listed))
    assert r.score == pytest.approx(expected, abs=0.005), r.features["name"]
    assert r.match
    (acronym,) = r.features["name"]["acronyms"]
    assert acronym["acronym"] == query and acronym["side"] == "query"
    assert acronym["letters"] == letters
    assert all(t.split("=")[0] == query.lower() for t in r.features["name"]["tokens"])
    assert "(initials" in r.features["name"]["tokens"][0]
    # the other way round: the entry is the acronym
    assert matcher.score(company(listed), entry(query)).score == pytest.approx(expected, abs=0.005)


def test_three_letters_in_a_loose_form_need_the_list_to_know_them() -> None:
    # so many names spell three letters one way or another: alone, below the threshold
    r = matcher.score(company("CGN"), entry("China General Nuclear Power Corporation"))
    assert r.score == pytest.approx(0.78) and not r.match
    assert r.features["name"]["acronyms"][0]["letters"] == ["c", "g", "n", "", ""]


def test_the_hit_says_what_each_word_gives_a_loose_acronym() -> None:
    r = matcher.score(company("KOMID"), entry("Korea Mining Development Trading Corporation"))
    assert explain_name(r.features["name"]) == (
        "acronym: KOMID = korea mining development trading (ko-mi-d; left out: trading)"
    )
    r = matcher.score(company("KEPCO"), entry("Korea Electric Power Corporation"))
    assert r.features["name"]["acronyms"][0]["legal_form"] == "corp"
    assert explain_name(r.features["name"]) == "acronym: KEPCO = korea electric power (k-e-p-co)"
    # the plain initials say no more than they did
    r = matcher.score(company("SMIC"), entry("Semiconductor Manufacturing International Corp"))
    assert "letters" not in r.features["name"]["acronyms"][0]
    assert explain_name(r.features["name"]) == (
        "acronym: SMIC = semiconductor manufacturing international"
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a loose form spells three words at least: two are not read by their first letters
        ("KOMI", "Korea Mining"),
        ("AVIN", "Aviation Industry"),
        # a letter of the acronym that no word gives
        ("CASIC", "China Aerospace Science and Technology Corporation"),
        # words left out only after "and" and at the end, never inside
        ("CGP", "China General Nuclear Power Corporation"),
        # another legal form's letter
        ("KEPL", "Korea Electric Power Corporation"),
        # two letters stay weak
        ("JT", "Japan Tobacco Inc."),
        # two kinds of looseness at most, and the words after "and" left out only from
        # initials: KE, Lighting left out, CO of Company
        ("KEPCO", "The Kenya Power and Lighting Company PLC"),
        # a word of one letter is not one of the three words a loose form spells
        ("ZTE", "Zagros Tarabaran-e Arya"),
        # the O of "of" only in a name "X of Y", not across "of the"
        ("BOC", "Bank of Ceylon China Branch"),
        ("BOPI", "Bank of the Philippine Islands"),
        # a legal form's letters end the initials of all the words
        ("YMC", "Yangtze Memory Technologies Co., Ltd."),
        ("ICL", "Indian Oil Corporation Limited"),
    ],
)
def test_what_no_loose_form_spells_stays_apart(query: str, listed: str) -> None:
    assert not matcher.score(company(query), entry(listed)).match


def test_siblings_and_near_brands_of_a_loose_acronym_stay_apart() -> None:
    kepco = entry("Korea Electric Power Corporation")
    # a subsidiary named by the group's acronym says more than the acronym
    assert not matcher.score(company("KEPCO Engineering & Construction Company, Inc."), kepco).match
    casc = entry("China Aerospace Science and Technology Corporation")
    assert not matcher.score(
        company("China Aerospace Science and Industry Corporation"), casc
    ).match
    # a person is not known by a loose form of initials
    r = matcher.score(
        Query.of("KOMID", schema="Person"),
        Entry("test", "p", "person", (EntryName("Kovalenko Mikhail Dmitrievich"),)),
    )
    assert not r.match


def test_an_acronym_another_organisation_of_the_list_is_known_by_is_weak() -> None:
    screener = Screener(
        [
            entry("ZTE Corporation", entry_id="zte"),
            entry("Zhejiang Tianlu Energy Co., Ltd.", entry_id="tianlu"),
            entry("Velmar Trading LLC", entry_id="velmar"),
        ]
    )
    hits = screener.screen(company("ZTE"))
    assert [h.entry.entry_id for h in hits if h.match] == ["zte"]
    (tianlu,) = [h for h in hits if h.entry.entry_id == "tianlu"]
    assert tianlu.score == pytest.approx(0.7)
    assert tianlu.features["name"]["acronyms"][0]["similarity"] == 0.7
    # without the other organisation in the list, the initials match as before
    alone = Screener([entry("Zhejiang Tianlu Energy Co., Ltd.", entry_id="tianlu")])
    (hit,) = alone.screen(company("ZTE"))
    assert hit.match and hit.score == pytest.approx(0.82)


def test_an_acronym_of_a_listed_name_with_its_status_before_it_is_the_shorter_names() -> None:
    # the list knows TsNIIKhM as the institute's under a name with its status before it: the
    # institute's name without that status is known by it too
    listed = Entry(
        "test",
        "listed",
        "organization",
        (
            EntryName(
                "State Research Center of the Russian Federation FGUP Central Scientific "
                "Research Institute of Chemistry and Mechanics"
            ),
            EntryName("TsNIIKhM", kind="alias"),
        ),
    )
    written = entry(
        "FGUP Central Scientific Research Institute of Chemistry and Mechanics", entry_id="written"
    )
    assert matched_ids(Screener([listed, written]), "TsNIIKhM") == {"listed", "written"}


def test_an_acronym_a_listed_name_gives_in_brackets_is_a_name_of_its_organisation() -> None:
    screener = Screener(
        [
            entry("Korean National Insurance Company (KNIC)", entry_id="listed"),
            entry("Korea National Insurance Corporation", entry_id="written"),
            entry("China Aerospace Science and Technology Corporation (CASC)", entry_id="casc"),
            entry("China Aerospace Science and Industry Corporation", entry_id="casic"),
        ]
    )
    # the name in brackets is one of the organisation's, and one written otherwise (Korea,
    # Korean; Company, Corporation) is known by it as well
    assert matched_ids(screener, "KNIC") == {"listed", "written"}
    # not another body whose words differ ("Industry", "Technology")
    assert matched_ids(screener, "CASC") == {"casc"}


@pytest.mark.parametrize(
    ("written", "alias"),
    [
        ("Saudi Arabian Mining Company (Ma'aden)", "Ma'aden"),
        ("Islamic Republic of Iran Shipping Lines (IRISL)", "IRISL"),
        ("Amirkabir University of Technology (Tehran Polytechnic)", "Tehran Polytechnic"),
        # remarks, places, legal forms and numbers are none
        ("Acme Trading (formerly Foo Trading) Ltd", None),
        ("Foo Shipping (in liquidation)", None),
        ("China Unicom (Americas) Operations Limited", None),
        ("VTB Bank (PJSC)", None),
        ("Acme (1995) Ltd", None),
    ],
)
def test_the_other_name_in_brackets(written: str, alias: str | None) -> None:
    assert bracketed_alias(written) == alias


def test_a_query_s_brackets_give_no_name_to_meet_a_listed_name_s() -> None:
    # the same words in brackets, another group
    assert not matcher.score(
        company("GDF (Allied Democratic Forces)"), entry("ADF (Allied Democratic Forces)")
    ).match
    assert matcher.score(company("Ma'aden"), entry("Saudi Arabian Mining Company (Ma'aden)")).match


def test_a_long_plain_acronym_of_a_group_company_keeps_its_strength() -> None:
    # "CNOOC Limited" is the group's listed company: five letters are rarely another's
    screener = Screener(
        [
            entry("CNOOC Limited", entry_id="listed"),
            entry("China National Offshore Oil Corporation", entry_id="group"),
        ]
    )
    hits = {h.entry.entry_id: h for h in screener.screen(company("CNOOC"))}
    assert hits["group"].match and hits["group"].score == pytest.approx(0.86)
    # a loose form is weak all the same when the list knows the acronym as another's
    screener = Screener(
        [
            entry("KEPCO", "Kenya Power Company Limited", entry_id="kenya"),
            entry("Korea Electric Power Corporation", entry_id="korea"),
        ]
    )
    hits = {h.entry.entry_id: h for h in screener.screen(company("KEPCO"))}
    assert hits["kenya"].score == 1.0
    assert not hits["korea"].match
    # the other way round: the entry's acronym, in a loose form of the query's words, is
    # known as the name of other words
    kenya = screener.entries[0]
    korea = company("Korea Electric Power Corp")
    assert matcher.score(korea, kenya).score == pytest.approx(0.84)  # no list behind it
    r = screener.matcher.score(korea, kenya)
    assert r.score == pytest.approx(0.7) and not r.match


@pytest.mark.parametrize(
    ("acronym", "name", "near", "spelled"),
    [
        # four letters: KO-MI-D
        (
            "KOMID",
            "Korea Mining Development Trading Corporation",
            "Korea Mining Development Bank",
            True,
        ),
        # three letters in a loose form, weak alone (see above), strong once the list knows them
        (
            "CGN",
            "China General Nuclear Power Corporation",
            "China General Nuclear Power Research Institute",
            True,
        ),
        # letters the words do not spell: National's N left out
        (
            "CEIEC",
            "China National Electronics Import & Export Corporation",
            "China Electronics Technology Group Corporation",
            False,
        ),
        # Vehicle's V left out
        (
            "CALT",
            "China Academy of Launch Vehicle Technology",
            "China Academy of Launch Technology Services",
            False,
        ),
        # the initials of the Persian name, not of the English one
        (
            "HESA",
            "Iran Aircraft Manufacturing Industrial Company",
            "Iran Aircraft Industries",
            False,
        ),
    ],
)
def test_an_acronym_the_list_gives_with_these_words_is_strong(
    acronym: str, name: str, near: str, spelled: bool
) -> None:
    # one list gives the acronym as a name of the organisation; another lists it without it:
    # the acronym finds that entry too, whether or not its letters spell the words, and says
    # so; a body of other words, or whose words the acronym also fits loosely, is not made its
    screener = Screener(
        [
            entry(acronym, name, entry_id="given"),
            entry(name, entry_id="without"),
            entry(near, entry_id="near"),
        ]
    )
    hits = {h.entry.entry_id: h for h in screener.screen(company(acronym))}
    assert hits["given"].score == 1.0
    without = hits["without"]
    assert without.match and without.score == pytest.approx(0.9)
    assert "near" not in hits or not hits["near"].match
    (found,) = without.features["name"]["acronyms"]
    assert found["acronym"] == acronym and found["side"] == "query"
    assert found.get("listed", False) is not spelled
    if not spelled:
        assert "letters" not in found
        # a list that does not give the acronym leaves the name unspelled
        alone = Screener([entry(name, entry_id="without")])
        assert not [h for h in alone.screen(company(acronym)) if h.match]


def test_an_acronym_many_names_of_the_list_spell_is_weak() -> None:
    names = [
        "Alpha Beta Kinetics",
        "Atlas Bulk Kestrel",
        "Amber Bridge Kingfisher",
        "Arctic Blue Kodiak",
    ]
    index = NameIndex([[normalize_name(n, "organization")] for n in names])
    assert index.acronym_spellers("abk") == 4
    # a name that spells it with its last word left out counts for a loose form only
    index = NameIndex(
        [[normalize_name(n, "organization")] for n in [*names[:3], "Alpha Beta Kinetics Zenith"]]
    )
    assert index.acronym_spellers("abk") == 3
    assert index.acronym_spellers("abk", loose=True) == 4
    hits = Screener([entry(n) for n in names]).screen(company("ABK"))
    assert len(hits) == 4
    assert all(h.score == pytest.approx(0.7) for h in hits)
    # three are not yet many
    hits = Screener([entry(n) for n in names[:3]]).screen(company("ABK"))
    assert all(h.match and h.score == pytest.approx(0.82) for h in hits)


def test_the_names_of_one_organisation_are_one_speller_of_an_acronym() -> None:
    # one list writes the organisation two ways, two others as it is and as "Korean": the
    # names of one entry, and one name on several lists, count once
    org = "organization"
    index = NameIndex(
        [
            [
                normalize_name("Korea National Insurance Corporation", org),
                normalize_name("Korea National Insurance Company", org),
            ],
            [normalize_name("Korean National Insurance Company", org)],
            [normalize_name("Korea National Insurance Corporation", org)],
            [normalize_name("Korean National Insurance Corporation", org)],
        ]
    )
    assert index.acronym_spellers("knic") == 3
    screener = Screener(
        [
            entry("Korea National Insurance Corporation", "Korea National Insurance Company"),
            entry("Korean National Insurance Company"),
            entry("Korean National Insurance Corporation"),
        ]
    )
    hits = screener.screen(company("KNIC"))
    assert hits and all(h.match and h.score == pytest.approx(0.86) for h in hits)


def test_company_written_as_the_last_word_is_left_out_as_a_legal_form_is() -> None:
    # "Company" as a word is the name's legal form: OMM is plain initials, not a loose form
    listed = entry("Ocean Maritime Management Company, Limited")
    r = matcher.score(company("OMM"), listed)
    assert r.score == pytest.approx(0.82) and r.match, r.features["name"]
    hits = Screener([listed]).screen(company("OMM"))
    assert [h.entry.entry_id for h in hits if h.match] == [listed.entry_id]
    # a word of the name itself left out is still a loose form
    assert not matcher.score(company("OMM"), entry("Ocean Maritime Management Services")).match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # "Co., Ltd." gives the C, "Corporation Limited" the CL
        ("YMTC", "Yangtze Memory Technologies Co., Ltd."),
        ("IOCL", "Indian Oil Corporation Limited"),
        ("BPCL", "Bharat Petroleum Corporation Limited"),
        # Corporation's C ends one of three after a place's and a word's initials, as state
        # corporations write theirs
        ("UAC", "United Aircraft Corporation"),
        ("USC", "United Shipbuilding Corporation"),
        ("CAC", "Chengdu Aircraft Corporation"),
        ("KAC", "Kuwait Airways Corporation"),
        # ... or two words' initials, the acronym of what the body is, before its name that
        # matched too (the person it is named after aside)
        ("RSC Energia", "Rocket and Space Corporation Energia"),
        ("RSC Energia", "S.P. Korolev Rocket and Space Corporation Energia"),
        # the O of the one "of" of a name ("Bank of China")
        ("BOC", "Bank of China Limited"),
        ("BOI", "Bank of India"),
    ],
)
def test_the_letters_of_the_forms_and_of_of_end_or_join_an_acronym(query: str, listed: str) -> None:
    r = matcher.score(company(query), entry(listed))
    assert r.match, r.features["name"]
    hits = Screener([entry(listed)]).screen(company(query))
    assert [h.entry.entry_id for h in hits if h.match] == [listed]


def test_screening_finds_the_names_a_loose_acronym_stands_for() -> None:
    listed = [
        ("kepco", "Korea Electric Power Corporation"),
        ("avic", "Aviation Industry Corporation of China, Ltd."),
        ("casc", "China Aerospace Science and Technology Corporation"),
        ("kret", "JSC Concern Radio-Electronic Technologies"),
        ("komid", "Korea Mining Development Trading Corporation"),
        ("velmar", "Velmar Trading LLC"),
    ]
    screener = Screener([entry(name, entry_id=key) for key, name in listed])
    for key, _ in listed[:-1]:
        hits = screener.screen(company(key.upper()))
        assert [h.entry.entry_id for h in hits if h.match] == [key], key
        assert hits[0].score >= DEFAULT_THRESHOLD


def test_the_loose_forms_read_and_filed() -> None:
    name = normalize_name("China Aerospace Science and Technology Corporation", "organization")
    assert loose_spelling("casc", name, range(4)) == [0, 1, 2, 3]
    assert loose_spelling("cast", name, range(4)) is not None  # the plain initials too
    assert loose_spelling("csc", name, range(4)) is None
    assert loose_keys(name) == ["cas", "casc"]
    assert loose_keys(normalize_name("China General Nuclear Power Corp", "organization")) == [
        "cgn",
        "cgnc",
    ]
    assert loose_keys(normalize_name("Mobile TeleSystems", "organization")) == []
    assert {"kepc", "kmd"} <= set(query_keys("kepco")) | set(query_keys("kmdco"))
    assert "cret" in query_keys("kret")
    assert letters_given(
        "smic", ["semiconductor", "manufacturing", "international"], ["s", "m", "i"], ("corp",)
    ) == [
        "s",
        "m",
        "i",
        "c",
    ]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Export Import Bank of the U.S.", "Export-Import Bank of the United States"),
        ("US Export-Import Bank", "Export-Import Bank of the United States"),
        ("Bank of China (UK) Limited", "Bank of China (United Kingdom) Limited"),
        ("Emirates Bank UAE", "Emirates Bank United Arab Emirates"),
    ],
)
def test_a_country_s_letters_stand_for_its_name(query: str, listed: str) -> None:
    r = matcher.score(company(query), entry(listed))
    assert r.match and r.score >= 0.9, r.features["name"]
    assert any("(initials 0.90)" in t for t in r.features["name"]["tokens"])


def test_two_letters_that_are_no_country_s_stay_weak() -> None:
    # "US" spelling two words that do not name the United States
    r = matcher.score(company("US Bank"), entry("Universal Savings Bank"))
    assert not r.match
    assert any("(initials 0.70)" in t for t in r.features["name"]["tokens"])


@pytest.mark.parametrize(
    ("acronym", "name", "score"),
    [
        # Gosudarstvennyy Ryazanskiy Pribornyy Zavod
        ("GRPZ", "JSC State Ryazan Instrument Plant", 0.84),
        # the descriptor before the name left out: Uralskiy Optiko-Mekhanicheskiy Zavod
        ("UOMZ", "JSC Production Association Ural Optical and Mechanical Plant", 0.84),
        # two letters of one word: Bryanskiy ElektroMekhanicheskiy Zavod
        ("BEMZ", "JSC Bryansk Electromechanical Plant", 0.84),
        # Kazanskiy Optiko-Mekhanicheskiy Zavod
        ("KOMZ", "JSC Kazan Optical and Mechanical Plant", 0.84),
        # Ц in two Latin letters, the second in lower case: Tsentralnyy AeroGidrodinamicheskiy
        # Institut
        (
            "TsAGI",
            "FSUE Central Aerohydrodynamic Institute named after Professor N.E. Zhukovsky",
            0.84,
        ),
        # three letters, one a Russian word's own: as plain as the initials
        ("UMZ", "JSC Ulyanovsk Mechanical Plant", 0.82),
        ("MGU", "Moscow State University", 0.82),
        # Uralskiy Vagonostroitelnyy Zavod
        ("UVZ", "JSC Ural Railcar Plant", 0.82),
    ],
)
def test_an_acronym_of_the_russian_words_behind_the_english_ones_matches(
    acronym: str, name: str, score: float
) -> None:
    r = matcher.score(company(acronym), entry(name))
    assert r.match and r.score == pytest.approx(score), r.features["name"]
    # screening finds it through the index
    hits = Screener([entry(name, entry_id="plant")]).screen(company(acronym))
    assert [h.entry.entry_id for h in hits if h.match] == ["plant"]


def test_russian_letters_do_not_make_every_acronym_fit() -> None:
    # three letters are the descriptors' own (NPP, a research and production enterprise, or
    # a nuclear power plant): they name no body
    assert not matcher.score(company("NPP"), entry("Scientific Production Enterprise")).match
    assert not matcher.score(company("NPO"), entry("Research and Production Association")).match
    # the words the table has give their Russian letters only; other letters do not fit
    for acronym in ("GRIP", "GRPX", "SRPZ", "GRIZ"):
        assert not matcher.score(company(acronym), entry("JSC State Ryazan Instrument Plant")).match
    # another plant of the same city
    assert not matcher.score(company("GRPZ"), entry("JSC Ryazan Radio Plant")).match


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("CETC 14", "China Electronics Technology Group Corporation 14th Research Institute"),
        (
            "CETC No. 55 Institute",
            "China Electronics Technology Group Corporation 55th Research Institute",
        ),
        ("CASC 803", "China Aerospace Science and Technology Corporation 803rd Research Institute"),
    ],
)
def test_a_group_s_acronym_before_its_body_s_number_stands_for_the_group_s_words(
    query: str, listed: str
) -> None:
    result = matcher.score(company(query), entry(listed))
    assert result.match, result.features["name"]
    (acronym,) = result.features["name"]["acronyms"]
    assert acronym["acronym"] == query.split()[0]
    assert "research" in result.features["name"]["entry_extra"]


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # another body of the group
        ("CETC 14", "China Electronics Technology Group Corporation 15th Research Institute"),
        # the acronym spells no words before the number
        ("CASC 14", "China Electronics Technology Group Corporation 14th Research Institute"),
        # the group alone is not its body
        ("CETC", "China Electronics Technology Group Corporation 14th Research Institute"),
    ],
)
def test_another_body_of_the_group_stays_apart(query: str, listed: str) -> None:
    assert not matcher.score(company(query), entry(listed)).match
