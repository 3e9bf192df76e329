"""Send the DSA records to the DSA Transparency Database API.

Records go to ``POST <dsa_api_url>/statements`` in calls of at most 100 (the "multiple"
endpoint). The database takes a call whole or not at all: a ``422`` names the refused
statements (``statement_<i>``) and their fields; those are reported and the rest of the call is
sent again. A puid the database already holds (a call that succeeded but whose answer was lost)
is looked up (``GET <dsa_api_url>/statement/existing-puid/<puid>``) and counted as accepted.
``429`` and ``5xx`` answers and network errors are retried with exponential backoff (honouring
``Retry-After``). Every accepted puid is recorded in ``dsa_submissions`` in the transaction
after the answer, so a record is never sent twice, even across runs.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

import httpx
from sqlalchemy import select

from standing.access.model import SYSTEM
from standing.errors import Invalid, StandingError
from standing.ports import Services
from standing.store.transparency_tables import DsaSubmissionRow
from standing.transparency.dsa_schema import MAX_PER_CALL
from standing.transparency.service import export_dsa

#: Waits before the retries of one call (seconds); the last failure is reported.
BACKOFF = (0.5, 1.0, 2.0, 4.0, 8.0)


class SubmissionFailed(StandingError):
    """The database could not be reached or refused the platform (not a record)."""

    code = "dsa_submission_failed"
    http_status = 502


@dataclass(frozen=True, slots=True)
class SubmitReport:
    """What a submission run sent: the records accepted now and by an earlier run, those the
    database refused (each its puid and the database's errors, as it gave them) and the
    calls and retries it took."""

    accepted: tuple[str, ...] = ()
    already: tuple[str, ...] = ()
    refused: tuple[dict[str, Any], ...] = ()
    calls: int = 0
    retries: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "accepted": len(self.accepted),
            "already_submitted": len(self.already),
            "refused": list(self.refused),
            "calls": self.calls,
            "retries": self.retries,
        }


@dataclass
class _Tally:
    """The run's running count, kept while it sends (``SubmitReport`` once done)."""

    accepted: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)  # accepted by an earlier run
    refused: list[dict[str, Any]] = field(default_factory=list)  # puid, errors
    calls: int = 0
    retries: int = 0

    def report(self) -> SubmitReport:
        return SubmitReport(
            tuple(self.accepted), tuple(self.already), tuple(self.refused), self.calls, self.retries
        )


def require_public_url(url: str) -> None:
    """Records meant for the database link to the public policy pages: not a loopback host."""
    host = urlsplit(url).hostname or ""
    loopback = host in ("localhost", "") or host.endswith(".localhost")
    try:
        address = ipaddress.ip_address(host)
        loopback = loopback or address.is_loopback or address.is_unspecified
    except ValueError:
        pass
    if loopback or urlsplit(url).scheme not in ("http", "https"):
        raise Invalid(
            f"STANDING_PUBLIC_URL: {url!r} is not a public address; records sent to the DSA "
            "Transparency Database link to the policy pages there (set it to where /policies "
            "is published)"
        )


