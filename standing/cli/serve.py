"""``standing serve`` and ``demo``: the web app and the API."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from standing.cli.database import (
    DatabaseOpt,
    database_errors,
    database_url,
    redact,
    services_for,
    settings_for,
)
from standing.cli.output import console, fail
from standing.errors import StandingError
from standing.policies.loader import load_policy

HostOpt = Annotated[str, typer.Option("--host", help="Interface to listen on.")]
PortOpt = Annotated[int, typer.Option("--port", help="TCP port.")]


def run_server(
    database_url: str, host: str, port: int, workers: int = 1, notify: bool = True
) -> None:
    """Serve; with ``notify``, a thread of this process delivers the outbox meanwhile."""
    import uvicorn

    from standing.bootstrap import Services
    from standing.notify.worker import Background

    os.environ["STANDING_DATABASE_URL"] = database_url  # read by each worker's Settings()
    console.print(f"serving on http://{host}:{port} (database {redact(database_url)})")
    background = Background(Services.build(settings_for(database_url))).start() if notify else None
    if background is not None:
        console.print(f"delivering notifications (mail: {background.worker.mail.describe()})")
    try:
        uvicorn.run(
            "standing.web.asgi:create",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
            access_log=False,
        )
    finally:
        if background is not None:
            background.stop()


app = typer.Typer()


@app.command("serve")
def serve(
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes.")] = 1,
    worker: Annotated[
        bool,
        typer.Option(
            "--worker/--no-worker",
            help="Deliver notifications in this process (--no-worker: `standing worker` "
            "runs elsewhere).",
        ),
    ] = True,
    database: DatabaseOpt = None,
) -> None:
    """Serve the web app and the API."""
    settings = settings_for(database)
    try:
        database_url(settings, database)
        load_policy(settings.policies)
    except StandingError as exc:
        fail(exc.message, error_code=exc.code)
    with services_for(database, write=True):
        pass  # a new database is created and migrated, one behind is migrated
    run_server(settings.database_url, host, port, workers, notify=worker)


@app.command("demo")
def demo(
    port: PortOpt = 8000,
    host: HostOpt = "127.0.0.1",
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the app after loading.")
    ] = True,
    database: DatabaseOpt = None,
) -> None:
    """Create or refresh the demo database with the shipped scenario, then serve it."""
    from standing.demo.seed import load_demo, people_help, reset_database
    from standing.notify.mail import mail_dir

    settings = settings_for(database)
    try:
        url = database_url(settings, database)
        with database_errors(url):
            reset_database(url)
    except StandingError as exc:
        fail(exc.message, error_code=exc.code)
    with services_for(database, create=True) as services:
        summary = load_demo(services)
        people = people_help(services.settings.public_url)
        mail_to = mail_dir(services.settings)
    console.print(summary)
    console.print(people, highlight=False, soft_wrap=True)
    console.print(
        f"advertisers may also sign in with an emailed link; without STANDING_SMTP_URL the "
        f"mail is written to {mail_to}/",
        highlight=False,
        soft_wrap=True,
    )
    if serve:
        run_server(settings.database_url, host, port)
