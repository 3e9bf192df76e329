"""The desk's queues: appeals by kind (a dispute when no kind is given), earliest deadline
first, overdue counted; hits oldest first; the next case skips what another holds."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from standing.appeals.model import Appeal, AppealView
from standing.desk.model import Claim
from standing.screening.model import HitView
from standing.web.ui.queues import appeal_queues, hit_queue, next_case

T0 = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)


def appeal(id_: str, due_days: int, kind: str = "", overdue: bool = False) -> AppealView:
    filed = Appeal(
        id=id_,
        decision_id="dec-1",
        text="The listed company is not ours.",
        filed_by="usr-1",
        filed_at=T0,
        due_at=T0 + timedelta(days=due_days),
        status="open",
        kind=kind,
    )
    return AppealView(filed, overdue)


def hit(id_: str, score: float, created_at: datetime) -> HitView:
    return HitView(
        id=id_,
        party="p",
        party_name=None,
        source="s",
        entry="e",
        name="n",
        score=score,
        by_identifier=False,
        features={},
        status="open",
        created_at=created_at,
        reviewed_by=None,
        reviewed_at=None,
        note=None,
        decision=None,
    )


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
    hits = [hit("hit-2", 0.9, T0 + timedelta(hours=1)), hit("hit-1", 0.8, T0)]
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
