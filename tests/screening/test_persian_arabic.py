"""Persian and Arabic organisation names, romanised and in Arabic script, read in English:
the company words of both tables, the ezafe, the article and the possessive, places of the
countries these names come from, a generic name translated whole, and the organisations that
share those words kept apart."""

from __future__ import annotations

import pytest

from standing.screening.glossary import reading as glossary_reading
from standing.screening.match import Query, place_country
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.model import Entry, EntryName
from standing.screening.normalize import normalize_name
from standing.screening.romanised import latin_reading
from tests.screening.names import matcher, score


def entry(name: str, country: str = "") -> Entry:
    return Entry(
        source="t",
        entry_id=name,
        kind="organization",
        names=(EntryName(name),),
        countries=(country,) if country else (),
    )


def result(query: str, listed: str, country: str = "") -> tuple[float, dict[str, list[str]]]:
    """The score of a company query against an organisation listed under one name (of
    ``country``), and the words the hit says it read in English."""
    found = matcher.score(Query.of(query, schema="Company"), entry(listed, country))
    return found.score, found.features["name"].get("read_in_english", {})


# -- what reads as what --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # one word read is enough beside a place of Iran
        ("Foolad Mobarakeh Esfahan", "steel Mobarakeh Esfahan"),
        ("Sanaye Electronic Iran", "industries Electronic Iran"),
        # the ezafe dropped
        ("Sanaye Elektronik-e Iran", "industries electronics Iran"),
        ("Havapeyma Sazi Iran", "aircraft manufacturing Iran"),
        # a phrase ("voice and vision")
        ("Seda va Sima-ye Jomhuri-ye Eslami-ye Iran", "broadcasting republic islamic Iran"),
        ("Bank Refah Kargaran", "bank welfare workers"),
        ("Sherkat-e Mokhaberat-e Iran", "company telecommunications Iran"),
        (
            "Vezarat-e Defa va Poshtibani-ye Niruha-ye Mosallah",
            "ministry defense logistics forces armed",
        ),
        # Arabic: the article and "lil-" (for the) dropped; Tayyaran and Tayaran alike
        ("Muassasat al-Tayyaran al-Arabiya al-Suriya", "establishment aviation arab syrian"),
        ("Al-Sharikah al-Suriyah lil-Naft", "company syrian oil"),
        # one word read is enough beside the article or the ezafe written onto a word
        ("Masraf al-Rafidain", "bank Rafidain"),
        # one word read, nothing else Persian or Arabic: a word of six letters or more
        ("Masraf Rafidain", "bank Rafidain"),
        ("Bank Rafidain", None),
        # a word read beside a province of Iran: the province names the company ("Foolad
        # Khuzestan", Khuzestan Steel Company; the province's other steel companies are named
        # otherwise and stay apart, see test_romanised.py)
        ("Foolad Khuzestan", "steel Khuzestan"),
        ("Sanaye Defa", None),  # two words, one not generic, nothing else
        ("Haml va Naghl Sepehr Siman Mashhad", "transport Sepehr cement Mashhad"),
        # initials are not a phrase ("A M A" is no Amma, general)
        ("AO NIIVK N.A. M.A. Kartsev", None),
        # Sina is a name (Bank Sina), not Sinaa (industry)
        ("Bank Sina", None),
        ("Bank Sepah", None),
    ],
)
def test_romanised_names_read(name: str, expected: str | None) -> None:
    found = latin_reading(name)
    assert (found.text if found else None) == expected


