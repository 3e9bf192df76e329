"""The re-check pages of the reviewer's desk: ``/review/rechecks/{decision}``, a decision
without an end that comes back for re-examination, with its statement as sent, its cycle, the
re-examinations done and the form to confirm it (with reasons, restarting the cycle) or to
lift it. The queue itself is a section of ``/review``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from standing.access.model import Permission
from standing.bootstrap import Services
from standing.decisions.rechecks import confirm_recheck, rechecks_of
from standing.decisions.service import get_statement, lift_decision
from standing.errors import Invalid, NotFound, StandingError
from standing.web.auth import requires
from standing.web.deps import ServicesDep
from standing.web.schemas import TEXT_MAX
from standing.web.ui.desk import staff_viewer
from standing.web.ui.login import CsrfRefused, form_page, read_form

router = APIRouter(include_in_schema=False)

#: What a re-examination may conclude: the decision still holds, or it ends.
ACTS = ("confirm", "lift")


def _page(
    request: Request, services: Services, decision_id: str, status: int = 200, **extra: Any
) -> HTMLResponse:
    viewer = staff_viewer(request)
    found = rechecks_of(services, decision_id, viewer)
    statement = get_statement(services, decision_id, viewer)
    now = services.clock.now()
    decision = found.decision
    context: dict[str, Any] = {
        "decision": decision,
        "rule_title": found.rule_title,
        "recheck_days": found.recheck_days,
        "next": found.next.to_json() if found.next else None,
        "done": [r.to_json() for r in found.done],
        "decision_status": found.status,
        "statement": Markup(statement.html),  # rendered with autoescape when recorded  # noqa: S704
        "now": now,
        "may_confirm": viewer.may(Permission.RECHECK) and found.next is not None,
        "may_lift": viewer.may(Permission.DECIDE) and found.next is not None,
        "open": found.next is not None,
        "ended": decision.lifted_at is not None or decision.status_at(now) == "expired",
        "form": {"act": "confirm", "reason": ""},
        "error": None,
        "done_now": None,
    }
    context.update(extra)
    return form_page(request, "desk_recheck.html", status=status, **context)


@router.get(
    "/review/rechecks/{decision_id}",
    response_class=HTMLResponse,
    dependencies=[requires(Permission.READ)],
)
def recheck_page(
    request: Request, decision_id: str, services: ServicesDep, done: str | None = None
) -> HTMLResponse:
    return _page(request, services, decision_id, done_now=done if done in ACTS else None)


@router.post(
    "/review/rechecks/{decision_id}",
    response_class=HTMLResponse,
    dependencies=[requires(Permission.RECHECK)],
)
async def recheck_act(request: Request, decision_id: str, services: ServicesDep) -> Response:
    """Confirm the decision (an analyst or a reviewer) or lift it (an analyst), with reasons;
    a refusal is shown on the page with what was typed, and nothing is stored."""
    viewer = staff_viewer(request)
    rechecks_of(services, decision_id, viewer)  # an unknown decision: 404 before the form
    fields: dict[str, str] = {}
    try:
        fields = await read_form(request)
        act = fields.get("act", "").strip()
        reason = fields.get("reason", "")
        if len(reason) > TEXT_MAX:
            raise Invalid(f"reason: {len(reason)} characters; at most {TEXT_MAX} are taken")
        if act == "confirm":
            confirm_recheck(services, decision_id, reason, viewer)
        elif act == "lift":
            lift_decision(services, decision_id, reason, viewer)
        else:
            raise Invalid(f"act: {act!r} is not one of {', '.join(ACTS)}")
    except (NotFound, CsrfRefused):
        raise
    except StandingError as exc:
        typed = {k: fields.get(k, "")[:TEXT_MAX] for k in ("act", "reason")}
        return _page(
            request, services, decision_id, status=exc.http_status, error=exc.message, form=typed
        )
    return RedirectResponse(f"/review/rechecks/{decision_id}?done={act}", status_code=303)
