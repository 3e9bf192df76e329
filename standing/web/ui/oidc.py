"""Staff sign in with their organisation's account (OpenID Connect), when
``STANDING_OIDC_ISSUER`` and the client settings are set.

``GET /login/oidc?next=`` sends the browser to the provider; ``GET /login/oidc/callback``
takes it back, checks what the provider says (`standing.access.oidc`), finds or creates the
staff user (`standing.access.service.sign_in_oidc`) and starts a session as the password
sign-in does. Every failure is a page saying what went wrong and what to do.
"""

from __future__ import annotations

import hmac
import logging

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from standing.access import oidc
from standing.access.service import sign_in_oidc
from standing.errors import StandingError
from standing.web.auth import public
from standing.web.deps import ServicesDep
from standing.web.ui.login import safe_next, served_securely, signed_in
from standing.web.ui.render import page

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)

#: The sealed state of a sign-in under way; sent back only to the callback.
STATE_COOKIE = "standing_oidc"
CALLBACK = "/login/oidc/callback"


def _failed(request: Request, failure: oidc.SignInFailed, target: str = "/") -> Response:
    response = page(
        request,
        "login_failed.html",
        status_code=failure.status,
        title=failure.title,
        message=failure.message,
        next=safe_next(target),
    )
    response.delete_cookie(STATE_COOKIE, path=CALLBACK)
    return response


@router.get("/login/oidc", response_class=HTMLResponse, dependencies=[public()])
def start(request: Request, services: ServicesDep, next: str = "/") -> Response:
    settings = services.settings
    target = safe_next(next)
    if not oidc.enabled(settings):
        return _failed(
            request,
            oidc.SignInFailed(
                404,
                "Not available here",
                "Signing in with an organisation account is not set up on this site; sign in "
                "with your email and password.",
            ),
            target,
        )
    pending = oidc.new_pending(target)
    try:
        url = oidc.provider(settings).authorization_url(settings, pending)
    except oidc.SignInFailed as failure:
        log.warning("OpenID Connect sign-in not started: %s", failure.message)
        return _failed(request, failure, target)
    response = RedirectResponse(url, status_code=303)
    response.set_cookie(
        STATE_COOKIE,
        oidc.seal(settings, pending, services.clock.now().timestamp()),
        max_age=oidc.STATE_TTL_S,
        httponly=True,
        samesite="lax",  # sent on the provider's top-level redirect back, not on cross-site posts
        secure=served_securely(request),
        path=CALLBACK,
    )
    return response


@router.get(CALLBACK, response_class=HTMLResponse, dependencies=[public()])
def callback(
    request: Request,
    services: ServicesDep,
    code: str | None = None,
    state: str | None = None,
    error: str | None = None,
    error_description: str | None = None,
) -> Response:
    settings = services.settings
    if not oidc.enabled(settings):
        return _failed(
            request,
            oidc.SignInFailed(
                404, "Not available here", "Signing in with an organisation account is not set up."
            ),
        )
    pending = oidc.unseal(
        settings, request.cookies.get(STATE_COOKIE), services.clock.now().timestamp()
    )
    # an error answer may come without the state (some providers leave it out); it signs no
    # one in, so it is shown for the sign-in under way
    matches = hmac.compare_digest(pending.state, state) if pending and state else bool(error)
    if pending is None or not matches:
        # no sign-in under way in this browser, an old one, or an answer for another browser
        return _failed(
            request,
            oidc.SignInFailed(
                400,
                "Sign-in expired",
                "This sign-in was not started in this browser, or took more than "
                f"{oidc.STATE_TTL_S // 60} minutes. Start again from the sign-in page.",
            ),
        )
    if error:
        denied = error == "access_denied"
        return _failed(
            request,
            oidc.SignInFailed(
                401 if denied else 502,
                "Sign-in cancelled" if denied else "Sign-in refused by the provider",
                "You did not allow standing to use your organisation's account; nothing was "
                "changed."
                if denied
                else "Your organisation's sign-in service did not sign you in "
                f"({oidc.provider_error(error, error_description)}).",
            ),
            pending.next,
        )
    if not code:
        return _failed(
            request,
            oidc.SignInFailed(
                400, "Sign-in incomplete", "The provider sent no authorization code; start again."
            ),
            pending.next,
        )
    provider = oidc.provider(settings)
    try:
        tokens = provider.exchange(settings, code, pending)
        claims = provider.verify(tokens, pending)
        access_token = tokens.get("access_token")
        needs_profile = (
            "email" not in claims or oidc.claim(claims, settings.oidc_roles_claim) is None
        )
        if needs_profile and isinstance(access_token, str):
            try:
                claims = {**provider.userinfo(access_token, str(claims["sub"])), **claims}
            except oidc.SignInFailed as failure:
                if "email" not in claims:
                    raise
                # the ID token names the user: go on without roles from the profile
                log.warning("OpenID Connect profile not read: %s", failure.message)
        who = oidc.identity(claims, settings.oidc_roles_claim)
        principal = sign_in_oidc(services, provider.issuer, who.email, who.name, who.roles)
    except oidc.SignInFailed as failure:
        log.warning("OpenID Connect sign-in failed: %s", failure.message)
        return _failed(request, failure, pending.next)
    except StandingError as exc:
        log.info("OpenID Connect sign-in refused: %s", exc.message)
        return _failed(
            request,
            oidc.SignInFailed(
                exc.http_status if exc.http_status < 500 else 403, "Not signed in", exc.message
            ),
            pending.next,
        )
    response = signed_in(request, principal, pending.next)
    response.delete_cookie(STATE_COOKIE, path=CALLBACK)
    return response
