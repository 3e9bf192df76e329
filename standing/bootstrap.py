"""The composition root: settings, engine, sessions, policy and clock, built in one place.

`Services` implements `standing.ports.Services`, the protocol services type against; only
the composition roots (the CLI, the web app, the demo) import this module."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from standing.access.model import Principal
from standing.audit.chain import AuditKeys
from standing.audit.log import SESSION_KEYS
from standing.clock import Clock, SystemClock
from standing.policies.loader import load_policy
from standing.policies.model import Policy
from standing.settings import Settings
from standing.store.engine import make_engine, make_sessionmaker
from standing.store.unit import UnitOfWork, unit_of_work


@dataclass
class Services:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    policy: Policy
    clock: Clock = field(default_factory=SystemClock)
    cache: dict[str, Any] = field(default_factory=dict)  # derived, rebuildable state

    @classmethod
    def build(cls, settings: Settings, clock: Clock | None = None) -> Services:
        engine = make_engine(settings.database_url)
        return cls(
            settings=settings,
            engine=engine,
            sessions=make_sessionmaker(engine),
            policy=load_policy(settings.policies),
            clock=clock or SystemClock(),
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def write(self, actor: Principal) -> AbstractContextManager[UnitOfWork]:
        """One write transaction as a unit of work of ``actor``: it carries the session, the
        actor and the repositories."""
        return unit_of_work(self._transaction(), actor)

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """It first takes the audit head's row lock, so writers are serialised: audit events
        chain and changelog positions follow commit order."""
        with self.sessions() as session, session.begin():
            session.execute(text("UPDATE audit_head SET seq = seq WHERE id = 1"))
            session.info[SESSION_KEYS] = self.audit_keys  # read by audit.log.append
            yield session

    @property
    def audit_keys(self) -> AuditKeys:
        """The audit keys of ``STANDING_AUDIT_KEY`` (none: events are written unkeyed)."""
        keys = self.cache.get("audit_keys")
        if not isinstance(keys, AuditKeys):
            secret = self.settings.audit_key
            keys = AuditKeys.parse(secret.get_secret_value() if secret is not None else None)
            self.cache["audit_keys"] = keys
        return keys

    def close(self) -> None:
        self.engine.dispose()
