"""``standing decide``, ``lift``, ``status`` and ``statement``: decisions and their reasons."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from standing.cli.acting import AsOpt, acting, reading
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.moments import parse_when
from standing.cli.output import JsonOpt, answer, console, emit_json, err_console, fail
from standing.decisions.model import decision_json
from standing.decisions.service import (
    DecisionRequest,
    get_statement,
    lift_decision,
    notices_of,
    record_decision,
    standing_of,
)
from standing.decisions.transparency import Disclosure
from standing.territories import territory_code


def _print_reach(reach: dict[str, list[dict[str, Any]]]) -> None:
    table = Table()
    for column in ("reached", "id", "why", "capabilities"):
        table.add_column(column, overflow="fold")  # ids and capabilities whole, never "…"
    for p in reach["parties"]:
        table.add_row(f"party {p['name']}", p["id"], p["why"], ", ".join(p["capabilities"]))
    for a in reach["accounts"]:
        table.add_row(
            f"account {a['username']} on {a['service']}",
            a["id"],
            a["why"],
            ", ".join(a["capabilities"]),
        )
    console.print(table)


app = typer.Typer()


@app.command("decide")
def decide(
    subject: Annotated[str, typer.Option("--subject", help="Party or account id.")],
    rule: Annotated[str, typer.Option("--rule", help="Rule id (see `standing policies`).")],
    facts: Annotated[str, typer.Option("--facts", help="The specific facts, naming the subject.")],
    evidence: Annotated[
        list[str] | None, typer.Option("--evidence", help="Evidence reference (repeatable).")
    ] = None,
    territory: Annotated[
        list[str] | None,
        typer.Option("--territory", help="ISO country code where it applies (repeatable)."),
    ] = None,
    until: Annotated[str | None, typer.Option("--until", help="End date (ISO).")] = None,
    as_: AsOpt = None,
    automated_detection: Annotated[
        bool, typer.Option("--automated-detection", help="Detected by automated means.")
    ] = False,
    automated_decision: Annotated[
        bool, typer.Option("--automated-decision", help="Decided by automated means.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the reach; record nothing.")
    ] = False,
    public_facts: Annotated[
        str | None,
        typer.Option(
            "--public-facts",
            help="The facts for the public DSA database, naming no natural person "
            "(default: the facts with persons replaced by their role).",
        ),
    ] = None,
    legal_ground: Annotated[
        str | None,
        typer.Option("--legal-ground", help="Id of the rule's act actually relied on."),
    ] = None,
    category: Annotated[
        str | None, typer.Option("--category", help="DSA category (default: the rule's).")
    ] = None,
    category_addition: Annotated[
        list[str] | None,
        typer.Option("--category-addition", help="Further DSA category (repeatable)."),
    ] = None,
    keyword: Annotated[
        list[str] | None,
        typer.Option("--keyword", help="DSA keyword (repeatable; default: the rule's)."),
    ] = None,
    content_language: Annotated[
        str | None,
        typer.Option("--content-language", help="ISO 639-1 language of the content."),
    ] = None,
    origin: Annotated[
        str,
        typer.Option(
            "--origin", help="How it arose: own_initiative, authority (order or directive)."
        ),
    ] = "own_initiative",
    source_identity: Annotated[
        str | None,
        typer.Option("--source-identity", help="The authority, for --origin authority."),
    ] = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Record a decision: a rule applied to a subject, with facts and evidence."""
    # long, but flat: the options become the request one to one, then the result is shown
    request = DecisionRequest(
        subject=subject,
        rule=rule,
        facts=facts,
        evidence=tuple(evidence or ()),
        territories=tuple(territory or ()),
        until=parse_when(until, "--until"),
        automated_detection=automated_detection,
        automated_decision=automated_decision,
        disclosure=Disclosure(
            public_facts=public_facts,
            legal_ground=legal_ground,
            category=category,
            category_addition=tuple(category_addition) if category_addition else None,
            keywords=tuple(keyword) if keyword else None,
            content_language=content_language,
            origin=origin,
            source_identity=source_identity,
        ),
    )
    with services_for(database, write=True) as services:
        result = record_decision(services, request, acting(services, as_), dry_run=dry_run)
    if json:  # the warnings are in the document
        emit_json(result.to_json())
        return
    for warning in result.warnings:
        err_console.print(f"[yellow]warning:[/] {warning}")
    if dry_run:
        console.print(f"[bold]Dry run[/]: a decision under {rule} on {subject} would reach:")
    else:
        console.print(f"[bold green]recorded[/] {result.decision.id}")
    _print_reach(result.statement["affected"])
    public = (result.statement.get("transparency") or {}).get("public_facts")
    if public:
        console.print("[bold]Public text for the DSA Transparency Database:[/]")
        console.print(public, markup=False, highlight=False)


@app.command("lift")
def lift(
    decision: Annotated[str, typer.Argument(help="Decision id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why the decision ends.")],
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """End a decision, with reasons (a new record; nothing is edited)."""
    with services_for(database, write=True) as services:
        lifted = lift_decision(services, decision, reason, acting(services, as_))
    answer(json, decision_json(lifted), f"lifted {lifted.id} at {lifted.lifted_at}")


@app.command("status")
def status(
    subject: Annotated[str, typer.Argument(help="Party or account id.")],
    territory: Annotated[str | None, typer.Option("--territory")] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Every capability of a party or account, with the reasons."""
    with services_for(database) as services:
        code = territory_code(territory, "--territory") if territory else None
        result = standing_of(services, subject, reading(services, as_), code)
    if json:
        emit_json(result.to_json())
        return
    console.print(f"[bold]{result.subject_name}[/] ({subject})")
    table = Table("capability", "allowed", "decisions")
    for c in result.capabilities:
        mark = "[green]yes[/]" if c.allowed else "[red]no[/]"
        table.add_row(c.capability, mark, ", ".join(c.decisions))
    console.print(table)
    for r in result.reasons:
        console.print(f"[bold]{r.decision}[/] {r.title}: {r.facts}")
        console.print(f"  remedy: {r.remedy}")


@app.command("statement")
def statement(
    decision: Annotated[str, typer.Argument(help="Decision id.")],
    format: Annotated[str, typer.Option("--format", help="text, html or json.")] = "text",
    as_: AsOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """The decision's statement of reasons."""
    if format not in ("text", "html", "json"):
        fail(f"--format: {format!r} is not one of text, html, json")
    with services_for(database) as services:
        viewer = reading(services, as_)
        row = get_statement(services, decision, viewer)
        notices = notices_of(services, decision, viewer)
    if format == "json":
        emit_json(row.content)
    elif format == "html":
        typer.echo(row.html)
        for notice in notices:  # accounts the decision reached later, each with its own
            typer.echo(notice.html)
    else:
        typer.echo(row.text, nl=False)
        for notice in notices:
            typer.echo("\n" + notice.text, nl=False)
