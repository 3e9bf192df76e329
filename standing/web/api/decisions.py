from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel

from standing.access.model import Permission, Principal
from standing.decisions.model import decision_json
from standing.decisions.service import (
    DecisionRequest,
    get_decision,
    get_statement,
    lift_decision,
    list_decisions,
    notices_of,
    record_decision,
)
from standing.decisions.transparency import Disclosure
from standing.errors import Invalid
from standing.web.auth import Reader, Requires
from standing.web.deps import ServicesDep
from standing.web.schemas import ERRORS, DecisionIn, DecisionOut, LiftIn, RecordedOut

router = APIRouter(prefix="/api/v1/decisions", tags=["decisions"], responses=ERRORS)
Decider = Annotated[Principal, Depends(Requires(Permission.DECIDE))]


class DecisionsOut(BaseModel):
    total: int
    decisions: list[DecisionOut]


@router.post(
    "",
    status_code=201,
    response_model=RecordedOut,
    response_model_exclude_unset=True,  # ``dry_run`` or ``statement_url``, as the case is
    responses={200: {"model": RecordedOut, "description": "A dry run: nothing recorded"}},
)
def create_decision(
    body: DecisionIn, services: ServicesDep, actor: Decider, response: Response
) -> RecordedOut:
    """Record a decision as the caller, or with ``"dry_run": true`` return its reach without
    writing."""
    result = record_decision(
        services,
        DecisionRequest(
            subject=body.subject,
            rule=body.rule,
            facts=body.facts,
            evidence=tuple(body.evidence),
            territories=tuple(body.territories),
            until=body.until,
            automated_detection=body.automated_detection,
            automated_decision=body.automated_decision,
            disclosure=Disclosure(
                public_facts=body.public_facts,
                legal_ground=body.legal_ground,
                category=body.category,
                category_addition=tuple(body.category_addition)
                if body.category_addition is not None
                else None,
                keywords=tuple(body.keywords) if body.keywords is not None else None,
                content_language=body.content_language,
                origin=body.origin,
                source_identity=body.source_identity,
            ),
        ),
        actor,
        dry_run=body.dry_run,
    )
    if body.dry_run:
        response.status_code = 200
    return RecordedOut.model_validate(result.to_json())


@router.get("", response_model=DecisionsOut)
def decisions(
    services: ServicesDep,
    viewer: Reader,
    subject: str | None = Query(None, max_length=200, description="Party or account id"),
    rule: str | None = Query(None, max_length=200),
    status: str | None = Query(None, pattern="^(active|scheduled|expired|lifted)$"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> DecisionsOut:
    """Decisions, newest first: on a subject, under a rule, in a status (now); paged."""
    page = list_decisions(services, viewer, subject, rule, status, limit, offset)
    return DecisionsOut.model_validate(page.to_json())


@router.get("/{decision_id}", response_model=DecisionOut)
def read_decision(decision_id: str, services: ServicesDep, viewer: Reader) -> DecisionOut:
    decision = get_decision(services, decision_id, viewer)
    return DecisionOut.model_validate(decision_json(decision, services.clock.now()))


@router.get(
    "/{decision_id}/statement",
    response_model=None,  # JSON, text or HTML as asked; the JSON is the stored statement as is
    responses={
        200: {
            "description": "The statement in the format asked for",
            "content": {
                "application/json": {},
                "text/plain": {"schema": {"type": "string"}},
                "text/html": {"schema": {"type": "string"}},
            },
        }
    },
)
def read_statement(
    decision_id: str,
    services: ServicesDep,
    viewer: Reader,
    format: str = Query("json", pattern="^(json|text|html)$"),
) -> Response:
    """The statement of reasons as JSON (default), plain text or HTML; text and HTML add the
    notices for accounts the decision reached after it was recorded."""
    row = get_statement(services, decision_id, viewer)
    if format == "json":
        return JSONResponse(row.content)
    notices = notices_of(services, decision_id, viewer)  # accounts reached later
    if format == "text":
        return PlainTextResponse("\n".join([row.text, *(n.text for n in notices)]))
    return HTMLResponse("".join([row.html, *(n.html for n in notices)]))


@router.post("/{decision_id}/lift", response_model=DecisionOut)
def lift(decision_id: str, body: LiftIn, services: ServicesDep, actor: Decider) -> DecisionOut:
    if not body.reason.strip():
        raise Invalid("reason: empty")
    lifted = lift_decision(services, decision_id, body.reason, actor)
    return DecisionOut.model_validate(decision_json(lifted, services.clock.now()))
