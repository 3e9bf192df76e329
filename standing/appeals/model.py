"""Appeals as plain data: the state machine, deadlines and the shortest reply (pure); what a
reply must say is judged by ``standing.guard``."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from standing.decisions.model import count_words
from standing.errors import Conflict, Forbidden, Invalid
from standing.policies.model import Redress


class AppealStatus(StrEnum):
    open = "open"
    decided = "decided"


class AppealKind(StrEnum):
    """A dispute says the decision is wrong (within the rule's window); a request for
    reinstatement says the remedy is met (at any time)."""

    dispute = "dispute"
    reinstatement = "reinstatement"


class Outcome(StrEnum):
    """How an appeal ends. ``exempted`` carves the scope party or account out of the
    decision."""

    upheld = "upheld"
    overturned = "overturned"
    modified = "modified"
    exempted = "exempted"
    lifted = "lifted"
    declined = "declined"


#: The enums' values as plain strings (JSON keys, messages and ``repr`` read as before).
KINDS: tuple[str, ...] = tuple(k.value for k in AppealKind)
#: How each kind ends.
OUTCOMES_OF: dict[str, tuple[str, ...]] = {
    AppealKind.dispute.value: tuple(
        o.value for o in (Outcome.upheld, Outcome.overturned, Outcome.modified, Outcome.exempted)
    ),
    AppealKind.reinstatement.value: tuple(
        o.value for o in (Outcome.lifted, Outcome.exempted, Outcome.declined)
    ),
}
OUTCOMES: tuple[str, ...] = tuple(o.value for o in Outcome)
#: Outcomes that end the decision (``modified`` and ``exempted`` record a successor).
ENDING: tuple[str, ...] = tuple(
    o.value for o in (Outcome.overturned, Outcome.modified, Outcome.exempted, Outcome.lifted)
)
MIN_APPEAL_WORDS = 5
MIN_REPLY_WORDS = 10  # what a reply must say is the guard's to judge; this keeps out non-answers


@dataclass(frozen=True, slots=True)
class Appeal:
    id: str
    decision_id: str
    text: str
    filed_by: str
    filed_at: datetime
    due_at: datetime
    status: str  # an AppealStatus
    outcome: str | None = None  # an Outcome
    reply: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    new_decision_id: str | None = None
    kind: str = AppealKind.dispute
    scope: str | None = None  # the party or account it is about, when not the whole decision

    def overdue_at(self, now: datetime) -> bool:
        return self.status == AppealStatus.open and now > self.due_at


@dataclass(frozen=True, slots=True)
class AppealView:
    """An appeal as read: whether it is overdue as of the reading (when judged), and for a
    decided one the redress beyond the platform (the settlement bodies and the courts)."""

    appeal: Appeal
    overdue: bool | None = None
    redress: Redress | None = None

    @classmethod
    def of(
        cls, appeal: Appeal, now: datetime | None = None, redress: Redress | None = None
    ) -> AppealView:
        return cls(
            appeal,
            appeal.overdue_at(now) if now is not None else None,
            redress if appeal.status == AppealStatus.decided else None,
        )

    def to_json(self) -> dict[str, Any]:
        """The appeal as the API and the CLI give it."""
        a = self.appeal
        out: dict[str, Any] = {
            "id": a.id,
            "decision": a.decision_id,
            "kind": a.kind,
            "scope": a.scope,
            "text": a.text,
            "filed_by": a.filed_by,
            "filed_at": a.filed_at.isoformat(),
            "due_at": a.due_at.isoformat(),
            "status": a.status,
            "outcome": a.outcome,
            "reply": a.reply,
            "decided_by": a.decided_by,
            "decided_at": a.decided_at.isoformat() if a.decided_at else None,
            "new_decision": a.new_decision_id,
        }
        if self.overdue is not None:
            out["overdue"] = self.overdue
        if self.redress is not None:
            out["redress"] = self.redress.to_public()
        return out


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to an appeal (its bytes are stored once, by their SHA-256)."""

    id: str
    appeal_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: datetime

    @property
    def url(self) -> str:
        return f"/standing/attachments/{self.id}"

    def to_json(self) -> dict[str, Any]:
        return {
            "attachment": self.id,
            "filename": self.filename,
            "media_type": self.media_type,
            "size": self.size,
            "sha256": self.sha256,
            "added_at": self.added_at.isoformat(),
            "url": self.url,
        }


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text, re.UNICODE)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_words(text.casefold()))


