"""Every appeal outcome names where the party may turn next (DSA Art. 20(5), 21): the decided
appeal's JSON, the appeal list, and the appeal history on the portal's decision page."""

from __future__ import annotations

from tests.web.conftest import World

APPEAL = "Kaspersky Lab, Inc. was sold to Meridian Holdings on 2026-03-01; the register shows it."
REPLY = (
    'You write that Kaspersky Lab, Inc. "was sold to Meridian Holdings on 2026-03-01", but the '
    "Delaware register extract of 2026-04-02 still lists AO Kaspersky Lab as its sole "
    "shareholder."
)


def test_a_decided_appeal_names_the_bodies_and_the_courts(world: World) -> None:
    client, people, dec = world
    contact, reviewer = people["contact_a"].headers, people["reviewer"].headers
    filed = client.post(
        "/api/v1/appeals", json={"decision": dec["kaspersky"], "text": APPEAL}, headers=contact
    ).json()
    assert "redress" not in filed  # an open appeal has no outcome yet
    url = f"/api/v1/appeals/{filed['id']}"
    decided = client.post(
        f"{url}/review", json={"outcome": "upheld", "reply": REPLY}, headers=reviewer
    )
    assert decided.status_code == 200, decided.text
    redress = decided.json()["redress"]
    names = {b["name"]: b["country"] for b in redress["settlement_bodies"]}
    assert names == {"Appeals Centre Europe": "IE", "User Rights": "DE", "ADROIT": "MT"}
    assert {c["id"] for c in redress["courts"]} == {"courts", "digital-services-coordinator"}
    assert client.get(url, headers=contact).json()["redress"] == redress
    listed = client.get("/api/v1/appeals?status=decided", headers=contact).json()["appeals"]
    assert listed[0]["redress"] == redress

    page = client.get(f"/standing/decisions/{dec['kaspersky']}", headers=contact)
    assert page.status_code == 200
    history = page.text[page.text.index('id="appeals-h"') : page.text.index('id="statement-h"')]
    assert "If you disagree" in history
    for name in ("Appeals Centre Europe", "User Rights", "ADROIT", "The courts"):
        assert name in history, name
    assert 'href="https://www.appealscentre.eu"' in history
