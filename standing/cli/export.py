"""``standing export dsa``: statements of reasons for the DSA Transparency Database."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from standing.access.model import Permission, require
from standing.cli.acting import AsOpt, reading
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.moments import parse_when
from standing.cli.output import JsonOpt, console, emit_json, err_console, fail
from standing.cli.root import command_group
from standing.transparency.service import export_dsa
from standing.transparency.submit import submit_dsa

app = typer.Typer()

export = command_group(app, "export", "Exports for regulators.")


@export.command("dsa")
def dsa(
    since: Annotated[
        str | None, typer.Option("--since", help="Only statements issued from this date.")
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write JSON lines here (default: stdout).")
    ] = None,
    as_: AsOpt = None,
    submit: Annotated[
        bool,
        typer.Option(
            "--submit",
            help="Send the records not yet accepted to the DSA Transparency Database API "
            "(STANDING_DSA_API_URL, STANDING_DSA_API_TOKEN; a public STANDING_PUBLIC_URL).",
        ),
    ] = False,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Statements of reasons in the DSA Transparency Database schema, as JSON lines."""
    when = parse_when(since, "--since")
    if submit:
        with services_for(database, write=True) as services:
            report = submit_dsa(services, when)
        if json:
            emit_json(report.to_json())
        else:
            console.print(
                f"{len(report.accepted)} records accepted, {len(report.already)} accepted "
                f"earlier, {len(report.refused)} refused ({report.calls} calls, "
                f"{report.retries} retries)"
            )
            for refusal in report.refused:
                err_console.print(f"[red]refused[/] {refusal['puid']}: {refusal['errors']}")
        if report.refused:
            raise typer.Exit(1)
        return
    with services_for(database) as services:
        require(reading(services, as_), Permission.AUDIT)
        lines = [orjson.dumps(r) + b"\n" for r in export_dsa(services, when)]
    if out is None:
        sys.stdout.buffer.write(b"".join(lines))
        return
    try:
        out.write_bytes(b"".join(lines))
    except OSError as exc:
        fail(f"{out}: cannot write: {exc.strerror}")
    console.print(f"{len(lines)} statements written to {out}")
