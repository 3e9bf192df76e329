"""``standing serve`` drains the outbox on a thread of its own process."""

from __future__ import annotations

import time

from pytest_httpserver import HTTPServer

from standing.bootstrap import Services
from standing.notify.webhooks import add_endpoint
from standing.notify.worker import Background
from tests.decisions.helpers import record_vendor_decision
from tests.principals import ADMIN


def test_the_background_worker_delivers_while_serving(
    demo_graph: Services, httpserver: HTTPServer
) -> None:
    settings = demo_graph.settings.model_copy(
        update={"webhook_allow_private": True, "notify_poll_interval_s": 0.05}
    )
    httpserver.expect_request("/h").respond_with_data("ok")
    services = Services(settings, demo_graph.engine, demo_graph.sessions, demo_graph.policy)
    add_endpoint(services, httpserver.url_for("/h"), [], ADMIN)
    background = Background(Services.build(settings)).start()
    try:
        record_vendor_decision(services)
        waited = 0.0
        while not httpserver.log and waited < 30:
            time.sleep(0.05)
            waited += 0.05
    finally:
        background.stop()
    assert len(httpserver.log) == 1
    assert not background.thread.is_alive()
