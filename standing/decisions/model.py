"""Decisions as plain data, and the checks a decision must pass before it is recorded."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from standing.errors import Invalid


@dataclass(frozen=True, slots=True)
class Decision:
    """A rule applied to a subject. Never edited: a lift is a separate record."""

    id: str
    subject_id: str
    subject_kind: str  # "party" | "account"
    rule_id: str
    policy_version: str
    restricts: tuple[str, ...]
    reach: str  # "subject" | "controlled"
    threshold: float
    facts: str
    evidence: tuple[str, ...]
    territories: tuple[str, ...]
    starts_at: datetime
    ends_at: datetime | None
    automated_detection: bool
    automated_decision: bool
    author: str
    created_at: datetime
    lifted_at: datetime | None = None
    lift_reason: str | None = None
    supersedes: str | None = None

    def active_at(self, now: datetime) -> bool:
        if now < self.starts_at:
            return False
        end = self.effective_end
        return end is None or now < end

    @property
    def effective_end(self) -> datetime | None:
        """The earlier of the planned end and the lift."""
        ends = [t for t in (self.ends_at, self.lifted_at) if t is not None]
        return min(ends) if ends else None

    def applies_in(self, territory: str | None) -> bool:
        """A check without a territory counts every decision; with one, global decisions and
        those naming it."""
        return territory is None or not self.territories or territory in self.territories

    def status_at(self, now: datetime) -> str:
        if self.lifted_at is not None and self.lifted_at <= now:
            return "lifted"
        if now < self.starts_at:
            return "scheduled"
        if self.ends_at is not None and self.ends_at <= now:
            return "expired"
        return "active"


_WORD = re.compile(r"\w+", re.UNICODE)
MIN_FACT_WORDS = 8


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text.casefold()))


def validate_facts(facts: str, criteria: str, subject_mentions: tuple[str, ...]) -> str:
    """Refuse facts that say nothing specific: empty, shorter than a sentence, a copy of the
    rule's criteria, or not naming the subject by one of its names or identifiers."""
    facts = " ".join(facts.split())
    if not facts:
        raise Invalid("facts: empty; state what the subject did or is, specifically")
    words = _WORD.findall(facts)
    if len(words) < MIN_FACT_WORDS or not re.search(r"[.!?]$|\w$", facts):
        raise Invalid(
            f"facts: {len(words)} words is shorter than a sentence; state the specific facts "
            f"(at least {MIN_FACT_WORDS} words) that make the rule apply to this subject"
        )
    folded = _fold(facts)
    if folded == _fold(criteria) or folded in _fold(criteria):
        raise Invalid("facts: repeat the rule's criteria; state the facts about this subject")
    padded = f" {folded} "
    for mention in subject_mentions:
        m = _fold(mention)
        if m and f" {m} " in padded:
            return facts
    names = "; ".join(subject_mentions[:5])
    raise Invalid(
        f"facts: do not name the subject; mention it by one of its names or identifiers ({names})"
    )
