"""The reviewer's desk: the queue of open appeals (earliest deadline first, overdue marked)
and open hits; the case page; a reviewer decides through the form, the guard's and the four
eyes' refusals show on the page, and the contact then reads the reply on its own page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from standing.appeals.service import file_appeal, get_appeal
from standing.bootstrap import Services
from standing.web.app import create_app
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.principals import Credential
from tests.fixtures.services import TestClock
from tests.principals import VIEWER
from tests.web.conftest import own_decision_appealed
from tests.web.forms import csrf_of, sign_in

APPEAL = (
    "Kaspersky Lab, Inc. was sold to Meridian Holdings on 2026-03-01; the Delaware register "
    "extract of 2026-03-04 shows the new shareholder."
)
REPLY = (
    'You write that Kaspersky Lab, Inc. "was sold to Meridian Holdings on 2026-03-01", but the '
    "Delaware register extract of 2026-04-02 still lists AO Kaspersky Lab as its sole "
    "shareholder."
)

World = tuple[TestClient, dict[str, Credential], str, str]


@pytest.fixture
def world(demo_graph: Services, credentials: dict[str, Credential]) -> Iterator[World]:
    decision = record_vendor_decision(demo_graph).decision.id
    appeal = file_appeal(demo_graph, decision, APPEAL, credentials["contact_a"].principal).id
    with TestClient(create_app(services=demo_graph), raise_server_exceptions=False) as client:
        yield client, credentials, decision, appeal


def test_the_queue_is_for_staff(world: World, clock: TestClock) -> None:
    client, people, _, appeal = world
    for who in ("viewer", "reviewer", "analyst"):
        queue = client.get("/review", headers=people[who].headers)
        assert queue.status_code == 200, who
        assert f"/review/appeals/{appeal}" in queue.text and "overdue" not in queue.text
    for who in ("contact_a", "contact_b"):
        assert client.get("/review", headers=people[who].headers).status_code == 403, who
        url = f"/review/appeals/{appeal}"
        assert client.get(url, headers=people[who].headers).status_code == 403, who
    assert client.get("/review", follow_redirects=False).status_code == 303
    clock.advance(days=15)  # the rule answers within 14 days
    late = client.get("/review", headers=people["viewer"].headers)
    assert "1 overdue" in late.text


def test_the_queue_orders_by_deadline(
    world: World, demo_graph: Services, clock: TestClock, credentials: dict[str, Credential]
) -> None:
    client, people, _, first = world
    clock.advance(days=1)
    shop = record_vendor_decision(
        demo_graph,
        subject="brightdeal-shop",
        rule="deceptive-business-practices",
        facts="BrightDeal Shop advertised 90 percent discounts on 2026-03-02 that no checkout "
        "applied, in 41 complaints to the Verbraucherzentrale.",
    ).decision.id
    second = file_appeal(
        demo_graph,
        shop,
        "The discounts were applied at checkout from 2026-03-03 on, as our order log shows.",
        credentials["contact_b"].principal,
    ).id
    text = client.get("/review", headers=people["viewer"].headers).text
    assert text.index(first) < text.index(second)


def test_a_viewer_reads_the_case_without_the_form(world: World) -> None:
    client, people, decision, appeal = world
    case = client.get(f"/review/appeals/{appeal}", headers=people["viewer"].headers)
    assert case.status_code == 200
    assert "Meridian Holdings" in case.text  # the appellant's text
    assert "Decision recorded" in case.text and f"Appeal {appeal} filed" in case.text
    assert decision in case.text and "STATEMENT" in case.text.upper()
    assert "Decide the appeal" not in case.text
    assert (
        client.get("/review/appeals/apl-nope", headers=people["viewer"].headers).status_code == 404
    )


def test_the_reviewer_decides_and_the_contact_reads_the_reply(
    world: World, demo_graph: Services
) -> None:
    client, people, decision, appeal = world
    sign_in(client, people["reviewer"].email)
    url = f"/review/appeals/{appeal}"
    case = client.get(url)
    assert "Decide the appeal" in case.text
    token = csrf_of(case.text)

    no_token = client.post(url, data={"outcome": "upheld", "reply": REPLY})
    assert no_token.status_code == 403
    boilerplate = client.post(
        url,
        data={
            "outcome": "upheld",
            "reply": "We have reviewed your appeal carefully and the decision stands as it "
            "complies with our policies.",
            "csrf_token": token,
        },
    )
    assert boilerplate.status_code == 422 and 'role="alert"' in boilerplate.text
    assert "complies with our policies" in boilerplate.text  # what was typed is kept
    bad_date = client.post(
        url,
        data={"outcome": "modified", "reply": REPLY, "until": "soon", "csrf_token": token},
    )
    assert bad_date.status_code == 422 and "until" in bad_date.text
    assert get_appeal(demo_graph, appeal, VIEWER).status == "open"  # nothing stored

    done = client.post(
        url, data={"outcome": "upheld", "reply": REPLY, "csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303, done.text
    decided = get_appeal(demo_graph, appeal, VIEWER)
    assert decided.outcome == "upheld" and decided.decided_by == people["reviewer"].principal.id
    assert "Decide the appeal" not in client.get(url).text

    mine = client.get(f"/standing/decisions/{decision}", headers=people["contact_a"].headers)
    assert "upheld" in mine.text and "sole shareholder" in mine.text


def test_four_eyes_on_the_desk(world: World, demo_graph: Services) -> None:
    """A reviewer who recorded the decision is refused on the page, and nothing is stored."""
    client, people, _, _ = world
    filed = own_decision_appealed(demo_graph, people["admin"].principal)
    sign_in(client, "both@test.example")
    url = f"/review/appeals/{filed}"
    token = csrf_of(client.get(url).text)
    refused = client.post(url, data={"outcome": "upheld", "reply": REPLY, "csrf_token": token})
    assert refused.status_code == 403 and "another reviewer" in refused.text
    assert get_appeal(demo_graph, filed, VIEWER).status == "open"


def test_the_desk_exempts_a_subsidiary_and_offers_each_kind_its_outcomes(
    world: World, demo_graph: Services
) -> None:
    client, people, decision, appeal = world
    scoped = file_appeal(
        demo_graph, decision, APPEAL, people["contact_a"].principal, scope="kaspersky-lab-inc"
    ).id
    request = file_appeal(
        demo_graph,
        decision,
        APPEAL,
        people["contact_a"].principal,
        kind="reinstatement",
    ).id
    sign_in(client, people["reviewer"].email)
    queue = client.get("/review").text
    disputes = queue[
        queue.index('id="queue-dispute-h"') : queue.index('id="queue-reinstatement-h"')
    ]
    requests = queue[queue.index('id="queue-reinstatement-h"') : queue.index('id="queue-hits-h"')]
    assert f"{scoped}</a>" in disputes and "(for kaspersky-lab-inc only)" in disputes
    assert f"{request}</a>" in requests
    dispute_form = client.get(f"/review/appeals/{scoped}").text
    assert 'value="exempted"' in dispute_form and 'value="lifted"' not in dispute_form
    assert 'name="scope" value="kaspersky-lab-inc"' in dispute_form
    request_form = client.get(f"/review/appeals/{request}").text
    assert 'value="lifted"' in request_form and 'value="upheld"' not in request_form
    token = csrf_of(dispute_form)
    exempt = (
        "The Delaware register extract of 2026-03-04 you sent shows Meridian Holdings bought "
        "Kaspersky Lab, Inc. on 2026-03-01, so AO Kaspersky Lab no longer controls it and the "
        "US company leaves this decision."
    )
    url = f"/review/appeals/{scoped}"
    wrong = client.post(url, data={"outcome": "lifted", "reply": exempt, "csrf_token": token})
    assert wrong.status_code == 422 and "does not end a dispute" in wrong.text
    far = client.post(
        url,
        data={
            "outcome": "exempted",
            "reply": exempt,
            "scope": "brightdeal-shop",
            "csrf_token": token,
        },
    )
    assert far.status_code == 422 and "does not reach" in far.text
    assert get_appeal(demo_graph, scoped, VIEWER).status == "open"  # nothing stored
    done = client.post(
        url,
        data={
            "outcome": "exempted",
            "reply": exempt,
            "scope": "kaspersky-lab-inc",
            "csrf_token": token,
        },
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    decided = get_appeal(demo_graph, scoped, VIEWER)
    assert decided.outcome == "exempted" and decided.new_decision_id
    page = client.get(f"/standing/decisions/{decision}", headers=people["contact_a"].headers).text
    assert "no longer covered" in page and decided.new_decision_id in page
    del appeal
