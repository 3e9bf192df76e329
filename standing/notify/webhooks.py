"""Webhook endpoints (add, list, remove, replay) and posting one signed delivery to one.

An endpoint's URL must be http(s) on a public address: private, loopback, link-local and
other non-global addresses are refused when it is added and again, after resolving the name,
before each delivery (so a name that later points inside is caught), unless
``webhook_allow_private`` is set. Redirects are not followed."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from sqlalchemy import select

from standing.access.model import Principal
from standing.audit.tags import Action
from standing.errors import Conflict, Invalid, NotFound
from standing.ids import new_id
from standing.notify import signing
from standing.notify.events import WEBHOOK_EVENTS
from standing.notify.mail import DeliveryError
from standing.notify.model import DeliveryStatus, Endpoint
from standing.ports import Services
from standing.store.notify_tables import DeliveryRow, OutboxRow, WebhookEndpointRow

Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise DeliveryError(f"cannot resolve {host}: {exc.strerror}") from exc
    return sorted({str(info[4][0]) for info in infos})


def check_url(url: str, allow_private: bool, resolver: Resolver = resolve) -> None:
    """`Invalid` unless ``url`` is an http(s) URL whose host is a public address (or private
    ones are allowed)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Invalid(f"URL: {url!r} is not an http:// or https:// URL")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as exc:
        raise Invalid(f"URL: {url!r}: {exc}") from None
    if allow_private:
        return
    try:
        addresses = [parts.hostname] if _is_ip(parts.hostname) else resolver(parts.hostname, port)
    except DeliveryError as exc:
        raise Invalid(f"URL: {exc.message}") from None
    for address in addresses:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            raise Invalid(
                f"URL: {parts.hostname} is a private, loopback or otherwise non-public address "
                f"({address}); set STANDING_WEBHOOK_ALLOW_PRIVATE=true to allow it"
            )


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _events(events: Sequence[str]) -> list[str]:
    out: list[str] = []
    for event in events:
        if event not in WEBHOOK_EVENTS:
            raise Invalid(f"--event: {event!r} is not one of {', '.join(WEBHOOK_EVENTS)}")
        if event not in out:
            out.append(event)
    return out


def endpoint_of(row: WebhookEndpointRow) -> Endpoint:
    return Endpoint(
        row.id, row.url, tuple(row.events), row.status, row.disabled_reason, row.created_at
    )


def add_endpoint(
    services: Services, url: str, events: Sequence[str], actor: Principal
) -> tuple[Endpoint, str]:
    """Register an endpoint; returns it and its secret (shown this once)."""
    url = url.strip()
    check_url(url, services.settings.webhook_allow_private)
    wanted = _events(events)
    secret = signing.new_secret()
    now = services.clock.now()
    with services.write(actor) as work:
        row = WebhookEndpointRow(
            id=new_id("wh"),
            url=url,
            secret=secret,
            events=wanted,
            status="active",
            created_at=now,
        )
        work.session.add(row)
        work.session.flush()
        work.record(now, Action.WEBHOOK_ADD, row.id, {"url": url, "events": wanted})
        endpoint = endpoint_of(row)
    return endpoint, secret


def list_endpoints(services: Services) -> list[Endpoint]:
    with services.read() as session:
        rows = session.scalars(
            select(WebhookEndpointRow).order_by(WebhookEndpointRow.created_at)
        ).all()
        return [endpoint_of(r) for r in rows]


def remove_endpoint(services: Services, endpoint_id: str, actor: Principal) -> Endpoint:
    """Remove an endpoint; its pending deliveries are dead-lettered when next due."""
    now = services.clock.now()
    with services.write(actor) as work:
        row = work.session.get(WebhookEndpointRow, endpoint_id)
        if row is None:
            raise NotFound(f"unknown webhook endpoint {endpoint_id!r}")
        out = endpoint_of(row)
        work.session.delete(row)
        work.session.flush()
        work.record(now, Action.WEBHOOK_REMOVE, endpoint_id, {"url": row.url})
    return out


def replay(
    services: Services, message_id: str, actor: Principal, endpoint_id: str | None = None
) -> list[str]:
    """Deliver a message again to the endpoints it went to (or ``endpoint_id``), delivered or
    dead-lettered, with the same webhook-id and body; returns the deliveries queued."""
    now = services.clock.now()
    with services.write(actor) as work:
        session = work.session
        if session.get(OutboxRow, message_id) is None:
            raise NotFound(f"unknown message {message_id!r}")
        query = select(DeliveryRow).where(
            DeliveryRow.message_id == message_id, DeliveryRow.channel == "webhook"
        )
        if endpoint_id is not None:
            query = query.where(DeliveryRow.target == endpoint_id)
        rows = session.scalars(query).all()
        if not rows:
            raise NotFound(
                f"message {message_id} was not sent to "
                + (f"endpoint {endpoint_id}" if endpoint_id else "any webhook endpoint")
            )
        pending = [r.id for r in rows if r.status == DeliveryStatus.pending]
        if pending and len(pending) == len(rows):
            raise Conflict(f"message {message_id} is still being delivered ({pending[0]})")
        queued = []
        for row in rows:
            if row.status != DeliveryStatus.pending:
                row.status, row.attempts, row.next_attempt_at = DeliveryStatus.pending, 0, now
                row.last_error = None
                queued.append(row.id)
        session.flush()
        work.record(
            now,
            Action.WEBHOOK_REPLAY,
            message_id,
            {"message": message_id, "deliveries": queued},
        )
    return queued


@dataclass(frozen=True, slots=True)
class Posted:
    status: int


class WebhookSender:
    """Posts signed deliveries with one HTTP client; timestamps are the wall clock's, which
    the receiver compares with its own."""

    def __init__(
        self,
        timeout: float,
        allow_private: bool,
        resolver: Resolver = resolve,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.client = httpx.Client(timeout=timeout, follow_redirects=False)
        self.allow_private, self.resolver, self.wall = allow_private, resolver, wall

    def post(self, url: str, secret: str, message_id: str, body: bytes) -> Posted:
        """One attempt. `DeliveryError` for a refused address or a network failure."""
        try:
            check_url(url, self.allow_private, self.resolver)
        except Invalid as exc:
            raise DeliveryError(exc.message.removeprefix("URL: "), permanent=True) from None
        headers = signing.headers(secret, message_id, int(self.wall()), body)
        try:
            response = self.client.post(url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            raise DeliveryError(f"POST {url}: {exc.__class__.__name__}: {exc}") from exc
        return Posted(response.status_code)

    def close(self) -> None:
        self.client.close()
