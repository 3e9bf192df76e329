from __future__ import annotations

from datetime import timedelta

import pytest

from standing.appeals.model import check_filing, check_reply
from standing.errors import Invalid
from tests.factories import T0

TERMS = ["AO Kaspersky Lab", "dec-1"]
GOOD = (
    "We checked the register extract you sent: AO Kaspersky Lab still owns all shares of the "
    "US company, so the directive still reaches its accounts and the decision stands."
)


def test_filing_window() -> None:
    assert check_filing(T0, 180, T0 + timedelta(days=179), "The facts about our owner are wrong.")
    with pytest.raises(Invalid, match="appeal window closed"):
        check_filing(T0, 180, T0 + timedelta(days=181), "The facts about our owner are wrong.")
    with pytest.raises(Invalid, match="text"):
        check_filing(T0, 180, T0, "wrong")


def test_reply_must_be_specific_and_new() -> None:
    assert check_reply(GOOD, TERMS, []) == GOOD
    with pytest.raises(Invalid, match="words"):
        check_reply("Your appeal has been reviewed and rejected.", TERMS, [])
    template = (
        "Your business model inherently conflicts with acceptable Ads business practices, so "
        "after careful review we have decided to keep the restriction in place."
    )
    with pytest.raises(Invalid, match="nothing specific"):
        check_reply(template, TERMS, [])
    with pytest.raises(Invalid, match="repeats an earlier reply"):
        check_reply(GOOD.replace("stands", "stands."), TERMS, [GOOD])


def test_a_reply_taking_up_the_appeals_particulars_is_specific() -> None:
    appeal = "Our subsidiary was sold to Meridian Holdings on 2026-03-01; the parent keeps none."
    reply = (
        "The sale to Meridian Holdings completed on 2026-03-01 according to the register, so "
        "the restriction ends for the accounts of the company that was sold."
    )
    assert check_reply(reply, TERMS, [], appeal) == reply
    template = (
        "Your business model inherently conflicts with acceptable Ads business practices, so "
        "after careful review we have decided to keep the restriction in place."
    )
    with pytest.raises(Invalid, match="nothing specific"):
        check_reply(template, TERMS, [], appeal)