def test_a_second_sense_gives_a_second_reading() -> None:
    found = latin_reading("Muassasat al-Tayaran al-Arabiya al-Suriya")
    assert found is not None
    assert found.alternate == "establishment airlines arab syrian"
    assert "Tayaran=airlines" in found.alternate_words
    # مؤسسة is a corporation in an Arabic name (Kuwait Petroleum Corporation), an institute
    # in a Persian one
    arabic = glossary_reading("مؤسسة الطيران العربية السورية")
    assert arabic is not None
    assert arabic.text == "corporation airline arab syrian"
    assert arabic.alternate == "institute airways arab syrian"  # طيران: airline, or airways
    assert "مؤسسة=institute" in arabic.alternate_words


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("صدا و سیمای جمهوری اسلامی ایران", "broadcasting republic islamic iran"),
        ("شرکت فولاد مبارکه اصفهان", "company steel مبارکه esfahan"),
        ("بانک رفاه کارگران", "bank welfare workers"),
        ("الشركة السورية للنفط", "company syrian oil"),
        ("شرکت مخابرات ایران", "company telecommunications iran"),
    ],
)
def test_arabic_script_names_read(name: str, expected: str) -> None:
    found = glossary_reading(name)
    assert found is not None and found.text == expected


def test_a_generic_name_translated_whole_is_read_and_marked() -> None:
    found = latin_reading("Bank Tejarat")
    assert found is not None
    assert (found.text, found.alternate, found.generic) == ("bank trading", "bank trade", True)
    named = latin_reading("Bank Refah Kargaran")
    assert named is not None and not named.generic
    # a country among the generic words read: still a generic name, which says whose it is
    china = latin_reading("Zhongguo Gangtie Gufen Youxian Gongsi")
    assert china is not None and china.generic
    assert china.text == "china steel Gufen Youxian Gongsi"
    # so is one whose words not read are places
    tehran = latin_reading("Daneshgah-e Tehran")
    assert tehran is not None and tehran.generic and tehran.text == "university Tehran"


@pytest.mark.parametrize(
    ("query", "listed", "match"),
    [
        ("Zhongguo Gangtie Gufen Youxian Gongsi", "China Steel Corporation", True),
        # other words, or another country's name of the same words
        ("Zhongguo Gangtie Gufen Youxian Gongsi", "China Steel Works Corporation", False),
        ("Zhongguo Gangtie Gufen Youxian Gongsi", "Japan Steel Corporation", False),
        # a generic word and a place not read, the body's kind among generic words
        ("Daneshgah-e Tehran", "University of Tehran", True),
        ("Mokhaberat Iran", "Telecommunication Company of Iran", True),
        ("Daneshgah-e Tehran", "Tehran University of Medical Sciences", False),
        ("Daneshgah-e Tehran", "University of Isfahan", False),
        ("Mokhaberat Iran", "Mobile Telecommunication Company of Iran", False),
    ],
)
def test_a_generic_name_read_whole_with_its_country_meets_the_same_name(
    query: str, listed: str, match: bool
) -> None:
    assert (result(query, listed, "")[0] >= DEFAULT_THRESHOLD) is match


# -- places --------------------------------------------------------------------------------


def test_cities_and_provinces_are_places_of_their_country() -> None:
    assert place_country("esfahan") == "ir"
    assert place_country("khuzestan") == "ir"
    assert place_country("basra") == "iq"
    assert place_country("tehran") == "ir"  # rigour's capitals as before
    name = normalize_name("Khuzestan Steel Company", "organization")
    assert name.classes[0] == "place"


def test_a_place_in_the_possessive_is_the_place() -> None:
    name = normalize_name("Esfahan's Mobarakeh Steel Company", "organization")
    assert name.tokens[:2] == ("esfahan", "mobarakeh")
    assert name.classes[0] == "place"
    # any other word keeps its 's
    assert normalize_name("McDonald's", "organization").tokens == ("mcdonalds",)


