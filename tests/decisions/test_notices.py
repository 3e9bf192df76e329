"""Accounts a decision reaches after it was recorded get a statement of their own."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from standing.bootstrap import Services
from standing.decisions.service import notices_of, standing_of
from standing.graph.importer import import_files
from standing.store.tables import EventRow
from standing.transparency.service import export_dsa
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.principals import make_credentials
from tests.principals import ANALYST, VIEWER

NEW_ACCOUNT = {
    "id": "acct-kaspersky-jp-2",
    "schema": "UserAccount",
    "properties": {
        "owner": ["kaspersky-labs-japan"],
        "service": ["social"],
        "username": ["@kl_jp"],
    },
}
NEW_COMPANY = [
    {"id": "kl-korea", "schema": "Company", "properties": {"name": ["Kaspersky Korea Ltd"]}},
    {
        "id": "own-kr",
        "schema": "Ownership",
        "properties": {"owner": ["ao-kaspersky-lab"], "asset": ["kl-korea"], "percentage": ["60"]},
    },
    {
        "id": "acct-kl-korea",
        "schema": "UserAccount",
        "properties": {"owner": ["kl-korea"], "service": ["social"], "username": ["@klkorea"]},
    },
]


def write(path: Path, entities: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(e) + "\n" for e in entities), encoding="utf-8")
    return path


def test_a_new_account_of_a_restricted_party_gets_a_notice(
    demo_graph: Services, tmp_path: Path
) -> None:
    decision = record_vendor_decision(demo_graph).decision
    report = import_files(demo_graph, [write(tmp_path / "a.jsonl", [NEW_ACCOUNT])], ANALYST)
    (notice_id,) = report.notices
    (notice,) = notices_of(demo_graph, decision.id, VIEWER)
    assert notice.notice_id == notice_id and notice.account_id == "acct-kaspersky-jp-2"
    content = notice.content
    assert [a["id"] for a in content["affected"]["accounts"]] == ["acct-kaspersky-jp-2"]
    assert {p["id"] for p in content["affected"]["parties"]} >= {"kaspersky-labs-japan"}
    assert content["facts"] == decision.facts and content["notice"]["account"] == notice.account_id
    assert "You may continue to post organically." in notice.text
    assert f"notice {notice_id}" in notice.text and notice_id in notice.html
    records = [r for r in export_dsa(demo_graph) if r["puid"].endswith("acct-kaspersky-jp-2")]
    assert [r["puid"] for r in records] == [f"{decision.id}_acct-kaspersky-jp-2"]
    # the same graph again reaches nobody new
    again = import_files(demo_graph, [write(tmp_path / "b.jsonl", [NEW_ACCOUNT])], ANALYST)
    assert again.notices == ()
    with demo_graph.read() as session:
        actions = session.scalars(select(EventRow.action)).all()
    assert actions.count("decision:notice") == 1


def test_a_company_that_comes_under_control_gets_a_notice(
    demo_graph: Services, tmp_path: Path
) -> None:
    decision = record_vendor_decision(demo_graph).decision
    report = import_files(demo_graph, [write(tmp_path / "kr.jsonl", NEW_COMPANY)], ANALYST)
    assert len(report.notices) == 1
    (notice,) = notices_of(demo_graph, decision.id, VIEWER)
    parties = {p["id"]: p["why"] for p in notice.content["affected"]["parties"]}
    assert "AO Kaspersky Lab (60 %)" in parties["kl-korea"]
    caps = standing_of(demo_graph, "acct-kl-korea", VIEWER).capabilities
    assert not next(c.allowed for c in caps if c.capability == "ads.promote")


def test_no_active_decision_no_notice(demo_graph: Services, tmp_path: Path) -> None:
    report = import_files(demo_graph, [write(tmp_path / "a.jsonl", [NEW_ACCOUNT])], ANALYST)
    assert report.notices == ()


def test_the_statement_page_and_command_show_the_notices(
    demo_graph: Services, tmp_path: Path, database_url: str
) -> None:
    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from standing.cli import app
    from standing.web.app import create_app

    decision = record_vendor_decision(demo_graph).decision
    (notice,) = import_files(
        demo_graph, [write(tmp_path / "a.jsonl", [NEW_ACCOUNT])], ANALYST
    ).notices
    viewer = make_credentials(demo_graph)["viewer"]
    with TestClient(create_app(services=demo_graph), headers=viewer.headers) as client:
        page = client.get(f"/decisions/{decision.id}/statement").text
        url = f"/api/v1/decisions/{decision.id}/statement"
        text = client.get(url, params={"format": "text"}).text
        content = client.get(url).json()
    assert notice in page and "acct-kaspersky-jp-2" in page
    assert f"notice {notice}" in text
    assert "notice" not in content  # the JSON is the statement as issued
    out = CliRunner().invoke(app, ["statement", decision.id, "--database", database_url])
    assert out.exit_code == 0 and f"notice {notice}" in out.stdout
