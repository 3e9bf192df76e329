"""Arab organisations' names against their English and French names: the nisba adjective
(العراقي, al-Iraqi) where the English name gives the country (Trade Bank of Iraq), مصر read as
Egypt and as Misr, a preposition of one letter written onto a word (لمصر), the Gulf and
Egyptian legal forms, and the banks of one country that share those words kept apart."""

from __future__ import annotations

import pytest

from standing.screening.glossary import reading as glossary_reading
from standing.screening.match.alignment import same_country
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import score, score_in


@pytest.mark.parametrize(
    ("adjective", "country"),
    [("iraqi", "iraq"), ("egyptian", "egypt"), ("qatari", "qatar"), ("tunisian", "tunisia")],
)
def test_a_country_s_adjective_is_the_country(adjective: str, country: str) -> None:
    assert same_country(adjective, country)
    assert same_country(country, adjective)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("tehran", "iran"),  # a capital is not its country
        ("moscow", "russia"),
        ("iraq", "iran"),  # the same first letters, another country
        ("bank", "banking"),  # no place
        ("iraq", "iraq"),  # the same word is matched as such
    ],
)
def test_other_places_and_words_are_not_one_country(a: str, b: str) -> None:
    assert not same_country(a, b)


def test_the_nisba_reads_as_the_adjective_and_matches_the_country() -> None:
    found = glossary_reading("المصرف العراقي للتجارة")
    assert found is not None
    assert found.text == "bank iraqi trading"
    assert found.alternate == "bank iraqi trade"
    assert score_in("المصرف العراقي للتجارة", "Trade Bank of Iraq", "iq") >= DEFAULT_THRESHOLD
    assert score_in("البنك الأهلي المصري", "National Bank of Egypt", "eg") >= DEFAULT_THRESHOLD
    assert score_in("al-Bank al-Ahli al-Misri", "National Bank of Egypt", "eg") >= (
        DEFAULT_THRESHOLD
    )
    assert score_in("الخطوط الجوية القطرية", "Qatar Airways", "qa") >= DEFAULT_THRESHOLD
    assert score_in("al-Khutut al-Jawiya al-Qatariya", "Qatar Airways", "qa") >= (DEFAULT_THRESHOLD)


def test_misr_is_egypt_and_misr() -> None:
    found = glossary_reading("بنك مصر")
    assert found is not None
    assert found.text == "bank egypt"
    assert found.alternate == "bank misr"


def test_a_one_letter_preposition_written_onto_a_word_is_taken_off() -> None:
    found = glossary_reading("الشركة القابضة لمصر للطيران")
    assert found is not None
    assert "لمصر=egypt" in found.words
    # a word the glossary has as written is read so, not without its first letter
    bank = glossary_reading("بنك قطر الوطني")
    assert bank is not None
    assert bank.text == "bank qatar national"


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("National Bank of Kuwait S.A.K.P.", "sakp"),
        ("Qatar Airways Company Q.C.S.C.", "qcsc"),
        ("Banque Misr S.A.E.", "sae"),
        ("Kuwait Oil Tanker Company S.A.K.", "sak"),
        ("Kuwait Oil Tanker Company K.S.C.", "sak"),
    ],
)
def test_gulf_and_egyptian_legal_forms(name: str, form: str) -> None:
    assert form in normalize_name(name, "organization").legal_forms


def test_a_kuwaiti_shareholding_company_is_one_form_however_written() -> None:
    """S.A.K. (Société Anonyme Kuwaitienne) is what K.S.C. and its public and closed kinds
    say: a form, not a word of the name the query lacks."""
    entry = "Kuwait Oil Tanker Company S.A.K."
    assert score_in("Kuwaiti Oil Tankers Company", entry, "kw") >= DEFAULT_THRESHOLD
    assert score_in("Kuwait Oil Tanker Company K.S.C.P.", entry, "kw") >= DEFAULT_THRESHOLD
    assert score_in("شركة ناقلات النفط الكويتية", entry, "kw") >= DEFAULT_THRESHOLD


