"""What services need of the composition root, as a protocol: settings, policy and clock,
read transactions and write ones (each a unit of work of its actor), and the engine and
sessions for the few that manage their own.

Services type against `Services` here; `standing.bootstrap.Services` builds the real parts
and satisfies it structurally (mypy checks each place one is passed), so that services
depend on this small port and never on the module that assembles them."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Protocol

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from standing.access.model import Principal
from standing.audit.chain import AuditKeys
from standing.clock import Clock
from standing.policies.model import Policy
from standing.settings import Settings
from standing.store.unit import UnitOfWork


class Services(Protocol):
    """The parts a service uses, built once per process by `standing.bootstrap`."""

    @property
    def settings(self) -> Settings: ...

    @property
    def policy(self) -> Policy: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def engine(self) -> Engine: ...

    @property
    def sessions(self) -> sessionmaker[Session]:
        """Sessions outside the audit lock, for writes that are no one's act (a token's last
        use, sign-in throttles) and the notify worker's own transactions."""
        ...

    @property
    def cache(self) -> dict[str, Any]:
        """Derived, rebuildable state kept for the process (screening indexes, audit keys)."""
        ...

    @property
    def audit_keys(self) -> AuditKeys: ...

    def read(self) -> AbstractContextManager[Session]:
        """A session for reading."""
        ...

    def write(self, actor: Principal) -> AbstractContextManager[UnitOfWork]:
        """One write transaction as a unit of work of ``actor``: the session, the actor and
        the repositories; serialised with every other writer by the audit head's row lock, its
        events keyed with `audit_keys` and attributed to ``actor``."""
        ...

    def close(self) -> None: ...
