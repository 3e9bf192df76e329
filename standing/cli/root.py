"""The ``standing`` group and its commands' classes: the help fix, and turning whatever
escapes a command into one message and exit code 2 (never a traceback).

Errors reach the user in one of three ways, all ending in the same shape: a command calls
`fail`; a domain or database error leaves `services_for`; or anything else escapes the command
and is caught by `StandingRootGroup`, the root ``standing`` group. The message goes to stderr
as ``error: ...``; when ``--json`` was given, stdout also gets one JSON document
``{"error": {"code": ..., "message": ...}}``, the HTTP API's error shape.
"""

from __future__ import annotations

import errno
from typing import Any, NoReturn

import typer
from pydantic import ValidationError
from typer.core import TyperCommand, TyperGroup, TyperOption

from standing.cli.database import database_exceptions, first_line
from standing.cli.output import (
    EXIT_ERROR,
    JSON_REQUESTED,
    Failure,
    emit_json_error,
    print_error,
)
from standing.errors import StandingError


def mount(parent: typer.Typer, commands: typer.Typer) -> None:
    """Add a module's commands and groups to ``parent`` as its own (not as a sub-group)."""
    parent.registered_commands.extend(commands.registered_commands)
    parent.registered_groups.extend(commands.registered_groups)


def command_group(parent: typer.Typer, name: str, help: str) -> typer.Typer:
    """A group of commands ``standing NAME ...`` under ``parent`` (help when called bare)."""
    group = typer.Typer(help=help, no_args_is_help=True)
    parent.add_typer(group, name=name)
    return group


def describe(exc: Exception) -> tuple[str, str]:
    """``(error code, message)`` for an exception that escaped a command."""
    if isinstance(exc, StandingError):
        return exc.code, exc.message
    if isinstance(exc, database_exceptions()):
        return "database_error", f"database: {first_line(exc)}"
    if isinstance(exc, UnicodeDecodeError):
        return "invalid", f"input is not UTF-8 text ({exc.reason})"
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return "io_error", f"{where}{exc.strerror or exc}"
    if isinstance(exc, ValidationError) and exc.title == "Settings":
        return "invalid_settings", "settings: " + "; ".join(_settings_problems(exc))
    return "internal", f"unexpected {exc.__class__.__name__}: {exc}"


def _settings_problems(exc: ValidationError) -> list[str]:
    problems = []
    for err in exc.errors():
        name = ".".join(str(part) for part in err["loc"])
        where = f"STANDING_{name.upper()}: " if name else ""
        problems.append(f"{where}{err['msg'].removeprefix('Value error, ')}")
    return problems


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
                emit_json_error(ctx, exc.error_code, exc.message)
            raise
        except (typer.Exit, typer.Abort):
            raise
        except typer.TyperException as exc:  # Click's usage errors; Typer prints them
            if "--json" in rest:
                # an unknown option fails before --json's callback could record it
                ctx.meta[JSON_REQUESTED] = True
            emit_json_error(ctx, "usage", exc.format_message())
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:  # Typer quietens a closed pipe
                raise
            self._fail(ctx, *describe(exc))
        except Exception as exc:
            self._fail(ctx, *describe(exc))

    def _fail(self, ctx: Any, error_code: str, message: str) -> NoReturn:
        print_error(message)
        emit_json_error(ctx, error_code, message)
        raise typer.Exit(EXIT_ERROR)
