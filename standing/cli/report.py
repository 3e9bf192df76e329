from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from standing.cli.common import DatabaseOpt, JsonOpt, console, emit_json, services_for
from standing.transparency.report import write_report


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        out: Annotated[Path, typer.Option("--out", help="Directory to write into.")] = Path(
            "reports/transparency"
        ),
        json: JsonOpt = False,
        database: DatabaseOpt = None,
    ) -> None:
        """Transparency report: report.html, CSV tables and SVG charts."""
        with services_for(database) as services:
            if json:
                written = write_report(services, out)
            else:
                with console.status("writing the transparency report"):
                    written = write_report(services, out)
        if json:
            emit_json({"files": [str(p) for p in written]})
            return
        for path in written:
            console.print(f"wrote {path}")
