"""The web application: JSON API under /api/v1, public pages, the gate's check routes."""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DataError, StatementError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Message, Receive, Scope, Send

from standing import __version__
from standing.appeals.attachments import MAX_BYTES, MAX_FILES
from standing.bootstrap import Services
from standing.errors import StandingError, error_document
from standing.settings import Settings
from standing.web import methods
from standing.web.api import check
from standing.web.auth import NotSignedIn, TokenCache, cross_site, is_api, login_redirect
from standing.web.guard import body_problem, path_problem, query_problem
from standing.web.ui.render import page

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "ui" / "static"


def error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(error_document(code, message), status_code=status)


def _error_page(request: Request, status: int, message: str) -> Response:
    titles = {401: "Sign in", 403: "Not allowed", 404: "Not found", 429: "Too many attempts"}
    return page(
        request,
        "error.html",
        status_code=status,
        title=titles.get(status, "Something is wrong"),
        message=message,
    )


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StandingError)
    async def domain_error(request: Request, exc: StandingError) -> Response:
        api = is_api(request.url.path)
        if isinstance(exc, NotSignedIn) and not api:
            return RedirectResponse(login_redirect(request), status_code=303)
        if not api and exc.http_status in (401, 403, 404, 429):
            return _error_page(request, exc.http_status, exc.message)
        response = error(exc.http_status, exc.code, exc.message)
        if exc.http_status == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors()[:5]:
            if err.get("type") == "json_invalid":  # FastAPI's json.JSONDecodeError
                loc = err.get("loc", ())
                at = f" at position {loc[-1]}" if loc and isinstance(loc[-1], int) else ""
                reason = (err.get("ctx") or {}).get("error") or err.get("msg", "decode error")
                return error(422, "invalid", f"body: not valid JSON ({reason}{at})")
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            parts.append(f"{where or 'body'}: {err.get('msg', 'invalid')}")
        return error(422, "invalid", "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400 and exc.detail == _BODY_PARSE_ERROR:
            return error(422, "invalid", f"body: not valid JSON ({_parse_failure(exc.__cause__)})")
        if exc.status_code == 400:  # a body Starlette could not parse (multipart, form)
            return error(422, "invalid", f"body: {str(exc.detail).rstrip('.')}")
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(
            exc.status_code, "http_error"
        )
        response = error(exc.status_code, code, str(exc.detail))
        response.headers.update(exc.headers or {})  # e.g. Allow on 405
        if exc.status_code == 405:  # every method of the path, not those of one of its routes
            response.headers["allow"] = ", ".join(
                methods.allowed_methods(request.app, request.scope)
            )
        return response

    @app.exception_handler(DataError)
    async def data_error(request: Request, exc: DataError) -> JSONResponse:
        # A backstop: input the guards let through but the database refuses is still bad input.
        log.warning(
            "%s %s: the database refused a value", request.method, request.url.path, exc_info=exc
        )
        reason = (str(exc.orig).strip().splitlines() or ["refused by the database"])[0]
        return error(422, "invalid", f"a value in the request is not valid here: {reason}")

    @app.exception_handler(StatementError)
    async def statement_error(request: Request, exc: StatementError) -> JSONResponse:
        if isinstance(exc.orig, OverflowError | UnicodeError):  # a value no column can hold
            log.warning("%s %s: value refused", request.method, request.url.path, exc_info=exc)
            return error(422, "invalid", f"a value in the request cannot be stored ({exc.orig})")
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error(500, "internal", "internal error; it has been logged")

    @app.exception_handler(OverflowError)
    async def overflow(request: Request, exc: OverflowError) -> JSONResponse:
        # A backstop: the routes refuse dates without a UTC equivalent; numbers too large
        # for a computation are bad input as well.
        log.warning("%s %s: out of range", request.method, request.url.path, exc_info=exc)
        return error(422, "invalid", f"a value in the request is out of range ({exc})")

    @app.exception_handler(Exception)
    async def unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        return error(500, "internal", "internal error; it has been logged")


# What FastAPI answers (400) when reading a JSON body fails other than by json.JSONDecodeError:
# bytes that are not UTF-8, nesting too deep for the parser.
_BODY_PARSE_ERROR = "There was an error parsing the body"


def _parse_failure(cause: BaseException | None) -> str:
    if isinstance(cause, UnicodeDecodeError):
        return f"not UTF-8: byte {cause.object[cause.start : cause.start + 1]!r} at {cause.start}"
    if isinstance(cause, RecursionError):
        return "nested too deeply"
    return str(cause) if cause is not None and str(cause) else "could not be parsed"


#: Longest a stopping app waits for the screening warm-up to finish, and its thread's name.
_WARM_UP_WAIT_S: Final = 30.0
WARM_UP_THREAD: Final = "screening-warm-up"


def _warm_screening(services: Services) -> None:
    """Build the screening indexes of the latest list versions before the first request."""
    from standing.screening.service import loaded_versions

    try:
        ready = [v.screener for v in loaded_versions(services).values()]  # built or read back
        log.info("screening: %d list indexes ready", len(ready))
    except Exception:  # a failed warm-up only costs the first screening request its speed
        log.exception("screening warm-up failed")


class StandingApp(FastAPI):
    """The FastAPI app, with the ad servers' hot route taken before the middleware stack.

    ``POST /api/v1/check`` is answered by the raw ASGI endpoint directly: routing, exception
    middleware and request objects cost a quarter of its throughput. It answers its own
    errors in the API's JSON shape; anything unexpected becomes the same 500 as elsewhere.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == check.PATH and scope["method"] == "POST":
            scope["app"] = self
            started = False

            async def tracked(message: Message) -> None:
                nonlocal started
                started = True
                await send(message)

            try:
                await _BATCH(scope, receive, tracked)
            except Exception:
                log.exception("POST %s failed", check.PATH)
                if not started:
                    await error(500, "internal", "internal error; it has been logged")(
                        scope, receive, send
                    )
            return
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            await methods.options(self, scope, receive, send)  # Allow: every method of the path
            return
        if scope["type"] == "http":
            await self._guarded(scope, receive, _with_security_headers(send))
            return
        await super().__call__(scope, receive, send)

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse text no field can hold (NUL, lone surrogates; see `standing.web.guard`)
        anywhere in the path, query string or body (422), else serve the request. The body is
        read whole to be looked at, then replayed to the app."""
        problem = path_problem(scope["path"]) or query_problem(scope.get("query_string", b""))
        if problem:
            await error(422, "invalid", problem)(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        upload = scope["method"] == "POST" and UPLOADS.fullmatch(scope["path"]) is not None
        limit = UPLOAD_LIMIT if upload else BODY_LIMIT
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the client is gone: nobody to answer
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await error(
                    413, "too_large", f"body: over {limit // 2**20} MiB; send less at once"
                )(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        api = is_api(scope["path"])
        unsafe = scope["method"] not in ("GET", "HEAD", "OPTIONS")
        if unsafe and not api:
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            if cross_site(headers, headers.get("host")):
                # a form posted from another site (cross-site request forgery)
                await error(
                    403, "cross_site", "this form was sent from another site; it is refused"
                )(scope, receive, send)
                return
        if api and not upload:  # files are bytes, checked by their type; not JSON
            if problem := body_problem(body):
                await error(422, "invalid", problem)(scope, receive, send)
                return
            if unsafe and body.strip() and not _declares_json(scope):
                # a write must say its body is JSON: a browser form or a text/plain body from
                # another site cannot
                await error(
                    415,
                    "unsupported_media_type",
                    "body: send JSON, with the header Content-Type: application/json",
                )(scope, receive, send)
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:  # after the body, what the client does next (http.disconnect)
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        if scope["method"] == "HEAD":  # a GET without the body (RFC 9110), for every GET route
            scope, send = {**scope, "method": "GET"}, _headers_only(send)
        await super().__call__(scope, replay, send)


_BATCH = check.BatchCheck()

#: The largest body the JSON routes other than the batch check read (a thousand names to
#: screen, or a decision with long facts, fit many times over).
BODY_LIMIT = 4 * 2**20
#: The routes that take files (an appeal's evidence, multipart), and how much they read:
#: the most files an appeal takes at their largest, and the form around them.
UPLOADS = re.compile(r"/standing/decisions/[^/]+/dispute|/api/v1/appeals/[^/]+/attachments")
UPLOAD_LIMIT = MAX_FILES * MAX_BYTES + 2**20


def _headers_only(send: Send) -> Send:
    async def headers_only(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return headers_only


def _declares_json(scope: Scope) -> bool:
    """Whether the request says its body is JSON (``application/json`` or ``...+json``)."""
    for name, value in scope["headers"]:
        if name == b"content-type":
            media: bytes = value.split(b";", 1)[0].strip().lower()
            return media == b"application/json" or media.endswith(b"+json")
    return False


#: Sent with every response but the ad servers' check: no inline scripts, no framing, no
#: sniffing, no referrer to other sites.
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
        b"frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


def _with_security_headers(send: Send) -> Send:
    async def secured(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {name.lower() for name, _ in message.get("headers", [])}
            extra = [(n, v) for n, v in SECURITY_HEADERS if n not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return secured


def create_app(settings: Settings | None = None, services: Services | None = None) -> StandingApp:
    """Build the app. ``services`` may be given (tests); otherwise it is built from settings."""
    services = services or Services.build(settings or Settings())
    from standing.gate.service import start_gate

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.gate = start_gate(services)
        warm = threading.Thread(
            target=_warm_screening, args=(services,), name=WARM_UP_THREAD, daemon=True
        )
        warm.start()
        try:
            yield
        finally:
            app.state.gate.close()
            # the warm-up reads through the store's connections: let it give them back
            # before whoever owns the store closes it
            await asyncio.to_thread(warm.join, _WARM_UP_WAIT_S)

    app = StandingApp(
        title="standing",
        version=__version__,
        description="Who may advertise here, who may not, and exactly why.",
        lifespan=lifespan,
    )
    app.state.services = services
    app.state.tokens = TokenCache(services)
    _install_error_handlers(app)

    from standing.web.api import (
        appeals,
        decisions,
        export,
        me,
        policies,
        rechecks,
        screening,
        standing,
    )
    from standing.web.api import desk as desk_api
    from standing.web.ui import claims, desk, login, oidc, pages, portal, recheck_pages

    app.include_router(check.router)
    app.include_router(policies.router)
    app.include_router(decisions.router)
    app.include_router(standing.router)
    app.include_router(screening.router)
    app.include_router(appeals.router)
    app.include_router(rechecks.router)
    app.include_router(export.router)
    app.include_router(desk_api.router)
    app.include_router(me.router)
    app.include_router(login.router)
    app.include_router(oidc.router)
    app.include_router(pages.router)
    app.include_router(portal.router)
    app.include_router(desk.router)
    app.include_router(claims.router)
    app.include_router(recheck_pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    check.publish_catalogue(app, services.policy.capabilities)
    return app