def test_the_banks_of_one_country_stay_apart() -> None:
    assert score_in("بنك الكويت الوطني", "National Bank of Kuwait S.A.K.P.", "kw") >= (
        DEFAULT_THRESHOLD
    )
    assert score_in("بنك الكويت الوطني", "Commercial Bank of Kuwait K.P.S.C.", "kw") < (
        DEFAULT_THRESHOLD
    )
    assert score_in("المصرف العراقي للتجارة", "Commercial Bank of Iraq P.S.C.", "iq") < (
        DEFAULT_THRESHOLD
    )
    assert score_in("البنك الأهلي المصري", "Central Bank of Egypt", "eg") < DEFAULT_THRESHOLD
    assert score("Iraqi Airways", "Iranian Airways") < DEFAULT_THRESHOLD


def test_a_description_is_no_brand_of_a_longer_name() -> None:
    # the query's words are generic words and a place: the entry's own generic word counts
    # in full, as it would were the query the longer name
    assert score_in("Syrian Oil Company", "Syrian Company for Oil Transport", "sy") < 0.85
    assert score_in("الشركة السورية للنفط", "Syrian Company for Oil Transport", "sy") < (
        DEFAULT_THRESHOLD
    )
    # a brand that is a place keeps its longer name ("Emirates" / "Emirates Airline")
    assert score_in("Emirates", "Emirates Airline", "ae") >= DEFAULT_THRESHOLD


def test_and_written_as_a_word_is_dropped() -> None:
    found = glossary_reading("سازمان بنادر و دریانوردی")
    assert found is not None
    assert found.text == "organization ports maritime"
    assert score_in("سازمان بنادر و دریانوردی", "Ports and Maritime Organization", "ir") >= (
        DEFAULT_THRESHOLD
    )
    assert score_in(
        "Sazman-e Banader va Daryanavardi", "Ports and Maritime Organization", "ir"
    ) >= (DEFAULT_THRESHOLD)
    assert score_in("سازمان بنادر و دریانوردی", "Civil Aviation Organization of Iran", "ir") < (
        DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize(
    ("name", "english", "written"),
    [
        ("بنك المغرب", "bank morocco", "bank maghrib"),
        ("بنك مصر", "bank egypt", "bank misr"),
        ("بنك الإمارات", "bank emirates", "bank emarat"),
    ],
)
def test_a_country_read_in_english_and_as_written(name: str, english: str, written: str) -> None:
    found = glossary_reading(name)
    assert found is not None
    assert (found.text, found.alternate) == (english, written)


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("Etihad Airways", "الاتحاد للطيران", "ae"),
        ("Cairo University", "جامعة القاهرة", "eg"),
        ("King Saud University", "جامعة الملك سعود", "sa"),
        ("Suez Canal Authority", "هيئة قناة السويس", "eg"),
        ("Saudi Basic Industries Corporation", "الشركة السعودية للصناعات الأساسية", "sa"),
    ],
)
def test_places_ports_and_the_words_of_groups_and_universities(
    query: str, name: str, country: str
) -> None:
    assert score_in(query, name, country) >= DEFAULT_THRESHOLD


