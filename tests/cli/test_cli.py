"""The CLI end to end (Typer's runner, in-process) on a real database."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from standing.cli import app
from standing.demo.seed import SCENARIO

FACTS = (
    "AO Kaspersky Lab is named in DHS Binding Operational Directive 17-01 of 13 September 2017, "
    "which bars its products from US federal networks."
)
#: ``standing decide`` of the government-barred-vendor rule on the demo's parent company,
#: without its facts.
DECIDE_VENDOR = ("decide", "--subject", "ao-kaspersky-lab", "--rule", "government-barred-vendor")


def test_policies_json_matches_contract(run) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(run("policies", "--json"))
    rule = next(r for r in doc["rules"] if r["id"] == "government-barred-vendor")
    for key in (
        "id",
        "title",
        "criteria",
        "remedy",
        "ground",
        "reference",
        "restricts",
        "reach",
        "threshold",
        "appeal_window_days",
        "review_days",
    ):
        assert key in rule
    assert rule["reach"] == "controlled" and rule["threshold"] == 50
    assert "organic.post" in doc["capabilities"]


def test_import_decide_status_statement_lift_verify(run) -> None:  # type: ignore[no-untyped-def]
    counts = json.loads(run("import", str(SCENARIO), "--json"))
    assert counts["totals"]["parties"] == 13 and counts["totals"]["accounts"] == 14

    reach = json.loads(run(*DECIDE_VENDOR, "--facts", FACTS, "--dry-run", "--json"))
    assert reach["dry_run"] is True
    assert {"acct-kaspersky-jp", "acct-kaspersky-us"} <= {
        a["id"] for a in reach["reach"]["accounts"]
    }

    decided = json.loads(run(*DECIDE_VENDOR, "--facts", FACTS, "--evidence", "BOD 17-01", "--json"))
    decision_id = decided["id"]
    assert decision_id.startswith("dec-") and decided["author"]

    status = json.loads(run("status", "acct-kaspersky-jp", "--json"))
    caps = {c["capability"]: c for c in status["capabilities"]}
    assert caps["ads.promote"]["allowed"] is False and caps["ads.promote"]["decisions"] == [
        decision_id
    ]
    assert caps["organic.post"]["allowed"] is True

    text = run("statement", decision_id)
    assert "You may continue to post organically." in text and FACTS[:40] in text
    assert (
        json.loads(run("statement", decision_id, "--format", "json"))["decision_id"] == decision_id
    )
    assert "<article" in run("statement", decision_id, "--format", "html")

    run("lift", decision_id, "--reason", "DHS withdrew BOD 17-01 for this company on 2026-05-04.")
    status = json.loads(run("status", "acct-kaspersky-jp", "--json"))
    assert all(c["allowed"] for c in status["capabilities"])
    assert "intact" in run("audit", "verify", "--as", "auditor@test.example")


def test_errors_are_messages_not_tracebacks(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = run("status", "nobody", expect=2)
    assert "unknown subject 'nobody'" in out
    run("import", str(SCENARIO))
    out = run(*DECIDE_VENDOR, "--facts", "too short", expect=2)
    assert "shorter than a sentence" in out
    out = run(
        "decide", "--subject", "ao-kaspersky-lab", "--rule", "nope", "--facts", FACTS, expect=2
    )
    assert "unknown rule 'nope'" in out
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "schema": "Company", "properties": {"name": ["X"]}}\n{oops\n')
    out = run("import", str(bad), expect=2)
    assert f"{bad}:2: line: not valid JSON" in out.replace("\n", "")
    out = run("statement", "dec-nope", expect=2)
    assert "unknown decision" in out
    out = run("statement", "dec-nope", "--format", "pdf", expect=2)
    assert "--format" in out


def test_bad_database_url_is_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["status", "x", "--database", "mysql://nope"])
    assert result.exit_code == 2
    assert "only SQLite and PostgreSQL" in result.output
