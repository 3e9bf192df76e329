"""Plain constructors for domain objects in tests."""

from __future__ import annotations

from datetime import UTC, datetime

from standing.decisions.model import Decision

T0 = datetime(2026, 1, 1, tzinfo=UTC)


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
