from __future__ import annotations

import typer

from standing.cli.common import (
    DatabaseOpt,
    console,
    database_errors,
    database_url,
    fail,
    redact,
    settings_for,
)
from standing.errors import StandingError
from standing.store.engine import make_engine
from standing.store.migrate import upgrade


def register(app: typer.Typer) -> None:
    db = typer.Typer(help="Database maintenance.", no_args_is_help=True)
    app.add_typer(db, name="db")

    @db.command("upgrade")
    def db_upgrade(database: DatabaseOpt = None) -> None:
        """Apply the migrations to the database (a SQLite file is created if need be)."""
        settings = settings_for(database)
        try:
            url = database_url(settings, database)
            with database_errors(url):
                engine = make_engine(url)
                try:
                    upgrade(engine)
                finally:
                    engine.dispose()
        except StandingError as exc:
            fail(exc.message, error_code=exc.code)
        console.print(f"database {redact(url)} is up to date", highlight=False)
