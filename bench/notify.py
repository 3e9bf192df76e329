"""Notification delivery rate: emails per second from the outbox to a local SMTP server.

A fresh database of each backend gets the demo scenario and ten decisions on its parties;
each affected party has ``--contacts`` contact addresses, so every decision fans out to
hundreds of mails. The SMTP server is aiosmtpd (its ``Sink`` handler, which accepts and drops
every message) in a process of its own, so it does not share the worker's interpreter. Timed:
``Worker.run_once`` from a full outbox to an empty one (fan-out: addressing and rendering every
mail; delivery: claiming, sending and recording each), with one worker and with two worker
threads, and the same to ``.eml`` files (no mail server). For scale, ``smtp_floor`` is the
server's own ceiling: ready-made messages sent in a bare smtplib loop on one connection.

    python bench/notify.py [--contacts 50] [--postgres postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import os
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from rich.console import Console
from rich.table import Table
from sqlalchemy import delete, func, select, text

from standing.access.model import SYSTEM, Kind, Principal, Role
from standing.bootstrap import Services
from standing.decisions.service import DecisionRequest, record_decision
from standing.demo.seed import SCENARIO
from standing.graph.importer import import_files
from standing.notify.mail import mail_transport
from standing.notify.recipients import MappingRecipients
from standing.notify.webhooks import WebhookSender
from standing.notify.worker import Report, Worker
from standing.settings import Settings
from standing.store.engine import make_engine
from standing.store.migrate import upgrade
from standing.store.notify_tables import DeliveryRow, OutboxRow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._scratch import drop_database, free_port, scratch_database

#: The analyst the benchmark records its decisions as.
ANALYST = Principal(
    id="usr-analyst", kind=Kind.STAFF, name="analyst", roles=frozenset({Role.ANALYST})
)
#: Each subject's own facts (the guard refuses one text sent to several subjects).
FACTS = (
    "{name} is named in DHS Binding Operational Directive 17-01 of 13 September 2017, which "
    "bars its products from US federal networks; {count} of its product lines were found on "
    "agency systems in the {territory} audit of {month} 2026."
)
MONTHS = ("January", "February", "March", "April", "May")
SUBJECTS = (
    "ao-kaspersky-lab",
    "kaspersky-lab-inc",
    "kaspersky-labs-gmbh",
    "kaspersky-labs-japan",
    "ooo-kaspersky-group",
)
NAMES = {
    "ao-kaspersky-lab": "AO Kaspersky Lab",
    "kaspersky-lab-inc": "Kaspersky Lab, Inc.",
    "kaspersky-labs-gmbh": "Kaspersky Labs GmbH",
    "kaspersky-labs-japan": "Kaspersky Labs Japan K.K.",
    "ooo-kaspersky-group": "OOO Kaspersky Group",
}


@contextmanager
def smtp_server() -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "aiosmtpd", "-n"),
            *("-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the SMTP server did not start") from None
                time.sleep(0.05)
        yield f"smtp://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


def prepare(url: str, contacts: int) -> tuple[Services, dict[str, list[str]]]:
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    services = Services.build(Settings(database_url=url))
    import_files(services, [SCENARIO], ANALYST)
    with services.read() as session:
        parties = [r[0] for r in session.execute(text("SELECT id FROM parties ORDER BY id")).all()]
    book = {p: [f"contact-{i}@{p}.example" for i in range(contacts)] for p in parties}
    return services, book


def fill(services: Services) -> None:
    """Ten decisions: each subject under two rules' worth of decisions (one per territory)."""
    with services.write(SYSTEM) as work:
        work.session.execute(delete(DeliveryRow))
        work.session.execute(delete(OutboxRow))
    for territory in ("US", "DE"):
        for i, subject in enumerate(SUBJECTS):
            record_decision(
                services,
                DecisionRequest(
                    subject=subject,
                    rule="government-barred-vendor",
                    facts=FACTS.format(
                        name=NAMES[subject],
                        count=3 + i * 7,
                        territory=territory,
                        month=MONTHS[i],
                    ),
                    evidence=("DHS BOD 17-01",),
                    territories=(territory,),
                ),
                ANALYST,
            )


