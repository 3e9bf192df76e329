"""A group's companies named by their line of business ("Sumitomo Chemical", "Furukawa
Electric") against the group's company named by the brand alone: siblings, scored below the
threshold, while a brand inside its company's longer name still matches. The list gives the
words their rarity, as a screening index does: the brand is rare, the lines of business
common."""

from __future__ import annotations

import pytest

from standing.screening.match import Query, Screener
from standing.screening.model import Entry, EntryName

_LISTED = [
    "Norland Corporation",
    "Norland Co., Ltd.",
    "PJSC Velmar",
    "Ardent Chemical Industries Ltd.",
    "Bayview Chemical Company",
    "Kestrel Electric Co., Ltd.",
    "Orinoco Electric Power Company",
    "Halden Oil Company",
    "Tamsin Oil and Gas Company",
    "Corvid Trading Company",
    *(f"{brand} Chemical Co., Ltd." for brand in ("Alder", "Birch", "Cedar", "Hazel", "Larch")),
    *(f"{brand} Trading LLC" for brand in ("Aspen", "Beech", "Elm", "Maple", "Rowan")),
    *(f"{brand} Oil Company" for brand in ("Poplar", "Spruce", "Willow")),
]


def entry(name: str) -> Entry:
    return Entry(source="t", entry_id=name, kind="organization", names=(EntryName(name),))


screener = Screener([entry(n) for n in _LISTED])


def score(query: str, listed: str) -> float:
    return screener.matcher.score(Query.of(query, schema="Company"), entry(listed)).score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the query adds a line of business to the entry's whole name
        ("Norland Chemical", "Norland Corporation"),
        # a registered name with one line of business more than the query's
        ("Norland Co., Ltd.", "Norland Electric Co., Ltd."),
        ("Norland Co., Ltd.", "Norland Gas Co., Ltd."),
        # the entry's form descriptors aside
        ("Taiwan Norland Co., Ltd.", "Taiwan Norland Manufacturing Company Limited"),
        # a company's registered name is no research or teaching body of its group
        ("Shenyang Norland Corporation", "AVIC Shenyang Norland Design and Research Institute"),
        # in Russian: the brand compounded with the bank's or the oil company's word
        ("АО «Норландбанк»", "Norland PJSC"),
        ("ПАО «Норланд»", "Norland Neft PJSC"),
        # a shipping company is no plant of the same name
        ("Baltic Shipping Company", "JSC Baltic Plant"),
        # the group's registered name against a name of the brand and a line of business
        ("PAO Norland", "Norland Leasing"),
        ("ПАО «Норланд»", "Norland Leasing Company"),
        ("Norland Group Co., Ltd.", "China Norland Telecom Technology"),
        # the query's registered name with one line of business more than the entry's
        ("Norland Trading LLC", "Norland LLC"),
        ("Norland Energy AG", "Norland AG"),
    ],
)
def test_a_line_of_business_names_another_company_of_the_group(query: str, listed: str) -> None:
    assert score(query, listed) < screener.matcher.threshold


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # an oil company and a trading house call themselves so
        ("Velmar Oil Company", "PJSC Velmar"),
        ("Norland Trading", "Norland Corporation"),
        # an oil company (НК) with its legal form, either way round
        ("Velmar PJSC", "PJSC Velmar Oil Company"),
        ("PJSC Velmar Oil Company", "Velmar PJSC"),
        # the brand inside its company's registered name
        ("Norland", "Norland Electric Co., Ltd."),
        ("Norland Electric", "Norland Electric Co., Ltd."),
        # a Japanese registered name whose English name says more (スズキ株式会社: Suzuki
        # Motor Corporation): two languages' forms, not two companies of one kind
        ("Norland Kabushiki Kaisha", "Norland Electric Corporation"),
        ("スズキ株式会社", "Suzuki Motor"),
    ],
)
def test_the_company_itself_still_matches(query: str, listed: str) -> None:
    assert score(query, listed) >= screener.matcher.threshold
