"""The unit of work: one write transaction, the principal acting in it, and the repository's
reads over its session, so that a service writes without passing the session and the actor's
id to every call.

``Services.write(actor)`` yields one: every write of a service is a unit of work of the
principal acting, a person's or, for what no person does, `standing.access.model.SYSTEM`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from standing.access.model import Principal
from standing.audit.chain import Event
from standing.audit.log import append
from standing.audit.tags import Action
from standing.decisions.model import Decision
from standing.decisions.propagation import GraphIndex
from standing.graph.model import Account, Party
from standing.store import repository


class Repositories:
    """The functions of `standing.store.repository` bound to one session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- the graph ---------------------------------------------------------------------------

    def parties_by_id(self, ids: Iterable[str]) -> dict[str, Party]:
        return repository.parties_by_id(self._session, ids)

    def get_party(self, party_id: str) -> Party | None:
        return repository.get_party(self._session, party_id)

    def get_account(self, account_id: str) -> Account | None:
        return repository.get_account(self._session, account_id)

    def accounts_by_id(self, account_ids: Iterable[str]) -> list[Account]:
        return repository.accounts_by_id(self._session, account_ids)

    def accounts_of(self, party_id: str) -> list[Account]:
        return repository.accounts_of(self._session, party_id)

    def accounts_owned_by(self, party_ids: Iterable[str]) -> list[Account]:
        return repository.accounts_owned_by(self._session, party_ids)

    def graph_index(self) -> GraphIndex:
        return repository.graph_index(self._session)

    def parties_below(self, party_id: str) -> set[str]:
        return repository.parties_below(self._session, party_id)

    def graph_above(self, party_ids: Iterable[str]) -> tuple[GraphIndex, set[str]]:
        return repository.graph_above(self._session, party_ids)

    # -- decisions ---------------------------------------------------------------------------

    def get_decision(self, decision_id: str) -> Decision | None:
        return repository.get_decision(self._session, decision_id)

    def all_decisions(self) -> list[Decision]:
        return repository.all_decisions(self._session)

    def find_decisions(
        self,
        subject: str | None = None,
        rule: str | None = None,
        where: ColumnElement[bool] | None = None,
    ) -> list[Decision]:
        return repository.find_decisions(self._session, subject, rule, where)

    def decisions_about(self, subject_id: str) -> list[Decision]:
        return repository.decisions_about(self._session, subject_id)

    def decisions_on(self, subject_ids: Iterable[str]) -> list[Decision]:
        return repository.decisions_on(self._session, subject_ids)


class UnitOfWork:
    """One write transaction on behalf of ``actor``: what it stores commits together, and
    every event it records is the actor's."""

    def __init__(self, session: Session, actor: Principal) -> None:
        self.session = session
        self.actor = actor
        self.repo = Repositories(session)

    def record(self, at: datetime, action: Action, subject: str, payload: Any) -> Event:
        """Append the audit event of this unit's act, attributed to its actor."""
        return append(self.session, at, self.actor.id, action, subject, payload)


@contextmanager
def unit_of_work(
    transaction: AbstractContextManager[Session], actor: Principal
) -> Iterator[UnitOfWork]:
    """``transaction`` (a write transaction's session) as a unit of work of ``actor``."""
    with transaction as session:
        yield UnitOfWork(session, actor)
