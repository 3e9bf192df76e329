"""Mail that must go out while a person waits (a sign-in link): built and handed to the
same transport the notification worker uses (SMTP, or ``.eml`` files without a server), at
once rather than through the outbox."""

from __future__ import annotations

from datetime import datetime

from standing.ids import new_id
from standing.notify.mail import Body, build_message, mail_transport
from standing.settings import Settings


def send_now(settings: Settings, to: str, subject: str, text: str, at: datetime) -> str:
    """Send one message now; returns its id. Raises the transport's `DeliveryError`."""
    message_id = new_id("mail")
    content = build_message(
        subject,
        Body.of(text),
        to,
        settings.mail_from,
        message_id,
        at,
        {"X-Standing-Event": "signin.link"},
    )
    transport = mail_transport(settings)
    try:
        transport.send(message_id, to, content)
    finally:
        transport.close()
    return message_id
