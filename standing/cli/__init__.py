"""The ``standing`` command line."""

from __future__ import annotations

import typer

from standing.cli import (
    appeals,
    audit,
    db,
    decisions,
    export,
    graph,
    policies,
    report,
    screening,
    serve,
)

app = typer.Typer(
    name="standing",
    help="Who may advertise here, who may not, and exactly why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (policies, db, graph, decisions, appeals, screening, export, report, audit, serve):
    module.register(app)


def _register_optional() -> None:
    from standing.cli import gate

    gate.register(app)


_register_optional()


def main() -> None:
    app()
