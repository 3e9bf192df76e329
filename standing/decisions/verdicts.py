"""What a gate verdict rests on, for ``standing check``: the details of the decisions that
deny, and the verdict for a party id given where an account is expected."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from standing.access.model import Principal
from standing.decisions.service import standing_of
from standing.documents import fields_json
from standing.errors import NotFound
from standing.ports import Services
from standing.store.tables import DecisionRow

if TYPE_CHECKING:  # the gate (and numpy) load only when a verdict is explained
    from standing.gate import Verdict


@dataclass(frozen=True, slots=True)
class DecisionDetail:
    """What ``standing check`` says of a decision that denies: its rule, subject, facts and
    planned end."""

    id: str
    rule_id: str
    subject_id: str
    facts: str
    ends_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


def decision_details(services: Services, ids: tuple[str, ...]) -> dict[str, DecisionDetail]:
    """Rule ids and facts of the given decisions, as far as the decisions table has them."""
    if not ids:
        return {}
    columns = (
        DecisionRow.id,
        DecisionRow.rule_id,
        DecisionRow.subject_id,
        DecisionRow.facts,
        DecisionRow.ends_at,
    )
    with services.read() as session:
        rows = session.execute(select(*columns).where(DecisionRow.id.in_(ids))).all()
    return {r.id: DecisionDetail(r.id, r.rule_id, r.subject_id, r.facts, r.ends_at) for r in rows}


def party_verdict(
    services: Services,
    subject: str,
    capability: str,
    territory: str | None,
    verdict: Verdict,
    viewer: Principal,
) -> Verdict:
    """The verdict for a party id given where an account is expected (``verdict``, the gate's
    answer marked unknown): the party's own standing (restricted or not), from the same
    decisions and propagation as its accounts'. Not a party either: ``verdict`` unchanged."""
    from standing.gate import Verdict

    try:
        standing = standing_of(services, subject, viewer, territory)
    except NotFound:
        return verdict
    if standing.is_account:
        return verdict
    entry = standing.capability(capability)
    reason = (
        f"{subject} is a party, not an account: answered for the party itself, whose accounts "
        + ("are not restricted by any decision" if entry.allowed else "are denied")
    )
    return Verdict(entry.allowed, entry.decisions, verdict.as_of, False, reason)
