"""``standing disputes``: out-of-court disputes (DSA Art. 21) and their outcomes."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from standing.access.model import Permission, Principal, require
from standing.appeals.disputes import all_disputes, record_dispute, settle_dispute
from standing.appeals.model import OUTCOMES_ODR
from standing.bootstrap import Services
from standing.cli.acting import AsOpt, acting
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.moments import parse_when
from standing.cli.output import JsonOpt, answer, console, emit_json
from standing.cli.root import command_group


def _recorder(services: Services, as_: str | None) -> Principal:
    """Disputes are recorded by the reviewers who answer appeals."""
    return require(acting(services, as_), Permission.DECIDE_APPEAL)


app = typer.Typer()
disputes = command_group(
    app, "disputes", "Out-of-court disputes (DSA Art. 21): record them and their outcomes."
)


@disputes.command("add")
def add(
    decision: Annotated[str, typer.Argument(help="Decision id the dispute is about.")],
    body: Annotated[str, typer.Option("--body", help="The out-of-court dispute settlement body.")],
    submitted: Annotated[
        str | None, typer.Option("--submitted", help="When it was submitted (default: now).")
    ] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Record a dispute brought before an out-of-court dispute settlement body."""
    with services_for(database, write=True) as services:
        dispute = record_dispute(
            services,
            decision,
            body,
            _recorder(services, as_),
            parse_when(submitted, "--submitted"),
        )
    answer(json, dispute.to_json(), f"dispute {dispute.id} recorded")


@disputes.command("settle")
def settle(
    dispute: Annotated[str, typer.Argument(help="Dispute id.")],
    outcome: Annotated[str, typer.Option("--outcome", help=", ".join(OUTCOMES_ODR) + ".")],
    implemented: Annotated[
        bool | None,
        typer.Option(
            "--implemented/--not-implemented",
            help="Whether the platform implemented an outcome for the recipient or partly.",
        ),
    ] = None,
    settled: Annotated[
        str | None, typer.Option("--settled", help="When it was settled (default: now).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="What the body decided.")] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Record a dispute's outcome (once)."""
    with services_for(database, write=True) as services:
        done = settle_dispute(
            services,
            dispute,
            outcome,
            _recorder(services, as_),
            implemented,
            parse_when(settled, "--settled"),
            note,
        )
    answer(json, done.to_json(), f"dispute {done.id} settled: {done.outcome}")


@disputes.command("list")
def list_(json: JsonOpt = False, database: DatabaseOpt = None) -> None:
    """Every recorded dispute, oldest first."""
    with services_for(database) as services:
        rows = [d.to_json() for d in all_disputes(services)]
    if json:
        emit_json({"disputes": rows})
        return
    table = Table("dispute", "decision", "body", "submitted", "outcome", "implemented")
    for d in rows:
        implemented = "" if d["implemented"] is None else str(d["implemented"]).lower()
        table.add_row(
            d["id"],
            d["decision"],
            d["body"],
            d["submitted_at"][:10],
            d["outcome"] or "open",
            implemented,
        )
    console.print(table)
