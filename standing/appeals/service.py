"""Use cases for appeals: file a dispute against a decision within its window or a request for
reinstatement at any time, for the whole decision or one party or account it reaches; list the
queue by deadline; decide it with a reasoned reply. Overturning (a dispute) and lifting (a
request for reinstatement) end the decision; modifying and exempting end it and record a
superseding decision (narrower, or with the scope carved out); every step is audited in the
same transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from standing.access.model import Permission, Principal, require
from standing.access.scope import own_subjects, visible_decision
from standing.appeals.attachments import MAX_FILES, Upload
from standing.appeals.model import (
    ENDING,
    Appeal,
    AppealKind,
    AppealStatus,
    AppealView,
    Attachment,
    Outcome,
    check_filing,
    check_kind,
    check_reply_length,
    check_review,
    review_due,
)
from standing.audit.tags import Action
from standing.decisions.model import Decision
from standing.decisions.service import (
    DecisionRequest,
    decision_mentions,
    reached_ids,
    record_reach,
    write_decision,
)
from standing.desk.service import settle_claim
from standing.errors import Conflict, Invalid, NotFound
from standing.guard import service as guard
from standing.guard.model import Appealed
from standing.ids import new_id
from standing.notify import outbox
from standing.policies.model import MIN_APPEAL_WINDOW_DAYS
from standing.ports import Services
from standing.store import repository as repo
from standing.store.access_tables import ReachRow
from standing.store.appeal_tables import AppealRow, AttachmentRow, BlobRow
from standing.store.changelog import append_change
from standing.store.screening_tables import HitRow
from standing.store.tables import DecisionRow, LiftRow, NoticeRow, StatementRow


def appeal_from_row(row: AppealRow) -> Appeal:
    return Appeal(
        id=row.id,
        decision_id=row.decision_id,
        text=row.text,
        filed_by=row.filed_by,
        filed_at=row.filed_at,
        due_at=row.due_at,
        status=row.status,
        outcome=row.outcome,
        reply=row.reply,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        new_decision_id=row.new_decision_id,
        kind=row.kind or AppealKind.dispute,
        scope=row.scope,
    )


def reached_by(session: Session, decision: Decision) -> set[str]:
    """The parties and accounts ``decision`` reaches: its subject, what its statement names
    (for a decision on a party) and the accounts its notices reached later; less what it
    exempts."""
    out = {decision.subject_id}
    if decision.subject_kind == "party":
        statement = session.get(StatementRow, decision.id)
        if statement is not None:
            out |= reached_ids(statement.content["affected"])
        out |= set(
            session.scalars(
                select(NoticeRow.account_id).where(NoticeRow.decision_id == decision.id)
            )
        )
    return out - set(decision.exempt)


def current_of(session: Session, decision: Decision) -> list[Decision]:
    """``decision`` and the decisions that replaced it on appeal, one after the other: an
    appeal filed against it is answered on the last (the one that applies now)."""
    chain = [decision]
    while chain[-1].lifted_at is not None:
        successor = session.scalar(
            select(DecisionRow.id).where(DecisionRow.supersedes == chain[-1].id).limit(1)
        )
        found = repo.get_decision(session, successor) if successor else None
        if found is None or found in chain:
            break
        chain.append(found)
    return chain


def _check_scope(session: Session, decision: Decision, scope: str) -> None:
    if scope in decision.exempt:
        raise Invalid(f"scope: {scope!r} is already exempt from decision {decision.id}")
    if scope not in reached_by(session, decision):
        raise Invalid(
            f"scope: decision {decision.id} does not reach {scope!r}; name a party or account "
            "it reaches"
        )


def file_appeal(
    services: Services,
    decision_id: str,
    text: str,
    actor: Principal,
    kind: str = AppealKind.dispute,
    scope: str | None = None,
) -> Appeal:
    """File an appeal as ``actor``, an advertiser contact the decision reaches: a dispute
    (within the rule's window) or a request for reinstatement (at any time), about the whole
    decision or only ``scope``, one of the contact's own parties or accounts it reaches."""
    require(actor, Permission.FILE_APPEAL)
    check_kind(kind)
    filed_by = actor.id
    text = " ".join(text.split())
    scope = (scope.strip() or None) if scope is not None else None
    now = services.clock.now()
    with services.write(actor) as work:
        session = work.session
        decision = work.repo.get_decision(decision_id)
        if decision is None or not visible_decision(session, actor, decision_id):
            raise NotFound(f"unknown decision {decision_id!r}")
        if decision.lifted_at is not None:
            raise Conflict(f"decision {decision_id} was lifted; there is nothing to appeal")
        if scope is not None:
            if actor.is_contact and scope not in own_subjects(session, actor):
                raise Invalid(
                    f"scope: {scope!r} is none of your parties or accounts; an appeal may be "
                    "about the whole decision or one of your own"
                )
            _check_scope(session, decision, scope)
        open_ = session.execute(
            select(AppealRow.id).where(
                AppealRow.decision_id == decision_id,
                AppealRow.status == AppealStatus.open,
                AppealRow.kind == kind,
                AppealRow.scope.is_(None) if scope is None else AppealRow.scope == scope,
            )
        ).first()
        if open_ is not None:
            what = "dispute" if kind == AppealKind.dispute else "request for reinstatement"
            about = f"for {scope}" if scope else "about the whole decision"
            raise Conflict(
                f"{what} {open_[0]} against {decision_id} {about} is still open; add evidence "
                "to it or wait for its reply"
            )
        rule = services.policy.rules.get(decision.rule_id)
        window = rule.appeal_window_days if rule else MIN_APPEAL_WINDOW_DAYS
        review_days = rule.review_days if rule else 14
        check_filing(decision.created_at, window, now, text, kind)
        row = AppealRow(
            id=new_id("apl"),
            decision_id=decision_id,
            text=text,
            filed_by=filed_by,
            filed_at=now,
            due_at=review_due(now, review_days),
            status=AppealStatus.open,
            kind=kind,
            scope=scope,
        )
        session.add(row)
        session.flush()
        work.record(
            now,
            Action.APPEAL_FILE,
            row.id,
            {"appeal": row.id, "decision": decision_id, "text": text, "kind": kind, "scope": scope},
        )
        outbox.appeal_filed(session, row, now)
        return appeal_from_row(row)


def list_appeals(
    services: Services, viewer: Principal, status: str | None = AppealStatus.open
) -> list[AppealView]:
    """The appeals, earliest deadline first; a contact's own only."""
    require(viewer, Permission.READ)
    now = services.clock.now()
    with services.read() as session:
        query = select(AppealRow).order_by(AppealRow.due_at, AppealRow.id)
        if viewer.is_contact:
            query = query.where(AppealRow.filed_by == viewer.id)
        if status:
            query = query.where(AppealRow.status == status)
        redress = services.policy.redress
        return [AppealView.of(appeal_from_row(r), now, redress) for r in session.scalars(query)]


def appeals_of(services: Services, decision_id: str, viewer: Principal) -> list[Appeal]:
    """The appeals against one decision, oldest first; a contact's own only."""
    require(viewer, Permission.READ)
    with services.read() as session:
        query = select(AppealRow).where(AppealRow.decision_id == decision_id)
        if viewer.is_contact:
            query = query.where(AppealRow.filed_by == viewer.id)
        rows = session.scalars(query.order_by(AppealRow.filed_at, AppealRow.id))
        return [appeal_from_row(r) for r in rows]


def get_appeal(services: Services, appeal_id: str, viewer: Principal) -> Appeal:
    require(viewer, Permission.READ)
    with services.read() as session:
        row = session.get(AppealRow, appeal_id)
        if row is None or (viewer.is_contact and row.filed_by != viewer.id):
            raise NotFound(f"unknown appeal {appeal_id!r}")
        return appeal_from_row(row)


def review_appeal(
    services: Services,
    appeal_id: str,
    outcome: str,
    reply: str,
    actor: Principal,
    territories: tuple[str, ...] | None = None,
    until: datetime | None = None,
    scope: str | None = None,
) -> Appeal:
    """Decide an appeal as ``actor``, a reviewer who neither recorded the decision nor
    confirmed the hit it came from. A dispute ends ``upheld``, ``overturned``, ``modified``
    (new territories and/or an end: the decision is lifted and a narrower one recorded) or
    ``exempted``; a request for reinstatement ends ``lifted``, ``exempted`` or ``declined``.
    ``exempted`` carves ``scope`` (by default the appeal's) out of the decision: it is lifted
    and a superseding one recorded that exempts it, and what only it brought into reach."""
    require(actor, Permission.DECIDE_APPEAL)
    reviewer = actor.id
    now = services.clock.now()
    if outcome != Outcome.modified and (territories or until is not None):
        raise Invalid(
            f"territories and until narrow a decision; they apply only to the outcome "
            f"'modified', not {outcome!r}"
        )
    scope = (scope.strip() or None) if scope is not None else None
    if outcome != Outcome.exempted and scope is not None:
        raise Invalid(
            f"scope: names what to exempt; it applies only to 'exempted', not {outcome!r}"
        )
    with services.write(actor) as work:
        session = work.session
        row = session.get(AppealRow, appeal_id)
        if row is None:
            raise NotFound(f"unknown appeal {appeal_id!r}")
        appeal = appeal_from_row(row)
        original = work.repo.get_decision(appeal.decision_id)
        assert original is not None
        chain = current_of(session, original)
        decision = chain[-1]  # another appeal may have replaced it since this one was filed
        settle_claim(work, appeal_id, now)  # the desk's claim ends with it
        confirmed_by = session.scalars(
            select(HitRow.reviewed_by).where(HitRow.decision_id.in_([d.id for d in chain]))
        ).all()
        authors = {d.author for d in chain}
        check_review(appeal, outcome, reviewer, {*authors, *filter(None, confirmed_by)})
        if outcome == Outcome.modified and not territories and until is None:
            raise Invalid("a modified decision needs new territories or an end date")
        if outcome == Outcome.exempted:
            scope = scope or appeal.scope
            if scope is None:
                raise Invalid(
                    "scope: name the party or account the decision reaches that is to be "
                    "exempted (the appeal is about the whole decision)"
                )
            if scope == decision.subject_id:
                raise Invalid(
                    f"scope: {scope!r} is the decision's subject; to end the whole decision, "
                    "overturn it (a dispute) or lift it (a request for reinstatement)"
                )
            _check_scope(session, decision, scope)
        if outcome in ENDING and decision.lifted_at is not None:
            raise Conflict(f"decision {decision.id} was already lifted; {outcome!r} ends nothing")
        reply = check_reply_length(reply)
        guard.check_reply(
            session,
            services.policy,
            services.policy.rules.get(decision.rule_id),
            reply,
            decision_mentions(session, decision, appeal.id),
            Appealed(text=appeal.text, facts=decision.facts, evidence=decision.evidence),
        )
        new_decision: str | None = None
        if outcome in ENDING:
            # lifted first, so the successor's reach is worked out without it
            session.add(
                LiftRow(
                    decision_id=decision.id,
                    reason=f"appeal {appeal.id} {outcome}: {reply}",
                    author=reviewer,
                    lifted_at=now,
                )
            )
            session.flush()
        if outcome in (Outcome.modified, Outcome.exempted):
            assert outcome == Outcome.modified or scope is not None
            recorded = write_decision(
                services,
                work,
                DecisionRequest(
                    subject=decision.subject_id,
                    rule=decision.rule_id,
                    facts=f"{decision.facts} On appeal {appeal.id}: {reply}",
                    evidence=decision.evidence,
                    territories=(territories or decision.territories)
                    if outcome == Outcome.modified
                    else decision.territories,
                    until=(until or decision.ends_at)
                    if outcome == Outcome.modified
                    else decision.ends_at,
                    automated_detection=decision.automated_detection,
                    exempt=(*decision.exempt, scope) if scope else decision.exempt,
                    exemption={"entity": scope, "appeal": appeal.id, "reason": reply}
                    if scope
                    else None,
                ),
                supersedes=decision.id,
            )
            new_decision = recorded.decision.id
            # everyone the decision reached may read what replaced it (the exempt above all)
            before = set(
                session.scalars(
                    select(ReachRow.subject_id).where(ReachRow.decision_id == decision.id)
                )
            )
            record_reach(session, new_decision, before)
        if outcome in ENDING:
            # the gate reads the successor before the lift (never a moment with neither)
            append_change(session, "lifted", decision.id, now)
        row.status, row.outcome, row.reply = AppealStatus.decided, outcome, reply
        row.decided_by, row.decided_at, row.new_decision_id = reviewer, now, new_decision
        outbox.appeal_decided(
            session,
            row,
            now,
            services.policy.redress.to_public(),
            exempted=scope if outcome == Outcome.exempted else None,
            decided_on=decision.id,
        )
        work.record(
            now,
            Action.APPEAL_REVIEW,
            appeal.id,
            {
                "appeal": appeal.id,
                "decision": decision.id,
                "outcome": outcome,
                "reply": reply,
                "new_decision": new_decision,
                "scope": scope if outcome == Outcome.exempted else None,
            },
        )
        return replace(
            appeal,
            status=AppealStatus.decided,
            outcome=outcome,
            reply=reply,
            decided_by=reviewer,
            decided_at=now,
            new_decision_id=new_decision,
        )


# --- attachments -----------------------------------------------------------------------------


def add_attachments(
    services: Services, appeal_id: str, uploads: list[Upload], actor: Principal
) -> list[Attachment]:
    """Attach checked files (`check_upload`) to ``actor``'s own appeal, each stored once by
    its SHA-256 and recorded on the audit log with it; all or none."""
    require(actor, Permission.FILE_APPEAL)
    if len(uploads) > MAX_FILES:
        raise Invalid(f"attachments: {len(uploads)} files; at most {MAX_FILES} per appeal")
    now = services.clock.now()
    with services.write(actor) as work:
        session = work.session
        appeal = session.get(AppealRow, appeal_id)
        if appeal is None or appeal.filed_by != actor.id:
            raise NotFound(f"unknown appeal {appeal_id!r}")
        if appeal.status != AppealStatus.open:
            raise Conflict(f"appeal {appeal_id} was decided; evidence can no longer be added")
        held = session.scalar(
            select(func.count())
            .select_from(AttachmentRow)
            .where(AttachmentRow.appeal_id == appeal_id)
        )
        if (held or 0) + len(uploads) > MAX_FILES:
            raise Invalid(f"attachments: at most {MAX_FILES} per appeal ({held} already)")
        out = []
        for upload in uploads:
            if session.get(BlobRow, upload.sha256) is None:
                session.add(
                    BlobRow(
                        sha256=upload.sha256,
                        media_type=upload.media_type,
                        size=upload.size,
                        content=upload.content,
                        created_at=now,
                    )
                )
                session.flush()
            row = AttachmentRow(
                id=new_id("att"),
                appeal_id=appeal_id,
                sha256=upload.sha256,
                filename=upload.filename,
                added_by=actor.id,
                added_at=now,
            )
            session.add(row)
            session.flush()
            attached = _attachment(row, upload.media_type, upload.size)
            described = {k: v for k, v in attached.to_json().items() if k != "url"}
            work.record(
                now,
                Action.APPEAL_ATTACH,
                appeal_id,
                {"appeal": appeal_id, **described},
            )
            out.append(attached)
        return out


def _attachment(row: AttachmentRow, media_type: str, size: int) -> Attachment:
    return Attachment(
        row.id, row.appeal_id, row.filename, media_type, size, row.sha256, row.added_at
    )


def _may_see_appeal(viewer: Principal, filed_by: str) -> bool:
    return not viewer.is_contact or filed_by == viewer.id


def attachments_of(
    services: Services, appeal_ids: list[str], viewer: Principal
) -> dict[str, list[Attachment]]:
    """The attachments of several appeals (those the viewer may see), oldest first."""
    require(viewer, Permission.READ)
    out: dict[str, list[Attachment]] = {}
    with services.read() as session:
        rows = session.execute(
            select(AttachmentRow, BlobRow.media_type, BlobRow.size, AppealRow.filed_by)
            .join(BlobRow, BlobRow.sha256 == AttachmentRow.sha256)
            .join(AppealRow, AppealRow.id == AttachmentRow.appeal_id)
            .where(AttachmentRow.appeal_id.in_(appeal_ids))
            .order_by(AttachmentRow.added_at, AttachmentRow.id)
        ).all()
        for row, media_type, size, filed_by in rows:
            if _may_see_appeal(viewer, filed_by):
                out.setdefault(row.appeal_id, []).append(_attachment(row, media_type, size))
    return out


def attachment_content(
    services: Services, attachment_id: str, viewer: Principal
) -> tuple[Attachment, bytes]:
    """One attachment and its bytes; a contact's own appeals' only (else `NotFound`)."""
    require(viewer, Permission.READ)
    with services.read() as session:
        found = session.execute(
            select(AttachmentRow, BlobRow, AppealRow.filed_by)
            .join(BlobRow, BlobRow.sha256 == AttachmentRow.sha256)
            .join(AppealRow, AppealRow.id == AttachmentRow.appeal_id)
            .where(AttachmentRow.id == attachment_id)
        ).first()
        if found is None or not _may_see_appeal(viewer, found[2]):
            raise NotFound(f"unknown attachment {attachment_id!r}")
        row, blob, _ = found
        return _attachment(row, blob.media_type, blob.size), bytes(blob.content)
