"""Every route has a door (DESIGN section 4b): the route table declares a permission for each,
and every route answers anonymous callers, each staff role, two advertisers' contacts and
service tokens exactly as the contract says (401 / 403 / 404 / 2xx)."""

from __future__ import annotations

from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from standing.access.model import Permission
from standing.web.app import create_app
from standing.web.auth import Requires
from tests.fixtures.principals import Credential
from tests.web.conftest import World

#: Routes open to anyone, as DESIGN 4b lists them (and the sign-in pages).
PUBLIC = {
    "/healthz",
    "/policies",
    "/api/v1/policies",
    "/transparency",
    "/login",
    "/login/link",
    "/login/link/{secret}",
    "/login/oidc",
    "/login/oidc/callback",
    "/logout",
    "/",
}
#: FastAPI's own documentation routes.
DOCS = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


def _requirements(dependant: Any) -> list[Permission]:
    found = []
    for dep in dependant.dependencies:
        if isinstance(dep.call, Requires):
            found.append(dep.call.permission)
        found += _requirements(dep)
    return found


def test_every_route_declares_its_permission() -> None:
    from standing.settings import Settings

    built = create_app(Settings(database_url="sqlite:///:memory:"))
    undeclared = []
    public_declared = set()
    for route in built.routes:
        if not isinstance(route, APIRoute) or route.path in DOCS:
            continue
        needs = _requirements(route.dependant)
        if len(set(needs)) != 1:
            undeclared.append((route.path, sorted(route.methods), needs))
        elif needs[0] is Permission.PUBLIC:
            public_declared.add(route.path)
    assert undeclared == []
    assert public_declared <= PUBLIC, public_declared - PUBLIC


WHO = [
    "anonymous",
    "viewer",
    "analyst",
    "reviewer",
    "auditor",
    "admin",
    "contact_a",
    "contact_b",
    "service_check",
    "service_decide",
    "service_export",
    "service_metrics",
]
STAFF = {"viewer", "analyst", "reviewer", "auditor", "admin"}


def call(
    client: TestClient,
    people: dict[str, Credential],
    who: str,
    method: str,
    url: str,
    body: Any = None,
) -> int:
    headers = {} if who == "anonymous" else dict(people[who].headers)
    response = client.request(method, url, json=body, headers=headers, follow_redirects=False)
    return response.status_code


def expect(
    world: World,
    method: str,
    url: str,
    answers: dict[str, int],
    body: Any = None,
) -> int:
    client, people, _ = world
    wrong = {
        who: got
        for who, want in answers.items()
        if (got := call(client, people, who, method, url, body)) != want
    }
    assert wrong == {}, f"{method} {url}: {wrong}"
    return len(answers)


def table(default: int, **overrides: int) -> dict[str, int]:
    answers = dict.fromkeys(WHO, default)
    answers["anonymous"] = 401
    answers.update(overrides)
    return answers


def reads(own_a: int, own_b: int) -> dict[str, int]:
    """A read: staff see everything; a contact its own (else 404); services have no read."""
    out = table(403, contact_a=own_a, contact_b=own_b)
    out.update(dict.fromkeys(STAFF, 200))
    return out


def test_the_isolation_matrix(
    world: World,
) -> None:
    _, _, dec = world
    k, s = dec["kaspersky"], dec["shop"]
    n = 0
    for decision, own_a, own_b in ((k, 200, 404), (s, 404, 200)):
        n += expect(world, "GET", f"/api/v1/decisions/{decision}", reads(own_a, own_b))
        n += expect(world, "GET", f"/api/v1/decisions/{decision}/statement", reads(own_a, own_b))
    n += expect(world, "GET", "/api/v1/decisions", reads(200, 200))
    n += expect(world, "GET", "/api/v1/appeals", reads(200, 200))
    n += expect(world, "GET", "/api/v1/hits", reads(200, 200))
    n += expect(world, "GET", "/api/v1/lists", reads(200, 200))
    n += expect(world, "GET", "/api/v1/accounts/acct-kaspersky-us/standing", reads(200, 404))
    n += expect(world, "GET", "/api/v1/parties/brightdeal-shop/standing", reads(404, 200))
    n += expect(world, "GET", "/api/v1/parties/ao-kaspersky-lab/standing", reads(404, 404))
    dry_run = {
        "subject": "ao-kaspersky-lab",
        "rule": "government-barred-vendor",
        "facts": "AO Kaspersky Lab is named in DHS Binding Operational Directive 17-01 of "
        "13 September 2017.",
        "dry_run": True,
    }
    n += expect(
        world,
        "POST",
        "/api/v1/decisions",
        table(403, analyst=200, service_decide=200),
        body=dry_run,
    )
    n += expect(
        world, "GET", "/api/v1/export/dsa", table(403, auditor=200, admin=200, service_export=200)
    )
    metrics = table(403, service_metrics=200)
    metrics.update(dict.fromkeys(STAFF, 200))
    n += expect(world, "GET", "/metrics", metrics)
    check = {"capability": "ads.promote", "accounts": ["acct-kaspersky-us"]}
    n += expect(world, "POST", "/api/v1/check", table(403, service_check=200), body=check)
    n += expect(world, "GET", "/api/v1/me", table(200))
    n += expect(world, "POST", "/api/v1/screen", table(403, analyst=200), body={"name": "Acme"})
    # re-checks are the staff's: a contact is refused the queue, not shown an empty one
    n += expect(world, "GET", "/api/v1/rechecks", reads(403, 403))
    n += expect(world, "GET", f"/api/v1/decisions/{k}/rechecks", reads(403, 403))
    recheck = {
        "reason": "AO Kaspersky Lab is still named in DHS Binding Operational Directive 17-01, "
        "and the FCC Covered List of 2026-01-01 still lists its products."
    }
    n += expect(
        world,
        "POST",
        f"/api/v1/decisions/{k}/recheck",
        table(403, analyst=200, reviewer=200),
        body=recheck,
    )
    for url in ("/healthz", "/policies", "/api/v1/policies", "/transparency", "/login"):
        n += expect(world, "GET", url, {"anonymous": 200})
    assert n >= 200  # the size of the matrix


