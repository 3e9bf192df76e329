"""The company forms of Japanese law in Hepburn beside the kabushiki kaisha: the yugen kaisha
(有限会社, a limited company: "Co., Ltd."), the godo kaisha (合同会社, an LLC), the goshi and
gomei kaisha (partnership companies) and the sogo kaisha (相互会社, a mutual company), also
written with the voiced g that follows a word ("yugen gaisha"). They are forms, not words of
the name a query lacks."""

from __future__ import annotations

import pytest

from standing.screening.match import Query
from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from tests.screening.names import listed_in, matcher, score, score_in


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Sanko Shoji Yugen Kaisha", "yk"),
        ("Sanko Shoji Yugen Gaisha", "yk"),
        ("Tanaka Godo Kaisha", "gk"),
        ("Tanaka Godo Gaisha", "gk"),
        ("Suzuki Goshi Kaisha", "goshi"),
        ("Suzuki Gomei Kaisha", "gomei"),
        ("Nippon Seimei Hoken Sogo Gaisha", "mutual"),
    ],
)
def test_the_forms_are_read_as_forms(name: str, form: str) -> None:
    assert normalize_name(name, "organization").legal_forms == (form,)


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Sanko Shoji Yugen Kaisha", "Sanko Shoji Co., Ltd."),
        ("Sanko Shoji Yugen Gaisha", "Sanko Shoji Limited"),
        ("Tanaka Seiki Godo Kaisha", "Tanaka Seiki LLC"),
        ("Nippon Seimei Hoken Sogo Gaisha", "Nippon Life Insurance Company"),
    ],
)
def test_a_company_is_found_by_its_name_with_its_japanese_form(query: str, entry: str) -> None:
    assert score_in(query, entry, "jp") >= DEFAULT_THRESHOLD


def test_a_japanese_form_against_another_country_s_is_a_conflict() -> None:
    result = matcher.score(
        Query.of("Sanko Shoji Yugen Kaisha", schema="Company"), listed_in("Sanko Shoji GmbH", "de")
    )
    assert result.features["legal_forms"]["conflict"] is True
    assert result.score < score_in("Sanko Shoji Yugen Kaisha", "Sanko Shoji Co., Ltd.", "jp")


def test_another_name_with_the_same_form_stays_apart() -> None:
    assert score("Sanko Shoji Yugen Kaisha", "Sanko Denki Co., Ltd.") < DEFAULT_THRESHOLD
