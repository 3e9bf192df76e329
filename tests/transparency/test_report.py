from __future__ import annotations

import csv
from pathlib import Path
from xml.etree import ElementTree

from fastapi.testclient import TestClient

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
    assert f.appeal_outcomes == {"upheld": 1, "overturned": 0, "modified": 0}
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
