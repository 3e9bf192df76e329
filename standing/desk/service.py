"""Use cases of the desk: claim and release a case (an appeal or a screening hit), the claims
held now, and the staff's internal notes on a case. Every act is the acting principal's and is
recorded on the audit log in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from standing.access.model import Permission, Principal, require
from standing.audit.tags import Action
from standing.desk.model import (
    Claim,
    Note,
    check_claim,
    check_decider,
    check_four_eyes,
    check_note,
    check_release,
)
from standing.errors import Conflict, Forbidden, NotFound
from standing.ids import new_id
from standing.ports import Services
from standing.store.appeal_tables import AppealRow
from standing.store.desk_tables import ClaimRow, NoteRow
from standing.store.screening_tables import HitRow
from standing.store.tables import DecisionRow
from standing.store.unit import UnitOfWork

#: Who may claim a case of each kind: whoever may decide it.
DECIDES = {"appeal": Permission.DECIDE_APPEAL, "hit": Permission.REVIEW_HIT}


def _claim(row: ClaimRow) -> Claim:
    return Claim(row.case_id, row.case_kind, row.held_by, row.claimed_at, row.expires_at)


def _note(row: NoteRow) -> Note:
    return Note(row.id, row.case_id, row.case_kind, row.author, row.text, row.written_at)


def _case(session: Session, case_id: str, kind: str | None = None) -> tuple[str, str]:
    """A case's kind and status; `NotFound` for an id that is neither an appeal nor a hit
    (or not of ``kind``, when given)."""
    if kind in (None, "appeal") and (appeal := session.get(AppealRow, case_id)) is not None:
        return "appeal", appeal.status
    if kind in (None, "hit") and (hit := session.get(HitRow, case_id)) is not None:
        return "hit", hit.status
    raise NotFound(f"unknown {kind or 'case'} {case_id!r}")


def find_case(services: Services, case_id: str, kind: str | None = None) -> str:
    """The kind of a case (appeal, hit); `NotFound` when there is none (of ``kind``)."""
    with services.read() as session:
        return _case(session, case_id, kind)[0]


def _deciders_excluded(session: Session, appeal_id: str) -> set[str]:
    """Who may not decide this appeal: the decision's author, whoever confirmed its hit."""
    appeal = session.get(AppealRow, appeal_id)
    assert appeal is not None
    author = session.scalar(select(DecisionRow.author).where(DecisionRow.id == appeal.decision_id))
    confirmed = session.scalars(
        select(HitRow.reviewed_by).where(HitRow.decision_id == appeal.decision_id)
    )
    return {who for who in (author, *confirmed) if who}


def _staff(actor: Principal, doing: str) -> None:
    if not actor.is_staff:
        raise Forbidden(f"{actor.id} may not {doing}: the review desk is for staff")


def claim_case(
    services: Services, case_id: str, actor: Principal, kind: str | None = None
) -> Claim:
    """Claim an open case for ``actor`` for ``desk_claim_minutes`` (renewed when it is
    already theirs); `Conflict` while someone else holds it."""
    _staff(actor, "claim cases")
    now = services.clock.now()
    with services.write(actor) as work:
        session = work.session
        kind, status = _case(session, case_id, kind)
        require(actor, DECIDES[kind])
        if status != "open":
            raise Conflict(f"{kind} {case_id} is {status}; only open cases are claimed")
        if kind == "appeal":
            check_four_eyes(case_id, actor.id, _deciders_excluded(session, case_id))
        row = session.get(ClaimRow, case_id)
        held = _claim(row) if row is not None else None
        until = check_claim(held, actor.id, now, services.settings.desk_claim_minutes)
        if row is None:
            row = ClaimRow(case_id=case_id, case_kind=kind)
            session.add(row)
        row.held_by, row.claimed_at, row.expires_at = actor.id, now, until
        session.flush()
        work.record(
            now,
            Action.CASE_CLAIM,
            case_id,
            {"case": case_id, "kind": kind, "until": until.isoformat()},
        )
        return _claim(row)


def release_case(
    services: Services, case_id: str, actor: Principal, kind: str | None = None
) -> Claim:
    """Release ``actor``'s claim on a case; `Conflict` when it holds none."""
    _staff(actor, "release cases")
    now = services.clock.now()
    with services.write(actor) as work:
        session = work.session
        kind, _ = _case(session, case_id, kind)
        row = session.get(ClaimRow, case_id)
        held = check_release(_claim(row) if row else None, case_id, actor.id, now)
        session.delete(row)
        session.flush()
        work.record(
            now,
            Action.CASE_RELEASE,
            case_id,
            {"case": case_id, "kind": kind, "reason": "released"},
        )
        return held


def settle_claim(work: UnitOfWork, case_id: str, now: datetime) -> None:
    """Inside the unit of work deciding a case: refuse while another than its actor holds it
    (`Conflict`); otherwise the case's claim, if any, ends with the decision."""
    row = work.session.get(ClaimRow, case_id)
    if row is None:
        return
    held = _claim(row)
    check_decider(held, work.actor.id, now)
    work.session.delete(row)
    work.session.flush()
    if held.live_at(now):
        work.record(
            now,
            Action.CASE_RELEASE,
            case_id,
            {"case": case_id, "kind": held.case_kind, "reason": "decided"},
        )


def claims_on(services: Services, case_ids: Iterable[str], viewer: Principal) -> dict[str, Claim]:
    """The live claims on these cases, by case id (staff only)."""
    _staff(viewer, "read the desk's claims")
    ids = sorted(set(case_ids))
    if not ids:
        return {}
    now = services.clock.now()
    with services.read() as session:
        rows = session.scalars(select(ClaimRow).where(ClaimRow.case_id.in_(ids)))
        return {r.case_id: c for r in rows if (c := _claim(r)).live_at(now)}


def add_note(
    services: Services, case_id: str, text: str, actor: Principal, kind: str | None = None
) -> Note:
    """An internal note on a case, written by ``actor`` (staff only, never shown to the
    advertiser)."""
    require(actor, Permission.NOTE)
    _staff(actor, "write notes")
    text = check_note(text)
    now = services.clock.now()
    with services.write(actor) as work:
        session = work.session
        kind, _ = _case(session, case_id, kind)
        row = NoteRow(
            id=new_id("note"),
            case_id=case_id,
            case_kind=kind,
            author=actor.id,
            text=text,
            written_at=now,
        )
        session.add(row)
        session.flush()
        work.record(
            now,
            Action.CASE_NOTE,
            case_id,
            {"case": case_id, "kind": kind, "note": row.id, "text": text},
        )
        return _note(row)


def notes_on(services: Services, case_ids: Iterable[str], viewer: Principal) -> list[Note]:
    """The internal notes on these cases, oldest first (staff only)."""
    _staff(viewer, "read internal notes")
    ids = sorted(set(case_ids))
    if not ids:
        return []
    with services.read() as session:
        rows = session.scalars(
            select(NoteRow).where(NoteRow.case_id.in_(ids)).order_by(NoteRow.written_at, NoteRow.id)
        )
        return [_note(r) for r in rows]
