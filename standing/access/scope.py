"""What a principal may see, as queries: staff see everything; an advertiser contact sees its
parties, the accounts they own, the decisions that reach any of them and its own appeals.
Anything else is answered as if it did not exist (the callers raise `NotFound`)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, exists, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from standing.access.model import Principal
from standing.store.access_tables import ReachRow
from standing.store.tables import AccountRow, DecisionRow


def _own_clause(principal: Principal, column: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """``column`` names one of the contact's parties or an account one of them owns."""
    parties = sorted(principal.parties)
    return or_(
        column.in_(parties),
        column.in_(select(AccountRow.id).where(AccountRow.owner_id.in_(parties))),
    )


def own_subjects(session: Session, principal: Principal) -> set[str]:
    """A contact's parties and the accounts they own."""
    if not principal.parties:
        return set()
    accounts = session.scalars(
        select(AccountRow.id).where(AccountRow.owner_id.in_(sorted(principal.parties)))
    )
    return set(principal.parties) | set(accounts)


def visible_subject(session: Session, viewer: Principal, subject_id: str) -> bool:
    """One of the contact's parties, or an account one of them owns (one row read)."""
    if not viewer.is_contact or subject_id in viewer.parties:
        return True
    owner = session.scalar(select(AccountRow.owner_id).where(AccountRow.id == subject_id))
    return owner is not None and owner in viewer.parties


def visible_decisions_query(viewer: Principal) -> ColumnElement[bool] | None:
    """A filter on decisions for what ``viewer`` may see (None: everything)."""
    if not viewer.is_contact:
        return None
    return exists().where(
        ReachRow.decision_id == DecisionRow.id, _own_clause(viewer, ReachRow.subject_id)
    )


def visible_decision(session: Session, viewer: Principal, decision_id: str) -> bool:
    if not viewer.is_contact:
        return True
    found = session.execute(
        select(ReachRow.decision_id)
        .where(ReachRow.decision_id == decision_id, _own_clause(viewer, ReachRow.subject_id))
        .limit(1)
    ).first()
    return found is not None
