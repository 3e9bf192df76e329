from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from xml.etree import ElementTree

from fastapi.testclient import TestClient

from standing.appeals.disputes import record_dispute, settle_dispute
from standing.appeals.service import file_appeal, review_appeal
from standing.bootstrap import Services
from standing.transparency.charts import bar_chart
from standing.transparency.report import current_figures, write_report
from standing.web.app import create_app
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.services import TestClock
from tests.principals import KASPERSKY, REVIEWER

REPLY = (
    'You write that "our US company is independent of the parent", but the register extract '
    "for AO Kaspersky Lab shows it still holds 100 percent of Kaspersky Lab, Inc., so the "
    "subsidiary remains controlled and the directive applies to it."
)


def test_bar_chart_is_valid_svg() -> None:
    svg = bar_chart("Decisions <by> rule", {"a & b": 3, "c": 0})
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    assert len([e for e in root.iter() if e.tag.endswith("rect")]) == 2


def test_figures_and_files(demo_graph: Services, clock: TestClock, tmp_path: Path) -> None:
    d = record_vendor_decision(demo_graph).decision
    record_vendor_decision(demo_graph, subject="ano-tv-novosti", rule="state-controlled-media")
    appeal = file_appeal(
        demo_graph, d.id, "Our US company is independent of the parent.", KASPERSKY
    )
    clock.advance(days=4)
    review_appeal(demo_graph, appeal.id, "upheld", REPLY, REVIEWER)
    f = current_figures(demo_graph)
    assert f.decisions == 2 and f.active == 2
    assert f.by_rule == {"government-barred-vendor": 1, "state-controlled-media": 1}
    assert f.appeal_outcomes == {
        "upheld": 1,
        "overturned": 0,
        "modified": 0,
        "exempted": 0,
        "lifted": 0,
        "declined": 0,
    }
    assert f.reversal_rate == 0 and f.review_days_median == 4
    written = {p.name for p in write_report(demo_graph, tmp_path / "out")}
    assert {"report.html", "summary.csv", "decisions_by_rule.csv", "appeal_outcomes.svg"} <= written
    text = (tmp_path / "out" / "decisions_by_rule.csv").read_text()
    rows = list(csv.DictReader(text.splitlines()))
    assert {r["rule"]: r["count"] for r in rows} == {
        "government-barred-vendor": "1",
        "state-controlled-media": "1",
    }
    html = (tmp_path / "out" / "report.html").read_text()
    assert "<svg" in html and "Appeal outcomes" in html
    with TestClient(create_app(services=demo_graph)) as client:
        page = client.get("/transparency")
        assert page.status_code == 200 and "Transparency report" in page.text


def test_half_year_figures_for_art_15_and_24(
    demo_graph: Services, clock: TestClock, tmp_path: Path
) -> None:
    d = record_vendor_decision(demo_graph).decision  # 2026-01-01
    record_vendor_decision(
        demo_graph,
        subject="ano-tv-novosti",
        rule="state-controlled-media",
        until=clock.at + timedelta(days=400),
    )
    first = file_appeal(demo_graph, d.id, "Our US company is independent of the parent.", KASPERSKY)
    clock.advance(days=4)
    review_appeal(demo_graph, first.id, "upheld", REPLY, REVIEWER)
    clock.advance(days=174)  # 2026-06-28, inside the appeal window
    second = file_appeal(demo_graph, d.id, "The US subsidiary was sold in June 2026.", KASPERSKY)
    clock.advance(days=4)  # decided in July: the second half-year
    review_appeal(
        demo_graph,
        second.id,
        "overturned",
        "The share register of Kaspersky Lab, Inc. shows AO Kaspersky Lab sold its shares "
        "in June 2026, so the directive no longer reaches the US subsidiary.",
        REVIEWER,
    )
    odr = record_dispute(demo_graph, d.id, "User Rights GmbH", REVIEWER)
    clock.advance(days=10)
    settle_dispute(demo_graph, odr.id, "for_recipient", REVIEWER, implemented=True)
    f = current_figures(demo_graph)
    h1, h2 = f.half_years
    assert (h1.period, h2.period) == ("2026-H1", "2026-H2")
    assert h1.complaints_received == 2 and h1.complaints_decided == 1
    assert h1.complaints_reversed == 0 and h1.complaint_days_median == 4
    assert h1.complaints_by_basis == {"STATEMENT_CATEGORY_OTHER_VIOLATION_TC": 2}
    assert h1.suspensions == 1 and h1.terminations == 1
    assert h2.complaints_received == 0 and h2.complaints_decided == 1
    assert h2.complaints_reversed == 1 and h2.complaint_days_median == 4
    assert h1.out_of_court_disputes == 0 and h2.out_of_court_disputes == 1
    assert h2.out_of_court_outcomes == {"for_recipient": 1}
    assert h2.out_of_court_days_median == 10 and h2.out_of_court_implemented_share == 1
    written = {p.name for p in write_report(demo_graph, tmp_path / "out")}
    assert {"half_years.csv", "complaints_by_basis.csv", "complaints_by_half_year.svg"} <= written
    rows = list(csv.DictReader((tmp_path / "out" / "half_years.csv").read_text().splitlines()))
    assert [(r["period"], r["complaints_received"], r["complaints_reversed"]) for r in rows] == [
        ("2026-H1", "2", "0"),
        ("2026-H2", "0", "1"),
    ]
    assert [r["out_of_court_disputes"] for r in rows] == ["0", "1"]
    assert "for_recipient" in (tmp_path / "out" / "out_of_court_outcomes.csv").read_text()
    html = (tmp_path / "out" / "report.html").read_text()
    assert "Art. 15(1)(d)" in html and "2026-H2" in html
