"""``audit verify``'s second half: the state the events created, checked against the events.

``CHECKERS`` is a table, one checker per table of the store: which event actions shape it, how
they fold into expected rows (``standing.audit.crosscheck``) and how its rows are read, keyed
the same way. To cover a new table, add its fold and a row reader and one line to ``CHECKERS``.
The first mismatch named is the one whose event comes first in the log; rows no event accounts
for come after those.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

import orjson
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from standing.audit import crosscheck as cc
from standing.audit.chain import NO_KEYS, Anchor, AuditKeys, Event, Walk
from standing.audit.log import Verification, stored_events, verify_log
from standing.decisions import statement as sor
from standing.store.access_tables import PrincipalPartyRow, PrincipalRow, TokenRow
from standing.store.appeal_tables import AppealRow, AttachmentRow, BlobRow
from standing.store.desk_tables import ClaimRow, NoteRow
from standing.store.screening_tables import HitRow, ListEntryRow, ListVersionRow
from standing.store.tables import (
    ChangeRow,
    DecisionRow,
    LiftRow,
    NoticeRow,
    RecheckRow,
    StatementRow,
)

Rows = Iterable[tuple[str, dict[str, Any]]]


@dataclass(frozen=True)
class Checker:
    table: str
    actions: frozenset[str]
    fold: cc.Fold
    rows: Any  # Callable[[Session], Rows]


def _stream(session: Session, query: Any) -> Iterator[Any]:
    result = session.execute(query.execution_options(yield_per=2000))
    try:
        yield from result
    finally:
        result.close()


def _columns(session: Session, table: Any, key: str, **fields: str) -> Rows:
    """The rows of ``table`` keyed by its ``key`` column, each state field read as stored
    from the column named beside it."""
    for r in _stream(session, select(table).order_by(getattr(table, key))):
        row = r[0]
        yield getattr(row, key), {name: getattr(row, column) for name, column in fields.items()}


def decision_rows(session: Session) -> Rows:
    for r in _stream(session, select(DecisionRow).order_by(DecisionRow.id)):
        d = r[0]
        yield (
            d.id,
            {
                "subject": d.subject_id,
                "subject_kind": d.subject_kind,
                "rule": d.rule_id,
                "policy_version": d.policy_version,
                "restricts": d.restricts,
                "reach_rule": d.reach,
                "threshold": d.threshold,
                "facts": d.facts,
                "evidence": d.evidence,
                "territories": d.territories,
                "starts_at": d.starts_at,
                "ends_at": d.ends_at,
                "automated_detection": d.automated_detection,
                "automated_decision": d.automated_decision,
                "author": d.author,
                "created_at": d.created_at,
                "supersedes": d.supersedes,
                "exempt": list(d.exempt or ()),
            },
        )


def statement_rows(session: Session) -> Rows:
    query = select(StatementRow.decision_id, StatementRow.digest, StatementRow.content)
    for decision_id, digest, content in _stream(session, query.order_by(StatementRow.decision_id)):
        yield decision_id, {"digest": digest, "content_digest": sor.digest(content)}


def notice_rows(session: Session) -> Rows:
    query = select(
        NoticeRow.id,
        NoticeRow.decision_id,
        NoticeRow.account_id,
        NoticeRow.digest,
        NoticeRow.content,
    ).order_by(NoticeRow.id)
    for notice_id, decision_id, account_id, digest, content in _stream(session, query):
        yield (
            notice_id,
            {
                "decision": decision_id,
                "account": account_id,
                "content_ok": sor.digest(content) == digest,
            },
        )


def lift_rows(session: Session) -> Rows:
    return _columns(
        session,
        LiftRow,
        "decision_id",
        reason="reason",
        author="author",
        lifted_at="lifted_at",
    )


def recheck_rows(session: Session) -> Rows:
    return _columns(
        session,
        RecheckRow,
        "id",
        decision="decision_id",
        reason="reason",
        author="author",
        rechecked_at="rechecked_at",
    )


def appeal_rows(session: Session) -> Rows:
    return _columns(
        session,
        AppealRow,
        "id",
        decision="decision_id",
        text="text",
        kind="kind",
        scope="scope",
        filed_by="filed_by",
        filed_at="filed_at",
        status="status",
        outcome="outcome",
        reply="reply",
        decided_by="decided_by",
        decided_at="decided_at",
        new_decision="new_decision_id",
    )


def attachment_rows(session: Session) -> Rows:
    query = (
        select(AttachmentRow, BlobRow)
        .join(BlobRow, BlobRow.sha256 == AttachmentRow.sha256)
        .order_by(AttachmentRow.id)
    )
    for a, blob in _stream(session, query):
        yield (
            a.id,
            {
                "appeal": a.appeal_id,
                "filename": a.filename,
                "sha256": a.sha256,
                "content_sha256": hashlib.sha256(blob.content).hexdigest(),
                "media_type": blob.media_type,
                "size": blob.size,
                "added_by": a.added_by,
                "added_at": a.added_at,
            },
        )


def hit_rows(session: Session) -> Rows:
    for r in _stream(session, select(HitRow).order_by(HitRow.id)):
        h = r[0]
        yield (
            h.id,
            {
                "party": h.party_id,
                "source": h.source,
                "entry": h.entry_id,
                "score": round(h.score, 4),
                "status": h.status,
                "reviewed_by": h.reviewed_by,
                "reviewed_at": h.reviewed_at,
                "note": h.review_note,
                "decision": h.decision_id,
            },
        )


def list_version_rows(session: Session) -> Rows:
    counts = dict(
        session.execute(
            select(ListEntryRow.version_id, func.count()).group_by(ListEntryRow.version_id)
        ).all()
    )
    for r in _stream(session, select(ListVersionRow).order_by(ListVersionRow.id)):
        v = r[0]
        yield (
            f"{v.source}#{v.number}",
            {
                "file": v.file_name,
                "sha256": v.sha256,
                "format": v.format,
                "entries": v.entries,
                "entry_rows": counts.get(v.id, 0),
                "added": v.added,
                "removed": v.removed,
                "changed": v.changed,
                "actor": v.actor,
                "imported_at": v.imported_at,
            },
        )


def changelog_rows(session: Session) -> Rows:
    query = (
        select(ChangeRow.change, ChangeRow.decision_id, func.count())
        .where(ChangeRow.change.in_(("recorded", "lifted")))
        .group_by(ChangeRow.change, ChangeRow.decision_id)
        .order_by(ChangeRow.change, ChangeRow.decision_id)
    )
    for change, decision_id, count in session.execute(query):
        yield f"{change} {decision_id}", {"entries": count}


LIFTING = frozenset({"decision:lift", "appeal:review"})


def principal_rows(session: Session) -> Rows:
    parties: dict[str, list[str]] = {}
    for principal_id, party_id in _stream(
        session, select(PrincipalPartyRow.principal_id, PrincipalPartyRow.party_id)
    ):
        parties.setdefault(principal_id, []).append(party_id)
    for r in _stream(session, select(PrincipalRow).order_by(PrincipalRow.id)):
        p = r[0]
        yield (
            p.id,
            {
                "kind": p.kind,
                "email": p.email,
                "name": p.name,
                "roles": sorted(p.roles),
                "parties": sorted(parties.get(p.id, [])),
                "password": p.password_hash is not None,
                "active": p.active,
            },
        )


def token_rows(session: Session) -> Rows:
    for r in _stream(session, select(TokenRow).order_by(TokenRow.id)):
        t = r[0]
        yield (
            t.id,
            {
                "principal": t.principal_id,
                "scopes": sorted(t.scopes),
                "expires_at": t.expires_at,
                "created_by": t.created_by,
                "revoked": t.revoked_at is not None,
            },
        )


def note_rows(session: Session) -> Rows:
    return _columns(
        session,
        NoteRow,
        "id",
        case="case_id",
        kind="case_kind",
        author="author",
        text="text",
        written_at="written_at",
    )


def claim_rows(session: Session) -> Rows:
    return _columns(
        session,
        ClaimRow,
        "case_id",
        kind="case_kind",
        held_by="held_by",
        claimed_at="claimed_at",
        expires_at="expires_at",
    )


USERS = frozenset({"user:add", "user:disable", "user:password", "user:roles", "token:create"})

CHECKERS: tuple[Checker, ...] = (
    Checker(
        "decisions",
        frozenset({"decision:record", "appeal:review"}),
        cc.fold_decisions,
        decision_rows,
    ),
    Checker("statements", frozenset({"decision:record"}), cc.fold_statements, statement_rows),
    Checker("notices", frozenset({"decision:notice"}), cc.fold_notices, notice_rows),
    Checker("lifts", LIFTING, cc.fold_lifts, lift_rows),
    Checker("rechecks", frozenset({"decision:recheck"}), cc.fold_rechecks, recheck_rows),
    Checker("appeals", frozenset({"appeal:file", "appeal:review"}), cc.fold_appeals, appeal_rows),
    Checker(
        "appeal_attachments",
        frozenset({"appeal:attach"}),
        cc.fold_attachments,
        attachment_rows,
    ),
    Checker("hits", frozenset({"hit:open", "hit:review"}), cc.fold_hits, hit_rows),
    Checker("list_versions", frozenset({"list:import"}), cc.fold_list_versions, list_version_rows),
    Checker(
        "changelog", frozenset({"decision:record"}) | LIFTING, cc.fold_changelog, changelog_rows
    ),
    Checker("principals", USERS, cc.fold_principals, principal_rows),
    Checker("tokens", frozenset({"token:create", "token:revoke"}), cc.fold_tokens, token_rows),
    Checker("case_notes", frozenset({"case:note"}), cc.fold_notes, note_rows),
    Checker("case_claims", frozenset({"case:claim", "case:release"}), cc.fold_claims, claim_rows),
)


@dataclass
class StateCheck:
    checked: dict[str, int]  # table -> rows expected by the events
    mismatches: list[cc.Mismatch]  # the first ``limit``, in log order
    count: int  # all of them


def check_state(
    session: Session, checkers: Iterable[Checker] = CHECKERS, limit: int = 20
) -> StateCheck:
    """Fold the events into the rows each table should hold and compare them with its rows."""
    checkers = tuple(checkers)
    expected: dict[str, cc.Expected] = {c.table: {} for c in checkers}
    actions = frozenset().union(*(c.actions for c in checkers))
    bad_payloads: list[cc.Mismatch] = []
    for event in stored_events(session, actions):
        payload = _payload(event)
        if payload is None:
            bad_payloads.append(
                cc.Mismatch("events", str(event.seq), event.seq, "payload unreadable")
            )
            continue
        for checker in checkers:
            if event.action in checker.actions:
                try:
                    checker.fold(expected[checker.table], event, payload)
                except (KeyError, TypeError, AttributeError) as exc:
                    bad_payloads.append(
                        cc.Mismatch(
                            "events",
                            str(event.seq),
                            event.seq,
                            f"{event.action} payload lacks what {checker.table} needs ({exc})",
                        )
                    )
    found: list[cc.Mismatch] = list(bad_payloads)
    for checker in checkers:
        found.extend(cc.compare(checker.table, expected[checker.table], checker.rows(session)))
    found.sort(key=cc.Mismatch.order)
    return StateCheck(
        checked={c.table: len(expected[c.table]) for c in checkers},
        mismatches=list(islice(found, limit)),
        count=len(found),
    )


def _payload(event: Event) -> dict[str, Any] | None:
    try:
        data = orjson.loads(event.payload)
    except orjson.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def verify_store(
    session: Session,
    keys: AuditKeys = NO_KEYS,
    expect: Anchor | None = None,
    checkers: Iterable[Checker] = CHECKERS,
) -> Verification:
    """The chain (with ``keys`` and the anchor ``expect``), then the state against it."""
    walk = Walk()
    count, broken = verify_log(session, keys, expect, walk)
    state = check_state(session, checkers)
    return Verification(
        events=count,
        broken=broken,
        keyed_from=walk.keyed_from,
        checked=state.checked,
        mismatches=state.mismatches,
        mismatch_count=state.count,
    )
