"""Company forms of Spain, Peru, France, Italy, Canada, Ireland, Norway, Sweden and the Gulf
that rigour's database lacks: forms, not words of the name a query lacks, and an abbreviation
that also starts names ("SL Green Realty", "HB Fuller", "SCI Engineered Materials") a form
only as the name's last word."""

from __future__ import annotations

import pytest

from standing.screening.match import Query
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import listed_in, matcher, score, score_in


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Telefónica Digital España S.L.U.", "sl"),
        ("Acme Trading S.L.", "sl"),
        ("Alicorp S.A.A.", "saa"),
        ("Minera Acme S.A.C.", "sac"),
        ("Acme Conseil SASU", "sas"),
        ("SCI du Parc", None),  # first: a name's word
        ("Acme Immobilier SCI", "sci"),
        ("Acme Servizi S.R.L.S.", "srl"),
        ("Acme Logistique Ltée", "ltd"),
        ("Acme Teo.", "ltd"),
        ("Acme Holdings ULC", "ulc"),
        ("Acme Aviation Designated Activity Company", "dac"),
        ("Acme Shipping ASA", "asa"),
        ("Acme Handelsbolag", "hb"),
        ("Acme Trading W.L.L.", "wll"),
        ("Acme Bank B.S.C.", "bsc"),
    ],
)
def test_the_forms_are_read_as_forms(name: str, form: str | None) -> None:
    assert normalize_name(name, "organization").legal_forms == ((form,) if form else ())


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("SL Green Realty", ("sl", "green", "realty")),
        ("HB Fuller Company", ("hb", "fuller", "company")),
        ("SCI Engineered Materials", ("sci", "engineered", "materials")),
        ("DAC Beachcroft", ("dac", "beachcroft")),
    ],
)
def test_an_abbreviation_that_starts_a_name_is_a_word_of_it(
    name: str, tokens: tuple[str, ...]
) -> None:
    assert normalize_name(name, "organization").tokens == tokens


@pytest.mark.parametrize(
    ("query", "entry", "country"),
    [
        ("Telefonica Digital Espana", "Telefónica Digital España S.L.U.", "es"),
        ("Acme Trading S.L.", "Acme Trading Sociedad Limitada", "es"),
        ("Acme Trading Co. W.L.L.", "Acme Trading Company WLL", "bh"),
        ("Acme Logistique Limitée", "Acme Logistique Ltée", "ca"),
        # forms written out beside their abbreviations
        ("Acme Logistique Société à responsabilité limitée", "Acme Logistique SARL", "fr"),
        ("Acme Logistique Société par actions simplifiée", "Acme Logistique SAS", "fr"),
        ("Acme Logistika s.r.o.", "Acme Logistika společnost s ručením omezeným", "cz"),
        ("Acme Logisztika Zrt.", "Acme Logisztika Zártkörűen Működő Részvénytársaság", "hu"),
        ("Acme Logistika UAB", "Acme Logistika uždaroji akcinė bendrovė", "lt"),
        ("Acme Logistika SIA", "Acme Logistika sabiedrība ar ierobežotu atbildību", "lv"),
        ("Acme Flutningar ehf.", "Acme Flutningar einkahlutafélag", "is"),
        # Ukraine's private joint-stock company in English, as its companies write it
        ("ПрАТ «Київстар»", "Kyivstar PrJSC", "ua"),
        ("Kyivstar", "Kyivstar PrJSC", "ua"),
        # a form ending with the word the name begins with: the name keeps it
        ("Bank of Moscow", "Joint Stock Commercial Bank Bank of Moscow", "ru"),
    ],
)
def test_a_company_is_found_with_or_without_its_form(query: str, entry: str, country: str) -> None:
    assert score_in(query, entry, country) >= DEFAULT_THRESHOLD


def test_a_spanish_company_against_a_german_one_is_a_conflict() -> None:
    result = matcher.score(
        Query.of("Acme Trading S.L.", schema="Company"), listed_in("Acme Trading GmbH", "de")
    )
    assert result.features["legal_forms"]["conflict"] is True


@pytest.mark.parametrize(
    ("query", "entry", "country"),
    [
        ("Acme Trading (S) Pte Ltd", "Acme Trading Pte. Ltd.", "sg"),
        ("Acme Trading (M) Sdn Bhd", "Acme Trading Sdn. Bhd.", "my"),
        ("Acme Trading (P) Ltd", "Acme Trading Private Limited", "in"),
    ],
)
def test_a_country_s_letter_before_its_form_says_nothing_more(
    query: str, entry: str, country: str
) -> None:
    """Singapore's (S) before Pte Ltd and Malaysia's (M) before Sdn Bhd repeat what the form
    says; India's (P) Ltd is a private limited company."""
    assert score_in(query, entry, country) >= DEFAULT_THRESHOLD


def test_a_letter_in_brackets_elsewhere_is_the_name_s() -> None:
    assert normalize_name("Acme Trading (S) Holdings", "organization").tokens == (
        "acme",
        "trading",
        "s",
        "holdings",
    )


def test_irans_public_joint_stock_company_in_english() -> None:
    assert score("Bank Mellat PJS", "Bank Mellat PJSC") >= DEFAULT_THRESHOLD
