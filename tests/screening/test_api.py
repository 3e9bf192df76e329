from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from standing.bootstrap import Services
from standing.screening.service import import_list
from tests.principals import ANALYST

BOD = Path(__file__).resolve().parents[2] / "standing" / "demo" / "lists" / "us_dhs_bod_17_01.csv"


def test_screen_one_and_many_then_review(client: TestClient, demo_graph: Services) -> None:
    import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    one = client.post("/api/v1/screen", json={"name": "Kaspersky Lab ZAO", "country": "ru"})
    assert one.status_code == 200
    assert one.json()["results"][0]["hits"][0]["entry"] == "ao-kaspersky-lab"
    many = client.post(
        "/api/v1/screen",
        json={
            "queries": [{"name": "AO Kaspersky Lab"}, {"name": "Nobody GmbH", "schema": "Company"}]
        },
    )
    first, second = many.json()["results"]
    assert first["hits"][0]["entry"] == "ao-kaspersky-lab" and first["hits"][0]["match"]
    assert not [h for h in second["hits"] if h["match"]]
    queue = client.get("/api/v1/hits").json()["hits"]
    assert queue
    hit = queue[0]
    refused = client.post(f"/api/v1/hits/{hit['id']}/review", json={"action": "dismiss"})
    assert refused.status_code == 422 and "note" in refused.json()["error"]["message"]
    done = client.post(
        f"/api/v1/hits/{hit['id']}/review", json={"action": "dismiss", "note": "Different company."}
    )
    assert done.status_code == 200 and done.json()["status"] == "dismissed"
    assert client.get("/api/v1/lists").json()["versions"][0]["entries"] == 4


def test_screen_bad_bodies(client: TestClient) -> None:
    for body in (
        {},
        {"name": ""},
        {"name": "x", "queries": []},
        {"queries": [{"name": "x", "schema": "Robot"}]},
    ):
        response = client.post("/api/v1/screen", json=body)
        assert response.status_code == 422, body
        assert response.json()["error"]["code"] == "invalid"
