"""Company forms written in Thai, Hebrew, Georgian, Armenian and Greek script
(`data/script_legal_forms.tsv`, and the Greek ones transliterated), and the Polish, Finnish,
Norwegian, Italian, Mexican and Thai forms written out in Latin letters, and the Kyrgyz and
Mongolian limited liability companies in Cyrillic (ОсОО, ХХК): forms, not words of
the name its English name lacks."""

from __future__ import annotations

import pytest

from standing.screening.glossary import reading
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import score_in


@pytest.mark.parametrize(
    ("name", "forms"),
    [
        ("บริษัท ปตท. จำกัด (มหาชน)", {"pcl", "co"}),
        ("บริษัท ไทยเบฟเวอเรจ จำกัด", {"coltd", "co"}),
        ('אלביט מערכות בע"מ', {"ltd"}),
        ("בנק הפועלים בע״מ", {"ltd"}),
        ("შპს ვისოლ", {"llc"}),
        ("სს საქართველოს ბანკი", {"jsc"}),
        ("ՍՊԸ Ուքրաֆթ", {"llc"}),
        ("ՓԲԸ Արմենտել", {"cjsc"}),
        ("Παπαδόπουλος Ε.Π.Ε.", {"ltd"}),
        ("ΑΚΜΕ ΜΟΝΟΠΡΟΣΩΠΗ Ι.Κ.Ε.", {"ike"}),
        ("PTT Public Company Limited", {"pcl"}),
        ("PTT PCL", {"pcl"}),
        ("Acme Spółka Akcyjna", {"sa"}),
        ("Acme Osakeyhtiö", {"oy"}),
        ("Acme Aksjeselskap", {"as"}),
        ("Acme Società a responsabilità limitata", {"srl"}),
        ("Acme S. de R.L.", {"srl"}),
        ("ОсОО «Кумтор Голд Компани»", {"ooo"}),
        ("Оюу толгой ХХК", {"llc"}),
    ],
)
def test_the_forms_are_read_as_forms(name: str, forms: set[str]) -> None:
    assert set(normalize_name(name, "organization").legal_forms) == forms


def test_a_letter_run_inside_a_word_is_no_form() -> None:
    """სს is a form as a word of its own, not the letters inside another word."""
    assert normalize_name("სსიპ ტექნიკური უნივერსიტეტი", "organization").legal_forms == ()


@pytest.mark.parametrize(
    ("query", "entry", "country"),
    [
        ("ՓԲԸ Արմենտել", "Armentel CJSC", "am"),
        ("ՍՊԸ Ուքրաֆթ", "Ucraft LLC", "am"),
        ('שטראוס גרופ בע"מ', "Strauss Group Ltd.", "il"),
        ("Παπαδόπουλος Ε.Π.Ε.", "Papadopoulos Ltd", "gr"),
        ("PTT PCL", "PTT Public Company Limited", "th"),
        ("Acme Spółka Akcyjna", "Acme S.A.", "pl"),
        ("შპს ვისოლ", "Wissol LLC", "ge"),
        ("ОсОО «Кумтор Голд Компани»", "Kumtor Gold Company CJSC", "kg"),
    ],
)
def test_a_company_is_found_with_its_form_in_its_own_script(
    query: str, entry: str, country: str
) -> None:
    assert score_in(query, entry, country) >= DEFAULT_THRESHOLD


def test_a_mongolian_plant_is_read_in_english() -> None:
    found = reading("Эрдэнэт үйлдвэр ХХК")
    assert found is not None
    assert found.text.split() == ["Эрдэнэт", "plant", "ХХК"]
