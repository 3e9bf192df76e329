"""Load held, nothing lost: concurrent clients against `standing serve` on PostgreSQL.

A fresh PostgreSQL database (created on the server of ``--postgres``, dropped afterwards) gets
a generated graph through ``standing import`` (companies, one account each), staff and service
tokens, and advertiser contacts bound to the companies. Then one or two ``standing serve``
processes (``--servers``, on loopback ports, ``--no-worker``) and one ``standing worker``
(notification mail written as .eml files) run while ``--clients`` async clients (httpx, one
keep-alive connection each) spread over the servers do, for ``--seconds``:

- record a decision (analyst) on a company (facts naming the company and a figure);
- file an appeal (the contact bound to that company) against a decision that reached it;
- decide an appeal (reviewer), the reply quoting the appellant's text and adding a date;
- check 100 accounts for ``ads.promote`` (a service token with the scope ``check``).

Then it reports throughput, p50/p99 latency per route and the errors (any status but the
expected one, or a transport error; 0 expected), runs ``standing audit verify`` and counts
that every accepted write (decision, appeal, review) is in the database exactly once and
nothing else is.

    python bench/load.py [--postgres URL] [--seconds 60] [--clients 50] [--servers 1]

``--postgres`` defaults to ``STANDING_TEST_POSTGRES_URL``; without one the run is skipped
with a message (exit 0).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import orjson
from rich.console import Console
from rich.table import Table
from sqlalchemy import text

from standing.access.service import NewUser, add_user, create_token
from standing.bootstrap import Services
from standing.settings import Settings
from standing.store.engine import make_engine
from standing.store.migrate import upgrade

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._scratch import drop_database, free_port, scratch_database

RULE = "deceptive-business-practices"
CHECK_BATCH = 100
DAYS = ("3 March 2026", "17 April 2026", "9 June 2026", "28 August 2026", "14 October 2026")


def company(i: int) -> str:
    return f"Harbour Trading {i} GmbH"


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: dict[str, str] = field(default_factory=dict)
    decisions: list[str] = field(default_factory=list)
    appeals: list[str] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)


@dataclass
class World:
    parties: int
    analyst: str
    reviewer: str
    service: str
    contacts: dict[int, str]  # party index -> the token of the contact bound to it
    #: decisions not yet appealed: (decision id, party index)
    open_decisions: list[tuple[str, int]] = field(default_factory=list)
    #: appeals not yet decided: (appeal id, the appellant's text)
    open_appeals: list[tuple[str, str]] = field(default_factory=list)


def seed(url: str, parties: int, contacts: int, tmp: Path, env: dict[str, str]) -> World:
    """Migrate, import the graph through the CLI, and make the principals and tokens."""
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    services = Services.build(Settings(database_url=url))
    try:
        admin = add_user(services, None, NewUser("admin@load.example", roles=("admin",)))
        staff = {
            role: add_user(services, admin, NewUser(f"{role}@load.example", roles=(role,)))
            for role in ("analyst", "reviewer", "auditor")
        }
        graph = tmp / "graph.jsonl"
        with graph.open("wb") as f:
            for i in range(parties):
                entity = {"id": f"p{i}", "schema": "Company", "properties": {"name": [company(i)]}}
                f.write(orjson.dumps(entity) + b"\n")
                account = {"owner": [f"p{i}"], "service": ["social"], "username": [f"@h{i}"]}
                f.write(
                    orjson.dumps({"id": f"a{i}", "schema": "UserAccount", "properties": account})
                    + b"\n"
                )
        subprocess.run(
            ["standing", "import", str(graph), "--as", "analyst@load.example"],
            env={**env, "STANDING_DATABASE_URL": url},
            check=True,
            capture_output=True,
        )
        tokens = {
            role: create_token(services, admin, user=p.email).token
            for role, p in staff.items()
            if p.email
        }
        service = create_token(services, admin, service="adserver", scopes=("check",)).token
        by_party: dict[int, str] = {}
        for c in range(contacts):
            mine = tuple(f"p{i}" for i in range(c, parties, contacts))
            contact = add_user(
                services, admin, NewUser(f"contact{c}@advertiser.example", parties=mine)
            )
            token = create_token(services, admin, user=f"contact{c}@advertiser.example").token
            assert contact.email
            for i in range(c, parties, contacts):
                by_party[i] = token
    finally:
        services.close()
    return World(parties, tokens["analyst"], tokens["reviewer"], service, by_party)


async def timed(
    stats: Stats,
    route: str,
    client: httpx.AsyncClient,
    method: str,
    path: str,
    token: str,
    body: dict[str, Any],
    expected: int,
) -> dict[str, Any] | None:
    started = time.perf_counter()
    try:
        response = await client.request(
            method, path, json=body, headers={"Authorization": f"Bearer {token}"}
        )
    except httpx.HTTPError as exc:
        stats.errors[route] += 1
        stats.samples.setdefault(route, f"{type(exc).__name__}: {exc}")
        return None
    stats.latencies[route].append(time.perf_counter() - started)
    if response.status_code != expected:
        stats.errors[route] += 1
        stats.samples.setdefault(route, f"{response.status_code} {response.text[:300]}")
        return None
    result: dict[str, Any] = response.json()
    return result


async def client_loop(
    n: int, base: str, world: World, stats: Stats, deadline: float, rng: random.Random
) -> None:
    sent = 0
    async with httpx.AsyncClient(base_url=base, timeout=30.0) as client:
        while time.monotonic() < deadline:
            sent += 1
            roll = rng.random()
            if roll < 0.3 and world.open_appeals:
                appeal, quoted = world.open_appeals.pop(rng.randrange(len(world.open_appeals)))
                day = rng.choice(DAYS)
                reply = (
                    f'You wrote "{quoted}". The chargeback file of {day} lists the disputed '
                    f"orders by number, and none of them shows a refund reaching the customer."
                )
                if await timed(
                    stats,
                    "POST /appeals/{id}/review",
                    client,
                    "POST",
                    f"/api/v1/appeals/{appeal}/review",
                    world.reviewer,
                    {"outcome": "upheld", "reply": reply},
                    200,
                ):
                    stats.reviews.append(appeal)
            elif roll < 0.55 and world.open_decisions:
                decision, party = world.open_decisions.pop(rng.randrange(len(world.open_decisions)))
                cases = rng.randint(2, 90)
                appeal_text = (
                    f"All {cases} orders of {company(party)} named in the decision were refunded "
                    f"in full on {rng.choice(DAYS)}; bank statement {n}-{sent} shows each transfer."
                )
                filed = await timed(
                    stats,
                    "POST /appeals",
                    client,
                    "POST",
                    "/api/v1/appeals",
                    world.contacts[party],
                    {"decision": decision, "text": appeal_text},
                    201,
                )
                if filed:
                    stats.appeals.append(filed["id"])
                    world.open_appeals.append((filed["id"], appeal_text))
            elif roll < 0.8:
                party = rng.randrange(world.parties)
                cases = rng.randint(3, 400)
                facts = (
                    f"{company(party)} sold trials that silently became paid subscriptions in "
                    f"{cases} documented cases between {rng.choice(DAYS)} and {rng.choice(DAYS)}, "
                    f"complaint file {n}-{sent}."
                )
                body: dict[str, Any] = {
                    "subject": f"p{party}",
                    "rule": RULE,
                    "facts": facts,
                    "evidence": [f"chargeback report {n}-{sent}"],
                }
                made = await timed(
                    stats,
                    "POST /decisions",
                    client,
                    "POST",
                    "/api/v1/decisions",
                    world.analyst,
                    body,
                    201,
                )
                if made:
                    decision_id = made["decision"]["id"] if "decision" in made else made["id"]
                    stats.decisions.append(decision_id)
                    world.open_decisions.append((decision_id, party))
            else:
                accounts = [f"a{rng.randrange(world.parties)}" for _ in range(CHECK_BATCH)]
                await timed(
                    stats,
                    "POST /check",
                    client,
                    "POST",
                    "/api/v1/check",
                    world.service,
                    {"capability": "ads.promote", "accounts": accounts},
                    200,
                )


def wait_ready(base: str, proc: subprocess.Popen[bytes], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"standing serve on {base} exited with {proc.returncode}")
        try:
            if httpx.get(f"{base}/healthz", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"standing serve on {base} did not answer /healthz within {seconds:.0f} s")


def warm(base: str, world: World) -> None:
    """A dry-run decision and a check on a server, outside the timed run (nothing written)."""
    facts = f"{company(0)} sold trials that became paid subscriptions in 12 documented cases."
    with httpx.Client(base_url=base, timeout=60.0) as client:
        for _ in range(3):
            client.post(
                "/api/v1/decisions",
                json={"subject": "p0", "rule": RULE, "facts": facts, "dry_run": True},
                headers={"Authorization": f"Bearer {world.analyst}"},
            ).raise_for_status()
            client.post(
                "/api/v1/check",
                json={"capability": "ads.promote", "accounts": ["a0", "a1"]},
                headers={"Authorization": f"Bearer {world.service}"},
            ).raise_for_status()


def count_rows(url: str, stats: Stats) -> dict[str, Any]:
    """Every accepted write present exactly once, and nothing else written."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            decisions = [r[0] for r in conn.execute(text("SELECT id FROM decisions"))]
            appeals = [r[0] for r in conn.execute(text("SELECT id FROM appeals"))]
            decided = [
                r[0]
                for r in conn.execute(text("SELECT id FROM appeals WHERE decided_at IS NOT NULL"))
            ]
    finally:
        engine.dispose()

    def exactly_once(accepted: list[str], stored: list[str]) -> dict[str, Any]:
        return {
            "accepted": len(accepted),
            "stored": len(stored),
            "ok": sorted(accepted) == sorted(stored) and len(set(stored)) == len(stored),
        }

    return {
        "decisions": exactly_once(stats.decisions, decisions),
        "appeals": exactly_once(stats.appeals, appeals),
        "reviews": exactly_once(stats.reviews, decided),
    }


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(url: str, seconds: float, clients: int, servers: int, parties: int) -> dict[str, Any]:
    tmp = Path(tempfile.mkdtemp(prefix="standing-load-"))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "STANDING_DATABASE_URL": url,
        "STANDING_MAIL_DIR": str(tmp / "mail"),
    }
    world = seed(url, parties, max(1, min(50, parties)), tmp, env)
    ports = [free_port() for _ in range(servers)]
    procs: list[subprocess.Popen[bytes]] = []
    logs = []
    try:
        for port in ports:
            log = (tmp / f"serve-{port}.log").open("wb")
            logs.append(log)
            procs.append(
                subprocess.Popen(
                    [
                        "standing",
                        "serve",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        str(port),
                        "--no-worker",
                    ],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        worker_log = (tmp / "worker.log").open("wb")
        logs.append(worker_log)
        worker = subprocess.Popen(
            ["standing", "worker"], env=env, stdout=worker_log, stderr=subprocess.STDOUT
        )
        procs.append(worker)
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base, proc in zip(bases, procs, strict=False):
            wait_ready(base, proc)
        for base in bases:  # warm each server: the guard, the gate, the token cache
            warm(base, world)
        stats = Stats()
        rng = random.Random(13)

        async def drive() -> float:
            deadline = time.monotonic() + seconds
            started = time.perf_counter()
            await asyncio.gather(
                *(
                    client_loop(
                        n,
                        bases[n % len(bases)],
                        world,
                        stats,
                        deadline,
                        random.Random(rng.random()),
                    )
                    for n in range(clients)
                )
            )
            return time.perf_counter() - started

        elapsed = asyncio.run(drive())
        time.sleep(2.0)  # let the worker catch up before it is stopped
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        for log in logs:
            log.close()
    verify = subprocess.run(
        ["standing", "audit", "verify", "--as", "auditor@load.example"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    routes = {}
    total = 0
    for route in sorted(set(stats.latencies) | set(stats.errors)):
        values = stats.latencies.get(route, [])
        total += len(values)
        routes[route] = {
            "requests": len(values) + (stats.errors[route] if not values else 0),
            "per_s": round(len(values) / elapsed, 1),
            "p50_ms": round(percentile(values, 0.5) * 1000, 1),
            "p99_ms": round(percentile(values, 0.99) * 1000, 1),
            "mean_ms": round(statistics.fmean(values) * 1000, 1) if values else None,
            "errors": stats.errors.get(route, 0),
        }
    counts = count_rows(url, stats)
    mails = len(list((tmp / "mail").rglob("*.eml"))) if (tmp / "mail").exists() else 0
    return {
        "servers": servers,
        "clients": clients,
        "seconds": round(elapsed, 1),
        "requests_per_s": round(total / elapsed, 1),
        "errors": sum(stats.errors.values()),
        "error_samples": stats.samples,
        "routes": routes,
        "audit_verify_exit": verify.returncode,
        "audit_verify": (verify.stdout or verify.stderr).strip().splitlines()[:1],
        "writes": counts,
        "mails_written": mails,
        "ok": verify.returncode == 0 and all(c["ok"] for c in counts.values()) and not stats.errors,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--postgres", default=os.environ.get("STANDING_TEST_POSTGRES_URL", ""))
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--servers", type=int, default=1, choices=(1, 2))
    parser.add_argument("--parties", type=int, default=2000)
    args = parser.parse_args()
    console = Console(stderr=True)
    if not args.postgres:
        console.print("bench/load.py: skipped, give --postgres URL or STANDING_TEST_POSTGRES_URL")
        print(orjson.dumps({"skipped": "no PostgreSQL URL"}).decode())
        return 0
    name, url = scratch_database(args.postgres, "standing_load")
    try:
        result = run(url, args.seconds, args.clients, args.servers, args.parties)
    finally:
        drop_database(args.postgres, name)
    print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())
    table = Table(
        title=f"load: {result['clients']} clients, {result['servers']} serve process(es), "
        f"{result['seconds']} s on PostgreSQL"
    )
    for column in ("route", "requests/s", "p50 ms", "p99 ms", "errors"):
        table.add_column(column, justify="left" if column == "route" else "right")
    for route, r in result["routes"].items():
        table.add_row(route, str(r["per_s"]), str(r["p50_ms"]), str(r["p99_ms"]), str(r["errors"]))
    table.add_row("all", str(result["requests_per_s"]), "", "", str(result["errors"]))
    console.print(table)
    writes = ", ".join(
        f"{k} {v['stored']}/{v['accepted']}{'' if v['ok'] else ' MISMATCH'}"
        for k, v in result["writes"].items()
    )
    console.print(
        f"audit verify exit {result['audit_verify_exit']}; stored/accepted: {writes}; "
        f"mails written {result['mails_written']}; ok={result['ok']}"
    )
    for route, sample in result["error_samples"].items():
        console.print(f"first error on {route}: {sample}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