def run(services: Services, book: dict[str, list[str]], workers: int) -> dict[str, float]:
    fill(services)
    made = [
        Worker(
            services,
            MappingRecipients(book),
            mail_transport(services.settings),
            WebhookSender(5.0, False),
        )
        for _ in range(workers)
    ]
    reports: list[Report] = []
    start = time.perf_counter()
    threads = [threading.Thread(target=lambda w=w: reports.append(w.run_once())) for w in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    for worker in made:
        worker.close()
    total = Report()
    for report in reports:
        total.add(report)
    with services.read() as session:
        pending = session.scalar(
            select(func.count()).select_from(DeliveryRow).where(DeliveryRow.status != "delivered")
        )
    assert pending == 0 and total.dead == 0, (pending, total)
    return {
        "workers": workers,
        "messages": total.messages,
        "emails": total.delivered,
        "seconds": round(elapsed, 3),
        "emails_per_s": round(total.delivered / elapsed),
    }


def smtp_floor(smtp_url: str, count: int) -> dict[str, float]:
    """The server's own ceiling: ``count`` ready-made messages over one smtplib connection."""
    host, port = smtp_url.removeprefix("smtp://").split(":")
    message = (
        "From: a@example.com\r\nTo: b@example.com\r\nSubject: floor\r\n\r\n"
        + "A line of a notification body.\r\n" * 40
    ).encode()
    with smtplib.SMTP(host, int(port)) as connection:
        start = time.perf_counter()
        for i in range(count):
            connection.sendmail("a@example.com", [f"b{i}@example.com"], message)
        elapsed = time.perf_counter() - start
    return {"emails": count, "seconds": round(elapsed, 3), "emails_per_s": round(count / elapsed)}


def measure(url: str, contacts: int, smtp_url: str, mail_dir: Path) -> dict[str, object]:
    services, book = prepare(url, contacts)
    try:
        out: dict[str, object] = {}
        for label, settings in (
            ("smtp", {"smtp_url": smtp_url}),
            ("eml", {"smtp_url": None, "mail_dir": str(mail_dir)}),
        ):
            services.settings = services.settings.model_copy(update=settings)
            out[label] = run(services, book, 1)
            if label == "smtp":
                out["smtp_2_workers"] = run(services, book, 2)
        return out
    finally:
        services.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=50, help="contacts per party")
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "STANDING_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
        ),
    )
    args = parser.parse_args()
    results: dict[str, object] = {"contacts_per_party": args.contacts}
    with tempfile.TemporaryDirectory() as tmp, smtp_server() as smtp_url:
        results["smtp_floor"] = smtp_floor(smtp_url, 1000)
        results["sqlite"] = measure(
            f"sqlite:///{tmp}/bench.db", args.contacts, smtp_url, Path(tmp) / "mail"
        )
        try:
            name, url = scratch_database(args.postgres, "standing_bench")
        except Exception as exc:
            results["postgresql"] = {"error": str(exc).splitlines()[0]}
        else:
            try:
                results["postgresql"] = measure(url, args.contacts, smtp_url, Path(tmp) / "mail-pg")
            finally:
                drop_database(args.postgres, name)
    sys.stdout.buffer.write(orjson.dumps(results, option=orjson.OPT_INDENT_2) + b"\n")
    table = Table(
        "backend",
        "to",
        "workers",
        "messages",
        "emails",
        "seconds",
        "emails/s",
        title="notification delivery, outbox to mail",
    )
    for backend in ("sqlite", "postgresql"):
        r = results.get(backend)
        if not isinstance(r, dict):
            continue
        if "error" in r:
            table.add_row(backend, "-", "-", "-", "-", "-", str(r["error"]))
            continue
        for label in ("smtp", "smtp_2_workers", "eml"):
            m = r[label]
            table.add_row(
                backend,
                "SMTP (aiosmtpd)" if label.startswith("smtp") else ".eml files",
                str(m["workers"]),
                str(m["messages"]),
                f"{m['emails']:,}",
                str(m["seconds"]),
                f"{m['emails_per_s']:,}",
            )
    floor = results["smtp_floor"]
    assert isinstance(floor, dict)
    table.add_row(
        "-",
        "SMTP, bare smtplib loop",
        "-",
        "-",
        f"{floor['emails']:,}",
        str(floor["seconds"]),
        f"{floor['emails_per_s']:,}",
    )
    Console(stderr=True).print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
