from __future__ import annotations

from fastapi.testclient import TestClient

from tests.fixtures.services import TestClock

FACTS = (
    "AO Kaspersky Lab is named in DHS Binding Operational Directive 17-01 of 13 September 2017, "
    "which bars its products from US federal networks."
)


def decide(client: TestClient, **extra: object) -> dict[str, object]:
    body = {
        "subject": "ao-kaspersky-lab",
        "rule": "government-barred-vendor",
        "facts": FACTS,
        **extra,
    }
    response = client.post("/api/v1/decisions", json=body)
    assert response.status_code in (200, 201), response.text
    return response.json()  # type: ignore[no-any-return]


def test_policies_and_health(client: TestClient) -> None:
    doc = client.get("/api/v1/policies").json()
    assert {r["id"] for r in doc["rules"]} >= {"government-barred-vendor", "sanctioned-party"}
    assert client.get("/healthz").text == "ok\n"
    page = client.get("/policies").text
    assert "What restores eligibility" in page and "Does not restrict" in page
    assert "within 184 days of the decision" in page and "every 28 days" in page
    assert "Appeals Centre Europe" in page and doc["redress"]["settlement_bodies"]
    assert client.get("/openapi.json").json()["paths"]["/api/v1/decisions"]
    assert "standing_" in client.get("/metrics").text or client.get("/metrics").status_code == 200


def test_decision_lifecycle(client: TestClient) -> None:
    dry = decide(client, dry_run=True)
    assert dry["dry_run"] is True and dry["id"] is None
    assert "acct-kaspersky-jp" in {a["id"] for a in dry["reach"]["accounts"]}  # type: ignore[index]

    created = decide(client, evidence=["BOD 17-01"], territories=["US"])
    decision_id = created["id"]
    got = client.get(f"/api/v1/decisions/{decision_id}").json()
    assert got["status"] == "active" and got["territories"] == ["US"]

    statement = client.get(f"/api/v1/decisions/{decision_id}/statement").json()
    assert statement["facts"] == FACTS
    assert (
        "You may continue to post organically."
        in client.get(f"/api/v1/decisions/{decision_id}/statement?format=text").text
    )
    page = client.get(f"/decisions/{decision_id}/statement")
    assert page.status_code == 200 and "Statement of reasons" in page.text

    standing = client.get(
        "/api/v1/accounts/acct-kaspersky-jp/standing", params={"territory": "us"}
    ).json()
    promote = next(c for c in standing["capabilities"] if c["capability"] == "ads.promote")
    assert promote["allowed"] is False and promote["decisions"] == [decision_id]
    elsewhere = client.get(
        "/api/v1/accounts/acct-kaspersky-jp/standing", params={"territory": "DE"}
    ).json()
    assert all(c["allowed"] for c in elsewhere["capabilities"])
    party = client.get("/api/v1/parties/kaspersky-labs-japan/standing").json()
    assert party["reasons"][0]["remedy"]

    lifted = client.post(
        f"/api/v1/decisions/{decision_id}/lift",
        json={"reason": "DHS withdrew BOD 17-01 for it on 2026-05-04."},
    )
    assert lifted.status_code == 200 and lifted.json()["status"] == "lifted"
    again = client.post(
        f"/api/v1/decisions/{decision_id}/lift",
        json={"reason": "DHS withdrew BOD 17-01 for it on 2026-05-04."},
    )
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"


def test_errors_are_json_never_500(client: TestClient) -> None:
    cases = [
        client.post(
            "/api/v1/decisions",
            json={"subject": "nobody", "rule": "government-barred-vendor", "facts": FACTS},
        ),
        client.post(
            "/api/v1/decisions", json={"subject": "ao-kaspersky-lab", "rule": "x", "facts": FACTS}
        ),
        client.post(
            "/api/v1/decisions",
            json={
                "subject": "ao-kaspersky-lab",
                "rule": "government-barred-vendor",
                "facts": "short",
            },
        ),
        client.post("/api/v1/decisions", json={"subject": "ao-kaspersky-lab"}),
        client.post(
            "/api/v1/decisions", content=b"{not json", headers={"content-type": "application/json"}
        ),
        client.get("/api/v1/decisions/dec-missing"),
        client.get("/api/v1/accounts/nobody/standing"),
        client.get("/api/v1/accounts/ao-kaspersky-lab/standing"),
    ]
    for response in cases:
        assert 400 <= response.status_code < 500, response.text
        error = response.json()["error"]
        assert error["code"] and error["message"]


def test_decisions_are_listed_newest_first_and_filtered(
    client: TestClient, clock: TestClock
) -> None:
    first = decide(client, territories=["US"])
    clock.advance(minutes=1)
    second = decide(client)
    client.post(f"/api/v1/decisions/{first['id']}/lift", json={"reason": "BOD 17-01 withdrawn."})
    doc = client.get("/api/v1/decisions").json()
    assert doc["total"] == 2
    assert [d["id"] for d in doc["decisions"]] == [second["id"], first["id"]]
    active = client.get("/api/v1/decisions", params={"status": "active"}).json()
    assert [d["id"] for d in active["decisions"]] == [second["id"]]
    assert active["decisions"][0]["status"] == "active"
    lifted = client.get("/api/v1/decisions", params={"status": "lifted"}).json()
    assert [d["id"] for d in lifted["decisions"]] == [first["id"]]
    on = client.get("/api/v1/decisions", params={"subject": "ao-kaspersky-lab", "limit": 1})
    assert on.json()["total"] == 2 and len(on.json()["decisions"]) == 1
    none = client.get("/api/v1/decisions", params={"subject": "nobody"}).json()
    assert none == {"total": 0, "decisions": []}
    bad = client.get("/api/v1/decisions", params={"status": "gone"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid"
