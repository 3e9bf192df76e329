"""Re-examination of decisions without an end: the staff's list of re-checks due and coming
soon, one decision's cycle and history, and the act that confirms a decision (a lift ends it:
``POST /api/v1/decisions/{id}/lift``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from standing.access.model import Permission, Principal
from standing.decisions.recheck import MIN_REASON_WORDS, SOON_DAYS
from standing.decisions.rechecks import (
    MAX_WITHIN_DAYS,
    confirm_recheck,
    list_rechecks,
    rechecks_of,
)
from standing.web.auth import Reader, Requires
from standing.web.deps import ServicesDep
from standing.web.schemas import ERRORS, NONBLANK, TEXT_MAX

router = APIRouter(prefix="/api/v1", tags=["rechecks"], responses=ERRORS)
#: At least ``MIN_REASON_WORDS`` words, as the service counts them.
SOME_WORDS = f"({NONBLANK}+[ \t\n\r]+){{{MIN_REASON_WORDS - 1}}}{NONBLANK}"
Rechecker = Annotated[Principal, Depends(Requires(Permission.RECHECK))]


class RecheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(
        min_length=2 * MIN_REASON_WORDS - 1,
        max_length=TEXT_MAX,
        pattern=SOME_WORDS,
        description=(
            "What was examined again and why the decision still holds, specifically "
            f"(at least {MIN_REASON_WORDS} words; generic wording is refused)."
        ),
    )


class RecheckDueOut(BaseModel):
    decision: str
    subject: str
    rule: str
    rule_title: str
    recheck_days: int
    since: str
    due_at: str
    overdue: bool
    last_by: str | None


class RechecksOut(BaseModel):
    as_of: str
    within_days: int
    rechecks: list[RecheckDueOut]


class RecheckDoneOut(BaseModel):
    id: str
    reason: str
    author: str
    rechecked_at: str


class DecisionRechecksOut(BaseModel):
    decision: str
    recheck_days: int | None
    status: str
    next: RecheckDueOut | None
    done: list[RecheckDoneOut]


class RecheckOut(BaseModel):
    recheck: str
    decision: str
    outcome: str
    reason: str
    rechecked_by: str
    rechecked_at: str
    next_due_at: str


@router.get("/rechecks", response_model=RechecksOut)
def rechecks(
    services: ServicesDep,
    viewer: Reader,
    within: int = Query(SOON_DAYS, ge=0, le=MAX_WITHIN_DAYS, description="Days ahead."),
) -> RechecksOut:
    """Decisions without an end whose re-examination is due within ``within`` days (overdue
    ones included), earliest first. Staff only."""
    as_of = services.clock.now()
    due = list_rechecks(services, viewer, within)
    return RechecksOut.model_validate(
        {
            "as_of": as_of.isoformat(),
            "within_days": within,
            "rechecks": [r.to_json() for r in due],
        }
    )


@router.get("/decisions/{decision_id}/rechecks", response_model=DecisionRechecksOut)
def decision_rechecks(
    decision_id: str, services: ServicesDep, viewer: Reader
) -> DecisionRechecksOut:
    """One decision's re-examination cycle, the next due and those done. Staff only."""
    found = rechecks_of(services, decision_id, viewer)
    return DecisionRechecksOut.model_validate(found.to_json())


@router.post("/decisions/{decision_id}/recheck", response_model=RecheckOut)
def recheck(
    decision_id: str, body: RecheckIn, services: ServicesDep, actor: Rechecker
) -> RecheckOut:
    """Confirm a decision without an end on re-examination, as the caller (an analyst or a
    reviewer); the next re-check falls due one cycle later."""
    done = confirm_recheck(services, decision_id, body.reason, actor)
    return RecheckOut.model_validate(done.to_json())
