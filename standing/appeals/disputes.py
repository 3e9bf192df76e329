"""Out-of-court disputes (DSA Art. 21): a settlement body's case about a decision, recorded
when the platform learns of it and settled with the body's outcome, for the Art. 24(1)(a)
figures. Each write is one record plus its audit event; nothing is edited but the settlement,
which is written once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from standing.access.model import Principal
from standing.appeals.model import OUTCOMES_ODR as OUTCOMES
from standing.appeals.model import TO_IMPLEMENT, Dispute
from standing.audit.tags import Action
from standing.clock import to_utc
from standing.errors import Conflict, Invalid, NotFound
from standing.ids import new_id
from standing.ports import Services
from standing.store.appeal_tables import DisputeRow


def _dispute(row: DisputeRow) -> Dispute:
    return Dispute(
        row.id,
        row.decision_id,
        row.body,
        row.submitted_at,
        row.outcome,
        row.settled_at,
        row.implemented,
    )


def _past(given: datetime | None, field: str, now: datetime) -> datetime:
    """When something happened: ``given`` (in UTC), not after ``now``; ``now`` if not given."""
    when = to_utc(given, field) if given else now
    if when > now:
        raise Invalid(f"{field}: {when.isoformat()} is in the future")
    return when


def record_dispute(
    services: Services,
    decision_id: str,
    body: str,
    actor: Principal,
    submitted_at: datetime | None = None,
) -> Dispute:
    body = " ".join(body.split())
    if len(body) < 3 or len(body) > 300:
        raise Invalid("body: name the out-of-court dispute settlement body (3 to 300 characters)")
    now = services.clock.now()
    when = _past(submitted_at, "submitted", now)
    with services.write(actor) as work:
        decision = work.repo.get_decision(decision_id)
        if decision is None:
            raise NotFound(f"unknown decision {decision_id!r}")
        if when < decision.created_at:
            raise Invalid(
                f"submitted: {when.isoformat()} is before the decision was recorded "
                f"({decision.created_at.isoformat()})"
            )
        row = DisputeRow(
            id=new_id("odr"),
            decision_id=decision_id,
            body=body,
            submitted_at=when,
            recorded_by=actor.id,
        )
        work.session.add(row)
        work.session.flush()
        dispute = _dispute(row)
        work.record(now, Action.DISPUTE_RECORD, row.id, dispute.to_json())
    return dispute


def settle_dispute(
    services: Services,
    dispute_id: str,
    outcome: str,
    actor: Principal,
    implemented: bool | None = None,
    settled_at: datetime | None = None,
    note: str | None = None,
) -> Dispute:
    if outcome not in OUTCOMES:
        raise Invalid(f"outcome: {outcome!r} is not one of {', '.join(OUTCOMES)}")
    if outcome in TO_IMPLEMENT and implemented is None:
        raise Invalid(f"implemented: say whether the platform implemented the {outcome} outcome")
    if outcome not in TO_IMPLEMENT and implemented is not None:
        raise Invalid(f"implemented: an outcome {outcome!r} asks nothing of the platform")
    now = services.clock.now()
    when = _past(settled_at, "settled", now)
    with services.write(actor) as work:
        row = work.session.get(DisputeRow, dispute_id)
        if row is None:
            raise NotFound(f"unknown dispute {dispute_id!r}")
        if row.outcome is not None:
            raise Conflict(f"dispute {dispute_id} was already settled ({row.outcome})")
        if when < row.submitted_at:
            raise Invalid(f"settled: {when.isoformat()} is before the dispute was submitted")
        row.outcome, row.settled_at, row.implemented = outcome, when, implemented
        row.note, row.settled_by = (" ".join(note.split()) or None) if note else None, actor.id
        work.session.flush()
        dispute = _dispute(row)
        work.record(now, Action.DISPUTE_SETTLE, row.id, dispute.to_json())
    return dispute


def all_disputes(services: Services) -> list[Dispute]:
    with services.read() as session:
        rows = session.scalars(select(DisputeRow).order_by(DisputeRow.submitted_at, DisputeRow.id))
        return [_dispute(r) for r in rows]
