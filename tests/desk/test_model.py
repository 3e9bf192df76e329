"""Claims and notes as plain rules: another's live claim refuses, an expired one does not;
one's own claim renews; only the holder releases; a note is trimmed and bounded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from standing.desk.model import (
    NOTE_MAX,
    Claim,
    check_claim,
    check_decider,
    check_note,
    check_release,
    moment,
)
from standing.errors import Conflict, Invalid

T0 = datetime(2026, 12, 2, 14, 5, tzinfo=UTC)


def held(by: str = "usr-a", minutes: int = 30) -> Claim:
    return Claim("apl-1", "appeal", by, T0, T0 + timedelta(minutes=minutes))


def test_another_live_claim_refuses_and_says_until_when() -> None:
    with pytest.raises(Conflict, match=r"claimed by usr-a until 2 December 2026, 14:35 UTC"):
        check_claim(held(), "usr-b", T0 + timedelta(minutes=29), 30)
    with pytest.raises(Conflict, match="decided when they release it"):
        check_decider(held(), "usr-b", T0)


@given(st.integers(min_value=0, max_value=10_000))
def test_an_expired_claim_holds_nothing(minutes_after: int) -> None:
    now = T0 + timedelta(minutes=30 + minutes_after)
    assert check_claim(held(), "usr-b", now, 30) == now + timedelta(minutes=30)
    check_decider(held(), "usr-b", now)
    with pytest.raises(Conflict, match="not claimed"):
        check_release(held(), "apl-1", "usr-a", now)


def test_ones_own_claim_renews_and_is_released_by_its_holder_only() -> None:
    later = T0 + timedelta(minutes=10)
    assert check_claim(held(), "usr-a", later, 30) == later + timedelta(minutes=30)
    check_decider(held(), "usr-a", later)
    assert check_release(held(), "apl-1", "usr-a", later) == held()
    with pytest.raises(Conflict, match="only they can release it"):
        check_release(held(), "apl-1", "usr-b", later)
    with pytest.raises(Conflict, match="not claimed"):
        check_release(None, "apl-1", "usr-a", later)
    with pytest.raises(Invalid, match="positive"):
        check_claim(None, "usr-a", later, 0)


def test_a_note_is_trimmed_and_bounded() -> None:
    assert check_note("  pending registry answer \n") == "pending registry answer"
    with pytest.raises(Invalid, match="note: empty"):
        check_note(" \n\t")
    with pytest.raises(Invalid, match=f"at most {NOTE_MAX}"):
        check_note("x" * (NOTE_MAX + 1))
    assert moment(T0) == "2 December 2026, 14:05 UTC"
