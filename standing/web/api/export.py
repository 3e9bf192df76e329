from __future__ import annotations

import orjson
from fastapi import APIRouter
from fastapi.responses import Response

from standing.access.model import Permission
from standing.transparency.service import export_dsa
from standing.web.auth import requires
from standing.web.deps import ServicesDep
from standing.web.schemas import ERRORS, Moment

router = APIRouter(prefix="/api/v1/export", tags=["transparency"], responses=ERRORS)


# JSON lines, not one document: each line is a record in the Transparency Database's schema.
@router.get("/dsa", response_class=Response, dependencies=[requires(Permission.AUDIT)])
def dsa(services: ServicesDep, since: Moment | None = None) -> Response:
    """Statements of reasons in the DSA Transparency Database schema (JSON lines)."""
    body = b"".join(orjson.dumps(r) + b"\n" for r in export_dsa(services, since))
    return Response(body, media_type="application/x-ndjson")
