"""hardening: keyed audit events, an append-only audit table, the store's identity

The events table gets ``key_id`` (the id of the audit key an event's hash is an HMAC under;
NULL for the plain SHA-256 chain every event had before). Triggers make the table append-only
in the database itself: PostgreSQL refuses UPDATE, DELETE and TRUNCATE on it, SQLite UPDATE
and DELETE. A later migration that rebuilds the events table (SQLite batch mode copies and
drops it, and its triggers with it) must create the triggers again (``create_triggers``).
``store_identity`` holds one row: a random id for this database, which a following gate
compares to notice a database swapped under it.

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-02 09:30:00
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import standing.store.base

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None

PG_FUNCTION = """
CREATE FUNCTION standing_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on events refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$
"""
PG_TRIGGERS = (
    "CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events "
    "FOR EACH ROW EXECUTE FUNCTION standing_events_append_only()",
    "CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events "
    "FOR EACH STATEMENT EXECUTE FUNCTION standing_events_append_only()",
)
SQLITE_TRIGGERS = tuple(
    f"CREATE TRIGGER events_no_{op_name.lower()} BEFORE {op_name} ON events BEGIN "
    f"SELECT RAISE(ABORT, 'the audit log is append-only: {op_name} on events refused'); END"
    for op_name in ("UPDATE", "DELETE")
)


def create_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for statement in PG_TRIGGERS:
            op.execute(statement)
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def drop_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS events_append_only ON events")
        op.execute("DROP TRIGGER IF EXISTS events_no_truncate ON events")
        op.execute("DROP FUNCTION IF EXISTS standing_events_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS events_no_update")
        op.execute("DROP TRIGGER IF EXISTS events_no_delete")


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("key_id", sa.String(length=16), nullable=True))
    create_triggers()
    identity = op.create_table(
        "store_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("database_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", standing.store.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_identity")),
    )
    op.bulk_insert(
        identity, [{"id": 1, "database_id": uuid.uuid4().hex, "created_at": datetime.now(UTC)}]
    )


def downgrade() -> None:
    op.drop_table("store_identity")
    drop_triggers()
    with op.batch_alter_table("events") as batch:
        batch.drop_column("key_id")
