"""The reviewer's desk (DESIGN section 4c): ``/review``, the queues of open appeals (earliest
deadline first, overdue ones marked) and open screening hits; ``/review/appeals/{id}``, a case
with the statement as sent, the appellant's text, the case history and, for reviewers, the
outcome form. Staff read it; only reviewers decide, and never on a decision they recorded or
whose hit they confirmed (the service enforces it)."""

from __future__ import annotations

from collections.abc import Sequence
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
from standing.decisions.model import Decision
from standing.decisions.recheck import RecheckQueue
from standing.decisions.rechecks import recheck_queue
from standing.decisions.service import get_decision, get_statement, notices_of
from standing.desk.chain import ownership_chain
from standing.desk.model import Note
from standing.desk.service import claims_on, notes_on
from standing.desk.verdict import ReplyVerdict, reply_verdict
from standing.errors import Forbidden, Invalid, NotFound, StandingError
from standing.screening.model import hit_view_json
from standing.screening.service import hits
from standing.territories import territory_code
from standing.web.auth import requires
from standing.web.deps import ServicesDep
from standing.web.schemas import TEXT_MAX
from standing.web.ui.chain_svg import chain_svg
from standing.web.ui.hit_view import name_parts
from standing.web.ui.login import form_page, read_form
from standing.web.ui.queues import Queue, appeal_queues, hit_queue, next_case
from standing.web.ui.render import page

router = APIRouter(include_in_schema=False)


def staff_viewer(request: Request) -> Principal:
    """The signed-in principal, who must be staff: the review desk is not the advertiser's."""
    viewer: Principal = request.state.principal
    if not viewer.is_staff:
        raise Forbidden(f"{viewer.id} may not do this: the review desk is for staff")
    return viewer


def _recheck_context(queue: RecheckQueue) -> dict[str, Any]:
    """The re-check queue as the desk's template reads it."""
    return {
        "rechecks": [r.to_json() for r in queue.rechecks],
        "rechecks_within": queue.within_days,
        "rechecks_overdue": queue.overdue,
    }


def desk_queues(services: Services, viewer: Principal) -> list[Queue]:
    """Every queue of the desk, in the order it is shown and worked."""
    appeals = list_appeals(services, viewer, "open")
    open_hits = hits(services, viewer, "open")
    claims = claims_on(services, [a.appeal.id for a in appeals] + [h.id for h in open_hits], viewer)
    return [*appeal_queues(appeals, claims), hit_queue(open_hits, claims)]


@router.get("/review", response_class=HTMLResponse, dependencies=[requires(Permission.READ)])
def desk(request: Request, services: ServicesDep) -> HTMLResponse:
    """The queues: open appeals by kind, earliest deadline first; open screening hits, oldest
    first; who holds each case, until when; overdue cases marked."""
    viewer = staff_viewer(request)
    queues = desk_queues(services, viewer)
    return page(
        request,
        "desk.html",
        queues=queues,
        overdue=sum(q.overdue for q in queues),
        next_case=next_case(queues, viewer.id),
        now=services.clock.now(),
        **_recheck_context(recheck_queue(services, viewer)),
    )


@dataclass(frozen=True)
class Event:
    at: datetime
    what: str
    link: str | None = None


def _history(
    decision: Decision, appeals: list[Appeal], notices: int, notes: Sequence[Note] = ()
) -> list[Event]:
    """The case so far: the decision, its notices, every appeal and reply, the internal
    notes (staff only), the lift."""
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
    for n in notes:
        events.append(
            Event(
                n.written_at,
                f"Internal note on {n.case_kind} {n.case_id} by {n.author}.",
                f"#{n.id}",
            )
        )
    if decision.lifted_at is not None:
        events.append(Event(decision.lifted_at, f"Decision lifted: {decision.lift_reason}"))
    return sorted(events, key=lambda e: e.at)