def test_a_university_of_another_city_stays_apart() -> None:
    assert score_in("Alexandria University", "جامعة القاهرة", "eg") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # جهاز: an authority; الاستثمارات: investments
        ("جهاز قطر للاستثمار", "Qatar Investment Authority"),
        ("جهاز أبوظبي للاستثمار", "Abu Dhabi Investment Authority"),
        ("صندوق الاستثمارات العامة", "Public Investment Fund"),
        ("الشركة الليبية للاستثمارات الخارجية", "Libyan Foreign Investment Company"),
        # بيت: a house; سوريا: Syria; الذرية: atomic; ناقلات: tankers; الأول: first
        ("بيت التمويل الكويتي", "Kuwait Finance House"),
        ("مصرف سوريا المركزي", "Central Bank of Syria"),
        ("هيئة الطاقة الذرية", "Atomic Energy Authority"),
        ("شركة ناقلات النفط الكويتية", "Kuwait Oil Tanker Company"),
        ("بنك أبوظبي الأول", "First Abu Dhabi Bank"),
        # تسويق: marketing; الحشد الشعبي: popular mobilization; توفير: savings; خارجي:
        # foreign; حركة المقاومة: resistance movement
        ("شركة تسويق النفط", "Oil Marketing Company"),
        ("هيئة الحشد الشعبي", "Popular Mobilization Forces"),
        ("مصرف التوفير", "Savings Bank"),
        ("المصرف الليبي الخارجي", "Libyan Foreign Bank"),
        ("حركة المقاومة الإسلامية", "Islamic Resistance Movement"),
        # الغازات الطبيعية: natural gas; مناجم: mines; الكهرباء: electricity, or electric
        # power; الخطوط: lines, or airlines; Foreign is External (Banque Extérieure)
        ("الشركة القابضة للغازات الطبيعية", "Egyptian Natural Gas Holding Company"),
        ("شركة مناجم الفوسفات الأردنية", "Jordan Phosphate Mines Company"),
        ("شركة الكهرباء الأردنية", "Jordan Electric Power Company"),
        ("الخطوط الملكية المغربية", "Royal Air Maroc"),
        ("بنك الجزائر الخارجي", "Banque Extérieure d'Algérie"),
        # the adjectives of countries, with the article: Iranian, Chinese
        ("شركة النفط الوطنية الإيرانية", "National Iranian Oil Company"),
        ("الشركة الصينية للبترول", "Chinese Petroleum Company"),
        # شركة, a company, before a brand no table reads: a form descriptor as romanised
        ("شركة معادن", "Saudi Arabian Mining Company (Ma'aden)"),
        # مصرفية: banking; بترولية: petroleum; هيئة الطاقة الذرية: the atomic energy
        # commission, or authority; گسترش و نوسازی: development and renovation
        ("شركة الراجحي المصرفية للاستثمار", "Al Rajhi Banking and Investment Corporation"),
        ("الشركة العربية للاستثمارات البترولية", "Arab Petroleum Investments Corporation"),
        ("هيئة الطاقة الذرية السورية", "Atomic Energy Commission of Syria"),
        (
            "سازمان گسترش و نوسازی صنایع ایران",
            "Industrial Development and Renovation Organization of Iran",
        ),
    ],
)
def test_arab_funds_authorities_banks_and_movements_read_in_english(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_the_rest_of_a_country_s_name_beside_its_first_word_counts_nothing() -> None:
    # "Saudi" matched, "Arabia" beside it is the rest of the country's name
    assert (
        score_in(
            "الشركة الوطنية السعودية للنقل البحري",
            "National Shipping Company of Saudi Arabia",
            "sa",
        )
        >= DEFAULT_THRESHOLD
    )
    # "Arab" of an Arab state's name ("Syrian Arab Republic")
    assert score("Syrianair", "Syrian Arab Airlines") >= DEFAULT_THRESHOLD
    assert score("Arab Bank", "Jordan Bank") < DEFAULT_THRESHOLD
    # the words of a state's official name beside its country's ("Republic of Iraq"), but
    # not before its people's adjective: Republika Srpska is not Serbia
    assert (
        score_in("Iraqi Ministry of Oil", "Ministry of Oil of the Republic of Iraq", "iq")
        >= DEFAULT_THRESHOLD
    )
    assert (
        score_in("Central Bank of the Republic of Turkey", "Central Bank of Turkey", "tr")
        >= DEFAULT_THRESHOLD
    )
    assert (
        score("Electric Power Industry of Republika Srpska", "Electric Power Industry of Serbia")
        < DEFAULT_THRESHOLD
    )
    assert (
        score_in(
            "Electric Power Industry of Republika Srpska", "Electric Power Industry of Serbia", "rs"
        )
        < DEFAULT_THRESHOLD
    )
    assert (
        score_in(
            "Korea Mining Company", "Democratic People's Republic of Korea Mining Company", "kp"
        )
        < DEFAULT_THRESHOLD
    )
    # a city of the same country is another body's (Indian Institutes of Technology)
    assert (
        score("Indian Institute of Technology Delhi", "Indian Institute of Technology Bombay")
        < DEFAULT_THRESHOLD
    )
