"""Use cases for re-examining decisions without an end (``standing.decisions.recheck``): the
staff's list of re-checks due and coming soon, and the act of re-examination that confirms a
decision with reasons (audited, in one transaction; the cycle restarts). A re-examination that
ends the decision is a lift (``lift_decision``)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, select

from standing.access.model import Permission, Principal, require
from standing.audit.tags import Action
from standing.decisions.recheck import (
    SOON_DAYS,
    Recheck,
    RecheckConfirmed,
    RecheckDone,
    RecheckDue,
    RecheckHistory,
    RecheckQueue,
    check_confirmation,
    check_reason_length,
    needs_recheck,
    next_recheck,
    rechecks_due,
)
from standing.decisions.service import decision_mentions
from standing.errors import Forbidden, Invalid, NotFound
from standing.guard import service as guard
from standing.ids import new_id
from standing.ports import Services
from standing.store import repository as repo
from standing.store.tables import DecisionRow, LiftRow, RecheckRow

#: The farthest ahead the list looks, in days.
MAX_WITHIN_DAYS = 3660


def _staff(viewer: Principal) -> None:
    require(viewer, Permission.READ)
    if not viewer.is_staff:
        raise Forbidden(f"{viewer.id} may not do this: re-checks are the staff's work")


def _due(r: Recheck, now: datetime, rule_title: str) -> RecheckDue:
    return RecheckDue(r, rule_title, r.overdue_at(now))


def _latest(session: Any, decision_ids: list[str]) -> dict[str, tuple[datetime, str]]:
    """Each decision's latest re-examination: when, and by whom."""
    out: dict[str, tuple[datetime, str]] = {}
    for start in range(0, len(decision_ids), 500):
        chunk = decision_ids[start : start + 500]
        rows = session.execute(
            select(RecheckRow.decision_id, RecheckRow.rechecked_at, RecheckRow.author)
            .where(RecheckRow.decision_id.in_(chunk))
            .order_by(RecheckRow.rechecked_at, RecheckRow.id)
        )
        for decision_id, at, author in rows:
            out[decision_id] = (at, author)
    return out


def list_rechecks(
    services: Services, viewer: Principal, within_days: int = SOON_DAYS
) -> list[RecheckDue]:
    """The decisions without an end whose re-examination falls due within ``within_days``
    (overdue ones included), earliest first. For staff."""
    _staff(viewer)
    if not 0 <= within_days <= MAX_WITHIN_DAYS:
        raise Invalid(f"within: {within_days} days; give 0 to {MAX_WITHIN_DAYS}")
    policy = services.policy
    cycles = {r.id: r.recheck_days for r in policy.rules.values() if r.recheck_days}
    if not cycles:
        return []
    now = services.clock.now()
    with services.read() as session:
        found = repo.find_decisions(
            session,
            where=and_(
                DecisionRow.rule_id.in_(sorted(cycles)),
                DecisionRow.ends_at.is_(None),
                LiftRow.decision_id.is_(None),
            ),
        )
        last = _latest(session, [d.id for d in found])
    due = rechecks_due(found, cycles, last, now, timedelta(days=within_days))
    return [_due(r, now, policy.rules[r.decision.rule_id].title) for r in due]


def recheck_queue(
    services: Services, viewer: Principal, within_days: int = SOON_DAYS
) -> RecheckQueue:
    """The desk's re-check queue: the list, how far ahead it looks, how many are overdue."""
    return RecheckQueue(tuple(list_rechecks(services, viewer, within_days)), within_days)


def rechecks_of(services: Services, decision_id: str, viewer: Principal) -> RecheckHistory:
    """One decision's re-examination: its cycle, when the next falls due and the ones done,
    oldest first. For staff."""
    _staff(viewer)
    now = services.clock.now()
    with services.read() as session:
        decision = repo.get_decision(session, decision_id)
        if decision is None:
            raise NotFound(f"unknown decision {decision_id!r}")
        rows = list(
            session.scalars(
                select(RecheckRow)
                .where(RecheckRow.decision_id == decision_id)
                .order_by(RecheckRow.rechecked_at, RecheckRow.id)
            )
        )
    rule = services.policy.rules.get(decision.rule_id)
    cycle = rule.recheck_days if rule else None
    last = (rows[-1].rechecked_at, rows[-1].author) if rows else None
    upcoming = (
        next_recheck(decision, cycle, last)
        if cycle is not None and needs_recheck(decision, cycle, now)
        else None
    )
    title = rule.title if rule else decision.rule_id
    return RecheckHistory(
        decision=decision,
        rule_title=title,
        recheck_days=cycle,
        next=_due(upcoming, now, title) if upcoming else None,
        status=decision.status_at(now),
        done=tuple(RecheckDone(r.id, r.reason, r.author, r.rechecked_at) for r in rows),
    )


def confirm_recheck(
    services: Services, decision_id: str, reason: str, actor: Principal
) -> RecheckConfirmed:
    """Confirm a decision without an end on re-examination, as ``actor`` (an analyst or a
    reviewer), with a reason the specificity guard accepts; the next re-check falls due a
    cycle from now."""
    require(actor, Permission.RECHECK)
    now = services.clock.now()
    with services.write(actor) as work:
        decision = work.repo.get_decision(decision_id)
        if decision is None:
            raise NotFound(f"unknown decision {decision_id!r}")
        reason = check_reason_length(reason)
        rule = services.policy.rules.get(decision.rule_id)
        cycle = rule.recheck_days if rule else None
        check_confirmation(decision, cycle, now)
        assert cycle is not None
        guard.check_reason(services.policy, rule, reason, decision_mentions(work.session, decision))
        row = RecheckRow(
            id=new_id("rck"),
            decision_id=decision_id,
            reason=reason,
            author=actor.id,
            rechecked_at=now,
        )
        work.session.add(row)
        work.session.flush()
        upcoming = next_recheck(decision, cycle, (now, actor.id))
        work.record(
            now,
            Action.DECISION_RECHECK,
            decision_id,
            {
                "recheck": row.id,
                "decision": decision_id,
                "outcome": "confirmed",
                "reason": reason,
                "next_due_at": upcoming.due_at.isoformat(),
            },
        )
    return RecheckConfirmed(row.id, decision_id, reason, actor.id, now, upcoming.due_at)
