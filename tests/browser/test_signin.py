"""Signing in and out in real Chromium, against `standing serve` on the demo database: staff
with a password or their organisation's account (a real OpenID provider, in the test), an
advertiser's contact with a link mailed through a real SMTP server (aiosmtpd, in the test),
and forged form posts from other sites refused."""

from __future__ import annotations

import email
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from standing.bootstrap import Services
from standing.demo.seed import DEMO_PASSWORD
from standing.settings import Settings
from standing.store.tables import DecisionRow
from tests.browser.support import BROWSER, free_port, load_demo, serve, sign_in
from tests.web.test_oidc import provider_server, user_at

#: The OpenID provider runs in this process, on Authlib APIs Authlib announces it will drop.
pytestmark = [*BROWSER, pytest.mark.filterwarnings("ignore:get_jwt_config:DeprecationWarning")]

ANALYST = "analyst@standing.example"
CONTACT = "ads@kaspersky-jp.example"  # a contact of Kaspersky Labs Japan, in the demo
SECURITY_HEADERS = {
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
}


@dataclass
class Inbox:
    """An SMTP server's handler (aiosmtpd) keeping every message it is given."""

    messages: list[EmailMessage] = field(default_factory=list)
    arrived: threading.Condition = field(default_factory=threading.Condition)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        with self.arrived:
            self.messages.append(message)  # type: ignore[arg-type]
            self.arrived.notify_all()
        return "250 Message accepted for delivery"

    def wait_for(self, to: str, timeout: float = 15.0) -> EmailMessage:
        deadline = time.monotonic() + timeout
        with self.arrived:
            while True:
                for message in self.messages:
                    if message["To"] == to:
                        return message
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no mail to {to} within {timeout} s")
                self.arrived.wait(left)


