"""A list import killed at any point and run again leaves exactly what one clean run leaves.

Each case runs the real ``standing lists import`` in a child process that kills itself
(SIGKILL, no clean-up of any kind) when it reaches a given step: before the version is
stored, between storing the entries and screening, while opening hits, between the commit and
the automatic decisions, inside a decision's transaction, and while building the new
version's index. The database is then compared with one where the same import ran once
without interruption.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from standing.access.model import Principal
from standing.access.service import NewUser, add_user
from standing.bootstrap import Services
from standing.clock import SystemClock
from standing.graph.importer import import_files
from standing.screening.service import import_list
from standing.settings import Settings
from standing.store.screening_tables import HitRow, ListEntryRow, ListVersionRow
from standing.store.tables import DecisionRow, EventRow

ROOT = Path(__file__).resolve().parents[2]

#: Kills the process when ``standing.screening.service.<name>`` is called the nth time, then
#: runs the CLI with the remaining arguments.
KILLER = """
import os, signal, sys
from standing.screening import service
name, nth = sys.argv[1], int(sys.argv[2])
real = getattr(service, name)
calls = [0]
def trap(*args, **kwargs):
    calls[0] += 1
    if calls[0] >= nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
setattr(service, name, trap)
sys.argv = ["standing", *sys.argv[3:]]
from standing.cli import main
main()
"""

#: (step, function of the service module, call at which the process dies)
STEPS = [
    ("before the version is stored", "_close_hits", 1),
    ("while the entries are written", "insert", 1),
    ("after the entries, before screening", "PartyIndex", 1),
    ("while hits are opened", "_store_hits_in", 1),
    ("after the commit, before the automatic decisions", "review_hit", 1),
    ("inside an automatic decision's transaction", "hit_facts", 1),
    ("while the new version's index is built", "Screener", 1),
]

PARTIES = [
    {
        "id": "p-vtb",
        "schema": "Company",
        "properties": {"name": ["VTB Bank PJSC"], "swiftBic": ["VTBRRUMM"], "country": ["ru"]},
    },
    {"id": "p-rosneft", "schema": "Company", "properties": {"name": ["Rosneft Oil Company"]}},
    {
        "id": "p-rshb",
        "schema": "Company",
        "properties": {"name": ["Russian Agricultural Bank JSC"], "country": ["ru"]},
    },
    {"id": "p-other", "schema": "Company", "properties": {"name": ["Northwind Traders Ltd"]}},
]


ANALYST_EMAIL = "analyst@test.example"


def _parties(services: Services, tmp_path: Path) -> Principal:
    """The first admin and an analyst (the same events in every database), then the parties
    imported by the analyst, who is returned."""
    admin = add_user(services, None, NewUser("admin@test.example", roles=("admin",)))
    analyst = add_user(services, admin, NewUser(ANALYST_EMAIL, roles=("analyst",)))
    path = tmp_path / "parties.jsonl"
    path.write_bytes(b"".join(orjson.dumps(p) + b"\n" for p in PARTIES))
    import_files(services, [path], actor=analyst)
    return analyst


def _state(services: Services) -> dict[str, Any]:
    """Everything an import writes, without ids and times that differ between runs."""
    with services.read() as session:
        numbers = dict(session.execute(select(ListVersionRow.id, ListVersionRow.number)).all())
        return {
            "versions": sorted(
                (v.source, v.number, v.format, v.sha256, v.entries, v.added, v.removed, v.changed)
                for v in session.scalars(select(ListVersionRow))
            ),
            "entries": sorted(
                (numbers[v], e, d)
                for v, e, d in session.execute(
                    select(ListEntryRow.version_id, ListEntryRow.entry_id, ListEntryRow.digest)
                )
            ),
            "hits": sorted(
                (
                    h.party_id,
                    h.source,
                    h.entry_id,
                    numbers[h.version_id],
                    h.entry_digest,
                    round(h.score, 6),
                    h.by_identifier,
                    h.status,
                    h.decision_id is not None,
                )
                for h in session.scalars(select(HitRow))
            ),
            "decisions": sorted(
                (d.subject_id, d.rule_id) for d in session.scalars(select(DecisionRow))
            ),
            "events": list(session.scalars(select(EventRow.action).order_by(EventRow.seq))),
        }


def _cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["STANDING_SCREENING_CACHE"] = str(tmp_path / "screeners")
    env["PYTHONPATH"] = str(ROOT)
    env["STANDING_AS"] = ANALYST_EMAIL
    return env


def _import_args(url: str, data: Path) -> list[str]:
    return [
        "lists",
        "import",
        "--source",
        "us_ofac_cons",
        str(data / "us_ofac_cons_prim_2025-12.csv"),
        "--database",
        url,
        "--json",
    ]


@pytest.fixture
def clean(
    services: Services, tmp_path_factory: pytest.TempPathFactory, shared_data: Path
) -> dict[str, Any]:
    """The state one uninterrupted import leaves (on a database of the same backend)."""
    tmp = tmp_path_factory.mktemp("clean")
    analyst = _parties(services, tmp)
    path = shared_data / "us_ofac_cons_prim_2025-12.csv"
    import_list(services, "us_ofac_cons", [path], None, analyst)
    state = _state(services)
    assert state["versions"] and state["hits"] and state["decisions"]  # the case is meaningful
    return state


@pytest.mark.parametrize(("step", "function", "nth"), STEPS, ids=[s[0] for s in STEPS])
def test_a_killed_import_run_again_leaves_what_one_clean_run_leaves(
    step: str,
    function: str,
    nth: int,
    clean: dict[str, Any],
    second_database: str,
    tmp_path: Path,
    shared_data: Path,
) -> None:
    url = second_database
    services = Services.build(Settings(database_url=url), clock=SystemClock())
    try:
        analyst = _parties(services, tmp_path)
        before = _state(services)
        env = _cli_env(tmp_path)
        killed = subprocess.run(
            [
                sys.executable,
                "-c",
                KILLER,
                function,
                str(nth),
                *_import_args(url, shared_data),
            ],
            env=env,
            capture_output=True,
            check=False,
        )
        assert killed.returncode == -signal.SIGKILL, (step, killed.stderr.decode()[-2000:])
        after_kill = _state(services)
        committed = bool(after_kill["versions"])
        if not committed:
            assert after_kill == before  # nothing of the version, no hit, no event
        again = subprocess.run(
            [sys.executable, "-m", "standing", *_import_args(url, shared_data)],
            env=env,
            capture_output=True,
            check=False,
        )
        assert again.returncode == 0, again.stderr.decode()
        report = orjson.loads(again.stdout)
        assert report["unchanged"] is committed
        if committed:
            assert report["hits"] == 0
        assert _state(services) == clean, step
        # and once more, plain and forced: nothing more is opened or decided
        path = shared_data / "us_ofac_cons_prim_2025-12.csv"
        same = import_list(services, "us_ofac_cons", [path], None, analyst)
        assert same.unchanged and same.hits == 0 and not same.decisions
        forced = import_list(services, "us_ofac_cons", [path], None, analyst, force=True)
        assert not forced.unchanged and forced.hits == 0 and not forced.decisions
        assert not (forced.diff.added or forced.diff.removed or forced.diff.changed)
        final = _state(services)
        assert final["hits"] == clean["hits"] and final["decisions"] == clean["decisions"]
    finally:
        services.close()


@pytest.fixture
def second_database(
    request: pytest.FixtureRequest, database_url: str, tmp_path: Path
) -> Iterator[str]:
    """A second empty, migrated database on the backend of ``database_url``."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        fresh = tmp_path / "killed.db"
        shutil.copyfile(template, fresh)
        yield f"sqlite:///{fresh}"
        return
    template_name: str = request.getfixturevalue("postgres_template")
    name = f"{url.database}_k"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
