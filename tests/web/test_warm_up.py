"""The screening warm-up an app starts reads through the store's connections: the app does not
stop before it has given them back (a store closed under it would leave a connection open)."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from standing.bootstrap import Services
from standing.web import app as web_app
from standing.web.app import WARM_UP_THREAD, create_app


def test_a_stopped_app_leaves_no_warm_up_running(
    demo_graph: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    warm = web_app._warm_screening
    finished = threading.Event()

    def slow_warm_up(services: Services) -> None:
        time.sleep(0.5)  # a warm-up still reading when the app is asked to stop
        warm(services)
        finished.set()

    monkeypatch.setattr(web_app, "_warm_screening", slow_warm_up)
    with TestClient(create_app(services=demo_graph)) as client:
        assert client.get("/healthz").text == "ok\n"
    assert finished.is_set()
    assert not [t for t in threading.enumerate() if t.name == WARM_UP_THREAD]
