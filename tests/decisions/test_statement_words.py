"""What a statement of reasons tells the advertiser, in words people read: when a decision
without an end is examined again, where to turn beyond the platform, dates without ISO
clutter, and no command line, JSON or markdown."""

from __future__ import annotations

import re
from datetime import datetime

from standing.bootstrap import Services
from standing.decisions.service import get_statement
from tests.decisions.helpers import record_vendor_decision
from tests.principals import VIEWER

SHOP_FACTS = (
    "BrightDeal Shop advertised 90 percent discounts on 2026-03-02 that no checkout applied, "
    "in 41 complaints to the Verbraucherzentrale."
)
#: What an advertiser must never be shown: a CLI command, an option, markdown, JSON, ISO time.
NOT_FOR_PEOPLE = [
    re.compile(r"\bstanding (appeal|review|lift|statement|decide|rechecks)\b"),
    re.compile(r"(?<![\w-])--[a-z]"),
    re.compile(r"`"),
    re.compile(r'[{[]\s*"'),
    re.compile(r"\d{4}-\d\d-\d\dT\d\d"),
    re.compile(r"\d\d:\d\d:\d\d\.\d+"),
]


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_a_decision_without_an_end_says_when_it_is_examined_again(
    demo_graph: Services,
) -> None:
    recorded = record_vendor_decision(
        demo_graph,
        subject="brightdeal-shop",
        rule="deceptive-business-practices",
        facts=SHOP_FACTS,
    )
    assert recorded.statement["recheck"] == {"days": 28, "first_due": "2026-01-29T00:00:00+00:00"}
    row = get_statement(demo_graph, recorded.decision.id, VIEWER)
    words = "a person examines it again every 28 days, first by 29 January 2026"
    assert words in row.text and words in _visible(row.html)


def test_a_decision_with_an_end_or_a_rule_without_a_cycle_makes_no_such_promise(
    demo_graph: Services,
) -> None:
    ended = record_vendor_decision(
        demo_graph,
        subject="brightdeal-shop",
        rule="deceptive-business-practices",
        facts=SHOP_FACTS,
        until=datetime(2026, 9, 1),
    )
    unverified = record_vendor_decision(
        demo_graph,
        subject="brightdeal-shop",
        rule="unverified-advertiser",
        facts="BrightDeal Shop spent 14,200 EUR on promotion in 2025 without verifying "
        "its identity.",
    )
    for recorded in (ended, unverified):
        assert "recheck" not in recorded.statement
        assert (
            "examines it again" not in get_statement(demo_graph, recorded.decision.id, VIEWER).text
        )


def test_the_statement_names_the_out_of_court_bodies_and_the_courts(
    demo_graph: Services,
) -> None:
    recorded = record_vendor_decision(demo_graph)
    assert recorded.statement["redress"] == demo_graph.policy.redress.to_public()
    row = get_statement(demo_graph, recorded.decision.id, VIEWER)
    for text in (row.text, _visible(row.html)):
        for name in ("Appeals Centre Europe", "User Rights", "ADROIT", "The courts"):
            assert name in text, name
        assert "Digital Services Coordinator" in text and "Article 21" in text
    assert 'href="https://adroit.legal"' in row.html
    assert "OUT-OF-COURT DISPUTE SETTLEMENT AND COURTS" in row.text


def test_statements_show_no_command_line_json_or_iso_dates(demo_graph: Services) -> None:
    recorded = record_vendor_decision(demo_graph, until=datetime(2027, 5, 31, 14, 5))
    row = get_statement(demo_graph, recorded.decision.id, VIEWER)
    assert "until 31 May 2027, 14:05 UTC" in row.text  # a time that matters keeps it
    assert "Issued 1 January 2026, 00:00 UTC" in row.text
    for text in (row.text, _visible(row.html)):
        for pattern in NOT_FOR_PEOPLE:
            assert not pattern.search(text), (pattern.pattern, pattern.search(text))
