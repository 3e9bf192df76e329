"""/healthz says what is down; OPTIONS and 405 list every method of a path."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from standing.bootstrap import Services
from standing.gate.build import options_from_settings
from standing.web.app import create_app


@pytest.mark.parametrize(
    ("path", "allow"),
    [
        ("/api/v1/appeals", "GET, HEAD, OPTIONS, POST"),
        ("/api/v1/check", "GET, HEAD, OPTIONS, POST"),
        ("/api/v1/decisions", "GET, HEAD, OPTIONS, POST"),
        ("/api/v1/decisions/dec-x/lift", "OPTIONS, POST"),
        ("/healthz", "GET, HEAD, OPTIONS"),
        ("/static/app.css", "GET, HEAD, OPTIONS"),
    ],
)
def test_options_lists_every_method_of_a_path(client: TestClient, path: str, allow: str) -> None:
    r = client.options(path)
    assert r.status_code == 204 and r.content == b""
    assert r.headers["allow"] == allow


def test_options_of_no_path_and_405_allow(client: TestClient) -> None:
    assert client.options("/nowhere").status_code == 404
    r = client.put("/api/v1/appeals", json={})
    assert r.status_code == 405
    assert r.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    assert r.json()["error"]["code"] == "method_not_allowed"


def test_healthz_names_what_is_down(services: Services, database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("takes the database away by removing its file")
    services.settings = services.settings.model_copy(
        update={"gate_stale_after_s": 0.5, "gate_poll_interval_s": 0.05}
    )
    with TestClient(create_app(services=services), raise_server_exceptions=False) as client:
        assert client.get("/healthz").text == "ok\n"
        gate = client.app.state.gate  # type: ignore[attr-defined]
        assert gate.options == options_from_settings(services.settings)
        path = Path(str(make_url(database_url).database))
        services.engine.dispose()
        path.unlink()
        r = client.get("/healthz")
        assert r.status_code == 503 and r.headers["retry-after"] == "5"
        message = r.json()["error"]["message"]
        assert r.json()["error"]["code"] == "unavailable"
        assert message.startswith("down: database: does not answer (OperationalError)")
        import time

        deadline = time.monotonic() + 10
        while "gate: stale" not in message and time.monotonic() < deadline:
            time.sleep(0.05)
            message = client.get("/healthz").json()["error"]["message"]
        assert "; gate: stale, failing closed (database file" in message
        assert "was removed or moved away)" in message


def test_healthz_when_the_database_server_is_unreachable() -> None:
    from standing.settings import Settings

    services = Services.build(Settings(database_url="postgresql://nobody@127.0.0.1:9/none"))
    try:
        client = TestClient(create_app(services=services), raise_server_exceptions=False)
        r = client.get("/healthz")  # no lifespan: no gate, only the database is asked
        assert r.status_code == 503
        assert r.json()["error"]["message"] == "down: database: does not answer (OperationalError)"
    finally:
        services.close()
