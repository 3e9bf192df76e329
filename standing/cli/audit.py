from __future__ import annotations

import typer

from standing.access.model import Permission, require
from standing.audit.log import verify_log
from standing.cli.common import (
    AsOpt,
    DatabaseOpt,
    JsonOpt,
    console,
    emit_json,
    fail,
    reading,
    services_for,
)


def register(app: typer.Typer) -> None:
    audit = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
    app.add_typer(audit, name="audit")

    @audit.command("verify")
    def verify(as_: AsOpt = None, json: JsonOpt = False, database: DatabaseOpt = None) -> None:
        """Verify the hash chain; exit 1 naming the first broken event."""
        with services_for(database) as services:
            require(reading(services, as_), Permission.AUDIT)
            with services.read() as session:
                count, broken = verify_log(session)
        if json:
            emit_json(
                {
                    "ok": broken is None,
                    "events": count,
                    "broken": None
                    if broken is None
                    else {"seq": broken.seq, "reason": broken.reason},
                }
            )
        elif broken is None:
            console.print(f"audit log intact: {count} events")
        if broken is not None:
            if not json:
                fail(f"audit log broken at event {broken.seq}: {broken.reason}", code=1)
            raise typer.Exit(1)
