"""Plain constructors for domain objects in tests, and a write transaction to arrange rows in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from standing.access.model import SYSTEM
from standing.decisions.model import Decision
from standing.ports import Services

T0 = datetime(2026, 1, 1, tzinfo=UTC)


@contextmanager
def written(services: Services) -> Iterator[Session]:
    """The session of a write transaction, for rows a test puts in place directly: a unit of
    work of standing's own, so an event the test appends names its own actor."""
    with services.write(SYSTEM) as work:
        yield work.session


def decision(
    id: str,
    subject: str,
    *,
    restricts: tuple[str, ...] = ("ads.promote",),
    reach: str = "controlled",
    threshold: float = 50.0,
    territories: tuple[str, ...] = (),
    subject_kind: str = "party",
    starts_at: datetime = T0,
    ends_at: datetime | None = None,
    lifted_at: datetime | None = None,
    rule_id: str = "rule",
    exempt: tuple[str, ...] = (),
) -> Decision:
    return Decision(
        id=id,
        subject_id=subject,
        subject_kind=subject_kind,
        rule_id=rule_id,
        policy_version="test",
        restricts=restricts,
        reach=reach,
        threshold=threshold,
        facts=f"The facts about {subject}, stated specifically for this test case.",
        evidence=(),
        territories=territories,
        starts_at=starts_at,
        ends_at=ends_at,
        automated_detection=False,
        automated_decision=False,
        author="test",
        created_at=starts_at,
        lifted_at=lifted_at,
        exempt=exempt,
    )