# -- the matcher ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "listed", "country", "read"),
    [
        ("Foolad Mobarakeh Esfahan", "Mobarakeh Steel Company", "ir", ["Foolad=steel"]),
        ("شرکت فولاد مبارکه اصفهان", "Mobarakeh Steel Company", "ir", ["فولاد=steel"]),
        (
            "Seda va Sima-ye Jomhuri-ye Eslami-ye Iran",
            "Islamic Republic of Iran Broadcasting",
            "ir",
            ["Seda va Sima=broadcasting", "Jomhuri=republic", "Eslami=islamic"],
        ),
        (
            "صدا و سیمای جمهوری اسلامی ایران",
            "Islamic Republic of Iran Broadcasting",
            "ir",
            ["صدا و سیمای=broadcasting"],
        ),
        (
            "Muassasat al-Tayaran al-Arabiya al-Suriya",
            "Syrian Arab Airlines",
            "sy",
            ["Muassasat=establishment", "Tayaran=airlines"],
        ),
        ("مؤسسة الطيران العربية السورية", "Syrian Arab Airlines", "sy", ["الطيران=airline"]),
        ("Sanaye Elektronik-e Iran", "Iran Electronics Industries", "ir", ["Sanaye=industries"]),
        (
            "Havapeyma Sazi Iran",
            "Iran Aircraft Manufacturing Industrial Company",
            "ir",
            # one word written apart (havapeymasazi, aircraft manufacturing)
            ["Havapeyma Sazi=aircraft manufacturing"],
        ),
        ("Sherkat-e Mokhaberat-e Iran", "Telecommunication Company of Iran", "ir", []),
        (
            "Sherkat-e Sanaye Petroshimi-ye Khalij-e Fars",
            "Persian Gulf Petrochemical Industries Company",
            "ir",
            ["Khalij-e Fars=persian gulf", "Petroshimi=petrochemical"],
        ),
        (
            "Vezarat-e Defa va Poshtibani-e Niruhaye Mosalah",
            "Ministry of Defense and Armed Forces Logistics",
            "ir",
            ["Vezarat=ministry", "Niruhaye=forces"],
        ),
        # Naft and نفط: oil, or petroleum
        ("Al-Sharikah al-Suriyah lil-Naft", "Syrian Petroleum Company", "sy", ["Naft=petroleum"]),
        ("الشركة السورية للنفط", "Syrian Petroleum Company", "sy", ["للنفط=petroleum"]),
        ("Masraf al-Rafidain", "Rafidain Bank", "iq", ["Masraf=bank"]),
        ("Bank Qatar al-Watani", "Qatar National Bank", "qa", ["Watani=national"]),
        # سازمان: organisation, or agency; دریایی: maritime, or marine
        ("سازمان فضایی ایران", "Iranian Space Agency", "", ["سازمان=agency", "فضایی=space"]),
        ("Sazman-e Fazaei Iran", "Iranian Space Agency", "", ["Sazman=agency"]),
        ("شرکت صنعتی دریایی ایران", "Iran Marine Industrial Company", "", ["دریایی=marine"]),
        # عقاري, aqari: realty, as "Real Estate" is read; a movement, its resistance, a
        # society, a party
        ("al-Masraf al-Aqari", "Real Estate Bank", "sy", ["Masraf=bank", "Aqari=realty"]),
        (
            "Harakat al-Muqawama al-Islamiya",
            "Islamic Resistance Movement",
            "ps",
            ["Harakat=movement", "Muqawama=resistance"],
        ),
        ("Jam'iyat al-Qard al-Hassan", "Al-Qard Al-Hassan Association", "lb", []),
        # هوایی: air, or aviation
        ("صنایع هوایی ایران", "Iran Aviation Industries Organization", "ir", ["هوایی=aviation"]),
        # qarargah headquarters, sazandegi construction; سپاه a corps, or a force; امنیت
        # security; maskan housing
        (
            "Gharargah-e Sazandegi-ye Khatam al-Anbiya",
            "Khatam al-Anbiya Construction Headquarters",
            "ir",
            ["Gharargah=headquarters", "Sazandegi=construction"],
        ),
        ("سپاه قدس", "Qods Force", "ir", ["سپاه=force"]),
        (
            "وزارت اطلاعات و امنیت",
            "Ministry of Intelligence and Security",
            "ir",
            ["امنیت=security"],
        ),
        ("Bank-e Maskan-e Iran", "Housing Bank of Iran", "ir", ["Maskan=housing"]),
        # support and rapid, American ("in" read as nothing), economic, the Persian spelling
        # of society; romanised army and water
        ("قوات الدعم السريع", "Rapid Support Forces", "sd", ["الدعم=support", "السريع=rapid"]),
        ("الجامعة الأمريكية في بيروت", "American University of Beirut", "lb", ["في="]),
        (
            "الصندوق الكويتي للتنمية الاقتصادية العربية",
            "Kuwait Fund for Arab Economic Development",
            "kw",
            ["الاقتصادية=economic"],
        ),
        (
            "جمعیت هلال احمر جمهوری اسلامی ایران",
            "Red Crescent Society of the Islamic Republic of Iran",
            "ir",
            ["جمعیت=society"],
        ),
        ("Al-Jaysh al-Arabi al-Suri", "Syrian Arab Army", "sy", ["Jaysh=army"]),
        (
            "Hay'at Kahraba wa Miyah Dubai",
            "Dubai Electricity and Water Authority",
            "ae",
            ["Miyah=water"],
        ),
        # industrialization, with the preposition written onto it
        (
            "الهيئة العربية للتصنيع",
            "Arab Organization for Industrialization",
            "eg",
            ["للتصنيع=industrialization"],
        ),
        # the words of Arab and Iranian state companies' names
        (
            "Al-Masraf al-Zirai al-Taawuni al-Suri",
            "Agricultural Cooperative Bank of Syria",
            "sy",
            ["Zirai=agricultural", "Taawuni=cooperative"],
        ),
        ("Sharikat Tasfiyat al-Naft", "Oil Refining Company", "iq", ["Tasfiyat=refining"]),
        (
            "Sharikat al-Hadid wal-Sulb",
            "Iron and Steel Company",
            "iq",
            ["Hadid=iron", "Sulb=steel"],
        ),
        (
            "Markaz al-Buhuth al-Ilmiya",
            "Scientific Research Center",
            "sy",
            ["Buhuth=research", "Ilmiya=scientific"],
        ),
        ("Jamiat al-Hilal al-Ahmar", "Red Crescent Society", "sy", ["Hilal al-Ahmar=red crescent"]),
        (
            "Sherkat-e Melli-ye Pakhsh-e Faravardehaye Nafti",
            "National Iranian Oil Products Distribution Company",
            "ir",
            ["Pakhsh=distribution", "Faravardehaye=products"],
        ),
        (
            "Sazman-e Bandar va Daryanavardi",
            "Ports and Maritime Organization",
            "ir",
            ["Bandar va Daryanavardi=ports and maritime"],
        ),
    ],
)
def test_persian_and_arabic_names_match_their_english_names(
    query: str, listed: str, country: str, read: list[str]
) -> None:
    found, words = result(query, listed, country)
    assert found >= DEFAULT_THRESHOLD
    assert set(read) <= set(words["query"])


