"""The in-process API on small data: verdicts, unknown accounts, territories, batches and
handles, snapshots."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from standing.gate import Gate, GateOptions
from standing.gate.model import GateDecision, GraphData
from standing.gate.sources.snapshot import SnapshotError
from tests.gate.conftest import MutableClock, eventually

NOW = datetime(2026, 6, 1, tzinfo=UTC)
T = NOW.timestamp()
GRAPH = GraphData(
    parties=["group", "sub", "jv", "owner"],
    ownerships=[("group", "sub", 75.0), ("group", "jv", 30.0), ("owner", "group", 100.0)],
    accounts=[
        ("acc-group", "group"),
        ("acc-sub", "sub"),
        ("acc-jv", "jv"),
        ("acc-owner", "owner"),
        ("acc-loose", None),
    ],
)


def dec(i: str, subject: str, **kw: object) -> GateDecision:
    fields: dict[str, object] = {
        "subject_kind": "party",
        "restricts": ("ads.promote",),
        "reach": "controlled",
        "threshold": 50.0,
        "territories": (),
        "starts_at": T - 3600,
    }
    fields.update(kw)
    return GateDecision(i, subject, **fields)  # type: ignore[arg-type]


@pytest.fixture
def gate() -> Gate:
    decisions = [
        dec("dec-group", "group"),
        dec("dec-de", "jv", territories=("DE",), restricts=("ads.promote", "ads.political")),
        dec("dec-acc", "acc-loose", subject_kind="account", restricts=("marketplace.sell",)),
    ]
    g = Gate.from_data(GRAPH, decisions, position=7, clock=MutableClock(NOW))
    yield g
    g.close()


def test_allowed_and_check(gate: Gate) -> None:
    assert not gate.allowed("acc-group", "ads.promote")
    assert not gate.allowed("acc-sub", "ads.promote")
    assert gate.allowed("acc-owner", "ads.promote")
    assert gate.allowed("acc-group", "organic.post")
    verdict = gate.check("acc-sub", "ads.promote")
    assert verdict.allowed is False
    assert verdict.decisions == ("dec-group",)
    assert verdict.as_of == 7
    assert not verdict.unknown
    assert gate.check("acc-owner", "ads.promote").decisions == ()
    assert not gate.allowed("acc-loose", "marketplace.sell")


def test_territories(gate: Gate) -> None:
    assert not gate.allowed("acc-jv", "ads.promote")  # no territory: every decision counts
    assert not gate.allowed("acc-jv", "ads.promote", "DE")
    assert gate.allowed("acc-jv", "ads.promote", "FR")
    assert gate.allowed("acc-jv", "ads.promote", "XX")  # unseen territory: global only
    assert not gate.allowed("acc-group", "ads.promote", "XX")
    assert not gate.allowed("acc-jv", "ads.political", "DE")
    assert gate.allowed("acc-jv", "ads.political", "FR")
    assert gate.check("acc-jv", "ads.promote", "DE").decisions == ("dec-de",)
    # a code in lower case is the same territory: never fail open on its spelling
    assert not gate.allowed("acc-jv", "ads.promote", "de")
    assert not gate.allowed("acc-jv", "ads.promote", " De ")
    assert gate.check("acc-jv", "ads.promote", "de").decisions == ("dec-de",)
    assert not gate.allowed_many(["acc-jv", "acc-group"], "ads.promote", "de").any()
    assert not gate.allowed_many(gate.handles(["acc-jv"]), "ads.promote", "de").any()
    assert gate.batch_view("ads.promote", "de").decisions("acc-jv") == ("dec-de",)


def test_unknown_accounts_follow_the_setting() -> None:
    decisions = [dec("dec-group", "group")]
    for unknown_allowed in (True, False):
        g = Gate.from_data(GRAPH, decisions, options=GateOptions(unknown_allowed=unknown_allowed))
        try:
            assert g.allowed("nobody", "ads.promote") is unknown_allowed
            assert g.allowed("nobody", "organic.post") is unknown_allowed
            assert g.allowed("acc-owner", "organic.post")
            verdict = g.check("nobody", "ads.promote")
            assert verdict.unknown and verdict.allowed is unknown_allowed
            assert "unknown" in verdict.reason
            many = g.allowed_many(["acc-sub", "nobody", "acc-owner"], "ads.promote")
            assert many.tolist() == [False, unknown_allowed, True]
            h = g.handles(["nobody"])
            assert h.tolist() == [-1]
            assert g.allowed_many(h, "ads.promote").tolist() == [unknown_allowed]
        finally:
            g.close()


def test_allowed_many_keeps_input_order(gate: Gate) -> None:
    ids = ["acc-owner", "acc-sub", "acc-jv", "acc-group", "acc-owner", "nobody"]
    by_id = gate.allowed_many(ids, "ads.promote")
    assert by_id.dtype == np.bool_
    assert by_id.tolist() == [gate.allowed(a, "ads.promote") for a in ids]
    handles = gate.handles(ids)
    assert handles.dtype == np.int64
    assert gate.allowed_many(handles, "ads.promote").tolist() == by_id.tolist()
    assert gate.allowed_many(iter(ids), "ads.promote", "FR").tolist() == [
        gate.allowed(a, "ads.promote", "FR") for a in ids
    ]
    assert gate.allowed_many(handles, "organic.post").all()


def test_static_gate_keeps_time() -> None:
    clock = MutableClock(NOW)
    g = Gate.from_data(
        GRAPH,
        [dec("dec-group", "group", ends_at=T + 60), dec("dec-later", "owner", starts_at=T + 120)],
        clock=clock,
        options=GateOptions(poll_interval_s=0.01),
    )
    try:
        assert not g.allowed("acc-sub", "ads.promote")
        assert g.allowed("acc-owner", "ads.promote")
        clock.at = NOW + timedelta(seconds=90)
        assert eventually(lambda: g.allowed("acc-sub", "ads.promote"))
        clock.at = NOW + timedelta(seconds=150)
        assert eventually(lambda: not g.allowed("acc-owner", "ads.promote"))
    finally:
        g.close()


def test_snapshot_round_trip(gate: Gate, tmp_path: Path) -> None:
    path = tmp_path / "gate.snap"
    gate.save(path)
    loaded = Gate.from_snapshot(path, clock=MutableClock(NOW))
    try:
        assert loaded.position == 7
        ids = [a for a, _ in GRAPH.accounts] + ["nobody"]
        for capability in ("ads.promote", "ads.political", "marketplace.sell", "organic.post"):
            for territory in (None, "DE", "FR"):
                assert loaded.allowed_many(ids, capability, territory).tolist() == (
                    gate.allowed_many(ids, capability, territory).tolist()
                )
                for a in ids:
                    assert loaded.check(a, capability, territory) == gate.check(
                        a, capability, territory
                    )
    finally:
        loaded.close()


def test_damaged_snapshot_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.snap"
    bad.write_bytes(b"not a snapshot at all")
    with pytest.raises(SnapshotError, match="bad magic"):
        Gate.from_snapshot(bad)
    truncated = tmp_path / "truncated.snap"
    truncated.write_bytes(b"STGATE01" + (100).to_bytes(8, "little") + b"{")
    with pytest.raises(SnapshotError):
        Gate.from_snapshot(truncated)


def test_a_capability_outside_the_catalogue_is_an_error_not_an_allow() -> None:
    options = GateOptions(capabilities=frozenset({"ads.promote", "organic.post"}))
    g = Gate.from_data(GRAPH, [dec("dec-group", "group")], options=options)
    try:
        assert g.allowed("acc-owner", "organic.post")  # in the catalogue, nothing restricts it
        for call in (
            lambda: g.allowed("acc-group", "ads.promot"),
            lambda: g.check("acc-group", "ads.promot"),
            lambda: g.allowed_many(["acc-group"], "ads.promot"),
            lambda: g.allowed_many(g.handles(["acc-group"]), "ads.promot"),
        ):
            with pytest.raises(ValueError, match=r"unknown capability 'ads\.promot'"):
                call()
    finally:
        g.close()


@pytest.mark.parametrize("territory", ["", "DEU", "Germany", "D1"])
def test_a_malformed_territory_is_an_error_not_another_territory(
    gate: Gate, territory: str
) -> None:
    with pytest.raises(ValueError, match="not an ISO 3166-1 alpha-2 code"):
        gate.allowed("acc-jv", "ads.promote", territory)
    with pytest.raises(ValueError, match="not an ISO 3166-1 alpha-2 code"):
        gate.check("acc-jv", "ads.promote", territory)


def test_handles_out_of_range_are_refused_and_lists_of_handles_work(gate: Gate) -> None:
    handles = gate.handles(["acc-sub", "acc-owner", "nobody"])
    expected = [False, True, True]
    assert gate.allowed_many(handles, "ads.promote").tolist() == expected
    assert gate.allowed_many(handles.tolist(), "ads.promote").tolist() == expected
    for bad in ([-2], [len(GRAPH.accounts)]):
        with pytest.raises(ValueError, match="handles must be -1"):
            gate.allowed_many(np.asarray(bad, np.int64), "ads.promote")


def test_options_default_to_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STANDING_GATE_UNKNOWN_ALLOWED", "false")
    monkeypatch.setenv("STANDING_GATE_STALE_AFTER_S", "9")
    g = Gate.from_data(GRAPH, [dec("dec-group", "group")])
    try:
        assert g.options.stale_after_s == 9 and g.options.listen_timeout_s == 0.1
        assert "marketplace.sell" in g.options.capabilities  # the shipped catalogue
        assert not g.allowed("nobody", "ads.promote")
    finally:
        g.close()


def test_a_stale_bound_shorter_than_two_polls_is_refused() -> None:
    with pytest.raises(ValueError, match="at least twice"):
        GateOptions(stale_after_s=0.5, listen_timeout_s=1.0)
