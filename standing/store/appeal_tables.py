"""Appeals against decisions. Filing and deciding are recorded once each; the outcome's effect
on the decision is a new record (a lift, or a superseding decision), never an edit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from standing.store.base import Base, UTCDateTime


class AppealRow(Base):
    __tablename__ = "appeals"
    __table_args__ = (
        Index("ix_appeals_decision", "decision_id"),
        Index("ix_appeals_status_due", "status", "due_at"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"))
    text: Mapped[str] = mapped_column(Text)
    filed_by: Mapped[str] = mapped_column(String(200))
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    reply: Mapped[str | None] = mapped_column(Text, nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    new_decision_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    kind: Mapped[str] = mapped_column(String(20), default="dispute", server_default="dispute")
    #: The party or account the appeal is about, when not the whole decision.
    scope: Mapped[str | None] = mapped_column(String(200), nullable=True)


class DisputeRow(Base):
    """A dispute about a decision brought before an out-of-court dispute settlement body
    (DSA Art. 21): when it was submitted, and later its outcome and whether the platform
    implemented it. Recorded for the Art. 24(1)(a) figures."""

    __tablename__ = "disputes"
    __table_args__ = (Index("ix_disputes_decision", "decision_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"))
    body: Mapped[str] = mapped_column(String(300))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    settled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    implemented: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    settled_by: Mapped[str | None] = mapped_column(String(200), nullable=True)


class BlobRow(Base):
    """An attachment's bytes, stored once by their SHA-256 (content-addressed)."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AttachmentRow(Base):
    """Evidence attached to an appeal by its appellant: a name and the blob's SHA-256."""

    __tablename__ = "appeal_attachments"
    __table_args__ = (Index("ix_appeal_attachments_appeal", "appeal_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    appeal_id: Mapped[str] = mapped_column(ForeignKey("appeals.id"))
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    filename: Mapped[str] = mapped_column(String(200))
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