@dataclass(frozen=True, slots=True)
class Window:
    """A decision's appeal window as of a moment: the last moment to file, the whole days
    left (0 on the last day), and whether it is still open."""

    closes_at: datetime
    days_left: int
    open: bool


def appeal_window(decision_created_at: datetime, appeal_window_days: int, now: datetime) -> Window:
    closes_at = decision_created_at + timedelta(days=appeal_window_days)
    left = closes_at - now
    return Window(closes_at=closes_at, days_left=max(left.days, 0), open=now <= closes_at)


def check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise Invalid(f"kind: {kind!r} is not one of {', '.join(KINDS)}")
    return kind


def check_filing(
    decision_created_at: datetime,
    appeal_window_days: int,
    now: datetime,
    text: str,
    kind: str = AppealKind.dispute,
) -> datetime | None:
    """Validate a new appeal; returns the last moment a dispute could be filed (``None`` for
    a request for reinstatement, which has no window)."""
    check_kind(kind)
    deadline = decision_created_at + timedelta(days=appeal_window_days)
    if kind == AppealKind.dispute and now > deadline:
        raise Invalid(
            f"the appeal window closed on {deadline.day} {deadline:%B %Y} "
            f"({appeal_window_days} days after the decision): it can no longer be disputed, "
            "but a request for reinstatement is still open, at any time once the remedy is "
            "met (kind: reinstatement)"
        )
    if len(_words(text)) < MIN_APPEAL_WORDS:
        raise Invalid("text: say what is wrong with the decision or what has changed")
    return deadline


def review_due(filed_at: datetime, review_days: int) -> datetime:
    return filed_at + timedelta(days=review_days)


def check_review(appeal: Appeal, outcome: str, reviewer: str, decided_by: Collection[str]) -> None:
    """Refuse a decided appeal, an unknown outcome, and a reviewer among ``decided_by``: the
    principals who recorded the decision or confirmed the hit it came from (four eyes)."""
    if appeal.status != AppealStatus.open:
        raise Conflict(f"appeal {appeal.id} was already decided ({appeal.outcome})")
    allowed = OUTCOMES_OF.get(appeal.kind, ())
    if outcome not in allowed:
        what = "a dispute" if appeal.kind == AppealKind.dispute else "a request for reinstatement"
        raise Invalid(f"outcome: {outcome!r} does not end {what}; it ends in {', '.join(allowed)}")
    if reviewer in decided_by:
        raise Forbidden(
            f"{reviewer} recorded this decision or confirmed the hit it came from; an appeal "
            "is answered by another reviewer"
        )


def check_reply_length(reply: str) -> str:
    """A reply is at least a few sentences' worth of words; what it must say is the
    specificity guard's to judge (``standing.guard``)."""
    reply = " ".join(reply.split())
    words = count_words(_words(reply))
    if words < MIN_REPLY_WORDS:
        raise Invalid(
            f"reply: {words} words; answer the appeal's points with the facts of "
            f"this case (at least {MIN_REPLY_WORDS} words)"
        )
    return reply


# --- out-of-court disputes (DSA Art. 21) ---------------------------------------------------

#: How a settlement body decided: for the recipient, for the platform, partly for each, an
#: agreement between the parties, or the dispute ended without a decision.
OUTCOMES_ODR = ("for_recipient", "for_platform", "partly", "settled", "discontinued")
#: Outcomes the platform implements (or not): they ask it to change something.
TO_IMPLEMENT = ("for_recipient", "partly")


@dataclass(frozen=True, slots=True)
class Dispute:
    id: str
    decision_id: str
    body: str
    submitted_at: datetime
    outcome: str | None = None
    settled_at: datetime | None = None
    implemented: bool | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "decision": self.decision_id,
            "body": self.body,
            "submitted_at": self.submitted_at.isoformat(),
            "outcome": self.outcome,
            "settled_at": self.settled_at.isoformat() if self.settled_at else None,
            "implemented": self.implemented,
        }
