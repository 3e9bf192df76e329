"""appeal outcomes: an appeal's kind and scope, a decision's exemptions

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 13:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), nullable=False, server_default="dispute")
        )
        batch_op.add_column(sa.Column("scope", sa.String(length=200), nullable=True))
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exempt", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_column("exempt")
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.drop_column("scope")
        batch_op.drop_column("kind")
