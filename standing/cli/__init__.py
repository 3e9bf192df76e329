"""The ``standing`` command line.

Each module of commands defines a module-level Typer ``app``; `mount` adds its commands and
groups to the root ``standing`` group, in the order of the help below. What the commands share
has a module each: `acting` (``--as``), `database` (``--database``, opening the services),
`output` (printing, ``--json``, errors), `moments` (date options), `progress` and `root` (the
root group that turns whatever escapes a command into one error message).
"""

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
