"""Appeals as plain data: the state machine, deadlines, and the guard against boilerplate
replies (pure)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from rapidfuzz import fuzz

from standing.errors import Conflict, Invalid

OUTCOMES = ("upheld", "overturned", "modified")
MIN_APPEAL_WORDS = 5
MIN_REPLY_WORDS = 15
REPEAT_SIMILARITY = 90.0  # token-set ratio at or above which a reply repeats an earlier one


@dataclass(frozen=True, slots=True)
class Appeal:
    id: str
    decision_id: str
    text: str
    filed_by: str
    filed_at: datetime
    due_at: datetime
    status: str  # open | decided
    outcome: str | None = None
    reply: str | None = None
    decided_by: str | None = None
    decided_at: datetime | None = None
    new_decision_id: str | None = None

    def overdue_at(self, now: datetime) -> bool:
        return self.status == "open" and now > self.due_at


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text, re.UNICODE)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_words(text.casefold()))


def check_filing(
    decision_created_at: datetime, appeal_window_days: int, now: datetime, text: str
) -> datetime:
    """Validate a new appeal; returns the last day it could be filed."""
    deadline = decision_created_at + timedelta(days=appeal_window_days)
    if now > deadline:
        raise Invalid(
            f"the appeal window closed on {deadline.date().isoformat()} "
            f"({appeal_window_days} days after the decision)"
        )
    if len(_words(text)) < MIN_APPEAL_WORDS:
        raise Invalid("text: say what is wrong with the decision or what has changed")
    return deadline


def review_due(filed_at: datetime, review_days: int) -> datetime:
    return filed_at + timedelta(days=review_days)


def check_review(appeal: Appeal, outcome: str, reviewer: str, decision_author: str) -> None:
    if appeal.status != "open":
        raise Conflict(f"appeal {appeal.id} was already decided ({appeal.outcome})")
    if outcome not in OUTCOMES:
        raise Invalid(f"outcome: {outcome!r} is not one of {', '.join(OUTCOMES)}")
    if reviewer.strip().casefold() == decision_author.strip().casefold():
        raise Invalid(
            f"reviewer: {reviewer} took the decision; an appeal is answered by someone else"
        )


_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+)(\w+)")


def _specific_words(text: str) -> set[str]:
    """Words that carry a case's particulars: names (capitalised other than at the start of
    a sentence) and anything with a digit (dates, amounts, references)."""
    starts = {m.group(1) for m in _SENTENCE_START.finditer(text)}
    found = {
        w
        for w in re.findall(r"\w+", text)
        if any(c.isdigit() for c in w) or (w[0].isupper() and len(w) >= 3 and w not in starts)
    }
    return {_fold(w) for w in found}


def check_reply(
    reply: str, case_terms: Iterable[str], earlier: Iterable[str], case_text: str = ""
) -> str:
    """Refuse a reply that is a template with no case-specific facts, or that repeats an
    earlier reply. A reply is specific when it names the subject or the decision, or takes
    up at least two particulars (names, dates, numbers) of ``case_text``, the appeal."""
    reply = " ".join(reply.split())
    if len(_words(reply)) < MIN_REPLY_WORDS:
        raise Invalid(
            f"reply: {len(_words(reply))} words; answer the appeal's points with the facts of "
            f"this case (at least {MIN_REPLY_WORDS} words)"
        )
    padded = f" {_fold(reply)} "
    shared = _specific_words(case_text) & set(padded.split())
    if len(shared) < 2 and not any(t and f" {_fold(t)} " in padded for t in case_terms):
        raise Invalid(
            "reply: names nothing specific to this case; mention the subject, the decision or "
            "the facts the appellant raised"
        )
    for previous in earlier:
        if fuzz.token_set_ratio(_fold(reply), _fold(previous)) >= REPEAT_SIMILARITY:
            raise Invalid("reply: repeats an earlier reply; answer this appeal's own points")
    return reply


# --- out-of-court disputes (DSA Art. 21) ---------------------------------------------------

#: How a settlement body decided: for the recipient, for the platform, partly for each, an
#: agreement between the parties, or the dispute ended without a decision.
OUTCOMES_ODR = ("for_recipient", "for_platform", "partly", "settled", "discontinued")
#: Outcomes the platform implements (or not): they ask it to change something.
TO_IMPLEMENT = ("for_recipient", "partly")


@dataclass(frozen=True)
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
