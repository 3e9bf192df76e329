"""Transparency report figures from decisions and appeals (pure)."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from standing.appeals.model import Appeal
from standing.decisions.model import Decision
from standing.policies.model import Policy


@dataclass(frozen=True)
class Figures:
    generated_at: str
    policy_version: str
    decisions: int
    active: int
    lifted: int
    by_rule: dict[str, int]
    by_ground: dict[str, int]
    by_month: dict[str, int]
    automated_detection: int
    automated_decision: int
    appeals: int
    appeals_open: int
    appeal_outcomes: dict[str, int]
    reversal_rate: float | None
    review_days_median: float | None
    review_days_max: float | None
    overdue: int
    rule_titles: dict[str, str] = field(default_factory=dict)


def figures(
    decisions: list[Decision], appeals: list[Appeal], policy: Policy, now: datetime
) -> Figures:
    decided = [a for a in appeals if a.status == "decided" and a.decided_at is not None]
    outcomes = Counter(a.outcome for a in decided if a.outcome)
    durations = [
        (a.decided_at - a.filed_at).total_seconds() / 86400 for a in decided if a.decided_at
    ]
    reversed_ = outcomes.get("overturned", 0) + outcomes.get("modified", 0)
    ground_of = {r.id: r.ground for r in policy.rules.values()}
    return Figures(
        generated_at=now.isoformat(),
        policy_version=policy.version,
        decisions=len(decisions),
        active=sum(d.active_at(now) for d in decisions),
        lifted=sum(d.lifted_at is not None for d in decisions),
        by_rule=dict(Counter(d.rule_id for d in decisions).most_common()),
        by_ground=dict(Counter(ground_of.get(d.rule_id, "unknown") for d in decisions)),
        by_month=dict(sorted(Counter(d.created_at.strftime("%Y-%m") for d in decisions).items())),
        automated_detection=sum(d.automated_detection for d in decisions),
        automated_decision=sum(d.automated_decision for d in decisions),
        appeals=len(appeals),
        appeals_open=sum(a.status == "open" for a in appeals),
        appeal_outcomes={o: outcomes.get(o, 0) for o in ("upheld", "overturned", "modified")},
        reversal_rate=round(reversed_ / len(decided), 4) if decided else None,
        review_days_median=round(statistics.median(durations), 2) if durations else None,
        review_days_max=round(max(durations), 2) if durations else None,
        overdue=sum(a.overdue_at(now) for a in appeals),
        rule_titles={r.id: r.title for r in policy.rules.values()},
    )
