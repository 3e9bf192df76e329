"""The advertiser's door under a large party: ``/standing`` render time for a contact whose
party owns ``--accounts`` accounts (1,000 by default).

A fresh database of each backend (a SQLite file; PostgreSQL with ``--postgres`` or
``STANDING_TEST_POSTGRES_URL``) gets, through ``standing import``'s service, a group: a parent
company owning ``--accounts`` accounts of its own and a subsidiary (60 %) with ten more. An
analyst records a decision on the parent (so every account is restricted, and the statement
lists them all), and a contact is bound to the parent. Then the contact's bearer token asks
for ``/standing`` (the home page: every capability of the party, and of the accounts it lists
in full) and ``/standing/decisions/{id}`` (the statement as issued, the appeals and the forms)
``--requests`` times each through the whole ASGI app in process; p50 and p95 are reported in
milliseconds. No server or network is timed; the figure is the app's own render time.

    python bench/portal.py [--accounts 1000] [--requests 60] [--postgres URL]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson
from fastapi.testclient import TestClient
from rich.console import Console
from rich.table import Table

from standing.access.service import NewUser, add_user, create_token
from standing.bootstrap import Services
from standing.decisions.service import DecisionRequest, record_decision
from standing.graph.importer import import_files
from standing.settings import Settings
from standing.store.engine import make_engine
from standing.store.migrate import upgrade
from standing.web.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._scratch import drop_database, scratch_database

PARENT = "Harbour Holdings GmbH"


def graph_file(tmp: Path, accounts: int) -> Path:
    path = tmp / "group.jsonl"
    with path.open("wb") as f:

        def put(entity: dict[str, Any]) -> None:
            f.write(orjson.dumps(entity) + b"\n")

        put({"id": "parent", "schema": "Company", "properties": {"name": [PARENT]}})
        put({"id": "sub", "schema": "Company", "properties": {"name": ["Harbour Retail GmbH"]}})
        put(
            {
                "id": "own-sub",
                "schema": "Ownership",
                "properties": {"owner": ["parent"], "asset": ["sub"], "percentage": ["60"]},
            }
        )
        for i in range(accounts):
            props = {"owner": ["parent"], "service": ["social"], "username": [f"@harbour{i}"]}
            put({"id": f"acc-{i:05d}", "schema": "UserAccount", "properties": props})
        for i in range(10):
            props = {"owner": ["sub"], "service": ["social"], "username": [f"@retail{i}"]}
            put({"id": f"sub-acc-{i}", "schema": "UserAccount", "properties": props})
    return path


def seed(url: str, accounts: int, tmp: Path) -> tuple[Services, str, str]:
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    services = Services.build(Settings(database_url=url, smtp_url=None))
    admin = add_user(services, None, NewUser("admin@portal.example", roles=("admin",)))
    analyst = add_user(services, admin, NewUser("analyst@portal.example", roles=("analyst",)))
    import_files(services, [graph_file(tmp, accounts)], analyst)
    recorded = record_decision(
        services,
        DecisionRequest(
            subject="parent",
            rule="deceptive-business-practices",
            facts=f"{PARENT} sold trials that silently became paid subscriptions in 41 "
            "documented cases between March and May 2026.",
            evidence=("chargeback report 2026-05",),
        ),
        analyst,
    )
    add_user(services, admin, NewUser("ads@harbour.example", parties=("parent",)))
    token = create_token(services, admin, user="ads@harbour.example").token
    return services, token, recorded.decision.id


def timed_gets(client: TestClient, path: str, token: str, n: int) -> list[float]:
    headers = {"authorization": f"Bearer {token}"}
    response = client.get(path, headers=headers)  # warm: templates compiled, caches filled
    if response.status_code != 200:
        raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")
    out = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(path, headers=headers)
        out.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(url: str, accounts: int, requests: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        services, token, decision = seed(url, accounts, Path(tmp))
        seeded = time.perf_counter() - started
        try:
            app = create_app(services=services)
            with TestClient(app) as client:
                home = timed_gets(client, "/standing", token, requests)
                page = timed_gets(client, f"/standing/decisions/{decision}", token, requests)
        finally:
            services.close()
    return {
        "accounts": accounts,
        "requests": requests,
        "seed_seconds": round(seeded, 1),
        "standing_p50_ms": round(statistics.median(home), 1),
        "standing_p95_ms": round(percentile(home, 0.95), 1),
        "decision_p50_ms": round(statistics.median(page), 1),
        "decision_p95_ms": round(percentile(page, 0.95), 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--postgres", default=os.environ.get("STANDING_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    results: dict[str, Any] = {"load": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "standing.db"
        results["sqlite"] = measure(f"sqlite:///{db}", args.accounts, args.requests)
    if args.postgres:
        name, url = scratch_database(args.postgres, "standing_bench_portal")
        try:
            results["postgres"] = measure(url, args.accounts, args.requests)
        finally:
            drop_database(args.postgres, name)
    sys.stdout.write(orjson.dumps(results, option=orjson.OPT_INDENT_2).decode() + "\n")
    table = Table(title=f"/standing for a contact whose party owns {args.accounts} accounts")
    for column in ("backend", "page", "p50 ms", "p95 ms"):
        table.add_column(column)
    for backend in ("sqlite", "postgres"):
        if backend in results:
            r = results[backend]
            table.add_row(
                backend, "/standing", str(r["standing_p50_ms"]), str(r["standing_p95_ms"])
            )
            table.add_row(
                backend,
                "/standing/decisions/{id}",
                str(r["decision_p50_ms"]),
                str(r["decision_p95_ms"]),
            )
    Console(stderr=True).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
