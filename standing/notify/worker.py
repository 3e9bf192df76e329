"""The worker: turns outbox messages into deliveries and delivers what is due.

Three steps, each in short transactions of its own so no lock is held while talking to a mail
server or a webhook receiver:

1. *remind*: an active decision whose appeal window closes within ``appeal_reminder_days``
   and that nobody has appealed gets one ``appeal.deadline`` message (a unique key keeps it
   to one, whichever worker gets there first);
2. *fan out*: each new message becomes one delivery per contact address of its parties and
   per webhook endpoint subscribed to its event, with the mail or body built once;
3. *deliver*: due deliveries are claimed (``FOR UPDATE SKIP LOCKED`` on PostgreSQL, the
   store's write lock on SQLite) by pushing their next attempt a lease ahead, then sent;
   success marks them delivered, failure schedules a retry with backoff or dead-letters them.

A worker that dies after claiming leaves its deliveries to be claimed again when the lease
ends: a message may arrive twice, never not at all, and always with the same id.
"""

from __future__ import annotations

import logging
import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from standing.access.model import SYSTEM
from standing.appeals.model import AppealStatus
from standing.ids import new_id
from standing.notify import outbox
from standing.notify.events import (
    WEBHOOK_EVENTS,
    EventType,
    affected_parties,
    statement_data,
    webhook_body,
)
from standing.notify.mail import (
    Body,
    DeliveryError,
    MailTransport,
    build_message,
    mail_transport,
)
from standing.notify.messages import render_email
from standing.notify.model import DeliveryStatus
from standing.notify.recipients import Recipients, recipients_for
from standing.notify.retry import retry_delay
from standing.notify.webhooks import WebhookSender
from standing.ports import Services
from standing.store.appeal_tables import AppealRow
from standing.store.engine import is_postgres
from standing.store.notify_tables import DeliveryRow, OutboxRow, WebhookEndpointRow
from standing.store.tables import DecisionRow, LiftRow, NoticeRow, StatementRow

log = logging.getLogger(__name__)
SCAN_INTERVAL_S = 300.0
#: What is mailed: one address, no spaces, quotes, brackets or line breaks (no header tricks).
ADDRESS = re.compile(r"[^\s@<>()\[\],;:\"\\]+@[^\s@<>()\[\],;:\"\\]+\.[^\s@<>()\[\],;:\"\\]+")


@dataclass
class Report:
    """What one pass did."""

    reminders: int = 0
    digests: int = 0
    messages: int = 0
    deliveries: int = 0
    delivered: int = 0
    retried: int = 0
    dead: int = 0

    def add(self, other: Report) -> None:
        for name, value in asdict(other).items():
            setattr(self, name, getattr(self, name) + value)

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    def summary(self) -> str:
        return (
            f"{self.messages} messages addressed, {self.delivered} delivered, {self.retried} "
            f"to retry, {self.dead} dead-lettered, {self.reminders} deadline reminders, "
            f"{self.digests} reviewer digests"
        )

    def __bool__(self) -> bool:
        return any(asdict(self).values())


@dataclass(frozen=True, slots=True)
class Claimed:
    id: str
    message_id: str
    channel: str
    target: str
    content: str
    attempts: int
    url: str | None = None
    secret: str | None = None
    gone: str | None = None  # why a webhook delivery cannot be made at all


