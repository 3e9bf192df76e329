"""Public HTML pages: the home page, the published policy, statements of reasons; and the
operational endpoints /healthz and /metrics."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest
from sqlalchemy import func, select, text

from standing import __version__
from standing.decisions.service import get_statement, notices_of
from standing.store import repository as repo
from standing.store.tables import AccountRow, DecisionRow, PartyRow
from standing.transparency.report import current_figures
from standing.transparency.report import render_html as render_report
from standing.web.deps import ServicesDep

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)


def page(request: Request, name: str, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, {"version": __version__, **context})


@router.get("/", response_class=HTMLResponse)
def home(request: Request, services: ServicesDep) -> HTMLResponse:
    now = services.clock.now()
    with services.read() as session:
        decisions = repo.all_decisions(session)
        names = {
            r.id: r.caption
            for r in session.execute(
                select(PartyRow.id, PartyRow.caption).where(
                    PartyRow.id.in_([d.subject_id for d in decisions])
                )
            )
        }
        counts = {
            "parties": session.scalar(select(func.count()).select_from(PartyRow)),
            "accounts": session.scalar(select(func.count()).select_from(AccountRow)),
            "decisions": session.scalar(select(func.count()).select_from(DecisionRow)),
        }
    rows = [
        {
            "id": d.id,
            "subject": names.get(d.subject_id, d.subject_id),
            "rule": services.policy.rules[d.rule_id].title
            if d.rule_id in services.policy.rules
            else d.rule_id,
            "status": d.status_at(now),
            "created_at": d.created_at.date().isoformat(),
        }
        for d in reversed(decisions[-50:])
    ]
    return page(request, "home.html", decisions=rows, counts=counts)


@router.get("/policies", response_class=HTMLResponse)
def policies(request: Request, services: ServicesDep) -> HTMLResponse:
    return page(request, "policies.html", policy=services.policy)


@router.get("/decisions/{decision_id}/statement", response_class=HTMLResponse)
def statement(request: Request, decision_id: str, services: ServicesDep) -> HTMLResponse:
    row = get_statement(services, decision_id)
    # then the notices for accounts the decision reached later, each a statement of its own
    html = row.html + "".join(n.html for n in notices_of(services, decision_id))
    return page(
        request,
        "statement.html",
        decision_id=decision_id,
        statement=Markup(html),  # rendered with autoescape when recorded  # noqa: S704
        digest=row.digest,
    )


@router.get("/transparency", response_class=HTMLResponse)
def transparency(request: Request, services: ServicesDep) -> HTMLResponse:
    body = render_report(current_figures(services))
    return page(request, "transparency.html", report=Markup(body))  # noqa: S704 - autoescaped


@router.get("/healthz")
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
            {"error": {"code": "unavailable", "message": "down: " + "; ".join(down)}},
            status_code=503,
            headers={"retry-after": "5"},
        )
    return PlainTextResponse("ok\n")


@router.get("/metrics")
def metrics() -> Response:
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
