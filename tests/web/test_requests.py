"""How the JSON routes read requests: content types, sizes, moments, HEAD."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from standing.web.app import BODY_LIMIT
from tests.fixtures.principals import Credential
from tests.web.test_api import FACTS, decide
from tests.web.test_bad_input import invalid

VENDOR = {"subject": "ao-kaspersky-lab", "rule": "government-barred-vendor", "facts": FACTS}


@pytest.mark.parametrize(
    "content_type", ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data", None]
)
def test_a_write_must_declare_its_json(client: TestClient, content_type: str | None) -> None:
    """A body a browser form or another site can send (form, text/plain) or one that says
    nothing is refused: only a declared JSON body writes (no cross-site request forgery)."""
    import json

    headers = {"content-type": content_type} if content_type else {}
    r = client.post(
        "/api/v1/decisions",
        content=json.dumps({**VENDOR, "dry_run": True}).encode(),
        headers=headers,
    )
    assert r.status_code == 415, r.text
    assert r.json()["error"]["code"] == "unsupported_media_type"


def test_a_body_that_is_neither_json_nor_declared_json_is_415(client: TestClient) -> None:
    r = client.post(
        "/api/v1/decisions", content=b"<decision/>", headers={"content-type": "application/xml"}
    )
    assert r.status_code == 415
    assert r.json()["error"] == {
        "code": "unsupported_media_type",
        "message": "body: send JSON, with the header Content-Type: application/json",
    }


def test_a_body_over_the_limit_is_413_before_it_is_read_whole(client: TestClient) -> None:
    facts = "x" * (BODY_LIMIT + 1)
    r = client.post("/api/v1/decisions", json={**VENDOR, "facts": facts})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "too_large"
    assert "MiB" in r.json()["error"]["message"]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("facts", "AO Kaspersky Lab " + "sold " * 5_000 + ".", ["facts", "20000"]),
        ("author", "someone else", ["author", "Extra inputs"]),  # the caller is the author
        ("territories", ["DE"] * 301, ["territories", "300"]),
        ("evidence", ["e" * 2_001], ["evidence.0", "2000"]),
    ],
)
def test_fields_have_bounds(
    client: TestClient, field: str, value: object, words: list[str]
) -> None:
    invalid(client.post("/api/v1/decisions", json={**VENDOR, field: value}), *words)


@pytest.mark.parametrize(
    ("until", "expected"),
    [
        ("2030-01-01", "2030-01-01T00:00:00+00:00"),
        ("20300101", "2030-01-01T00:00:00+00:00"),  # ISO 8601 basic format, as the CLI reads it
        ("2030-01-01T12:00:00+02:00", "2030-01-01T10:00:00+00:00"),
    ],
)
def test_until_is_iso_8601_as_on_the_cli(client: TestClient, until: str, expected: str) -> None:
    created = decide(client, until=until)
    assert created["ends_at"] == expected


@pytest.mark.parametrize("until", ["1900000000", 1900000000, "next week"])
def test_until_is_never_a_unix_timestamp_or_prose(client: TestClient, until: object) -> None:
    invalid(client.post("/api/v1/decisions", json={**VENDOR, "until": until}), "until", "ISO 8601")


def test_export_since_reads_the_same_way(
    client: TestClient, credentials: dict[str, Credential]
) -> None:
    client.headers.update(credentials["auditor"].headers)
    assert client.get("/api/v1/export/dsa", params={"since": "20260101"}).status_code == 200
    invalid(client.get("/api/v1/export/dsa", params={"since": "1900000000"}), "since", "ISO")


def test_head_answers_every_get_route_without_a_body(client: TestClient) -> None:
    for url in ("/healthz", "/api/v1/policies", "/policies"):
        get, head = client.get(url), client.head(url)
        assert head.status_code == 200, url
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
        assert head.headers["content-length"] == str(len(get.content))
    assert client.head("/api/v1/parties/nobody/standing").status_code == 404


def test_the_owner_of_an_account_subject_is_in_the_reach(client: TestClient) -> None:
    dry = client.post(
        "/api/v1/decisions",
        json={
            "subject": "acct-kaspersky-jp",
            "rule": "deceptive-business-practices",
            "facts": "The account acct-kaspersky-jp promoted a fake 70 % discount on licences.",
            "dry_run": True,
        },
    )
    assert dry.status_code == 200, dry.text
    (account,) = dry.json()["reach"]["accounts"]
    assert account["owner"] == "kaspersky-labs-japan"
    assert account["why"] == "it is the subject of the decision"
