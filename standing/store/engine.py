"""Engines and sessions for SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from standing.errors import Invalid


def normalise_url(url: str) -> str:
    """Accept the URLs people write (``postgresql://``, ``postgres://``) and pick psycopg 3."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise Invalid(f"database URL {url!r} is not a valid SQLAlchemy URL: {exc}") from exc
    driver = parsed.drivername
    if driver in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif driver not in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        raise Invalid(f"database URL {url!r}: only SQLite and PostgreSQL are supported")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def file_identity(path: str | Path) -> tuple[int, int] | None:
    """``(device, inode)`` of a file, or None when there is none at ``path``."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


class _FollowFile:
    """Keeps a SQLite engine on the file at its path: a pooled connection to a file since
    replaced (a restore by ``os.replace``) or moved away is dropped when checked out, and a
    new connection is opened on what is at the path now. Once the file has existed, a
    connection is never opened on nothing (SQLite would create an empty database there)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.seen = False

    def connect(self, _dialect: Any, _record: Any, _cargs: Any, _cparams: Any) -> None:
        if self.seen and file_identity(self.path) is None:
            raise sqlite3.OperationalError(
                f"database file {self.path} is gone (removed or moved away)"
            )

    def connected(self, _dbapi_connection: Any, record: Any) -> None:
        record.info["file_identity"] = file_identity(self.path)
        self.seen = True

    def checkout(self, _dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.info.get("file_identity") != file_identity(self.path):
            raise exc.DisconnectionError(f"database file {self.path} was replaced or moved")


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
            follow = _FollowFile(database)
            event.listen(engine, "do_connect", follow.connect)
            event.listen(engine, "connect", follow.connected)
            event.listen(engine, "checkout", follow.checkout)
        return engine
    return create_engine(url, pool_pre_ping=True)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
