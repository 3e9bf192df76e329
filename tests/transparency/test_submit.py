from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from standing.bootstrap import Services
from standing.cli import app
from standing.errors import Invalid
from standing.graph.importer import import_files
from standing.settings import Settings
from standing.store.transparency_tables import DsaSubmissionRow
from standing.transparency.submit import SubmissionFailed, require_public_url, submit_dsa
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.services import TestClock
from tests.principals import ANALYST
from tests.transparency.dsa_api import FakeDatabase, serve

TOKEN = "X|ybqkCFX7ZkIFoLxtI0VAk1JBzMR9jVk4c4EU"


@pytest.fixture
def database() -> FakeDatabase:
    return FakeDatabase(TOKEN)


@pytest.fixture
def api(database: FakeDatabase) -> Iterator[str]:
    with serve(database) as url:
        yield url


@pytest.fixture
def submitting(demo_graph: Services, api: str, clock: TestClock) -> Iterator[Services]:
    settings = Settings(
        database_url=demo_graph.settings.database_url,
        public_url="https://ads.example.com",
        dsa_api_url=api,
        dsa_api_token=TOKEN,
    )
    built = Services.build(settings, clock=clock)
    yield built
    built.close()


def _many_accounts(services: Services, tmp_path: Path, n: int) -> None:
    lines = [{"id": "big", "schema": "Company", "properties": {"name": ["Bigcorp Holdings Ltd"]}}]
    lines += [
        {
            "id": f"acc-big-{i:03}",
            "schema": "UserAccount",
            "properties": {"owner": ["big"], "service": ["social"], "username": [f"@big{i}"]},
        }
        for i in range(n)
    ]
    path = tmp_path / "big.jsonl"
    path.write_bytes(b"".join(orjson.dumps(x) + b"\n" for x in lines))
    import_files(services, [path], ANALYST)


def test_calls_of_at_most_100_and_nothing_sent_twice(
    submitting: Services, database: FakeDatabase, tmp_path: Path
) -> None:
    _many_accounts(submitting, tmp_path, 230)
    facts = "Bigcorp Holdings Ltd sold one-euro trials that became 49 euro subscriptions."
    record_vendor_decision(submitting, "big", "deceptive-business-practices", facts=facts)
    report = submit_dsa(submitting, sleep=lambda s: None)
    assert len(report.accepted) == 230 and not report.refused
    assert database.calls == [100, 100, 30]
    with submitting.read() as session:
        rows = session.scalars(select(DsaSubmissionRow)).all()
    assert len(rows) == 230 and all(r.uuid for r in rows)
    again = submit_dsa(submitting, sleep=lambda s: None)
    assert again.accepted == () and len(again.already) == 230
    assert database.calls == [100, 100, 30]  # nothing sent twice


def test_429_and_5xx_are_retried_with_backoff(submitting: Services, database: FakeDatabase) -> None:
    record_vendor_decision(submitting)
    database.fail_next = [429, 503, 500]
    waits: list[float] = []
    report = submit_dsa(submitting, sleep=waits.append)
    assert len(report.accepted) == 4 and report.retries == 3
    assert waits == [0.5, 1.0, 2.0]
    database.fail_next = [503] * 10
    record_vendor_decision(submitting, "ano-tv-novosti", "state-controlled-media")
    with pytest.raises(SubmissionFailed, match="no answer after 6 tries"):
        submit_dsa(submitting, sleep=lambda s: None)


def test_a_lost_answer_is_not_sent_twice(submitting: Services, database: FakeDatabase) -> None:
    record_vendor_decision(submitting)
    database.lose_answer_once = True  # stored, but the answer is a 503: the call is repeated
    report = submit_dsa(submitting, sleep=lambda s: None)
    assert len(report.accepted) == 4 and len(database.stored) == 4
    with submitting.read() as session:
        assert len(session.scalars(select(DsaSubmissionRow)).all()) == 4


def test_refusals_are_reported_with_their_reasons(
    submitting: Services, database: FakeDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_vendor_decision(submitting)
    # the database's rules change under the platform: it now refuses one record's category
    from tests.transparency import dsa_api

    real = dsa_api.validate_record

    def stricter(record: dict[str, object]) -> list[object]:
        found = list(real(record))
        if str(record["puid"]).endswith("_acct-kaspersky-us"):
            from standing.transparency.dsa_schema import Violation

            found.append(Violation("category", "in", "The selected category is invalid."))
        return found

    monkeypatch.setattr(dsa_api, "validate_record", stricter)
    report = submit_dsa(submitting, sleep=lambda s: None)
    assert len(report.accepted) == 3
    (refused,) = report.refused
    assert refused["puid"].endswith("_acct-kaspersky-us")
    assert "The selected category is invalid." in str(refused["errors"]["category"])


def test_submission_needs_settings_and_a_public_url(
    demo_graph: Services, submitting: Services
) -> None:
    with pytest.raises(Invalid, match="STANDING_DSA_API_URL and STANDING_DSA_API_TOKEN"):
        submit_dsa(demo_graph)
    for url in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]/", "file:///x"):
        with pytest.raises(Invalid, match=r"STANDING_PUBLIC_URL: .* is not a public address"):
            require_public_url(url)
    require_public_url("https://ads.example.com")


def test_a_wrong_token_is_named(submitting: Services, database: FakeDatabase) -> None:
    record_vendor_decision(submitting)
    database.token = "other"
    with pytest.raises(SubmissionFailed, match="STANDING_DSA_API_TOKEN"):
        submit_dsa(submitting, sleep=lambda s: None)


def test_cli_submit(
    submitting: Services, api: str, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_vendor_decision(submitting)
    monkeypatch.setenv("STANDING_DSA_API_URL", api)
    monkeypatch.setenv("STANDING_DSA_API_TOKEN", TOKEN)
    monkeypatch.setenv("STANDING_PUBLIC_URL", "https://ads.example.com")
    args = ["export", "dsa", "--submit", "--json", "--database", database_url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert orjson.loads(result.output)["accepted"] == 4
    result = CliRunner().invoke(app, args)
    assert orjson.loads(result.output) == {
        "accepted": 0,
        "already_submitted": 4,
        "refused": [],
        "calls": 0,
        "retries": 0,
    }
    monkeypatch.setenv("STANDING_PUBLIC_URL", "http://127.0.0.1:8000")
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0 and "not a public address" in result.output
