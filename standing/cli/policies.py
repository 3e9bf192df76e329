"""``standing policies``: the published rules and the capability catalogue."""

from __future__ import annotations

import typer
from rich.table import Table

from standing.cli.database import DatabaseOpt, settings_for
from standing.cli.output import JsonOpt, console, emit_json, fail
from standing.errors import StandingError
from standing.policies.loader import load_policy

app = typer.Typer()


@app.command("policies")
def policies(json: JsonOpt = False, database: DatabaseOpt = None) -> None:
    """The published rules and the capability catalogue."""
    try:
        policy = load_policy(settings_for(database).policies)
    except StandingError as exc:
        fail(exc.message)
    if json:
        emit_json(policy.to_public())
        return
    console.print(f"[bold]Policy version[/] {policy.version}")
    table = Table(
        "rule", "restricts", "reach", "ground", "appeal / review (days)", "re-check (days)"
    )
    for rule in policy.rules.values():
        reach = rule.reach + (f" >= {rule.threshold:g} %" if rule.reach == "controlled" else "")
        table.add_row(
            f"[bold]{rule.id}[/]\n{rule.title}",
            "\n".join(rule.restricts),
            reach,
            rule.ground,
            f"{rule.appeal_window_days} / {rule.review_days}",
            str(rule.recheck_days) if rule.recheck_days else "-",
        )
    console.print(table)
    caps = Table("capability", "description")
    for cap in policy.capabilities.values():
        caps.add_row(cap.name, cap.description)
    console.print(caps)
    bodies = ", ".join(f"{b.name} ({b.country})" for b in policy.redress.bodies)
    console.print(f"[bold]Out-of-court dispute settlement[/] {bodies}", highlight=False)
