"""Transparency report figures from decisions and appeals (pure)."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from standing.appeals.model import ENDING, OUTCOMES, Appeal, AppealStatus, Dispute
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
    #: DSA Art. 15(1)(d) and Art. 24(1), per half-year ("2026-H1")
    half_years: list[HalfYear] = field(default_factory=list)


@dataclass(frozen=True)
class HalfYear:
    """One half-year's figures for DSA Art. 15(1)(d) (complaints through the internal
    complaint-handling system: received and their basis, decided, median time to decision,
    reversed) and Art. 24(1) (out-of-court disputes submitted, their outcomes, the median
    time to settle them and the share of outcomes asking for a change that the platform
    implemented; suspensions)."""

    period: str
    complaints_received: int
    complaints_by_basis: dict[str, int]
    complaints_decided: int
    complaints_reversed: int
    complaint_days_median: float | None
    suspensions: int  # restrictions with an end
    terminations: int  # restrictions until lifted
    out_of_court_disputes: int = 0  # submitted in the half-year
    out_of_court_outcomes: dict[str, int] = field(default_factory=dict)  # settled in it
    out_of_court_days_median: float | None = None
    out_of_court_implemented_share: float | None = None  # of outcomes asking for a change


def half_year(moment: datetime) -> str:
    return f"{moment.year}-H{1 if moment.month <= 6 else 2}"


def half_years(
    decisions: list[Decision],
    appeals: list[Appeal],
    basis: dict[str, str],
    disputes: list[Dispute] | None = None,
) -> list[HalfYear]:
    """The Art. 15(1)(d) / Art. 24(1) figures of every half-year with a decision or complaint,
    oldest first. ``basis`` gives a decision's DSA category (a complaint's basis is the ground
    of the decision it contests)."""
    periods = {half_year(d.created_at) for d in decisions}
    periods |= {half_year(a.filed_at) for a in appeals}
    periods |= {half_year(a.decided_at) for a in appeals if a.decided_at is not None}
    disputes = disputes or []
    periods |= {half_year(x.submitted_at) for x in disputes}
    periods |= {half_year(x.settled_at) for x in disputes if x.settled_at is not None}
    out = []
    for period in sorted(periods):
        received = [a for a in appeals if half_year(a.filed_at) == period]
        decided = [
            a
            for a in appeals
            if a.decided_at is not None and a.outcome and half_year(a.decided_at) == period
        ]
        days = [
            (a.decided_at - a.filed_at).total_seconds() / 86400 for a in decided if a.decided_at
        ]
        recorded = [d for d in decisions if half_year(d.created_at) == period]
        settled = [
            x
            for x in disputes
            if x.settled_at is not None and x.outcome and half_year(x.settled_at) == period
        ]
        settle_days = [
            (x.settled_at - x.submitted_at).total_seconds() / 86400 for x in settled if x.settled_at
        ]
        to_implement = [x for x in settled if x.implemented is not None]
        out.append(
            HalfYear(
                period=period,
                complaints_received=len(received),
                complaints_by_basis=dict(
                    Counter(basis.get(a.decision_id, "unknown") for a in received).most_common()
                ),
                complaints_decided=len(decided),
                complaints_reversed=sum(a.outcome in ENDING for a in decided),
                complaint_days_median=round(statistics.median(days), 2) if days else None,
                suspensions=sum(d.ends_at is not None for d in recorded),
                terminations=sum(d.ends_at is None for d in recorded),
                out_of_court_disputes=sum(half_year(x.submitted_at) == period for x in disputes),
                out_of_court_outcomes=dict(Counter(str(x.outcome) for x in settled)),
                out_of_court_days_median=(
                    round(statistics.median(settle_days), 2) if settle_days else None
                ),
                out_of_court_implemented_share=(
                    round(sum(bool(x.implemented) for x in to_implement) / len(to_implement), 4)
                    if to_implement
                    else None
                ),
            )
        )
    return out


def figures(
    decisions: list[Decision],
    appeals: list[Appeal],
    policy: Policy,
    now: datetime,
    basis: dict[str, str] | None = None,
    disputes: list[Dispute] | None = None,
) -> Figures:
    decided = [a for a in appeals if a.status == AppealStatus.decided and a.decided_at is not None]
    outcomes = Counter(a.outcome for a in decided if a.outcome)
    durations = [
        (a.decided_at - a.filed_at).total_seconds() / 86400 for a in decided if a.decided_at
    ]
    reversed_ = sum(outcomes.get(o, 0) for o in ENDING)
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
        appeals_open=sum(a.status == AppealStatus.open for a in appeals),
        appeal_outcomes={o: outcomes.get(o, 0) for o in OUTCOMES},
        reversal_rate=round(reversed_ / len(decided), 4) if decided else None,
        review_days_median=round(statistics.median(durations), 2) if durations else None,
        review_days_max=round(max(durations), 2) if durations else None,
        overdue=sum(a.overdue_at(now) for a in appeals),
        rule_titles={r.id: r.title for r in policy.rules.values()},
        half_years=half_years(
            decisions,
            appeals,
            basis
            if basis is not None
            else {
                d.id: policy.rules[d.rule_id].dsa_category
                for d in decisions
                if d.rule_id in policy.rules
            },
            disputes,
        ),
    )
