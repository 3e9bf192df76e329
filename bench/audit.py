"""`standing audit verify` on a busy log: the hash chain and the state checked against it.

Builds a database through the services (a synthetic graph, then decisions, lifts and appeals
filed and decided; the first half of the decisions unkeyed, the rest under an audit key, as
when a key is set on a running system), then times ``verify_store``: the chain walk and the
state cross-check, each on its own. Prints JSON plus a summary table. There is no target in
DESIGN; the figures say what a verification costs per event and per row.

    python bench/audit.py [--decisions 3000] [--postgres postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import orjson
from pydantic import SecretStr
from rich.console import Console
from rich.table import Table
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from standing.access.model import Kind, Principal, Role
from standing.appeals.service import file_appeal, review_appeal
from standing.audit.chain import Walk
from standing.audit.log import verify_log
from standing.audit.state import check_state, verify_store
from standing.bootstrap import Services
from standing.decisions.service import DecisionRequest, lift_decision, record_decision
from standing.graph.importer import import_files
from standing.settings import Settings
from standing.store.engine import make_engine, normalise_url
from standing.store.migrate import upgrade

KEY = "bench audit key, kept outside the database"
#: Words for replies that differ from each other (the guard refuses a repeated reply).
WORDS = (
    "invoice ledger refund chargeback merchant customer courier warehouse supplier contract "
    "register audit statement receipt shipment tariff broker escrow payout dispute complaint "
    "regulator auditor notary trustee subsidiary affiliate licence permit renewal deadline "
    "quarter january february march april may june july august september october november "
    "december monday tuesday wednesday thursday friday berlin paris madrid vienna prague oslo "
    "helsinki lisbon dublin warsaw riga tallinn vilnius sofia athens rome zurich geneva lyon "
    "porto seville bremen hamburg munich cologne leipzig dresden turin milan naples genoa"
)
VOCABULARY = WORDS.split()


#: Who acts in the benchmark: an analyst records and lifts, a reviewer answers appeals.
ANALYST = Principal(
    id="usr-analyst", kind=Kind.STAFF, name="analyst", roles=frozenset({Role.ANALYST})
)
REVIEWER = Principal(
    id="usr-reviewer", kind=Kind.STAFF, name="reviewer", roles=frozenset({Role.REVIEWER})
)


def name(i: int) -> str:
    return f"Vendor Number {i} Trading GmbH"


def build(url: str, decisions: int, tmp: Path) -> dict[str, int]:
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    graph = tmp / "graph.jsonl"
    with graph.open("wb") as f:
        for i in range(decisions):
            f.write(
                orjson.dumps(
                    {"id": f"p{i}", "schema": "Company", "properties": {"name": [name(i)]}}
                )
                + b"\n"
            )
            account = {"owner": [f"p{i}"], "service": ["social"], "username": [f"@v{i}"]}
            f.write(
                orjson.dumps({"id": f"a{i}", "schema": "UserAccount", "properties": account})
                + b"\n"
            )
    counts = {"decisions": decisions, "lifts": 0, "appeals": 0}
    rng = random.Random(7)
    for keyed in (False, True):
        settings = Settings(database_url=url, audit_key=SecretStr(KEY) if keyed else None)
        services = Services.build(settings)
        try:
            if not keyed:
                import_files(services, [graph], ANALYST)
            half = range(decisions // 2, decisions) if keyed else range(decisions // 2)
            for i in half:
                recorded = record_decision(
                    services,
                    DecisionRequest(
                        subject=f"p{i}",
                        rule="deceptive-business-practices",
                        facts=f"{name(i)} sold trials that silently became paid subscriptions "
                        f"in {i + 3} documented cases.",
                        evidence=(f"chargeback report {i}",),
                    ),
                    ANALYST,
                )
                d = recorded.decision.id
                if i % 5 == 0:
                    lift_decision(services, d, f"Refunds for all {i + 3} cases are made.", ANALYST)
                    counts["lifts"] += 1
                elif i % 20 == 1:
                    appeal = file_appeal(
                        services,
                        d,
                        f"All {i + 3} cases were refunded to the customers last month.",
                        Principal(
                            id="usr-vendor",
                            kind=Kind.CONTACT,
                            name="vendor",
                            parties=frozenset({f"p{i}"}),
                        ),
                    )
                    review_appeal(
                        services,
                        appeal.id,
                        "upheld",
                        f'You write that "all {i + 3} cases were refunded"; the refund does not '
                        "reach the other cases; " + " ".join(rng.sample(VOCABULARY, 14)) + ".",
                        REVIEWER,
                    )
                    counts["appeals"] += 1
        finally:
            services.close()
    return counts


def measure(url: str, decisions: int, tmp: Path) -> dict[str, Any]:
    started = time.perf_counter()
    counts = build(url, decisions, tmp)
    built = time.perf_counter() - started
    services = Services.build(Settings(database_url=url, audit_key=SecretStr(KEY)))
    try:
        keys = services.audit_keys
        with services.read() as session:
            start = time.perf_counter()
            walk = Walk()
            events, broken = verify_log(session, keys, walk=walk)
            chain_s = time.perf_counter() - start
            start = time.perf_counter()
            state = check_state(session)
            state_s = time.perf_counter() - start
            start = time.perf_counter()
            whole = verify_store(session, keys)
            whole_s = time.perf_counter() - start
    finally:
        services.close()
    rows = sum(state.checked.values())
    return {
        **counts,
        "build_seconds": round(built, 1),
        "events": events,
        "keyed_from": walk.keyed_from,
        "ok": broken is None and whole.ok,
        "chain_seconds": round(chain_s, 3),
        "chain_events_per_s": round(events / chain_s),
        "state_rows": rows,
        "state_seconds": round(state_s, 3),
        "state_rows_per_s": round(rows / state_s),
        "verify_seconds": round(whole_s, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--decisions", type=int, default=3000)
    parser.add_argument("--postgres", default=os.environ.get("STANDING_TEST_POSTGRES_URL", ""))
    args = parser.parse_args()
    results: dict[str, Any] = {"decisions": args.decisions}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = measure(f"sqlite:///{tmp}/bench.db", args.decisions, Path(tmp))
        if args.postgres:
            base = normalise_url(args.postgres)
            db = f"standing_bench_{uuid.uuid4().hex[:8]}"
            admin = create_engine(base, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{db}"'))
            try:
                url = make_url(base).set(database=db).render_as_string(hide_password=False)
                results["postgresql"] = measure(url, args.decisions, Path(tmp))
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)'))
                admin.dispose()
    sys.stdout.buffer.write(orjson.dumps(results, option=orjson.OPT_INDENT_2) + b"\n")
    table = Table(
        "backend",
        "events",
        "chain s",
        "events/s",
        "state rows",
        "state s",
        "rows/s",
        "verify s",
        "ok",
        title=f"audit verify, {args.decisions:,} decisions (half keyed)",
    )
    for backend in ("sqlite", "postgresql"):
        r = results.get(backend)
        if isinstance(r, dict):
            table.add_row(
                backend,
                f"{r['events']:,}",
                str(r["chain_seconds"]),
                f"{r['chain_events_per_s']:,}",
                f"{r['state_rows']:,}",
                str(r["state_seconds"]),
                f"{r['state_rows_per_s']:,}",
                str(r["verify_seconds"]),
                str(r["ok"]),
            )
    Console(stderr=True).print(table)
    return (
        0
        if all(isinstance(r, dict) and r["ok"] for k, r in results.items() if k != "decisions")
        else 1
    )


if __name__ == "__main__":
    raise SystemExit(main())
