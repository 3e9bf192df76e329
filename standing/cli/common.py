"""What every command shares: the ``--database`` and ``--json`` options, building services,
printing JSON, and turning domain errors into a message and an exit code (never a traceback)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn

import orjson
import typer
from rich.console import Console

from standing.bootstrap import Services
from standing.errors import StandingError
from standing.settings import Settings

DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database",
        help="Database URL (overrides STANDING_DATABASE_URL).",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]

console = Console()
err_console = Console(stderr=True)

EXIT_ERROR = 2


def settings_for(database: str | None) -> Settings:
    settings = Settings()
    if database:
        settings = settings.model_copy(update={"database_url": database})
    return settings


def fail(message: str, code: int = EXIT_ERROR) -> NoReturn:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def services_for(database: str | None) -> Iterator[Services]:
    """Build the services for one command; domain errors become a message and exit code 2."""
    try:
        services = Services.build(settings_for(database))
    except StandingError as exc:
        fail(exc.message)
    try:
        yield services
    except StandingError as exc:
        fail(exc.message)
    finally:
        services.close()


def emit_json(document: Any) -> None:
    sys.stdout.buffer.write(
        orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n"
    )
    sys.stdout.flush()


def progress_enabled(json_mode: bool) -> bool:
    """Rich progress bars on a terminal, silence in --json mode or when piped."""
    return not json_mode and err_console.is_terminal
