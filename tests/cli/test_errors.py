"""Bad input, missing or broken databases: one clear ``error:`` line, exit 2, no traceback.

``standing check`` exits 1 for "denied", so a crash there must never exit 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from standing.cli import app
from standing.demo.seed import SCENARIO
from tests.cli.test_cli import DECIDE_VENDOR, FACTS


def invoke(*args: str, expect: int) -> Result:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == expect, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result


def error_document(result: Result) -> dict[str, str]:
    """The one JSON document ``--json`` prints on stdout for an error."""
    doc = json.loads(result.stdout)
    assert set(doc) == {"error"} and set(doc["error"]) == {"code", "message"}
    if doc["error"]["code"] != "usage":  # Typer boxes usage errors on stderr
        assert doc["error"]["message"] in result.stderr.replace("\n", "")
    return doc["error"]  # type: ignore[no-any-return]


@pytest.fixture
def unmigrated(tmp_path: Path) -> str:
    path = tmp_path / "empty.db"
    path.touch()
    return f"sqlite:///{path}"


@pytest.fixture
def denied_snapshot(database_url: str, tmp_path: Path, cli_as: object) -> tuple[Path, str]:
    """A gate snapshot in which acct-kaspersky-jp is denied ads.promote, and the decision id."""
    invoke("import", str(SCENARIO), "--database", database_url, expect=0)
    decided = invoke(
        *DECIDE_VENDOR, "--facts", FACTS, "--json", "--database", database_url, expect=0
    )
    snap = tmp_path / "gate.snap"
    invoke("gate", "snapshot", "--out", str(snap), "--database", database_url, expect=0)
    return snap, json.loads(decided.stdout)["id"]


@pytest.mark.parametrize(
    "command",
    [
        ["status", "acct-x"],
        ["check", "acct-x", "ads.promote"],
        ["appeals"],
        ["audit", "verify"],
        ["export", "dsa"],
        ["hits"],
        ["lists"],
        ["report", "--out", "unused"],
    ],
)
def test_unmigrated_sqlite_is_one_line(command: list[str], unmigrated: str) -> None:
    result = invoke(*command, "--database", unmigrated, expect=2)
    assert f"error: database {unmigrated} is not migrated (no such table: " in result.stderr
    assert 'run "standing db upgrade"' in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_sqlite_file_is_not_created_by_reading(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "none.db"
    for command in (["status", "x"], ["appeals"], ["audit", "verify"]):
        result = invoke(*command, "--database", f"sqlite:///{path}", expect=2)
        assert "does not exist" in result.stderr and "standing db upgrade" in result.stderr
    assert not path.parent.exists()


def test_a_write_creates_and_migrates_a_new_database(tmp_path: Path, unmigrated: str) -> None:
    for url in (f"sqlite:///{tmp_path / 'sub' / 'new.db'}", unmigrated):
        db = ("--database", url)
        # the first admin needs no --as; adding a user creates and migrates the database
        invoke("users", "add", "root@example.org", "--role", "admin", *db, expect=0)
        admin = ("--as", "root@example.org")
        invoke("users", "add", "ana@example.org", "--role", "analyst", *admin, *db, expect=0)
        analyst = ("--as", "ana@example.org")
        invoke("import", str(SCENARIO), *analyst, *db, expect=0)
        decided = invoke(*DECIDE_VENDOR, "--facts", FACTS, *analyst, *db, expect=0)
        assert "dec-" in decided.stdout
        invoke("check", "acct-kaspersky-jp", "ads.promote", *db, expect=1)
        assert "intact" in invoke("audit", "verify", *db, expect=0).stdout


def test_the_author_is_the_acting_principal(
    database_url: str, cli_as: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    invoke("import", str(SCENARIO), "--database", database_url, expect=0)
    decided = invoke(
        *DECIDE_VENDOR, "--facts", FACTS, "--json", "--database", database_url, expect=0
    )
    assert json.loads(decided.stdout)["author"] == cli_as["analyst"].principal.id
    for option in ("--author", "--by", "--reviewer"):  # gone: nobody names the actor
        invoke(*DECIDE_VENDOR, "--facts", FACTS, option, "x", "--database", database_url, expect=2)
    monkeypatch.delenv("STANDING_AS")
    refused = invoke(*DECIDE_VENDOR, "--facts", FACTS, "--database", database_url, expect=2)
    assert "--as" in refused.stderr
    typo = invoke(
        *DECIDE_VENDOR, "--facts", FACTS, "--as", "analist@test.example",
        "--database", database_url, expect=2,
    )  # fmt: skip
    assert "analist@test.example is not a user" in typo.stderr
    viewer = invoke(
        *DECIDE_VENDOR, "--facts", FACTS, "--as", "viewer@test.example",
        "--database", database_url, expect=2,
    )  # fmt: skip
    assert "needs the role analyst" in viewer.stderr


def test_db_upgrade_creates_the_file(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    invoke("db", "upgrade", "--database", f"sqlite:///{path}", expect=0)
    invoke("appeals", "--database", f"sqlite:///{path}", expect=0)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "--database: the database URL is empty"),
        ("   ", "--database: the database URL is empty"),
        ("nonsense://", "only SQLite and PostgreSQL are supported"),
        ("not a url", "is not a database URL"),
    ],
)
def test_invalid_url(
    url: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["status", "x"], ["check", "x", "ads.promote"], ["db", "upgrade"]):
        result = invoke(*command, "--database", url, expect=2)
        assert message in result.stderr
    assert not (tmp_path / "var").exists()  # an empty --database is not the default


def test_invalid_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANDING_DATABASE_URL", "")
    result = invoke("status", "x", expect=2)
    assert "STANDING_DATABASE_URL: the database URL is empty" in result.stderr


def test_unreachable_postgres_hides_the_password() -> None:
    url = "postgresql://standing:s3cret@127.0.0.1:1/does_not_exist"
    for command in (["status", "x"], ["check", "x", "ads.promote"], ["db", "upgrade"]):
        result = invoke(*command, "--database", url, expect=2)
        assert "error: cannot reach database postgresql://standing:***@127.0.0.1:1/" in (
            result.stderr
        )
        assert "s3cret" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1


def test_check_snapshot_without_a_database(
    denied_snapshot: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    snap, decision = denied_snapshot
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    monkeypatch.delenv("STANDING_DATABASE_URL", raising=False)
    result = invoke("check", "acct-kaspersky-jp", "ads.promote", "--snapshot", str(snap), expect=1)
    assert "denied" in result.stdout and decision in result.stdout
    assert "details are unavailable" in result.stderr and "does not exist" in result.stderr
    assert not (workdir / "var").exists()
    result = invoke("check", "acct-kaspersky-us", "organic.post", "--snapshot", str(snap), expect=0)
    assert "allowed" in result.stdout


def check_from_snapshot(snap: Path, database_url: str) -> dict[str, Any]:
    """``standing check --snapshot`` for the denied account, as JSON (exit 1: denied)."""
    result = invoke(
        "check", "acct-kaspersky-jp", "ads.promote", "--snapshot", str(snap), "--json",
        "--database", database_url, expect=1,
    )  # fmt: skip
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def test_check_snapshot_with_a_broken_database(
    denied_snapshot: tuple[Path, str], unmigrated: str
) -> None:
    snap, decision = denied_snapshot
    for url in (unmigrated, "postgresql://nobody@127.0.0.1:1/x", ""):
        doc = check_from_snapshot(snap, url)
        assert doc["allowed"] is False and doc["decisions"] == [{"id": decision}]
        assert doc["details_unavailable"]


def test_check_snapshot_with_the_database_has_details(
    denied_snapshot: tuple[Path, str], database_url: str
) -> None:
    snap, _ = denied_snapshot
    doc = check_from_snapshot(snap, database_url)
    assert doc["decisions"][0]["rule_id"] == "government-barred-vendor"
    assert "details_unavailable" not in doc


def test_a_crash_in_check_is_not_a_denial(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from standing.cli import gate

    def boom(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(gate, "decision_details", boom)
    result = invoke("check", "acct-x", "ads.promote", "--database", database_url, expect=2)
    assert "error: unexpected RuntimeError: boom" in result.stderr
    result = invoke(
        "check", "acct-x", "ads.promote", "--json", "--database", database_url, expect=2
    )
    assert error_document(result)["code"] == "internal"


def test_report_out_must_be_a_writable_directory(database_url: str, tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    result = invoke("report", "--out", str(afile), "--database", database_url, expect=2)
    assert f"--out: {afile} exists and is not a directory" in result.stderr
    result = invoke("report", "--out", str(afile / "sub"), "--database", database_url, expect=2)
    assert "--out: cannot write the report to" in result.stderr
    assert afile.read_text() == "x"


def test_screen_file_not_utf8_or_bad_csv(database_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"name,country\nAcme,DE\n\xff\xfeX\x00,FR\n")
    result = invoke("screen", "--file", str(bad), "--json", "--database", database_url, expect=2)
    assert f"{bad}:3: not valid text" in result.stderr.replace("\n", "")
    assert error_document(result)["code"] == "invalid"

    quote = tmp_path / "quote.csv"
    quote.write_text('name\nAcme\n"Unterminated\nrest\n', encoding="utf-8")
    result = invoke("screen", "--file", str(quote), "--database", database_url, expect=2)
    assert f"{quote}:3: malformed CSV" in result.stderr.replace("\n", "")

    good = tmp_path / "good.csv"
    good.write_bytes("\ufeffName, Country\n\nAcme GmbH, DE\n".encode())
    result = invoke("screen", "--file", str(good), "--json", "--database", database_url, expect=0)
    assert json.loads(result.stdout)["query"] == {
        "name": "Acme GmbH",
        "country": "DE",
        "schema": None,
        "id": None,
    }


@pytest.mark.parametrize(
    ("command", "valid"),
    [
        (["appeals"], ("open", "decided", "all")),
        (["hits"], ("open", "confirmed", "dismissed", "all")),
    ],
)
def test_unknown_status_is_refused(
    command: list[str], valid: tuple[str, ...], database_url: str
) -> None:
    result = invoke(*command, "--status", "bogus", "--database", database_url, expect=2)
    assert "bogus" in result.stderr and "Traceback" not in result.stderr
    result = invoke(*command, "--status", "bogus", "--json", "--database", database_url, expect=2)
    error = error_document(result)
    assert error["code"] == "usage" and "'bogus' is not one of" in error["message"]
    for value in valid:
        assert f"'{value}'" in error["message"]
    invoke(*command, "--status", "all", "--json", "--database", database_url, expect=0)


def test_import_a_directory(database_url: str, tmp_path: Path, cli_as: object) -> None:
    result = invoke("import", str(tmp_path), "--database", database_url, expect=2)
    assert f"{tmp_path}: is a directory" in result.stderr.replace("\n", "")


def test_json_errors_are_a_json_document(database_url: str, unmigrated: str) -> None:
    result = invoke("status", "nobody", "--json", "--database", database_url, expect=2)
    assert error_document(result) == {
        "code": "not_found",
        "message": result.stderr.strip().removeprefix("error: "),
    }
    result = invoke("audit", "verify", "--json", "--database", unmigrated, expect=2)
    assert error_document(result)["code"] == "database_not_migrated"
    result = invoke("statement", "dec-nope", "--database", database_url, expect=2)
    assert result.stdout == ""  # no --json, no document


@pytest.mark.parametrize(
    "command", [[], ["check"], ["demo"], ["hits"], ["audit", "verify"], ["screen"]]
)
def test_help_shows_no_type_for_flags(command: list[str]) -> None:
    result = invoke(*command, "--help", expect=0)
    assert "--help" in result.stdout and "<bool>" not in result.stdout


def test_territories_are_iso_codes_in_any_case(database_url: str, cli_as: object) -> None:
    invoke("import", str(SCENARIO), "--database", database_url, expect=0)
    invoke(
        *DECIDE_VENDOR, "--facts", FACTS, "--territory", "DE", "--database", database_url, expect=0
    )
    for spelling in ("DE", "de", "De"):
        invoke(
            "check", "acct-kaspersky-jp", "ads.promote", "--territory", spelling,
            "--database", database_url, expect=1,
        )  # fmt: skip
    invoke(
        "check", "acct-kaspersky-jp", "ads.promote", "--territory", "FR",
        "--database", database_url, expect=0,
    )  # fmt: skip
    bad = invoke(
        "check", "acct-kaspersky-jp", "ads.promote", "--territory", "ZZZ",
        "--database", database_url, expect=2,
    )  # fmt: skip
    assert "--territory: 'ZZZ' is not an ISO 3166-1 alpha-2 country code" in bad.stderr
    invoke(
        "status", "acct-kaspersky-jp", "--territory", "ZZZ", "--database", database_url, expect=2
    )
    status = invoke(
        "status", "acct-kaspersky-jp", "--territory", "de", "--json",
        "--database", database_url, expect=0,
    )  # fmt: skip
    assert json.loads(status.stdout)["territory"] == "DE"


def test_check_on_a_party_answers_for_the_party(database_url: str, cli_as: object) -> None:
    invoke("import", str(SCENARIO), "--database", database_url, expect=0)
    invoke(*DECIDE_VENDOR, "--facts", FACTS, "--database", database_url, expect=0)
    denied = invoke(
        "check", "kaspersky-labs-japan", "ads.promote", "--json", "--database", database_url,
        expect=1,
    )  # fmt: skip
    doc = json.loads(denied.stdout)
    assert doc["allowed"] is False and doc["unknown"] is False and doc["decisions"]
    assert "is a party, not an account" in doc["reason"]
    invoke("check", "kaspersky-labs-japan", "organic.post", "--database", database_url, expect=0)
    invoke("check", "person-eugene-kaspersky", "ads.promote", "--database", database_url, expect=0)
    unknown = invoke(
        "check", "nobody", "ads.promote", "--json", "--database", database_url, expect=2
    )
    assert error_document(unknown) == {
        "code": "not_found",
        "message": "unknown account 'nobody': no account or party in the database has this id "
        "(the gate would answer allowed for it, marked unknown)",
    }
    typo = invoke("check", "acct-typo", "ads.promote", "--database", database_url, expect=2)
    assert "error: unknown account 'acct-typo'" in typo.stderr and typo.stdout == ""


def test_an_unknown_option_with_json_is_a_json_error(database_url: str) -> None:
    result = invoke("decide", "--json", "--bogus", "--database", database_url, expect=2)
    assert error_document(result) == {"code": "usage", "message": "No such option: --bogus"}
    assert invoke("decide", "--bogus", "--database", database_url, expect=2).stdout == ""


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "settings: STANDING_GATE_STALE_AFTER_S: Input should be a valid number"),
        ("0.1", "settings: gate_stale_after_s (0.1) must be at least twice gate_poll_interval_s"),
    ],
)
def test_bad_settings_are_one_line(
    value: str, message: str, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANDING_GATE_STALE_AFTER_S", value)
    result = invoke("check", "x", "ads.promote", "--json", "--database", database_url, expect=2)
    assert error_document(result)["code"] == "invalid_settings"
    assert message in result.stderr.replace("\n", "")
