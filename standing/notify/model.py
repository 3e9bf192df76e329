"""Where a delivery stands, and where webhooks go (plain data; no I/O)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


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
