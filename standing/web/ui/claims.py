"""The desk's acts on a case from its page: claim it, release it, write an internal note;
and the page of a screening hit (the name parts that matched, its claim and notes). Appeals
are claimed by those who decide appeals (reviewers), hits by those who review hits
(analysts); notes are the analysts' and reviewers'. A refusal is shown on the case page with
what was typed, and nothing is stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from standing.access.model import Permission
from standing.bootstrap import Services
from standing.desk.cases import hit_case
from standing.desk.model import NOTE_MAX
from standing.desk.service import (
    add_note,
    claim_case,
    claims_on,
    find_case,
    notes_on,
    release_case,
)
from standing.errors import NotFound, StandingError
from standing.screening.model import hit_view_json
from standing.web.auth import requires
from standing.web.deps import ServicesDep
from standing.web.ui.desk import _case_page, desk_queues, staff_viewer
from standing.web.ui.hit_view import name_parts
from standing.web.ui.login import form_page, read_form
from standing.web.ui.queues import next_case

router = APIRouter(include_in_schema=False)
#: The path word of each kind of case.
KINDS = {"appeals": "appeal", "hits": "hit"}


def _hit_page(
    request: Request, services: Services, hit_id: str, status: int = 200, **extra: Any
) -> HTMLResponse:
    viewer = staff_viewer(request)
    hit = hit_view_json(hit_case(services, hit_id, viewer))
    context: dict[str, Any] = {
        "hit": hit,
        "parts": name_parts(hit),
        "case_url": f"/review/hits/{hit_id}",
        "claim": claims_on(services, [hit_id], viewer).get(hit_id),
        "may_claim": viewer.may(Permission.REVIEW_HIT) and hit["status"] == "open",
        "notes": notes_on(services, [hit_id], viewer),
        "may_note": viewer.may(Permission.NOTE),
        "note_text": "",
        "next_case": next_case(desk_queues(services, viewer), viewer.id, hit_id),
        "now": services.clock.now(),
        "error": None,
    }
    context.update(extra)
    return form_page(request, "desk_hit.html", status=status, **context)


def _case(
    request: Request, services: Services, kind: str, case_id: str, status: int, **extra: Any
) -> HTMLResponse:
    if kind == "hits":
        return _hit_page(request, services, case_id, status=status, **extra)
    return _case_page(request, services, case_id, status=status, **extra)


@router.get(
    "/review/hits/{hit_id}", response_class=HTMLResponse, dependencies=[requires(Permission.READ)]
)
def hit_page(request: Request, hit_id: str, services: ServicesDep, done: str = "") -> HTMLResponse:
    return _hit_page(request, services, hit_id, done=done)


async def _claim(request: Request, services: Services, kind: str, case_id: str) -> Response:
    viewer = staff_viewer(request)
    find_case(services, case_id, KINDS[kind])  # an unknown case: 404 before the form
    await read_form(request)
    try:
        claim_case(services, case_id, viewer, KINDS[kind])
    except NotFound:
        raise
    except StandingError as exc:
        return _case(request, services, kind, case_id, exc.http_status, claim_error=exc.message)
    return RedirectResponse(f"/review/{kind}/{case_id}?done=claimed", status_code=303)


async def _release(request: Request, services: Services, kind: str, case_id: str) -> Response:
    viewer = staff_viewer(request)
    find_case(services, case_id, KINDS[kind])
    await read_form(request)
    try:
        release_case(services, case_id, viewer, KINDS[kind])
    except NotFound:
        raise
    except StandingError as exc:
        return _case(request, services, kind, case_id, exc.http_status, claim_error=exc.message)
    return RedirectResponse(f"/review/{kind}/{case_id}?done=released", status_code=303)


async def _note(request: Request, services: Services, kind: str, case_id: str) -> Response:
    viewer = staff_viewer(request)
    find_case(services, case_id, KINDS[kind])
    fields = await read_form(request)
    text = fields.get("note", "")
    try:
        add_note(services, case_id, text, viewer, KINDS[kind])
    except NotFound:
        raise
    except StandingError as exc:
        typed = text[: NOTE_MAX + 1]
        return _case(
            request,
            services,
            kind,
            case_id,
            exc.http_status,
            note_error=exc.message,
            note_text=typed,
        )
    return RedirectResponse(f"/review/{kind}/{case_id}?done=noted#notes-h", status_code=303)


#: Who may act on each kind of case: appeals are decided by reviewers, hits by analysts.
ACTS_ON = {"appeals": Permission.DECIDE_APPEAL, "hits": Permission.REVIEW_HIT}


def _route(kind: str, act: str, permission: Permission, handler: Any) -> None:
    async def endpoint(request: Request, case_id: str, services: ServicesDep) -> Response:
        return await handler(request, services, kind, case_id)  # type: ignore[no-any-return]

    router.add_api_route(
        f"/review/{kind}/{{case_id}}/{act}",
        endpoint,
        methods=["POST"],
        response_class=HTMLResponse,
        dependencies=[requires(permission)],
        name=f"{act}_{KINDS[kind]}",
    )


for _kind, _permission in ACTS_ON.items():
    _route(_kind, "claim", _permission, _claim)
    _route(_kind, "release", _permission, _release)
    _route(_kind, "notes", Permission.NOTE, _note)
