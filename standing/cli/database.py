"""Opening the database of one command: the ``--database`` option, checking its URL, and
turning database errors into a `DatabaseProblem` naming the database (password hidden).

The only CLI module that speaks SQLAlchemy: commands get `Services` from `services_for`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError

from standing.bootstrap import Services
from standing.cli.output import fail
from standing.errors import DatabaseProblem, Invalid, StandingError
from standing.settings import Settings
from standing.store.engine import make_engine
from standing.store.migrate import ensure_current, upgrade

DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL (overrides STANDING_DATABASE_URL).",
        show_default=False,
    ),
]

SUPPORTED_DRIVERS = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")


def settings_for(database: str | None) -> Settings:
    settings = Settings()
    if database is not None:  # an explicit --database "" is an error, not the default
        settings = settings.model_copy(update={"database_url": database})
    return settings


def redact(url: str) -> str:
    """The URL with any password replaced by ``***``, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not parseable: hide what looks like ``user:password@``
        return re.sub(r"(//[^/:@]*):[^/@]*@", r"\1:***@", url)


def checked_url(url: str, option: str = "--database") -> str:
    """The URL if it names a supported database; `Invalid` with the reason otherwise."""
    example = "e.g. sqlite:///var/standing.db or postgresql://USER@HOST/DB"
    if not url.strip():
        raise Invalid(f"{option}: the database URL is empty ({example})")
    try:
        driver = make_url(url).drivername
    except ArgumentError as exc:
        raise Invalid(f"{option}: {redact(url)!r} is not a database URL ({example})") from exc
    if driver not in SUPPORTED_DRIVERS:
        raise Invalid(
            f"{option}: database URL {redact(url)}: only SQLite and PostgreSQL are supported "
            f"({example})"
        )
    return url


def database_url(settings: Settings, database: str | None) -> str:
    """The settings' database URL, checked; an error names where the URL came from."""
    option = "--database" if database is not None else "STANDING_DATABASE_URL"
    return checked_url(settings.database_url, option)


def _sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names, or None for other databases and in-memory ones."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.query.get("uri"):
        return None
    if parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def first_line(exc: BaseException) -> str:
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(inner).strip().splitlines() if line.strip()]
    return lines[0] if lines else inner.__class__.__name__


def database_exceptions() -> tuple[type[Exception], ...]:
    """SQLAlchemy's errors and the drivers' own (the gate talks to psycopg directly)."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a dependency, but only PostgreSQL needs it
        return (SQLAlchemyError, sqlite3.Error)
    return (SQLAlchemyError, sqlite3.Error, psycopg.Error)


def database_problem(exc: Exception, url: str) -> DatabaseProblem:
    """One line naming the database (password hidden) and what is wrong with it."""
    shown = redact(url)
    detail = first_line(exc)
    driver_error = exc.orig if isinstance(exc, DBAPIError) else exc
    missing = re.search(r"no such (table|column)|(relation|column) .* does not exist", detail)
    if missing or type(driver_error).__name__ in ("UndefinedTable", "UndefinedColumn"):
        return DatabaseProblem(
            "database_not_migrated",
            f'database {shown} is not migrated ({detail}); run "standing db upgrade"',
        )
    sqlite = make_url(url).get_backend_name() == "sqlite"
    if isinstance(exc, OperationalError):
        connecting = exc.statement is None
    else:  # a driver's own error: psycopg's OperationalError is about the connection
        connecting = type(exc).__name__ == "OperationalError" and (
            not sqlite or "unable to open" in detail
        )
    if connecting:
        verb = "open" if sqlite else "reach"
        return DatabaseProblem("database_unavailable", f"cannot {verb} database {shown}: {detail}")
    return DatabaseProblem("database_error", f"database {shown}: {detail}")


@contextmanager
def database_errors(url: str) -> Iterator[None]:
    """Turn database errors into a `DatabaseProblem` naming the database."""
    try:
        yield
    except database_exceptions() as exc:
        raise database_problem(exc, url) from exc


def upgrade_database(database: str | None) -> str:
    """Apply the migrations to the database (a SQLite file is created if need be); its URL."""
    url = database_url(settings_for(database), database)
    with database_errors(url):
        engine = make_engine(url)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
    return url


@contextmanager
def open_services(
    database: str | None, *, create: bool = False, write: bool = False
) -> Iterator[Services]:
    """The services of one command; problems raise `StandingError` (database ones included).

    A command that writes (``write``) creates a SQLite file that does not exist and migrates
    a database that is new or behind, as ``standing db upgrade`` would: importing into a new
    database just works. For the others a SQLite file that does not exist is an error unless
    ``create``: reading a database must not leave an empty one behind.
    """
    settings = settings_for(database)
    url = database_url(settings, database)
    path = _sqlite_file(url)
    if not (create or write) and path is not None and not path.exists():
        raise DatabaseProblem(
            "database_unavailable",
            f"database {redact(url)} does not exist (no file {path}); create it with "
            f'"standing db upgrade"',
        )
    with database_errors(url):
        if path is not None and (create or write):
            path.parent.mkdir(parents=True, exist_ok=True)
        services = Services.build(settings)
        try:
            if write:
                ensure_current(services.engine)
            yield services
        finally:
            services.close()


@contextmanager
def services_for(
    database: str | None, *, create: bool = False, write: bool = False
) -> Iterator[Services]:
    """Build the services for one command; domain and database errors become a message and
    exit code 2. See `open_services` for ``create`` and ``write``."""
    try:
        with open_services(database, create=create, write=write) as services:
            yield services
    except StandingError as exc:
        fail(exc.message, error_code=exc.code)
