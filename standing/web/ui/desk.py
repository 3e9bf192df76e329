"""The reviewer's desk (DESIGN section 4c): ``/review``, the queues of open appeals (earliest
deadline first, overdue ones marked) and open screening hits; ``/review/appeals/{id}``, a case
with the statement as sent, the appellant's text, the case history and, for reviewers, the
outcome form. Staff read it; only reviewers decide, and never on a decision they recorded or
whose hit they confirmed (the service enforces it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from standing.access.model import Permission, Principal
from standing.appeals.model import OUTCOMES_OF, Appeal
from standing.appeals.service import (
    appeals_of,
    attachments_of,
    get_appeal,
    list_appeals,
    review_appeal,
)
from standing.bootstrap import Services
from standing.clock import parse_moment
from standing.decisions.model import Decision, territory_code
from standing.decisions.service import get_decision, get_statement, notices_of
from standing.errors import Forbidden, Invalid, NotFound, StandingError
from standing.screening.service import hits
from standing.web.auth import requires
from standing.web.deps import ServicesDep
from standing.web.schemas import TEXT_MAX
from standing.web.ui.login import form_page, read_form
from standing.web.ui.render import page

router = APIRouter(include_in_schema=False)


def _staff(request: Request) -> Principal:
    viewer: Principal = request.state.principal
    if not viewer.is_staff:
        raise Forbidden(f"{viewer.id} may not do this: the review desk is for staff")
    return viewer


@router.get("/review", response_class=HTMLResponse, dependencies=[requires(Permission.READ)])
def desk(request: Request, services: ServicesDep) -> HTMLResponse:
    """The queues: open appeals, earliest deadline first; open screening hits, oldest first."""
    viewer = _staff(request)
    appeals = list_appeals(services, viewer, "open")
    open_hits = sorted(hits(services, viewer, "open"), key=lambda h: (h["created_at"], h["id"]))
    return page(
        request,
        "desk.html",
        appeals=appeals,
        hits=open_hits,
        overdue=sum(1 for a in appeals if a["overdue"]),
        now=services.clock.now(),
    )


@dataclass(frozen=True)
class Event:
    at: datetime
    what: str
    link: str | None = None


def _history(decision: Decision, appeals: list[Appeal], notices: int) -> list[Event]:
    """The case so far: the decision, its notices, every appeal and reply, the lift."""
    events = [Event(decision.created_at, f"Decision recorded by {decision.author}.")]
    if decision.supersedes:
        events.append(
            Event(
                decision.created_at,
                f"It replaces decision {decision.supersedes}.",
                f"/standing/decisions/{decision.supersedes}",
            )
        )
    if notices:
        events.append(
            Event(decision.created_at, f"{notices} notice(s) issued to accounts reached later.")
        )
    for a in appeals:
        events.append(Event(a.filed_at, f"Appeal {a.id} filed by {a.filed_by}.", f"#{a.id}"))
        if a.decided_at is not None:
            events.append(Event(a.decided_at, f"Appeal {a.id} {a.outcome} by {a.decided_by}."))
    if decision.lifted_at is not None:
        events.append(Event(decision.lifted_at, f"Decision lifted: {decision.lift_reason}"))
    return sorted(events, key=lambda e: e.at)


def _case_page(
    request: Request, services: Services, appeal_id: str, status: int = 200, **extra: Any
) -> HTMLResponse:
    viewer = _staff(request)
    appeal = get_appeal(services, appeal_id, viewer)
    decision = get_decision(services, appeal.decision_id, viewer)
    statement = get_statement(services, decision.id, viewer)
    notices = notices_of(services, decision.id, viewer)
    others = appeals_of(services, decision.id, viewer)
    rule = services.policy.rules.get(decision.rule_id)
    now = services.clock.now()
    context: dict[str, Any] = {
        "appeal": appeal,
        "overdue": appeal.overdue_at(now),
        "decision": decision,
        "rule_title": rule.title if rule else decision.rule_id,
        "statement": Markup(statement.html),  # rendered with autoescape when recorded  # noqa: S704
        "notices": [Markup(n.html) for n in notices],  # noqa: S704 - autoescaped when issued
        "history": _history(decision, others, len(notices)),
        "earlier": [a for a in others if a.id != appeal.id],
        "attachments": attachments_of(services, [a.id for a in others], viewer),
        "outcomes": OUTCOMES_OF.get(appeal.kind, ()),
        "may_decide": viewer.may(Permission.DECIDE_APPEAL) and appeal.status == "open",
        "form": {
            "outcome": "",
            "reply": "",
            "territories": "",
            "until": "",
            "scope": appeal.scope or "",
        },
        "error": None,
        "decided": False,
    }
    context.update(extra)
    return form_page(request, "desk_case.html", status=status, **context)


@router.get(
    "/review/appeals/{appeal_id}",
    response_class=HTMLResponse,
    dependencies=[requires(Permission.READ)],
)
def case(request: Request, appeal_id: str, services: ServicesDep, decided: int = 0) -> HTMLResponse:
    return _case_page(request, services, appeal_id, decided=bool(decided))


def outcome_fields(
    fields: dict[str, str],
) -> tuple[str, str, tuple[str, ...] | None, datetime | None, str | None]:
    """The outcome form's fields, checked: outcome, reply, territories, until, and the scope
    to exempt (only with ``exempted``; empty: the appeal's)."""
    outcome = fields.get("outcome", "").strip()
    reply = fields.get("reply", "")
    if len(reply) > TEXT_MAX:
        raise Invalid(f"reply: {len(reply)} characters; at most {TEXT_MAX} are taken")
    raw = [t for t in fields.get("territories", "").replace(",", " ").split() if t]
    territories = tuple(territory_code(t, "territories") for t in raw) or None
    value = fields.get("until", "").strip()
    until = parse_moment(value, "until") if value else None
    scope = fields.get("scope", "").strip()
    return outcome, reply, territories, until, (scope or None) if outcome == "exempted" else None


@router.post(
    "/review/appeals/{appeal_id}",
    response_class=HTMLResponse,
    dependencies=[requires(Permission.DECIDE_APPEAL)],
)
async def decide(request: Request, appeal_id: str, services: ServicesDep) -> Response:
    """Decide the appeal as the signed-in reviewer; a refusal (the guard's, four eyes, a bad
    field) is shown on the case page with what was typed, and nothing is stored."""
    viewer = _staff(request)
    get_appeal(services, appeal_id, viewer)  # an unknown appeal: 404 before the form
    fields = await read_form(request)
    typed = {
        k: fields.get(k, "")[:TEXT_MAX]
        for k in ("outcome", "reply", "territories", "until", "scope")
    }
    try:
        outcome, reply, territories, until, scope = outcome_fields(fields)
        review_appeal(services, appeal_id, outcome, reply, viewer, territories, until, scope)
    except NotFound:
        raise
    except StandingError as exc:
        return _case_page(
            request, services, appeal_id, status=exc.http_status, error=exc.message, form=typed
        )
    return RedirectResponse(f"/review/appeals/{appeal_id}?decided=1", status_code=303)
