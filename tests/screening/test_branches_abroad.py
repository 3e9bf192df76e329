"""A group's company abroad: a registered name that is the query's with a region of several
countries, or a country where the query's legal form does not exist, is another company of
the group; a country where that form exists may be the company's own."""

from __future__ import annotations

import pytest

from standing.screening.match import DEFAULT_THRESHOLD, MatchResult, Query
from tests.screening.names import listed_in, matcher, score_in

ABROAD = [
    ("Toyota Motor Corporation", "Toyota Motor North America, Inc.", "us"),
    ("トヨタ自動車株式会社", "Toyota Motor North America, Inc.", "us"),
    ("日野自動車株式会社", "Hino Motors Sales USA, Inc.", "us"),
    ("ПАО «Сбербанк»", "Sberbank Europe AG", "at"),
    ("Kaspersky Lab JSC", "Kaspersky Lab UK Limited", "gb"),
    ("Huawei Technologies Co., Ltd.", "Huawei Technologies USA Inc.", "us"),
    ("PJSC Gazprom Neft", "Gazprom Neft Middle East B.V.", "nl"),
    ("Samsung Electronics Co., Ltd.", "Samsung Electronics Asia Pacific Pte. Ltd.", "sg"),
]

OWN = [
    ("PAO Sberbank", "Sberbank of Russia", "ru"),
    ("Aeroflot PJSC", "Aeroflot - Russian Airlines PJSC", "ru"),
    # no legal form: a brand, which may be the company abroad's
    ("Hino Motors", "Hino Motors Sales USA, Inc.", "us"),
]


@pytest.mark.parametrize(("query", "listed", "country"), ABROAD)
def test_the_group_s_company_abroad_is_another_company(
    query: str, listed: str, country: str
) -> None:
    assert score_in(query, listed, country) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(("query", "listed", "country"), OWN)
def test_the_company_s_own_country_or_a_brand_still_matches(
    query: str, listed: str, country: str
) -> None:
    assert score_in(query, listed, country) >= DEFAULT_THRESHOLD


def _given_in(query: str, query_country: str, listed: str, country: str) -> MatchResult:
    return matcher.score(
        Query.of(query, query_country, schema="Company"), listed_in(listed, country)
    )


@pytest.mark.parametrize(
    ("query", "query_country", "listed", "country", "conflict"),
    [
        # a registered name with its country's legal form, against a listed name without one
        # of a country where that form does not exist: another company
        ("Belarusian Potash Corporation Ltd", "gb", "Belarusian Potash Company", "by", True),
        ("Mahin Air LLC", "ae", "Mahan Air", "ir", True),
        # and the other way round
        ("Belarusian Potash Company", "by", "Belarusian Potash Corporation Ltd", "gb", True),
        # no country given for the query: its form alone says nothing of where it is registered
        ("Belarusian Potash Corporation Ltd", "", "Belarusian Potash Company", "by", False),
        # the form exists where the body is listed
        ("Belarusian Potash Company OJSC", "gb", "Belarusian Potash Company", "by", False),
        # the form is not of the query's own country
        ("Mahan Air Ltd", "ae", "Mahan Air", "ir", False),
    ],
)
def test_a_form_of_the_query_s_country_against_a_body_listed_elsewhere_is_another_company(
    query: str, query_country: str, listed: str, country: str, conflict: bool
) -> None:
    result = _given_in(query, query_country, listed, country)
    assert result.features["legal_forms"]["conflict"] is conflict
    if conflict:
        assert result.score < DEFAULT_THRESHOLD
