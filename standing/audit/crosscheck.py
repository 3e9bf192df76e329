"""What the audit events say the state must be, and how it is compared with the state stored.

Each table the events create or change has a *fold*: a function that applies one event (its
action, actor, time and payload) to the records expected of that table, keyed as the table is
keyed. ``compare`` then sets the expected records against the stored rows, both ways: a row no
event accounts for, an event whose row is missing, a field that differs. Pure: the rows come
from ``standing.audit.state``, which holds the table of checkers (one per table).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from standing.audit.chain import Event


@dataclass(frozen=True, slots=True)
class OneOf:
    """An expected value that may be any of several (a hit no one reviewed may have been
    superseded or delisted by a later list version without an event of its own)."""

    values: frozenset[Any]

    def __repr__(self) -> str:
        return " or ".join(repr(v) for v in sorted(self.values, key=str))


@dataclass
class Record:
    """The expected fields of one row, and the event that last shaped it."""

    seq: int
    fields: dict[str, Any] = field(default_factory=dict)


Expected = dict[str, Record]
Fold = Callable[[Expected, Event, dict[str, Any]], None]


@dataclass(frozen=True, slots=True)
class Mismatch:
    table: str
    key: str
    seq: int | None  # the event involved; None for a row that no event accounts for
    reason: str

    def __str__(self) -> str:
        return f"{self.table} {self.key}: {self.reason}"

    def order(self) -> tuple[float, str, str]:
        return (float("inf") if self.seq is None else self.seq, self.table, self.key)


def when(value: Any) -> Any:
    """An ISO time from a payload as a datetime (compared as instants)."""
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, OneOf):
        return actual in expected.values
    if isinstance(expected, float) or isinstance(actual, float):
        try:
            return abs(float(expected) - float(actual)) <= 1e-9 * max(1.0, abs(float(expected)))
        except (TypeError, ValueError):
            return False
    if isinstance(expected, tuple | list) and isinstance(actual, tuple | list):
        return list(expected) == list(actual)
    return bool(expected == actual)


def _show(value: Any) -> str:
    if isinstance(value, datetime):
        value = value.isoformat()
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def compare(
    table: str, expected: Expected, rows: Iterable[tuple[str, dict[str, Any]]]
) -> Iterator[Mismatch]:
    """Every difference between the expected records and the stored rows."""
    seen: set[str] = set()
    for key, actual in rows:
        record = expected.get(key)
        if record is None:
            yield Mismatch(table, key, None, "no audit event records this row")
            continue
        seen.add(key)
        for name, value in record.fields.items():
            got = actual.get(name)
            if not _same(value, got):
                yield Mismatch(
                    table,
                    key,
                    record.seq,
                    f"{name} is {_show(got)} but event {record.seq} records {_show(value)}",
                )
    for key, record in expected.items():
        if key not in seen:
            yield Mismatch(table, key, record.seq, f"event {record.seq} records it; no row")


# --- folds: one per table, from the events' payloads ------------------------------------------

DECISION_FIELDS = (
    "subject",
    "subject_kind",
    "rule",
    "policy_version",
    "restricts",
    "reach_rule",
    "threshold",
    "facts",
    "evidence",
    "territories",
    "starts_at",
    "ends_at",
    "automated_detection",
    "automated_decision",
    "author",
    "created_at",
)
TIMES = frozenset({"starts_at", "ends_at", "created_at"})


def fold_decisions(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    if event.action == "decision:record":
        d = payload["decision"]
        fields = {f: when(d.get(f)) if f in TIMES else d.get(f) for f in DECISION_FIELDS}
        fields["supersedes"] = None
        fields["exempt"] = list(d.get("exempt") or ())
        expected[d["id"]] = Record(event.seq, fields)
    elif event.action == "appeal:review" and payload.get("new_decision"):
        record = expected.get(payload["new_decision"])
        if record is not None:  # else: the decision's own event is missing, reported as such
            record.fields["supersedes"] = payload["decision"]


def fold_statements(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    digest = payload.get("statement_digest")
    expected[payload["decision"]["id"]] = Record(
        event.seq, {"digest": digest, "content_digest": digest}
    )


def fold_notices(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    for notice in payload.get("notices", ()):
        expected[notice["notice"]] = Record(
            event.seq,
            {"decision": notice["decision"], "account": notice["account"], "content_ok": True},
        )


#: Appeal outcomes that end the decision (``modified`` and ``exempted`` record a successor).
LIFTING_OUTCOMES = frozenset({"overturned", "modified", "exempted", "lifted"})


def fold_lifts(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    if event.action == "decision:lift":
        reason = payload["reason"]
        decision = payload["decision"]
    elif payload.get("outcome") in LIFTING_OUTCOMES:
        reason = f"appeal {payload['appeal']} {payload['outcome']}: {payload['reply']}"
        decision = payload["decision"]
    else:
        return
    expected[decision] = Record(
        event.seq, {"reason": reason, "author": event.actor, "lifted_at": event.at}
    )


def fold_rechecks(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    """A re-examination that confirmed a decision: its reason, who and when."""
    expected[payload["recheck"]] = Record(
        event.seq,
        {
            "decision": payload["decision"],
            "reason": payload["reason"],
            "author": event.actor,
            "rechecked_at": event.at,
        },
    )


def fold_attachments(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    """An attachment: the appeal, the name, and the bytes by their SHA-256 (the stored
    blob's content is hashed again, so a swapped file shows)."""
    expected[payload["attachment"]] = Record(
        event.seq,
        {
            "appeal": payload["appeal"],
            "filename": payload["filename"],
            "sha256": payload["sha256"],
            "content_sha256": payload["sha256"],
            "media_type": payload["media_type"],
            "size": payload["size"],
            "added_by": event.actor,
            "added_at": event.at,
        },
    )


def fold_appeals(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    if event.action == "appeal:file":
        expected[payload["appeal"]] = Record(
            event.seq,
            {
                "decision": payload["decision"],
                "text": payload["text"],
                "kind": payload.get("kind", "dispute"),
                "scope": payload.get("scope"),
                "filed_by": event.actor,
                "filed_at": event.at,
                "status": "open",
                "outcome": None,
                "reply": None,
                "decided_by": None,
                "decided_at": None,
                "new_decision": None,
            },
        )
        return
    record = expected.setdefault(payload["appeal"], Record(event.seq))
    record.seq = event.seq
    record.fields.update(
        {
            "status": "decided",
            "outcome": payload["outcome"],
            "reply": payload["reply"],
            "decided_by": event.actor,
            "decided_at": event.at,
            "new_decision": payload.get("new_decision"),
        }
    )


#: A hit no one has reviewed: open, or closed by a later list version (no event of its own).
UNREVIEWED = OneOf(frozenset({"open", "superseded", "delisted"}))


def fold_hits(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    if event.action == "hit:open":
        for hit in payload.get("hits", ()):
            expected[hit["hit"]] = Record(
                event.seq,
                {
                    "party": hit["party"],
                    "source": hit["source"],
                    "entry": hit["entry"],
                    "score": hit["score"],
                    "status": UNREVIEWED,
                    "reviewed_by": None,
                    "reviewed_at": None,
                    "note": None,
                    "decision": None,
                },
            )
        return
    record = expected.setdefault(payload["hit"], Record(event.seq))
    record.seq = event.seq
    record.fields.update(
        {
            "status": "confirmed" if payload["action"] == "confirm" else "dismissed",
            "reviewed_by": event.actor,
            "reviewed_at": event.at,
            "note": payload.get("note"),
            "decision": payload.get("decision"),
        }
    )


def fold_list_versions(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    expected[f"{payload['source']}#{payload['version']}"] = Record(
        event.seq,
        {
            "file": payload["file"],
            "sha256": payload["sha256"],
            "format": payload["format"],
            "entries": payload["entries"],
            "entry_rows": payload["entries"],
            "added": payload["added"],
            "removed": payload["removed"],
            "changed": payload["changed"],
            "actor": event.actor,
            "imported_at": event.at,
        },
    )


def fold_changelog(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    """The gate's changelog: one ``recorded`` entry per decision, one ``lifted`` per lift."""
    if event.action == "decision:record":
        expected[f"recorded {payload['decision']['id']}"] = Record(event.seq, {"entries": 1})
    elif event.action == "decision:lift" or payload.get("outcome") in LIFTING_OUTCOMES:
        expected[f"lifted {payload['decision']}"] = Record(event.seq, {"entries": 1})


def _principal(
    kind: str, email: str | None, name: str, roles: list[str], **more: Any
) -> dict[str, Any]:
    """The fields a ``principals`` row starts with."""
    return {
        "kind": kind,
        "email": email,
        "name": name,
        "roles": sorted(roles),
        "parties": sorted(more.get("parties", ())),
        "password": bool(more.get("password")),
        "active": True,
    }


def fold_principals(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    """Users and contacts (``user:*``), and the service clients their first token creates."""
    if event.action == "user:add":
        kind = "staff" if payload["roles"] else "contact"
        expected[payload["user"]] = Record(
            event.seq,
            _principal(
                kind,
                payload["email"],
                payload["name"],
                payload["roles"],
                parties=payload["parties"],
                password=payload["password"],
            ),
        )
    elif event.action == "token:create":
        service = payload.get("service")
        if service and payload["principal"] not in expected:
            expected[payload["principal"]] = Record(
                event.seq, _principal("service", None, service, [])
            )
    else:
        record = expected.setdefault(payload["user"], Record(event.seq))
        record.seq = event.seq
        if event.action == "user:disable":
            record.fields["active"] = False
        elif event.action == "user:password":
            record.fields["password"] = True
        elif event.action == "user:roles":  # roles a sign-in through OpenID Connect brought
            record.fields["roles"] = sorted(payload["roles"])


def fold_tokens(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    if event.action == "token:create":
        expected[payload["token"]] = Record(
            event.seq,
            {
                "principal": payload["principal"],
                "scopes": sorted(payload["scopes"]),
                "expires_at": when(payload["expires_at"]),
                "created_by": event.actor,
                "revoked": False,
            },
        )
        return
    record = expected.setdefault(payload["token"], Record(event.seq))
    record.seq = event.seq
    record.fields["revoked"] = True


def fold_notes(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    """An internal note on a desk case, written once."""
    expected[payload["note"]] = Record(
        event.seq,
        {
            "case": payload["case"],
            "kind": payload["kind"],
            "author": event.actor,
            "text": payload["text"],
            "written_at": event.at,
        },
    )


def fold_claims(expected: Expected, event: Event, payload: dict[str, Any]) -> None:
    """A desk case's claim: taken (or renewed) until a time, or released (also by deciding
    the case). An expired claim stays as it was until the case is claimed again."""
    if event.action == "case:release":
        expected.pop(payload["case"], None)
        return
    expected[payload["case"]] = Record(
        event.seq,
        {
            "kind": payload["kind"],
            "held_by": event.actor,
            "claimed_at": event.at,
            "expires_at": when(payload["until"]),
        },
    )
