"""Who is calling, and may they: bearer tokens for the API, session cookies for the pages,
CSRF tokens for forms, and the permission every route declares.

Every route takes its principal through `requires(Permission.X)` (or `public()` for the few
routes open to anyone); `tests/web/test_access.py` walks the route table and fails for a
route without one. The permission table itself is `standing.access.model.GRANTS`.
"""

from __future__ import annotations

import hmac
import time
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request

from standing.access.model import Permission, Principal, require
from standing.access.service import authenticate_token, session_principal
from standing.bootstrap import Services
from standing.errors import StandingError, Unauthorized

SESSION_COOKIE = "standing_session"
#: The anonymous forms' CSRF cookie (double submit: the form carries the same value).
FORM_COOKIE = "standing_form"
CSRF_FIELD = "csrf_token"


class NotSignedIn(StandingError):
    """No credential on a route that needs one: 401 for the API, a redirect to /login for
    the pages."""

    code = "unauthorized"
    http_status = 401


def is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/metrics"


def bearer(header: str | bytes | None) -> str | None:
    """The token of an ``Authorization: Bearer ...`` header (the scheme in any case)."""
    if header is None:
        return None
    text = header.decode("latin-1") if isinstance(header, bytes) else header
    if text[:7].lower() != "bearer ":
        return ""  # a header of another scheme: a credential, and not one we take
    return text[7:].strip()


class TokenCache:
    """Bearer tokens already checked, kept for ``ttl`` seconds, so that the ad servers' check
    route does not read the store on every request. A token revoked or expired, or a
    principal disabled, stops working within ``ttl`` in every process (at once in this one
    when revoked through it)."""

    def __init__(self, services: Services, ttl: float = 1.0) -> None:
        self.services = services
        self.ttl = ttl
        self._known: dict[str, tuple[Principal, float]] = {}

    def principal(self, token: str) -> Principal:
        found = self._known.get(token)
        now = time.monotonic()
        if found is not None and now - found[1] < self.ttl:
            return found[0]
        try:
            principal = authenticate_token(self.services, token)
        except Unauthorized:
            self._known.pop(token, None)
            raise
        if len(self._known) > 10_000:
            self._known.clear()
        self._known[token] = (principal, now)
        return principal

    def forget(self) -> None:
        self._known.clear()


def token_cache(request: Request) -> TokenCache:
    cache: TokenCache = request.app.state.tokens
    return cache


def current_principal(request: Request) -> Principal | None:
    """The caller: a bearer token's principal, else a live session's; None when anonymous.
    A bearer token that is not valid is an error (401), never read as anonymous."""
    if "principal" in request.state._state:
        found: Principal | None = request.state.principal
        return found
    principal: Principal | None = None
    token = bearer(request.headers.get("authorization"))
    if token is not None:
        if not token:
            raise Unauthorized("the Authorization header must be: Bearer stk_...")
        principal = token_cache(request).principal(token)
    else:
        sid = request.cookies.get(SESSION_COOKIE)
        # a browser's session reads the API (links from the pages) but never writes through
        # it: API writes need a bearer token, which no other site can make a browser send
        safe = request.method in ("GET", "HEAD") or not is_api(request.url.path)
        if sid and safe:
            services: Services = request.app.state.services
            found_session = session_principal(services, sid)
            if found_session is not None:
                principal, request.state.csrf = found_session
    request.state.principal = principal
    return principal


class Requires:
    """A route's permission, as a dependency that yields the principal holding it."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission

    def __call__(self, request: Request) -> Principal | None:
        principal = current_principal(request)
        if self.permission is Permission.PUBLIC:
            return principal
        if principal is None:
            raise NotSignedIn("sign in: this needs a credential (Authorization: Bearer stk_...)")
        return require(principal, self.permission)


def requires(permission: Permission) -> Any:
    return Depends(Requires(permission))


def public() -> Any:
    return Depends(Requires(Permission.PUBLIC))


Reader = Annotated[Principal, Depends(Requires(Permission.READ))]
Viewer = Annotated[Principal | None, Depends(Requires(Permission.PUBLIC))]


def login_redirect(request: Request) -> str:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return f"/login?next={quote(target, safe='')}"


def csrf_ok(request: Request, submitted: str | None) -> bool:
    """Whether a form's CSRF token matches the session's (signed in) or the form cookie's."""
    expected = getattr(request.state, "csrf", None) or request.cookies.get(FORM_COOKIE)
    return bool(expected and submitted and hmac.compare_digest(expected, submitted))


def cross_site(headers: dict[str, str], host: str | None) -> bool:
    """Whether a request comes from another site (Sec-Fetch-Site, else Origin vs Host)."""
    site = headers.get("sec-fetch-site")
    if site is not None:
        return site == "cross-site"
    origin = headers.get("origin")
    if origin is None or origin == "null":
        return origin == "null"
    return origin.split("://", 1)[-1] != (host or "")
