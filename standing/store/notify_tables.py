"""Notifications: the outbox (one row per event, written in the event's transaction), the
deliveries it fans out to (one per email address or webhook endpoint, with their attempts and
the message as sent), and the webhook endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from standing.store.base import Base, UTCDateTime


class OutboxRow(Base):
    """One event to report. ``parties`` are the parties whose contacts are mailed; ``key``
    makes an event the worker produces itself (a deadline reminder) happen once."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_pending", "dispatched_at", "created_at"),
        UniqueConstraint("key", name="uq_outbox_key"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    event: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(200))
    parties: Mapped[list[str]] = mapped_column(JSON)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class DeliveryRow(Base):
    """One message to one target: an email address or a webhook endpoint. ``content`` is the
    message exactly as it is sent on every attempt (the archive of sent mail); ``status`` is
    ``pending``, ``delivered`` or ``dead`` (no try left, or refused for good)."""

    __tablename__ = "deliveries"
    __table_args__ = (
        Index("ix_deliveries_due", "status", "next_attempt_at"),
        UniqueConstraint("message_id", "channel", "target", name="uq_deliveries_target"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    message_id: Mapped[str] = mapped_column(ForeignKey("outbox.id"))
    channel: Mapped[str] = mapped_column(String(10))
    target: Mapped[str] = mapped_column(String(400))
    content: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class WebhookEndpointRow(Base):
    """Where events are posted. The secret signs every delivery (so it is kept, unlike an API
    token); ``events`` empty means every event. A 410 answer disables the endpoint."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    secret: Mapped[str] = mapped_column(String(100))
    events: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(10))
    disabled_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
