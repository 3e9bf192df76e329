"""PostgreSQL LISTEN on the changelog channel, through psycopg: a following gate wakes when a
change is committed instead of waiting for its next poll."""

from __future__ import annotations

import contextlib
from typing import Any

from sqlalchemy.engine import URL, make_url

from standing.store.changelog import CHANNEL


class Listener:
    """A psycopg connection listening on ``CHANNEL``, opened now (before the first read, so no
    notification is missed) and again after a failure."""

    def __init__(self, url: URL) -> None:
        rendered = make_url(url.render_as_string(hide_password=False))
        self._conninfo = rendered.set(drivername="postgresql").render_as_string(hide_password=False)
        self._conn: Any = None
        self._connect()

    def _connect(self) -> None:
        import psycopg

        conn = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5)
        conn.execute(f"LISTEN {CHANNEL}")
        self._conn = conn

    def wait(self, timeout: float) -> None:
        """Return on the next NOTIFY or after ``timeout`` seconds; a failure closes the
        connection (the next wait opens another) and is raised."""
        if self._conn is None or self._conn.closed:
            self._connect()
        try:
            for _ in self._conn.notifies(timeout=timeout, stop_after=1):
                pass
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
