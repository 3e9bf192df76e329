"""A group's company abroad: a registered name that is the query's with a region of several
countries, or a country where the query's legal form does not exist, is another company of
the group; a country where that form exists may be the company's own."""

from __future__ import annotations

import pytest

from standing.screening.match import DEFAULT_THRESHOLD
from tests.screening.names import score_in

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
