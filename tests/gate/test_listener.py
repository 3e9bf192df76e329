"""The PostgreSQL listener that wakes a following gate: closed, it opens nothing again."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy.engine import make_url

from standing.gate.sources.listener import Listener


def test_a_closed_listener_opens_no_connection_again(database_url: str) -> None:
    if not database_url.startswith("postgres"):
        pytest.skip("LISTEN is PostgreSQL's")
    listener = Listener(make_url(database_url))
    # a gate's thread waiting while the gate is stopped
    waiting = threading.Thread(target=listener.wait, args=(0.5,))
    waiting.start()
    time.sleep(0.1)
    listener.close()
    waiting.join(timeout=5)
    assert not waiting.is_alive()
    listener.wait(0.01)  # after close: waits out the time, connects to nothing
    assert listener._conn is None
