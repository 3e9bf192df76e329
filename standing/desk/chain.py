"""What the case page draws: the ownership chain from a decision's subject to the parties and
accounts the appellant speaks for (the appeal's scope when it has one, else the contact's
parties), read from the graph as it stands."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from standing.access.model import Permission, Principal, require
from standing.decisions.model import Decision
from standing.graph.chain import Chain, between, layout
from standing.ports import Services
from standing.store import repository as repo
from standing.store.access_tables import PrincipalPartyRow
from standing.store.tables import AccountRow, OwnershipRow

#: The most parties and accounts drawn; a chain longer than this is cut (and says so).
MOST_PARTIES = 30
MOST_ACCOUNTS = 6


def _edges(session: Session, parties: set[str]) -> list[tuple[str, str, float]]:
    wanted = sorted(parties)
    rows = session.execute(
        select(OwnershipRow.owner_id, OwnershipRow.asset_id, OwnershipRow.share)
        .where(OwnershipRow.owner_id.in_(wanted), OwnershipRow.asset_id.in_(wanted))
        .order_by(OwnershipRow.owner_id, OwnershipRow.asset_id)
    ).all()
    return [(o, a, float(s)) for o, a, s in rows]


def _appellant_parties(session: Session, principal_id: str) -> set[str]:
    return set(
        session.scalars(
            select(PrincipalPartyRow.party_id).where(PrincipalPartyRow.principal_id == principal_id)
        )
    )


def _path(session: Session, top: str, bottoms: set[str]) -> set[str]:
    """The parties on an ownership path from ``top`` down to any of ``bottoms`` (empty when
    none holds another)."""
    below = repo.parties_below(session, top)
    if not below & bottoms:
        return set()
    _, above = repo.graph_above(session, bottoms)
    return between(below, above, top, bottoms & below)


def ownership_chain(
    services: Services, decision: Decision, appellant: str, scope: str | None, viewer: Principal
) -> Chain:
    """The chain between ``decision``'s subject and what the case is about: the ``scope``
    (a party or account) when the appeal names one, else the appellant's parties and their
    accounts. Parties on a path either way (the subject holding the appellant's party, or
    the appellant's party holding the subject) are drawn with every ownership between them."""
    require(viewer, Permission.READ)
    with services.read() as session:
        subject_account = repo.get_account(session, decision.subject_id)
        top = subject_account.owner if subject_account else decision.subject_id
        account_targets: list[str] = []
        if scope is not None and (scoped := repo.get_account(session, scope)) is not None:
            account_targets = [scoped.id]
            targets = {scoped.owner} if scoped.owner else set()
        elif scope is not None:
            targets = {scope}
        else:
            targets = _appellant_parties(session, appellant)
        parties: set[str] = set()
        if top is not None and targets:
            parties = _path(session, top, targets)
            for target in sorted(targets):  # or the appellant's party holds the subject
                parties = parties or _path(session, target, {top})
        connected = bool(parties)
        parties = set(sorted(parties)[:MOST_PARTIES]) if connected else set(targets)
        if top is not None:
            parties.add(top)
        found = repo.parties_by_id(session, parties)
        labels = {p: found[p].caption if p in found else p for p in sorted(parties)}
        if subject_account is not None:
            accounts = [
                (
                    subject_account.id,
                    f"{subject_account.username} on {subject_account.service}",
                    subject_account.owner,
                )
            ]
            more = 0
        else:
            held = account_targets or [
                a.id for a in repo.accounts_owned_by(session, sorted(targets & parties))
            ]
            held = sorted(held)
            more = max(0, len(held) - MOST_ACCOUNTS)
            rows = session.scalars(
                select(AccountRow).where(AccountRow.id.in_(held[:MOST_ACCOUNTS]))
            ).all()
            accounts = [
                (r.id, f"{r.username} on {r.service}", r.owner_id)
                for r in sorted(rows, key=lambda r: r.id)
            ]
        ordered = [top, *sorted(parties - {top})] if top else sorted(parties)
        return layout(
            decision.subject_id,
            {p: labels[p] for p in ordered if p in labels},
            _edges(session, parties),
            accounts,
            {*targets, *account_targets},
            connected,
            more,
        )
