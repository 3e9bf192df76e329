"""Rows for gate tests, written the way the services write them: in a write transaction, with a
changelog entry in the same transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from standing.bootstrap import Services
from standing.decisions.model import Decision
from standing.settings import Settings
from standing.store.changelog import append_change
from standing.store.repository import decision_row
from standing.store.tables import AccountRow, LiftRow, OwnershipRow, PartyRow
from tests import factories

T0 = factories.T0


def services(url: str, **settings: object) -> Services:
    return Services.build(Settings(database_url=url, **settings))  # type: ignore[arg-type]


def add_graph(
    svc: Services,
    parties: Iterable[str] = (),
    ownerships: Iterable[tuple[str, str, float]] = (),
    accounts: Iterable[tuple[str, str | None]] = (),
) -> int:
    now = datetime.now(UTC)
    with factories.written(svc) as session:
        for p in parties:
            session.add(
                PartyRow(
                    id=p, schema="Company", caption=p, countries=[], properties={}, updated_at=now
                )
            )
        session.flush()
        for i, (owner, asset, share) in enumerate(ownerships):
            session.add(
                OwnershipRow(
                    id=f"own-{owner}-{asset}-{i}",
                    owner_id=owner,
                    asset_id=asset,
                    share=share,
                    updated_at=now,
                )
            )
        for account, owner in accounts:
            session.add(
                AccountRow(
                    id=account, owner_id=owner, service="social", username=account, updated_at=now
                )
            )
        session.flush()
        return append_change(session, "graph", None, now)


def decision(
    id: str,
    subject: str,
    kind: str = "party",
    restricts: tuple[str, ...] = ("ads.promote",),
    reach: str = "controlled",
    threshold: float = 50.0,
    territories: tuple[str, ...] = (),
    starts_at: datetime = T0,
    ends_at: datetime | None = None,
    exempt: tuple[str, ...] = (),
) -> Decision:
    """A decision under the barred-vendor rule (positional ``kind`` for the gate's tests)."""
    return factories.decision(
        id,
        subject,
        subject_kind=kind,
        restricts=restricts,
        reach=reach,
        threshold=threshold,
        territories=territories,
        starts_at=starts_at,
        ends_at=ends_at,
        rule_id="barred-vendor",
        exempt=exempt,
    )


def record(svc: Services, d: Decision) -> int:
    with factories.written(svc) as session:
        session.add(decision_row(d))
        session.flush()
        return append_change(session, "recorded", d.id, d.created_at)


def lift(svc: Services, decision_id: str, at: datetime | None = None) -> int:
    at = at or datetime.now(UTC)
    with factories.written(svc) as session:
        session.add(
            LiftRow(decision_id=decision_id, reason="lifted in a test", author="test", lifted_at=at)
        )
        session.flush()
        return append_change(session, "lifted", decision_id, at)
