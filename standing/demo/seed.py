"""The shipped demo scenario: the 2018 case and a few unrelated advertisers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import make_url

from standing.bootstrap import Services
from standing.decisions.service import DecisionRequest, record_decision
from standing.decisions.transparency import Disclosure
from standing.graph.importer import import_files
from standing.store.engine import make_engine, normalise_url
from standing.store.migrate import upgrade

DEMO_DIR = Path(__file__).resolve().parent
SCENARIO = DEMO_DIR / "scenario.jsonl"
DECISIONS = DEMO_DIR / "decisions.yaml"


def reset_database(url: str) -> None:
    """A SQLite demo database is recreated from scratch; a server database is migrated."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()


def demo_requests() -> list[DecisionRequest]:
    entries: list[dict[str, Any]] = yaml.safe_load(DECISIONS.read_text(encoding="utf-8"))
    return [
        DecisionRequest(
            subject=e["subject"],
            rule=e["rule"],
            facts=e["facts"],
            evidence=tuple(e.get("evidence", ())),
            territories=tuple(e.get("territories", ())),
            until=datetime.fromisoformat(e["until"]) if "until" in e else None,
            author=e["author"],
            disclosure=Disclosure(
                public_facts=e.get("public_facts"),
                legal_ground=e.get("legal_ground"),
                content_language=e.get("content_language"),
                origin=e.get("origin", "own_initiative"),
                source_identity=e.get("source_identity"),
            ),
        )
        for e in entries
    ]


def load_demo(services: Services) -> str:
    report = import_files(services, [SCENARIO], actor="demo")
    ids = [record_decision(services, r).decision.id for r in demo_requests()]
    totals = report.totals()
    return (
        f"demo loaded: {totals['parties']} parties, {totals['ownerships']} ownerships, "
        f"{totals['accounts']} accounts, {len(ids)} decisions ({', '.join(ids)})"
    )
