"""Several workers on one store: every message is delivered, none twice."""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import select

from standing.bootstrap import Services
from standing.notify.worker import Report
from standing.store.notify_tables import DeliveryRow
from tests.decisions.helpers import record_vendor_decision
from tests.notify.conftest import Mailbox, WorkerFactory


def test_four_workers_share_the_outbox(
    mailing: tuple[Services, Mailbox], make_worker: WorkerFactory
) -> None:
    services, box = mailing
    services.settings = services.settings.model_copy(update={"notify_batch": 7})
    contacts = {
        "ao-kaspersky-lab": [f"parent-{i}@example.com" for i in range(30)],
        "kaspersky-lab-inc": [f"us-{i}@example.com" for i in range(30)],
        "ano-tv-novosti": [f"rt-{i}@example.com" for i in range(30)],
    }
    record_vendor_decision(services)
    record_vendor_decision(services, subject="ano-tv-novosti", rule="state-controlled-media")
    workers = [make_worker(services, contacts, seed=i) for i in range(4)]
    reports: list[Report] = []
    errors: list[BaseException] = []
    start = threading.Barrier(len(workers))

    def run(index: int) -> None:
        try:
            start.wait()
            reports.append(workers[index].run_once())
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    total = Report()
    for report in reports:
        total.add(report)
    assert (total.messages, total.deliveries, total.delivered) == (2, 90, 90)
    per_address = Counter(a for _, rcpt, _ in box.received for a in rcpt)
    assert len(per_address) == 90 and set(per_address.values()) == {1}
    with services.read() as session:
        assert {r.status for r in session.scalars(select(DeliveryRow))} == {"delivered"}
