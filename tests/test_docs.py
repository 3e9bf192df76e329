"""The documentation keeps up with the code: every setting and every command is documented."""

from __future__ import annotations

from pathlib import Path

import typer.main

from standing.cli import app
from standing.settings import Settings

DOCS = Path(__file__).resolve().parents[1] / "docs"


def command_paths(group: typer.Typer, prefix: str = "") -> list[str]:
    click_group = typer.main.get_command(group)
    out: list[str] = []

    def walk(cmd: object, path: str) -> None:
        commands = getattr(cmd, "commands", None)
        if commands:
            for name, sub in commands.items():
                walk(sub, f"{path} {name}".strip())
        else:
            out.append(path)

    walk(click_group, prefix)
    return out


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text()
    for name in Settings.model_fields:
        assert f"`{name}`" in text and f"STANDING_{name.upper()}" in text, name


def test_cli_reference_is_current() -> None:
    """docs/cli.md is generated: `python -m standing.cli.reference > docs/cli.md`."""
    from standing.cli.reference import render

    assert (DOCS / "cli.md").read_text() == render()


def test_every_command_is_documented() -> None:
    text = (DOCS / "cli.md").read_text()
    for path in command_paths(app):
        assert f"standing {path}" in text, path
