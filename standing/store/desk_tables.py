"""The reviewer's desk: who holds a case (a claim, until it expires) and the staff's internal
notes on a case. A case is an appeal or a screening hit, named by its id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from standing.store.base import Base, UTCDateTime


class ClaimRow(Base):
    """A case's current claim: one row per case at most; released or taken over by
    replacing it. A row past ``expires_at`` holds nothing."""

    __tablename__ = "case_claims"

    case_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    case_kind: Mapped[str] = mapped_column(String(20))
    held_by: Mapped[str] = mapped_column(String(200))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NoteRow(Base):
    """An internal note of the staff on a case; written once, never shown to advertisers."""

    __tablename__ = "case_notes"
    __table_args__ = (Index("ix_case_notes_case", "case_id", "written_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(40))
    case_kind: Mapped[str] = mapped_column(String(20))
    author: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