@pytest.mark.parametrize(
    ("query", "listed", "country", "read"),
    [
        # the list's romanised name read on the entry's side
        ("Workers' Welfare Bank", "Bank Refah Kargaran", "ir", ["Refah=welfare"]),
        ("Trade Bank of Iran", "Bank Tejarat", "ir", ["Tejarat=trade"]),
        ("National Iranian Tanker Company", "Sherkat-e Melli-ye Naftkesh-e Iran", "ir", []),
    ],
)
def test_the_entry_side_is_read_too(query: str, listed: str, country: str, read: list[str]) -> None:
    found, words = result(query, listed, country)
    assert found >= DEFAULT_THRESHOLD
    assert set(read) <= set(words["entry"])


def test_a_place_of_the_entrys_country_before_the_name() -> None:
    found, _ = result("Esfahan's Mobarakeh Steel Company", "Mobarakeh Steel Company", "ir")
    assert found >= DEFAULT_THRESHOLD
    # a short name ("Oxin") alone in common: a place of the entry's country says no more
    assert result("Khuzestan Oxin Steel Company", "Oxin Steel Company", "ir")[0] >= (
        DEFAULT_THRESHOLD
    )
    assert result("Foolad Oxin Khuzestan", "Oxin Steel Company", "ir")[0] >= DEFAULT_THRESHOLD
    # without the entry's country, or with another, it says more
    assert result("Khuzestan Oxin Steel Company", "Oxin Steel Company")[0] < DEFAULT_THRESHOLD
    assert result("Basra Oxin Steel Company", "Oxin Steel Company", "ir")[0] < DEFAULT_THRESHOLD
    # ... and neither does a form descriptor before it ("State")
    found, _ = result("State Kyiv Design Bureau Luch", "Luch Design Bureau", "ua")
    assert found >= DEFAULT_THRESHOLD
    assert result("State Odesa Design Bureau Luch", "Luch Design Bureau", "ru")[0] < (
        DEFAULT_THRESHOLD
    )


