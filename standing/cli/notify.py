"""``standing worker`` and ``standing webhooks``: delivering notifications and managing the
endpoints that receive them.

The commands that change endpoints act as `acting_user`, the one place that says who acts."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from types import FrameType
from typing import Annotated

import typer
from rich.table import Table

from standing.access.model import Permission, Principal, require
from standing.bootstrap import Services
from standing.cli.acting import AsOpt, acting
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.output import JsonOpt, answer, console, emit_json
from standing.cli.root import command_group
from standing.notify.deliveries import get_delivery, list_deliveries
from standing.notify.events import WEBHOOK_EVENTS
from standing.notify.webhooks import (
    add_endpoint,
    list_endpoints,
    remove_endpoint,
    replay,
)
from standing.notify.worker import Worker


def acting_user(services: Services, as_: str | None) -> Principal:
    """Who changes the webhook endpoints (an admin), for the audit log."""
    return require(acting(services, as_), Permission.MANAGE_ACCESS)


app = typer.Typer()


@app.command("worker")
def worker(
    once: Annotated[
        bool, typer.Option("--once", help="Deliver what is due now, then exit.")
    ] = False,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Deliver notifications (email and webhooks) from the outbox; loops until stopped."""
    with services_for(database, write=True) as services:
        running = Worker.for_services(services)
        try:
            if once:
                report = running.run_once()
                if json:
                    emit_json(report.to_json())
                else:
                    console.print(
                        f"{report.summary()} (mail: {running.mail.describe()})",
                        highlight=False,
                    )
                return
            stop = threading.Event()

            def _stop(signum: int, frame: FrameType | None) -> None:
                stop.set()

            signal.signal(signal.SIGTERM, _stop)
            console.print(
                f"delivering notifications (mail: {running.mail.describe()}); Ctrl-C stops",
                highlight=False,
            )
            with contextlib.suppress(KeyboardInterrupt):
                running.run(
                    stop,
                    lambda report: console.print(report.summary(), highlight=False, soft_wrap=True),
                )
        finally:
            running.close()


box = command_group(app, "outbox", "What the outbox delivered, is delivering or gave up on.")


@box.command("list")
def outbox_list(
    channel: Annotated[str | None, typer.Option("--channel", help="email or webhook.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="pending, delivered or dead.")
    ] = None,
    message: Annotated[
        str | None, typer.Option("--message", help="Only this message's deliveries.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Deliveries, newest first: to whom, their status, attempts and last error."""
    with services_for(database) as services:
        rows = list_deliveries(services, channel, status, message, limit)
    if json:
        emit_json({"deliveries": [d.to_json() for d in rows]})
        return
    table = Table("delivery", "message", "event", "to", "status", "attempts", "last error")
    for d in rows:
        table.add_row(
            d.id, d.message, d.event, d.target, d.status, str(d.attempts), d.last_error or ""
        )
    console.print(table)


@box.command("show")
def outbox_show(
    delivery: Annotated[str, typer.Argument(help="Delivery id (dlv-...).")],
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """A delivery's message exactly as sent: the mail (RFC 5322) or the webhook body."""
    with services_for(database) as services:
        found = get_delivery(services, delivery)
    if json:
        emit_json(found.to_json())
    else:
        sys.stdout.write((found.content or "").rstrip("\n") + "\n")


hooks = command_group(
    app, "webhooks", "Webhook endpoints: events posted and signed per Standard Webhooks."
)


@hooks.command("add")
def add(
    url: Annotated[str, typer.Argument(help="The https:// URL events are posted to.")],
    event: Annotated[
        list[str] | None,
        typer.Option(
            "--event",
            help=f"An event to send (repeatable; default all): {', '.join(WEBHOOK_EVENTS)}.",
        ),
    ] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Register an endpoint; prints its signing secret, this once."""
    with services_for(database, write=True) as services:
        row, secret = add_endpoint(services, url, event or [], acting_user(services, as_))
    if json:
        emit_json({"id": row.id, "secret": secret})
    else:
        console.print(f"endpoint {row.id} added for {row.url}", highlight=False)
        console.print(f"signing secret (shown once): {secret}", highlight=False)


@hooks.command("list")
def list_(json: JsonOpt = False, database: DatabaseOpt = None) -> None:
    """The endpoints, their events and status (never their secrets)."""
    with services_for(database) as services:
        endpoints = [e.to_json() for e in list_endpoints(services)]
    if json:
        emit_json({"endpoints": endpoints})
        return
    table = Table("endpoint", "url", "events", "status")
    for e in endpoints:
        status = e["status"] + (f": {e['disabled_reason']}" if e["disabled_reason"] else "")
        table.add_row(e["id"], e["url"], ", ".join(e["events"]), status)
    console.print(table)


@hooks.command("remove")
def remove(
    endpoint: Annotated[str, typer.Argument(help="Endpoint id (wh-...).")],
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Remove an endpoint; what was still to be sent to it is dead-lettered."""
    with services_for(database, write=True) as services:
        removed = remove_endpoint(services, endpoint, acting_user(services, as_))
    answer(json, removed.to_json(), f"endpoint {removed.id} removed")


@hooks.command("replay")
def replay_(
    message: Annotated[str, typer.Argument(help="Message id (msg-..., the webhook-id).")],
    endpoint: Annotated[
        str | None, typer.Option("--endpoint", help="Only to this endpoint.")
    ] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Send a message again, with the same webhook-id and body, at the next worker pass."""
    with services_for(database, write=True) as services:
        queued = replay(services, message, acting_user(services, as_), endpoint)
    answer(
        json,
        {"message": message, "deliveries": queued},
        f"message {message}: {len(queued)} deliveries queued again",
    )
