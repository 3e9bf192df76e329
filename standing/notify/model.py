"""Where a delivery stands, and where webhooks go (plain data; no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from standing.notify.events import WEBHOOK_EVENTS


class DeliveryStatus(StrEnum):
    """A delivery is pending until it is delivered, or dead once its attempts are spent."""

    pending = "pending"
    delivered = "delivered"
    dead = "dead"


#: The values as plain strings (JSON keys, messages and ``repr`` read as before).
DELIVERY_STATUSES: tuple[str, ...] = tuple(s.value for s in DeliveryStatus)


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A webhook endpoint as registered (never its secret); ``events`` empty: every event."""

    id: str
    url: str
    events: tuple[str, ...]
    status: str
    disabled_reason: str | None
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        """The endpoint as listed (never its secret)."""
        return {
            "id": self.id,
            "url": self.url,
            "events": list(self.events) or list(WEBHOOK_EVENTS),
            "status": self.status,
            "disabled_reason": self.disabled_reason,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Delivery:
    """One message to one target (an email address, a webhook endpoint) and where it stands;
    ``next_attempt_at`` only while pending; ``content`` (the message as sent) when read
    one by one."""

    id: str
    message: str
    event: str
    channel: str
    target: str
    status: str  # a DeliveryStatus
    attempts: int
    next_attempt_at: datetime | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None
    content: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "message": self.message,
            "event": self.event,
            "channel": self.channel,
            "target": self.target,
            "status": self.status,
            "attempts": self.attempts,
            "next_attempt_at": self.next_attempt_at.isoformat() if self.next_attempt_at else None,
            "last_error": self.last_error,
            "created_at": self.created_at.isoformat(),
            "delivered_at": self.delivered_at.isoformat() if self.delivered_at else None,
        }
        if self.content is not None:
            out["content"] = self.content
        return out
