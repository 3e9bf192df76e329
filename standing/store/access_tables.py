"""Principals (staff users, advertiser contacts, service clients), their credentials and
sessions, and what reaches each subject (the scope of a contact's reads).

Secrets are never stored: tokens, session ids and sign-in links are kept as SHA-256 digests,
passwords as argon2id hashes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from standing.store.base import Base, UTCDateTime


class PrincipalRow(Base):
    __tablename__ = "principals"
    __table_args__ = (Index("ix_principals_email", "email", unique=True),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # staff | contact | service
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)  # lower case
    name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[str]] = mapped_column(JSON)
    password_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(40))
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PrincipalPartyRow(Base):
    """A contact bound to a party."""

    __tablename__ = "principal_parties"
    __table_args__ = (Index("ix_principal_parties_party", "party_id"),)

    principal_id: Mapped[str] = mapped_column(ForeignKey("principals.id"), primary_key=True)
    party_id: Mapped[str] = mapped_column(String(200), primary_key=True)


class TokenRow(Base):
    __tablename__ = "tokens"
    __table_args__ = (Index("ix_tokens_digest", "digest", unique=True),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    principal_id: Mapped[str] = mapped_column(ForeignKey("principals.id"))
    digest: Mapped[str] = mapped_column(String(64))
    scopes: Mapped[list[str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_by: Mapped[str] = mapped_column(String(40))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class WebSessionRow(Base):
    """A signed-in browser, kept server-side so several app processes share it."""

    __tablename__ = "web_sessions"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    principal_id: Mapped[str] = mapped_column(ForeignKey("principals.id"))
    csrf: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SignInLinkRow(Base):
    """A one-time sign-in link emailed to a contact."""

    __tablename__ = "signin_links"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    principal_id: Mapped[str] = mapped_column(ForeignKey("principals.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AuthAttemptRow(Base):
    """A sign-in attempt, counted per address and per account for rate limits."""

    __tablename__ = "auth_attempts"
    __table_args__ = (Index("ix_auth_attempts_key_at", "key", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(400))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class ReachRow(Base):
    """A party or account a decision reaches (its subject, what its statement names, what
    its notices name): how a contact's reads are scoped in the queries."""

    __tablename__ = "decision_reach"
    __table_args__ = (Index("ix_decision_reach_subject", "subject_id"),)

    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(200), primary_key=True)
