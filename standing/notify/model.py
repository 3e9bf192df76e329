"""Where a delivery stands (plain data; no I/O)."""

from __future__ import annotations

from enum import StrEnum


class DeliveryStatus(StrEnum):
    """A delivery is pending until it is delivered, or dead once its attempts are spent."""

    pending = "pending"
    delivered = "delivered"
    dead = "dead"


#: The values as plain strings (JSON keys, messages and ``repr`` read as before).
DELIVERY_STATUSES: tuple[str, ...] = tuple(s.value for s in DeliveryStatus)
