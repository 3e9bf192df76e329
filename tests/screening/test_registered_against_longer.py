"""A registered name, with its legal form, says all of its company's name: a name without a
form that adds a word of a name of its own is another company's, not the brand inside a
longer name it would be the other way round."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from tests.screening.names import score


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("PT Bank Mandiri (Persero) Tbk", "Bank Mandiri Taspen"),
        ("Kaspersky Lab JSC", "Kaspersky Lab Antivirus Laboratory Ilyin"),
        # with a form of its own too, a word of its own after the query's
        ("ПАО «Россети»", "Rosseti Lenenergo PJSC"),
        ("PJSC Rosseti", "PJSC Rosseti Lenenergo"),
        ("Alrosa PJSC", "Alrosa Nyurba JSC"),
        # a brand without a form, another company's own word between its words
        ("Sinopec Oilfield", "Sinopec Shengli Oilfield Company"),
        ("China Mobile Communications", "China Mobile Tietong Communications Co., Ltd."),
    ],
)
def test_a_longer_name_with_a_name_of_its_own_is_another_company(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # words saying what the company does, which its registered name may leave out
        ("JSC Almaz-Antey", "Almaz-Antey Air and Space Defence Concern"),
        ("Rosoboronexport JSC", "Rosoboronexport State Corporation"),
        # the other way round, the brand inside the longer registered name
        ("Bank Mandiri", "PT Bank Mandiri (Persero) Tbk"),
        # an entry with a form: a short word that may be an acronym of what it is, and a
        # parent's acronym before the name
        ("Inter RAO PJSC", "Inter RAO UES PJSC"),
        ("Rostelecom PJSC", "Rostelecom Long Distance Telecommunications PJSC"),
        (
            "Chengdu Aircraft Industrial Group Co., Ltd.",
            "AVIC Chengdu Aircraft Industrial (Group) Co., Ltd.",
        ),
    ],
)
def test_words_of_what_it_does_or_of_its_kind_leave_it_the_company(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("NPO Almaz", "NPO Almaz-Antey"),
        ("Granit", "JSC Concern Granit-Elektron"),
        ("Sberbank", "Sberbank-AST JSC"),
        # a name written all in capitals shows no acronym
        ("Antey", "NPO ALMAZ-ANTEY"),
    ],
)
def test_a_word_of_a_hyphened_compound_is_not_its_brand(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Almaz-Antey", "Almaz-Antey Air and Space Defence Concern"),
        ("Almaz Antey", "JSC Concern VKO Almaz-Antey"),
        # the acronym in capitals of the group it belongs to, joined before its name
        ("Perm Motors", "JSC UEC-Perm Motors"),
        ("Aviadvigatel", "JSC UEC-Aviadvigatel"),
    ],
)
def test_the_compound_itself_is_the_brand(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD
