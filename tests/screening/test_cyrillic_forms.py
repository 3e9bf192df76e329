"""Company forms of Ukraine, Belarus and Kazakhstan in Cyrillic and in their English names:
the additional liability company (ТДВ, ОДО; ALC), the Belarusian private unitary enterprise
(ЧУП, ЧТУП; PUE) and joint and foreign LLCs (СООО, ИООО; JLLC, FLLC), and the closed and open
joint-stock companies (ЗАТ, ЖАҚ, ААҚ); Russia's international joint-stock companies (МКПАО,
IPJSC; МКАО, IJSC) and its joint-stock company АК."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import score_in


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("ТДВ «Альфа»", "alc"),
        ("ОДО «Альфа»", "alc"),
        ("Alfa Additional Liability Company", "alc"),
        ("ЧУП «Альфа»", "pue"),
        ("ЧТУП «Альфа»", "pue"),
        ("Alfa Private Unitary Enterprise", "pue"),
        ("СООО «Альфа»", "ooo"),
        ("ИООО «Альфа»", "ooo"),
        ("Alfa JLLC", "ooo"),
        ("ЗАТ «Альфа»", "cjsc"),
        ("ЖАҚ «Альфа»", "cjsc"),
        ("ААҚ «Альфа»", "ojsc"),
        # Russia's international public joint-stock company, as it writes itself in English
        ("МКПАО «Альфа»", "mkpao"),
        ("Alfa IPJSC", "mkpao"),
        ("Alfa International Public Joint Stock Company", "mkpao"),
        ("Alfa IJSC", "mkao"),
    ],
)
def test_the_forms_are_read_as_forms(name: str, form: str) -> None:
    found = normalize_name(name, "organization")
    assert found.legal_forms == (form,)
    assert found.tokens == ("alfa",)


@pytest.mark.parametrize(
    ("query", "entry", "country"),
    [
        ("ЧУП «Альфа-Трейд»", "Alfa-Trade Private Unitary Enterprise", "by"),
        ("ЧТУП «Белтехимпорт»", "Beltekhimport Private Trading Unitary Enterprise", "by"),
        ("ОДО «Белтехимпорт»", "Beltekhimport ALC", "by"),
        ("СООО «Мобильные ТелеСистемы»", "Mobile TeleSystems JLLC", "by"),
        ("ИООО «Белтехимпорт»", "Beltekhimport FLLC", "by"),
        ("ЗАТ «Київстар»", "Kyivstar CJSC", "ua"),
        ("МКПАО «ВК»", "VK IPJSC", "ru"),
        # АК, a joint-stock company, in capitals
        ("АК «АЛРОСА» (ПАО)", "PJSC ALROSA", "ru"),
    ],
)
def test_a_company_is_found_by_its_english_name(query: str, entry: str, country: str) -> None:
    assert score_in(query, entry, country) >= DEFAULT_THRESHOLD


def test_a_name_word_that_spells_a_form_stays_when_nothing_else_names_it() -> None:
    assert normalize_name("Odo Trading", "organization").tokens == ("odo", "trading")
