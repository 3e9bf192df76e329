"""rechecks: re-examinations that confirmed a decision without an end

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 13:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import standing.store.base

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rechecks",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("decision_id", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("rechecked_at", standing.store.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_rechecks_decision_id_decisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rechecks")),
    )
    with op.batch_alter_table("rechecks", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rechecks_decision", ["decision_id", "rechecked_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("rechecks", schema=None) as batch_op:
        batch_op.drop_index("ix_rechecks_decision")
    op.drop_table("rechecks")
