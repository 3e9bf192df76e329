"""Staff sign in with OpenID Connect, against a real provider (``oidc-provider-mock``) served on
a free port by the tests: the app sends the browser there, the test answers the provider's
consent form as the person would, and follows its redirect back to the app."""

from __future__ import annotations

import json
import socket
import warnings
from collections.abc import Iterator
from contextlib import AbstractContextManager
from urllib.parse import parse_qs, quote, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from werkzeug.serving import BaseWSGIServer as WSGIServer

from standing.access import oidc
from standing.access.service import NewUser, add_user, disable_user, list_users
from standing.bootstrap import Services
from standing.demo.seed import SCENARIO
from standing.graph.importer import import_files
from standing.settings import Settings
from standing.store.tables import EventRow
from standing.web.app import create_app
from standing.web.auth import SESSION_COOKIE
from standing.web.ui.oidc import CALLBACK, STATE_COOKIE
from tests.fixtures.principals import Credential, make_credentials
from tests.fixtures.services import TestClock
from tests.principals import ANALYST

#: The provider runs in this process, on Authlib APIs that Authlib now announces it will drop.
pytestmark = pytest.mark.filterwarnings("ignore:get_jwt_config:DeprecationWarning")
CLIENT_ID = "standing-test"
CLIENT_SECRET = "a client secret of the test provider"


