"""A group decision from the subsidiary's side, end to end, in real Chromium against
`standing serve`, on SQLite and on PostgreSQL: a real SMTP server (aiosmtpd) takes the mail,
a real HTTP receiver (pytest-httpserver) the webhooks, whose signatures the Standard Webhooks
reference library verifies.

An analyst records a decision on AO Kaspersky Lab. The contact of Kaspersky Labs Japan K.K.
(75 % held, directly and through Kaspersky Labs GmbH) is mailed, signs in, reads why its
account is covered and disputes for its own company with a PDF. A reviewer who did not record
the decision claims the case and exempts the subsidiary with a specific reply. The contact
then sees its account allowed and is mailed the outcome naming the out-of-court route; the
gate allows the subsidiary's account and still denies the rest of the group; and a signed
webhook arrived for each event."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from standardwebhooks.webhooks import Webhook

from standing.access.service import NewUser, add_user, create_token
from standing.bootstrap import Services
from standing.graph.importer import import_files
from standing.notify.webhooks import add_endpoint
from standing.settings import Settings
from tests.browser.support import BROWSER, free_port, serve, sign_in
from tests.browser.test_signin import Inbox

pytestmark = BROWSER

SCENARIO = Path(__file__).parents[2] / "standing" / "demo" / "scenario.jsonl"
PASSWORD = "a journey through the door"
ANALYST = "analyst@journey.example"
REVIEWER = "reviewer@journey.example"
CONTACT = "ads@kaspersky-jp.example"
SUBSIDIARY = "kaspersky-labs-japan"
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
FACTS = (
    "On 13 September 2017 the US Department of Homeland Security issued Binding Operational "
    "Directive 17-01, which orders federal agencies to remove information security products "
    "supplied by AO Kaspersky Lab or related entities. AO Kaspersky Lab (INN 7713140469) owns "
    "100 percent of Kaspersky Labs GmbH and, directly and through it, 75 percent of Kaspersky "
    "Labs Japan K.K."
)
DISPUTE = (
    "Kaspersky Labs Japan K.K. bought back the 60 % stake of Kaspersky Labs GmbH on "
    "2026-11-20; the Tokyo Legal Affairs Bureau register extract of 2026-11-24 shows AO "
    "Kaspersky Lab with 15 % only."
)
REPLY = (
    "The Tokyo Legal Affairs Bureau extract of 2026-11-24 that you sent shows the 60 % stake of "
    "Kaspersky Labs GmbH bought back on 2026-11-20; AO Kaspersky Lab now holds 15 % of Kaspersky "
    "Labs Japan K.K., below the 50 % control threshold of the rule, so the company and its "
    "account are exempted; the rest of the group stays restricted."
)
EVENTS = ("decision.recorded", "decision.lifted", "notice.issued", "appeal.filed", "appeal.decided")


@dataclass(frozen=True)
class Site:
    url: str
    inbox: Inbox
    analyst: str  # bearer tokens
    checker: str
    secret: str  # the webhook endpoint's


@pytest.fixture
def site(database_url: str, httpserver: HTTPServer, tmp_path: Path) -> Iterator[Site]:
    from aiosmtpd.controller import Controller

    httpserver.expect_request("/hooks", method="POST").respond_with_data("", status=204)
    services = Services.build(Settings(database_url=database_url, webhook_allow_private=True))
    try:
        admin = add_user(services, None, NewUser("admin@journey.example", roles=("admin",)))
        analyst = add_user(services, admin, NewUser(ANALYST, roles=("analyst",), password=PASSWORD))
        add_user(services, admin, NewUser(REVIEWER, roles=("reviewer",), password=PASSWORD))
        import_files(services, [SCENARIO], analyst)
        add_user(services, admin, NewUser(CONTACT, parties=(SUBSIDIARY,), password=PASSWORD))
        analyst_token = create_token(services, admin, user=ANALYST).token
        checker = create_token(services, admin, service="adserver", scopes=("check",)).token
        _, secret = add_endpoint(services, httpserver.url_for("/hooks"), EVENTS, admin)
    finally:
        services.close()
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    port = free_port()
    try:
        with serve(
            database_url,
            port,
            smtp_url=f"smtp://127.0.0.1:{smtp.port}",
            public_url=f"http://127.0.0.1:{port}",
            webhook_allow_private="true",
        ) as url:
            yield Site(url, inbox, analyst_token, checker, secret)
    finally:
        smtp.stop()


def eventually(probe: Callable[[], Any], what: str, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout} s")
        time.sleep(0.2)


def mail_to(inbox: Inbox, to: str, *words: str) -> EmailMessage:
    def probe() -> EmailMessage | None:
        with inbox.arrived:
            for message in inbox.messages:
                if message["To"] == to and all(w in message["Subject"] for w in words):
                    return message
        return None

    found: EmailMessage = eventually(probe, f"a mail to {to} about {words}")
    return found


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def check(site: Site, accounts: list[str]) -> dict[str, bool]:
    response = httpx.post(
        f"{site.url}/api/v1/check",
        json={"capability": "ads.promote", "accounts": accounts},
        headers={"authorization": f"Bearer {site.checker}"},
    )
    assert response.status_code == 200, response.text
    return {r["account"]: r["allowed"] for r in response.json()["results"]}


def test_a_subsidiary_disputes_a_group_decision_and_is_exempted(
    site: Site, httpserver: HTTPServer, chromium: Any, tmp_path: Path
) -> None:
    shots = tmp_path / "screenshots"
    shots.mkdir()
    recorded = httpx.post(
        f"{site.url}/api/v1/decisions",
        json={
            "subject": "ao-kaspersky-lab",
            "rule": "government-barred-vendor",
            "facts": FACTS,
            "evidence": ["DHS Binding Operational Directive BOD-17-01, 2017-09-13"],
        },
        headers={"authorization": f"Bearer {site.analyst}"},
    )
    assert recorded.status_code == 201, recorded.text
    decision = recorded.json()["id"]
    group = ["acct-kaspersky", "acct-kaspersky-us", "acct-kaspersky-de"]
    eventually(
        lambda: not any(check(site, [*group, "acct-kaspersky-jp"]).values()),
        "the gate denies the whole group",
    )

    # the subsidiary's contact is told, with the portal's address
    told = body_of(mail_to(site.inbox, CONTACT, decision))
    assert f"{site.url}/standing/decisions/{decision}" in told

    contact = chromium.new_context()
    page = contact.new_page()
    sign_in(page, site.url, CONTACT, PASSWORD)
    page.goto(f"{site.url}/standing")
    home = page.locator("main").inner_text()
    assert "Kaspersky Labs Japan K.K." in home
    assert "AO Kaspersky Lab" in home and "%" in home  # why it is covered, with the shares
    page.screenshot(path=str(shots / "standing-before.png"), full_page=True)

    # a dispute for its own company only, with a PDF
    page.goto(f"{site.url}/standing/decisions/{decision}")
    form = page.locator(f"form[action='/standing/decisions/{decision}/dispute']")
    form.get_by_label("Only Kaspersky Labs Japan K.K. (party)").check()
    form.get_by_label("What is wrong in the facts, or what has changed").fill(DISPUTE)
    register = tmp_path / "register-extract.pdf"
    register.write_bytes(PDF)
    form.get_by_label("Evidence (optional)").set_input_files(str(register))
    form.get_by_role("button", name="Send the dispute").click()
    page.wait_for_url("**filed=*")
    assert "received" in page.locator("main").inner_text()
    appeal = page.url.split("filed=", 1)[1].split("#", 1)[0]
    mail_to(site.inbox, CONTACT, appeal)

    # a reviewer who did not record the decision claims it and exempts the subsidiary
    desk = chromium.new_context()
    review = desk.new_page()
    sign_in(review, site.url, REVIEWER, PASSWORD)
    review.goto(f"{site.url}/review")
    review.get_by_role("link", name=appeal, exact=True).click()
    review.get_by_role("button", name="Claim this case").click()
    assert "You hold this case" in review.locator("main").inner_text()
    assert "register-extract.pdf" in review.locator("main").inner_text()
    review.locator("select#outcome").select_option("exempted")
    review.locator("textarea#reply").fill(REPLY)
    review.screenshot(path=str(shots / "desk-case.png"), full_page=True)
    review.get_by_role("button", name="Decide the appeal").click()
    review.wait_for_load_state()
    assert "exempted" in review.locator("main").inner_text()

    # the contact sees its account allowed, and is told the outcome and the way beyond it
    page.goto(f"{site.url}/standing")
    page.screenshot(path=str(shots / "standing-after.png"), full_page=True)
    after = page.locator("main").inner_text()
    assert "You may not" not in after, after
    outcome = body_of(mail_to(site.inbox, CONTACT, appeal, "exempted"))
    assert "Appeals Centre Europe" in outcome  # an out-of-court dispute settlement body
    assert "court" in outcome

    # the gate follows: the subsidiary's account is allowed, the rest of the group denied
    answers = eventually(
        lambda: (a := check(site, [*group, "acct-kaspersky-jp"]))["acct-kaspersky-jp"] and a,
        "the gate allows the exempted subsidiary's account",
    )
    assert not any(answers[a] for a in group), answers

    # a signed webhook for each event
    def delivered() -> list[dict[str, Any]] | None:
        received = []
        for request, _ in httpserver.log:
            body = request.get_data()
            Webhook(site.secret).verify(body, dict(request.headers))
            received.append(json.loads(body))
        kinds = {r["type"] for r in received}
        wanted = {"decision.recorded", "appeal.filed", "appeal.decided"}
        return received if wanted <= kinds else None

    events = eventually(delivered, "signed webhooks for every event")
    assert {e["type"] for e in events} >= {"decision.recorded", "appeal.filed", "appeal.decided"}
    contact.close()
    desk.close()