class Worker:
    def __init__(
        self,
        services: Services,
        recipients: Recipients,
        mail: MailTransport,
        webhooks: WebhookSender,
        rng: random.Random | None = None,
    ) -> None:
        self.services, self.recipients, self.mail, self.webhooks = (
            services,
            recipients,
            mail,
            webhooks,
        )
        self.settings = services.settings
        self.rng = rng or random.Random()

    @classmethod
    def for_services(cls, services: Services) -> Worker:
        settings = services.settings
        return cls(
            services,
            recipients_for(services),
            mail_transport(settings),
            WebhookSender(settings.webhook_timeout_s, settings.webhook_allow_private),
        )

    def close(self) -> None:
        self.mail.close()
        self.webhooks.close()

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """A short write transaction, standing's own (`SYSTEM`: it records no event). SQLite
        has one writer at a time and no row locks: take the write lock first (so two workers
        never claim the same rows); PostgreSQL needs no more than the row locks ``SKIP
        LOCKED`` takes."""
        if is_postgres(self.services.engine):
            with self.services.sessions() as session, session.begin():
                yield session
        else:
            with self.services.write(SYSTEM) as work:
                yield work.session

    # -- 1. reminders -------------------------------------------------------------------------

    def remind(self, now: datetime) -> int:
        """Queue a reminder for each unappealed decision, and each notice of one, whose appeal
        window closes within ``appeal_reminder_days``."""
        horizon = now + timedelta(days=self.settings.appeal_reminder_days)
        made = 0
        with self._transaction() as session:
            for rule in self.services.policy.rules.values():
                window = timedelta(days=rule.appeal_window_days)
                # the statement's deadline decides; the rule's window finds the candidates
                since = now - window - timedelta(days=1)
                until = horizon - window + timedelta(days=1)
                standing = (
                    DecisionRow.rule_id == rule.id,
                    DecisionRow.starts_at <= now,
                    (DecisionRow.ends_at.is_(None)) | (DecisionRow.ends_at > now),
                    ~exists().where(LiftRow.decision_id == DecisionRow.id),
                    ~exists().where(AppealRow.decision_id == DecisionRow.id),
                )
                statements = session.execute(
                    select(StatementRow.decision_id, StatementRow.content)
                    .join(DecisionRow, DecisionRow.id == StatementRow.decision_id)
                    .where(
                        *standing,
                        DecisionRow.created_at > since,
                        DecisionRow.created_at <= until,
                        ~exists().where(OutboxRow.key == "appeal.deadline:" + DecisionRow.id),
                    )
                ).all()
                notices = session.execute(
                    select(NoticeRow.id, NoticeRow.content)
                    .join(DecisionRow, DecisionRow.id == NoticeRow.decision_id)
                    .where(
                        *standing,
                        NoticeRow.created_at > since,
                        NoticeRow.created_at <= until,
                        ~exists().where(OutboxRow.key == "appeal.deadline:" + NoticeRow.id),
                    )
                ).all()
                for key, content in [*statements, *notices]:
                    made += self._remind_one(session, key, content, now, horizon)
        return made

    def _remind_one(
        self,
        session: Session,
        key: str,
        content: dict[str, Any],
        now: datetime,
        horizon: datetime,
    ) -> int:
        data = statement_data(content)
        deadline = datetime.fromisoformat(data["appeal_deadline"])
        if not now < deadline <= horizon:
            return 0
        try:
            with session.begin_nested():
                outbox.enqueue(
                    session,
                    EventType.APPEAL_DEADLINE,
                    key,
                    data,
                    affected_parties(content),
                    now,
                    key=f"appeal.deadline:{key}",
                )
        except IntegrityError:  # another worker reminded first
            return 0
        return 1

    def digest(self, now: datetime) -> int:
        """Once a day (UTC), the open appeals due within ``review_digest_days`` or overdue,
        earliest first, in one message to the reviewers."""
        days = self.settings.review_digest_days
        if days == 0:
            return 0
        key = f"review.digest:{now.date().isoformat()}"
        until = now + timedelta(days=days)
        with self._transaction() as session:
            if session.scalar(select(OutboxRow.id).where(OutboxRow.key == key)) is not None:
                return 0
            due = session.execute(
                select(AppealRow.id, AppealRow.decision_id, AppealRow.due_at)
                .where(AppealRow.status == AppealStatus.open, AppealRow.due_at <= until)
                .order_by(AppealRow.due_at, AppealRow.id)
            ).all()
            if not due:
                return 0
            data = {
                "until": until.isoformat(),
                "appeals": [
                    {
                        "appeal": appeal,
                        "decision": decision,
                        "due_at": due_at.isoformat(),
                        "overdue": due_at < now,
                    }
                    for appeal, decision, due_at in due
                ],
            }
            try:
                with session.begin_nested():
                    outbox.enqueue(session, EventType.REVIEW_DIGEST, "review", data, (), now, key)
            except IntegrityError:  # another worker sent today's
                return 0
        return 1

    # -- 2. fan out ---------------------------------------------------------------------------

    def fan_out(self, now: datetime) -> tuple[int, int]:
        """Address a batch of new messages; returns (messages, deliveries)."""
        settings = self.settings
        with self._transaction() as session:
            messages = session.scalars(
                select(OutboxRow)
                .where(OutboxRow.dispatched_at.is_(None))
                .order_by(OutboxRow.created_at, OutboxRow.id)
                .limit(settings.notify_batch)
                .with_for_update(skip_locked=True)
            ).all()
            if not messages:
                return 0, 0
            endpoints = session.scalars(
                select(WebhookEndpointRow).where(WebhookEndpointRow.status == "active")
            ).all()
            made = 0
            for message in messages:
                made += self._address(session, message, endpoints, now)
                message.dispatched_at = now
            return len(messages), made

    def _address(
        self,
        session: Session,
        message: OutboxRow,
        endpoints: Any,
        now: datetime,
    ) -> int:
        settings = self.settings
        rows: list[DeliveryRow] = []

        def delivery(channel: str, target: str, content: str, delivery_id: str) -> None:
            rows.append(
                DeliveryRow(
                    id=delivery_id,
                    message_id=message.id,
                    channel=channel,
                    target=target,
                    content=content,
                    status=DeliveryStatus.pending,
                    attempts=0,
                    next_attempt_at=now,
                    created_at=now,
                )
            )

        by_address: dict[str, set[str]] = {}
        if message.event == EventType.REVIEW_DIGEST:
            by_address = {a.strip().lower(): set() for a in self.recipients.reviewers()}
        elif message.parties:
            for party, emails in self.recipients.addresses(message.parties).items():
                for email in emails:
                    by_address.setdefault(email.strip().lower(), set()).add(party)
        for address in [a for a in by_address if not ADDRESS.fullmatch(a)]:
            log.warning("%r is not an email address; %s not mailed to it", address, message.id)
            del by_address[address]
        if by_address:
            headers = {"X-Standing-Event": message.event, "X-Standing-Message": message.id}
            if decision := message.data.get("decision"):
                headers["X-Standing-Decision"] = decision
            rendered: dict[frozenset[str], tuple[str, Body]] = {}  # one text per party set
            for address, parties in sorted(by_address.items()):
                key = frozenset(parties)
                if key not in rendered:
                    mail = render_email(message.event, message.data, key, settings.public_url)
                    rendered[key] = (mail.subject, Body.of(mail.body))
                subject, body = rendered[key]
                delivery_id = new_id("dlv")
                content = build_message(
                    subject,
                    body,
                    address,
                    settings.mail_from,
                    delivery_id,
                    message.created_at,
                    headers,
                )
                delivery("email", address, content, delivery_id)
        if message.event in WEBHOOK_EVENTS:
            posted = webhook_body(
                message.event, message.created_at, message.data, settings.public_url
            ).decode()
            for endpoint in endpoints:
                if not endpoint.events or message.event in endpoint.events:
                    delivery("webhook", endpoint.id, posted, new_id("dlv"))
        session.add_all(rows)
        return len(rows)

    # -- 3. deliver ---------------------------------------------------------------------------

    def claim(self, now: datetime) -> list[Claimed]:
        lease = now + timedelta(seconds=self.settings.notify_lease_s)
        with self._transaction() as session:
            rows = session.scalars(
                select(DeliveryRow)
                .where(
                    DeliveryRow.status == DeliveryStatus.pending, DeliveryRow.next_attempt_at <= now
                )
                .order_by(DeliveryRow.next_attempt_at, DeliveryRow.id)
                .limit(self.settings.notify_batch)
                .with_for_update(skip_locked=True)
            ).all()
            targets = {r.target for r in rows if r.channel == "webhook"}
            endpoints = {
                e.id: e
                for e in session.scalars(
                    select(WebhookEndpointRow).where(WebhookEndpointRow.id.in_(targets))
                )
            }
            claimed = []
            for row in rows:
                row.attempts += 1
                row.next_attempt_at = lease
                item = Claimed(
                    row.id, row.message_id, row.channel, row.target, row.content, row.attempts
                )
                if row.channel == "webhook":
                    endpoint = endpoints.get(row.target)
                    if endpoint is None:
                        item = _with(item, gone=f"endpoint {row.target} was removed")
                    elif endpoint.status != "active":
                        item = _with(
                            item,
                            gone=f"endpoint {row.target} is disabled: {endpoint.disabled_reason}",
                        )
                    else:
                        item = _with(item, url=endpoint.url, secret=endpoint.secret)
                claimed.append(item)
            return claimed

    def _send(self, item: Claimed) -> str | None:
        """Make one attempt; returns the endpoint to disable (a 410), if any."""
        if item.channel == "email":
            self.mail.send(item.id, item.target, item.content)
            return None
        if item.gone:
            raise DeliveryError(item.gone, permanent=True)
        assert item.url is not None and item.secret is not None
        posted = self.webhooks.post(item.url, item.secret, item.message_id, item.content.encode())
        if 200 <= posted.status < 300:
            return None
        if posted.status == 410:
            raise _Gone(f"POST {item.url}: 410 Gone; the endpoint is disabled")
        raise DeliveryError(f"POST {item.url}: HTTP {posted.status}")

    def deliver(self, now: datetime) -> Report:
        """Claim one batch of due deliveries and attempt each."""
        report = Report()
        claimed = self.claim(now)
        # a slow batch must not outlive its lease (another worker would send the rest again):
        # what is left when half of it is spent goes back to the queue unattempted
        budget = time.monotonic() + self.settings.notify_lease_s / 2
        results: list[tuple[Claimed, str | None, bool, bool]] = []
        released: list[Claimed] = []
        for item in claimed:
            if results and time.monotonic() > budget:  # the first is always attempted
                released.append(item)
                continue
            try:
                self._send(item)
                results.append((item, None, False, False))
            except _Gone as exc:
                results.append((item, exc.message, True, True))
            except DeliveryError as exc:
                results.append((item, exc.message, exc.permanent, False))
        if not results:
            return report
        done = self.services.clock.now()
        with self._transaction() as session:
            report.add(self._record(session, results, done))
            if released:
                table = cast(Table, DeliveryRow.__table__)
                session.execute(
                    update(table)
                    .where(
                        (table.c.id == bindparam("k_id"))
                        & (table.c.attempts == bindparam("k_attempts"))
                    )
                    .values(attempts=table.c.attempts - 1, next_attempt_at=done),
                    [{"k_id": r.id, "k_attempts": r.attempts} for r in released],
                )
        return report

    def _record(
        self,
        session: Session,
        results: list[tuple[Claimed, str | None, bool, bool]],
        now: datetime,
    ) -> Report:
        """Write the attempts' outcomes, one statement per kind. A worker whose lease ran out
        and whose delivery was claimed again (``attempts`` moved on) records nothing."""
        report = Report()
        delivered: list[dict[str, Any]] = []
        retry: list[dict[str, Any]] = []
        dead: list[dict[str, Any]] = []
        gone: list[dict[str, Any]] = []
        schedule = self.settings.notify_retry_schedule_s
        for item, error, permanent, disable in results:
            key = {"k_id": item.id, "k_attempts": item.attempts}
            if error is None:
                delivered.append(key)
                continue
            delay = None if permanent else retry_delay(item.attempts, schedule, self.rng.random())
            if delay is None:
                dead.append({**key, "v_error": error})
                log.warning("delivery %s to %s dead-lettered: %s", item.id, item.target, error)
            else:
                retry.append({**key, "v_error": error, "v_next": now + timedelta(seconds=delay)})
            if disable:
                gone.append({"k_endpoint": item.target, "v_reason": error})
        table = cast(Table, DeliveryRow.__table__)
        mine = (table.c.id == bindparam("k_id")) & (table.c.attempts == bindparam("k_attempts"))
        for params, values in (
            (delivered, {"status": DeliveryStatus.delivered, "delivered_at": now}),
            (dead, {"status": DeliveryStatus.dead, "last_error": bindparam("v_error")}),
            (retry, {"last_error": bindparam("v_error"), "next_attempt_at": bindparam("v_next")}),
        ):
            if params:
                session.execute(update(table).where(mine).values(**values), params)
        if gone:
            endpoints = cast(Table, WebhookEndpointRow.__table__)
            session.execute(
                update(endpoints)
                .where(endpoints.c.id == bindparam("k_endpoint"))
                .values(status="disabled", disabled_reason=bindparam("v_reason")),
                gone,
            )
        report.delivered, report.retried, report.dead = len(delivered), len(retry), len(dead)
        return report

    # -- passes -------------------------------------------------------------------------------

    def run_once(self, scan: bool = True) -> Report:
        """Deliver everything that is due now, then return (closing the mail connection:
        the next pass may be a while). ``scan`` first looks for deadlines to remind of and
        for the reviewers' digest."""
        report = Report()
        try:
            if scan:
                report.reminders = self.remind(self.services.clock.now())
                report.digests = self.digest(self.services.clock.now())
            while True:
                now = self.services.clock.now()
                messages, deliveries = self.fan_out(now)
                step = self.deliver(now)
                step.messages, step.deliveries = messages, deliveries
                report.add(step)
                if not messages and not (step.delivered + step.retried + step.dead):
                    return report
        finally:
            self.mail.close()

    def run(self, stop: threading.Event, on_pass: Callable[[Report], None] | None = None) -> None:
        """Loop until ``stop`` is set; a failing pass is logged and tried again. ``on_pass``
        hears of every pass that did something. Deadlines are looked for every
        ``SCAN_INTERVAL_S`` only: they are days away, and the scan reads every decision of the
        last appeal window."""
        scanned: float | None = None
        while not stop.is_set():
            try:
                scan = scanned is None or time.monotonic() - scanned >= SCAN_INTERVAL_S
                report = self.run_once(scan)
                if scan:
                    scanned = time.monotonic()
                if report and on_pass is not None:
                    on_pass(report)
            except Exception:
                log.exception("notification worker pass failed")
            stop.wait(self.settings.notify_poll_interval_s)


class _Gone(DeliveryError):
    def __init__(self, message: str) -> None:
        super().__init__(message, permanent=True)


def _with(item: Claimed, **changes: Any) -> Claimed:
    return replace(item, **changes)


class Background:
    """A worker on a thread of the serving process (``standing serve``)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.worker = Worker.for_services(services)
        self.stop_event = threading.Event()
        self.thread = threading.Thread(
            target=self.worker.run, args=(self.stop_event,), name="standing-notify", daemon=True
        )

    def start(self) -> Background:
        self.thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self.stop_event.set()
        self.thread.join(timeout)
        self.worker.close()
        self.services.close()
