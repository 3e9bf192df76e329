"""Contacts are reminded, once, before the appeal window of an unappealed decision closes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from standing.appeals.service import file_appeal
from standing.bootstrap import Services
from standing.graph.importer import import_files
from standing.notify.mail import mail_transport
from standing.notify.recipients import MappingRecipients
from standing.notify.webhooks import WebhookSender
from standing.notify.worker import Worker
from tests.decisions.helpers import record_vendor_decision
from tests.decisions.test_notices import NEW_COMPANY, write
from tests.fixtures.services import TestClock
from tests.notify.conftest import Mailbox, WorkerFactory
from tests.principals import ANALYST, KASPERSKY, RT

US = {"kaspersky-lab-inc": ["ads@kaspersky-us.example"], "ano-tv-novosti": ["rt@example.com"]}


def test_a_reminder_before_the_window_closes(
    mailing: tuple[Services, Mailbox], clock: TestClock, make_worker: WorkerFactory
) -> None:
    services, box = mailing
    decision = record_vendor_decision(services).decision
    appealed = record_vendor_decision(
        services, subject="ano-tv-novosti", rule="state-controlled-media"
    ).decision
    file_appeal(services, appealed.id, "Our editor is chosen by an independent board.", RT)
    worker = make_worker(services, US)
    assert worker.run_once().reminders == 0
    window = services.policy.rule("government-barred-vendor").appeal_window_days
    deadline = decision.created_at + timedelta(days=window)
    clock.at = deadline - timedelta(days=15)
    assert worker.run_once().reminders == 0  # not yet: 14 days before
    clock.at = deadline - timedelta(days=13)
    report = worker.run_once()
    assert report.reminders == 1 and report.delivered == 1
    mail = box.to("ads@kaspersky-us.example")[-1]
    assert mail["Subject"].strip() == (
        f"Decision {decision.id}: the appeal window closes on {deadline.day} {deadline:%B %Y}"
    )
    assert "After that you may still ask for reinstatement" in mail.get_content()
    # once only, and never for the appealed decision or after the deadline
    clock.advance(days=1)
    assert worker.run_once().reminders == 0
    clock.at = deadline + timedelta(days=1)
    assert worker.run_once().reminders == 0
    assert [m["Subject"] for m in box.to("rt@example.com") if "window" in m["Subject"]] == []


def test_a_notice_is_reminded_on_its_own_deadline(
    mailing: tuple[Services, Mailbox],
    clock: TestClock,
    make_worker: WorkerFactory,
    tmp_path: Path,
) -> None:
    services, box = mailing
    decision = record_vendor_decision(services).decision
    clock.advance(days=30)
    path = write(tmp_path / "kr.jsonl", NEW_COMPANY)
    (notice_id,) = import_files(services, [path], ANALYST).notices
    worker = make_worker(services, {"kl-korea": ["kr@example.com"], **US})
    worker.run_once()
    window = services.policy.rule("government-barred-vendor").appeal_window_days
    clock.at = decision.created_at + timedelta(days=window - 13)
    assert worker.run_once().reminders == 1  # the decision's: its statement's parties only
    assert not [m for m in box.to("kr@example.com") if "window" in m["Subject"]]
    clock.at = clock.at + timedelta(days=30)
    assert worker.run_once().reminders == 1
    (reminder,) = [m for m in box.to("kr@example.com") if "window" in m["Subject"]]
    assert f"as notice {notice_id} applies it to account acct-kl-korea" in " ".join(
        reminder.get_content().split()
    )


def test_reviewers_get_a_daily_digest_of_appeals_due(
    mailing: tuple[Services, Mailbox], clock: TestClock, make_worker: WorkerFactory
) -> None:
    services, box = mailing
    decision = record_vendor_decision(services).decision
    appeal = file_appeal(
        services, decision.id, "Our US company is independent of the parent.", KASPERSKY
    )
    worker = Worker(
        services,
        MappingRecipients({}, reviewers=["desk@platform.example"]),
        mail_transport(services.settings),
        WebhookSender(5.0, True),
    )
    try:
        assert worker.run_once().digests == 0  # due in 14 days: not yet
        clock.at = appeal.due_at - timedelta(days=2)
        assert worker.run_once().digests == 1
        assert worker.run_once().digests == 0  # once a day
        clock.at = appeal.due_at + timedelta(days=1)
        assert worker.run_once().digests == 1
    finally:
        worker.close()
    first, second = box.to("desk@platform.example")
    assert first["Subject"].strip() == "Appeals due by 16 January 2026: 1"
    assert f"{appeal.id} against decision {decision.id}: due 15 January 2026" in " ".join(
        first.get_content().split()
    )
    assert second["Subject"].strip().endswith(", 1 overdue")
    assert "https://ads.platform.example/review" in second.get_content()
