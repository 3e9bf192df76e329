from __future__ import annotations

from datetime import timedelta

import pytest

from standing.appeals.model import check_filing, check_reply_length
from standing.errors import Invalid
from tests.factories import T0


def test_filing_window() -> None:
    assert check_filing(T0, 180, T0 + timedelta(days=179), "The facts about our owner are wrong.")
    with pytest.raises(Invalid, match="appeal window closed"):
        check_filing(T0, 180, T0 + timedelta(days=181), "The facts about our owner are wrong.")
    with pytest.raises(Invalid, match="text"):
        check_filing(T0, 180, T0, "wrong")


def test_a_reply_is_at_least_a_few_sentences() -> None:
    with pytest.raises(Invalid, match="6 words"):
        check_reply_length("Your appeal has been reviewed, rejected.")
    long = "The register extract of 2026-05-02 shows the parent holds 100 percent of the company."
    assert check_reply_length(f"  {long}  ") == long