def test_gulf_shareholding_companies_are_legal_forms() -> None:
    assert normalize_name("Qatar National Bank Q.P.S.C.", "organization").legal_forms == ("qpsc",)
    assert normalize_name("Kuwait Finance House K.S.C.P.", "organization").legal_forms == ("kscp",)
    found, _ = result("Qatar National Bank Q.P.S.C.", "Qatar National Bank", "qa")
    assert found >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "country"),
    [
        # two Iranian banks, two steel companies, two airlines sharing their generic words
        ("Bank Tejarat", "Bank Saderat Iran", "ir"),
        ("Bank Refah Kargaran", "Bank Tejarat", "ir"),
        ("Khuzestan Steel Company", "Mobarakeh Steel Company", "ir"),
        ("Foolad Khuzestan", "Mobarakeh Steel Company", "ir"),
        ("Syrian Pearl Airlines", "Syrian Arab Airlines", "sy"),
        ("Sherkat-e Mokhaberat-e Iran", "Mobile Telecommunication Company of Iran", "ir"),
        ("Al-Sharikah al-Suriyah lil-Naft", "General Petroleum Corporation", "sy"),
        ("Syrian Company for Oil Transport", "Syrian Petroleum Company", "sy"),
        ("الشركة السورية للنفط", "Syrian Company for Oil Transport", "sy"),
        ("Rasheed Bank", "Rafidain Bank", "iq"),
        ("Masraf al-Rashid", "Rafidain Bank", "iq"),
        ("Qatar Islamic Bank Q.P.S.C.", "Qatar National Bank", "qa"),
        ("Bank Qatar al-Watani", "Qatar Islamic Bank", "qa"),
        (
            "Bandar Imam Petrochemical Company",
            "Persian Gulf Petrochemical Industries Company",
            "ir",
        ),
        ("Hormozgan Steel Company", "Oxin Steel Company", "ir"),
        ("Khuzestan Steel Company", "Oxin Steel Company", "ir"),
        (
            "Ministry of Defence of the Russian Federation",
            "Ministry of Defense and Armed Forces Logistics",
            "ir",
        ),
        (
            "Vezarat-e Defa va Poshtibani-e Niruhaye Mosalah",
            "Ministry of Defence of the Russian Federation",
            "ru",
        ),
        # a generic name translated whole meets the same generic name only with the entry's
        # country named, and not another country's
        ("Trade Bank", "Bank Tejarat", "ir"),
        ("Trade Bank of Iraq", "Bank Tejarat", "ir"),
        ("Bank Tejarat", "Trade Bank of Iraq", "iq"),
        ("Neftyanaya Gazovaya Kompaniya", "Oil Gas Company", ""),
        ("Neft Gaz", "Oil Gas", ""),
        ("Sanaye Havafaza", "Aerospace Industries Association", "us"),
        # the words of state companies' names read, another company's
        ("Al-Masraf al-Zirai al-Suri", "Industrial Bank", "sy"),
        ("Sharikat Tasfiyat al-Naft", "Oil Marketing Company", "iq"),
    ],
)
def test_organisations_sharing_the_words_stay_apart(query: str, listed: str, country: str) -> None:
    assert result(query, listed, country)[0] < DEFAULT_THRESHOLD


