"""Mail to the contacts of the affected parties, over a real SMTP exchange."""

from __future__ import annotations

from email import message_from_string
from pathlib import Path

import pytest
from sqlalchemy import func, select

from standing.appeals.service import file_appeal, review_appeal
from standing.bootstrap import Services
from standing.decisions.service import lift_decision
from standing.errors import Invalid
from standing.notify.mail import SmtpTransport, mail_dir
from standing.store.notify_tables import DeliveryRow, OutboxRow
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.services import TestClock
from tests.notify.conftest import Mailbox, WorkerFactory
from tests.principals import ANALYST, KASPERSKY, REVIEWER

PORTAL = "https://ads.platform.example/standing/decisions/"


def body(message: object) -> str:
    from email.message import Message

    assert isinstance(message, Message)
    payload = message.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def test_a_decision_is_mailed_to_each_contact_once_with_what_why_deadline_and_link(
    make_worker: WorkerFactory,
    mailing: tuple[Services, Mailbox],
) -> None:
    services, box = mailing
    decision = record_vendor_decision(services).decision
    worker = make_worker(services)
    report = worker.run_once()
    assert report.messages == 1 and report.delivered == 3 and report.dead == 0
    # one mail per address, even for a contact of two affected parties
    assert sorted(a for _, rcpt, _ in box.received for a in rcpt) == [
        "ads@kaspersky-us.example",
        "jp@kaspersky.example",
        "legal@kaspersky.example",
    ]
    (us,) = box.to("ads@kaspersky-us.example")
    assert us["From"] == "Standing <notices@platform.example>"
    assert decision.id in us["Subject"] and "ads.promote" in us["Subject"]
    text = body(us)
    assert f"Decision {decision.id}" in text
    assert "ads.promote" in text and "organic.post" in text  # restricted, and what is not
    # why the US company's account is covered: its owner's control, with the shares
    assert "Kaspersky Lab, Inc. (kaspersky-lab-inc): it is controlled by restricted parties" in text
    assert "account @kasperskyus on social (acct-kaspersky-us): it is owned by" in text
    assert "acct-kaspersky-de" not in text  # another subsidiary's account is not its business
    assert "You may dispute this decision until " in text and " UTC" in text
    assert PORTAL + decision.id in text
    assert us["Message-ID"].startswith("<dlv-") and us["Message-ID"].endswith("@platform.example>")
    (legal,) = box.to("legal@kaspersky.example")
    assert "(acct-kaspersky-us):" in body(legal) and "(acct-kaspersky):" in body(legal)
    # the mail as sent is archived, and nothing is sent twice
    with services.read() as session:
        rows = session.scalars(select(DeliveryRow)).all()
    assert {r.status for r in rows} == {"delivered"}
    archived = next(r for r in rows if r.target == "ads@kaspersky-us.example")
    assert message_from_string(archived.content)["Message-ID"] == us["Message-ID"]
    assert not worker.run_once()
    assert len(box.received) == 3


def test_appeal_received_decided_and_lift_are_mailed(
    make_worker: WorkerFactory, mailing: tuple[Services, Mailbox], clock: TestClock
) -> None:
    services, box = mailing
    decision = record_vendor_decision(services).decision
    worker = make_worker(services, {"kaspersky-lab-inc": ["ads@kaspersky-us.example"]})
    worker.run_once()
    clock.advance(days=2)
    appeal = file_appeal(
        services, decision.id, "Our US company is independent of the parent.", KASPERSKY
    )
    worker.run_once()
    clock.advance(days=3)
    review_appeal(
        services,
        appeal.id,
        "overturned",
        "DHS withdrew BOD 17-01 for AO Kaspersky Lab on the date you cite; the notice you sent "
        "is genuine, so the restriction on its accounts ends today.",
        REVIEWER,
    )
    report = worker.run_once()
    # the outcome is mailed; the lift it caused goes to webhooks only (no second mail)
    assert report.messages == 2 and report.delivered == 1
    subjects = [m["Subject"] for m in box.to("ads@kaspersky-us.example")]
    assert subjects[1] == f"Appeal {appeal.id} received (decision {decision.id})"
    assert subjects[2] == f"Appeal {appeal.id} decided: overturned (decision {decision.id})"
    received = body(box.to("ads@kaspersky-us.example")[1])
    assert "will answer with reasons by 17 January 2026, 00:00 UTC" in received
    decided = body(box.to("ads@kaspersky-us.example")[2])
    assert "overturned: the decision has ended" in decided and "out-of-court" in decided
    assert PORTAL + decision.id in decided
    # the outcome names the certified bodies and the courts the policy lists (Art. 20(5), 21)
    for body_ in services.policy.redress.bodies:
        assert f"{body_.name} ({body_.country}, {body_.url})" in decided
    assert "The courts: You may at any time bring proceedings" in decided
    assert "Digital Services Coordinator" in decided


