from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import orjson
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from standing.bootstrap import Services
from standing.cli import app
from standing.decisions.service import get_statement
from standing.graph.importer import import_files
from standing.transparency.dsa import EEA, dsa_records, puid, territorial_scope
from standing.transparency.service import export_dsa
from standing.web.app import create_app
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.principals import Credential
from tests.fixtures.services import TestClock
from tests.principals import ANALYST, VIEWER


def test_territorial_scope() -> None:
    assert territorial_scope([]) == list(EEA)
    assert territorial_scope(["DE", "US"]) == ["DE"]
    assert territorial_scope(["US"]) == []


def test_one_record_per_affected_account(demo_graph: Services, clock: TestClock) -> None:
    d = record_vendor_decision(demo_graph).decision
    records = list(export_dsa(demo_graph))
    assert {r["puid"] for r in records} == {
        f"{d.id}_{a}"
        for a in ("acct-kaspersky", "acct-kaspersky-us", "acct-kaspersky-de", "acct-kaspersky-jp")
    }
    r = records[0]
    assert r["decision_ground"] == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    assert r["decision_provision"] == "DECISION_PROVISION_PARTIAL_TERMINATION"
    assert r["decision_monetary"] is None
    assert r["incompatible_content_ground"].startswith("Advertising Policy 4.3")
    assert r["automated_decision"] == "AUTOMATED_DECISION_NOT_AUTOMATED"
    assert r["territorial_scope"] == list(EEA) and r["application_date"] == "2026-01-01"
    assert r["content_date"] == "2026-01-01"
    assert r["decision_ground_reference_url"] == (
        "http://127.0.0.1:8000/policies#government-barred-vendor"
    )
    assert "AO Kaspersky Lab" in r["decision_facts"]
    clock.advance(days=1)
    assert not list(export_dsa(demo_graph, since=clock.at))


def test_legal_ground_and_monetary(demo_graph: Services, clock: TestClock) -> None:
    facts = "AO Kaspersky Lab is designated on the sanctions list under the entry numbered 12345."
    record_vendor_decision(
        demo_graph, rule="sanctioned-party", facts=facts, until=clock.at + timedelta(days=30)
    )
    [first, *_] = list(export_dsa(demo_graph))
    assert first["decision_ground"] == "DECISION_GROUND_ILLEGAL_CONTENT"
    assert first["decision_monetary"] == "DECISION_MONETARY_SUSPENSION"
    assert first["end_date_monetary_restriction"] == "2026-01-31"
    assert "269/2014" in first["illegal_content_legal_ground"]


def test_cli_and_api(
    demo_graph: Services, database_url: str, credentials: dict[str, Credential]
) -> None:
    record_vendor_decision(demo_graph)
    result = CliRunner().invoke(app, ["export", "dsa", "--database", database_url])
    assert result.exit_code == 0, result.output
    lines = [orjson.loads(x) for x in result.output.splitlines()]
    assert len(lines) == 4
    as_analyst = ["export", "dsa", "--database", database_url, "--as", "analyst@test.example"]
    refused = CliRunner().invoke(app, as_analyst)
    assert refused.exit_code == 2 and "auditor" in refused.output
    with TestClient(create_app(services=demo_graph)) as client:
        assert client.get("/api/v1/export/dsa").status_code == 401
        forbidden = client.get("/api/v1/export/dsa", headers=credentials["analyst"].headers)
        assert forbidden.status_code == 403
        client.headers.update(credentials["auditor"].headers)
        response = client.get("/api/v1/export/dsa")
        assert response.headers["content-type"].startswith("application/x-ndjson")
        assert len(response.text.splitlines()) == 4
        assert client.get("/api/v1/export/dsa", params={"since": "2030-01-01"}).text == ""
        assert client.get("/api/v1/export/dsa", params={"since": "yesterday"}).status_code == 422


