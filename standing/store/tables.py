"""The tables of the system of record.

Decisions, lifts, statements, changelog entries and audit events are append-only: the code
never updates or deletes them. Parties, names, ownerships and accounts are the imported graph;
a re-import of the same id replaces its rows (and records an event and a changelog entry).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from standing.store.base import Base, UTCDateTime

# Imports check references at the end of the transaction (an edge may precede its parties).
DEFERRABLE: dict[str, Any] = {"deferrable": True, "initially": "IMMEDIATE"}


class PartyRow(Base):
    __tablename__ = "parties"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    schema: Mapped[str] = mapped_column(String(40))
    caption: Mapped[str] = mapped_column(String(1000))
    countries: Mapped[list[str]] = mapped_column(JSON, default=list)
    properties: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PartyNameRow(Base):
    """One name of a party: its main name, an alias, a previous or weak alias."""

    __tablename__ = "party_names"
    __table_args__ = (Index("ix_party_names_party", "party_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[str] = mapped_column(String(1000))
    lang: Mapped[str | None] = mapped_column(String(10), nullable=True)
    script: Mapped[str | None] = mapped_column(String(20), nullable=True)


class PartyIdentifierRow(Base):
    __tablename__ = "party_identifiers"
    __table_args__ = (
        Index("ix_party_identifiers_party", "party_id"),
        Index("ix_party_identifiers_value", "scheme", "value"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    party_id: Mapped[str] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"))
    scheme: Mapped[str] = mapped_column(String(40))
    value: Mapped[str] = mapped_column(String(400))


class OwnershipRow(Base):
    __tablename__ = "ownerships"
    __table_args__ = (
        Index("ix_ownerships_owner", "owner_id"),
        Index("ix_ownerships_asset", "asset_id"),
    )

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    owner_id: Mapped[str] = mapped_column(ForeignKey("parties.id", **DEFERRABLE))
    asset_id: Mapped[str] = mapped_column(ForeignKey("parties.id", **DEFERRABLE))
    share: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AccountRow(Base):
    __tablename__ = "accounts"
    __table_args__ = (Index("ix_accounts_owner", "owner_id"),)

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    owner_id: Mapped[str | None] = mapped_column(
        ForeignKey("parties.id", **DEFERRABLE), nullable=True
    )
    service: Mapped[str] = mapped_column(String(200))
    username: Mapped[str] = mapped_column(String(400))
    #: when the account was opened (FtM ``createdAt``), if the import says
    created_at: Mapped[date | None] = mapped_column(Date, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DecisionRow(Base):
    """A rule applied to a subject. The rule's restrictions, reach and threshold are copied in,
    so a later policy version never changes what an existing decision meant."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_subject", "subject_id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(200))
    subject_kind: Mapped[str] = mapped_column(String(10))
    rule_id: Mapped[str] = mapped_column(String(100))
    policy_version: Mapped[str] = mapped_column(String(100))
    restricts: Mapped[list[str]] = mapped_column(JSON)
    reach: Mapped[str] = mapped_column(String(20))
    threshold: Mapped[float] = mapped_column(Float)
    facts: Mapped[str] = mapped_column(Text)
    evidence: Mapped[list[str]] = mapped_column(JSON)
    territories: Mapped[list[str]] = mapped_column(JSON)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    automated_detection: Mapped[bool] = mapped_column(Boolean)
    automated_decision: Mapped[bool] = mapped_column(Boolean)
    author: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    supersedes: Mapped[str | None] = mapped_column(String(40), nullable=True)
    #: Parties and accounts an appeal carved out of the decision it supersedes (and of what
    #: only they brought into reach); ``None`` when nothing is exempt.
    exempt: Mapped[list[str] | None] = mapped_column(JSON, nullable=True)


class LiftRow(Base):
    """The end of a decision before its planned end, with reasons."""

    __tablename__ = "lifts"

    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    lifted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StatementRow(Base):
    """The statement of reasons, rendered once when the decision is recorded, never changed."""

    __tablename__ = "statements"

    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), primary_key=True)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NoticeRow(Base):
    """A statement of reasons for an account a decision reached after it was recorded (a new
    account of a restricted party, a company that came under control): the decision's
    statement with that account as the one affected. Never changed."""

    __tablename__ = "notices"
    __table_args__ = (UniqueConstraint("decision_id", "account_id", name="uq_notices_reach"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"))
    account_id: Mapped[str] = mapped_column(String(200))
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChangeRow(Base):
    """The decision changelog the gate follows: one row per change that can alter a verdict."""

    __tablename__ = "changelog"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change: Mapped[str] = mapped_column(String(20))
    decision_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class EventRow(Base):
    """One entry of the hash-chained audit log. The database refuses UPDATE and DELETE on it
    (and TRUNCATE on PostgreSQL): triggers added by migration 0008."""

    __tablename__ = "events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    subject: Mapped[str] = mapped_column(String(200))
    payload: Mapped[str] = mapped_column(Text)
    payload_digest: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    # the id of the audit key the hash is an HMAC under; NULL: a plain SHA-256 chain link
    key_id: Mapped[str | None] = mapped_column(String(16), nullable=True)


class AuditHeadRow(Base):
    """The last event's position and hash, written with every event; catches truncation and
    serialises writers (it is locked for update before an event is appended)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class StoreIdentityRow(Base):
    """The store's identity: a random id given when the database was created. A copy or a
    backup carries it; another database does not. A following gate compares it on every poll,
    so a database swapped under it (a SQLite file restored over another) is noticed."""

    __tablename__ = "store_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    database_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RecheckRow(Base):
    """A re-examination of a decision without an end that confirmed it, with reasons; the
    next one falls due a rule's ``recheck_days`` later. (A re-examination that ends the
    decision is its lift.)"""

    __tablename__ = "rechecks"
    __table_args__ = (Index("ix_rechecks_decision", "decision_id", "rechecked_at"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"))
    reason: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(200))
    rechecked_at: Mapped[datetime] = mapped_column(UTCDateTime)
