"""What every command shares: the ``--database`` and ``--json`` options, building services,
printing JSON, and turning every error into one message and exit code 2 (never a traceback).

Errors reach the user in one of three ways, all ending in the same shape: a command calls
`fail`; a domain or database error leaves `services_for`; or anything else escapes the command
and is caught by `StandingRootGroup`, the root ``standing`` group. The message goes to stderr
as ``error: ...``; when ``--json`` was given, stdout also gets one JSON document
``{"error": {"code": ..., "message": ...}}``, the HTTP API's error shape.
"""

from __future__ import annotations

import errno
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import orjson
import typer
from pydantic import ValidationError
from rich.console import Console
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from typer.core import TyperCommand, TyperGroup, TyperOption

from standing.access.model import Kind, Principal, Role
from standing.access.service import acting_as
from standing.bootstrap import Services
from standing.errors import Invalid, StandingError, Unauthorized
from standing.settings import Settings
from standing.store.migrate import ensure_current

#: ``ctx.meta`` key (shared by a context and its children) set when ``--json`` was given.
JSON_REQUESTED = "standing.json"


def _remember_json(ctx: typer.Context, value: bool) -> bool:
    if value:
        ctx.meta[JSON_REQUESTED] = True
    return value


DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL (overrides STANDING_DATABASE_URL).",
        show_default=False,
    ),
]
# Eager, so that an error in any other option is already known to be wanted as JSON.
JsonOpt = Annotated[
    bool,
    typer.Option("--json", help="Print one JSON document.", is_eager=True, callback=_remember_json),
]

AsOpt = Annotated[
    str | None,
    typer.Option(
        "--as",
        envvar="STANDING_AS",
        help="Act as this user (email; or STANDING_AS): the audit log names them.",
        show_default=False,
    ),
]

#: Who reads when a read-only command is run without ``--as``: whoever can open the database
#: reads it anyway, so the console reads as staff (every case, audit and export); it can
#: write nothing.
CONSOLE = Principal(
    id="console",
    kind=Kind.STAFF,
    name="the database's operator",
    roles=frozenset({Role.VIEWER, Role.AUDITOR}),
)


def acting(services: Services, as_: str | None) -> Principal:
    """The principal a write command acts as: the active user named by ``--as``/STANDING_AS."""
    if as_ is None:
        raise Unauthorized(
            "who acts? give --as EMAIL (or set STANDING_AS) of a user holding the role; "
            "an admin adds users with `standing users add`"
        )
    return acting_as(services, as_)


def reading(services: Services, as_: str | None) -> Principal:
    """The principal a read command reads as: ``--as`` when given, else the console."""
    return CONSOLE if as_ is None else acting_as(services, as_)


console = Console()
err_console = Console(stderr=True)


EXIT_ERROR = 2
SUPPORTED_DRIVERS = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")


class Failure(typer.Exit):
    """The exit of a command that has printed its error message; carries it for ``--json``."""

    def __init__(self, code: int, message: str, error_code: str) -> None:
        super().__init__(code)
        self.message = message
        self.error_code = error_code


class DatabaseProblem(StandingError):
    """The database is missing, unreachable, not migrated or refused a statement."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


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


def _first_line(exc: BaseException) -> str:
    inner = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    lines = [line.strip() for line in str(inner).strip().splitlines() if line.strip()]
    return lines[0] if lines else inner.__class__.__name__


def _database_exceptions() -> tuple[type[Exception], ...]:
    """SQLAlchemy's errors and the drivers' own (the gate talks to psycopg directly)."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - a dependency, but only PostgreSQL needs it
        return (SQLAlchemyError, sqlite3.Error)
    return (SQLAlchemyError, sqlite3.Error, psycopg.Error)


def database_problem(exc: Exception, url: str) -> DatabaseProblem:
    """One line naming the database (password hidden) and what is wrong with it."""
    shown = redact(url)
    detail = _first_line(exc)
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
    except _database_exceptions() as exc:
        raise database_problem(exc, url) from exc


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