def provider_server(require_nonce: bool = True) -> AbstractContextManager[WSGIServer]:
    """A real OpenID provider on a free port, in a thread; requiring a nonce as strict ones
    do."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # its imports of Authlib's old APIs
        import oidc_provider_mock

    return oidc_provider_mock.run_server_in_thread(require_nonce=require_nonce)


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """The issuer URL of the provider."""
    with provider_server() as server:
        yield f"http://localhost:{server.server_port}"


def oidc_settings(database_url: str, issuer: str) -> Settings:
    return Settings(
        database_url=database_url,
        public_url="http://testserver",
        oidc_issuer=issuer,
        oidc_client_id=CLIENT_ID,
        oidc_client_secret=CLIENT_SECRET,
    )


@pytest.fixture
def oidc_services(database_url: str, provider: str, clock: TestClock) -> Iterator[Services]:
    services = Services.build(oidc_settings(database_url, provider), clock=clock)
    import_files(services, [SCENARIO], ANALYST)
    yield services
    services.close()


@pytest.fixture
def people(oidc_services: Services) -> dict[str, Credential]:
    return make_credentials(oidc_services)


@pytest.fixture
def browser(oidc_services: Services, people: dict[str, Credential]) -> Iterator[TestClient]:
    """A browser on the app: cookies kept, redirects not followed (the test follows them)."""
    with TestClient(
        create_app(services=oidc_services), raise_server_exceptions=False, follow_redirects=False
    ) as c:
        yield c


def user_at(provider: str, email: str, **claims: object) -> str:
    """Tell the provider who ``email`` is; returns the subject to authorize."""
    r = httpx.put(f"{provider}/users/{quote(email)}", json={"email": email, **claims})
    assert r.status_code == 204, r.text
    return email


def to_provider(browser: TestClient, target: str = "/") -> str:
    r = browser.get("/login/oidc", params={"next": target})
    assert r.status_code == 303, r.text
    return r.headers["location"]


def consent(authorize_url: str, subject: str | None) -> str:
    """Answer the provider's form as its user: authorize ``subject``, or deny (None). Returns
    the URL the provider sends the browser back to."""
    form = {"sub": subject} if subject else {"action": "deny"}
    r = httpx.post(authorize_url, data=form)
    assert r.status_code == 302, r.text
    location = r.headers["location"]
    assert location.startswith(f"http://testserver{CALLBACK}?")
    return location


def back(browser: TestClient, location: str) -> httpx.Response:
    parts = urlsplit(location)
    return browser.get(f"{parts.path}?{parts.query}")


def sign_in(browser: TestClient, provider: str, subject: str, target: str = "/") -> httpx.Response:
    return back(browser, consent(to_provider(browser, target), subject))


def me(browser: TestClient) -> dict[str, object]:
    r = browser.get("/api/v1/me")
    assert r.status_code == 200, r.text
    found: dict[str, object] = r.json()
    return found


def events(services: Services, action: str) -> list[EventRow]:
    with services.read() as session:
        return list(session.scalars(select(EventRow).where(EventRow.action == action)))


def test_the_authorization_request_uses_pkce_state_and_nonce(
    browser: TestClient, provider: str
) -> None:
    url = to_provider(browser, "/policies")
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}".startswith(provider)
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == f"http://testserver{CALLBACK}"
    assert set(query["scope"].split()) >= {"openid", "email"}
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43  # base64url SHA-256, no padding
    assert len(query["state"]) >= 32 and len(query["nonce"]) >= 32
    # the state travels sealed: HttpOnly, only for the callback, none of its secrets readable
    cookie = next(c for c in browser.cookies.jar if c.name == STATE_COOKIE)
    assert cookie.path == CALLBACK
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.value is not None
    assert query["state"] not in cookie.value and query["nonce"] not in cookie.value
    assert "/policies" not in cookie.value


def test_a_staff_user_signs_in_and_gets_a_session(
    browser: TestClient, provider: str, people: dict[str, Credential], oidc_services: Services
) -> None:
    subject = user_at(provider, "analyst@test.example", name="Ana Lyst")
    r = sign_in(browser, provider, subject, "/policies")
    assert r.status_code == 303, r.text
    assert r.headers["location"] == "/policies"
    assert browser.cookies.get(SESSION_COOKIE)
    assert not browser.cookies.get(STATE_COOKIE)  # used once, then gone
    who = me(browser)
    assert who["id"] == people["analyst"].principal.id
    assert who["roles"] == ["analyst"]  # no roles claim: the user's roles stand
    home = browser.get("/")
    assert "Signed in as analyst@test.example" in home.text
    assert "Recent decisions" in home.text
    assert not events(oidc_services, "user:roles")


def test_a_new_email_with_a_role_becomes_a_staff_user_and_roles_follow_the_provider(
    browser: TestClient, provider: str, people: dict[str, Credential], oidc_services: Services
) -> None:
    subject = user_at(
        provider, "New.Reviewer@Corp.example", name="New Reviewer", roles=["reviewer", "staff"]
    )
    r = sign_in(browser, provider, subject)
    assert r.status_code == 303, r.text
    who = me(browser)
    assert who["kind"] == "staff" and who["roles"] == ["reviewer"]  # "staff" is not a role
    assert who["email"] == "new.reviewer@corp.example"
    users = {u.email: u for u in list_users(oidc_services, people["admin"].principal)}
    created = users["new.reviewer@corp.example"]
    assert created.name == "New Reviewer" and created.password is False
    (added,) = [e for e in events(oidc_services, "user:add") if e.subject == created.id]
    assert added.actor == created.id
    assert json.loads(added.payload)["issuer"] == provider

    # the provider moves the user to another role: the next sign-in follows it
    user_at(provider, subject, name="New Reviewer", roles="viewer auditor")
    browser.cookies.clear()
    assert sign_in(browser, provider, subject).status_code == 303
    assert me(browser)["roles"] == ["auditor", "viewer"]
    (changed,) = events(oidc_services, "user:roles")
    assert json.loads(changed.payload)["before"] == ["reviewer"]
    from standing.audit.state import check_state

    with oidc_services.read() as session:  # the users as the events made them
        assert check_state(session).count == 0


def test_a_profile_that_cannot_be_read_does_not_stop_a_user_the_id_token_names(
    browser: TestClient,
    provider: str,
    people: dict[str, Credential],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unreachable(self: oidc.Provider, access_token: str, subject: str) -> dict[str, object]:
        raise oidc.SignInFailed(502, "The sign-in provider is not available", "no profile")

    monkeypatch.setattr(oidc.Provider, "userinfo", unreachable)
    subject = user_at(provider, "analyst@test.example")
    assert sign_in(browser, provider, subject).status_code == 303
    assert me(browser)["roles"] == ["analyst"]


def test_roles_may_sit_in_a_nested_claim(
    database_url: str, provider: str, clock: TestClock
) -> None:
    settings = oidc_settings(database_url, provider).model_copy(
        update={"oidc_roles_claim": "realm_access.roles"}
    )
    services = Services.build(settings, clock=clock)
    try:
        add_user(services, None, NewUser("root@test.example", roles=("admin",)))
        subject = user_at(provider, "nested@corp.example", realm_access={"roles": ["analyst"]})
        with TestClient(create_app(services=services), follow_redirects=False) as browser:
            assert sign_in(browser, provider, subject).status_code == 303
            assert me(browser)["roles"] == ["analyst"]
    finally:
        services.close()


def refused(r: httpx.Response, status: int, *words: str) -> None:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("text/html")
    for word in words:
        assert word in r.text, word
    assert 'href="/login?next=' in r.text  # a way back


def test_an_email_without_a_user_or_a_role_is_refused(
    browser: TestClient, provider: str, people: dict[str, Credential], oidc_services: Services
) -> None:
    subject = user_at(provider, "stranger@corp.example", roles=["offline_access"])
    r = sign_in(browser, provider, subject)
    refused(r, 403, "stranger@corp.example is not a standing user", "ask an admin")
    assert not browser.cookies.get(SESSION_COOKIE)
    emails = {u.email for u in list_users(oidc_services, people["admin"].principal)}
    assert "stranger@corp.example" not in emails


def test_a_contact_or_a_disabled_user_is_refused(
    browser: TestClient, provider: str, people: dict[str, Credential], oidc_services: Services
) -> None:
    contact = user_at(provider, people["contact_a"].email, roles=["admin"])
    refused(sign_in(browser, provider, contact), 403, "contacts sign in with a link")
    disable_user(oidc_services, people["admin"].principal, "viewer@test.example")
    viewer = user_at(provider, "viewer@test.example", roles=["viewer"])
    refused(sign_in(browser, provider, viewer), 403, "disabled")
    assert not browser.cookies.get(SESSION_COOKIE)
    assert not events(oidc_services, "user:roles")


def test_an_unverified_email_is_refused(
    browser: TestClient, provider: str, people: dict[str, Credential]
) -> None:
    subject = user_at(provider, "analyst@test.example", email_verified=False)
    refused(sign_in(browser, provider, subject), 403, "not verified")


def test_denied_consent_is_a_clear_page(browser: TestClient, provider: str) -> None:
    r = back(browser, consent(to_provider(browser), None))
    refused(r, 401, "Sign-in cancelled", "You did not allow standing")
    assert not browser.cookies.get(SESSION_COOKIE)


def test_a_bad_or_missing_state_is_refused(
    browser: TestClient, provider: str, people: dict[str, Credential]
) -> None:
    subject = user_at(provider, "analyst@test.example")
    location = consent(to_provider(browser), subject)
    query = parse_qs(urlsplit(location).query)
    forged = f"{CALLBACK}?code={query['code'][0]}&state=not-the-state"
    refused(browser.get(forged), 400, "Sign-in expired", "Start again")
    # the answer taken to another browser (no sealed state there) does not sign it in
    with TestClient(browser.app, follow_redirects=False) as other:
        refused(back(other, location), 400, "Sign-in expired")
        assert not other.cookies.get(SESSION_COOKIE)
    # nor a state cookie forged by hand
    browser.cookies.set(STATE_COOKIE, "x" * 100, path=CALLBACK)
    refused(back(browser, location), 400, "Sign-in expired")
    assert not browser.cookies.get(SESSION_COOKIE)


def test_a_sign_in_left_too_long_expires(
    browser: TestClient, provider: str, clock: TestClock, people: dict[str, Credential]
) -> None:
    subject = user_at(provider, "analyst@test.example")
    location = consent(to_provider(browser), subject)
    clock.advance(seconds=oidc.STATE_TTL_S + 1)
    refused(back(browser, location), 400, "Sign-in expired", "10 minutes")


def test_a_code_is_good_once(
    browser: TestClient, provider: str, people: dict[str, Credential]
) -> None:
    subject = user_at(provider, "analyst@test.example")
    location = consent(to_provider(browser), subject)
    sealed = browser.cookies.get(STATE_COOKIE, path=CALLBACK)
    assert sealed
    assert back(browser, location).status_code == 303
    browser.cookies.set(STATE_COOKIE, sealed, path=CALLBACK)  # replayed with its state
    refused(back(browser, location), 401, "refused to complete the sign-in", "invalid_grant")


def test_the_provider_being_down_is_a_clear_page(
    database_url: str, clock: TestClock, provider: str
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{s.getsockname()[1]}"
    for issuer in (closed, "http://[::1"):
        services = Services.build(oidc_settings(database_url, issuer), clock=clock)
        try:
            with TestClient(create_app(services=services), follow_redirects=False) as browser:
                r = browser.get("/login/oidc")
                refused(r, 502, "not available", issuer, "sign in with your password")
        finally:
            services.close()


def test_the_provider_going_down_during_the_sign_in_is_a_clear_page(
    database_url: str, clock: TestClock
) -> None:
    with provider_server() as server:
        issuer = f"http://localhost:{server.server_port}"
        services = Services.build(oidc_settings(database_url, issuer), clock=clock)
        add_user(services, None, NewUser("root@test.example", roles=("admin",)))
        browser = TestClient(create_app(services=services), follow_redirects=False)
        location = consent(to_provider(browser), user_at(issuer, "root@test.example"))
    try:
        refused(back(browser, location), 502, "could not be reached")
        assert not browser.cookies.get(SESSION_COOKIE)
    finally:
        browser.close()
        services.close()


def test_the_id_token_is_checked(
    browser: TestClient, provider: str, people: dict[str, Credential], oidc_services: Services
) -> None:
    """A real ID token from the provider passes; with another nonce, for another client or
    with its signature altered, it does not."""
    settings = oidc_services.settings
    subject = user_at(provider, "analyst@test.example")
    pending = oidc.new_pending("/")
    authorize = oidc.provider(settings).authorization_url(settings, pending)
    code = parse_qs(urlsplit(consent(authorize, subject)).query)["code"][0]
    tokens = oidc.provider(settings).exchange(settings, code, pending)
    claims = oidc.provider(settings).verify(tokens, pending)
    assert claims["email"] == "analyst@test.example" and claims["nonce"] == pending.nonce

    other_nonce = oidc.Pending(pending.state, "another nonce", pending.verifier, "/")
    other_client = oidc.Provider(provider, "another-client", CLIENT_SECRET)
    head, body, signature = tokens["id_token"].split(".")
    altered = {**tokens, "id_token": f"{head}.{body}.{signature[:-6]}AAAAAA"}
    for who, what, why in [
        (oidc.provider(settings), tokens, other_nonce),
        (other_client, tokens, pending),
        (oidc.provider(settings), altered, pending),
        (oidc.provider(settings), {**tokens, "id_token": "not.a.token"}, pending),
    ]:
        with pytest.raises(oidc.SignInFailed) as failed:
            who.verify(what, why)
        assert failed.value.status == 401
        assert "could not be verified" in failed.value.message


def test_next_stays_on_this_site(
    browser: TestClient, provider: str, people: dict[str, Credential]
) -> None:
    subject = user_at(provider, "analyst@test.example")
    r = sign_in(browser, provider, subject, "//evil.example/steal")
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_the_login_page_offers_it_only_when_set_up(
    browser: TestClient, database_url: str, clock: TestClock
) -> None:
    assert 'href="/login/oidc?next=/policies"' in browser.get("/login?next=/policies").text
    services = Services.build(Settings(database_url=database_url), clock=clock)
    try:
        with TestClient(create_app(services=services), follow_redirects=False) as plain:
            assert "/login/oidc" not in plain.get("/login").text
            refused(plain.get("/login/oidc"), 404, "not set up")
            refused(plain.get(f"{CALLBACK}?code=x&state=y"), 404, "not set up")
    finally:
        services.close()


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ({"oidc_issuer": "https://id.example"}, ["STANDING_OIDC_CLIENT_ID", "SECRET"]),
        (
            {"oidc_issuer": "https://id.example", "oidc_client_id": "x"},
            ["STANDING_OIDC_CLIENT_SECRET"],
        ),
        (
            {"oidc_issuer": "id.example", "oidc_client_id": "x", "oidc_client_secret": "y"},
            ["not an http(s) URL"],
        ),
    ],
)
def test_incomplete_settings_are_refused(given: dict[str, str], words: list[str]) -> None:
    with pytest.raises(ValueError, match="OIDC") as failed:
        Settings(**given)  # type: ignore[arg-type]
    for word in words:
        assert word in str(failed.value)


def test_roles_from_claims() -> None:
    from standing.access.model import Role

    assert oidc.roles_from(["Reviewer", "staff", 3]) == {Role.REVIEWER}
    assert oidc.roles_from("viewer, auditor admin") == {Role.VIEWER, Role.AUDITOR, Role.ADMIN}
    assert oidc.roles_from(None) == frozenset()
    assert oidc.claim({"a": {"b": ["x"]}}, "a.b") == ["x"]
    assert oidc.claim({"https://corp.example/roles": ["y"]}, "https://corp.example/roles") == ["y"]
