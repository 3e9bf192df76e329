"""Webhooks per Standard Webhooks, received by a real HTTP server and verified with the
``standardwebhooks`` library."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from standardwebhooks.webhooks import Webhook
from werkzeug import Request

from standing.appeals.service import file_appeal
from standing.bootstrap import Services
from standing.errors import Invalid, NotFound
from standing.notify.webhooks import add_endpoint, check_url, list_endpoints, replay
from standing.store.notify_tables import DeliveryRow, OutboxRow
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.services import TestClock
from tests.notify.conftest import Mailbox, WorkerFactory
from tests.principals import ADMIN, KASPERSKY

NO_CONTACTS: dict[str, list[str]] = {}


@pytest.fixture
def hooks(mailing: tuple[Services, Mailbox]) -> Services:
    return mailing[0]


@pytest.fixture
def receiver(httpserver: HTTPServer) -> Iterator[HTTPServer]:
    yield httpserver
    httpserver.clear()


def received(server: HTTPServer) -> list[Request]:
    return [request for request, _ in server.log]


def verified(secret: str, request: Request) -> dict[str, object]:
    """The payload, if the signature is right (raises otherwise)."""
    payload = Webhook(secret).verify(request.get_data(), dict(request.headers))
    assert isinstance(payload, dict)
    return payload


def test_a_decision_is_posted_signed_with_a_stable_id(
    hooks: Services, receiver: HTTPServer, make_worker: WorkerFactory
) -> None:
    receiver.expect_request("/hooks", method="POST").respond_with_data("ok")
    endpoint, secret = add_endpoint(hooks, receiver.url_for("/hooks"), [], ADMIN)
    assert secret.startswith("whsec_")
    decision = record_vendor_decision(hooks).decision
    report = make_worker(hooks, NO_CONTACTS).run_once()
    assert report.delivered == 1
    (request,) = received(receiver)
    payload = verified(secret, request)
    assert payload["type"] == "decision.recorded"
    data = payload["data"]
    assert isinstance(data, dict)
    assert data["decision"] == decision.id
    assert data["url"] == f"https://ads.platform.example/standing/decisions/{decision.id}"
    assert [c["capability"] for c in data["restricted"]] == list(decision.restricts)
    with hooks.read() as session:
        message = session.scalars(select(OutboxRow)).one()
    assert request.headers["webhook-id"] == message.id
    assert request.headers["webhook-signature"].startswith("v1,")
    with pytest.raises(Exception, match="signature"):
        Webhook("whsec_" + "A" * 43 + "=").verify(request.get_data(), dict(request.headers))
    assert list_endpoints(hooks)[0].id == endpoint.id


def test_an_endpoint_gets_only_its_events(
    hooks: Services, receiver: HTTPServer, make_worker: WorkerFactory
) -> None:
    receiver.expect_request("/appeals").respond_with_data("ok")
    _, secret = add_endpoint(hooks, receiver.url_for("/appeals"), ["appeal.filed"], ADMIN)
    decision = record_vendor_decision(hooks).decision
    worker = make_worker(hooks, NO_CONTACTS)
    assert worker.run_once().delivered == 0
    appeal = file_appeal(
        hooks, decision.id, "Our US company is independent of the parent.", KASPERSKY
    )
    assert worker.run_once().delivered == 1
    payload = verified(secret, received(receiver)[0])
    assert payload["type"] == "appeal.filed"
    assert payload["data"]["appeal"] == appeal.id  # type: ignore[index]


def test_a_failed_post_is_retried_with_the_same_id_and_body(
    hooks: Services, receiver: HTTPServer, clock: TestClock, make_worker: WorkerFactory
) -> None:
    receiver.expect_oneshot_request("/flaky").respond_with_data("busy", status=503)
    receiver.expect_request("/flaky").respond_with_data("ok")
    _, secret = add_endpoint(hooks, receiver.url_for("/flaky"), [], ADMIN)
    record_vendor_decision(hooks)
    worker = make_worker(hooks, NO_CONTACTS)
    first = worker.run_once()
    assert (first.delivered, first.retried) == (0, 1)
    with hooks.read() as session:
        row = session.scalars(select(DeliveryRow)).one()
    assert row.status == "pending" and "HTTP 503" in (row.last_error or "")
    clock.advance(seconds=80)
    assert worker.run_once().delivered == 1
    one, two = received(receiver)
    assert one.headers["webhook-id"] == two.headers["webhook-id"]
    assert one.get_data() == two.get_data()
    verified(secret, two)


def test_410_disables_the_endpoint(
    hooks: Services, receiver: HTTPServer, make_worker: WorkerFactory
) -> None:
    receiver.expect_request("/gone").respond_with_data("", status=410)
    add_endpoint(hooks, receiver.url_for("/gone"), [], ADMIN)
    record_vendor_decision(hooks)
    worker = make_worker(hooks, NO_CONTACTS)
    assert worker.run_once().dead == 1
    (endpoint,) = list_endpoints(hooks)
    assert endpoint.status == "disabled" and "410" in (endpoint.disabled_reason or "")
    record_vendor_decision(hooks, subject="ano-tv-novosti", rule="state-controlled-media")
    report = worker.run_once()
    assert report.messages == 1 and report.deliveries == 0
    assert len(received(receiver)) == 1


def test_dead_letter_after_the_last_try_then_replay(
    hooks: Services, receiver: HTTPServer, clock: TestClock, make_worker: WorkerFactory
) -> None:
    receiver.expect_request("/down").respond_with_data("", status=500)
    _, secret = add_endpoint(hooks, receiver.url_for("/down"), [], ADMIN)
    record_vendor_decision(hooks)
    worker = make_worker(hooks, NO_CONTACTS)
    worker.run_once()
    clock.advance(seconds=100)
    worker.run_once()
    clock.advance(seconds=1000)
    assert worker.run_once().dead == 1  # schedule (60 s, 600 s): three tries
    with hooks.read() as session:
        row = session.scalars(select(DeliveryRow)).one()
    assert (row.status, row.attempts) == ("dead", 3)
    receiver.clear()
    receiver.expect_request("/down").respond_with_data("ok")
    assert replay(hooks, row.message_id, ADMIN) == [row.id]
    assert worker.run_once().delivered == 1
    (request,) = received(receiver)
    assert request.headers["webhook-id"] == row.message_id
    verified(secret, request)
    with pytest.raises(NotFound):
        replay(hooks, "msg-unknown", ADMIN)


def test_private_addresses_are_refused_unless_allowed(
    demo_graph: Services, receiver: HTTPServer, make_worker: WorkerFactory
) -> None:
    assert not demo_graph.settings.webhook_allow_private
    for url in (
        "http://127.0.0.1:9/h",
        "http://10.1.2.3/h",
        "http://[::1]/h",
        "http://169.254.169.254/latest",
    ):
        with pytest.raises(Invalid, match="non-public"):
            add_endpoint(demo_graph, url, [], ADMIN)
    with pytest.raises(Invalid, match="non-public"):
        check_url("https://hooks.example/h", False, lambda host, port: ["192.168.1.5"])
    check_url("https://hooks.example/h", False, lambda host, port: ["93.184.215.14"])
    with pytest.raises(Invalid, match="http"):
        add_endpoint(demo_graph, "ftp://hooks.example/h", [], ADMIN)
    with pytest.raises(Invalid, match="--event"):
        add_endpoint(demo_graph, "https://93.184.215.14/h", ["decision.made"], ADMIN)
    assert list_endpoints(demo_graph) == []
    # an endpoint added where private addresses were allowed is refused at delivery
    allowed = demo_graph.settings.model_copy(update={"webhook_allow_private": True})
    add_endpoint(
        Services(allowed, demo_graph.engine, demo_graph.sessions, demo_graph.policy),
        receiver.url_for("/inside"),
        [],
        ADMIN,
    )
    record_vendor_decision(demo_graph)
    assert make_worker(demo_graph, NO_CONTACTS).run_once().dead == 1
    assert received(receiver) == []


def test_the_body_is_json_with_type_timestamp_and_data(
    hooks: Services, receiver: HTTPServer, make_worker: WorkerFactory
) -> None:
    receiver.expect_request("/h").respond_with_data("ok")
    add_endpoint(hooks, receiver.url_for("/h"), ["decision.recorded"], ADMIN)
    record_vendor_decision(hooks)
    make_worker(hooks, NO_CONTACTS).run_once()
    body = json.loads(received(receiver)[0].get_data())
    assert set(body) == {"type", "timestamp", "data"}
    assert received(receiver)[0].headers["content-type"] == "application/json"
