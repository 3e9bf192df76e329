from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from standing.access.model import Principal
from standing.bootstrap import Services
from standing.cli.common import (
    AsOpt,
    DatabaseOpt,
    JsonOpt,
    acting,
    console,
    emit_json,
    err_console,
    progress_enabled,
    services_for,
)
from standing.graph.importer import import_files


def _screen_new_parties(services: Services, ids: list[str], actor: Principal) -> dict[str, object]:
    """New and renamed parties are screened against the latest lists, if any are loaded."""
    from standing.screening.service import loaded_versions, screen_parties

    if not ids or not loaded_versions(services):
        return {"parties": 0, "hits": 0, "decisions": []}
    count, hits, decided = screen_parties(services, actor, ids)
    return {"parties": count, "hits": hits, "decisions": decided}


def register(app: typer.Typer) -> None:
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
            total = sum(f.stat().st_size for f in files if f.is_file())
            actor = acting(services, as_)
            if progress_enabled(json):
                with Progress(
                    TextColumn("importing"),
                    BarColumn(),
                    DownloadColumn(),
                    TimeRemainingColumn(),
                    console=err_console,
                ) as bar:
                    task = bar.add_task("import", total=total)
                    report = import_files(services, files, actor, lambda n: bar.advance(task, n))
            else:
                report = import_files(services, files, actor)
            screened = _screen_new_parties(services, report.screen_ids, actor)
        if json:
            emit_json({**report.to_json(), "screening": screened})
            return
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
