from __future__ import annotations

import typer
from sqlalchemy.exc import SQLAlchemyError

from standing.cli.common import DatabaseOpt, console, fail, settings_for
from standing.errors import StandingError
from standing.store.engine import make_engine
from standing.store.migrate import upgrade


def register(app: typer.Typer) -> None:
    db = typer.Typer(help="Database maintenance.", no_args_is_help=True)
    app.add_typer(db, name="db")

    @db.command("upgrade")
    def db_upgrade(database: DatabaseOpt = None) -> None:
        """Apply the migrations to the database."""
        settings = settings_for(database)
        try:
            engine = make_engine(settings.database_url)
            upgrade(engine)
            engine.dispose()
        except StandingError as exc:
            fail(exc.message)
        except SQLAlchemyError as exc:
            fail(f"database {settings.database_url}: {exc.__class__.__name__}: {exc.args[0]}")
        console.print(f"database {settings.database_url} is up to date")