def pages(own_a: int, own_b: int) -> dict[str, int]:
    """A page: like a read, but the anonymous are sent to sign in (303)."""
    out = reads(own_a, own_b)
    out["anonymous"] = 303
    return out


def test_the_portal_and_the_desk(
    world: World,
) -> None:
    _, _, dec = world
    k, s = dec["kaspersky"], dec["shop"]
    n = expect(world, "GET", "/standing", pages(200, 200))
    n += expect(world, "GET", f"/standing/decisions/{k}", pages(200, 404))
    n += expect(world, "GET", f"/standing/decisions/{s}", pages(404, 200))
    n += expect(world, "GET", "/standing?party=brightdeal-shop", pages(404, 200))
    unknown = pages(404, 404) | dict.fromkeys(STAFF, 404)
    n += expect(world, "GET", "/standing/attachments/att-unknown", unknown)
    n += expect(world, "GET", "/review", pages(403, 403))
    n += expect(world, "GET", f"/review/rechecks/{k}", pages(403, 403))
    unknown_recheck = pages(403, 403) | dict.fromkeys(STAFF, 404)
    n += expect(world, "GET", "/review/rechecks/dec-unknown", unknown_recheck)
    n += expect(
        world, "GET", "/review/appeals/apl-unknown", pages(403, 403) | dict.fromkeys(STAFF, 404)
    )
    # a form post: the contact it reaches gets past the door (and is refused a JSON body);
    # the other advertiser gets 404, everyone else 403
    dispute = pages(422, 404) | dict.fromkeys(STAFF, 403)
    n += expect(world, "POST", f"/standing/decisions/{k}/dispute", dispute, body={"text": "x"})
    review = table(403, reviewer=404, anonymous=303)
    n += expect(world, "POST", "/review/appeals/apl-unknown", review, body={"outcome": "upheld"})
    recheck = table(403, analyst=404, reviewer=404, anonymous=303)
    n += expect(world, "POST", "/review/rechecks/dec-unknown", recheck, body={"act": "confirm"})
    assert n == 12 * len(WHO)


def test_appeals_are_the_contacts_and_reviews_the_reviewers(
    world: World,
) -> None:
    client, people, dec = world
    text = "Kaspersky Lab, Inc. was sold to Meridian Holdings on 2026-03-01; the register shows it."
    body = {"decision": dec["kaspersky"], "text": text}
    for who, status in (
        ("anonymous", 401),
        ("analyst", 403),
        ("reviewer", 403),
        ("contact_b", 404),
    ):
        assert call(client, people, who, "POST", "/api/v1/appeals", body) == status, who
    filed = client.post("/api/v1/appeals", json=body, headers=people["contact_a"].headers)
    assert filed.status_code == 201, filed.text
    appeal = filed.json()
    assert appeal["filed_by"] == people["contact_a"].principal.id  # the caller, never a name
    own = client.get("/api/v1/appeals", headers=people["contact_a"].headers).json()["appeals"]
    assert [a["id"] for a in own] == [appeal["id"]]
    other = client.get("/api/v1/appeals", headers=people["contact_b"].headers).json()["appeals"]
    assert other == []
    url = f"/api/v1/appeals/{appeal['id']}"
    assert call(client, people, "contact_b", "GET", url) == 404
    assert call(client, people, "contact_a", "GET", url) == 200
    reply = {
        "outcome": "upheld",
        "reply": 'You write that Kaspersky Lab, Inc. "was sold to Meridian Holdings on '
        '2026-03-01", but the Delaware register extract of 2026-04-02 still lists AO Kaspersky '
        "Lab as its sole shareholder.",
    }
    for who, status in (("contact_a", 403), ("analyst", 403), ("anonymous", 401)):
        assert call(client, people, who, "POST", f"{url}/review", reply) == status, who
    decided = client.post(f"{url}/review", json=reply, headers=people["reviewer"].headers)
    assert decided.status_code == 200, decided.text
    assert decided.json()["decided_by"] == people["reviewer"].principal.id


