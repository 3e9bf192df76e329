"""PostgreSQL LISTEN on the changelog channel, through psycopg: a following gate wakes when a
change is committed instead of waiting for its next poll."""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

from sqlalchemy.engine import URL, make_url

from standing.store.changelog import CHANNEL


class Listener:
    """A psycopg connection listening on ``CHANNEL``, opened now (before the first read, so no
    notification is missed) and again after a failure, never after `close`."""

    def __init__(self, url: URL) -> None:
        rendered = make_url(url.render_as_string(hide_password=False))
        self._conninfo = rendered.set(drivername="postgresql").render_as_string(hide_password=False)
        self._conn: Any = None
        self._lock = threading.Lock()
        self._closed = False
        self._connect()

    def _connect(self) -> None:
        import psycopg

        conn = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5)
        try:
            conn.execute(f"LISTEN {CHANNEL}")
        except BaseException:
            conn.close()
            raise
        with self._lock:
            if self._closed:  # closed meanwhile: the gate is stopping
                conn.close()
                return
            self._conn = conn

    def wait(self, timeout: float) -> None:
        """Return on the next NOTIFY or after ``timeout`` seconds; a failure closes the
        connection (the next wait opens another) and is raised. Once closed, it waits out
        ``timeout`` and opens nothing."""
        if self._closed:
            time.sleep(timeout)
            return
        if self._conn is None or self._conn.closed:
            self._connect()
        conn = self._conn
        if conn is None:
            return
        try:
            for _ in conn.notifies(timeout=timeout, stop_after=1):
                pass
        except Exception:
            self._drop()
            if self._closed:
                return
            raise

    def _drop(self) -> None:
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(Exception):
                conn.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
        self._drop()
