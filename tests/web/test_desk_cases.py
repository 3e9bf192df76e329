"""The desk's acts on a case: claims (held, refused to others while they last, expiring,
released, ended by the decision), internal notes (on the case page and its history, never on
the advertiser's pages or API), the ownership chain drawn as SVG, a hit's matched name parts,
and the guard's verdict on a reply as it is typed."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from standing.access.service import NewUser, add_user, create_token
from standing.appeals.service import file_appeal, get_appeal
from standing.bootstrap import Services
from standing.desk.service import claims_on, notes_on
from standing.screening.service import hits, import_list
from standing.store.desk_tables import ClaimRow, NoteRow
from standing.store.tables import EventRow
from standing.web.app import create_app
from tests.decisions.helpers import record_vendor_decision
from tests.factories import written
from tests.fixtures.principals import PASSWORD, Credential
from tests.fixtures.services import TestClock
from tests.principals import ANALYST, VIEWER
from tests.screening.test_service import BOD
from tests.web.conftest import own_decision_appealed
from tests.web.forms import csrf_of, sign_in
from tests.web.test_desk import APPEAL, REPLY

NOTE = "Called the Delaware registry on 3 April: the share transfer is still pending review."
BOILERPLATE = (
    "We have reviewed your appeal carefully and the decision stands as it complies with our "
    "policies."
)

World = tuple[TestClient, dict[str, Credential], str, str]


@pytest.fixture
def world(demo_graph: Services, credentials: dict[str, Credential]) -> Iterator[World]:
    decision = record_vendor_decision(demo_graph).decision.id
    appeal = file_appeal(demo_graph, decision, APPEAL, credentials["contact_a"].principal).id
    second = add_user(
        demo_graph,
        credentials["admin"].principal,
        NewUser("second@test.example", roles=("reviewer",), password=PASSWORD),
    )
    token = create_token(demo_graph, credentials["admin"].principal, user="second@test.example")
    people = {**credentials, "second": Credential(second, token.token)}
    with TestClient(create_app(services=demo_graph), raise_server_exceptions=False) as client:
        yield client, people, decision, appeal


def _events(services: Services, action: str) -> list[EventRow]:
    with services.read() as session:
        return list(session.scalars(select(EventRow).where(EventRow.action == action)))


def test_a_claim_holds_off_others_until_it_expires(
    world: World, demo_graph: Services, clock: TestClock
) -> None:
    client, people, _, appeal = world
    me, other = people["reviewer"], people["second"]
    sign_in(client, me.email)
    url = f"/review/appeals/{appeal}"
    token = csrf_of(client.get(url).text)
    assert client.post(f"{url}/claim", data={"x": "1"}).status_code == 403  # no CSRF token
    assert claims_on(demo_graph, [appeal], VIEWER) == {}
    claimed = client.post(f"{url}/claim", data={"csrf_token": token}, follow_redirects=False)
    assert claimed.status_code == 303 and claimed.headers["location"].endswith("done=claimed")
    page = client.get(claimed.headers["location"]).text
    assert "hold this case until" in page and "Release it" in page
    held = claims_on(demo_graph, [appeal], VIEWER)[appeal]
    assert held.held_by == me.principal.id
    assert (held.expires_at - held.claimed_at).total_seconds() == 30 * 60
    [event] = _events(demo_graph, "case:claim")
    assert event.actor == me.principal.id and event.subject == appeal

    # the other reviewer sees who holds it and until when, and is refused
    theirs = client.get(url, headers=other.headers).text
    assert f"Claimed by {me.principal.id}" in theirs and "Claim this case" not in theirs
    refused = client.post(f"/api/v1/appeals/{appeal}/claim", headers=other.headers)
    assert refused.status_code == 409
    assert f"claimed by {me.principal.id} until" in refused.json()["error"]["message"]
    review = {"outcome": "upheld", "reply": REPLY}
    blocked = client.post(f"/api/v1/appeals/{appeal}/review", json=review, headers=other.headers)
    assert blocked.status_code == 409 and "decided when they release it" in blocked.text
    assert get_appeal(demo_graph, appeal, VIEWER).status == "open"
    assert claims_on(demo_graph, [appeal], VIEWER)[appeal].held_by == me.principal.id

    clock.advance(minutes=31)  # the claim has expired
    assert claims_on(demo_graph, [appeal], VIEWER) == {}
    taken = client.post(f"/api/v1/appeals/{appeal}/claim", headers=other.headers)
    assert taken.status_code == 200 and taken.json()["held_by"] == other.principal.id
    mine_again = client.post(f"{url}/claim", data={"csrf_token": token})
    assert mine_again.status_code == 409 and 'role="alert"' in mine_again.text
    assert f"claimed by {other.principal.id} until" in mine_again.text


def test_release_and_a_decision_end_the_claim(world: World, demo_graph: Services) -> None:
    client, people, _, appeal = world
    me, other = people["reviewer"], people["second"]
    api = f"/api/v1/appeals/{appeal}"
    assert client.post(f"{api}/release", headers=me.headers).status_code == 409  # not held
    assert client.post(f"{api}/claim", headers=me.headers).status_code == 200
    assert client.post(f"{api}/release", headers=other.headers).status_code == 409
    released = client.post(f"{api}/release", headers=me.headers)
    assert released.status_code == 200 and released.json()["released"] is True
    assert claims_on(demo_graph, [appeal], VIEWER) == {}
    assert [json.loads(e.payload)["reason"] for e in _events(demo_graph, "case:release")] == [
        "released"
    ]

    assert client.post(f"{api}/claim", headers=me.headers).status_code == 200
    review = {"outcome": "upheld", "reply": REPLY}
    assert client.post(f"{api}/review", json=review, headers=me.headers).status_code == 200
    with demo_graph.read() as session:
        assert session.get(ClaimRow, appeal) is None
    reasons = [json.loads(e.payload)["reason"] for e in _events(demo_graph, "case:release")]
    assert reasons == ["released", "decided"]
    gone = client.post(f"{api}/claim", headers=me.headers)
    assert gone.status_code == 409 and "only open cases" in gone.json()["error"]["message"]


def test_who_may_claim(world: World) -> None:
    client, people, _, appeal = world
    api = f"/api/v1/appeals/{appeal}/claim"
    for who, status in (
        ("viewer", 403),
        ("analyst", 403),
        ("contact_a", 403),
        ("service_decide", 403),
    ):
        assert client.post(api, headers=people[who].headers).status_code == status, who
    assert client.post(api).status_code == 401
    unknown = client.post("/api/v1/appeals/apl-nope/claim", headers=people["reviewer"].headers)
    assert unknown.status_code == 404


def test_notes_are_for_staff_and_never_reach_the_advertiser(
    world: World, demo_graph: Services, clock: TestClock
) -> None:
    client, people, decision, appeal = world
    sign_in(client, people["reviewer"].email)
    url = f"/review/appeals/{appeal}"
    token = csrf_of(client.get(url).text)
    empty = client.post(f"{url}/notes", data={"note": "   ", "csrf_token": token})
    assert empty.status_code == 422 and "note: empty" in empty.text
    with demo_graph.read() as session:
        assert session.scalars(select(NoteRow)).first() is None  # nothing stored
    done = client.post(
        f"{url}/notes", data={"note": NOTE, "csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303
    page = client.get(url).text
    assert NOTE in page and "Internal note on appeal" in page  # the notes and the history
    [note] = notes_on(demo_graph, [appeal], VIEWER)
    assert note.author == people["reviewer"].principal.id and note.text == NOTE
    [event] = _events(demo_graph, "case:note")
    assert event.actor == note.author and json.loads(event.payload)["text"] == NOTE
    clock.advance(minutes=1)
    api = client.post(
        f"/api/v1/appeals/{appeal}/notes",
        json={"text": "A second note, by the analyst."},
        headers=people["analyst"].headers,
    )
    assert api.status_code == 201 and api.json()["author"] == people["analyst"].principal.id
    listed = client.get(f"/api/v1/appeals/{appeal}/notes", headers=people["viewer"].headers)
    assert [n["text"] for n in listed.json()["notes"]] == [NOTE, "A second note, by the analyst."]

    contact = people["contact_a"].headers
    refused = client.post(f"/api/v1/appeals/{appeal}/notes", json={"text": "x"}, headers=contact)
    assert refused.status_code == 403
    assert client.get(f"/api/v1/appeals/{appeal}/notes", headers=contact).status_code == 403
    client.cookies.clear()
    for path in (
        "/standing",
        f"/standing/decisions/{decision}",
        "/api/v1/appeals",
        f"/api/v1/appeals/{appeal}",
        f"/api/v1/decisions/{decision}",
        f"/api/v1/decisions/{decision}/statement",
    ):
        seen = client.get(path, headers=contact)
        assert seen.status_code == 200, path
        assert "Delaware registry on 3 April" not in seen.text, path
        assert "second note" not in seen.text, path


def test_the_guard_judges_the_reply_as_it_is_typed(world: World, demo_graph: Services) -> None:
    client, people, _, appeal = world
    sign_in(client, people["reviewer"].email)
    url = f"/review/appeals/{appeal}"
    case = client.get(url).text
    assert 'hx-post="/review/appeals/' in case and "/static/vendor/htmx.min.js" in case
    assert "<script>" not in case  # no inline script (the CSP forbids them)
    token = csrf_of(case)
    htmx = {"HX-Request": "true"}
    refused = client.post(
        f"{url}/verdict", data={"reply": BOILERPLATE, "csrf_token": token}, headers=htmx
    )
    assert refused.status_code == 200 and "The guard refuses this reply" in refused.text
    assert "<html" not in refused.text  # a fragment
    accepted = client.post(
        f"{url}/verdict", data={"reply": REPLY, "csrf_token": token}, headers=htmx
    )
    assert "Accepted by the guard" in accepted.text and "2026-04-02" in accepted.text
    empty = client.post(f"{url}/verdict", data={"reply": "", "csrf_token": token}, headers=htmx)
    assert "Write the reply" in empty.text
    # without JavaScript: the "Check the reply" button shows the whole page with the verdict
    whole = client.post(
        f"{url}/verdict", data={"reply": BOILERPLATE, "outcome": "upheld", "csrf_token": token}
    )
    assert whole.status_code == 200 and "<html" in whole.text
    assert (
        "The guard refuses this reply" in whole.text and "complies with our policies" in whole.text
    )
    assert client.post(f"{url}/verdict", data={"reply": REPLY}).status_code == 403  # no token
    assert get_appeal(demo_graph, appeal, VIEWER).status == "open"  # nothing decided
    viewer = client.post(f"{url}/verdict", data={"reply": REPLY}, headers=people["viewer"].headers)
    assert viewer.status_code == 403


def test_the_case_page_draws_the_ownership_chain(world: World) -> None:
    client, people, decision, appeal = world
    page = client.get(f"/review/appeals/{appeal}", headers=people["viewer"].headers).text
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "<script" not in svg
    # the subject, the appellant's parties, the holding between them, with the shares
    for label in ("AO Kaspersky Lab", "Kaspersky Lab, Inc.", "Kaspersky Labs GmbH"):
        assert label in svg, label
    assert "15 %" in svg and "60 %" in svg and "100 %" in svg
    assert "subject of the decision" in svg and "appellant" in svg
    assert "@kasperskyus on social" in svg  # the appellant's accounts
    assert "AO Kaspersky Lab owns 15 % of Kaspersky Labs Japan K.K." in page  # in words too
    assert decision in page


def test_a_hit_shows_the_name_parts_that_matched(
    world: World, demo_graph: Services, clock: TestClock
) -> None:
    client, people, _, _ = world
    import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    found = [h for h in hits(demo_graph, VIEWER, "open") if not h.by_identifier]
    assert found
    hit = found[0]
    desk = client.get("/review", headers=people["viewer"].headers).text
    assert f"/review/hits/{hit.id}" in desk and "Screening hits" in desk
    page = client.get(f"/review/hits/{hit.id}", headers=people["viewer"].headers)
    assert page.status_code == 200
    assert "The name parts that matched" in page.text
    assert hit.features["name"]["entry"] in page.text
    analyst = people["analyst"].headers
    claimed = client.post(f"/api/v1/hits/{hit.id}/claim", headers=analyst)
    assert claimed.status_code == 200 and claimed.json()["kind"] == "hit"
    refused = client.post(f"/api/v1/hits/{hit.id}/claim", headers=people["reviewer"].headers)
    assert refused.status_code == 403  # hits are the analysts'
    desk = client.get("/review", headers=people["viewer"].headers).text
    assert f"{people['analyst'].principal.id}</span>, until" in desk
    as_appeal = client.post(f"/api/v1/appeals/{hit.id}/claim", headers=people["reviewer"].headers)
    assert as_appeal.status_code == 404  # a hit is no appeal
    noted = client.post(f"/api/v1/hits/{hit.id}/notes", json={"text": NOTE}, headers=analyst)
    assert noted.status_code == 201 and noted.json()["kind"] == "hit"
    assert NOTE in client.get(f"/review/hits/{hit.id}", headers=analyst).text
    # while the analyst holds it, nobody else reviews it; the analyst's review ends the claim
    dismiss = {"action": "dismiss", "note": "Another company: the registry numbers differ."}
    review = f"/api/v1/hits/{hit.id}/review"
    held = client.post(review, json=dismiss, headers=people["service_decide"].headers)
    assert held.status_code == 409 and "claimed by" in held.json()["error"]["message"]
    assert client.post(review, json=dismiss, headers=analyst).status_code == 200
    assert claims_on(demo_graph, [hit.id], VIEWER) == {}


def test_the_audit_log_accounts_for_every_claim_and_note(
    world: World, demo_graph: Services, clock: TestClock
) -> None:
    """`audit verify` folds the desk's events into the claims and notes they must leave, and
    names a note changed behind the log's back."""
    from sqlalchemy import update

    from standing.audit.state import check_state

    client, people, _, appeal = world
    me = people["reviewer"].headers
    api = f"/api/v1/appeals/{appeal}"
    assert client.post(f"{api}/claim", headers=me).status_code == 200
    clock.advance(minutes=5)
    assert client.post(f"{api}/claim", headers=me).status_code == 200  # renewed
    assert client.post(f"{api}/notes", json={"text": NOTE}, headers=me).status_code == 201
    with demo_graph.read() as session:
        found = check_state(session)
    assert found.mismatches == [], found.mismatches
    assert found.checked["case_claims"] == 1 and found.checked["case_notes"] == 1
    assert client.post(f"{api}/release", headers=me).status_code == 200
    with demo_graph.read() as session:
        assert check_state(session).mismatches == []
    with written(demo_graph) as session:
        session.execute(update(NoteRow).values(text="Nothing to see here."))
    with demo_graph.read() as session:
        [changed] = check_state(session).mismatches
    assert changed.table == "case_notes" and "text" in changed.reason


def test_who_may_not_decide_may_not_claim(world: World, demo_graph: Services) -> None:
    """Four eyes: a reviewer who recorded the decision is refused the claim as well."""

    client, people, _, _ = world
    filed = own_decision_appealed(demo_graph, people["admin"].principal)
    token = create_token(demo_graph, people["admin"].principal, user="both@test.example").token
    refused = client.post(
        f"/api/v1/appeals/{filed}/claim", headers={"Authorization": f"Bearer {token}"}
    )
    assert refused.status_code == 403 and "another reviewer decides it" in refused.text
    page = client.get(f"/review/appeals/{filed}", headers={"Authorization": f"Bearer {token}"})
    assert "Claim this case" not in page.text
    assert claims_on(demo_graph, [filed], VIEWER) == {}
    fine = client.post(f"/api/v1/appeals/{filed}/claim", headers=people["reviewer"].headers)
    assert fine.status_code == 200
