"""Words contracting several words of a name ("Exim": Export-Import; "Selhozbank":
Agricultural Bank, as the Cyrillic "Россельхозбанк" is transliterated), with a prefix naming a
country ("Roseximbank", "KEXIM", "Ukrzaliznytsia"), and an airline's brand joining a country
to "air" ("Syrianair"), read as their words."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.romanised import joined_words_reading
from tests.screening.names import score_in


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("China Eximbank", "China export import bank"),
        ("Roseximbank", "russian export import bank"),
        ("Ukreximbank", "ukrainian export import bank"),
        ("KEXIM", "korea export import"),
        ("Syrianair", "syrian air"),
        # Russian and Ukrainian banks and railways, in Cyrillic as transliterated
        ("АО «Россельхозбанк»", "АО «russian agricultural bank»"),
        ("Укрзалізниця", "ukrainian railways"),
        ("Oschadbank", "state savings bank"),
        # no contraction: a word ending in "air" that is no country's
        ("Corsair Capital", None),
        ("Mahan Air", None),
    ],
)
def test_contracted_words_written_out(name: str, expected: str | None) -> None:
    found = joined_words_reading(name)
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("China Eximbank", "The Export-Import Bank of China", "cn"),
        ("Roseximbank", "JSC Russian Export-Import Bank", "ru"),
        ("KEXIM", "The Export-Import Bank of Korea", "kr"),
        ("Afreximbank", "African Export-Import Bank", "eg"),
        ("АО «Россельхозбанк»", "Russian Agricultural Bank", "ru"),
        ("АО «Укрзалізниця»", "JSC Ukrainian Railways", "ua"),
        ("Oschadbank", "JSC State Savings Bank of Ukraine", "ua"),
        ("VakıfBank", "Türkiye Vakıflar Bankası T.A.O.", "tr"),
    ],
)
def test_exim_banks_meet_their_names(query: str, name: str, country: str) -> None:
    assert score_in(query, name, country) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        # another country's export-import bank
        ("China Eximbank", "Export-Import Bank of the United States", "us"),
        ("Roseximbank", "The Export-Import Bank of Korea", "kr"),
        ("KEXIM", "The Export-Import Bank of China", "cn"),
        # a trading company of the same words
        ("China Eximbank", "China National Electronics Import & Export Corporation", "cn"),
        # another Turkish state bank
        ("VakıfBank", "Türkiye Ziraat Bankası A.Ş.", "tr"),
    ],
)
def test_exim_banks_of_other_countries_stay_apart(query: str, name: str, country: str) -> None:
    assert score_in(query, name, country) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        # the export-import banks' words in Arabic script and romanised
        ("بنك التصدير والاستيراد السعودي", "Saudi Export-Import Bank", "sa"),
        ("Bank al-Tasdir wal-Istirad al-Saudi", "Saudi Export-Import Bank", "sa"),
        ("البنك الأفريقي للتصدير والاستيراد", "African Export-Import Bank", "eg"),
        # an Arab state body's words romanised, the article between the words of a phrase
        ("al-Khutut al-Jawiya al-Iraqiya", "Iraqi Airways Company", "iq"),
        ("al-Masraf al-Iraqi lil-Tijara", "Trade Bank of Iraq", "iq"),
        ("Al-Khutut al-Jawiya al-Malakiya al-Urduniya", "Royal Jordanian Airlines", "jo"),
        # the nisba adjectives of more Arab countries romanised
        ("Sharikat al-Ittisalat al-Filastiniya", "Palestine Telecommunications Company", "ps"),
        ("Sharikat al-Ittisalat al-Umaniya", "Oman Telecommunications Company", "om"),
        ("Sharikat al-Ittisalat al-Bahrainiya", "Bahrain Telecommunications Company", "bh"),
        # هيئة: an authority, or a state corporation
        ("الهيئة المصرية العامة للبترول", "Egyptian General Petroleum Corporation", "eg"),
    ],
)
def test_arabic_names_of_export_import_banks_and_state_bodies(
    query: str, name: str, country: str
) -> None:
    assert score_in(query, name, country) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "name", "country"),
    [
        ("بنك التصدير والاستيراد السعودي", "Saudi Industrial Development Fund", "sa"),
        ("البنك الأفريقي للتصدير والاستيراد", "African Development Bank", "ci"),
        ("al-Masraf al-Iraqi lil-Tijara", "Commercial Bank of Iraq P.S.C.", "iq"),
        ("Sharikat al-Ittisalat al-Filastiniya", "Bahrain Telecommunications Company", "bh"),
        ("الهيئة المصرية العامة للبترول", "Egyptian Natural Gas Holding Company", "eg"),
    ],
)
def test_arabic_names_of_other_banks_stay_apart(query: str, name: str, country: str) -> None:
    assert score_in(query, name, country) < DEFAULT_THRESHOLD
