"""desk: claims on cases and the staff's internal notes

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import standing.store.base

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_claims",
        sa.Column("case_id", sa.String(length=40), nullable=False),
        sa.Column("case_kind", sa.String(length=20), nullable=False),
        sa.Column("held_by", sa.String(length=200), nullable=False),
        sa.Column("claimed_at", standing.store.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", standing.store.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_claims")),
    )
    op.create_table(
        "case_notes",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.String(length=40), nullable=False),
        sa.Column("case_kind", sa.String(length=20), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("written_at", standing.store.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_notes")),
    )
    with op.batch_alter_table("case_notes", schema=None) as batch_op:
        batch_op.create_index("ix_case_notes_case", ["case_id", "written_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case_notes", schema=None) as batch_op:
        batch_op.drop_index("ix_case_notes_case")
    op.drop_table("case_notes")
    op.drop_table("case_claims")
