from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import orjson
import typer

from standing.access.model import Permission, require
from standing.cli.common import AsOpt, DatabaseOpt, console, fail, reading, services_for
from standing.cli.decisions import parse_when
from standing.transparency.service import export_dsa


def register(app: typer.Typer) -> None:
    export = typer.Typer(help="Exports for regulators.", no_args_is_help=True)
    app.add_typer(export, name="export")

    @export.command("dsa")
    def dsa(
        since: Annotated[
            str | None, typer.Option("--since", help="Only statements issued from this date.")
        ] = None,
        out: Annotated[
            Path | None, typer.Option("--out", help="Write JSON lines here (default: stdout).")
        ] = None,
        as_: AsOpt = None,
        database: DatabaseOpt = None,
    ) -> None:
        """Statements of reasons in the DSA Transparency Database schema, as JSON lines."""
        when = parse_when(since, "--since")
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
