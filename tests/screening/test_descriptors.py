"""Organisation names written with descriptors added, dropped or swapped, against the names
of other bodies that differ from them by one descriptor: a parent and its subsidiary under
legal forms that cannot name one company ("Hensoldt AG" / "Hensoldt Sensors GmbH"), bodies
of different kinds ("Peking Union Medical College" / "Peking Union Medical College
Hospital")."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import (
    apposed_university,
    body_heads,
    body_kind,
    normalize_name,
    place_of,
)
from tests.screening.names import score, score_in


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hensoldt AG", "Hensoldt Sensors GmbH"),
        ("General Dynamics Corporation", "General Dynamics Land Systems Inc."),
    ],
)
def test_a_parent_under_another_legal_form_is_not_its_subsidiary(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hensoldt Sensors", "Hensoldt Sensors GmbH"),
        ("General Dynamics Land Systems", "General Dynamics Land Systems Inc."),
        ("Rafael Advanced Defense Systems Limited", "Rafael Advanced Defense Systems Ltd."),
        ("Kaspersky Lab", "AO Kaspersky Lab"),
    ],
)
def test_the_same_company_with_or_without_its_legal_form(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Peking Union Medical College Hospital", "hospital"),
        ("Peking Union Medical College", "college"),
        ("The University of Tokyo Hospital", "hospital"),
        ("Moscow Institute of Physics and Technology (National Research University)", "institute"),
        ("Peking Union Medical College Hospital, Chinese Academy of Medical Sciences", "hospital"),
        ("Minsk Automobile Works", "plant"),
        ("Kazan Helicopter Factory", "plant"),
        ("Vikram Sarabhai Space Center", "centre"),
        ("State Enterprise Antonov", ""),
        ("Московский физико-технический институт", ""),
    ],
)
def test_the_kind_of_body_a_name_says(name: str, kind: str) -> None:
    assert body_kind(name) == kind


def test_an_institute_of_an_academy_is_an_institute_whichever_word_comes_last() -> None:
    english = "Institute of Microelectronics of the Chinese Academy of Sciences"
    assert body_heads(english) == {"institute", "academy"}
    # the kind that ends a name is its own: the hospital of a university
    assert body_heads("The University of Tokyo Hospital") == {"hospital"}
    for query in ("中国科学院微电子研究所", "China Academy of Sciences Microelectronics Institute"):
        assert score_in(query, english, "cn") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Peking Union Medical College", "Peking Union Medical College Hospital"),
        (
            "Defence Research and Development Establishment",
            "Defence Research and Development Laboratory",
        ),
        ("The University of Tokyo Hospital", "The University of Tokyo"),
        (
            "Shanghai Institute of Spaceflight Technology",
            "Shanghai Academy of Spaceflight Technology",
        ),
        # the kind an abbreviation reads as: a research institute
        ("FGUP NII Kvant", "Kvant Plant"),
    ],
)
def test_bodies_of_different_kinds_are_told_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("OJSC Minsk Tractor Works", "OJSC Minsk Wheel Tractor Plant"),
        ("Minsk Tractor Works", "Minsk Automobile Plant"),
    ],
)
def test_one_kind_of_body_written_otherwise_keeps_other_bodies_apart(
    query: str, listed: str
) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Kazan Helicopter Factory", "PJSC Kazan Helicopter Plant"),
        # the words of one kind are linked, not replaced: the acronym keeps its W
        ("Minsk Automobile Works", "OJSC Minsk Automobile Plant"),
        ("JSW", "The Japan Steel Works, Ltd."),
        ("Vikram Sarabhai Space Center", "Vikram Sarabhai Space Centre"),
        (
            "Peking Union Medical College Hospital Beijing",
            "Peking Union Medical College Hospital",
        ),
        (
            "Defence Research & Development Laboratory",
            "Defence Research and Development Laboratory",
        ),
        # a shipbuilding factory is a shipyard, as a shipbuilding plant is
        ("Yantar Shipyard", "JSC Baltic Shipbuilding Factory Yantar"),
        # ... and a shipbuilding complex (судостроительный комплекс)
        ("Zvezda Shipyard", "LLC Shipbuilding Complex Zvezda"),
        # энергетический, of energy, is Power Engineering in an institute's name
        ("Физико-энергетический институт", "Institute of Physics and Power Engineering"),
    ],
)
def test_one_kind_of_body_written_otherwise(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "country"),
    [
        (
            "Northwestern Polytechnical University Xi'an",
            "Northwestern Polytechnical University",
            "cn",
        ),
        (
            "Xi'an Northwestern Polytechnical University",
            "Northwestern Polytechnical University",
            "cn",
        ),
        ("Vikram Sarabhai Space Centre Thiruvananthapuram", "Vikram Sarabhai Space Centre", "in"),
        (
            "Defence Research & Development Laboratory Hyderabad",
            "Defence Research and Development Laboratory",
            "in",
        ),
        # the prefecture-level city a Chinese company's registered name begins with
        ("Huizhou Desay SV Automotive", "Desay SV Automotive Co., Ltd.", "cn"),
        ("Suzhou Keda Technology Co., Ltd.", "Keda Technology Co., Ltd.", "cn"),
        ("惠州亿纬锂能股份有限公司", "EVE Energy Co., Ltd.", "cn"),
        # the country by its state's official name
        ("Ministry of Defence of the Russian Federation", "Ministry of Defence", "ru"),
        ("Federal Security Service of the Russian Federation", "Federal Security Service", "ru"),
        # ... with the kind of body said after the name
        ("Moscow Avangard Plant", "JSC Avangard", "ru"),
        # the world's large cities and capitals (GeoNames), of one word or more
        ("Kenya Airways Nairobi", "Kenya Airways PLC", "ke"),
        ("Etihad Airways Abu Dhabi", "Etihad Airways PJSC", "ae"),
        ("YPF Buenos Aires", "YPF Sociedad Anónima", "ar"),
        # ... or its country, beside a brand inside a longer name
        ("China Hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", "cn"),
        ("Rosatom Russia", "State Atomic Energy Corporation Rosatom", "ru"),
    ],
)
def test_a_city_of_the_bodys_own_country_says_no_more(
    query: str, listed: str, country: str
) -> None:
    assert score_in(query, listed, country) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "country"),
    [
        (
            "AVIC Chengdu Aircraft Design and Research Institute",
            "AVIC Shenyang Aircraft Design and Research Institute",
            "cn",
        ),
        ("Osaka Gas Co., Ltd.", "Tokyo Gas Co., Ltd.", "jp"),
        ("Wuxi Keda Technology Co., Ltd.", "Suzhou Keda Technology Co., Ltd.", "cn"),
        ("Foshan Haitian Flavouring and Food", "Guangzhou Haitian Flavouring and Food", "cn"),
        ("Indian Institute of Technology Delhi", "Indian Institute of Technology Bombay", "in"),
        # a city or country of another country
        ("Kenya Airways Lagos", "Kenya Airways PLC", "ke"),
        ("China Hikvision", "Hikvision Digital Technology (USA) Inc.", "us"),
        # a registered name naming its country: the group's company there
        ("ASML Netherlands B.V.", "ASML Holding N.V.", "nl"),
    ],
)
def test_a_city_in_place_of_another_is_another_body(query: str, listed: str, country: str) -> None:
    assert score_in(query, listed, country) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("ISRO Vikram Sarabhai Space Centre", "Vikram Sarabhai Space Centre"),
        (
            "PLA National University of Defense Technology",
            "National University of Defense Technology",
        ),
        (
            "CASC Shanghai Academy of Spaceflight Technology",
            "Shanghai Academy of Spaceflight Technology",
        ),
        ("U.S. Defense Security Cooperation Agency", "Defense Security Cooperation Agency"),
    ],
)
def test_the_acronym_of_the_body_it_belongs_to_before_a_name(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "country", "same"),
    [
        # after its country's word, which the entry's own country says already
        (
            "Chinese PLA National University of Defense Technology",
            "National University of Defense Technology",
            "cn",
            True,
        ),
        (
            "Indian DRDO Defence Research and Development Laboratory",
            "Defence Research and Development Laboratory",
            "in",
            True,
        ),
        # another country's word says more
        (
            "Russian PLA National University of Defense Technology",
            "National University of Defense Technology",
            "cn",
            False,
        ),
    ],
)
def test_the_parent_body_s_acronym_after_its_country_s_word(
    query: str, listed: str, country: str, same: bool
) -> None:
    assert (score_in(query, listed, country) >= DEFAULT_THRESHOLD) is same


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Rheinmetall BAE Systems Land", "BAE Systems Land"),
        ("Mil Moscow Helicopter Plant", "Moscow Helicopter Plant"),
    ],
)
def test_another_name_before_a_name_is_another_body(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Istanbul University", "Istanbul Technical University"),
        ("University of Seoul", "Seoul National University"),
        ("Seoul National University of Science and Technology", "Seoul National University"),
        ("Tokyo University of Science", "The University of Tokyo"),
        ("Northwestern University", "Northwestern Polytechnical University"),
        ("Kyiv National Economic University", "Kyiv National University"),
        # the entry puts a word of its own among the city's and the kind of body's
        ("Kyoto University", "Kyoto Sangyo University"),
        ("Nanjing University", "Nanjing Medical University"),
        ("Moscow State University", "Moscow State Pedagogical University"),
        ("Academy of Military Sciences", "Academy of Military Medical Sciences"),
        # ... or after them
        ("China Academy of Engineering", "China Academy of Engineering Physics"),
        # a city and a region of one country that sound alike
        ("Tokyo Electric Power Company", "Tohoku Electric Power Co., Inc."),
        ("東京電力ホールディングス株式会社", "Tohoku Electric Power Co., Inc."),
    ],
)
def test_a_body_named_by_its_city_is_told_apart_by_its_qualifiers(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "country"),
    [
        ("Tokyo University", "The University of Tokyo", "jp"),
        ("Kyiv National University", "Taras Shevchenko National University of Kyiv", "ua"),
        ("Istanbul Technical University Turkey", "Istanbul Technical University", "tr"),
        ("Seoul National Univ.", "Seoul National University", "kr"),
        # the words of the parent body before the whole name
        (
            "Academy of Military Sciences",
            "Chinese People's Liberation Army Academy of Military Sciences",
            "cn",
        ),
    ],
)
def test_a_body_named_by_its_city_written_otherwise(query: str, listed: str, country: str) -> None:
    assert score_in(query, listed, country) >= DEFAULT_THRESHOLD


def test_korea_names_either_korea() -> None:
    assert place_of("korea", frozenset({"kp"}))
    assert place_of("korean", frozenset({"kr"}))
    assert not place_of("korea", frozenset({"cn"}))
    assert place_of("pyongyang", frozenset({"kp"}))


@pytest.mark.parametrize(
    ("query", "listed", "country"),
    [
        (
            "Korea Ocean Maritime Management Company",
            "Ocean Maritime Management Company, Limited",
            "kp",
        ),
        ("Korea Kumsan Trading Company", "Korea Kumsan Trading Corporation", "kp"),
        ("Kim Il Sung Comprehensive University", "Kim Il Sung University", "kp"),
        # a General Corporation is a corporation
        (
            "Korea Mining Development Trading General Corporation",
            "Korea Mining Development Trading Corporation",
            "kp",
        ),
        # North Korea, the Democratic People's Republic of Korea
        (
            "Foreign Trade Bank of North Korea",
            "Foreign Trade Bank of the Democratic People's Republic of Korea",
            "kp",
        ),
    ],
)
def test_north_korean_bodies_with_their_descriptors(query: str, listed: str, country: str) -> None:
    assert score_in(query, listed, country) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        (
            "DRDO Defence Research and Development Laboratory",
            "Defence Research and Development Laboratory",
        ),
        (
            "KBP Instrument Design Bureau",
            "JSC Instrument Design Bureau named after Academician A. Shipunov",
        ),
    ],
)
def test_the_parent_acronym_before_a_name_of_generic_words(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("written", "tokens"),
    [
        (
            "China Life Insurance (Overseas) Company Limited",
            ("china", "life", "insurance", "overseas", "company"),
        ),
        (
            "Huawei Technologies (International) Co., Ltd.",
            ("huawei", "technologies", "international"),
        ),
        # a remark is not
        ("Huawei Technologies (formerly Futurewei) Co., Ltd.", ("huawei", "technologies")),
    ],
)
def test_a_bracketed_region_is_part_of_the_name(written: str, tokens: tuple[str, ...]) -> None:
    assert normalize_name(written, "organization").tokens == tokens


def test_a_bracketed_group_is_part_of_the_name() -> None:
    name = normalize_name("AVIC Chengdu Aircraft Industrial (Group) Co., Ltd.", "organization")
    # Industrial read as Industry, as Industries is
    assert name.tokens == ("avic", "chengdu", "aircraft", "industry", "group")
    assert (
        score(
            "Chengdu Aircraft Industrial Group Co., Ltd.",
            "AVIC Chengdu Aircraft Industrial (Group) Co., Ltd.",
        )
        >= DEFAULT_THRESHOLD
    )
    assert (
        score(
            "Chengdu Aircraft Industry Group", "AVIC Chengdu Aircraft Industrial (Group) Co., Ltd."
        )
        >= DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize(
    "listed",
    [
        "AVIC Shenyang Aircraft Design and Research Institute",
        "AVIC Chengdu Aircraft Industrial (Group) Co., Ltd.",
    ],
)
def test_a_groups_acronym_alone_is_not_its_subordinate_body(listed: str) -> None:
    assert score("AVIC", listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("CNOOC", "CNOOC Limited"),
        ("BAE", "BAE Systems plc"),
        ("Hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd."),
        # a brand of letters and digits; "Air Lines" is Airlines
        ("X5 Group", "X5 Retail Group N.V."),
        ("Korean Air", "Korean Air Lines Co., Ltd."),
    ],
)
def test_a_brand_inside_its_registered_name(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Peleng Optical and Mechanical Enterprise", "JSC Peleng"),
        ("Rosmorport Seaports Administration", "FSUE Rosmorport"),
        ("Tupolev Design Bureau", "PJSC Tupolev"),
        ("Transneft Pipeline Company", "PJSC Transneft"),
        ("Sukhoi Design Bureau", "PJSC Sukhoi Company"),
        ("Kamaz Automobile Plant", "PJSC KAMAZ"),
        ("Zvezda Shipbuilding Complex", "LLC Zvezda"),
        # read from Arabic, the kind of body first: company Sonatrach for hydrocarbons
        ("شركة سوناطراك للمحروقات", "Sonatrach"),
        ("شركة بترومين للزيوت", "Petromin Corporation"),
        ("Khatam al-Anbiya Construction Headquarters", "Khatam al-Anbiya"),
        # a registered name describing the body before its brand, the Russian way
        ("State Atomic Energy Corporation Rosatom", "Rosatom"),
        ("FSUE Russian Federal Nuclear Center VNIIEF", "VNIIEF"),
        ("Joint Stock Company Special Design Bureau Turbina", "Turbina"),
        (
            "Federal State Unitary Enterprise State Research and Production Space Center "
            "Khrunichev",
            "Khrunichev",
        ),
        ("ZAO PKF Sever", "Sever Production and Commercial Firm"),
        # a name saying the entry's kind of body, without a legal form
        ("Radio Engineering Concern Sozvezdie", "JSC Concern Sozvezdie"),
        # Group said of a body, not in a registered name
        ("ZTE Group", "ZTE Corporation"),
        (
            "Aviation Industry Corporation of China Group",
            "Aviation Industry Corporation of China, Ltd.",
        ),
        # generic words after the brand
        ("China Mobile Communications Group Co., Ltd.", "China Mobile"),
        ("Aselsan Elektronik Sanayi ve Ticaret A.S.", "Aselsan"),
        ("Magnitogorsk Iron & Steel Works OJSC", "Magnitogorsk Iron and Steel Works"),
    ],
)
def test_a_brand_described_by_its_kind_of_body_is_the_brand(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a line of business names another company of the group
        ("Tupolev Leasing Company", "PJSC Tupolev"),
        ("Sukhoi Civil Aircraft Company", "PJSC Sukhoi Company"),
        ("Shell Oil Company", "Shell plc"),
        ("Kamaz Trading House", "PJSC KAMAZ"),
        # the brand itself, not a word it begins
        ("Gazprom Plant", "Gazprombank JSC"),
        ("شركة زين للتجارة", "Zain Group"),
        # the entry has a word of its own the query lacks
        ("Rosseti Lenenergo Company", "PJSC Rosseti Moscow Region"),
        # the group's registered name against its company of a trade
        ("PAO Sberbank", "Sberbank Leasing"),
        ("JSC Concern Sozvezdie", "Sozvezdie Insurance"),
        # ... and the other way round, the descriptor in both
        ("AO Concern Sozvezdie-Insurance", "JSC Concern Sozvezdie"),
        ("АО «Концерн «Созвездие-Страхование»", "JSC Concern Sozvezdie"),
        # a trade described before the brand
        ("OOO Trading House Vympel", "Vympel"),
        ("Limited Liability Company Leasing Company Aeroflot", "Aeroflot"),
        # a description naming a kind of body against a registered name of another kind
        ("Joint Stock Company Research Institute Polyus Named After Stelmakh", "PJSC Polyus"),
        # a trade or a place after the brand
        ("Gazprom Neft PJSC", "Gazprom"),
        ("Rosneft Deutschland GmbH", "Rosneft"),
        ("Vityaz Trading LLC", "Vityaz"),
        # a group's own registered company is not its company of a trade
        ("Daiwa Securities Group Inc.", "Daiwa Securities Co. Ltd."),
    ],
)
def test_a_sibling_named_by_its_line_of_business_stays_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


def test_a_descriptor_alone_is_the_name_itself() -> None:
    """KFH is Kuwait Finance House's acronym, not КФХ, a peasant farm: a descriptor is read
    in English only before or after a name."""
    assert normalize_name("KFH", "organization").tokens == ("kfh",)
    assert normalize_name("КФХ Иванов", "organization").tokens[:2] == ("peasant", "farm")


@pytest.mark.parametrize(
    ("written", "name"),
    [
        (
            "Moscow Institute of Physics and Technology State University",
            "Moscow Institute of Physics and Technology",
        ),
        ("Beijing Institute of Technology University", "Beijing Institute of Technology"),
        ("Bauman Moscow State Technical University", None),  # a university's own name
        ("Moscow State University", None),
        ("Moscow State University Institute of Physics", None),  # an institute of a university
    ],
)
def test_a_university_title_after_an_institute_is_set_apart(written: str, name: str | None) -> None:
    assert apposed_university(written) == name


def test_an_institute_with_a_university_title_is_the_institute() -> None:
    title = "Moscow Institute of Physics and Technology State University"
    assert score(title, "Moscow Institute of Physics and Technology") >= DEFAULT_THRESHOLD
    assert score(title, "Moscow State University") < DEFAULT_THRESHOLD
    assert score("Moscow State University Institute of Physics", "Moscow State University") < 0.5


def test_a_descriptor_that_is_a_trade_counts_against_another_trade() -> None:
    # "security" says what a private security company is, and what this centre does
    query = "Information Security Center LLC"
    assert score(query, "Information Technology Center LLC") < DEFAULT_THRESHOLD
    assert score("ЧОП «Щит»", "Shchit") >= DEFAULT_THRESHOLD


def test_a_company_under_another_form_is_not_the_body_of_a_kind() -> None:
    # an LLC named Novator is not the joint-stock design bureau of that name
    listed = "JSC Experimental Design Bureau Novator"
    assert score("Novator LLC", listed) < DEFAULT_THRESHOLD
    assert score("Novator JSC", listed) >= DEFAULT_THRESHOLD
    assert score("OKB Novator", listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Trading House Perekrestok", "Perekrestok CJSC"),
        ("TD Petrovich", "Petrovich LLC"),
        ("Design Bureau Sukhoi", "Sukhoi Company JSC"),
        ("Experimental Design Bureau Yakovlev", "Yakovlev JSC"),
        ("Investment Company Finam", "Finam Holdings"),
        # ... or after it, the entry's parent's acronym before its name aside
        ("Kronstadt Technologies", "JSC Kronstadt"),
        ("Klimov Plant", "JSC UEC-Klimov"),
        ("Kuznetsov Design Bureau", "JSC UEC-Kuznetsov"),
        ("Company Ooredoo for Telecommunications", "Ooredoo Group"),
        # what the body makes, after its name
        ("Rostvertol Helicopters", "PJSC Rostvertol"),
    ],
)
def test_a_kind_said_before_or_after_the_name_describes_it(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the entry says more of which body it is, or another kind of body
        ("Trading House Perekrestok", "Perekrestok Express LLC"),
        ("Design Bureau Sukhoi", "Sukhoi Civil Aircraft JSC"),
        ("Investment Company Finam", "Finam Bank JSC"),
        ("Bank Rossiya", "Rossiya Airlines JSC"),
        ("Publishing House Prosveshchenie", "Prosveshchenie Printing Plant LLC"),
        # a registered name's kind is its own ("Trading House" with a legal form)
        ("Trading House Perekrestok LLC", "Perekrestok CJSC"),
        # after the name: a line of business of another company of the group, another kind
        # of body, or another descriptor
        ("Kronstadt Bank", "JSC Kronstadt"),
        ("Burevestnik Plant", "JSC Central Research Institute Burevestnik"),
        ("Aerospace Industries Association", "Aerospace Industries Organization"),
        ("Rossiya Airlines", "Bank Rossiya"),
    ],
)
def test_a_kind_said_beside_the_name_keeps_other_bodies_apart(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    "query",
    [
        "Shenyang Aircraft Corporation",
        # Company written as the name's last word says it is a company as a legal form does
        "Shenyang Aircraft Company",
    ],
)
def test_a_company_is_not_the_research_body_of_its_name(query: str) -> None:
    assert score_in(query, "Shenyang Aircraft Design Institute", "cn") < DEFAULT_THRESHOLD
    assert score_in(query, "Shenyang Aircraft Corporation", "cn") >= DEFAULT_THRESHOLD
