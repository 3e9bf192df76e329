"""``standing rechecks``: decisions without an end that come back for re-examination (a rule's
``recheck_days``), and confirming one on re-examination. Ending one is ``standing lift``."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from standing.cli.acting import AsOpt, acting, reading
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.output import JsonOpt, console, emit_json
from standing.cli.root import command_group
from standing.dates import human_date
from standing.decisions.recheck import SOON_DAYS
from standing.decisions.rechecks import MAX_WITHIN_DAYS, confirm_recheck, list_rechecks

app = typer.Typer()

group = command_group(
    app, "rechecks", "Decisions without an end that come back for re-examination."
)


@group.command("list")
def list_(
    within: Annotated[
        int,
        typer.Option(
            "--within", min=0, max=MAX_WITHIN_DAYS, help="Days ahead to look (and overdue)."
        ),
    ] = SOON_DAYS,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Re-checks due within --within days and those overdue, earliest first."""
    with services_for(database) as services:
        rows = list_rechecks(services, reading(services, as_), within)
    if json:
        emit_json({"within_days": within, "rechecks": [r.to_json() for r in rows]})
        return
    if not rows:
        console.print(f"no re-checks due within {within} days")
        return
    table = Table()
    table.add_column("due", no_wrap=True)
    table.add_column("decision", no_wrap=True)
    table.add_column("subject", overflow="fold")
    table.add_column("rule")
    table.add_column("every", no_wrap=True)
    for r in rows:
        due = human_date(r.recheck.due_at) + (" [red](overdue)[/]" if r.overdue else "")
        decision = r.recheck.decision
        table.add_row(
            due, decision.id, decision.subject_id, r.rule_title, f"{r.recheck.recheck_days} days"
        )
    console.print(table)


@group.command("confirm")
def confirm(
    decision: Annotated[str, typer.Argument(help="Decision id.")],
    reason: Annotated[
        str,
        typer.Option("--reason", help="What was examined again and why the decision still holds."),
    ],
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Confirm a decision on re-examination, with reasons; the cycle restarts."""
    with services_for(database, write=True) as services:
        done = confirm_recheck(services, decision, reason, acting(services, as_))
    if json:
        emit_json(done.to_json())
        return
    console.print(
        f"decision {done.decision} confirmed on re-examination ({done.recheck}); "
        f"next re-check due {human_date(done.next_due_at)}",
        highlight=False,
    )