@dataclass(frozen=True)
class Site:
    url: str
    inbox: Inbox
    provider: str  # the OpenID provider's issuer URL
    decisions: dict[str, str]  # subject -> decision id


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from aiosmtpd.controller import Controller

    database = f"sqlite:///{tmp_path_factory.mktemp('signin') / 'demo.db'}"
    load_demo(database)
    services = Services.build(Settings(database_url=database))
    try:
        with services.read() as session:
            decisions = {row.subject_id: row.id for row in session.scalars(select(DecisionRow))}
    finally:
        services.close()
    inbox = Inbox()
    smtp = Controller(inbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    port = free_port()
    try:
        with provider_server() as provider:
            issuer = f"http://localhost:{provider.server_port}"
            with serve(
                database,
                port,
                smtp_url=f"smtp://127.0.0.1:{smtp.port}",
                public_url=f"http://127.0.0.1:{port}",
                oidc_issuer=issuer,
                oidc_client_id="standing-browser",
                oidc_client_secret="a secret for the browser tests",
            ) as url:
                yield Site(url, inbox, issuer, decisions)
    finally:
        smtp.stop()


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    """A page in a browser context of its own: no cookies from another test."""
    context = chromium.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def listed_decisions(page: Any) -> list[str]:
    return page.locator("table.decisions tbody tr td:first-child").all_inner_texts()  # type: ignore[no-any-return]


def test_staff_sign_in_with_a_password_see_the_decisions_and_sign_out(
    site: Site, page: Any, shots: Path
) -> None:
    login = page.goto(f"{site.url}/login")
    assert login.status == 200
    assert set(login.headers) >= SECURITY_HEADERS
    page.screenshot(path=str(shots / "login.png"), full_page=True)

    sign_in(page, site.url, ANALYST, DEMO_PASSWORD)
    assert page.url == f"{site.url}/"
    assert page.get_by_text(f"Signed in as {ANALYST}").is_visible()
    assert sorted(listed_decisions(page)) == sorted(site.decisions.values())
    page.screenshot(path=str(shots / "home-analyst.png"), full_page=True)
    for name in ("login.png", "home-analyst.png"):
        assert (shots / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    with page.expect_navigation():
        page.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("link", name="Sign in", exact=True).is_visible()
    assert not page.locator("table.decisions").count()
    # the session is over on the server too: a case page sends the browser to sign in
    page.goto(f"{site.url}/decisions/{site.decisions['ao-kaspersky-lab']}/statement")
    assert page.url.startswith(f"{site.url}/login?next=")


def test_a_wrong_password_says_so_without_saying_which(site: Site, page: Any) -> None:
    sign_in(page, site.url, ANALYST, "not the password")
    assert page.get_by_role("alert").inner_text() == "the email or the password is wrong"
    assert page.get_by_text("Signed in as").count() == 0


def test_staff_sign_in_with_their_organisations_account(site: Site, page: Any) -> None:
    """Through the provider's own pages and back: the sign-in's sealed state comes back with
    the provider's redirect (a top-level navigation, which SameSite=Lax cookies go with)."""
    user_at(site.provider, "reviewer@standing.example", name="Rui Reviewer")
    page.goto(f"{site.url}/login?next=/transparency")
    with page.expect_navigation():
        page.get_by_role("link", name="Sign in with your organisation's account").click()
    assert page.url.startswith(f"{site.provider}/oauth2/authorize?")
    page.get_by_placeholder("sub").fill("reviewer@standing.example")
    with page.expect_navigation(url=f"{site.url}/transparency"):
        page.get_by_role("button", name="Authorize").click()
    page.goto(site.url)
    assert page.get_by_text("Signed in as reviewer@standing.example").is_visible()
    assert sorted(listed_decisions(page)) == sorted(site.decisions.values())


def test_a_stranger_at_the_provider_is_refused_with_a_page(site: Site, page: Any) -> None:
    page.goto(f"{site.url}/login")
    with page.expect_navigation():
        page.get_by_role("link", name="Sign in with your organisation's account").click()
    page.get_by_placeholder("sub").fill("someone@elsewhere.example")
    with page.expect_response(lambda r: "/login/oidc/callback" in r.url) as answered:
        page.get_by_role("button", name="Authorize").click()
    assert answered.value.status == 403
    assert (
        "someone@elsewhere.example is not a standing user" in page.get_by_role("alert").inner_text()
    )
    assert page.get_by_text("Signed in as").count() == 0


def test_a_contact_signs_in_with_a_mailed_link_and_sees_only_its_own(
    site: Site, page: Any, shots: Path
) -> None:
    page.goto(f"{site.url}/login")
    page.get_by_label("Your email").fill(CONTACT)
    with page.expect_navigation():
        page.get_by_role("button", name="Email me a sign-in link").click()
    assert page.get_by_role("heading", name="Check your mail").is_visible()

    mail = site.inbox.wait_for(CONTACT)
    assert mail["Subject"] == "Your sign-in link"
    body = mail.get_body(("plain",))
    assert body is not None
    links = re.findall(rf"{re.escape(site.url)}/login/link/\S+", body.get_content())
    assert len(links) == 1

    page.goto(links[0])  # what a mail scanner fetching the link would see: a button
    assert page.get_by_text("Signed in as").count() == 0
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in to standing").click()

    home = page.goto(site.url)
    assert set(home.headers) >= SECURITY_HEADERS
    assert page.get_by_text(f"Signed in as {CONTACT}").is_visible()
    assert page.get_by_role("heading", name="Decisions that reach you").is_visible()
    # the decision against its parent reaches it; the others are about unrelated parties
    assert listed_decisions(page) == [site.decisions["ao-kaspersky-lab"]]
    page.screenshot(path=str(shots / "home-contact.png"), full_page=True)
    other = site.decisions["ano-tv-novosti"]
    assert other not in page.content()
    response = page.goto(f"{site.url}/decisions/{other}/statement")
    assert response.status == 404
    assert page.get_by_role("heading", name="Not found").is_visible()
    own = page.goto(f"{site.url}/decisions/{site.decisions['ao-kaspersky-lab']}/statement")
    assert own.status == 200

    # the link worked once
    page.goto(links[0])
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in to standing").click()
    assert "this sign-in link is not valid" in page.get_by_role("alert").inner_text()


class Forger(BaseHTTPRequestHandler):
    """Another site's page: a form posting itself to the app as soon as it loads."""

    target = ""

    def do_GET(self) -> None:
        action, _, fields = self.path.lstrip("/").partition("?")
        inputs = "".join(
            f'<input type="hidden" name="{name}" value="{value}">'
            for name, _, value in (pair.partition("=") for pair in fields.split("&") if pair)
        )
        html = (
            f'<!doctype html><form id="f" method="post" action="{self.target}/{action}">'
            f"{inputs}</form><script>document.getElementById('f').submit()</script>"
        ).encode()
        self.send_response(200)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(html)))
        self.end_headers()
        self.wfile.write(html)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def forger(site: Site) -> Iterator[int]:
    """The port of another site (an HTTP server of its own) serving forged forms."""
    handler = type("ForgerForSite", (Forger,), {"target": site.url})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.mark.parametrize(
    ("host", "refusal"),
    [
        ("localhost", "this form was sent from another site"),  # another site: Sec-Fetch-Site
        ("127.0.0.1", "did not come from this site"),  # same host, another port: CSRF token
    ],
)
@pytest.mark.parametrize(
    "forged", ["logout", f"login?email={ANALYST}&password={DEMO_PASSWORD}&next=/"]
)
def test_a_forged_cross_site_form_post_is_refused_and_changes_nothing(
    site: Site, page: Any, forger: int, host: str, refusal: str, forged: str
) -> None:
    sign_in(page, site.url, "viewer@standing.example", DEMO_PASSWORD)
    assert page.get_by_text("Signed in as viewer@standing.example").is_visible()
    action = forged.partition("?")[0]
    with page.expect_response(f"{site.url}/{action}") as posted:
        page.goto(f"http://{host}:{forger}/{forged}")
    assert posted.value.request.method == "POST"
    assert posted.value.status == 403
    assert refusal in posted.value.text()
    # still signed in, as the same person
    page.goto(site.url)
    assert page.get_by_text("Signed in as viewer@standing.example").is_visible()
    assert page.get_by_role("button", name="Sign out").is_visible()
