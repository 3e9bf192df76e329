"""The transparency report: HTML page, CSV tables and SVG charts, written to a directory."""

from __future__ import annotations

import calendar
import csv
import io
from dataclasses import asdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy import select

from standing.appeals.disputes import all_disputes
from standing.appeals.service import appeal_from_row
from standing.dates import human_time
from standing.ports import Services
from standing.store import repository as repo
from standing.store.appeal_tables import AppealRow
from standing.store.tables import StatementRow
from standing.transparency.aggregate import Figures, figures
from standing.transparency.charts import bar_chart


def current_figures(services: Services) -> Figures:
    with services.read() as session:
        decisions = repo.all_decisions(session)
        appeals = [appeal_from_row(r) for r in session.execute(select(AppealRow)).scalars()]
        # a complaint's basis: the DSA category the contested decision was published under
        basis = {
            decision_id: (content.get("transparency") or {}).get("category")
            for decision_id, content in session.execute(
                select(StatementRow.decision_id, StatementRow.content)
            )
        }
    for d in decisions:
        if not basis.get(d.id):
            rule = services.policy.rules.get(d.rule_id)
            basis[d.id] = rule.dsa_category if rule else "unknown"
    return figures(
        decisions,
        appeals,
        services.policy,
        services.clock.now(),
        {k: v for k, v in basis.items() if v},
        all_disputes(services),
    )


def charts(f: Figures) -> dict[str, str]:
    return {
        "decisions_by_rule": bar_chart(
            "Decisions by rule", {f.rule_titles.get(k, k): v for k, v in f.by_rule.items()}
        ),
        "decisions_by_month": bar_chart(
            "Decisions by month", {_month(k): v for k, v in f.by_month.items()}
        ),
        "appeal_outcomes": bar_chart("Appeal outcomes", f.appeal_outcomes),
        "complaints_by_half_year": bar_chart(
            "Complaints received per half-year (DSA Art. 15(1)(d))",
            {h.period: h.complaints_received for h in f.half_years},
        ),
        "reversed_by_half_year": bar_chart(
            "Decisions reversed on complaint per half-year",
            {h.period: h.complaints_reversed for h in f.half_years},
        ),
        "disputes_by_half_year": bar_chart(
            "Out-of-court disputes submitted per half-year (DSA Art. 24(1)(a))",
            {h.period: h.out_of_court_disputes for h in f.half_years},
        ),
        "suspensions_by_half_year": bar_chart(
            "Suspensions (restrictions with an end) per half-year (DSA Art. 24(1))",
            {h.period: h.suspensions for h in f.half_years},
        ),
    }


def _month(key: str) -> str:
    """``2026-05`` as people read it: ``May 2026`` (other keys as they are)."""
    year, _, month = key.partition("-")
    if year.isdigit() and month.isdigit() and 1 <= int(month) <= 12:
        return f"{calendar.month_name[int(month)]} {year}"
    return key


def tables(f: Figures) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, rows in (
        ("decisions_by_rule", f.by_rule),
        ("decisions_by_month", f.by_month),
        ("decisions_by_ground", f.by_ground),
        ("appeal_outcomes", f.appeal_outcomes),
    ):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([name.split("_by_")[-1] if "_by_" in name else "outcome", "count"])
        writer.writerows(rows.items())
        out[f"{name}.csv"] = buffer.getvalue()
    half = io.StringIO()
    writer = csv.writer(half, lineterminator="\n")
    writer.writerow(
        [
            "period",
            "complaints_received",
            "complaints_decided",
            "complaints_reversed",
            "complaint_days_median",
            "suspensions",
            "terminations",
            "out_of_court_disputes",
            "out_of_court_settled",
            "out_of_court_days_median",
            "out_of_court_implemented_share",
        ]
    )
    for h in f.half_years:
        writer.writerow(
            [
                h.period,
                h.complaints_received,
                h.complaints_decided,
                h.complaints_reversed,
                "" if h.complaint_days_median is None else h.complaint_days_median,
                h.suspensions,
                h.terminations,
                h.out_of_court_disputes,
                sum(h.out_of_court_outcomes.values()),
                "" if h.out_of_court_days_median is None else h.out_of_court_days_median,
                ""
                if h.out_of_court_implemented_share is None
                else h.out_of_court_implemented_share,
            ]
        )
    out["half_years.csv"] = half.getvalue()
    by_basis = io.StringIO()
    writer = csv.writer(by_basis, lineterminator="\n")
    writer.writerow(["period", "basis", "complaints"])
    for h in f.half_years:
        writer.writerows((h.period, b, n) for b, n in h.complaints_by_basis.items())
    out["complaints_by_basis.csv"] = by_basis.getvalue()
    odr = io.StringIO()
    writer = csv.writer(odr, lineterminator="\n")
    writer.writerow(["period", "outcome", "disputes"])
    for h in f.half_years:
        writer.writerows((h.period, o, n) for o, n in h.out_of_court_outcomes.items())
    out["out_of_court_outcomes.csv"] = odr.getvalue()
    summary = io.StringIO()
    writer = csv.writer(summary, lineterminator="\n")
    writer.writerow(["figure", "value"])
    for key, value in asdict(f).items():
        if not isinstance(value, (dict, list)):
            writer.writerow([key, "" if value is None else value])
    out["summary.csv"] = summary.getvalue()
    return out


def render_html(f: Figures) -> str:
    env = Environment(
        loader=PackageLoader("standing.transparency", "templates"),
        autoescape=select_autoescape(["html"]),
    )
    env.filters["human_time"] = human_time
    svg: dict[str, Any] = {k: Markup(v) for k, v in charts(f).items()}  # noqa: S704 - built here
    return env.get_template("report.html").render(f=f, charts=svg)


def write_report(services: Services, out: Path) -> list[Path]:
    """Write report.html, the CSV tables and the SVG charts into ``out``."""
    f = current_figures(services)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    files = {"report.html": render_html(f), **tables(f)}
    files.update({f"{k}.svg": v for k, v in charts(f).items()})
    for name, text in files.items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
