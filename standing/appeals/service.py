"""Use cases for appeals: file one against a decision within its window, list the queue by
deadline, and decide it with a reasoned reply. Overturning lifts the decision; modifying lifts
it and records a superseding decision; every step is audited in the same transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from standing.access.model import Permission, Principal, require
from standing.access.scope import visible_decision
from standing.appeals.attachments import MAX_FILES, Upload
from standing.appeals.model import (
    Appeal,
    check_filing,
    check_reply_length,
    check_review,
    review_due,
)
from standing.audit.log import append
from standing.audit.tags import Action
from standing.bootstrap import Services
from standing.decisions.service import (
    DecisionRequest,
    decision_mentions,
    write_decision,
)
from standing.desk.service import settle_claim
from standing.errors import Conflict, Invalid, NotFound
from standing.guard import service as guard
from standing.guard.model import Appealed
from standing.ids import new_id
from standing.notify import outbox
from standing.policies.model import MIN_APPEAL_WINDOW_DAYS
from standing.store import repository as repo
from standing.store.appeal_tables import AppealRow, AttachmentRow, BlobRow
from standing.store.changelog import append_change
from standing.store.screening_tables import HitRow
from standing.store.tables import LiftRow


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
    )


def appeal_json(
    appeal: Appeal, now: datetime | None = None, redress: dict[str, Any] | None = None
) -> dict[str, Any]:
    """An appeal as the API and the CLI give it; a decided one names the redress beyond the
    platform (``Policy.redress``: the settlement bodies and the courts)."""
    out: dict[str, Any] = {
        "id": appeal.id,
        "decision": appeal.decision_id,
        "text": appeal.text,
        "filed_by": appeal.filed_by,
        "filed_at": appeal.filed_at.isoformat(),
        "due_at": appeal.due_at.isoformat(),
        "status": appeal.status,
        "outcome": appeal.outcome,
        "reply": appeal.reply,
        "decided_by": appeal.decided_by,
        "decided_at": appeal.decided_at.isoformat() if appeal.decided_at else None,
        "new_decision": appeal.new_decision_id,
    }
    if now is not None:
        out["overdue"] = appeal.overdue_at(now)
    if appeal.status == "decided" and redress is not None:
        out["redress"] = redress
    return out


def file_appeal(services: Services, decision_id: str, text: str, actor: Principal) -> Appeal:
    """File an appeal as ``actor``, an advertiser contact the decision reaches."""
    require(actor, Permission.FILE_APPEAL)
    filed_by = actor.id
    text = " ".join(text.split())
    now = services.clock.now()
    with services.write() as session:
        decision = repo.get_decision(session, decision_id)
        if decision is None or not visible_decision(session, actor, decision_id):
            raise NotFound(f"unknown decision {decision_id!r}")
        if decision.lifted_at is not None:
            raise Conflict(f"decision {decision_id} was lifted; there is nothing to appeal")
        open_ = session.execute(
            select(AppealRow.id).where(
                AppealRow.decision_id == decision_id, AppealRow.status == "open"
            )
        ).first()
        if open_ is not None:
            raise Conflict(f"appeal {open_[0]} against {decision_id} is still open")
        rule = services.policy.rules.get(decision.rule_id)
        window = rule.appeal_window_days if rule else MIN_APPEAL_WINDOW_DAYS
        review_days = rule.review_days if rule else 14
        check_filing(decision.created_at, window, now, text)
        row = AppealRow(
            id=new_id("apl"),
            decision_id=decision_id,
            text=text,
            filed_by=filed_by,
            filed_at=now,
            due_at=review_due(now, review_days),
            status="open",
        )
        session.add(row)
        session.flush()
        append(
            session,
            now,
            filed_by,
            Action.APPEAL_FILE,
            row.id,
            {"appeal": row.id, "decision": decision_id, "text": text},
        )
        outbox.appeal_filed(session, row, now)
        return appeal_from_row(row)


def list_appeals(
    services: Services, viewer: Principal, status: str | None = "open"
) -> list[dict[str, Any]]:
    """The appeals, earliest deadline first; a contact's own only."""
    require(viewer, Permission.READ)
    now = services.clock.now()
    with services.read() as session:
        query = select(AppealRow).order_by(AppealRow.due_at, AppealRow.id)
        if viewer.is_contact:
            query = query.where(AppealRow.filed_by == viewer.id)
        if status:
            query = query.where(AppealRow.status == status)
        redress = services.policy.redress.to_public()
        return [
            appeal_json(appeal_from_row(r), now, redress) for r in session.execute(query).scalars()
        ]


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
) -> Appeal:
    """Decide an appeal as ``actor``, a reviewer who neither recorded the decision nor
    confirmed the hit it came from. ``modified`` needs new territories and/or an end date:
    the decision is lifted and a superseding one with the narrower scope is recorded."""
    require(actor, Permission.DECIDE_APPEAL)
    reviewer = actor.id
    now = services.clock.now()
    if outcome != "modified" and (territories or until is not None):
        raise Invalid(
            f"territories and until narrow a decision; they apply only to the outcome "
            f"'modified', not {outcome!r}"
        )
    with services.write() as session:
        row = session.get(AppealRow, appeal_id)
        if row is None:
            raise NotFound(f"unknown appeal {appeal_id!r}")
        appeal = appeal_from_row(row)
        decision = repo.get_decision(session, appeal.decision_id)
        assert decision is not None
        settle_claim(session, appeal_id, reviewer, now)  # the desk's claim ends with it
        confirmed_by = session.scalars(
            select(HitRow.reviewed_by).where(HitRow.decision_id == decision.id)
        ).all()
        check_review(appeal, outcome, reviewer, {decision.author, *filter(None, confirmed_by)})
        if outcome == "modified" and not territories and until is None:
            raise Invalid("a modified decision needs new territories or an end date")
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
        if outcome == "modified":
            recorded = write_decision(
                services,
                session,
                DecisionRequest(
                    subject=decision.subject_id,
                    rule=decision.rule_id,
                    facts=f"{decision.facts} On appeal {appeal.id}: {reply}",
                    evidence=decision.evidence,
                    territories=territories or decision.territories,
                    until=until or decision.ends_at,
                    automated_detection=decision.automated_detection,
                ),
                actor,
                supersedes=decision.id,
            )
            new_decision = recorded.decision.id
        if outcome in ("overturned", "modified"):
            session.add(
                LiftRow(
                    decision_id=decision.id,
                    reason=f"appeal {appeal.id} {outcome}: {reply}",
                    author=reviewer,
                    lifted_at=now,
                )
            )
            session.flush()
            append_change(session, "lifted", decision.id, now)
        row.status, row.outcome, row.reply = "decided", outcome, reply
        row.decided_by, row.decided_at, row.new_decision_id = reviewer, now, new_decision
        outbox.appeal_decided(session, row, now, services.policy.redress.to_public())
        append(
            session,
            now,
            reviewer,
            Action.APPEAL_REVIEW,
            appeal.id,
            {
                "appeal": appeal.id,
                "decision": decision.id,
                "outcome": outcome,
                "reply": reply,
                "new_decision": new_decision,
            },
        )
        return replace(
            appeal,
            status="decided",
            outcome=outcome,
            reply=reply,
            decided_by=reviewer,
            decided_at=now,
            new_decision_id=new_decision,
        )


