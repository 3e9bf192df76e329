"""Public HTML pages: the home page, the published policy, statements of reasons; and the
operational endpoints /healthz and /metrics."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from markupsafe import Markup
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest
from sqlalchemy import func, select, text

from standing.access.model import Permission
from standing.decisions.service import (
    get_statement,
    list_decisions,
    notices_of,
)
from standing.errors import error_document
from standing.store.tables import AccountRow, DecisionRow, PartyRow
from standing.transparency.report import current_figures
from standing.transparency.report import render_html as render_report
from standing.web.auth import Reader, Viewer, public, requires
from standing.web.deps import ServicesDep
from standing.web.ui.render import page

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)


@router.get("/", response_class=HTMLResponse, dependencies=[public()])
def home(request: Request, services: ServicesDep, viewer: Viewer) -> HTMLResponse:
    """Public: what the service is; signed in: the cases the principal may see."""
    if viewer is None or not viewer.may(Permission.READ):
        return page(request, "home.html", decisions=[], counts=None)
    listed = list_decisions(services, viewer, limit=50).to_json()["decisions"]
    with services.read() as session:
        names = {
            r.id: r.caption
            for r in session.execute(
                select(PartyRow.id, PartyRow.caption).where(
                    PartyRow.id.in_([d["subject"] for d in listed])
                )
            )
        }
        counts = None
        if viewer.is_staff:
            counts = {
                "parties": session.scalar(select(func.count()).select_from(PartyRow)),
                "accounts": session.scalar(select(func.count()).select_from(AccountRow)),
                "decisions": session.scalar(select(func.count()).select_from(DecisionRow)),
            }
    rows = [
        {
            "id": d["id"],
            "subject": names.get(d["subject"], d["subject"]),
            "rule": services.policy.rules[d["rule"]].title
            if d["rule"] in services.policy.rules
            else d["rule"],
            "status": d.get("status", ""),
            "created_at": d["created_at"][:10],
        }
        for d in listed
    ]
    return page(request, "home.html", decisions=rows, counts=counts)


@router.get("/policies", response_class=HTMLResponse, dependencies=[public()])
def policies(request: Request, services: ServicesDep) -> HTMLResponse:
    return page(request, "policies.html", policy=services.policy)


@router.get("/decisions/{decision_id}/statement", response_class=HTMLResponse)
def statement(
    request: Request, decision_id: str, services: ServicesDep, viewer: Reader
) -> HTMLResponse:
    row = get_statement(services, decision_id, viewer)
    # then the notices for accounts the decision reached later, each a statement of its own
    html = row.html + "".join(n.html for n in notices_of(services, decision_id, viewer))
    return page(
        request,
        "statement.html",
        decision_id=decision_id,
        statement=Markup(html),  # rendered with autoescape when recorded  # noqa: S704
        digest=row.digest,
    )


@router.get("/transparency", response_class=HTMLResponse, dependencies=[public()])
def transparency(request: Request, services: ServicesDep) -> HTMLResponse:
    body = render_report(current_figures(services))
    return page(request, "transparency.html", report=Markup(body))  # noqa: S704 - autoescaped


@router.get("/healthz", dependencies=[public()])
def healthz(request: Request, services: ServicesDep) -> Response:
    """``ok``, or 503 naming what is down: the database, the gate (stale)."""
    down: list[str] = []
    try:
        with services.read() as session:
            session.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to answer a trivial query: the database is down
        log.warning("healthz: the database does not answer", exc_info=exc)
        down.append(f"database: does not answer ({type(exc).__name__})")
    gate = getattr(request.app.state, "gate", None)
    if gate is not None and gate.stale:
        closed = "failing closed" if gate.options.fail_closed else "failing open"
        down.append(f"gate: stale, {closed} ({gate.stale_reason()})")
    if down:
        return JSONResponse(
            error_document("unavailable", "down: " + "; ".join(down)),
            status_code=503,
            headers={"retry-after": "5"},
        )
    return PlainTextResponse("ok\n")


@router.get("/metrics", dependencies=[requires(Permission.METRICS)])
def metrics() -> Response:
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
