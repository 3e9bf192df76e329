"""What a command prints: tables and text on the console, one JSON document with ``--json``,
and an error as ``error: ...`` on stderr with exit code 2 (plus, with ``--json``, the error
document of `standing.errors.error_document` on stdout)."""

from __future__ import annotations

import sys
from typing import Annotated, Any, NoReturn

import orjson
import typer
from rich.console import Console

from standing.errors import error_document

#: ``ctx.meta`` key (shared by a context and its children) set when ``--json`` was given.
JSON_REQUESTED = "standing.json"
EXIT_ERROR = 2

console = Console()
err_console = Console(stderr=True)


def _remember_json(ctx: typer.Context, value: bool) -> bool:
    if value:
        ctx.meta[JSON_REQUESTED] = True
    return value


# Eager, so that an error in any other option is already known to be wanted as JSON.
JsonOpt = Annotated[
    bool,
    typer.Option("--json", help="Print one JSON document.", is_eager=True, callback=_remember_json),
]


class Failure(typer.Exit):
    """The exit of a command that has printed its error message; carries it for ``--json``."""

    def __init__(self, code: int, message: str, error_code: str) -> None:
        super().__init__(code)
        self.message = message
        self.error_code = error_code


def print_error(message: str) -> None:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)


def fail(message: str, code: int = EXIT_ERROR, *, error_code: str = "invalid") -> NoReturn:
    print_error(message)
    raise Failure(code, message, error_code)


def emit_json(document: Any) -> None:
    sys.stdout.buffer.write(
        orjson.dumps(document, option=orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS) + b"\n"
    )
    sys.stdout.flush()


def answer(json: bool, document: Any, line: str) -> None:
    """What a command that did one thing says: the JSON document with ``--json``, else one
    line for people."""
    if json:
        emit_json(document)
    else:
        console.print(line, highlight=False)


def emit_json_error(ctx: Any, error_code: str, message: str) -> None:
    """The error document on stdout, when ``--json`` was given."""
    if ctx.meta.get(JSON_REQUESTED):  # one line: also fits `screen --file`'s JSON lines
        sys.stdout.buffer.write(orjson.dumps(error_document(error_code, message)) + b"\n")
        sys.stdout.flush()
