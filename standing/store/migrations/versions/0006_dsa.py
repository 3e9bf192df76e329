"""dsa: the day an account was opened; the records the DSA Transparency Database accepted;
out-of-court disputes

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-02 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import standing.store.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("created_at", sa.Date(), nullable=True))
    op.create_table(
        "dsa_submissions",
        sa.Column("puid", sa.String(length=500), nullable=False),
        sa.Column("decision_id", sa.String(length=40), nullable=False),
        sa.Column("uuid", sa.String(length=64), nullable=True),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column(
            "submitted_at", standing.store.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("puid", name=op.f("pk_dsa_submissions")),
    )
    op.create_index("ix_dsa_submissions_decision", "dsa_submissions", ["decision_id"])
    op.create_table(
        "disputes",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("decision_id", sa.String(length=40), nullable=False),
        sa.Column("body", sa.String(length=300), nullable=False),
        sa.Column(
            "submitted_at", standing.store.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("settled_at", standing.store.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("implemented", sa.Boolean(), nullable=True),
        sa.Column("settled_by", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_disputes_decision_id_decisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disputes")),
    )
    op.create_index("ix_disputes_decision", "disputes", ["decision_id"])


def downgrade() -> None:
    op.drop_index("ix_disputes_decision", table_name="disputes")
    op.drop_table("disputes")
    op.drop_index("ix_dsa_submissions_decision", table_name="dsa_submissions")
    op.drop_table("dsa_submissions")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("created_at")
