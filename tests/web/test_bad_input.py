"""Bad input is a 422 in the API's JSON error shape on every backend, never a 500."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import DataError

from standing.bootstrap import Services
from standing.decisions.service import get_decision
from standing.web.app import create_app
from tests.fixtures.principals import Credential
from tests.principals import VIEWER
from tests.web.test_api import FACTS


def invalid(response: Any, *words: str) -> str:
    """Assert a 422 ``invalid`` error in the API's shape; return its message."""
    assert response.status_code == 422, response.text
    doc = response.json()
    assert set(doc) == {"error"} and set(doc["error"]) == {"code", "message"}, doc
    assert doc["error"]["code"] == "invalid", doc
    message: str = doc["error"]["message"]
    for word in words:
        assert word in message, message
    return message


NUL_PATHS = [
    ("GET", "/api/v1/accounts/acct-a%00/standing"),
    ("GET", "/api/v1/parties/x%00/standing"),
    ("GET", "/api/v1/decisions/dec-%00"),
    ("GET", "/api/v1/decisions/dec-%00/statement"),
    ("GET", "/decisions/dec-%00/statement"),
    ("POST", "/api/v1/decisions/dec-%00/lift"),
    ("GET", "/api/v1/appeals/apl-%00"),
    ("POST", "/api/v1/hits/hit-%00/review"),
]


@pytest.mark.parametrize(("method", "url"), NUL_PATHS)
def test_nul_in_the_path(client: TestClient, method: str, url: str) -> None:
    body = {"reason": "x", "action": "confirm"} if method == "POST" else None
    response = client.request(method, url, json=body)
    invalid(response, "path", "NUL")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/hits?party=co-%00",
        "/api/v1/accounts/acct-kaspersky-jp/standing?territory=%00",
        "/api/v1/decisions/dec-x/statement?format=json%00",
    ],
)
def test_nul_in_the_query_string(client: TestClient, url: str) -> None:
    invalid(client.get(url), "query string", "NUL")


def test_nul_in_the_query_string_names_the_parameter(client: TestClient) -> None:
    invalid(client.get("/api/v1/hits?status=open&party=co-%00"), "query string", "party")


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/v1/appeals", {"decision": "dec-\x00", "text": "Please look again."}, "decision"),
        (
            "/api/v1/decisions",
            {"subject": "co-\x00", "rule": "government-barred-vendor", "facts": FACTS},
            "subject",
        ),
        (
            "/api/v1/decisions",
            {
                "subject": "ao-kaspersky-lab",
                "rule": "government-barred-vendor",
                "facts": FACTS,
                "evidence": ["ok", "bad\x00"],
                "dry_run": True,
            },
            "evidence.1",
        ),
        ("/api/v1/screen", {"queries": [{"name": "Kaspersky\x00"}]}, "queries.0.name"),
        ("/api/v1/decisions/dec-x/lift", {"reason": "because\x00"}, "reason"),
    ],
)
def test_nul_escape_in_the_body(
    client: TestClient, url: str, body: dict[str, Any], field: str
) -> None:
    response = client.post(url, json=body)  # serialised with the JSON escape \u0000
    assert b"\\u0000" in response.request.content
    invalid(response, "body", "NUL", field)


def test_raw_nul_byte_in_the_body(client: TestClient) -> None:
    response = client.post(
        "/api/v1/appeals",
        content=b'{"decision": "dec-\x00", "text": "Please look again."}',
        headers={"content-type": "application/json"},
    )
    invalid(response, "body", "NUL", "decision")
    response = client.post(
        "/api/v1/decisions", content=b"\x00", headers={"content-type": "application/json"}
    )
    invalid(response, "body", "NUL")


