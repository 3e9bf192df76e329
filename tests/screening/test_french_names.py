"""Organisation names in French read in English: the company words of North African,
Levantine and international bodies' French names (Banque, Compagnie, Société, Nationale,
Centrale), the elided article and preposition (d', l'), a name read whole as generic words,
and the bodies sharing those words kept apart."""

from __future__ import annotations

import pytest

from standing.screening.french import french_reading
from standing.screening.match.config import DEFAULT_THRESHOLD
from tests.screening.names import score, score_in


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Banque Nationale d'Algérie", "bank national Algérie"),
        ("BANQUE NATIONALE D'ALGERIE", "bank national ALGERIE"),
        ("Banque Centrale de Tunisie", "bank central Tunisie"),
        ("Compagnie Tunisienne de Navigation", "company tunisian Navigation"),
        ("Banque Misr S.A.E.", "bank Misr S.A.E."),
        ("Banque de l'Habitat", "bank housing"),
    ],
)
def test_french_company_words_read_in_english(name: str, expected: str) -> None:
    found = french_reading(name)
    assert found is not None
    assert found.text == expected
    assert not found.generic


@pytest.mark.parametrize(
    "name",
    [
        "Deutsche Bank AG",  # no French word
        "Banque",  # one word
        "L'Oréal S.A.",  # the elided article of the name's first word stays: a brand
        "Bank Misr",
    ],
)
def test_names_without_french_words_are_not_read(name: str) -> None:
    assert french_reading(name) is None


def test_a_name_of_generic_words_only_is_read_as_generic() -> None:
    found = french_reading("Société Générale")
    assert found is not None
    assert found.text == "company general"
    assert found.generic


@pytest.mark.parametrize(
    ("query", "listed", "country"),
    [
        ("National Bank of Algeria", "Banque Nationale d'Algérie", "dz"),
        ("البنك الوطني الجزائري", "Banque Nationale d'Algérie", "dz"),
        ("al-Bank al-Watani al-Jazairi", "Banque Nationale d'Algérie", "dz"),
        ("Central Bank of Tunisia", "Banque Centrale de Tunisie", "tn"),
        ("البنك المركزي التونسي", "Banque Centrale de Tunisie", "tn"),
        ("Tunisian Navigation Company", "Compagnie Tunisienne de Navigation", "tn"),
        ("الشركة التونسية للملاحة", "Compagnie Tunisienne de Navigation", "tn"),
        ("Bank Misr", "Banque Misr S.A.E.", "eg"),
        ("بنك مصر", "Banque Misr S.A.E.", "eg"),
    ],
)
def test_french_names_meet_their_english_and_arabic_names(
    query: str, listed: str, country: str
) -> None:
    assert score_in(query, listed, country) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed", "country"),
    [
        ("Central Bank of Libya", "Banque Centrale de Tunisie", "tn"),
        ("Banque Extérieure d'Algérie", "Banque Nationale d'Algérie", "dz"),
        ("National Bank of Algeria", "Banque Extérieure d'Algérie", "dz"),
        ("Compagnie Marocaine de Navigation", "Compagnie Tunisienne de Navigation", "tn"),
        ("Banque du Caire S.A.E.", "Banque Misr S.A.E.", "eg"),
        ("بنك مصر", "Banque du Caire S.A.E.", "eg"),
    ],
)
def test_french_names_sharing_words_stay_apart(query: str, listed: str, country: str) -> None:
    assert score_in(query, listed, country) < DEFAULT_THRESHOLD


def test_a_generic_french_name_does_not_meet_any_generic_english_name() -> None:
    assert score("General Company", "Société Générale") < DEFAULT_THRESHOLD
