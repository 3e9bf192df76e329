"""Render the CLI reference (``docs/cli.md``) from the commands themselves.

``python -m standing.cli.reference > docs/cli.md`` regenerates it; a test fails when the file
and the commands disagree.
"""

from __future__ import annotations

from typing import Any

import typer.main

HEADER = """# CLI reference

Generated from the commands (`python -m standing.cli.reference > docs/cli.md`). Every command
takes `--database URL` (overrides `STANDING_DATABASE_URL`); most take `--json`, which prints
one JSON document (`standing screen --file ... --json` prints one JSON line per input row).
Exit codes: 0 success, 1 a negative answer (`check` denied, `audit verify` broken), 2 an error
with a message on stderr (which file, line and field, or what about the database is wrong);
with `--json`, an error is also one document `{"error": {"code", "message"}}` on stdout, the
shape the HTTP API uses.
"""


def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    out = [(path, command)]
    subcommands = getattr(command, "commands", None) or {}
    for name in sorted(subcommands):
        out += _walk(subcommands[name], [*path, name])
    return out


def _option_line(param: Any) -> str:
    if param.param_type_name == "argument":
        help_text = " ".join((getattr(param, "help", None) or "").split())
        return f"- `{(param.name or '').upper()}` (argument): {help_text}".rstrip(": ")
    flags = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
    help_text = " ".join((param.help or "").split())
    return f"- {flags}: {help_text}".rstrip(": ")


def render() -> str:
    from standing.cli import app

    root = typer.main.get_command(app)
    parts = [HEADER]
    for path, command in _walk(root, []):
        if not path:
            continue
        title = "standing " + " ".join(path)
        doc = " ".join((command.help or "").split("\n\n")[0].split())
        parts.append(f"## `{title}`\n\n{doc}\n")
        params = [p for p in command.params if p.name not in ("help",)]
        if params:
            parts.append("\n".join(_option_line(p) for p in params) + "\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")  # noqa: T201