def _case_page(
    request: Request, services: Services, appeal_id: str, status: int = 200, **extra: Any
) -> HTMLResponse:
    viewer = staff_viewer(request)
    appeal = get_appeal(services, appeal_id, viewer)
    decision = get_decision(services, appeal.decision_id, viewer)
    statement = get_statement(services, decision.id, viewer)
    notices = notices_of(services, decision.id, viewer)
    others = appeals_of(services, decision.id, viewer)
    rule = services.policy.rules.get(decision.rule_id)
    now = services.clock.now()
    decision_hits = [
        hit_view_json(h)
        for h in hits(services, viewer, None, decision.subject_id)
        if h.decision == decision.id
    ]
    notes = notes_on(services, [a.id for a in others] + [h["id"] for h in decision_hits], viewer)
    scope = getattr(appeal, "scope", None) or getattr(appeal, "scope_id", None)
    chain = ownership_chain(services, decision, appeal.filed_by, scope, viewer)
    queues = desk_queues(services, viewer)
    open_case = appeal.status == "open"
    context: dict[str, Any] = {
        "appeal": appeal,
        "appeal_kind": getattr(appeal, "kind", "dispute"),
        "overdue": appeal.overdue_at(now),
        "decision": decision,
        "rule_title": rule.title if rule else decision.rule_id,
        "statement": Markup(statement.html),  # rendered with autoescape when recorded  # noqa: S704
        "notices": [Markup(n.html) for n in notices],  # noqa: S704 - autoescaped when issued
        "history": _history(decision, others, len(notices), notes),
        "earlier": [a for a in others if a.id != appeal.id],
        "attachments": attachments_of(services, [a.id for a in others], viewer),
        "outcomes": OUTCOMES_OF.get(appeal.kind, ()),
        "may_decide": viewer.may(Permission.DECIDE_APPEAL) and open_case,
        "form": {
            "outcome": "",
            "reply": "",
            "territories": "",
            "until": "",
            "scope": appeal.scope or "",
        },
        "error": None,
        "decided": False,
        "case_url": f"/review/appeals/{appeal.id}",
        "claim": claims_on(services, [appeal.id], viewer).get(appeal.id),
        "may_claim": viewer.may(Permission.DECIDE_APPEAL)
        and open_case
        and viewer.id not in {decision.author, *(h["reviewed_by"] for h in decision_hits)},
        "notes": [n for n in notes if n.case_id == appeal.id],
        "other_notes": [n for n in notes if n.case_id != appeal.id],
        "may_note": viewer.may(Permission.NOTE),
        "note_text": "",
        "chain": chain,
        "chain_svg": chain_svg(chain, f"Ownership chain of decision {decision.id}"),
        "decision_hits": [(h, name_parts(h)) for h in decision_hits],
        "verdict": None,
        "next_case": next_case(queues, viewer.id, appeal.id),
        "now": now,
    }
    context.update(extra)
    return form_page(request, "desk_case.html", status=status, **context)


@router.get(
    "/review/appeals/{appeal_id}",
    response_class=HTMLResponse,
    dependencies=[requires(Permission.READ)],
)
def case(
    request: Request, appeal_id: str, services: ServicesDep, decided: int = 0, done: str = ""
) -> HTMLResponse:
    return _case_page(request, services, appeal_id, decided=bool(decided), done=done)


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
    viewer = staff_viewer(request)
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


@router.post(
    "/review/appeals/{appeal_id}/verdict",
    response_class=HTMLResponse,
    dependencies=[requires(Permission.DECIDE_APPEAL)],
)
async def verdict(request: Request, appeal_id: str, services: ServicesDep) -> Response:
    """The boilerplate guard's verdict on the reply as typed, nothing stored: an HTML
    fragment for the outcome form (htmx asks with ``HX-Request``), else the case page with
    the verdict beside the form (the "Check the reply" button, without JavaScript)."""
    viewer = staff_viewer(request)
    get_appeal(services, appeal_id, viewer)
    fields = await read_form(request)
    reply = fields.get("reply", "")[:TEXT_MAX]
    found: ReplyVerdict = reply_verdict(services, appeal_id, reply, viewer)
    if request.headers.get("hx-request") == "true":
        return page(request, "desk_verdict.html", verdict=found)
    typed = {k: fields.get(k, "")[:TEXT_MAX] for k in ("outcome", "reply", "territories", "until")}
    return _case_page(request, services, appeal_id, verdict=found, form=typed)
