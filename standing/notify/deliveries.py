"""Reading what was sent: the deliveries with their status, and each message as sent (the
archive of sent mail and of webhook bodies)."""

from __future__ import annotations

from sqlalchemy import select

from standing.errors import Invalid, NotFound
from standing.notify.model import DELIVERY_STATUSES, Delivery, DeliveryStatus
from standing.ports import Services
from standing.store.notify_tables import DeliveryRow, OutboxRow

CHANNELS = ("email", "webhook")
STATUSES = DELIVERY_STATUSES


def _delivery(row: DeliveryRow, event: str, content: bool = False) -> Delivery:
    return Delivery(
        id=row.id,
        message=row.message_id,
        event=event,
        channel=row.channel,
        target=row.target,
        status=row.status,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at if row.status == DeliveryStatus.pending else None,
        last_error=row.last_error,
        created_at=row.created_at,
        delivered_at=row.delivered_at,
        content=row.content if content else None,
    )


def list_deliveries(
    services: Services,
    channel: str | None = None,
    status: str | None = None,
    message: str | None = None,
    limit: int = 50,
) -> list[Delivery]:
    """Deliveries, newest first."""
    if channel is not None and channel not in CHANNELS:
        raise Invalid(f"--channel: {channel!r} is not one of {', '.join(CHANNELS)}")
    if status is not None and status not in STATUSES:
        raise Invalid(f"--status: {status!r} is not one of {', '.join(STATUSES)}")
    query = (
        select(DeliveryRow, OutboxRow.event)
        .join(OutboxRow, OutboxRow.id == DeliveryRow.message_id)
        .order_by(DeliveryRow.created_at.desc(), DeliveryRow.id)
        .limit(limit)
    )
    if channel is not None:
        query = query.where(DeliveryRow.channel == channel)
    if status is not None:
        query = query.where(DeliveryRow.status == status)
    if message is not None:
        query = query.where(DeliveryRow.message_id == message)
    with services.read() as session:
        return [_delivery(row, event) for row, event in session.execute(query)]


def get_delivery(services: Services, delivery_id: str) -> Delivery:
    """One delivery with its content as sent."""
    with services.read() as session:
        found = session.execute(
            select(DeliveryRow, OutboxRow.event)
            .join(OutboxRow, OutboxRow.id == DeliveryRow.message_id)
            .where(DeliveryRow.id == delivery_id)
        ).first()
        if found is None:
            raise NotFound(f"unknown delivery {delivery_id!r}")
        return _delivery(found[0], found[1], content=True)
