"""The composition root: settings, engine, sessions, policy and clock, built in one place."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from standing.clock import Clock, SystemClock
from standing.policies.loader import load_policy
from standing.policies.model import Policy
from standing.settings import Settings
from standing.store.engine import make_engine, make_sessionmaker


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

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction. It first takes the audit head's row lock, so writers are
        serialised: audit events chain and changelog positions follow commit order."""
        with self.sessions() as session, session.begin():
            session.execute(text("UPDATE audit_head SET seq = seq WHERE id = 1"))
            yield session

    def close(self) -> None:
        self.engine.dispose()