# --- attachments -----------------------------------------------------------------------------


def add_attachments(
    services: Services, appeal_id: str, uploads: list[Upload], actor: Principal
) -> list[dict[str, Any]]:
    """Attach checked files (`check_upload`) to ``actor``'s own appeal, each stored once by
    its SHA-256 and recorded on the audit log with it; all or none."""
    require(actor, Permission.FILE_APPEAL)
    if len(uploads) > MAX_FILES:
        raise Invalid(f"attachments: {len(uploads)} files; at most {MAX_FILES} per appeal")
    now = services.clock.now()
    with services.write() as session:
        appeal = session.get(AppealRow, appeal_id)
        if appeal is None or appeal.filed_by != actor.id:
            raise NotFound(f"unknown appeal {appeal_id!r}")
        if appeal.status != "open":
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
            described = attachment_json(row, upload.media_type, upload.size)
            append(
                session,
                now,
                actor.id,
                Action.APPEAL_ATTACH,
                appeal_id,
                {"appeal": appeal_id, **{k: v for k, v in described.items() if k != "url"}},
            )
            out.append(described)
        return out


def attachment_json(row: AttachmentRow, media_type: str, size: int) -> dict[str, Any]:
    return {
        "attachment": row.id,
        "filename": row.filename,
        "media_type": media_type,
        "size": size,
        "sha256": row.sha256,
        "added_at": row.added_at.isoformat(),
        "url": f"/standing/attachments/{row.id}",
    }


def _may_see_appeal(viewer: Principal, filed_by: str) -> bool:
    return not viewer.is_contact or filed_by == viewer.id


def attachments_of(
    services: Services, appeal_ids: list[str], viewer: Principal
) -> dict[str, list[dict[str, Any]]]:
    """The attachments of several appeals (those the viewer may see), oldest first."""
    require(viewer, Permission.READ)
    out: dict[str, list[dict[str, Any]]] = {}
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
                out.setdefault(row.appeal_id, []).append(attachment_json(row, media_type, size))
    return out


def attachment_content(
    services: Services, attachment_id: str, viewer: Principal
) -> tuple[dict[str, Any], bytes]:
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
        return attachment_json(row, blob.media_type, blob.size), bytes(blob.content)
