"""Tampering as someone who owns the database would: first drop the append-only triggers."""

from __future__ import annotations

from sqlalchemy import text

from standing.bootstrap import Services


def drop_append_only_triggers(services: Services) -> None:
    with services.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("ALTER TABLE events DISABLE TRIGGER USER"))
        else:
            conn.execute(text("DROP TRIGGER events_no_update"))
            conn.execute(text("DROP TRIGGER events_no_delete"))
