"""The shipped demo scenario: the 2018 case and a few unrelated advertisers."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import make_url

from standing.access.model import Principal
from standing.access.service import NewUser, add_user
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


#: The demo's people: staff with each role, and a contact of the Japanese subsidiary. They
#: all sign in to the pages with `DEMO_PASSWORD`; on the CLI, `--as EMAIL`.
DEMO_PASSWORD = "standing-demo"  # noqa: S105 - printed by `standing demo`, for the demo only
DEMO_USERS: tuple[NewUser, ...] = (
    NewUser("admin@standing.example", roles=("admin",), name="Ada Admin"),
    NewUser("analyst@standing.example", roles=("analyst",), name="Ana Analyst"),
    NewUser("reviewer@standing.example", roles=("reviewer",), name="Rui Reviewer"),
    NewUser("auditor@standing.example", roles=("auditor",), name="Audrey Auditor"),
    NewUser("viewer@standing.example", roles=("viewer",), name="Vic Viewer"),
    NewUser(
        "ads@kaspersky-jp.example",
        parties=("kaspersky-labs-japan",),
        name="Kaspersky Labs Japan (advertising)",
    ),
)


def _add_people(
    services: Services, admin: Principal | None, specs: tuple[NewUser, ...]
) -> dict[str, Principal]:
    people: dict[str, Principal] = {}
    for spec in specs:
        added = add_user(services, admin, replace(spec, password=DEMO_PASSWORD))
        admin = admin or added
        people[spec.email] = added
    return people


def load_demo(services: Services) -> str:
    staff = tuple(u for u in DEMO_USERS if u.roles)
    contacts = tuple(u for u in DEMO_USERS if u.parties)
    people = _add_people(services, None, staff)  # the first is the admin: it bootstraps
    analyst = people["analyst@standing.example"]
    report = import_files(services, [SCENARIO], actor=analyst)
    people |= _add_people(services, people["admin@standing.example"], contacts)
    ids = [record_decision(services, r, analyst).decision.id for r in demo_requests()]
    totals = report.totals()
    return (
        f"demo loaded: {totals['parties']} parties, {totals['ownerships']} ownerships, "
        f"{totals['accounts']} accounts, {len(ids)} decisions ({', '.join(ids)})"
    )


def people_help(public_url: str) -> str:
    """How to act as each demo user, on the CLI and in the browser."""
    lines = [
        f"demo users (password for the pages at {public_url}/login: {DEMO_PASSWORD}):",
    ]
    for spec in DEMO_USERS:
        what = ", ".join(spec.roles) if spec.roles else "contact of " + ", ".join(spec.parties)
        lines.append(f"  {spec.email:32} {what}")
    lines.append(
        "act as one on the CLI with --as EMAIL or STANDING_AS=EMAIL, e.g. "
        "export STANDING_AS=analyst@standing.example"
    )
    return "\n".join(lines)
