"""notices: statements for accounts a decision reaches after it was recorded

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 11:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import standing.store.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notices",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("decision_id", sa.String(length=40), nullable=False),
        sa.Column("account_id", sa.String(length=200), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", standing.store.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_notices_decision_id_decisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
        sa.UniqueConstraint("decision_id", "account_id", name="uq_notices_reach"),
    )


def downgrade() -> None:
    op.drop_table("notices")
