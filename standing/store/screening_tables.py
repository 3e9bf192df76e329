"""Tables for restriction lists (versions and their entries) and screening hits.

A list version and its entries are written once and never changed. A hit is a finding about
one party and one entry at one entry digest; reviewing it records who decided what, and a
dismissal holds until the entry's content (its digest) changes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from standing.store.base import Base, UTCDateTime


class ListVersionRow(Base):
    __tablename__ = "list_versions"
    __table_args__ = (Index("ix_list_versions_source", "source", "number", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(60))
    number: Mapped[int] = mapped_column(Integer)
    format: Mapped[str] = mapped_column(String(30))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    entries: Mapped[int] = mapped_column(Integer)
    added: Mapped[int] = mapped_column(Integer)
    removed: Mapped[int] = mapped_column(Integer)
    changed: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(200))


class ListEntryRow(Base):
    __tablename__ = "list_entries"

    version_id: Mapped[int] = mapped_column(ForeignKey("list_versions.id"), primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    caption: Mapped[str] = mapped_column(String(1000))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(64))


class HitRow(Base):
    __tablename__ = "hits"
    __table_args__ = (
        Index("ix_hits_party", "party_id"),
        Index("ix_hits_status", "status"),
        Index("ix_hits_key", "party_id", "source", "entry_id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id"))
    source: Mapped[str] = mapped_column(String(60))
    entry_id: Mapped[str] = mapped_column(String(200))
    version_id: Mapped[int] = mapped_column(ForeignKey("list_versions.id"))
    entry_digest: Mapped[str] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    matched_name: Mapped[str] = mapped_column(String(1000))
    features: Mapped[dict[str, Any]] = mapped_column(JSON)
    by_identifier: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(20))  # open | dismissed | confirmed
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reviewed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    review_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    decision_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
