"""A gate following a SQLite file notices the file replaced (a restore by ``os.replace``),
moved or removed within its staleness bound, and reloads or turns stale as configured; the
store's id and its changelog position catch a copy restored in place."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from standing.bootstrap import Services
from standing.gate import Gate, GateOptions
from tests.gate import factories
from tests.gate.conftest import eventually

POLL = 0.02
BOUND = 2.0  # the staleness bound: every change below must be noticed well within it


def options(on_replaced: str = "reload", fail_closed: bool = True) -> GateOptions:
    return GateOptions(
        poll_interval_s=POLL,
        listen_timeout_s=POLL,
        stale_after_s=BOUND,
        on_replaced=on_replaced,
        fail_closed=fail_closed,
    )


@pytest.fixture
def sqlite_file(database_url: str) -> Iterator[tuple[Services, Path]]:
    if not database_url.startswith("sqlite"):
        pytest.skip("about a SQLite file")
    svc = factories.services(database_url, gate_poll_interval_s=POLL)
    factories.add_graph(svc, parties=["vendor", "other"], accounts=[("acc-1", "vendor")])
    yield svc, Path(str(make_url(database_url).database))
    svc.close()


def backup_of(path: Path, to: Path) -> Path:
    """A consistent copy of the database file, as a backup tool would take it."""
    import sqlite3

    source, target = sqlite3.connect(path), sqlite3.connect(to)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return to


def restore(backup: Path, path: Path) -> None:
    """A restore: the backup moved over the file, and the replaced file's write-ahead log and
    its index removed with it (they belong to the old file; SQLite would read them with the
    new one)."""
    os.replace(backup, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def test_a_file_replaced_by_a_backup_is_reloaded(
    sqlite_file: tuple[Services, Path], tmp_path: Path
) -> None:
    svc, path = sqlite_file
    backup = backup_of(path, tmp_path / "backup.db")  # before the decision
    factories.record(svc, factories.decision("dec-1", "vendor"))
    gate = Gate.from_database(f"sqlite:///{path}", options=options())
    try:
        assert not gate.allowed("acc-1", "ads.promote")
        position = gate.position
        restore(backup, path)
        assert eventually(lambda: gate.allowed("acc-1", "ads.promote"), timeout=BOUND)
        assert gate.position < position and not gate.stale
        # writes through the services' engine land in the restored file, and are followed
        factories.record(svc, factories.decision("dec-2", "vendor"))
        assert eventually(lambda: not gate.allowed("acc-1", "ads.promote"), timeout=BOUND)
        assert gate.check("acc-1", "ads.promote").decisions == ("dec-2",)
    finally:
        gate.close()


def test_a_replaced_file_can_fail_instead(
    sqlite_file: tuple[Services, Path], tmp_path: Path
) -> None:
    _svc, path = sqlite_file
    backup = backup_of(path, tmp_path / "backup.db")
    gate = Gate.from_database(f"sqlite:///{path}", options=options("fail"))
    try:
        assert gate.allowed("acc-1", "ads.promote")
        restore(backup, path)
        assert eventually(lambda: gate.stale, timeout=BOUND)
        verdict = gate.check("acc-1", "ads.promote")
        assert not verdict.allowed
        assert f"stale: database file {path} was replaced by another file" in verdict.reason
    finally:
        gate.close()


@pytest.mark.parametrize("how", ["moved", "removed"])
def test_a_moved_or_removed_file_turns_the_gate_stale(
    sqlite_file: tuple[Services, Path], tmp_path: Path, how: str
) -> None:
    _svc, path = sqlite_file
    gate = Gate.from_database(f"sqlite:///{path}", options=options(fail_closed=False))
    try:
        assert gate.allowed("acc-1", "ads.promote") and not gate.stale
        if how == "moved":
            shutil.move(path, tmp_path / "elsewhere.db")
        else:
            path.unlink()
        assert eventually(lambda: gate.stale, timeout=BOUND)
        verdict = gate.check("acc-1", "ads.promote")
        assert verdict.allowed  # failing open, as configured
        assert f"database file {path} was removed or moved away" in verdict.reason
        assert not path.exists()  # nothing was created in its place
        if how == "moved":  # put back: the same file, fresh again
            shutil.move(tmp_path / "elsewhere.db", path)
            assert eventually(lambda: not gate.stale, timeout=BOUND)
    finally:
        gate.close()


def test_a_copy_restored_in_place_is_noticed(
    sqlite_file: tuple[Services, Path], tmp_path: Path
) -> None:
    """Copied over the same file (same inode): the changelog went back, so it is reloaded."""
    svc, path = sqlite_file
    backup = backup_of(path, tmp_path / "backup.db")
    factories.record(svc, factories.decision("dec-1", "vendor"))
    gate = Gate.from_database(f"sqlite:///{path}", options=options())
    try:
        assert not gate.allowed("acc-1", "ads.promote")
        inode = path.stat().st_ino
        backup_of(backup, path)  # the online backup API writes into the file in place
        assert path.stat().st_ino == inode
        assert eventually(lambda: gate.allowed("acc-1", "ads.promote"), timeout=BOUND)
    finally:
        gate.close()


def test_another_database_is_noticed_by_its_id(svc: Services, database_url: str) -> None:
    """On either backend: a database answering at the same URL with another id."""
    factories.add_graph(svc, parties=["vendor"], accounts=[("acc-1", "vendor")])
    gate = Gate.from_database(database_url, options=options("fail"))
    try:
        with svc.engine.begin() as conn:
            conn.execute(text("UPDATE store_identity SET database_id = 'another'"))
        assert eventually(lambda: gate.stale, timeout=BOUND)
        assert "the database is another one now" in gate.check("acc-1", "ads.promote").reason
    finally:
        gate.close()


def test_a_snapshot_following_a_store_takes_it_as_found(
    svc: Services, database_url: str, tmp_path: Path
) -> None:
    """The first contact sets what the store is; only a later change is one."""
    factories.add_graph(svc, parties=["vendor"], accounts=[("acc-1", "vendor")])
    path = tmp_path / "gate.snap"
    Gate.from_database(database_url, follow=False).save(path)
    gate = Gate.from_snapshot(path, follow=database_url, options=options("fail"))
    try:
        factories.record(svc, factories.decision("dec-1", "vendor"))
        assert eventually(lambda: not gate.allowed("acc-1", "ads.promote"), timeout=BOUND)
        assert not gate.stale
    finally:
        gate.close()
