"""Re-checks on the desk, the API and the pages: the queue on ``/review`` (earliest first,
overdue marked), the re-check page with its form (confirm or lift; refusals on the page, with
what was typed, nothing stored), ``GET /api/v1/rechecks`` and
``POST /api/v1/decisions/{id}/recheck``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from standing.bootstrap import Services
from standing.decisions.rechecks import rechecks_of
from standing.decisions.service import get_decision
from standing.web.app import create_app
from tests.decisions.helpers import CONFIRM, SHOP_FACTS, record_vendor_decision
from tests.fixtures.principals import Credential
from tests.fixtures.services import TestClock
from tests.principals import VIEWER
from tests.web.forms import csrf_of, sign_in

VAGUE = "We reviewed your account and determined that it violates our policies."

World = tuple[TestClient, dict[str, Credential], str, str]


@pytest.fixture
def world(demo_graph: Services, credentials: dict[str, Credential]) -> Iterator[World]:
    vendor = record_vendor_decision(demo_graph).decision.id  # every 180 days
    shop = record_vendor_decision(
        demo_graph,
        subject="brightdeal-shop",
        rule="deceptive-business-practices",
        facts=SHOP_FACTS,
    ).decision.id  # every 28 days
    with TestClient(create_app(services=demo_graph), raise_server_exceptions=False) as client:
        yield client, credentials, vendor, shop


def test_the_desk_lists_re_checks_earliest_first_and_marks_overdue(
    world: World, clock: TestClock
) -> None:
    client, people, vendor, shop = world
    desk = client.get("/review", headers=people["viewer"].headers)
    assert desk.status_code == 200
    assert "Re-checks (1)" in desk.text and f"/review/rechecks/{shop}" in desk.text
    assert "29 January 2026" in desk.text and vendor not in desk.text
    clock.advance(days=170)  # the shop's is long overdue, the vendor's comes due
    later = client.get("/review", headers=people["reviewer"].headers).text
    section = later[later.index('id="rechecks-h"') : later.index('id="queue-hits-h"')]
    assert section.index(shop) < section.index(vendor)
    assert "1 overdue" in section and section.count('class="overdue-row"') == 1
    for who in ("contact_a", "contact_b"):
        url = f"/review/rechecks/{shop}"
        assert client.get(url, headers=people[who].headers).status_code == 403, who


def test_the_api_lists_and_confirms(world: World, clock: TestClock) -> None:
    client, people, vendor, shop = world
    listed = client.get("/api/v1/rechecks", headers=people["reviewer"].headers)
    assert listed.status_code == 200
    body = listed.json()
    assert body["within_days"] == 30 and [r["decision"] for r in body["rechecks"]] == [shop]
    wide = client.get("/api/v1/rechecks?within=200", headers=people["viewer"].headers).json()
    assert [r["decision"] for r in wide["rechecks"]] == [shop, vendor]
    bad = client.get("/api/v1/rechecks?within=-1", headers=people["viewer"].headers)
    assert bad.status_code == 422 and "within" in bad.json()["error"]["message"]

    url = f"/api/v1/decisions/{shop}/recheck"
    refused = client.post(url, json={"reason": VAGUE}, headers=people["reviewer"].headers)
    assert refused.status_code == 422 and refused.json()["error"]["message"].startswith("reason")
    assert rechecks_of(client.app.state.services, shop, VIEWER).done == ()  # type: ignore[attr-defined]
    clock.advance(days=29)
    done = client.post(url, json={"reason": CONFIRM}, headers=people["reviewer"].headers)
    assert done.status_code == 200, done.text
    assert done.json()["rechecked_by"] == people["reviewer"].principal.id
    assert done.json()["next_due_at"].startswith("2026-02-27")
    history = client.get(f"/api/v1/decisions/{shop}/rechecks", headers=people["viewer"].headers)
    assert history.status_code == 200
    assert [r["reason"] for r in history.json()["done"]] == [CONFIRM]
    assert history.json()["next"]["due_at"] == done.json()["next_due_at"]
    unknown = client.post(
        "/api/v1/decisions/dec-nope/recheck",
        json={"reason": CONFIRM},
        headers=people["reviewer"].headers,
    )
    assert unknown.status_code == 404
    extra = client.post(
        url, json={"reason": CONFIRM, "by": "someone"}, headers=people["reviewer"].headers
    )
    assert extra.status_code == 422  # no actor taken from the body


def test_a_reviewer_confirms_on_the_page(world: World, demo_graph: Services) -> None:
    client, people, _, shop = world
    sign_in(client, people["reviewer"].email)
    url = f"/review/rechecks/{shop}"
    page = client.get(url)
    assert page.status_code == 200
    assert "Next re-check due" in page.text and "29 January 2026" in page.text
    assert "every 28 days" in page.text and "Record the re-examination" in page.text
    assert 'value="lift"' not in page.text  # a reviewer confirms; lifting is an analyst's
    token = csrf_of(page.text)
    assert client.post(url, data={"act": "confirm", "reason": CONFIRM}).status_code == 403
    vague = client.post(url, data={"act": "confirm", "reason": VAGUE, "csrf_token": token})
    assert vague.status_code == 422 and 'role="alert"' in vague.text
    assert VAGUE in vague.text  # what was typed is kept
    lift = client.post(url, data={"act": "lift", "reason": CONFIRM, "csrf_token": token})
    assert lift.status_code == 403 and "recording and lifting decisions" in lift.text
    assert get_decision(demo_graph, shop, VIEWER).lifted_at is None
    assert rechecks_of(demo_graph, shop, VIEWER).done == ()
    done = client.post(
        url, data={"act": "confirm", "reason": CONFIRM, "csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"] == f"{url}?done=confirm"
    after = client.get(done.headers["location"])
    assert "confirmed on re-examination" in after.text
    assert "3.4 percent on 1,212 orders, still above the 2 percent" in after.text
    # confirmed on the day it was recorded: due again 28 days later
    assert "the next re-check is due 29 January 2026" in after.text


def test_an_analyst_lifts_on_the_page(world: World, demo_graph: Services) -> None:
    client, people, _, shop = world
    sign_in(client, people["analyst"].email)
    url = f"/review/rechecks/{shop}"
    token = csrf_of(client.get(url).text)
    reason = (
        "BrightDeal Shop refunded all 41 complainants and its chargeback rate fell to 0.4 "
        "percent in February 2026."
    )
    done = client.post(
        url, data={"act": "lift", "reason": reason, "csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303
    assert get_decision(demo_graph, shop, VIEWER).lift_reason == reason
    after = client.get(done.headers["location"]).text
    assert "nothing left to re-examine" in after and "Record the re-examination" not in after
    desk = client.get("/review").text
    assert f"/review/rechecks/{shop}" not in desk
