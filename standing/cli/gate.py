"""``standing check`` and ``standing gate snapshot``: the gate from the command line."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from standing.cli.common import (
    EXIT_ERROR,
    DatabaseOpt,
    JsonOpt,
    console,
    emit_json,
    err_console,
    fail,
    open_services,
    services_for,
    settings_for,
)
from standing.errors import StandingError
from standing.policies.loader import load_policy

EXIT_DENIED = 1


def _decision_details(services: Any, ids: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Rule ids and facts of the given decisions, as far as the decisions table has them."""
    if not ids:
        return {}
    from sqlalchemy import select

    from standing.store.tables import DecisionRow

    with services.read() as session:
        rows = session.execute(
            select(
                DecisionRow.id,
                DecisionRow.rule_id,
                DecisionRow.subject_id,
                DecisionRow.facts,
                DecisionRow.ends_at,
            ).where(DecisionRow.id.in_(ids))
        ).all()
    return {
        r.id: {
            "id": r.id,
            "rule_id": r.rule_id,
            "subject_id": r.subject_id,
            "facts": r.facts,
            "ends_at": r.ends_at.isoformat() if r.ends_at else None,
        }
        for r in rows
    }


def _load_gate(load: Callable[[], Any]) -> Any:
    try:
        return load()
    except (OSError, ValueError) as exc:
        fail(f"cannot load the gate: {exc}")


def _party_verdict(
    services: Any, subject: str, capability: str, territory: str | None, verdict: Any
) -> Any:
    """The verdict for a party id given where an account is expected: the party's own
    standing (restricted or not), from the same decisions and propagation as its accounts'."""
    from standing.cli.common import CONSOLE
    from standing.decisions.service import standing_of
    from standing.errors import NotFound
    from standing.gate import Verdict

    try:
        standing = standing_of(services, subject, CONSOLE, territory)
    except NotFound:
        return verdict
    if standing["subject"]["kind"] == "account":
        return verdict
    entry = next(c for c in standing["capabilities"] if c["capability"] == capability)
    reason = (
        f"{subject} is a party, not an account: answered for the party itself, whose accounts "
        + ("are not restricted by any decision" if entry["allowed"] else "are denied")
    )
    return Verdict(entry["allowed"], tuple(entry["decisions"]), verdict.as_of, False, reason)


def register(app: typer.Typer) -> None:
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
        from standing.clock import SystemClock
        from standing.decisions.model import territory_code
        from standing.gate import Gate
        from standing.gate.build import options_from_settings

        settings = settings_for(database)
        try:
            policy = load_policy(settings.policies)
        except StandingError as exc:
            fail(exc.message, error_code=exc.code)
        if capability not in policy.capabilities:
            known = ", ".join(policy.capabilities)
            fail(f"unknown capability {capability!r}; the published ones are: {known}")
        if territory is not None:
            try:
                territory = territory_code(territory, "--territory")
            except StandingError as exc:
                fail(exc.message, error_code=exc.code)
        options = options_from_settings(settings)
        details: dict[str, dict[str, Any]] = {}
        unavailable: str | None = None
        if snapshot is None:
            with services_for(database) as services:
                gate = _load_gate(
                    lambda: Gate.from_engine(
                        services.engine, follow=False, options=options, clock=services.clock
                    )
                )
                verdict = gate.check(account, capability, territory)
                gate.close()
                if verdict.unknown:  # not an account: perhaps a party, answered for itself
                    verdict = _party_verdict(services, account, capability, territory, verdict)
                details = _decision_details(services, verdict.decisions)
        else:
            # The verdict is the snapshot's; the database only adds the decisions' details,
            # and when it cannot, the verdict still stands (and exits 0 or 1).
            gate = _load_gate(
                lambda: Gate.from_snapshot(snapshot, options=options, clock=SystemClock())
            )
            verdict = gate.check(account, capability, territory)
            gate.close()
            if verdict.decisions:
                try:
                    with open_services(database) as services:
                        details = _decision_details(services, verdict.decisions)
                except StandingError as exc:
                    unavailable = exc.message
        if verdict.unknown:  # a typo must not read as "allowed": the gate's APIs mark it
            where = f"the snapshot {snapshot}" if snapshot is not None else "the database"
            fail(
                f"unknown account {account!r}: no account or party in {where} has this id "
                f"(the gate would answer {'allowed' if verdict.allowed else 'denied'} for it, "
                "marked unknown)",
                error_code="not_found",
            )
        decisions = [details.get(i, {"id": i}) for i in verdict.decisions]
        if json_out:
            emit_json(
                {
                    "account": account,
                    "capability": capability,
                    "territory": territory,
                    "allowed": verdict.allowed,
                    "decisions": decisions,
                    "as_of": verdict.as_of,
                    "unknown": verdict.unknown,
                    "reason": verdict.reason,
                    **({"details_unavailable": unavailable} if unavailable else {}),
                }
            )
        else:
            where = f" in {territory}" if territory else ""
            if verdict.allowed:
                console.print(
                    f"[green]allowed[/]: {account} may use {capability}{where}", highlight=False
                )
            else:
                console.print(
                    f"[bold red]denied[/]: {account} may not use {capability}{where}",
                    highlight=False,
                )
            console.print(verdict.reason, highlight=False)
            for d in decisions:
                if "rule_id" in d:
                    console.print(
                        f"[bold]{d['id']}[/] under {d['rule_id']} on {d['subject_id']}: "
                        f"{d['facts']}",
                        highlight=False,
                    )
                else:  # in the snapshot, but its details could not be read
                    console.print(f"[bold]{d['id']}[/]", highlight=False)
                console.print(f"  statement: standing statement {d['id']}", style="dim")
            console.print(f"as of changelog position {verdict.as_of}", style="dim")
        if unavailable:
            err_console.print(
                f"[yellow]note:[/] the decisions' details are unavailable: {unavailable}",
                highlight=False,
                soft_wrap=True,
            )
        if not verdict.allowed:
            raise typer.Exit(EXIT_DENIED)

    gate_app = typer.Typer(help="The gate's compiled state.", no_args_is_help=True)
    app.add_typer(gate_app, name="gate")

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
