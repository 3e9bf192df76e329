"""``standing appeal``, ``appeals`` and ``review``: appeals against decisions, and their review."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from standing.appeals.model import OUTCOMES, AppealView
from standing.appeals.service import file_appeal, list_appeals, review_appeal
from standing.cli.acting import AsOpt, acting, reading
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.moments import parse_when
from standing.cli.output import JsonOpt, console, emit_json, fail


class AppealKind(StrEnum):
    dispute = "dispute"
    reinstatement = "reinstatement"


class AppealStatus(StrEnum):
    open = "open"
    decided = "decided"
    all = "all"


app = typer.Typer()


@app.command("appeal")
def appeal(
    decision: Annotated[str, typer.Argument(help="Decision id.")],
    text: Annotated[str, typer.Option("--text", help="What is wrong, or what has changed.")],
    kind: Annotated[
        AppealKind,
        typer.Option(
            "--kind",
            help="dispute (the decision is wrong; within the rule's appeal window) or "
            "reinstatement (the remedy is met; at any time).",
        ),
    ] = AppealKind.dispute,
    scope: Annotated[
        str | None,
        typer.Option(
            "--scope",
            help="Only for this party or account of yours the decision reaches "
            "(default: the whole decision).",
        ),
    ] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """File an appeal against a decision, as the advertiser contact named by --as: a
    dispute within the rule's appeal window, or a request for reinstatement at any time."""
    with services_for(database, write=True) as services:
        filed = file_appeal(services, decision, text, acting(services, as_), kind.value, scope)
    if json:
        emit_json(AppealView.of(filed).to_json())
    else:
        console.print(
            f"appeal {filed.id} filed; a reply is due by {filed.due_at.date().isoformat()}"
        )


@app.command("appeals")
def appeals(
    status: Annotated[
        AppealStatus, typer.Option("--status", help="open, decided or all.")
    ] = AppealStatus.open,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """The appeal queue, earliest deadline first."""
    with services_for(database) as services:
        rows = list_appeals(
            services,
            reading(services, as_),
            None if status is AppealStatus.all else status.value,
        )
    if json:
        emit_json({"appeals": [a.to_json() for a in rows]})
        return
    table = Table()
    for column in ("appeal", "kind", "decision", "due", "status"):
        table.add_column(column, overflow="fold", min_width=20 if column != "due" else 10)
    table.add_column("text")
    for view in rows:
        a = view.appeal
        due = a.due_at.isoformat()[:10] + (" [red](overdue)[/]" if view.overdue else "")
        kind = a.kind + (f" for {a.scope}" if a.scope else "")
        table.add_row(a.id, kind, a.decision_id, due, a.outcome or a.status, a.text[:80])
    console.print(table)


@app.command("review")
def review(
    appeal: Annotated[str, typer.Argument(help="Appeal id.")],
    outcome: Annotated[
        str,
        typer.Option(
            "--outcome",
            help="A dispute: upheld, overturned, modified or exempted; a request for "
            "reinstatement: lifted, exempted or declined.",
        ),
    ],
    reply: Annotated[str, typer.Option("--reply", help="The reasoned answer to the appellant.")],
    territory: Annotated[
        list[str] | None, typer.Option("--territory", help="New territories (modified).")
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="New end date (modified).")] = None,
    scope: Annotated[
        str | None,
        typer.Option(
            "--scope",
            help="The party or account to carve out (exempted; default: the appeal's).",
        ),
    ] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Decide an appeal with a reasoned reply (boilerplate and repeated replies are refused)."""
    if outcome not in OUTCOMES:
        fail(f"--outcome: {outcome!r} is not one of {', '.join(OUTCOMES)}")
    with services_for(database, write=True) as services:
        decided = review_appeal(
            services,
            appeal,
            outcome,
            reply,
            acting(services, as_),
            tuple(territory) if territory else None,
            parse_when(until, "--until"),
            scope,
        )
    if json:
        emit_json(AppealView.of(decided, redress=services.policy.redress).to_json())
    else:
        extra = f"; new decision {decided.new_decision_id}" if decided.new_decision_id else ""
        console.print(f"appeal {decided.id}: {decided.outcome}{extra}")