def _edge(id: str, owner: str, asset: str) -> dict[str, object]:
    props = {"owner": [owner], "asset": [asset], "percentage": ["30"]}
    return {"id": id, "schema": "Ownership", "properties": props}


JOINT = [
    {"id": "p", "schema": "Company", "properties": {"name": ["Ralpha Parent Holdings Ltd"]}},
    {"id": "q", "schema": "Company", "properties": {"name": ["Rbeta Parent Holdings Ltd"]}},
    {"id": "z", "schema": "Company", "properties": {"name": ["Rgamma Venture Ltd"]}},
    _edge("o1", "p", "z"),
    _edge("o2", "q", "z"),
    {
        "id": "acc-z",
        "schema": "UserAccount",
        "properties": {"owner": ["z"], "service": ["social"], "username": ["@rz"]},
    },
]


def test_joint_reach_in_one_territory_is_stated_and_exported_there_only(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "joint.jsonl"
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in JOINT))
    import_files(services, [path], ANALYST)
    facts = "{} is designated on the sanctions list under the entry numbered {}."
    record_vendor_decision(
        services,
        "p",
        "sanctioned-party",
        facts=facts.format("Ralpha Parent Holdings", 777),
        territories=("DE",),
    )
    world = record_vendor_decision(
        services, "q", "sanctioned-party", facts=facts.format("Rbeta Parent Holdings", 778)
    )
    (account,) = world.statement["affected"]["accounts"]
    assert account["id"] == "acc-z" and account["territories"] == ["DE"]
    assert "in DE only" in account["why"]
    (z,) = [p for p in world.statement["affected"]["parties"] if p["id"] == "z"]
    assert "Ralpha Parent Holdings Ltd (30 %)" in z["why"]  # the other owner, by name
    assert "in DE only" in get_statement(services, world.decision.id, VIEWER).text
    records = [r for r in export_dsa(services) if r["puid"].startswith(world.decision.id)]
    assert [(r["puid"], r["territorial_scope"]) for r in records] == [
        (f"{world.decision.id}_acc-z", ["DE"])
    ]


def test_puids_keep_to_the_databases_alphabet() -> None:
    assert puid("dec-1", "acct_a-1") == "dec-1_acct_a-1"
    odd = puid("dec-1", "@acme:social")
    assert re.fullmatch(r"[A-Za-z0-9_-]+", odd) and odd != puid("dec-1", "@acme:socia1")


def test_texts_are_cut_to_the_databases_limits(demo_graph: Services) -> None:
    statement = dict(record_vendor_decision(demo_graph).statement)
    statement["ground"] = dict(statement["ground"])
    statement["rule"] = dict(statement["rule"])
    statement["ground"]["reference"] = "r" * 600
    statement["rule"]["criteria"] = "c" * 2500
    record = dsa_records(statement, "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE")[0]
    assert len(record["incompatible_content_ground"]) == 500
    assert len(record["incompatible_content_explanation"]) == 2000


def test_each_record_says_what_is_restricted_for_its_account() -> None:
    statement = {
        "decision_id": "dec-1",
        "territorial_scope": [],
        "restricted": [{"capability": "ads.promote"}, {"capability": "payments.receive"}],
        "ground": {"type": "platform_policy", "reference": "Policy 1"},
        "rule": {"id": "r", "criteria": "Criteria."},
        "starts_at": "2026-01-01T00:00:00+00:00",
        "ends_at": None,
        "facts": "Facts.",
        "automated_detection": False,
        "automated_decision": False,
        "affected": {
            "accounts": [
                {"id": "a", "capabilities": ["ads.promote", "payments.receive"]},
                {"id": "b", "capabilities": ["ads.promote"]},
            ]
        },
    }
    a, b = dsa_records(statement, "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE")
    assert a["decision_monetary"] == "DECISION_MONETARY_TERMINATION"
    assert b["decision_monetary"] is None and b["end_date_monetary_restriction"] is None
    assert b["decision_provision"] == "DECISION_PROVISION_PARTIAL_TERMINATION"
