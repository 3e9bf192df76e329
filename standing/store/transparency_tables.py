"""What was sent to the DSA Transparency Database, so that nothing is sent twice."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from standing.store.base import Base, UTCDateTime


class DsaSubmissionRow(Base):
    """One record the database accepted: its puid, the uuid the database gave it, and the
    record as sent. Written only after the database answered 201 for it."""

    __tablename__ = "dsa_submissions"
    __table_args__ = (Index("ix_dsa_submissions_decision", "decision_id"),)

    puid: Mapped[str] = mapped_column(String(500), primary_key=True)
    decision_id: Mapped[str] = mapped_column(String(40))
    uuid: Mapped[str | None] = mapped_column(String(64), nullable=True)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
