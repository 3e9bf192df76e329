"""Organisation names written with descriptors added, dropped or swapped, against the names
of other bodies that differ from them by one descriptor: a parent and its subsidiary under
legal forms that cannot name one company ("Hensoldt AG" / "Hensoldt Sensors GmbH")."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from tests.screening.names import score


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hensoldt AG", "Hensoldt Sensors GmbH"),
        ("General Dynamics Corporation", "General Dynamics Land Systems Inc."),
    ],
)
def test_a_parent_under_another_legal_form_is_not_its_subsidiary(query: str, listed: str) -> None:
    assert score(query, listed) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Hensoldt Sensors", "Hensoldt Sensors GmbH"),
        ("General Dynamics Land Systems", "General Dynamics Land Systems Inc."),
        ("Rafael Advanced Defense Systems Limited", "Rafael Advanced Defense Systems Ltd."),
        ("Kaspersky Lab", "AO Kaspersky Lab"),
    ],
)
def test_the_same_company_with_or_without_its_legal_form(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD
