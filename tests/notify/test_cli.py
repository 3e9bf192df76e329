"""``standing webhooks`` and ``standing worker`` end to end."""

from __future__ import annotations

import json

import pytest
from pytest_httpserver import HTTPServer
from standardwebhooks.webhooks import Webhook
from typer.testing import CliRunner

from standing.cli import app
from standing.demo.seed import SCENARIO
from tests.cli.test_cli import DECIDE_VENDOR, FACTS


@pytest.fixture
def run(database_url: str, monkeypatch: pytest.MonkeyPatch, cli_as: object):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("STANDING_WEBHOOK_ALLOW_PRIVATE", "true")
    monkeypatch.setenv("STANDING_AS", "admin@test.example")  # endpoints are an admin's
    runner = CliRunner()

    def invoke(*args: str, expect: int = 0) -> str:
        result = runner.invoke(app, [*args, "--database", database_url])
        assert result.exit_code == expect, result.output
        assert "Traceback" not in result.output
        return result.stdout

    return invoke


def test_add_list_deliver_replay_remove(run, httpserver: HTTPServer) -> None:  # type: ignore[no-untyped-def]
    httpserver.expect_request("/hooks").respond_with_data("ok")
    added = json.loads(
        run(
            "webhooks",
            "add",
            httpserver.url_for("/hooks"),
            "--event",
            "decision.recorded",
            "--json",
        )
    )
    assert set(added) == {"id", "secret"} and added["secret"].startswith("whsec_")
    listed = json.loads(run("webhooks", "list", "--json"))["endpoints"]
    assert listed == [
        {
            "id": added["id"],
            "url": httpserver.url_for("/hooks"),
            "events": ["decision.recorded"],
            "status": "active",
            "disabled_reason": None,
            "created_at": listed[0]["created_at"],
        }
    ]
    assert "secret" not in run("webhooks", "list")
    run("import", str(SCENARIO), "--as", "analyst@test.example")
    decision = json.loads(
        run(*DECIDE_VENDOR, "--facts", FACTS, "--as", "analyst@test.example", "--json")
    )
    report = json.loads(run("worker", "--once", "--json"))
    assert report["delivered"] == 1 and report["dead"] == 0
    ((request, _),) = httpserver.log
    payload = Webhook(added["secret"]).verify(request.get_data(), dict(request.headers))
    assert payload["data"]["decision"] == decision["id"]
    message = request.headers["webhook-id"]
    (delivery,) = json.loads(run("outbox", "list", "--json"))["deliveries"]
    assert delivery["message"] == message and delivery["status"] == "delivered"
    assert delivery["event"] == "decision.recorded" and delivery["target"] == added["id"]
    assert run("outbox", "show", delivery["id"]).strip() == request.get_data().decode()
    replayed = json.loads(run("webhooks", "replay", message, "--json"))
    assert replayed["message"] == message and len(replayed["deliveries"]) == 1
    assert "1 delivered" in run("worker", "--once")
    assert httpserver.log[1][0].headers["webhook-id"] == message
    run("webhooks", "remove", added["id"])
    assert json.loads(run("webhooks", "list", "--json")) == {"endpoints": []}


def test_bad_input_is_one_message(run) -> None:  # type: ignore[no-untyped-def]
    out = run("webhooks", "add", "https://93.184.215.14/h", "--event", "nope", "--json", expect=2)
    assert json.loads(out)["error"]["code"] == "invalid"
    run("webhooks", "remove", "wh-nope", expect=2)
    out = run("webhooks", "replay", "msg-nope", "--json", expect=2)
    assert json.loads(out)["error"]["code"] == "not_found"
    out = run("outbox", "list", "--status", "lost", "--json", expect=2)
    assert "--status" in json.loads(out)["error"]["message"]
    run("outbox", "show", "dlv-nope", expect=2)


def test_private_addresses_need_the_setting(
    run,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("STANDING_WEBHOOK_ALLOW_PRIVATE", "false")
    out = run("webhooks", "add", "http://127.0.0.1:9/h", "--json", expect=2)
    assert "STANDING_WEBHOOK_ALLOW_PRIVATE" in json.loads(out)["error"]["message"]