# -- a listed name naming its own country, a query given in another ---------------------


def _abroad(query: str, query_country: str, listed: str, country: str) -> tuple[float, bool, dict]:
    found = matcher.score(
        Query.of(query, country=query_country, schema="Company"), entry(listed, country)
    )
    return found.score, found.match, found.features


def test_the_brand_abroad_is_not_the_entry_whose_name_names_its_country() -> None:
    # Bank Saderat PLC (Companies House) is not Bank Saderat Iran, though both are listed
    score, match, features = _abroad("Bank Saderat PLC", "gb", "Bank Saderat Iran", "ir")
    assert not match and score >= 0.5  # still reported
    assert features["country"] == "conflict" and features["country_named"]
    # the same query without a country, or given in Iran, still matches
    assert _abroad("Bank Saderat", "", "Bank Saderat Iran", "ir")[1]
    assert _abroad("Bank Saderat", "ir", "Bank Saderat Iran", "ir")[1]
    # a country conflict alone, the name naming no country, lowers the score as before
    score, _, features = _abroad("Bank Tejarat", "gb", "Bank Tejarat", "ir")
    assert "country_named" not in features and score == pytest.approx(0.9)


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a phrase of three words before the words of two: the corps of the guards
        ("سپاه پاسداران انقلاب اسلامی", "Islamic Revolutionary Guard Corps"),
        ("بورس اوراق بهادار تهران", "Tehran Stock Exchange"),
        ("شرکت سرمایه گذاری تامین اجتماعی", "Social Security Investment Company"),
    ],
)
def test_persian_phrases_read_in_english(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # a plural ending written apart after a zero-width non-joiner is read as nothing
        (
            "شرکت ملی پخش فرآورده‌های نفتی ایران",
            "National Iranian Oil Products Distribution Company",
        ),
        ("شرکت نفت فلات قاره ایران", "Iranian Offshore Oil Company"),
        ("خبرگزاری جمهوری اسلامی", "Islamic Republic News Agency"),
        ("خبرگزاری تسنیم", "Tasnim News Agency"),
    ],
)
def test_persian_words_of_oil_news_and_research_bodies(query: str, listed: str) -> None:
    assert result(query, listed, "ir")[0] >= DEFAULT_THRESHOLD


def test_an_arabic_name_is_read_in_mixes_of_its_words_senses() -> None:
    """الهيئة is an authority or a corporation, بترول petroleum or oil: the Egyptian General
    Petroleum Corporation takes the second sense of one and the first of the other, the Abu
    Dhabi National Oil Company the second of بترول alone."""
    found = glossary_reading("الهيئة المصرية العامة للبترول")
    assert found is not None
    texts = [text for text, _ in found.variants]
    assert "corporation egyptian general petroleum" in texts
    assert len(texts) == len(set(texts))
    assert result("شركة بترول أبوظبي الوطنية", "Abu Dhabi National Oil Company", "ae")[0] >= (
        DEFAULT_THRESHOLD
    )
    assert (
        result("Sharikat Bitrul Abu Dhabi al-Wataniya", "Abu Dhabi National Oil Company", "ae")[0]
        >= DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the Syrian state oil body; التجاري is commercial, or trade
        ("المؤسسة العامة للنفط", "General Petroleum Corporation"),
        ("المصرف التجاري العراقي", "Trade Bank of Iraq"),
        ("المصرف التجاري السوري", "Commercial Bank of Syria"),
        # the oil companies' exploration, drilling, production and operations
        (
            "شركة صافر لعمليات الاستكشاف والإنتاج",
            "SAFER Exploration & Production Operations Company",
        ),
        ("الشركة الوطنية للحفر", "National Drilling Company"),
    ],
)
def test_arabic_corporation_and_trade_are_read(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_the_trade_bank_is_not_the_commercial_bank_of_another_country() -> None:
    assert score("المصرف التجاري العراقي", "Commercial Bank of Syria") < DEFAULT_THRESHOLD
