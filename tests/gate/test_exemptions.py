"""Exemptions through the gate's real paths: loaded from the database, followed from the
changelog (a decision lifted and its successor with an exemption recorded, as an appeal's
``exempted`` outcome writes them), and saved to and restored from a snapshot."""

from __future__ import annotations

from pathlib import Path

from standing.bootstrap import Services
from standing.gate import Gate, GateOptions
from tests.gate import factories
from tests.gate.conftest import eventually

OPTIONS = GateOptions(poll_interval_s=0.02, listen_timeout_s=0.5, stale_after_s=30)
GROUP = ["acc-parent", "acc-sub", "acc-sub-child", "acc-sibling"]


def group(svc: Services) -> None:
    """parent holds sub (100 %) and sibling (60 %); sub holds sub-child (70 %)."""
    factories.add_graph(
        svc,
        parties=["parent", "sub", "sub-child", "sibling"],
        ownerships=[
            ("parent", "sub", 100.0),
            ("parent", "sibling", 60.0),
            ("sub", "sub-child", 70.0),
        ],
        accounts=[(f"acc-{p}", p) for p in ("parent", "sub", "sub-child", "sibling")],
    )


def denied(gate: Gate) -> set[str]:
    return {a for a in GROUP if not gate.allowed(a, "ads.promote")}


def test_the_follower_applies_an_exemption(svc: Services, database_url: str) -> None:
    group(svc)
    factories.record(svc, factories.decision("dec-1", "parent"))
    gate = Gate.from_database(database_url, options=OPTIONS)
    try:
        assert denied(gate) == set(GROUP)
        factories.record(svc, factories.decision("dec-2", "parent", exempt=("sub",)))
        seq = factories.lift(svc, "dec-1")
        assert eventually(lambda: gate.position >= seq)
        assert denied(gate) == {"acc-parent", "acc-sibling"}
        assert gate.check("acc-sibling", "ads.promote").decisions == ("dec-2",)
        # a later decision on sub itself denies it again, exemption or not
        seq = factories.record(svc, factories.decision("dec-3", "sub", reach="subject"))
        assert eventually(lambda: gate.position >= seq)
        assert denied(gate) == {"acc-parent", "acc-sibling", "acc-sub"}
        assert gate.check("acc-sub", "ads.promote").decisions == ("dec-3",)
    finally:
        gate.close()


def test_exemptions_load_from_the_database_and_survive_a_snapshot(
    svc: Services, database_url: str, tmp_path: Path
) -> None:
    group(svc)
    factories.record(svc, factories.decision("dec-1", "parent", exempt=("sub", "acc-sibling")))
    gate = Gate.from_database(database_url, follow=False, options=OPTIONS)
    try:
        assert denied(gate) == {"acc-parent"}
        path = tmp_path / "gate.snapshot"
        gate.save(path)
    finally:
        gate.close()
    restored = Gate.from_snapshot(path)
    try:
        assert restored.decision("dec-1") is not None
        assert restored.decision("dec-1").exempt == ("sub", "acc-sibling")  # type: ignore[union-attr]
        assert denied(restored) == {"acc-parent"}
    finally:
        restored.close()
