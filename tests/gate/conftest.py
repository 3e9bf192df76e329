from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest

from standing.bootstrap import Services
from tests.gate import factories


class MutableClock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self) -> datetime:
        return self.at


def eventually(condition: Callable[[], bool], timeout: float = 15.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` passes (bounded; no speed assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


@pytest.fixture
def svc(database_url: str) -> Iterator[Services]:
    services = factories.services(database_url, gate_poll_interval_s=0.02)
    yield services
    services.close()
