"""The desk's queues: appeals by kind (a dispute when no kind is given), earliest deadline
first, overdue counted; hits oldest first; the next case skips what another holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from standing.desk.model import Claim
from standing.web.ui.queues import appeal_queues, hit_queue, next_case

T0 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def appeal(id_: str, due_days: int, kind: str | None = None, overdue: bool = False) -> dict:
    out = {
        "id": id_,
        "decision": "dec-1",
        "filed_at": T0.isoformat(),
        "due_at": (T0 + timedelta(days=due_days)).isoformat(),
        "overdue": overdue,
    }
    if kind:
        out["kind"] = kind
    return out


def test_appeals_are_queued_by_kind_earliest_deadline_first() -> None:
    queues = appeal_queues(
        [
            appeal("apl-late", 9),
            appeal("apl-re", 3, "reinstatement"),
            appeal("apl-soon", 2, "dispute", overdue=True),
        ],
        {},
    )
    assert [q.title for q in queues] == ["Disputes", "Reinstatement requests"]
    disputes, reinstatements = queues
    assert [c.id for c in disputes.cases] == ["apl-soon", "apl-late"]
    assert disputes.overdue == 1 and reinstatements.overdue == 0
    assert [c.id for c in reinstatements.cases] == ["apl-re"]
    assert reinstatements.cases[0].url == "/review/appeals/apl-re"


def test_the_next_case_skips_what_another_holds() -> None:
    claim = Claim("apl-a", "appeal", "usr-other", T0, T0 + timedelta(minutes=30))
    hits = [
        {
            "id": "hit-2",
            "party": "p",
            "source": "s",
            "entry": "e",
            "name": "n",
            "score": 0.9,
            "created_at": (T0 + timedelta(hours=1)).isoformat(),
        },
        {
            "id": "hit-1",
            "party": "p",
            "source": "s",
            "entry": "e",
            "name": "n",
            "score": 0.8,
            "created_at": T0.isoformat(),
        },
    ]
    queues = [
        *appeal_queues([appeal("apl-a", 1), appeal("apl-b", 2)], {"apl-a": claim}),
        hit_queue(hits, {}),
    ]
    assert [c.id for c in queues[-1].cases] == ["hit-1", "hit-2"]
    first = next_case(queues, "usr-me")
    assert first is not None and first.id == "apl-b"
    assert next_case(queues, "usr-other").id == "apl-a"  # type: ignore[union-attr]
    after = next_case(queues, "usr-me", "apl-b")
    assert after is not None and after.id == "hit-1"
    last = next_case(queues, "usr-me", "hit-2")
    assert last is not None and last.id == "apl-b"  # from the top again
