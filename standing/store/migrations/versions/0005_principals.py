"""principals: staff users, contacts and service clients; tokens, sessions, sign-in links,
rate-limit attempts; and the reach of each decision (how a contact's reads are scoped)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 09:40:00
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

import standing.store.base

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UTC = standing.store.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "principals",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("disabled_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_principals")),
    )
    op.create_index("ix_principals_email", "principals", ["email"], unique=True)
    op.create_table(
        "principal_parties",
        sa.Column("principal_id", sa.String(length=40), nullable=False),
        sa.Column("party_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["principal_id"],
            ["principals.id"],
            name=op.f("fk_principal_parties_principal_id_principals"),
        ),
        sa.PrimaryKeyConstraint("principal_id", "party_id", name=op.f("pk_principal_parties")),
    )
    op.create_index("ix_principal_parties_party", "principal_parties", ["party_id"])
    op.create_table(
        "tokens",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("principal_id", sa.String(length=40), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("created_by", sa.String(length=40), nullable=False),
        sa.Column("expires_at", UTC, nullable=True),
        sa.Column("last_used_at", UTC, nullable=True),
        sa.Column("revoked_at", UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["principal_id"], ["principals.id"], name=op.f("fk_tokens_principal_id_principals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tokens")),
    )
    op.create_index("ix_tokens_digest", "tokens", ["digest"], unique=True)
    op.create_table(
        "web_sessions",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("principal_id", sa.String(length=40), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("expires_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["principal_id"],
            ["principals.id"],
            name=op.f("fk_web_sessions_principal_id_principals"),
        ),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_web_sessions")),
    )
    op.create_table(
        "signin_links",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("principal_id", sa.String(length=40), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("expires_at", UTC, nullable=False),
        sa.Column("used_at", UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["principal_id"],
            ["principals.id"],
            name=op.f("fk_signin_links_principal_id_principals"),
        ),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_signin_links")),
    )
    op.create_table(
        "auth_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=400), nullable=False),
        sa.Column("at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_auth_attempts")),
    )
    op.create_index("ix_auth_attempts_key_at", "auth_attempts", ["key", "at"])
    reach = op.create_table(
        "decision_reach",
        sa.Column("decision_id", sa.String(length=40), nullable=False),
        sa.Column("subject_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_decision_reach_decision_id_decisions"),
        ),
        sa.PrimaryKeyConstraint("decision_id", "subject_id", name=op.f("pk_decision_reach")),
    )
    op.create_index("ix_decision_reach_subject", "decision_reach", ["subject_id"])
    _backfill_reach(reach)


def _ids(content: Any) -> set[str]:
    if isinstance(content, str):
        content = json.loads(content)
    affected = content.get("affected", {}) if isinstance(content, dict) else {}
    out = {p["id"] for p in affected.get("parties", ())}
    out |= {a["id"] for a in affected.get("accounts", ())}
    out |= {o for a in affected.get("accounts", ()) if (o := a.get("owner"))}
    return out


def _backfill_reach(reach: sa.Table) -> None:
    """What existing statements and notices name, so contacts see their existing cases."""
    bind = op.get_bind()
    rows: set[tuple[str, str]] = set()
    for decision_id, subject_id in bind.execute(sa.text("SELECT id, subject_id FROM decisions")):
        rows.add((decision_id, subject_id))
    for query in ("SELECT decision_id, content FROM statements", "SELECT decision_id, content FROM notices"):
        for decision_id, content in bind.execute(sa.text(query)):
            rows |= {(decision_id, i) for i in _ids(content)}
    if rows:
        op.bulk_insert(reach, [{"decision_id": d, "subject_id": s} for d, s in sorted(rows)])


def downgrade() -> None:
    op.drop_table("decision_reach")
    op.drop_table("auth_attempts")
    op.drop_table("signin_links")
    op.drop_table("web_sessions")
    op.drop_index("ix_tokens_digest", table_name="tokens")
    op.drop_table("tokens")
    op.drop_table("principal_parties")
    op.drop_index("ix_principals_email", table_name="principals")
    op.drop_table("principals")
