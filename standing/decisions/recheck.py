"""Re-examination of decisions without an end (pure): a rule's ``recheck_days`` brings such a
decision back to the reviewer's desk on that cycle, counted from the decision's creation or its
last re-examination. A re-examination confirms the decision (with reasons, restarting the
cycle) or ends it with a lift."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from standing.decisions.model import Decision
from standing.documents import fields_json
from standing.errors import Conflict, Invalid

#: How far ahead the desk looks for re-checks coming due, by default.
SOON_DAYS = 30
MIN_REASON_WORDS = 6


@dataclass(frozen=True, slots=True)
class Recheck:
    """One decision's next re-examination."""

    decision: Decision
    recheck_days: int
    since: datetime  # the decision's creation or its last re-examination
    due_at: datetime
    last_by: str | None  # who last re-examined it, if anyone did

    def overdue_at(self, now: datetime) -> bool:
        return now > self.due_at


def needs_recheck(decision: Decision, recheck_days: int | None, now: datetime) -> bool:
    """A decision comes back for re-examination when its rule sets a cycle, it has no planned
    end and it has not been lifted (an expired or lifted decision has nothing left to check)."""
    return (
        recheck_days is not None
        and decision.ends_at is None
        and decision.lifted_at is None
        and decision.status_at(now) in ("active", "scheduled")
    )


def next_recheck(
    decision: Decision, recheck_days: int, last: tuple[datetime, str] | None = None
) -> Recheck:
    since, by = last if last is not None else (decision.created_at, None)
    return Recheck(decision, recheck_days, since, since + timedelta(days=recheck_days), by)


def rechecks_due(
    decisions: Iterable[Decision],
    cycles: Mapping[str, int | None],
    last: Mapping[str, tuple[datetime, str]],
    now: datetime,
    within: timedelta = timedelta(days=SOON_DAYS),
) -> list[Recheck]:
    """The re-checks due by ``now + within`` (overdue ones included), earliest first.
    ``cycles`` maps a rule id to its ``recheck_days``; ``last`` a decision id to its latest
    re-examination (when, by whom)."""
    if within < timedelta(0):
        raise Invalid("within: a number of days from now, not negative")
    horizon = now + within
    out = [
        next_recheck(d, cycle, last.get(d.id))
        for d in decisions
        if (cycle := cycles.get(d.rule_id)) is not None and needs_recheck(d, cycle, now)
    ]
    return sorted((r for r in out if r.due_at <= horizon), key=lambda r: (r.due_at, r.decision.id))


def check_confirmation(decision: Decision, recheck_days: int | None, now: datetime) -> None:
    """Refuse to confirm on re-examination a decision that does not come back for it."""
    if decision.lifted_at is not None:
        raise Conflict(f"decision {decision.id} was lifted; there is nothing to re-examine")
    if decision.ends_at is not None:
        raise Conflict(
            f"decision {decision.id} ends on {decision.ends_at.date().isoformat()}; only a "
            "decision without an end comes back for re-examination"
        )
    if decision.status_at(now) == "expired":
        raise Conflict(f"decision {decision.id} has ended; there is nothing to re-examine")
    if recheck_days is None:
        raise Conflict(
            f"decision {decision.id}: its rule {decision.rule_id!r} sets no re-examination "
            "cycle (recheck_days)"
        )


def check_reason_length(reason: str) -> str:
    """A confirmation says what was looked at and found; what it must say is the guard's."""
    reason = " ".join(reason.split())
    if len(reason.split()) < MIN_REASON_WORDS:
        raise Invalid(
            f"reason: say what was examined again and why the decision still holds "
            f"(at least {MIN_REASON_WORDS} words)"
        )
    return reason


@dataclass(frozen=True, slots=True)
class RecheckDue:
    """A re-examination coming due, as the staff's list gives it: overdue as of the
    reading, under its rule's title."""

    recheck: Recheck
    rule_title: str
    overdue: bool

    def to_json(self) -> dict[str, Any]:
        r, d = self.recheck, self.recheck.decision
        return {
            "decision": d.id,
            "subject": d.subject_id,
            "rule": d.rule_id,
            "rule_title": self.rule_title,
            "recheck_days": r.recheck_days,
            "since": r.since.isoformat(),
            "due_at": r.due_at.isoformat(),
            "overdue": self.overdue,
            "last_by": r.last_by,
        }


@dataclass(frozen=True, slots=True)
class RecheckQueue:
    """The desk's re-check queue: what is due within ``within_days`` (and overdue)."""

    rechecks: tuple[RecheckDue, ...]
    within_days: int

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.rechecks if r.overdue)


@dataclass(frozen=True, slots=True)
class RecheckDone:
    """A re-examination that confirmed the decision."""

    id: str
    reason: str
    author: str
    rechecked_at: datetime

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


@dataclass(frozen=True, slots=True)
class RecheckHistory:
    """One decision's re-examination: its rule's cycle (None: the rule sets none), the next
    due (None: nothing left to check), its status now and the re-examinations done."""

    decision: Decision
    rule_title: str
    recheck_days: int | None
    next: RecheckDue | None
    status: str
    done: tuple[RecheckDone, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "decision": self.decision.id,
            "recheck_days": self.recheck_days,
            "status": self.status,
            "next": self.next.to_json() if self.next else None,
            "done": [r.to_json() for r in self.done],
        }


@dataclass(frozen=True, slots=True)
class RecheckConfirmed:
    """A decision confirmed on re-examination, and when the next re-check falls due."""

    recheck: str
    decision: str
    reason: str
    rechecked_by: str
    rechecked_at: datetime
    next_due_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "recheck": self.recheck,
            "decision": self.decision,
            "outcome": "confirmed",
            "reason": self.reason,
            "rechecked_by": self.rechecked_by,
            "rechecked_at": self.rechecked_at.isoformat(),
            "next_due_at": self.next_due_at.isoformat(),
        }
