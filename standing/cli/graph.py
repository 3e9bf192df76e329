"""``standing import``: parties, ownership and accounts from FollowTheMoney files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from standing.access.model import Principal
from standing.bootstrap import Services
from standing.cli.acting import AsOpt, acting
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.output import JsonOpt, console, emit_json
from standing.cli.progress import bytes_bar, progress_enabled
from standing.graph.importer import ImportReport, import_files
from standing.graph.screen import screen_imported

app = typer.Typer()


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="FollowTheMoney JSON lines files.")],
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Import parties, ownership and accounts (FtM JSON lines, one entity per line of at
    most 1 MiB; an id once per file); all files or nothing."""
    with services_for(database, write=True) as services:
        actor = acting(services, as_)
        report = _import(services, files, actor, progress_enabled(json))
        screened = screen_imported(services, report.screen_ids, actor)
    if json:
        emit_json({**report.to_json(), "screening": screened})
    else:
        _print_import(files, report, screened)


def _import(services: Services, files: list[Path], actor: Principal, bar: bool) -> ImportReport:
    if not bar:
        return import_files(services, files, actor)
    total = sum(f.stat().st_size for f in files if f.is_file())
    with bytes_bar("importing") as progress:
        task = progress.add_task("import", total=total)
        return import_files(services, files, actor, lambda n: progress.advance(task, n))


def _print_import(files: list[Path], report: ImportReport, screened: dict[str, object]) -> None:
    table = Table("file", "lines", "parties", "ownerships", "accounts", "skipped")
    for f in report.files:
        skipped = ", ".join(f"{k}: {v}" for k, v in sorted(f.skipped.items())) or "0"
        table.add_row(
            f.file, str(f.lines), str(f.parties), str(f.ownerships), str(f.accounts), skipped
        )
    console.print(table)
    if report.empty:
        left_out = report.totals()["skipped"]
        console.print(
            "nothing to import: no party, ownership or account in "
            + ", ".join(str(f) for f in files)
            + (f" ({left_out} entities of other schemata left out)" if left_out else "")
            + "; the database is unchanged",
            highlight=False,
        )
    if report.notices:
        console.print(
            f"{len(report.notices)} accounts newly reached by active decisions got a "
            f"statement of reasons: {', '.join(report.notices[:10])}"
            + (" ..." if len(report.notices) > 10 else "")
        )
    if screened["parties"]:
        console.print(
            f"screened {screened['parties']} new or renamed parties: "
            f"{screened['hits']} new hits in the review queue"
        )
