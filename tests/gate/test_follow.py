"""A following gate picks up what is committed after it started, on SQLite (polling) and
PostgreSQL (LISTEN/NOTIFY): decisions, lifts, graph changes, and the passing of end times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from standing.bootstrap import Services
from standing.gate import Gate, GateOptions
from tests.gate import factories
from tests.gate.conftest import MutableClock, eventually

OPTIONS = GateOptions(poll_interval_s=0.02, listen_timeout_s=0.5, stale_after_s=30)


def test_new_decision_and_lift_are_enforced(svc: Services, database_url: str) -> None:
    factories.add_graph(
        svc,
        parties=["vendor", "sub", "person"],
        ownerships=[("vendor", "sub", 80.0), ("person", "vendor", 100.0)],
        accounts=[("acc-vendor", "vendor"), ("acc-sub", "sub"), ("acc-person", "person")],
    )
    gate = Gate.from_database(database_url, options=OPTIONS)
    try:
        assert gate.allowed("acc-sub", "ads.promote")
        seq = factories.record(svc, factories.decision("dec-1", "vendor"))
        assert eventually(lambda: not gate.allowed("acc-sub", "ads.promote"))
        verdict = gate.check("acc-sub", "ads.promote")
        assert verdict.decisions == ("dec-1",)
        assert verdict.as_of >= seq
        assert not gate.allowed("acc-vendor", "ads.promote")
        assert gate.allowed("acc-person", "ads.promote")  # no upward spread
        assert gate.allowed("acc-sub", "organic.post")
        seq = factories.lift(svc, "dec-1")
        assert eventually(lambda: gate.allowed("acc-sub", "ads.promote"))
        assert gate.position >= seq
    finally:
        gate.close()


def test_graph_changes_are_followed(svc: Services, database_url: str) -> None:
    factories.add_graph(svc, parties=["vendor"], accounts=[("acc-1", "vendor")])
    factories.record(svc, factories.decision("dec-1", "vendor"))
    gate = Gate.from_database(database_url, options=OPTIONS)
    try:
        assert not gate.allowed("acc-1", "ads.promote")
        handles = gate.handles(["acc-1", "acc-2"])
        assert handles.tolist() == [0, -1]
        assert gate.check("acc-2", "ads.promote").unknown
        factories.add_graph(
            svc, parties=["sub"], ownerships=[("vendor", "sub", 60.0)], accounts=[("acc-2", "sub")]
        )
        assert eventually(lambda: not gate.allowed("acc-2", "ads.promote"))
        assert gate.handles(["acc-1"]).tolist() == [0]  # handles survive a reload
        assert gate.check("acc-2", "ads.promote").decisions == ("dec-1",)
    finally:
        gate.close()


def test_expired_decision_stops_denying_without_a_write(svc: Services, database_url: str) -> None:
    clock = MutableClock(datetime.now(UTC))
    factories.add_graph(svc, parties=["vendor"], accounts=[("acc-1", "vendor")])
    factories.record(
        svc,
        factories.decision(
            "dec-1",
            "vendor",
            starts_at=clock.at - timedelta(days=1),
            ends_at=clock.at + timedelta(hours=1),
        ),
    )
    gate = Gate.from_database(database_url, options=OPTIONS, clock=clock)
    try:
        assert not gate.allowed("acc-1", "ads.promote")
        position = gate.position
        clock.at += timedelta(hours=2)
        assert eventually(lambda: gate.allowed("acc-1", "ads.promote"))
        assert gate.position == position  # nothing was written
    finally:
        gate.close()


def test_scheduled_decision_starts_on_time(svc: Services, database_url: str) -> None:
    clock = MutableClock(datetime.now(UTC))
    factories.add_graph(svc, parties=["vendor"], accounts=[("acc-1", "vendor")])
    factories.record(
        svc, factories.decision("dec-1", "vendor", starts_at=clock.at + timedelta(hours=1))
    )
    gate = Gate.from_database(database_url, options=OPTIONS, clock=clock)
    try:
        assert gate.allowed("acc-1", "ads.promote")
        clock.at += timedelta(hours=2)
        assert eventually(lambda: not gate.allowed("acc-1", "ads.promote"))
    finally:
        gate.close()


def test_snapshot_then_follow(svc: Services, database_url: str, tmp_path: Path) -> None:
    factories.add_graph(svc, parties=["vendor"], accounts=[("acc-1", "vendor"), ("acc-2", None)])
    factories.record(svc, factories.decision("dec-1", "vendor"))
    path = tmp_path / "gate.snap"
    Gate.from_database(database_url, follow=False).save(path)
    gate = Gate.from_snapshot(path, follow=database_url, options=OPTIONS)
    try:
        assert not gate.allowed("acc-1", "ads.promote")
        factories.record(svc, factories.decision("dec-2", "acc-2", kind="account"))
        assert eventually(lambda: not gate.allowed("acc-2", "ads.promote"))
        assert gate.check("acc-2", "ads.promote").decisions == ("dec-2",)
    finally:
        gate.close()