def submit_dsa(
    services: Services,
    since: datetime | None = None,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> SubmitReport:
    """Send every record not yet accepted; see the module's description."""
    settings = services.settings
    if not settings.dsa_api_url or not settings.dsa_api_token:
        raise Invalid(
            "STANDING_DSA_API_URL and STANDING_DSA_API_TOKEN: both are needed to submit to the "
            "DSA Transparency Database"
        )
    require_public_url(settings.public_url)
    records = list(export_dsa(services, since))  # every record checked before any is sent
    with services.read() as session:
        done = set(session.scalars(select(DsaSubmissionRow.puid)))
    report = _Tally(already=[r["puid"] for r in records if r["puid"] in done])
    pending = [r for r in records if r["puid"] not in done]
    own = client is None
    http = client or httpx.Client(timeout=60)
    try:
        api = _Api(http, settings.dsa_api_url.rstrip("/"), settings.dsa_api_token, sleep, report)
        for start in range(0, len(pending), MAX_PER_CALL):
            batch = pending[start : start + MAX_PER_CALL]
            while batch:
                accepted, refused = api.send(batch)
                if accepted:
                    _record(services, accepted)
                    report.accepted += [p for p, _, _ in accepted]
                report.refused += refused
                gone = {p for p, _, _ in accepted} | {r["puid"] for r in refused}
                rest = [r for r in batch if r["puid"] not in gone]
                if len(rest) == len(batch):
                    raise SubmissionFailed("the database refused a call without naming why")
                batch = rest
    finally:
        if own:
            http.close()
    return report.report()


def _record(services: Services, accepted: list[tuple[str, str | None, dict[str, Any]]]) -> None:
    """Keep the receipts of the accepted records: standing's own write (`SYSTEM`), no event."""
    now = services.clock.now()
    with services.write(SYSTEM) as work:
        for record_puid, uuid, record in accepted:
            work.session.merge(
                DsaSubmissionRow(
                    puid=record_puid,
                    decision_id=record_puid.split("_", 1)[0],
                    uuid=uuid,
                    record=record,
                    submitted_at=now,
                )
            )


@dataclass
class _Api:
    http: httpx.Client
    base: str
    token: str
    sleep: Callable[[float], None]
    report: _Tally

    def _request(self, method: str, path: str, body: Any = None) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        last = ""
        for attempt in range(len(BACKOFF) + 1):
            if attempt:
                self.report.retries += 1
            try:
                response = self.http.request(method, self.base + path, json=body, headers=headers)
            except httpx.TransportError as exc:
                last = f"{type(exc).__name__}: {exc}"
            else:
                if response.status_code != 429 and response.status_code < 500:
                    return response
                last = f"HTTP {response.status_code}"
                if attempt < len(BACKOFF):
                    wait = BACKOFF[attempt]
                    retry_after = response.headers.get("Retry-After", "")
                    if retry_after.isdigit():
                        wait = max(wait, float(retry_after))
                    self.sleep(wait)
                continue
            if attempt < len(BACKOFF):
                self.sleep(BACKOFF[attempt])
        raise SubmissionFailed(
            f"{method} {self.base}{path}: no answer after {len(BACKOFF) + 1} tries ({last})"
        )

    def send(
        self, batch: list[dict[str, Any]]
    ) -> tuple[list[tuple[str, str | None, dict[str, Any]]], list[dict[str, Any]]]:
        """One call: the accepted (puid, uuid, record) and the refused (puid, errors)."""
        self.report.calls += 1
        response = self._request("POST", "/statements", {"statements": batch})
        if response.status_code in (401, 403):
            raise SubmissionFailed(
                f"the database refused the platform's token (HTTP {response.status_code}); "
                "check STANDING_DSA_API_TOKEN"
            )
        body = _json(response)
        if response.status_code in (200, 201):
            uuids = {s.get("puid"): s.get("uuid") for s in body.get("statements", [])}
            return [(r["puid"], uuids.get(r["puid"]), r) for r in batch], []
        if response.status_code != 422:
            raise SubmissionFailed(f"unexpected answer HTTP {response.status_code}: {body}")
        errors = body.get("errors") or {}
        refused = []
        for key, fields in errors.items():
            if key.startswith("statement_") and key[10:].isdigit() and int(key[10:]) < len(batch):
                refused.append({"puid": batch[int(key[10:])]["puid"], "errors": fields})
        if refused:
            return [], refused
        # no statement named: a puid the database already holds
        held = [r for r in batch if self._exists(r["puid"])]
        if not held:
            return [], [
                {"puid": r["puid"], "errors": errors or {"message": body.get("message")}}
                for r in batch
            ]
        return [(r["puid"], None, r) for r in held], []

    def _exists(self, record_puid: str) -> bool:
        response = self._request("GET", f"/statement/existing-puid/{quote(record_puid)}")
        return response.status_code == 302


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {"message": response.text[:500]}
    return body if isinstance(body, dict) else {"message": str(body)[:500]}