def fail(message: str, code: int = EXIT_ERROR, *, error_code: str = "invalid") -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise Failure(code, message, error_code)


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


def emit_json(document: Any) -> None:
    sys.stdout.buffer.write(
        orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n"
    )
    sys.stdout.flush()


def progress_enabled(json_mode: bool) -> bool:
    """Rich progress bars on a terminal, silence in --json mode or when piped."""
    return not json_mode and err_console.is_terminal


def describe(exc: Exception) -> tuple[str, str]:
    """``(error code, message)`` for an exception that escaped a command."""
    if isinstance(exc, StandingError):
        return exc.code, exc.message
    if isinstance(exc, _database_exceptions()):
        return "database_error", f"database: {_first_line(exc)}"
    if isinstance(exc, UnicodeDecodeError):
        return "invalid", f"input is not UTF-8 text ({exc.reason})"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return "io_error", f"{where}{exc.strerror or exc}"
    if isinstance(exc, ValidationError) and exc.title == "Settings":
        problems = []
        for err in exc.errors():
            name = ".".join(str(part) for part in err["loc"])
            where = f"STANDING_{name.upper()}: " if name else ""
            problems.append(f"{where}{err['msg'].removeprefix('Value error, ')}")
        return "invalid_settings", "settings: " + "; ".join(problems)
    return "internal", f"unexpected {exc.__class__.__name__}: {exc}"


def _hide_flag_types(command: Any, ctx: typer.Context) -> None:
    """Typer's Rich help prints every option's type, ``--help <bool>`` included; a flag takes
    no value, so its type is blanked (an empty metavar is printed as nothing)."""
    for param in command.get_params(ctx):
        if isinstance(param, TyperOption) and param.is_flag and param.metavar is None:
            param.metavar = ""


class StandingCommand(TyperCommand):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        _hide_flag_types(self, ctx)
        super().format_help(ctx, formatter)


class StandingGroup(TyperGroup):
    def format_help(self, ctx: Any, formatter: Any) -> None:
        _hide_flag_types(self, ctx)
        super().format_help(ctx, formatter)


class StandingRootGroup(StandingGroup):
    """The ``standing`` group: whatever escapes a command becomes ``error: ...`` and exit 2
    (a crash must never exit 1, which ``standing check`` uses for "denied")."""

    def invoke(self, ctx: Any) -> Any:
        # the command line below the group, read before the subcommand consumes it
        rest = [*getattr(ctx, "_protected_args", ()), *ctx.args]
        try:
            return super().invoke(ctx)
        except Failure as exc:
            if exc.exit_code == EXIT_ERROR:
                self._emit_json_error(ctx, exc.error_code, exc.message)
            raise
        except (typer.Exit, typer.Abort):
            raise
        except typer.TyperException as exc:  # Click's usage errors; Typer prints them
            if "--json" in rest:
                # an unknown option fails before --json's callback could record it
                ctx.meta[JSON_REQUESTED] = True
            self._emit_json_error(ctx, "usage", exc.format_message())
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # Typer quietens a closed pipe
                raise
            self._fail(ctx, *describe(exc))
        except Exception as exc:
            self._fail(ctx, *describe(exc))

    def _fail(self, ctx: Any, error_code: str, message: str) -> NoReturn:
        err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
        self._emit_json_error(ctx, error_code, message)
        raise typer.Exit(EXIT_ERROR)

    @staticmethod
    def _emit_json_error(ctx: Any, error_code: str, message: str) -> None:
        if ctx.meta.get(JSON_REQUESTED):  # one line: also fits `screen --file`'s JSON lines
            document = {"error": {"code": error_code, "message": message}}
            sys.stdout.buffer.write(orjson.dumps(document) + b"\n")
            sys.stdout.flush()
