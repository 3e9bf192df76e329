"""The ``standing`` command line."""

from __future__ import annotations

import typer
from typer.core import TyperCommand

from standing.cli import (
    access,
    appeals,
    audit,
    db,
    decisions,
    disputes,
    export,
    gate,
    graph,
    notify,
    policies,
    rechecks,
    report,
    screening,
    serve,
)
from standing.cli.root import StandingCommand, StandingGroup, StandingRootGroup, mount

app = typer.Typer(
    name="standing",
    help="Who may advertise here, who may not, and exactly why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=StandingRootGroup,
)

# The order of the help: commands in this order, then groups in this order.
for module in (
    policies,
    db,
    graph,
    decisions,
    appeals,
    rechecks,
    screening,
    export,
    report,
    audit,
    access,
    serve,
    disputes,
    gate,
    notify,
):
    mount(app, module.app)


def _use_standing_classes(group: typer.Typer) -> None:
    """Every command and sub-group gets the help fix of `StandingCommand`/`StandingGroup`."""
    for command in group.registered_commands:
        if command.cls in (None, TyperCommand):
            command.cls = StandingCommand
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            if not sub.typer_instance.info.cls:
                sub.typer_instance.info.cls = StandingGroup
            _use_standing_classes(sub.typer_instance)


_use_standing_classes(app)


def main() -> None:
    app()