def test_pages_send_the_anonymous_to_sign_in_and_hide_other_cases(
    world: World,
) -> None:
    client, people, dec = world
    page = f"/decisions/{dec['kaspersky']}/statement"
    r = client.get(page, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
    home = client.get("/")
    assert dec["kaspersky"] not in home.text and dec["shop"] not in home.text
    for header in ("content-security-policy", "x-content-type-options", "x-frame-options"):
        assert header in home.headers
    assert "script-src 'self'" in home.headers["content-security-policy"]
    assert client.get(page, headers=people["contact_b"].headers).status_code == 404
    assert client.get(page, headers=people["contact_a"].headers).status_code == 200
    unauthorized = client.get("/api/v1/decisions")
    assert unauthorized.status_code == 401
    assert unauthorized.headers["www-authenticate"] == "Bearer"
    bad = client.get("/api/v1/decisions", headers={"authorization": "Bearer stk_not-a-token"})
    assert bad.status_code == 401


def test_password_sign_in_session_and_csrf(
    world: World,
) -> None:
    from tests.fixtures.principals import PASSWORD

    client, _people, dec = world
    form = client.get("/login")
    token = form.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    wrong = client.post(
        "/login",
        data={"email": "viewer@test.example", "password": "nope", "csrf_token": token},
    )
    unknown = client.post(
        "/login",
        data={"email": "nobody@test.example", "password": "nope", "csrf_token": token},
    )
    assert wrong.status_code == unknown.status_code == 401  # no hint which
    assert "wrong" in wrong.text and wrong.text.count("wrong") == unknown.text.count("wrong")
    no_csrf = client.post("/login", data={"email": "viewer@test.example", "password": PASSWORD})
    assert no_csrf.status_code == 403
    ok = client.post(
        "/login",
        data={"email": "viewer@test.example", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert dec["kaspersky"] in client.get("/").text  # a viewer sees the cases
    forged = client.post(
        "/logout",
        data={"csrf_token": token},
        headers={"origin": "https://evil.example", "sec-fetch-site": "cross-site"},
    )
    assert forged.status_code == 403
    # a session reads the API but never writes through it
    assert client.get("/api/v1/decisions").status_code == 200
    lift = client.post(f"/api/v1/decisions/{dec['kaspersky']}/lift", json={"reason": "x y"})
    assert lift.status_code == 401


def test_the_desk_cases(world: World) -> None:
    """Claims, releases, notes and the guard's verdict: pages and API, every principal."""
    n = expect(
        world, "GET", "/review/hits/hit-unknown", pages(403, 403) | dict.fromkeys(STAFF, 404)
    )
    reviewers = table(403, reviewer=404, anonymous=303)
    analysts = table(403, analyst=404, anonymous=303)
    annotators = table(403, analyst=404, reviewer=404, anonymous=303)
    for act in ("claim", "release", "verdict"):
        n += expect(world, "POST", f"/review/appeals/apl-unknown/{act}", reviewers, body={})
    for act in ("claim", "release"):
        n += expect(world, "POST", f"/review/hits/hit-unknown/{act}", analysts, body={})
    for kind in ("appeals", "hits"):
        n += expect(world, "POST", f"/review/{kind}/x-unknown/notes", annotators, body={})
    for act in ("claim", "release"):
        n += expect(world, "POST", f"/api/v1/appeals/apl-unknown/{act}", table(403, reviewer=404))
        n += expect(world, "POST", f"/api/v1/hits/hit-unknown/{act}", table(403, analyst=404))
    for kind in ("appeals", "hits"):
        url = f"/api/v1/{kind}/x-unknown/notes"
        n += expect(world, "GET", url, reads(404, 404) | dict.fromkeys(STAFF, 404))
        note = {"text": "a note"}
        n += expect(world, "POST", url, table(403, analyst=404, reviewer=404), body=note)
    assert n == 16 * len(WHO)
