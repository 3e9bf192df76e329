"""Company forms written in Arabic script (`data/arabic_legal_forms.tsv`): the abbreviations
of the Gulf, Egypt and Lebanon (ذ.م.م, ش.م.ع, ش.م.ك.ع, ش.م.س) and the forms of Iran written
out (سهامی خاص, با مسئولیت محدود) are forms, cut before the name is romanised, not words of
the name its English name lacks; their words are not read as the name's ("عام" of a public
joint-stock company is no "general")."""

from __future__ import annotations

import pytest

from standing.screening.glossary import reading
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import score, score_in


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("شركة النور للتجارة ذ.م.م", "llc"),
        ("شركة النور للتجارة ذ. م. م.", "llc"),
        ("شركة النور للتجارة (ذ م م)", "llc"),
        ("شركة النور ذات المسؤولية المحدودة", "llc"),
        ("شركة دانة غاز ش.م.ع", "pjsc"),
        ("بنك مسقط ش.م.ع.ع", "saog"),
        ("بنك الخليج المتحد ش.م.ب", "bsc"),
        ("شركة الاتصالات المتنقلة ش.م.ك.ع", "kscp"),
        ("شركة المراعي ش.م.س", "jsc"),
        ("بنك بيروت ش.م.ل", "sal"),
        ("شركة صحارى للتجارة المحدودة", "ltd"),
        ("شرکت پتروشیمی مارون (سهامی خاص)", "jsc"),
        ("شركت پتروشيمي مارون سهامي خاص", "jsc"),  # Arabic ي and ك
        ("شرکت فولاد خوزستان سهامی عام", "pjsc"),
        ("شرکت مهندسی کاوش با مسئولیت محدود", "llc"),
    ],
)
def test_the_forms_are_read_as_forms(name: str, form: str) -> None:
    assert normalize_name(name, "organization").legal_forms == (form,)


def test_letters_written_together_are_a_word() -> None:
    """ذمم (debts) is a word; the form's letters are written with dots or spaces."""
    assert normalize_name("مكتب ذمم", "organization").legal_forms == ()


def test_a_form_s_words_are_not_read_as_the_name_s() -> None:
    found = reading("شرکت فولاد خوزستان سهامی عام")
    assert found is not None
    assert "general" not in found.text
    assert found.text.startswith("company steel khuzestan")


@pytest.mark.parametrize(
    ("query", "entry", "country"),
    [
        ("شركة النور للتجارة ذ.م.م", "Al Noor Trading LLC", "ae"),
        ("النور للتجارة العامة ذ.م.م", "Al Noor General Trading LLC", "ae"),
        ("بنك الخليج الأول ش.م.ع", "First Gulf Bank PJSC", "ae"),
        ("شركة دانة غاز ش.م.ع", "Dana Gas PJSC", "ae"),
        ("بنك الخليج المتحد ش.م.ب", "United Gulf Bank B.S.C.", "bh"),
        ("شركة الاتصالات المتنقلة ش.م.ك.ع", "Mobile Telecommunications Company K.S.C.P.", "kw"),
        ("شركة النسيم ذات المسؤولية المحدودة", "Al Naseem Company LLC", "sa"),
        ("شرکت پتروشیمی مارون سهامی خاص", "Marun Petrochemical Company", "ir"),
        ("شرکت صنایع الکترونیک ایران سهامی خاص", "Iran Electronics Industries", "ir"),
        ("شرکت فولاد خوزستان سهامی عام", "Khouzestan Steel Company", "ir"),
        ("شرکت مهندسی کاوش با مسئولیت محدود", "Kavosh Engineering Company LLC", "ir"),
        ("شركة المراعي ش.م.س", "Almarai Company", "sa"),
        ("مصرف الراجحي ش.م.س", "Al Rajhi Bank", "sa"),
    ],
)
def test_a_company_is_found_by_its_name_with_its_form_in_arabic_script(
    query: str, entry: str, country: str
) -> None:
    assert score_in(query, entry, country) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("بنك الخليج الأول ش.م.ع", "Gulf Bank K.S.C.P."),
        ("شرکت فولاد خوزستان سهامی عام", "Mobarakeh Steel Company"),
        ("شركة النور للتجارة ذ.م.م", "Al Nour Petroleum LLC"),
    ],
)
def test_another_company_with_the_form_stays_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


def test_real_estate_is_rendered_properties_too() -> None:
    assert score("شركة النور العقارية", "Al Noor Properties") >= DEFAULT_THRESHOLD
