"""Real parts for notification tests: an SMTP server (aiosmtpd) on a free local port, and
services whose worker mails the demo group's contacts."""

from __future__ import annotations

import random
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from standing.bootstrap import Services
from standing.notify.mail import mail_transport
from standing.notify.recipients import MappingRecipients
from standing.notify.webhooks import WebhookSender
from standing.notify.worker import Worker
from standing.settings import Settings
from tests.fixtures.services import TestClock

#: The demo group's contacts: the parent's legal team, and the US subsidiary's own contact.
CONTACTS = {
    "ao-kaspersky-lab": ["legal@kaspersky.example"],
    "kaspersky-lab-inc": ["ads@kaspersky-us.example", "legal@kaspersky.example"],
    "kaspersky-labs-japan": ["jp@kaspersky.example"],
}


@dataclass
class Mailbox:
    """What the SMTP server received; ``refuse`` makes it answer RCPT TO with that code."""

    received: list[tuple[str, list[str], Message]] = field(default_factory=list)
    refuse: dict[str, int] = field(default_factory=dict)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            code = self.refuse[address]
            return f"{code} {'mailbox unavailable' if code >= 500 else 'try again later'}"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self.received.append(
            (
                str(envelope.mail_from),
                list(envelope.rcpt_tos),
                message_from_bytes(content, policy=policy.default),
            )
        )
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list[Message]:
        return [m for _, rcpt, m in self.received if address in rcpt]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, str]]:
    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield box, f"smtp://127.0.0.1:{port}"
    finally:
        controller.stop()


WorkerFactory = Callable[..., Worker]


@pytest.fixture
def make_worker() -> Iterator[WorkerFactory]:
    """Workers mailing ``contacts`` (default `CONTACTS`), closed after the test."""
    made: list[Worker] = []

    def make(
        services: Services, contacts: dict[str, list[str]] | None = None, seed: int = 1
    ) -> Worker:
        settings = services.settings
        worker = Worker(
            services,
            MappingRecipients(CONTACTS if contacts is None else contacts),
            mail_transport(settings),
            WebhookSender(settings.webhook_timeout_s, settings.webhook_allow_private),
            rng=random.Random(seed),
        )
        made.append(worker)
        return worker

    yield make
    for worker in made:
        worker.close()


@pytest.fixture
def mailing(
    demo_graph: Services, mailbox: tuple[Mailbox, str], clock: TestClock
) -> tuple[Services, Mailbox]:
    """The demo graph, with notification settings pointing at the test's SMTP server."""
    box, url = mailbox
    settings: Settings = demo_graph.settings.model_copy(
        update={
            "smtp_url": url,
            "mail_from": "Standing <notices@platform.example>",
            "public_url": "https://ads.platform.example",
            "webhook_allow_private": True,
            "notify_retry_schedule_s": (60.0, 600.0),
        }
    )
    services = Services(settings, demo_graph.engine, demo_graph.sessions, demo_graph.policy, clock)
    return services, box
