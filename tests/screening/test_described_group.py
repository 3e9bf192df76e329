"""A brand said to be a group or a holding, with no legal form of its own ("Gazprom
Holding"), is a description of the company the list names, as "Group" is ("ZTE Group")."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from tests.screening.names import score


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Gazprom Holding", "PJSC Gazprom"),
        ("Gazprom Group", "PJSC Gazprom"),
    ],
)
def test_a_group_or_holding_described_is_the_company(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # the holding's own registered company is another legal entity
        ("Daiwa Securities Group Inc.", "Daiwa Securities Co. Ltd."),
        ("Sistema Holding Ltd", "Sistema PJSFC"),
        ("Gazprom Neft", "PJSC Gazprom"),
    ],
)
def test_a_registered_group_company_stays_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD
