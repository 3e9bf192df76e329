"""The advertiser's door: a contact sees the standing of its own parties and accounts, why
each is covered and by which decision, reads its statements and disputes them through the
page's form (CSRF-checked); another advertiser's decisions do not exist for it."""

from __future__ import annotations

import hashlib
import json

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from standing.appeals.service import list_appeals
from standing.bootstrap import Services
from standing.store.appeal_tables import AttachmentRow, BlobRow
from standing.store.tables import EventRow
from tests.fixtures.services import TestClock
from tests.principals import VIEWER
from tests.web.conftest import World
from tests.web.forms import csrf_of, sign_in

DISPUTE = (
    "Kaspersky Lab, Inc. was sold to Meridian Holdings on 2026-03-01; the Delaware register "
    "extract of 2026-03-04 shows the new shareholder."
)


def test_a_contact_sees_its_standing_and_why(world: World) -> None:
    client, people, dec = world
    home = client.get("/standing", headers=people["contact_a"].headers)
    assert home.status_code == 200
    html = home.text
    assert "Kaspersky Lab, Inc." in html and "kaspersky-labs-japan" in html
    assert "You may not" in html and "You may</span>" in html  # restricted and allowed
    assert f"/standing/decisions/{dec['kaspersky']}" in html
    assert dec["shop"] not in html
    assert "controlled by restricted parties" in html  # the ownership path, with shares
    # the path goes up to the decision's subject, through every holder that adds up
    assert "Kaspersky Labs GmbH: it is controlled" in html
    assert "AO Kaspersky Lab: it is the subject of the decision." in html
    assert "day" in html and "left" in html  # the dispute window
    assert "T00:00" not in html  # dates as people read them


def test_the_other_advertisers_decision_does_not_exist_for_a_contact(world: World) -> None:
    client, people, dec = world
    mine = client.get(
        f"/standing/decisions/{dec['kaspersky']}", headers=people["contact_a"].headers
    )
    assert mine.status_code == 200 and "STATEMENT" in mine.text.upper()
    for who, decision in (("contact_a", "shop"), ("contact_b", "kaspersky")):
        url = f"/standing/decisions/{dec[decision]}"
        assert client.get(url, headers=people[who].headers).status_code == 404, who
    assert (
        client.get(
            "/standing?party=brightdeal-shop", headers=people["contact_a"].headers
        ).status_code
        == 404
    )
    assert (
        client.get("/standing/decisions/dec-nope", headers=people["viewer"].headers).status_code
        == 404
    )


def test_staff_read_the_pages_without_the_forms(world: World) -> None:
    client, people, dec = world
    page = client.get(f"/standing/decisions/{dec['kaspersky']}", headers=people["viewer"].headers)
    assert page.status_code == 200
    assert 'action="/standing/decisions/' not in page.text
    party = client.get("/standing?party=brightdeal-shop", headers=people["viewer"].headers)
    assert party.status_code == 200 and "BrightDeal" in party.text


def test_a_dispute_filed_through_the_form(world: World, demo_graph: Services) -> None:
    client, people, dec = world
    sign_in(client, people["contact_a"].email)
    url = f"/standing/decisions/{dec['kaspersky']}"
    form = client.get(url)
    assert "Send the dispute" in form.text and "days left" in form.text
    token = csrf_of(form.text)

    refused = client.post(f"{url}/dispute", data={"text": DISPUTE}, follow_redirects=False)
    assert refused.status_code == 403
    short = client.post(f"{url}/dispute", data={"text": "wrong", "csrf_token": token})
    assert short.status_code == 422
    assert 'role="alert"' in short.text and "what is wrong" in short.text
    assert list_appeals(demo_graph, VIEWER) == []  # nothing stored

    filed = client.post(
        f"{url}/dispute", data={"text": DISPUTE, "csrf_token": token}, follow_redirects=False
    )
    assert filed.status_code == 303, filed.text
    appeals = list_appeals(demo_graph, VIEWER)
    assert [a.appeal.filed_by for a in appeals] == [people["contact_a"].principal.id]
    shown = client.get(filed.headers["location"])
    assert appeals[0].appeal.id in shown.text and "was received" in shown.text
    assert "Meridian Holdings" in shown.text
    assert f"Your dispute {appeals[0].appeal.id} is open" in shown.text
    again = client.post(f"{url}/dispute", data={"text": DISPUTE, "csrf_token": token})
    assert again.status_code == 409 and "still open" in again.text
    assert len(list_appeals(demo_graph, VIEWER)) == 1


def test_another_contact_cannot_dispute_and_staff_cannot_file(world: World) -> None:
    client, people, dec = world
    sign_in(client, people["contact_b"].email)
    token = csrf_of(client.get("/standing").text)
    other = client.post(
        f"/standing/decisions/{dec['kaspersky']}/dispute",
        data={"text": DISPUTE, "csrf_token": token},
    )
    assert other.status_code == 404
    staff = TestClient(client.app, raise_server_exceptions=False)
    sign_in(staff, people["analyst"].email)
    token = csrf_of(staff.get("/standing").text)
    no = staff.post(
        f"/standing/decisions/{dec['kaspersky']}/dispute",
        data={"text": DISPUTE, "csrf_token": token},
    )
    assert no.status_code == 403


def test_after_the_window_the_page_points_to_reinstatement(world: World, clock: TestClock) -> None:
    client, people, dec = world
    clock.advance(days=400)
    page = client.get(
        f"/standing/decisions/{dec['kaspersky']}", headers=people["contact_a"].headers
    )
    assert page.status_code == 200
    assert "appeal window closed on" in page.text and "Reinstatement is still open" in page.text
    assert "Send the dispute" not in page.text


def test_pages_send_the_anonymous_to_sign_in(world: World) -> None:
    client, _, dec = world
    for url in ("/standing", f"/standing/decisions/{dec['kaspersky']}"):
        r = client.get(url, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login?next="), url


PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_a_dispute_with_evidence(world: World, demo_graph: Services) -> None:
    client, people, dec = world
    sign_in(client, people["contact_a"].email)
    url = f"/standing/decisions/{dec['kaspersky']}"
    token = csrf_of(client.get(url).text)
    for name, content, says in (
        ("register.pdf", b"MZ\x90\x00 an executable", "not a PDF, PNG or JPEG"),
        ("register.pdf", b"", "empty"),
        ("register.pdf", b"%PDF-" + bytes(10 * 1024 * 1024), "at most 10 MB"),
    ):
        refused = client.post(
            f"{url}/dispute",
            data={"text": DISPUTE, "csrf_token": token},
            files=[("attachments", (name, content, "application/pdf"))],
        )
        assert refused.status_code == 422 and says in refused.text, says
        assert DISPUTE in refused.text  # what was typed is kept
    assert list_appeals(demo_graph, VIEWER) == []  # nothing stored

    filed = client.post(
        f"{url}/dispute",
        data={"text": DISPUTE, "csrf_token": token},
        files=[("attachments", ("register extract.pdf", PDF, "text/plain"))],
        follow_redirects=False,
    )
    assert filed.status_code == 303, filed.text
    shown = client.get(filed.headers["location"]).text
    assert "register extract.pdf" in shown and "application/pdf" in shown
    link = shown.split('href="/standing/attachments/', 1)[1].split('"', 1)[0]
    got = client.get(f"/standing/attachments/{link}")
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"].startswith("attachment;")
    other = client.get(f"/standing/attachments/{link}", headers=people["contact_b"].headers)
    assert other.status_code == 404
    staff = client.get(f"/standing/attachments/{link}", headers=people["reviewer"].headers)
    assert staff.status_code == 200

    # the same bytes through the API are stored once (content-addressed), and audited
    appeal = list_appeals(demo_graph, VIEWER)[0].appeal.id
    api = client.post(
        f"/api/v1/appeals/{appeal}/attachments",
        files=[("files", ("again.pdf", PDF, "application/pdf"))],
        headers=people["contact_a"].headers,
    )
    assert api.status_code == 201, api.text
    described = api.json()["attachments"][0]
    assert described["sha256"] == hashlib.sha256(PDF).hexdigest()
    with demo_graph.read() as session:
        assert session.scalar(select(func.count()).select_from(BlobRow)) == 1
        assert session.scalar(select(func.count()).select_from(AttachmentRow)) == 2
        logged = session.scalars(
            select(EventRow.payload).where(EventRow.action == "appeal:attach")
        ).all()
    assert [json.loads(p)["sha256"] for p in logged] == [described["sha256"]] * 2
    not_theirs = client.post(
        f"/api/v1/appeals/{appeal}/attachments",
        files=[("files", ("x.pdf", PDF, "application/pdf"))],
        headers=people["contact_b"].headers,
    )
    assert not_theirs.status_code == 404
