"""The check routes over HTTP, on the real app (``create_app``) and its gate."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import orjson
import pytest

with warnings.catch_warnings():
    # starlette asks for httpx2 in its TestClient; httpx works the same for these tests
    warnings.simplefilter("ignore", UserWarning)
    from fastapi.testclient import TestClient

from standing.bootstrap import Services
from standing.web.app import create_app
from tests.fixtures.principals import make_credentials
from tests.gate import factories
from tests.gate.conftest import eventually


@pytest.fixture
def seeded(database_url: str) -> Iterator[Services]:
    svc = factories.services(database_url, gate_poll_interval_s=0.02, check_batch_limit=50)
    factories.add_graph(
        svc,
        parties=["vendor", "sub", "other"],
        ownerships=[("vendor", "sub", 90.0)],
        accounts=[("acc-vendor", "vendor"), ("acc-sub", "sub"), ("acc-other", "other")],
    )
    factories.record(svc, factories.decision("dec-1", "vendor"))
    factories.record(svc, factories.decision("dec-de", "other", territories=("DE",)))
    yield svc
    svc.close()


@pytest.fixture
def client(seeded: Services) -> Iterator[TestClient]:
    check = make_credentials(seeded)["service_check"]
    with TestClient(create_app(services=seeded), headers=check.headers) as c:
        yield c


def test_batch_check(client: TestClient) -> None:
    r = client.post(
        "/api/v1/check",
        json={
            "capability": "ads.promote",
            "accounts": ["acc-sub", "acc-other", "nobody", "acc-sub"],
        },
    )
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["as_of"] == 3
    assert body["results"] == [
        {"account": "acc-sub", "allowed": False, "decisions": ["dec-1"]},
        {"account": "acc-other", "allowed": False, "decisions": ["dec-de"]},
        {"account": "nobody", "allowed": True, "decisions": []},
        {"account": "acc-sub", "allowed": False, "decisions": ["dec-1"]},
    ]
    r = client.post(
        "/api/v1/check",
        json={"capability": "ads.promote", "accounts": ["acc-other"], "territory": "FR"},
    )
    assert r.json()["results"] == [{"account": "acc-other", "allowed": True, "decisions": []}]
    r = client.post("/api/v1/check", json={"capability": "organic.post", "accounts": []})
    assert r.json() == {"results": [], "as_of": 3}
    r = client.post(
        "/api/v1/check",
        json={"capability": "ads.promote", "accounts": ["acc-other"], "territory": "de"},
    )
    assert r.json()["results"] == [
        {"account": "acc-other", "allowed": False, "decisions": ["dec-de"]}
    ]


def test_ids_that_need_escaping(client: TestClient) -> None:
    ids = ['we"ird', "back\\slash", "ünïcode", "acc-sub", "tab\there"]
    r = client.post(
        "/api/v1/check", content=orjson.dumps({"capability": "ads.promote", "accounts": ids})
    )
    assert r.status_code == 200
    assert [x["account"] for x in r.json()["results"]] == ids
    assert [x["allowed"] for x in r.json()["results"]] == [True, True, True, False, True]
    r = client.post(
        "/api/v1/check",
        content=orjson.dumps({"capability": "ads.promote", "accounts": ["ünïcode"]}),
    )
    assert r.json()["results"][0]["account"] == "ünïcode"


def test_single_check(client: TestClient) -> None:
    r = client.get("/api/v1/check", params={"account": "acc-sub", "capability": "ads.promote"})
    assert r.status_code == 200
    body = r.json()
    assert body["allowed"] is False
    assert body["decisions"] == ["dec-1"]
    assert body["as_of"] == 3
    assert body["unknown"] is False
    r = client.get(
        "/api/v1/check",
        params={"account": "acc-other", "capability": "ads.promote", "territory": "US"},
    )
    assert r.json()["allowed"] is True
    r = client.get(
        "/api/v1/check",
        params={"account": "acc-other", "capability": "ads.promote", "territory": "de"},
    )
    assert r.json()["allowed"] is False
    r = client.get(
        "/api/v1/check",
        params={"account": "acc-other", "capability": "ads.promote", "territory": "ZZZ"},
    )
    assert r.status_code == 422
    assert "ISO 3166-1" in r.json()["error"]["message"]
    r = client.get("/api/v1/check", params={"account": "acc-sub"})
    assert r.status_code == 422
    assert "capability" in r.json()["error"]["message"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "expected a JSON object"),
        (b'{"accounts": ["a"]}', "capability"),
        (b'{"capability": "ads.promote"}', "accounts"),
        (b'{"capability": "ads.promote", "accounts": "acc-1"}', "accounts"),
        (b'{"capability": "ads.promote", "accounts": ["a", 1]}', "account id string"),
        (b'{"capability": "ads.promote", "accounts": ["a"], "territory": 5}', "territory"),
        (b'{"capability": "ads.promote", "accounts": ["a"], "territory": "ZZZ"}', "ISO 3166"),
        (b'{"capability": "ads.promote", "accounts": ["a"], "territory": "EU"}', "ISO 3166"),
        (b'{"capability": "ads.promote", "accounts": ["a"], "territory": ""}', "territory"),
        (b'{"capability": "%s", "accounts": ["a"]}' % (b"x" * 300), "the longest is 200"),
        (b'{"capability": "", "accounts": ["a"]}', "capability"),
        (b'{"capability": "x", "accounts": [], "extra": 1}', "unknown field"),
        (b'{"capability": "ads.teleport", "accounts": ["a"]}', "not in the published catalogue"),
        (b"", "not valid JSON"),
    ],
)
def test_bad_bodies_get_422(client: TestClient, body: bytes, message: str) -> None:
    r = client.post("/api/v1/check", content=body)
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "invalid"
    assert message in error["message"]


def test_over_the_batch_limit_is_413(client: TestClient) -> None:
    r = client.post("/api/v1/check", json={"capability": "ads.promote", "accounts": ["a"] * 51})
    assert r.status_code == 413
    error = r.json()["error"]
    assert error["code"] == "too_large"
    assert "51" in error["message"] and "50" in error["message"]
    r = client.post("/api/v1/check", content=b"x" * 50_000, headers={"content-length": "50000"})
    assert r.status_code == 413


def test_bearer_token(seeded: Services) -> None:
    people = make_credentials(seeded)
    token = people["service_check"].token
    with TestClient(create_app(services=seeded)) as c:
        body = {"capability": "ads.promote", "accounts": ["acc-sub"]}
        r = c.post("/api/v1/check", json=body)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        r = c.post("/api/v1/check", json=body, headers={"authorization": "Bearer stk_wrong"})
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "unauthorized"
        r = c.post("/api/v1/check", json=body, headers={"authorization": f"Bearer {token}"})
        assert r.status_code == 200
        r = c.post("/api/v1/check", json=body, headers={"authorization": f"bearer {token}"})
        assert r.status_code == 200  # the scheme name is case-insensitive (RFC 9110)
        for other in ("analyst", "admin", "service_screen"):  # no scope check: 403
            r = c.post("/api/v1/check", json=body, headers=people[other].headers)
            assert r.status_code == 403, other
        params = {"account": "acc-sub", "capability": "ads.promote"}
        assert c.get("/api/v1/check", params=params).status_code == 401
        r = c.get("/api/v1/check", params=params, headers={"authorization": f"Bearer {token}"})
        assert r.status_code == 200
        assert (
            c.get("/api/v1/check", params=params, headers=people["viewer"].headers).status_code
            == 403
        )


def test_route_follows_new_decisions(client: TestClient, seeded: Services) -> None:
    factories.record(seeded, factories.decision("dec-2", "acc-vendor", kind="account"))

    def denied() -> bool:
        r = client.post(
            "/api/v1/check", json={"capability": "ads.promote", "accounts": ["acc-vendor"]}
        )
        return set(r.json()["results"][0]["decisions"]) == {"dec-1", "dec-2"}

    assert eventually(denied)


def test_schema_documents_the_contract(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    post = spec["paths"]["/api/v1/check"]["post"]
    assert post["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "CheckRequest"
    )
    assert "get" in spec["paths"]["/api/v1/check"]


def test_unknown_capability_on_the_single_check(client: TestClient) -> None:
    r = client.get("/api/v1/check", params={"account": "a", "capability": "ads.teleport"})
    assert r.status_code == 422
    assert "ads.teleport" in r.json()["error"]["message"]


def test_batch_check_failure_is_a_json_500(seeded: Services) -> None:
    """The hot route skips the middleware stack; an unexpected failure still answers in the
    API's error shape instead of dropping the connection."""

    class Broken:
        def batch_view(self, *_args: object) -> None:
            raise RuntimeError("snapshot unreadable")

        def close(self) -> None:
            pass

    app = create_app(services=seeded)
    check = make_credentials(seeded)["service_check"]
    with TestClient(app, raise_server_exceptions=False, headers=check.headers) as c:
        real = app.state.gate
        app.state.gate = Broken()
        try:
            r = c.post("/api/v1/check", json={"capability": "ads.promote", "accounts": ["a"]})
        finally:
            app.state.gate = real
    assert r.status_code == 500
    assert r.json() == {
        "error": {"code": "internal", "message": "internal error; it has been logged"}
    }
