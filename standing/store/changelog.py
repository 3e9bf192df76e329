"""The decision changelog: what a following gate reads, in commit order.

Every write that can change a verdict appends a row in the same transaction as the write:
``recorded`` and ``lifted`` name a decision; ``graph`` says parties, ownerships or accounts
changed. On PostgreSQL the row is also announced with ``NOTIFY standing_changelog, '<seq>'``,
delivered at commit, so followers wake at once; on SQLite followers poll.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from standing.store.tables import ChangeRow

CHANNEL = "standing_changelog"
CHANGES = ("recorded", "lifted", "graph")


def append_change(session: Session, change: str, decision_id: str | None, at: datetime) -> int:
    if change not in CHANGES:
        raise ValueError(f"unknown changelog entry {change!r}")
    row = ChangeRow(change=change, decision_id=decision_id, at=at)
    session.add(row)
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :seq)"), {"channel": CHANNEL, "seq": str(row.seq)}
        )
    return row.seq


def head(session: Session) -> int:
    """The position of the latest changelog entry (0 when empty)."""
    return int(session.execute(select(func.coalesce(func.max(ChangeRow.seq), 0))).scalar_one())
