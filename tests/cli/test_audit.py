"""`standing audit head` and `standing audit verify` (keys, anchors, state) end to end."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text
from typer.testing import CliRunner, Result

from standing.cli import app
from standing.demo.seed import SCENARIO
from standing.store.engine import normalise_url
from tests.cli.test_cli import DECIDE_VENDOR, FACTS

KEY = {"STANDING_AUDIT_KEY": "correct horse battery staple"}


def cli(
    database_url: str, *args: str, expect: int = 0, env: dict[str, str] | None = None
) -> Result:
    result = CliRunner().invoke(app, [*args, "--database", database_url], env=env or {})
    assert result.exit_code == expect, result.output
    assert "Traceback" not in result.output
    return result


def test_head_and_anchor(database_url: str, cli_operator: object) -> None:
    cli(database_url, "import", str(SCENARIO))
    head = json.loads(cli(database_url, "audit", "head", "--json").stdout)
    # two users were added, then the import
    assert head["seq"] == 3 and head["anchor"] == f"{head['hash']}@3" and head["key_id"] is None
    assert cli(database_url, "audit", "head").stdout.strip() == head["anchor"]
    cli(database_url, *DECIDE_VENDOR, "--facts", FACTS)
    out = cli(database_url, "audit", "verify", "--expect", head["anchor"]).stdout
    assert "intact: 5 events; matches the anchor at event 3; the state matches" in out
    wrong = cli(database_url, "audit", "verify", "--expect", f"{'a' * 64}@3", expect=1)
    assert "differs from the expected anchor" in wrong.stderr
    ahead = cli(database_url, "audit", "verify", "--expect", f"{head['hash']}@9", expect=1)
    assert "before the expected anchor at event 9 (truncated)" in ahead.stderr
    bad = cli(database_url, "audit", "verify", "--expect", "nonsense", expect=2)
    assert "--expect: 'nonsense' is not an anchor" in bad.stderr


def test_a_keyed_log_needs_its_key(database_url: str, cli_operator: object) -> None:
    cli(database_url, "import", str(SCENARIO))  # before the key: unkeyed
    cli(database_url, *DECIDE_VENDOR, "--facts", FACTS, env=KEY)
    found = json.loads(cli(database_url, "audit", "verify", "--json", env=KEY).stdout)
    assert found["ok"] and found["keyed_from"] == 4 and found["events"] == 5
    assert json.loads(cli(database_url, "audit", "head", "--json", env=KEY).stdout)["key_id"]
    missing = cli(database_url, "audit", "verify", expect=2)
    assert "cannot be verified without that key" in missing.stderr


def test_state_changed_behind_the_log(database_url: str, cli_operator: object) -> None:
    cli(database_url, "import", str(SCENARIO))
    decided = json.loads(cli(database_url, *DECIDE_VENDOR, "--facts", FACTS, "--json").stdout)
    engine = create_engine(normalise_url(database_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE decisions SET facts = 'nothing much'"))
    engine.dispose()
    result = cli(database_url, "audit", "verify", expect=1)
    assert (
        f"state differs from the audit log: decisions {decided['id']}: facts is 'nothing much' "
        "but event 5 records" in result.stderr
    )
    doc = json.loads(cli(database_url, "audit", "verify", "--json", expect=1).stdout)
    assert doc["broken"] is None and doc["state"]["mismatches"] == 1
    assert doc["state"]["first"][0]["table"] == "decisions"
