"""Claims and notes on the desk's cases, as plain rules: who may take a case, until when, and
what a note may hold. Pure: no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from standing.errors import Conflict, Forbidden, Invalid

#: What a case on the desk is: an appeal (a dispute or a reinstatement request) or an open
#: screening hit.
CASE_KINDS = ("appeal", "hit")
#: The longest internal note taken (characters).
NOTE_MAX = 8000


def moment(at: datetime) -> str:
    """A moment in a message: ``2 December 2026, 14:05 UTC``."""
    return f"{at.day} {at:%B %Y, %H:%M} {at.tzname() or 'UTC'}"


@dataclass(frozen=True, slots=True)
class Claim:
    """A staff principal holds a case until ``expires_at``; others are refused meanwhile."""

    case_id: str
    case_kind: str
    held_by: str
    claimed_at: datetime
    expires_at: datetime

    def live_at(self, now: datetime) -> bool:
        return now < self.expires_at


@dataclass(frozen=True, slots=True)
class Note:
    id: str
    case_id: str
    case_kind: str
    author: str
    text: str
    written_at: datetime


def check_claim(held: Claim | None, actor: str, now: datetime, minutes: float) -> datetime:
    """When a claim by ``actor`` taken ``now`` expires; `Conflict` while another holds the
    case. Claiming a case one already holds renews it."""
    if minutes <= 0:
        raise Invalid(f"claim minutes: {minutes}; a claim must last a positive time")
    if held is not None and held.live_at(now) and held.held_by != actor:
        raise Conflict(
            f"case {held.case_id} is claimed by {held.held_by} until {moment(held.expires_at)}; "
            "it can be claimed when they release it or the claim expires"
        )
    return now + timedelta(minutes=minutes)


def check_four_eyes(case_id: str, actor: str, excluded: set[str]) -> None:
    """Who may not decide an appeal (the decision's author, the analyst who confirmed its
    hit) may not claim it either: the claim would only keep the other reviewers away."""
    if actor in excluded:
        raise Forbidden(
            f"{actor} may not claim {case_id}: they recorded the decision or confirmed its "
            "hit; another reviewer decides it"
        )


def check_release(held: Claim | None, case_id: str, actor: str, now: datetime) -> Claim:
    """The claim ``actor`` releases; `Conflict` if the case is not held, or held by another."""
    if held is None or not held.live_at(now):
        raise Conflict(f"case {case_id} is not claimed; there is nothing to release")
    if held.held_by != actor:
        raise Conflict(
            f"case {case_id} is claimed by {held.held_by} until {moment(held.expires_at)}; "
            "only they can release it"
        )
    return held


def check_decider(held: Claim | None, actor: str, now: datetime) -> None:
    """Deciding a case another holds is refused while their claim lasts."""
    if held is not None and held.live_at(now) and held.held_by != actor:
        raise Conflict(
            f"case {held.case_id} is claimed by {held.held_by} until {moment(held.expires_at)}; "
            "it can be decided when they release it or the claim expires"
        )


def check_note(text: str) -> str:
    """A note's text, trimmed; `Invalid` when empty or too long."""
    text = text.strip()
    if not text:
        raise Invalid("note: empty; write what the next reviewer should know")
    if len(text) > NOTE_MAX:
        raise Invalid(f"note: {len(text)} characters; at most {NOTE_MAX} are taken")
    if "\x00" in text:
        raise Invalid("note: NUL characters cannot be stored")
    return text
