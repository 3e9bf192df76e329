"""Alembic environment: the engine comes from ``standing.store.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

import standing.store.all_tables  # noqa: F401 - registers every table on the metadata
from standing.store.base import Base

engine = context.config.attributes.get("engine")
if not isinstance(engine, Engine):
    raise RuntimeError("run migrations through standing.store.migrate (standing db upgrade)")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
