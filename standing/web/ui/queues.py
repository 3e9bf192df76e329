"""The desk's queues as the page shows them: appeals grouped by kind (disputes,
reinstatement requests), then open screening hits; each case with its deadline, whether it
is overdue, and who holds it until when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from standing.appeals.model import AppealView
from standing.desk.model import Claim
from standing.screening.model import HitView

#: The appeal kinds, in the order the desk shows them, with their queue's title.
APPEAL_QUEUES = (
    ("dispute", "Disputes", "disputes"),
    ("reinstatement", "Reinstatement requests", "reinstatement requests"),
)


@dataclass(frozen=True)
class Case:
    id: str
    kind: str  # appeal | hit
    url: str
    due_at: datetime | None
    overdue: bool
    claim: Claim | None
    about: str  # the decision (appeal) or the party and list entry (hit)
    about_url: str
    since: datetime
    detail: str = ""


@dataclass
class Queue:
    id: str
    title: str
    empty: str
    caption: str
    cases: list[Case] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for c in self.cases if c.overdue)


def appeal_queues(appeals: list[AppealView], claims: dict[str, Claim]) -> list[Queue]:
    """Open appeals (earliest deadline first) by kind; an appeal without a kind is a
    dispute."""
    queues = {
        kind: Queue(f"queue-{kind}", title, f"No open {words}.", "Earliest deadline first.")
        for kind, title, words in APPEAL_QUEUES
    }
    for view in appeals:
        a = view.appeal
        kind = str(a.kind or "dispute")
        queue = queues.get(kind)
        if queue is None:
            queue = queues[kind] = Queue(
                f"queue-{kind}", kind.capitalize(), f"No open {kind}.", "Earliest deadline first."
            )
        queue.cases.append(
            Case(
                id=a.id,
                kind="appeal",
                url=f"/review/appeals/{a.id}",
                due_at=a.due_at,
                overdue=bool(view.overdue),
                claim=claims.get(a.id),
                about=a.decision_id + (f" (for {a.scope} only)" if a.scope else ""),
                about_url=f"/standing/decisions/{a.decision_id}",
                since=a.filed_at,
            )
        )
    for queue in queues.values():
        queue.cases.sort(key=lambda c: (c.due_at or c.since, c.id))
    return list(queues.values())


def hit_queue(hits: list[HitView], claims: dict[str, Claim]) -> Queue:
    """Open screening hits, oldest first (a hit has no answer date of its own)."""
    queue = Queue("queue-hits", "Screening hits", "No open hits.", "Oldest first.")
    for h in sorted(hits, key=lambda h: (h.created_at, h.id)):
        how = " (by identifier)" if h.by_identifier else ""
        queue.cases.append(
            Case(
                id=h.id,
                kind="hit",
                url=f"/review/hits/{h.id}",
                due_at=None,
                overdue=False,
                claim=claims.get(h.id),
                about=f"{h.party_name or h.party}",
                about_url=f"/standing?party={h.party}",
                since=h.created_at,
                detail=f"{h.source}: {h.entry}, name {h.name}{how}, score {h.score:.2f}",
            )
        )
    return queue


def next_case(queues: list[Queue], viewer: str, after: str | None = None) -> Case | None:
    """The next case to take, in the desk's order: the first after ``after`` (or the first
    of all) that nobody else holds."""
    cases = [c for q in queues for c in q.cases]
    start = next((i + 1 for i, c in enumerate(cases) if c.id == after), 0)
    for case in cases[start:] + cases[:start]:
        if case.id != after and (case.claim is None or case.claim.held_by == viewer):
            return case
    return None
