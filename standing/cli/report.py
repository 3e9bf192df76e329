"""``standing report``: the transparency report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from standing.access.model import Permission, require
from standing.cli.acting import AsOpt, reading
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.output import JsonOpt, console, emit_json, fail
from standing.transparency.report import write_report

app = typer.Typer()


@app.command("report")
def report(
    out: Annotated[Path, typer.Option("--out", help="Directory to write into.")] = Path(
        "reports/transparency"
    ),
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Transparency report: report.html, CSV tables and SVG charts."""
    if out.exists() and not out.is_dir():
        fail(f"--out: {out} exists and is not a directory")
    try:
        with services_for(database) as services:
            require(reading(services, as_), Permission.AUDIT)
            if json:
                written = write_report(services, out)
            else:
                with console.status("writing the transparency report"):
                    written = write_report(services, out)
    except OSError as exc:
        where = exc.filename if exc.filename is not None else out
        fail(f"--out: cannot write the report to {where}: {exc.strerror or exc}")
    if json:
        emit_json({"files": [str(p) for p in written]})
        return
    for path in written:
        console.print(f"wrote {path}")
