"""Which methods a path answers: ``OPTIONS`` and the ``Allow`` header of a 405.

A path served by several routes (``GET`` and ``POST /api/v1/appeals`` are two) answers with
the methods of all of them; ``HEAD`` goes with every ``GET`` (the app answers it), and
``OPTIONS`` with every path.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import JSONResponse
from starlette.routing import Match, Mount
from starlette.types import Receive, Scope, Send

from standing.errors import error_document

#: The methods a route may declare; each is tried against the routes of the app.
CANDIDATES = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(app: Any, scope: Scope) -> list[str]:
    """The methods of every route matching the request's path (empty: no such path)."""
    routes = app.router.routes
    methods: set[str] = set()
    exists = False
    for method in CANDIDATES:
        probe = {**scope, "type": "http", "method": method}
        for route in routes:
            match, _ = route.matches(probe)
            if match == Match.NONE:
                continue
            exists = True
            if isinstance(route, Mount):  # static files
                methods |= {"GET", "HEAD"}
            elif match == Match.FULL:
                methods.add(method)
    if not exists:
        return []
    if "GET" in methods:
        methods.add("HEAD")
    methods.add("OPTIONS")
    return sorted(methods)


async def options(app: Any, scope: Scope, receive: Receive, send: Send) -> None:
    """Answer ``OPTIONS`` for a path: 204 with ``Allow``, or 404 for no such path."""
    methods = allowed_methods(app, scope)
    if not methods:
        body = error_document("not_found", "Not Found")
        await JSONResponse(body, status_code=404)(scope, receive, send)
        return
    allow = ", ".join(methods).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 204,
            "headers": [(b"allow", allow)],
        }
    )
    await send({"type": "http.response.body", "body": b""})
