"""Decisions as plain data, and the checks a decision must pass before it is recorded."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher
from typing import Any

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
    #: Parties and accounts carved out on appeal: the decision does not reach them, nor what
    #: only they brought into reach (never its own subject).
    exempt: tuple[str, ...] = ()

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


def decision_json(d: Decision, now: datetime | None = None) -> dict[str, Any]:
    """A decision's JSON document (the API's, the CLI's, the audit event's); with ``now``, its
    status then."""
    out: dict[str, Any] = {
        "id": d.id,
        "subject": d.subject_id,
        "subject_kind": d.subject_kind,
        "rule": d.rule_id,
        "policy_version": d.policy_version,
        "restricts": list(d.restricts),
        "reach_rule": d.reach,
        "threshold": d.threshold,
        "facts": d.facts,
        "evidence": list(d.evidence),
        "territories": list(d.territories),
        "starts_at": d.starts_at.isoformat(),
        "ends_at": d.ends_at.isoformat() if d.ends_at else None,
        "automated_detection": d.automated_detection,
        "automated_decision": d.automated_decision,
        "author": d.author,
        "created_at": d.created_at.isoformat(),
        "lifted_at": d.lifted_at.isoformat() if d.lifted_at else None,
        "lift_reason": d.lift_reason,
        "supersedes": d.supersedes,
        "exempt": list(d.exempt),
    }
    if now is not None:
        out["status"] = d.status_at(now)
    return out


@dataclass(frozen=True, slots=True)
class DecisionPage:
    """One page of decisions, newest first: the total before paging, and the moment their
    status is judged at."""

    total: int
    decisions: tuple[Decision, ...]
    as_of: datetime

    def to_json(self) -> dict[str, Any]:
        """The page as the API gives it, each decision with its status as of the page."""
        return {
            "total": self.total,
            "decisions": [decision_json(d, self.as_of) for d in self.decisions],
        }


@dataclass(frozen=True, slots=True)
class IssuedStatement:
    """A statement of reasons as issued, never changed: its content and its text and HTML
    renderings. A notice (for an account the decision reached after it was recorded) names
    that account."""

    decision_id: str
    content: dict[str, Any]
    text: str
    html: str
    digest: str  # SHA-256 of the content as issued
    #: A notice's id and account; None for the decision's own statement.
    notice_id: str | None = None
    account_id: str | None = None


_WORD = re.compile(r"\w+", re.UNICODE)
#: Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar.
_UNSPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
)
#: A sentence ends in a word or a stop (Latin or ideographic), then perhaps closing quotes or
#: brackets.
_SENTENCE_END = re.compile(
    r"(?:[.!?\u2026\u3002\uff01\uff1f\uff0e]|\w)[\"'\u2019\u201d)\]\u300d\u300f\uff09]*$"
)
MIN_FACT_WORDS = 6
MIN_OWN_WORDS = 3  # words of the facts that are not the subject's names
#: Facts whose own words are this much a copy of the rule's criteria only repeat them.
CRITERIA_COPY = 0.85


def count_words(tokens: Iterable[str]) -> int:
    """Words in ``tokens``; a run of a script written without spaces counts a word per two
    characters (Japanese or Chinese facts are not one "word" per clause)."""
    total = 0
    for token in tokens:
        unspaced = len(_UNSPACED.findall(token))
        total += 1 + unspaced // 2 if unspaced else 1
    return total


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text.casefold()))


def legal_forms(names: Iterable[str]) -> frozenset[str]:
    """The legal forms of names, normalised ("Limited" and "Ltd." are both "ltd")."""
    from rigour.names import extract_org_types

    return frozenset(form for name in names for _, form in extract_org_types(name))


def _short_name_used(facts: str, short: str, own_forms: frozenset[str]) -> bool:
    """Whether ``short`` (a name without its legal form) names the subject somewhere in
    ``facts``: an occurrence followed by another legal form than the subject's own is another
    company of that name ("Acme GmbH" when the subject is "Acme Ltd"; "Acme Limited" is it)."""
    from rigour.names import extract_org_types

    words = r"\s+".join(re.escape(w) for w in short.split())
    for match in re.finditer(rf"(?<!\w){words}(?!\w)(?:\s*,?\s*([\w.]+))?", facts, re.I):
        following = match.group(1)
        forms = (
            {form for _, form in extract_org_types(following)}
            if following and following[0].isupper()
            else set()
        )
        if not forms or forms & own_forms:
            return True
    return False


def _id_used(facts: str, entity_id: str) -> bool:
    """Whether ``facts`` give the id as it is written (ids are codes, not words: "vela" is
    no mention of the party ``vela`` in "Vela Cyber GmbH")."""
    return re.search(rf"(?<![\w-]){re.escape(entity_id)}(?![\w-])", facts) is not None


def validate_facts(
    facts: str,
    criteria: str,
    subject_mentions: tuple[str, ...],
    short_mentions: tuple[str, ...] = (),
    ids: tuple[str, ...] = (),
) -> str:
    """Refuse facts that say nothing specific: empty, shorter than a sentence, a copy of the
    rule's criteria, or not naming the subject by one of its names or identifiers."""
    facts = " ".join(facts.split())
    if not facts:
        raise Invalid("facts: empty; state what the subject did or is, specifically")
    words = count_words(_WORD.findall(facts))
    if words < MIN_FACT_WORDS:
        raise Invalid(
            f"facts: {words} words is shorter than a sentence; state the specific facts "
            f"(at least {MIN_FACT_WORDS} words) that make the rule apply to this subject"
        )
    if not _SENTENCE_END.search(facts):
        raise Invalid(
            f"facts: end in {facts[-1]!r}, as if cut off; end the facts with a full sentence"
        )
    folded = _fold(facts)
    if folded == _fold(criteria) or folded in _fold(criteria):
        raise Invalid("facts: repeat the rule's criteria; state the facts about this subject")
    padded = f" {folded} "
    mentions = sorted({m for m in map(_fold, subject_mentions) if m}, key=len, reverse=True)

    def bounded(m: str) -> str:  # words are spaced, except in scripts written without spaces
        return m if _UNSPACED.search(m) else f" {m} "

    own_forms = legal_forms(subject_mentions)
    named = (
        any(bounded(m) in padded for m in mentions)
        or any(_short_name_used(facts, m, own_forms) for m in short_mentions)
        or any(_id_used(facts, i) for i in ids)
    )
    if not named:
        names = "; ".join((*ids, *subject_mentions)[:5])
        raise Invalid(
            "facts: do not name the subject; mention it by one of its names or identifiers "
            f"({names})"
        )
    rest = padded
    every = sorted(
        {*mentions, *(m for m in map(_fold, (*short_mentions, *ids)) if m)}, key=len, reverse=True
    )
    for m in every:
        rest = rest.replace(bounded(m), " ")
    own = rest.split()
    if count_words(set(own)) < MIN_OWN_WORDS:
        raise Invalid(
            "facts: say little besides the subject's name; state what it did or is, "
            f"specifically (at least {MIN_OWN_WORDS} words of facts)"
        )
    criteria_words = _fold(criteria).split()
    matched = sum(
        block.size
        for block in SequenceMatcher(
            None, own, criteria_words, autojunk=False
        ).get_matching_blocks()
    )
    if own and matched >= CRITERIA_COPY * len(own):
        raise Invalid(
            "facts: repeat the rule's criteria with the subject's name added; state the facts "
            "about this subject that meet them"
        )
    return facts