def test_a_lift_is_mailed(
    make_worker: WorkerFactory, mailing: tuple[Services, Mailbox], clock: TestClock
) -> None:
    services, box = mailing
    decision = record_vendor_decision(services).decision
    clock.advance(days=40)
    lift_decision(services, decision.id, "DHS withdrew BOD 17-01 on 2026-05-04.", ANALYST)
    make_worker(services, {"ao-kaspersky-lab": ["legal@kaspersky.example"]}).run_once()
    (lifted,) = [m for m in box.to("legal@kaspersky.example") if m["Subject"].endswith(" lifted")]
    assert lifted["Subject"] == f"Decision {decision.id} lifted"
    assert "lifted on 10 February 2026" in body(lifted)
    assert "Reason: DHS withdrew BOD 17-01 on 2026-05-04." in body(lifted)


def test_a_failed_decision_writes_no_message(mailing: tuple[Services, Mailbox]) -> None:
    services, _ = mailing
    with pytest.raises(Invalid):
        record_vendor_decision(services, facts="Too vague.")
    with services.read() as session:
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 0


def test_a_refused_address_is_dead_and_a_busy_one_retried_with_backoff(
    make_worker: WorkerFactory, mailing: tuple[Services, Mailbox], clock: TestClock
) -> None:
    services, box = mailing
    box.refuse = {"jp@kaspersky.example": 550, "legal@kaspersky.example": 451}
    record_vendor_decision(services)
    worker = make_worker(services)
    report = worker.run_once()
    assert (report.delivered, report.retried, report.dead) == (1, 1, 1)
    with services.read() as session:
        rows = {r.target: r for r in session.scalars(select(DeliveryRow))}
    assert rows["jp@kaspersky.example"].status == "dead"
    assert "550" in (rows["jp@kaspersky.example"].last_error or "")
    busy = rows["legal@kaspersky.example"]
    assert busy.status == "pending" and busy.attempts == 1
    # the first retry waits the schedule's 60 s, give or take a fifth
    wait = (busy.next_attempt_at - clock.at).total_seconds()
    assert 48 <= wait <= 72
    clock.advance(seconds=30)
    assert not worker.run_once()  # not due yet
    box.refuse = {}
    clock.advance(seconds=60)
    assert worker.run_once().delivered == 1
    assert len(box.to("legal@kaspersky.example")) == 1


def test_the_last_retry_dead_letters(
    make_worker: WorkerFactory, mailing: tuple[Services, Mailbox], clock: TestClock
) -> None:
    services, box = mailing
    box.refuse = {"jp@kaspersky.example": 421}
    record_vendor_decision(services)
    worker = make_worker(services, {"kaspersky-labs-japan": ["jp@kaspersky.example"]})
    assert worker.run_once().retried == 1
    clock.advance(seconds=100)
    assert worker.run_once().retried == 1
    clock.advance(seconds=1000)
    assert worker.run_once().dead == 1
    with services.read() as session:
        row = session.scalars(select(DeliveryRow)).one()
    assert (row.status, row.attempts) == ("dead", 3)


