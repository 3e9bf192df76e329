"""Appeal kinds, scopes and outcomes over HTTP: the API and the portal's two forms (dispute,
request reinstatement) for the whole decision or one of the contact's companies, the desk's
outcome form, and the refusals (each on the page and the API, nothing stored)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from standing.bootstrap import Services
from standing.store.appeal_tables import AppealRow
from standing.store.tables import DecisionRow
from tests.fixtures.principals import Credential
from tests.fixtures.services import TestClock
from tests.gate.conftest import eventually
from tests.web.conftest import World
from tests.web.forms import csrf_of, sign_in

SOLD = (
    "Kaspersky Lab, Inc. was sold to Meridian Holdings on 2026-03-01; the Delaware register "
    "extract of 2026-03-04 shows the new shareholder."
)
EXEMPT = (
    "The Delaware register extract of 2026-03-04 you sent shows Meridian Holdings bought "
    "Kaspersky Lab, Inc. on 2026-03-01; AO Kaspersky Lab no longer controls it, so the US "
    "company leaves this decision."
)


def stored(services: Services) -> tuple[int, int]:
    with services.read() as session:
        appeals = session.scalar(select(func.count()).select_from(AppealRow)) or 0
        decisions = session.scalar(select(func.count()).select_from(DecisionRow)) or 0
    return appeals, decisions


def post(client: TestClient, who: Credential, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, json=body, headers=who.headers)


def allowed(client: TestClient, people: dict[str, Credential], account: str) -> bool:
    r = client.post(
        "/api/v1/check",
        json={"capability": "ads.promote", "accounts": [account]},
        headers=people["service_check"].headers,
    )
    assert r.status_code == 200, r.text
    return bool(r.json()["results"][0]["allowed"])


def test_the_api_files_a_scoped_dispute_and_the_reviewer_exempts(
    world: World, demo_graph: Services
) -> None:
    client, people, dec = world
    contact, reviewer = people["contact_a"], people["reviewer"]
    before = stored(demo_graph)
    # bad input: each a clear 422 or 409 naming the field, nothing stored
    wrong_kind = post(
        client,
        contact,
        "/api/v1/appeals",
        {"decision": dec["kaspersky"], "text": SOLD, "kind": "complaint"},
    )
    assert wrong_kind.status_code == 422 and "kind" in wrong_kind.text
    not_mine = post(
        client,
        contact,
        "/api/v1/appeals",
        {"decision": dec["kaspersky"], "text": SOLD, "scope": "ao-kaspersky-lab"},
    )
    assert not_mine.status_code == 422
    assert "scope: 'ao-kaspersky-lab' is none of your" in not_mine.json()["error"]["message"]
    assert stored(demo_graph) == before

    filed = post(
        client,
        contact,
        "/api/v1/appeals",
        {
            "decision": dec["kaspersky"],
            "text": SOLD,
            "kind": "dispute",
            "scope": "kaspersky-lab-inc",
        },
    )
    assert filed.status_code == 201, filed.text
    appeal = filed.json()
    assert (appeal["kind"], appeal["scope"]) == ("dispute", "kaspersky-lab-inc")
    again = post(
        client,
        contact,
        "/api/v1/appeals",
        {"decision": dec["kaspersky"], "text": SOLD, "scope": "kaspersky-lab-inc"},
    )
    assert again.status_code == 409 and "still open" in again.json()["error"]["message"]
    assert stored(demo_graph) == (before[0] + 1, before[1])

    review = f"/api/v1/appeals/{appeal['id']}/review"
    lifted = post(client, reviewer, review, {"outcome": "lifted", "reply": EXEMPT})
    assert lifted.status_code == 422
    assert "outcome: 'lifted' does not end a dispute" in lifted.json()["error"]["message"]
    far = post(
        client,
        reviewer,
        review,
        {"outcome": "exempted", "reply": EXEMPT, "scope": "brightdeal-shop"},
    )
    assert far.status_code == 422 and "does not reach" in far.json()["error"]["message"]
    assert stored(demo_graph) == (before[0] + 1, before[1])
    assert not allowed(client, people, "acct-kaspersky-us")

    done = post(client, reviewer, review, {"outcome": "exempted", "reply": EXEMPT})
    assert done.status_code == 200, done.text
    successor = done.json()["new_decision"]
    assert done.json()["outcome"] == "exempted" and successor
    # the gate and the standing follow: the subsidiary allowed, the rest of the group not
    assert eventually(lambda: allowed(client, people, "acct-kaspersky-us"))
    assert not allowed(client, people, "acct-kaspersky")
    mine = client.get("/api/v1/accounts/acct-kaspersky-us/standing", headers=contact.headers)
    promote = next(c for c in mine.json()["capabilities"] if c["capability"] == "ads.promote")
    assert promote["allowed"] is True
    home = client.get("/standing", headers=contact.headers).text
    assert "(acct-kaspersky-us)" in home and "everything allowed" in home
    read = client.get(f"/api/v1/decisions/{successor}", headers=contact.headers)
    assert read.status_code == 200 and read.json()["exempt"] == ["kaspersky-lab-inc"]
    statement = client.get(f"/api/v1/decisions/{successor}/statement", headers=contact.headers)
    assert "kaspersky-lab-inc" in statement.text and appeal["id"] in statement.text


def test_after_the_window_a_dispute_is_refused_and_reinstatement_is_open(
    world: World, demo_graph: Services, clock: TestClock
) -> None:
    client, people, dec = world
    clock.advance(days=400)
    contact = people["contact_a"]
    before = stored(demo_graph)
    late = post(client, contact, "/api/v1/appeals", {"decision": dec["kaspersky"], "text": SOLD})
    assert late.status_code == 422
    assert "reinstatement is still open" in late.json()["error"]["message"]
    sign_in(client, contact.email)
    url = f"/standing/decisions/{dec['kaspersky']}"
    page = client.get(url)
    assert "Ask for reinstatement" in page.text and "Send the dispute" not in page.text
    token = csrf_of(page.text)
    refused = client.post(f"{url}/dispute", data={"text": SOLD, "csrf_token": token})
    assert refused.status_code == 422 and "reinstatement is still open" in refused.text
    assert stored(demo_graph) == before
    asked = client.post(
        f"{url}/reinstatement",
        data={"text": SOLD, "csrf_token": token, "scope": "kaspersky-lab-inc"},
        follow_redirects=False,
    )
    assert asked.status_code == 303, asked.text
    twice = client.post(
        f"{url}/reinstatement",
        data={"text": SOLD, "csrf_token": token, "scope": "kaspersky-lab-inc"},
    )
    assert twice.status_code == 409 and "request for reinstatement" in twice.text
    assert 'id="reinstatement-error"' in twice.text
    shown = client.get(asked.headers["location"])
    assert "Request for reinstatement" in shown.text and "for Kaspersky Lab, Inc." in shown.text
    with demo_graph.read() as session:
        row = session.scalars(select(AppealRow)).one()
    assert (row.kind, row.scope) == ("reinstatement", "kaspersky-lab-inc")


def test_the_portal_offers_the_contacts_own_companies_as_scopes(
    world: World, demo_graph: Services
) -> None:
    client, people, dec = world
    sign_in(client, people["contact_a"].email)
    url = f"/standing/decisions/{dec['kaspersky']}"
    page = client.get(url)
    assert 'value="kaspersky-lab-inc"' in page.text and 'value="kaspersky-labs-japan"' in page.text
    assert 'value="ao-kaspersky-lab"' not in page.text  # the group's parent is not theirs
    assert "The whole decision" in page.text
    token = csrf_of(page.text)
    foreign = client.post(
        f"{url}/dispute", data={"text": SOLD, "csrf_token": token, "scope": "ao-kaspersky-lab"}
    )
    assert foreign.status_code == 422 and "none of your parties" in foreign.text
    assert stored(demo_graph)[0] == 0
    whole = client.post(
        f"{url}/dispute", data={"text": SOLD, "csrf_token": token}, follow_redirects=False
    )
    one = client.post(
        f"{url}/dispute",
        data={"text": SOLD, "csrf_token": token, "scope": "kaspersky-labs-japan"},
        follow_redirects=False,
    )
    assert whole.status_code == 303 and one.status_code == 303  # different scopes, both open
    assert stored(demo_graph)[0] == 2
