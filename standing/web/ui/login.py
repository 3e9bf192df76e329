"""Signing in to the pages: email and password, a one-time link emailed to an advertiser
contact, or OpenID Connect; signing out. Sessions are kept in the store (several app processes
share them); the cookie is HttpOnly, SameSite=Lax, and Secure when served over https."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from standing.access import mail
from standing.access.model import Principal
from standing.access.secrets import new_secret
from standing.access.service import (
    SESSION_TTL,
    consume_signin_link,
    create_signin_link,
    end_session,
    sign_in_password,
    start_session,
)
from standing.errors import Invalid, StandingError
from standing.notify.mail import DeliveryError
from standing.web.auth import (
    CSRF_FIELD,
    FORM_COOKIE,
    SESSION_COOKIE,
    Viewer,
    csrf_ok,
    public,
)
from standing.web.deps import ServicesDep
from standing.web.ui.render import page

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
FORM_MAX = 64 * 1024


def served_securely(request: Request) -> bool:
    return request.url.scheme == "https" or str(
        request.app.state.services.settings.public_url
    ).startswith("https://")


def _form_token(request: Request) -> str:
    """The CSRF token for a form: the session's, else the anonymous form cookie's (new)."""
    token = getattr(request.state, "csrf", None) or request.cookies.get(FORM_COOKIE)
    if not token:
        token = new_secret()
        request.state.new_form_cookie = token
    return str(token)


def form_page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page with a form: its CSRF token, and the form cookie set when it is new."""
    token = _form_token(request)
    response = page(request, name, status_code=status, csrf_token=token, **context)
    if getattr(request.state, "new_form_cookie", None):
        response.set_cookie(
            FORM_COOKIE,
            token,
            httponly=True,
            samesite="lax",
            secure=served_securely(request),
            path="/",
        )
    return response


async def read_form(request: Request) -> dict[str, str]:
    """A form post's fields; `Invalid` unless it is a form carrying the right CSRF token."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raise Invalid("send this form from its page")
    form = await request.form(max_files=0, max_fields=50)
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    if not csrf_ok(request, fields.get(CSRF_FIELD)):
        raise CsrfRefused("the form has expired or did not come from this site; reload the page")
    return fields


class CsrfRefused(StandingError):
    code = "csrf"
    http_status = 403


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this site, never another site."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "\\" in target:
        return "/"
    return target


def signed_in(request: Request, principal: Principal, target: str) -> Response:
    services = request.app.state.services
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        end_session(services, old)
    sid, _csrf = start_session(services, principal)
    response = RedirectResponse(safe_next(target), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        sid,
        max_age=int(SESSION_TTL.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=served_securely(request),
        path="/",
    )
    response.delete_cookie(FORM_COOKIE, path="/")
    return response


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/login", response_class=HTMLResponse, dependencies=[public()])
def login_form(request: Request, viewer: Viewer, next: str = "/") -> Response:
    if viewer is not None and viewer.kind != "service":
        return RedirectResponse(safe_next(next), status_code=303)
    oidc = bool(request.app.state.services.settings.oidc_issuer)
    return form_page(request, "login.html", next=safe_next(next), oidc=oidc)


@router.post("/login", response_class=HTMLResponse, dependencies=[public()])
async def login(request: Request, services: ServicesDep) -> Response:
    fields = await read_form(request)
    target = safe_next(fields.get("next"))
    email = fields.get("email", "")
    try:
        principal = sign_in_password(services, email, fields.get("password", ""), _address(request))
    except StandingError as exc:
        return form_page(
            request,
            "login.html",
            status=exc.http_status,
            next=target,
            error=exc.message,
            email=email[:320],
            oidc=bool(services.settings.oidc_issuer),
        )
    return signed_in(request, principal, target)


@router.post("/login/link", response_class=HTMLResponse, dependencies=[public()])
async def request_link(request: Request, services: ServicesDep) -> Response:
    """Email a one-time sign-in link to a contact. The page says the same whether or not the
    address is a contact's, so addresses cannot be probed."""
    fields = await read_form(request)
    email = fields.get("email", "")
    try:
        issued = create_signin_link(services, email, _address(request))
    except StandingError as exc:
        return form_page(
            request,
            "login.html",
            status=exc.http_status,
            next="/",
            link_error=exc.message,
            link_email=email[:320],
            oidc=bool(services.settings.oidc_issuer),
        )
    if issued is not None:
        principal, secret = issued
        link = f"{services.settings.public_url.rstrip('/')}/login/link/{secret}"
        body = (
            f"Hello {principal.name},\n\n"
            f"Open this link to sign in to standing, where you can see the standing of "
            f"your accounts, read statements of reasons and appeal decisions:\n\n{link}\n\n"
            "The link works once, for 15 minutes. If you did not ask for it, ignore this mail."
        )
        try:
            mail.send_now(
                services.settings,
                principal.email or email,
                "Your sign-in link",
                body,
                services.clock.now(),
            )
        except DeliveryError as exc:
            log.error("sign-in link for %s not sent: %s", principal.id, exc.message)
    return page(request, "link_sent.html", email=email.strip()[:320])


@router.get("/login/link/{secret}", response_class=HTMLResponse, dependencies=[public()])
def link_form(request: Request, secret: str) -> Response:
    """The link's page: a button, so that a mail scanner fetching the link does not use it."""
    return form_page(request, "link_confirm.html", secret=secret[:200])


@router.post("/login/link/{secret}", response_class=HTMLResponse, dependencies=[public()])
async def use_link(request: Request, secret: str, services: ServicesDep) -> Response:
    await read_form(request)
    try:
        principal = consume_signin_link(services, secret[:200])
    except StandingError as exc:
        return form_page(
            request, "login.html", status=exc.http_status, next="/", link_error=exc.message
        )
    return signed_in(request, principal, "/standing" if principal.is_contact else "/")


@router.post("/logout", response_class=HTMLResponse, dependencies=[public()])
async def logout(request: Request, services: ServicesDep) -> Response:
    await read_form(request)
    sid = request.cookies.get(SESSION_COOKIE)
    if sid:
        end_session(services, sid)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