def test_an_escaped_backslash_before_u0000_is_not_a_nul(client: TestClient) -> None:
    """``"\\\\u0000"`` in JSON is a backslash followed by the text u0000: allowed."""
    response = client.post(
        "/api/v1/screen",
        content=b'{"name": "Kaspersky \\\\u0000"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["query"]["name"] == "Kaspersky \\u0000"


def chunked(*parts: bytes) -> Iterator[bytes]:
    yield from parts


def test_a_nul_split_across_body_chunks_is_found(client: TestClient) -> None:
    response = client.post(
        "/api/v1/appeals",
        content=chunked(b'{"decision": "dec-\\u00', b'00", "text": "Please look again."}'),
        headers={"content-type": "application/json"},
    )
    invalid(response, "body", "NUL", "decision")


def test_a_body_in_many_chunks_reaches_the_route_whole(client: TestClient) -> None:
    response = client.post(
        "/api/v1/screen",
        content=chunked(b'{"queries": [{"name": "AO Kas', b"persky Lab", b'"}]}'),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["query"]["name"] == "AO Kaspersky Lab"


def asgi(
    app: Any, method: str, path: str, query: bytes, messages: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Run one HTTP request through the ASGI app with the given receive messages."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query,
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json")],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    pending = list(messages)
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if pending:
            return pending.pop(0)
        await asyncio.sleep(3600)  # the client never sends anything more
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(asyncio.wait_for(app(scope, receive, send), 10))
    return sent


def test_raw_nul_in_the_query_string(demo_graph: Services) -> None:
    sent = asgi(create_app(services=demo_graph), "GET", "/api/v1/hits", b"party=co-\x00", [])
    assert sent[0]["status"] == 422
    assert b"query string" in sent[1]["body"] and b"NUL" in sent[1]["body"]


def test_a_client_gone_before_the_body_ends_gets_no_answer(demo_graph: Services) -> None:
    messages = [
        {"type": "http.request", "body": b'{"name": ', "more_body": True},
        {"type": "http.disconnect"},
    ]
    assert asgi(create_app(services=demo_graph), "POST", "/api/v1/screen", b"", messages) == []


def test_database_data_errors_are_422_not_500(demo_graph: Services) -> None:
    """The backstop: a value the database refuses (here PostgreSQL, NUL) is bad input."""
    app = create_app(services=demo_graph)

    @app.get("/test/decision-with-nul")
    def nul_lookup() -> dict[str, Any]:  # past the NUL guard, straight to the database
        get_decision(demo_graph, "dec-\x00", VIEWER)
        return {}

    @app.get("/test/data-error")
    def data_error() -> dict[str, Any]:
        raise DataError("SELECT 1", {}, ValueError("value out of range"))

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/test/decision-with-nul")
        if response.status_code != 404:  # SQLite stores NUL; PostgreSQL refuses it
            invalid(response, "NUL")
        invalid(client.get("/test/data-error"), "value out of range")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"queries": []}, ["queries", "at least 1"]),
        ({"queries": [{}]}, ["queries.0.name", "required"]),
        ({"queries": [{"name": ""}]}, ["queries.0.name"]),
        ({"queries": [{"name": "x", "colour": "red"}]}, ["queries.0.colour"]),
        ({"queries": "x"}, ["queries", "list"]),
        ({"name": ""}, ["name", "at least 1"]),
        ({"name": "x", "country": "Narnia"}, ["country", "not a country"]),
        ({"name": "x", "country": "R"}, ["country", "not a country"]),
        ({"name": "x", "schema": "Ship"}, ["schema"]),
        ({"name": "x", "queries": [{"name": "y"}]}, ["name or queries"]),
        ({}, ["name or queries"]),
        ([], ["body"]),
        ("x", ["body"]),
        (None, ["body"]),
    ],
)
def test_screen_rejects_every_bad_shape(client: TestClient, body: Any, words: list[str]) -> None:
    response = client.post(
        "/api/v1/screen",
        content=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    invalid(response, *words)


def test_screen_one_name_still_works(client: TestClient) -> None:
    response = client.post("/api/v1/screen", json={"name": "AO Kaspersky Lab", "country": "ru"})
    assert response.status_code == 200, response.text
    query = response.json()["results"][0]["query"]
    assert query == {"name": "AO Kaspersky Lab", "country": "ru", "schema": None, "id": None}


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"\xff{", "UTF-8"),
        (b'{"subject": "\xe9"}', "UTF-8"),
        (b"{not json", "Expecting"),
        (b'{"subject": "a",}', "Expecting"),
        (b"[" * 100_000, "deep"),
    ],
)
def test_a_body_that_is_not_json_is_422(client: TestClient, content: bytes, why: str) -> None:
    response = client.post(
        "/api/v1/decisions", content=content, headers={"content-type": "application/json"}
    )
    message = invalid(response, "body: not valid JSON (", why)
    assert message.endswith(")"), message


