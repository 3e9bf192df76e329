"""``standing check`` and ``standing gate snapshot`` through Typer's runner."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
import typer
from typer.testing import CliRunner

from standing.bootstrap import Services
from standing.cli import gate as gate_cli
from standing.cli.root import mount
from tests.gate import factories


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """Test app."""

    mount(app, gate_cli.app)
    return app


@pytest.fixture
def seeded(svc: Services) -> Services:
    factories.add_graph(
        svc,
        parties=["vendor", "sub"],
        ownerships=[("vendor", "sub", 70.0)],
        accounts=[("acc-sub", "sub"), ("acc-free", None)],
    )
    factories.record(svc, factories.decision("dec-1", "vendor"))
    return svc


def test_check_exit_codes_and_reasons(
    app: typer.Typer, seeded: Services, database_url: str
) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["check", "acc-free", "ads.promote", "--database", database_url])
    assert r.exit_code == 0, r.output
    assert "allowed" in r.output
    r = runner.invoke(app, ["check", "acc-sub", "ads.promote", "--database", database_url])
    assert r.exit_code == 1, r.output
    assert "denied" in r.output and "dec-1" in r.output and "barred-vendor" in r.output
    r = runner.invoke(
        app, ["check", "acc-sub", "ads.promote", "--json", "--database", database_url]
    )
    assert r.exit_code == 1
    doc = orjson.loads(r.stdout)
    assert doc["allowed"] is False
    assert doc["decisions"][0]["id"] == "dec-1"
    assert doc["decisions"][0]["rule_id"] == "barred-vendor"
    assert "vendor" in doc["decisions"][0]["facts"]
    assert doc["as_of"] == 2
    r = runner.invoke(app, ["check", "acc-sub", "organic.post", "--database", database_url])
    assert r.exit_code == 0


def test_check_errors_exit_2(app: typer.Typer, tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["check", "a", "ads.promote", "--database", "mysql://nowhere/db"])
    assert r.exit_code == 2
    r = runner.invoke(
        app,
        [
            "check",
            "a",
            "ads.promote",
            "--snapshot",
            str(tmp_path / "missing.snap"),
            "--database",
            f"sqlite:///{tmp_path}/x.db",
        ],
    )
    assert r.exit_code == 2
    r = runner.invoke(
        app, ["check", "a", "ads.teleport", "--database", f"sqlite:///{tmp_path}/x.db"]
    )
    assert r.exit_code == 2
    assert "unknown capability 'ads.teleport'" in r.output


def test_snapshot_command(
    app: typer.Typer, seeded: Services, database_url: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    out = tmp_path / "gate.snap"
    r = runner.invoke(
        app, ["gate", "snapshot", "--out", str(out), "--json", "--database", database_url]
    )
    assert r.exit_code == 0, r.output
    summary = orjson.loads(r.stdout)
    assert summary["accounts"] == 2 and summary["decisions"] == 1 and summary["position"] == 2
    assert out.exists()
    r = runner.invoke(
        app, ["check", "acc-sub", "ads.promote", "--snapshot", str(out), "--database", database_url]
    )
    assert r.exit_code == 1
    assert "dec-1" in r.output
