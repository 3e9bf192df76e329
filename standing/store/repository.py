"""Reading the graph and decisions from the store into plain domain objects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from standing.decisions.model import Decision
from standing.decisions.propagation import GraphIndex
from standing.graph.model import Account, Identifier, Name, Ownership, Party
from standing.store.tables import (
    AccountRow,
    DecisionRow,
    LiftRow,
    OwnershipRow,
    PartyIdentifierRow,
    PartyNameRow,
    PartyRow,
)


def parties_by_id(session: Session, ids: Iterable[str]) -> dict[str, Party]:
    wanted = list(dict.fromkeys(ids))
    out: dict[str, Party] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows = session.execute(select(PartyRow).where(PartyRow.id.in_(chunk))).scalars().all()
        names: defaultdict[str, list[Name]] = defaultdict(list)
        for n in session.execute(
            select(PartyNameRow).where(PartyNameRow.party_id.in_(chunk)).order_by(PartyNameRow.id)
        ).scalars():
            names[n.party_id].append(Name(n.value, n.kind, n.lang))
        idents: defaultdict[str, list[Identifier]] = defaultdict(list)
        for i in session.execute(
            select(PartyIdentifierRow)
            .where(PartyIdentifierRow.party_id.in_(chunk))
            .order_by(PartyIdentifierRow.id)
        ).scalars():
            idents[i.party_id].append(Identifier(i.scheme, i.value))
        for row in rows:
            out[row.id] = Party(
                row.id,
                row.schema,
                tuple(names[row.id]),
                tuple(row.countries),
                tuple(idents[row.id]),
            )
    return out


def get_party(session: Session, party_id: str) -> Party | None:
    return parties_by_id(session, [party_id]).get(party_id)


def _account(row: AccountRow) -> Account:
    return Account(row.id, row.owner_id, row.service, row.username, row.created_at)


def get_account(session: Session, account_id: str) -> Account | None:
    row = session.get(AccountRow, account_id)
    return _account(row) if row else None


def accounts_by_id(session: Session, account_ids: Iterable[str]) -> list[Account]:
    """The accounts of these ids that exist, in the order given."""
    wanted = list(dict.fromkeys(account_ids))
    found: dict[str, Account] = {}
    for start in range(0, len(wanted), 500):
        rows = session.scalars(
            select(AccountRow).where(AccountRow.id.in_(wanted[start : start + 500]))
        )
        found |= {row.id: _account(row) for row in rows}
    return [found[i] for i in wanted if i in found]


def accounts_of(session: Session, party_id: str) -> list[Account]:
    rows = session.execute(
        select(AccountRow).where(AccountRow.owner_id == party_id).order_by(AccountRow.id)
    ).scalars()
    return [_account(r) for r in rows]


def graph_index(session: Session) -> GraphIndex:
    """The whole ownership graph and account ownership, for propagation."""
    ownerships = (
        Ownership(r.id, r.owner_id, r.asset_id, r.share)
        for r in session.execute(
            select(
                OwnershipRow.id, OwnershipRow.owner_id, OwnershipRow.asset_id, OwnershipRow.share
            )
        )
    )
    accounts = (
        Account(r.id, r.owner_id, "", "")
        for r in session.execute(select(AccountRow.id, AccountRow.owner_id))
    )
    return GraphIndex.build(ownerships, accounts)


def parties_below(session: Session, party_id: str) -> set[str]:
    """``party_id`` and every party it holds shares in, directly or indirectly."""
    seen = {party_id}
    frontier = [party_id]
    while frontier:
        level: list[str] = []
        for start in range(0, len(frontier), 500):
            for (asset,) in session.execute(
                select(OwnershipRow.asset_id).where(
                    OwnershipRow.owner_id.in_(frontier[start : start + 500])
                )
            ):
                if asset not in seen:
                    seen.add(asset)
                    level.append(asset)
        frontier = level
    return seen


def accounts_owned_by(session: Session, party_ids: Iterable[str]) -> list[Account]:
    wanted = list(dict.fromkeys(party_ids))
    out: list[Account] = []
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(AccountRow).where(AccountRow.owner_id.in_(wanted[start : start + 500]))
        ).scalars()
        out += [_account(r) for r in rows]
    return out


def graph_above(session: Session, party_ids: Iterable[str]) -> tuple[GraphIndex, set[str]]:
    """The ownership graph restricted to ``party_ids`` and everything that owns them, directly
    or indirectly; returns it with that set of parties. Whether a party is restricted depends
    only on decisions on it and on its owners, so this is all the propagation it needs."""
    seen = set(party_ids)
    frontier = list(seen)
    edges: list[Ownership] = []
    while frontier:
        level: list[str] = []
        for start in range(0, len(frontier), 500):
            rows = session.execute(
                select(
                    OwnershipRow.id,
                    OwnershipRow.owner_id,
                    OwnershipRow.asset_id,
                    OwnershipRow.share,
                ).where(OwnershipRow.asset_id.in_(frontier[start : start + 500]))
            )
            for r in rows:
                edges.append(Ownership(r.id, r.owner_id, r.asset_id, r.share))
                if r.owner_id not in seen:
                    seen.add(r.owner_id)
                    level.append(r.owner_id)
        frontier = level
    return GraphIndex.build(edges, ()), seen


def to_decision(row: DecisionRow, lift: LiftRow | None) -> Decision:
    return Decision(
        id=row.id,
        subject_id=row.subject_id,
        subject_kind=row.subject_kind,
        rule_id=row.rule_id,
        policy_version=row.policy_version,
        restricts=tuple(row.restricts),
        reach=row.reach,
        threshold=row.threshold,
        facts=row.facts,
        evidence=tuple(row.evidence),
        territories=tuple(row.territories),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        automated_detection=row.automated_detection,
        automated_decision=row.automated_decision,
        author=row.author,
        created_at=row.created_at,
        lifted_at=lift.lifted_at if lift else None,
        lift_reason=lift.reason if lift else None,
        supersedes=row.supersedes,
        exempt=tuple(row.exempt or ()),
    )


def decision_row(d: Decision) -> DecisionRow:
    """The row that records ``d`` (its lift, if any, is a separate record)."""
    return DecisionRow(
        id=d.id,
        subject_id=d.subject_id,
        subject_kind=d.subject_kind,
        rule_id=d.rule_id,
        policy_version=d.policy_version,
        restricts=list(d.restricts),
        reach=d.reach,
        threshold=d.threshold,
        facts=d.facts,
        evidence=list(d.evidence),
        territories=list(d.territories),
        starts_at=d.starts_at,
        ends_at=d.ends_at,
        automated_detection=d.automated_detection,
        automated_decision=d.automated_decision,
        author=d.author,
        created_at=d.created_at,
        supersedes=d.supersedes,
        exempt=list(d.exempt) or None,
    )


def get_decision(session: Session, decision_id: str) -> Decision | None:
    row = session.get(DecisionRow, decision_id)
    if row is None:
        return None
    return to_decision(row, session.get(LiftRow, decision_id))


def all_decisions(session: Session) -> list[Decision]:
    rows = session.execute(
        select(DecisionRow, LiftRow)
        .outerjoin(LiftRow, LiftRow.decision_id == DecisionRow.id)
        .order_by(DecisionRow.created_at, DecisionRow.id)
    ).all()
    return [to_decision(d, lift) for d, lift in rows]


def find_decisions(
    session: Session,
    subject: str | None = None,
    rule: str | None = None,
    where: ColumnElement[bool] | None = None,
) -> list[Decision]:
    """Decisions (with their lifts), newest first, on ``subject`` and under ``rule`` if given,
    and meeting ``where`` (a principal's scope)."""
    query = select(DecisionRow, LiftRow).outerjoin(LiftRow, LiftRow.decision_id == DecisionRow.id)
    if where is not None:
        query = query.where(where)
    if subject is not None:
        query = query.where(DecisionRow.subject_id == subject)
    if rule is not None:
        query = query.where(DecisionRow.rule_id == rule)
    rows = session.execute(query.order_by(DecisionRow.created_at.desc(), DecisionRow.id)).all()
    return [to_decision(d, lift) for d, lift in rows]


def decisions_about(session: Session, subject_id: str) -> list[Decision]:
    return decisions_on(session, [subject_id])


def decisions_on(session: Session, subject_ids: Iterable[str]) -> list[Decision]:
    """Every decision (with its lift) whose subject is one of ``subject_ids``."""
    wanted = list(dict.fromkeys(subject_ids))
    out: list[Decision] = []
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(DecisionRow, LiftRow)
            .outerjoin(LiftRow, LiftRow.decision_id == DecisionRow.id)
            .where(DecisionRow.subject_id.in_(wanted[start : start + 500]))
        ).all()
        out += [to_decision(d, lift) for d, lift in rows]
    out.sort(key=lambda d: (d.created_at, d.id))
    return out