@pytest.mark.parametrize("value", ["yes", "true", 1, 0, "false", None])
def test_dry_run_is_strictly_a_json_boolean(client: TestClient, value: object) -> None:
    body = {
        "subject": "ao-kaspersky-lab",
        "rule": "government-barred-vendor",
        "facts": FACTS,
        "dry_run": value,
    }
    invalid(client.post("/api/v1/decisions", json=body), "dry_run", "boolean")


def test_dry_run_true_and_false_still_work(client: TestClient) -> None:
    body = {"subject": "ao-kaspersky-lab", "rule": "government-barred-vendor", "facts": FACTS}
    assert client.post("/api/v1/decisions", json={**body, "dry_run": True}).status_code == 200
    assert client.post("/api/v1/decisions", json={**body, "dry_run": False}).status_code == 201


LONE = '"\\ud800"'  # the JSON escape of a lone surrogate, as a client would send it
VENDOR = '"subject": "ao-kaspersky-lab", "rule": "government-barred-vendor"'


@pytest.mark.parametrize(
    ("url", "body", "where"),
    [
        ("/api/v1/screen", '{"queries": [{"name": "Kaspersky Lab", "id": LONE}]}', "queries.0.id"),
        ("/api/v1/decisions", "{" + VENDOR + ', "facts": LONE}', "facts"),
        ("/api/v1/decisions/dec-x/lift", '{"reason": LONE}', "reason"),
        ("/api/v1/appeals", '{"decision": "dec-x", "text": LONE}', "text"),
    ],
)
def test_lone_surrogates_are_refused_with_their_field(
    client: TestClient, url: str, body: str, where: str
) -> None:
    content = body.replace("LONE", LONE).encode()
    r = client.post(url, content=content, headers={"content-type": "application/json"})
    invalid(r, "lone UTF-16 surrogates", f"(in {where})")


def test_surrogate_pairs_are_characters(client: TestClient) -> None:
    body = '{"name": "Kaspersky \\ud83d\\ude00 Lab"}'
    r = client.post(
        "/api/v1/screen", content=body.encode(), headers={"content-type": "application/json"}
    )
    assert r.status_code == 200, r.text


def test_moments_without_a_utc_equivalent(
    client: TestClient, credentials: dict[str, Credential]
) -> None:
    r = client.get(
        "/api/v1/export/dsa",
        params={"since": "9999-12-31T23:59:59-14:00"},
        headers=credentials["auditor"].headers,
    )
    invalid(r, "since:", "out of range")
    r = client.post(
        "/api/v1/decisions",
        json={
            "subject": "ao-kaspersky-lab",
            "rule": "government-barred-vendor",
            "facts": FACTS,
            "until": "9999-12-31T23:59:59-14:00",
        },
    )
    invalid(r, "until:", "out of range")


def test_method_not_allowed_says_what_is(client: TestClient) -> None:
    r = client.request("TRACE", "/api/v1/policies")
    assert r.status_code == 405
    assert r.json()["error"]["code"] == "method_not_allowed"
    assert "GET" in r.headers["allow"]


def test_check_refuses_a_lone_surrogate(
    client: TestClient, credentials: dict[str, Credential]
) -> None:
    body = '{"capability": "ads.promote", "accounts": ["a", LONE]}'.replace("LONE", LONE)
    r = client.post(
        "/api/v1/check", content=body.encode(), headers=credentials["service_check"].headers
    )
    invalid(r, "not valid JSON")


def test_openapi_documents_the_error_shape(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    error_ref = "#/components/schemas/ErrorOut"
    for path, operations in spec["paths"].items():
        if not path.startswith("/api/v1"):
            continue
        for method, op in operations.items():
            for status in ("404", "422"):
                schema = op["responses"][status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": error_ref}, (method, path, status)
    statement = spec["paths"]["/api/v1/decisions/{decision_id}/statement"]["get"]
    assert set(statement["responses"]["200"]["content"]) == {
        "application/json",
        "text/plain",
        "text/html",
    }