def test_without_a_mail_server_mail_is_written_beside_the_database(
    make_worker: WorkerFactory, demo_graph: Services, tmp_path: Path
) -> None:
    assert demo_graph.settings.smtp_url is None
    directory = mail_dir(demo_graph.settings)
    if demo_graph.engine.dialect.name == "sqlite":
        assert directory == tmp_path / "mail"
    else:  # no file to sit beside: ./var/mail, or where mail_dir says
        assert directory == Path("var/mail")
        directory = tmp_path / "mail"
        demo_graph.settings = demo_graph.settings.model_copy(update={"mail_dir": str(directory)})
    decision = record_vendor_decision(demo_graph).decision
    make_worker(demo_graph).run_once()
    files = sorted(directory.glob("*.eml"))
    assert len(files) == 3
    message = message_from_string(files[0].read_text())
    assert decision.id in message["Subject"] and message["Message-ID"]


def test_smtp_urls_are_checked() -> None:
    with pytest.raises(Invalid, match="STANDING_SMTP_URL"):
        SmtpTransport("mail.example:25", "a@b")
    smtp = SmtpTransport("smtp+starttls://user%40x:p%2Fw@mail.example", "Me <me@x.example>")
    assert (smtp.port, smtp.user, smtp.password, smtp.envelope_from) == (
        587,
        "user@x",
        "p/w",
        "me@x.example",
    )


def test_a_batch_that_outlives_half_its_lease_gives_the_rest_back(
    mailing: tuple[Services, Mailbox], make_worker: WorkerFactory
) -> None:
    services, box = mailing
    services.settings = services.settings.model_copy(update={"notify_lease_s": 1e-6})
    record_vendor_decision(services)
    worker = make_worker(services)
    # each pass sends one mail and puts the others back, unattempted and due at once
    first = worker.deliver(services.clock.now()) if worker.fan_out(services.clock.now()) else None
    assert first is not None and first.delivered == 1
    with services.read() as session:
        rows = session.scalars(select(DeliveryRow).where(DeliveryRow.status == "pending")).all()
    assert len(rows) == 2 and {r.attempts for r in rows} == {0}
    assert worker.run_once().delivered == 2
    assert len(box.received) == 3


def test_a_contact_address_that_is_not_one_is_skipped(
    mailing: tuple[Services, Mailbox], make_worker: WorkerFactory
) -> None:
    services, box = mailing
    record_vendor_decision(services)
    contacts = {"ao-kaspersky-lab": ["legal@kaspersky.example\nBcc: all@example.com", "nobody"]}
    report = make_worker(services, contacts).run_once()
    assert report.deliveries == 0 and box.received == []


def test_an_exemption_tells_the_exempt_company_what_it_may_do_again(
    make_worker: WorkerFactory, mailing: tuple[Services, Mailbox]
) -> None:
    services, box = mailing
    decision = record_vendor_decision(services).decision
    worker = make_worker(services)
    worker.run_once()
    appeal = file_appeal(
        services,
        decision.id,
        "Kaspersky Lab, Inc. was sold to Meridian Holdings on 2026-03-01.",
        KASPERSKY,
        scope="kaspersky-lab-inc",
    )
    worker.run_once()
    review_appeal(
        services,
        appeal.id,
        "exempted",
        "The Delaware register extract you sent shows Meridian Holdings bought Kaspersky Lab, "
        "Inc. on 2026-03-01; AO Kaspersky Lab no longer controls it, so it leaves the decision.",
        REVIEWER,
    )
    worker.run_once()
    decided = [m for m in box.to("ads@kaspersky-us.example") if m["Subject"].startswith("Appeal")][
        -1
    ]
    assert decided["Subject"] == f"Appeal {appeal.id} decided: exempted (decision {decision.id})"
    text = body(decided)
    assert "exempted: part of the decision no longer applies" in text
    assert "No longer covered by the decision: Kaspersky Lab, Inc. (kaspersky-lab-inc)" in text
    assert "(acct-kaspersky-us)" in text and "out-of-court" in text
    assert "ads.promote, ads.political, ads.sponsored_content are allowed again" in text
    japan = [m for m in box.to("jp@kaspersky.example") if m["Subject"].startswith("Appeal")]
    assert "the decision still applies to you" in body(japan[-1])
