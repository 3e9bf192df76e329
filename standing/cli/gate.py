"""``standing check`` and ``standing gate snapshot``: the gate from the command line."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from standing.cli.acting import CONSOLE
from standing.cli.database import DatabaseOpt, open_services, services_for, settings_for
from standing.cli.output import EXIT_ERROR, JsonOpt, console, emit_json, err_console, fail
from standing.cli.root import command_group
from standing.clock import SystemClock
from standing.decisions.verdicts import DecisionDetail, decision_details, party_verdict
from standing.errors import StandingError
from standing.policies.loader import load_policy
from standing.settings import Settings
from standing.territories import territory_code

if TYPE_CHECKING:  # the gate (and numpy) load only when a gate command runs
    from standing.gate import GateOptions, Verdict

EXIT_DENIED = 1


def _load_gate(load: Callable[[], Any]) -> Any:
    try:
        return load()
    except (OSError, ValueError) as exc:
        fail(f"cannot load the gate: {exc}")


@dataclass(frozen=True)
class _Answer:
    """A verdict, the details of the decisions that deny, and why they are missing if so."""

    verdict: Verdict
    details: dict[str, DecisionDetail] = field(default_factory=dict)
    unavailable: str | None = None


app = typer.Typer()


@app.command("check")
def check(
    account: Annotated[str, typer.Argument(help="Account id.")],
    capability: Annotated[str, typer.Argument(help="Capability, e.g. ads.promote.")],
    territory: Annotated[
        str | None, typer.Option("--territory", help="ISO country code of the check.")
    ] = None,
    snapshot: Annotated[
        Path | None,
        typer.Option("--snapshot", help="Answer from a gate snapshot file instead."),
    ] = None,
    json_out: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """May ACCOUNT use CAPABILITY now? Exit 0 allowed, 1 denied, 2 error (an unknown
    account is one)."""
    from standing.gate.build import options_from_settings

    settings = settings_for(database)
    territory = _checked_question(settings, capability, territory)
    options = options_from_settings(settings)
    if snapshot is None:
        answer = _from_database(database, options, account, capability, territory)
    else:
        answer = _from_snapshot(snapshot, database, options, account, capability, territory)
    verdict = answer.verdict
    if verdict.unknown:  # a typo must not read as "allowed": the gate's APIs mark it
        where = f"the snapshot {snapshot}" if snapshot is not None else "the database"
        fail(
            f"unknown account {account!r}: no account or party in {where} has this id "
            f"(the gate would answer {'allowed' if verdict.allowed else 'denied'} for it, "
            "marked unknown)",
            error_code="not_found",
        )
    decisions = [
        answer.details[i].to_json() if i in answer.details else {"id": i} for i in verdict.decisions
    ]
    if json_out:
        emit_json(_check_document(account, capability, territory, answer, decisions))
    else:
        _print_verdict(account, capability, territory, verdict, decisions)
    if answer.unavailable:
        err_console.print(
            f"[yellow]note:[/] the decisions' details are unavailable: {answer.unavailable}",
            highlight=False,
            soft_wrap=True,
        )
    if not verdict.allowed:
        raise typer.Exit(EXIT_DENIED)


def _checked_question(settings: Settings, capability: str, territory: str | None) -> str | None:
    """The territory code; an unknown capability or territory fails the command."""
    try:
        policy = load_policy(settings.policies)
    except StandingError as exc:
        fail(exc.message, error_code=exc.code)
    if capability not in policy.capabilities:
        known = ", ".join(policy.capabilities)
        fail(f"unknown capability {capability!r}; the published ones are: {known}")
    if territory is None:
        return None
    try:
        return territory_code(territory, "--territory")
    except StandingError as exc:
        fail(exc.message, error_code=exc.code)


def _from_database(
    database: str | None,
    options: GateOptions,
    account: str,
    capability: str,
    territory: str | None,
) -> _Answer:
    from standing.gate import Gate

    with services_for(database) as services:
        gate = _load_gate(
            lambda: Gate.from_engine(
                services.engine, follow=False, options=options, clock=services.clock
            )
        )
        verdict = gate.check(account, capability, territory)
        gate.close()
        if verdict.unknown:  # not an account: perhaps a party, answered for itself
            verdict = party_verdict(services, account, capability, territory, verdict, CONSOLE)
        return _Answer(verdict, decision_details(services, verdict.decisions))


def _from_snapshot(
    snapshot: Path,
    database: str | None,
    options: GateOptions,
    account: str,
    capability: str,
    territory: str | None,
) -> _Answer:
    """The verdict is the snapshot's; the database only adds the decisions' details, and
    when it cannot, the verdict still stands (and exits 0 or 1)."""
    from standing.gate import Gate

    gate = _load_gate(lambda: Gate.from_snapshot(snapshot, options=options, clock=SystemClock()))
    verdict = gate.check(account, capability, territory)
    gate.close()
    if not verdict.decisions:
        return _Answer(verdict)
    try:
        with open_services(database) as services:
            return _Answer(verdict, decision_details(services, verdict.decisions))
    except StandingError as exc:
        return _Answer(verdict, unavailable=exc.message)


def _check_document(
    account: str,
    capability: str,
    territory: str | None,
    answer: _Answer,
    decisions: list[dict[str, Any]],
) -> dict[str, Any]:
    verdict = answer.verdict
    return {
        "account": account,
        "capability": capability,
        "territory": territory,
        "allowed": verdict.allowed,
        "decisions": decisions,
        "as_of": verdict.as_of,
        "unknown": verdict.unknown,
        "reason": verdict.reason,
        **({"details_unavailable": answer.unavailable} if answer.unavailable else {}),
    }


def _print_verdict(
    account: str,
    capability: str,
    territory: str | None,
    verdict: Verdict,
    decisions: list[dict[str, Any]],
) -> None:
    where = f" in {territory}" if territory else ""
    if verdict.allowed:
        console.print(f"[green]allowed[/]: {account} may use {capability}{where}", highlight=False)
    else:
        console.print(
            f"[bold red]denied[/]: {account} may not use {capability}{where}", highlight=False
        )
    console.print(verdict.reason, highlight=False)
    for d in decisions:
        if "rule_id" in d:
            console.print(
                f"[bold]{d['id']}[/] under {d['rule_id']} on {d['subject_id']}: {d['facts']}",
                highlight=False,
            )
        else:  # in the snapshot, but its details could not be read
            console.print(f"[bold]{d['id']}[/]", highlight=False)
        console.print(f"  statement: standing statement {d['id']}", style="dim")
    console.print(f"as of changelog position {verdict.as_of}", style="dim")


gate_app = command_group(app, "gate", "The gate's compiled state.")


@gate_app.command("snapshot")
def snapshot_cmd(
    out: Annotated[Path, typer.Option("--out", help="File to write the snapshot to.")],
    json_out: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Compile the graph and decisions into a snapshot file that loads in under a second."""
    from standing.gate import Gate
    from standing.gate.build import options_from_settings

    started = time.perf_counter()
    with services_for(database) as services:
        gate = Gate.from_engine(
            services.engine,
            follow=False,
            options=options_from_settings(services.settings),
            clock=services.clock,
        )
    try:
        gate.save(out)
    except (OSError, ValueError) as exc:
        fail(f"cannot write {out}: {exc}", EXIT_ERROR)
    state = gate.state
    summary = {
        "out": str(out),
        "bytes": out.stat().st_size,
        "accounts": state.graph.n_accounts,
        "parties": state.graph.n_parties,
        "ownerships": state.graph.n_edges,
        "decisions": len(state.decisions),
        "position": state.position,
        "seconds": round(time.perf_counter() - started, 3),
    }
    if json_out:
        emit_json(summary)
    else:
        console.print(
            f"wrote {out}: {summary['accounts']} accounts, {summary['parties']} parties, "
            f"{summary['decisions']} decisions, changelog position {summary['position']} "
            f"({summary['bytes']} bytes, {summary['seconds']} s)",
            highlight=False,
        )
