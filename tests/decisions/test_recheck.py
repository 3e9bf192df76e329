"""The re-examination cycle of decisions without an end (pure)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from standing.decisions.recheck import (
    check_confirmation,
    check_reason_length,
    next_recheck,
    rechecks_due,
)
from standing.errors import Conflict, Invalid
from tests.factories import T0, decision

DAY = timedelta(days=1)
CYCLES = {"yearly": 365, "monthly": 28, "none": None}


def test_due_a_cycle_after_creation_or_the_last_re_examination() -> None:
    d = decision("d1", "p", rule_id="monthly")
    assert next_recheck(d, 28).due_at == T0 + 28 * DAY
    later = next_recheck(d, 28, (T0 + 30 * DAY, "usr-r"))
    assert later.due_at == T0 + 58 * DAY and later.last_by == "usr-r"


def test_the_list_is_earliest_first_within_the_horizon_with_overdue_marked() -> None:
    decisions = [
        decision("yearly", "p1", rule_id="yearly"),
        decision("monthly", "p2", rule_id="monthly"),
        decision("again", "p3", rule_id="monthly", starts_at=T0 + 10 * DAY),
        decision("no-cycle", "p4", rule_id="none"),
        decision("ends", "p5", rule_id="monthly", ends_at=T0 + 400 * DAY),
        decision("lifted", "p6", rule_id="monthly", lifted_at=T0 + DAY),
        decision("unknown-rule", "p7", rule_id="withdrawn"),
    ]
    now = T0 + 30 * DAY
    due = rechecks_due(decisions, CYCLES, {}, now, within=timedelta(days=30))
    assert [r.decision.id for r in due] == ["monthly", "again"]
    assert [r.overdue_at(now) for r in due] == [True, False]
    # a wider horizon reaches the yearly one; a re-examination moves the monthly one back
    wide = rechecks_due(
        decisions, CYCLES, {"monthly": (T0 + 29 * DAY, "usr-r")}, now, timedelta(days=400)
    )
    assert [r.decision.id for r in wide] == ["again", "monthly", "yearly"]
    assert [r.due_at for r in wide] == [T0 + 38 * DAY, T0 + 57 * DAY, T0 + 365 * DAY]
    with pytest.raises(Invalid, match="within"):
        rechecks_due(decisions, CYCLES, {}, now, within=-DAY)


def test_an_expired_decision_does_not_come_back() -> None:
    # an end in the past makes it expired; lifted and ended ones are refused on confirmation
    d = decision("d", "p", rule_id="monthly", ends_at=T0 + DAY)
    assert rechecks_due([d], CYCLES, {}, T0 + 60 * DAY, timedelta(days=30)) == []
    with pytest.raises(Conflict, match="only a decision without an end"):
        check_confirmation(d, 28, T0)
    with pytest.raises(Conflict, match="was lifted"):
        check_confirmation(decision("l", "p", lifted_at=T0), 28, T0 + DAY)
    with pytest.raises(Conflict, match="sets no re-examination cycle"):
        check_confirmation(decision("n", "p", rule_id="none"), None, T0 + DAY)
    check_confirmation(decision("ok", "p", rule_id="monthly"), 28, T0 + DAY)


def test_a_confirmation_says_something() -> None:
    with pytest.raises(Invalid, match="reason: say what was examined again"):
        check_reason_length("still holds")
    assert check_reason_length("  The   register extract of 2026-02-01 still names it. ") == (
        "The register extract of 2026-02-01 still names it."
    )
