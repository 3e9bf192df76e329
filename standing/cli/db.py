"""``standing db``: database maintenance."""

from __future__ import annotations

import typer

from standing.cli.database import DatabaseOpt, redact, upgrade_database
from standing.cli.output import console, fail
from standing.cli.root import command_group
from standing.errors import StandingError

app = typer.Typer()

db = command_group(app, "db", "Database maintenance.")


@db.command("upgrade")
def db_upgrade(database: DatabaseOpt = None) -> None:
    """Apply the migrations to the database (a SQLite file is created if need be)."""
    try:
        url = upgrade_database(database)
    except StandingError as exc:
        fail(exc.message, error_code=exc.code)
    console.print(f"database {redact(url)} is up to date", highlight=False)
