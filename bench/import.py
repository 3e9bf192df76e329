"""FtM JSON lines import rate on SQLite and PostgreSQL.

Writes a synthetic file (parties, ownership forest, accounts; seeded), imports it into a fresh
database of each backend with ``standing.graph.importer.import_files`` and prints JSON plus a
summary table. Target: >= 20,000 lines/s on SQLite.

    python bench/import.py [--lines 200000] [--postgres postgresql://postgres@127.0.0.1:5432/test]
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

import orjson
from rich.console import Console
from rich.table import Table
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from standing.access.model import Kind, Principal, Role
from standing.bootstrap import Services
from standing.graph.importer import import_files
from standing.settings import Settings
from standing.store.engine import make_engine, normalise_url
from standing.store.migrate import upgrade

WORDS = ["Alpha", "Beta", "Gamma", "Delta", "Nova", "Orion", "Vega", "Atlas", "Zenit", "Polar"]
FORMS = ["GmbH", "Ltd", "LLC", "AO", "OOO", "SA", "AG", "Inc", "K.K.", "BV"]


def write_file(path: Path, lines: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    parties = max(2, lines // 6)
    edges = parties - 1
    accounts = lines - parties - edges
    with path.open("wb") as out:
        for i in range(parties):
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {i} {rng.choice(FORMS)}"
            props = {"name": [name], "country": [rng.choice(["de", "gb", "us", "ru", "jp"])]}
            if i % 3 == 0:
                props["registrationNumber"] = [f"HRB {100000 + i}"]
            out.write(
                orjson.dumps({"id": f"p{i}", "schema": "Company", "properties": props}) + b"\n"
            )
        for i in range(1, parties):
            owner = rng.randrange(0, i)
            pct = rng.choice(["100", "51%", "60.0", "30", "75"])
            out.write(
                orjson.dumps(
                    {
                        "id": f"o{i}",
                        "schema": "Ownership",
                        "properties": {
                            "owner": [f"p{owner}"],
                            "asset": [f"p{i}"],
                            "percentage": [pct],
                        },
                    }
                )
                + b"\n"
            )
        for i in range(accounts):
            out.write(
                orjson.dumps(
                    {
                        "id": f"a{i}",
                        "schema": "UserAccount",
                        "properties": {
                            "owner": [f"p{rng.randrange(parties)}"],
                            "service": ["social"],
                            "username": [f"@user{i}"],
                        },
                    }
                )
                + b"\n"
            )
    return {"parties": parties, "ownerships": edges, "accounts": accounts}


#: The analyst the benchmark imports as.
IMPORTER = Principal(id="usr-bench", kind=Kind.STAFF, name="bench", roles=frozenset({Role.ANALYST}))


def measure(url: str, path: Path, lines: int) -> dict[str, float]:
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    services = Services.build(Settings(database_url=url))
    try:
        start = time.perf_counter()
        import_files(services, [path], actor=IMPORTER)
        elapsed = time.perf_counter() - start
    finally:
        services.close()
    return {"seconds": round(elapsed, 3), "lines_per_s": round(lines / elapsed)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "STANDING_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args()
    results: dict[str, object] = {"lines": args.lines}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.jsonl"
        results["composition"] = write_file(path, args.lines)
        results["sqlite"] = measure(f"sqlite:///{tmp}/bench.db", path, args.lines)
        base = normalise_url(args.postgres)
        name = f"standing_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        except Exception as exc:
            results["postgresql"] = {"error": str(exc).splitlines()[0]}
        else:
            try:
                url = make_url(base).set(database=name).render_as_string(hide_password=False)
                results["postgresql"] = measure(url, path, args.lines)
            finally:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    results["target_sqlite_lines_per_s"] = 20_000
    sys.stdout.buffer.write(orjson.dumps(results, option=orjson.OPT_INDENT_2) + b"\n")
    table = Table(
        "backend", "seconds", "lines/s", "target", title=f"FtM import, {args.lines:,} lines"
    )
    for backend in ("sqlite", "postgresql"):
        r = results.get(backend)
        if isinstance(r, dict) and "lines_per_s" in r:
            table.add_row(
                backend,
                str(r["seconds"]),
                f"{r['lines_per_s']:,}",
                ">= 20,000" if backend == "sqlite" else "",
            )
        elif isinstance(r, dict):
            table.add_row(backend, "-", "-", str(r.get("error")))
    Console(stderr=True).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
