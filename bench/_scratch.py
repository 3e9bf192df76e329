"""What several benchmarks need around them: a free loopback port, and a scratch PostgreSQL
database made on a server and dropped afterwards."""

from __future__ import annotations

import socket
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from standing.store.engine import normalise_url


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def scratch_database(base: str, prefix: str) -> tuple[str, str]:
    """A new, empty database on the server of ``base``: its name and its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(normalise_url(base)).set(database=name).render_as_string(hide_password=False)
    return name, url


def drop_database(base: str, name: str) -> None:
    admin = create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
