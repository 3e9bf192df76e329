"""The database's own rules, from the Commission's repository: the documented example payload
of the API (resources/markdown, schema of 1 July 2025) is accepted; each rule of the store
request refuses what it refuses there."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from standing.transparency.dsa_schema import (
    EEA,
    KEYWORDS,
    STATEMENT_CATEGORIES,
    validate_record,
)

#: The example payload of the API documentation ("Creating a Statement").
DOCUMENTED: dict[str, Any] = {
    "decision_visibility": ["DECISION_VISIBILITY_CONTENT_DISABLED"],
    "decision_monetary": "DECISION_MONETARY_TERMINATION",
    "end_date_monetary_restriction": "2023-08-08",
    "decision_provision": "DECISION_PROVISION_TOTAL_SUSPENSION",
    "decision_account": "DECISION_ACCOUNT_SUSPENDED",
    "account_type": "ACCOUNT_TYPE_BUSINESS",
    "decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT",
    "decision_ground_reference_url": "https://www.anurl.com",
    "content_type": ["CONTENT_TYPE_VIDEO", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_SYNTHETIC_MEDIA"],
    "category": "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
    "illegal_content_legal_ground": "illegal content legal grounds",
    "illegal_content_explanation": "illegal content explanation",
    "incompatible_content_ground": "incompatible content grounds",
    "incompatible_content_explanation": "incompatible content explanation",
    "incompatible_content_illegal": "Yes",
    "territorial_scope": ["PT", "ES", "DE"],
    "content_language": "EN",
    "content_date": "2023-08-08",
    "content_id": {"EAN-13": "0123456789123"},
    "application_date": "2023-08-08",
    "decision_facts": "facts about the decision",
    "source_type": "SOURCE_TRUSTED_FLAGGER",
    "automated_detection": "No",
    "automated_decision": "AUTOMATED_DECISION_PARTIALLY",
    "puid": "TK421",
}


def refused(changes: dict[str, Any], drop: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    record = copy.deepcopy(DOCUMENTED)
    record.update(changes)
    for field in drop:
        record.pop(field, None)
    return {(v.field, v.rule) for v in validate_record(record)}


def test_the_documented_example_is_accepted() -> None:
    assert validate_record(DOCUMENTED) == []


def test_the_schema_of_july_2025() -> None:
    assert len(STATEMENT_CATEGORIES) == 16
    assert "STATEMENT_CATEGORY_OTHER_VIOLATION_TC" in STATEMENT_CATEGORIES
    assert "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE" not in STATEMENT_CATEGORIES
    assert "KEYWORD_MISINFORMATION_DISINFORMATION" in KEYWORDS
    assert "KEYWORD_DISINFORMATION" not in KEYWORDS
    assert len(EEA) == 30 and {"IS", "LI", "NO"} <= set(EEA)


def test_a_removed_category_is_refused_with_its_successor() -> None:
    record = dict(DOCUMENTED, category="STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE")
    (violation,) = validate_record(record)
    assert (violation.field, violation.rule) == ("category", "in")
    assert "STATEMENT_CATEGORY_OTHER_VIOLATION_TC" in violation.message
    assert refused({"category_addition": ["STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS"]}) == {
        ("category_addition", "in")
    }
    assert refused({"category_specification": ["KEYWORD_DISINFORMATION"]}) == {
        ("category_specification", "in")
    }


@pytest.mark.parametrize(
    ("ground", "missing"),
    [
        ("DECISION_GROUND_INCOMPATIBLE_CONTENT", "incompatible_content_ground"),
        ("DECISION_GROUND_INCOMPATIBLE_CONTENT", "incompatible_content_explanation"),
        ("DECISION_GROUND_ILLEGAL_CONTENT", "illegal_content_legal_ground"),
        ("DECISION_GROUND_ILLEGAL_CONTENT", "illegal_content_explanation"),
    ],
)
def test_required_if_the_ground(ground: str, missing: str) -> None:
    assert refused({"decision_ground": ground}, drop=(missing,)) == {(missing, "required_if")}
    assert refused({"decision_ground": ground, missing: "  "}) == {(missing, "required_if")}


def test_required_if_other() -> None:
    assert refused({"decision_visibility": ["DECISION_VISIBILITY_OTHER"]}) == {
        ("decision_visibility_other", "required_if")
    }
    assert refused({"decision_monetary": "DECISION_MONETARY_OTHER"}) == {
        ("decision_monetary_other", "required_if")
    }
    assert refused({"content_type": ["CONTENT_TYPE_OTHER"]}) == {
        ("content_type_other", "required_if")
    }
    assert refused({"content_type": ["CONTENT_TYPE_OTHER"], "content_type_other": "Ads"}) == set()


def test_one_kind_of_restriction_is_required() -> None:
    kinds = ("decision_visibility", "decision_monetary", "decision_provision", "decision_account")
    assert refused({}, drop=kinds) == {("decision_visibility", "required_without_all")}
    assert refused({}, drop=kinds[:3]) == set()


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("decision_facts", 5000),
        ("illegal_content_legal_ground", 500),
        ("incompatible_content_explanation", 2000),
        ("incompatible_content_ground", 500),
        ("content_type_other", 500),
        ("source_identity", 500),
        ("puid", 500),
    ],
)
def test_max_lengths(field: str, limit: int) -> None:
    assert refused({field: "a" * limit}) == set()
    assert refused({field: "a" * (limit + 1)}) == {(field, "max")}


def test_dates() -> None:
    assert refused({"end_date_service_restriction": "2038-01-01"}) == set()
    assert refused({"end_date_service_restriction": "2038-01-02"}) == {
        ("end_date_service_restriction", "before_or_equal")
    }
    assert refused({"end_date_account_restriction": "2039-03-01"}) == {
        ("end_date_account_restriction", "before_or_equal")
    }
    assert refused({"application_date": "2019-12-31", "end_date_monetary_restriction": None}) == {
        ("application_date", "after_or_equal")
    }
    assert refused({"content_date": "1999-12-31"}) == {("content_date", "after_or_equal")}
    assert refused({"content_date": "2023-8-8"}) == {("content_date", "date_format")}
    assert refused({"content_date": "2023-02-30"}) == {("content_date", "date_format")}
    assert refused({"application_date": "2023-08-08-10"}) == {("application_date", "date_format")}
    assert refused({}, drop=("content_date",)) == {("content_date", "required")}
    assert refused({"end_date_monetary_restriction": "2023-08-07"}) == {
        ("end_date_monetary_restriction", "after_or_equal")
    }


def test_territories_are_eea_states() -> None:
    assert refused({"territorial_scope": ["NO", "IS", "LI"]}) == set()
    assert refused({"territorial_scope": ["DE", "CH"]}) == {("territorial_scope", "in")}
    assert refused({"territorial_scope": ["GB"]}) == {("territorial_scope", "in")}
    assert refused({"territorial_scope": "DE"}) == {("territorial_scope", "array")}


def test_puid_pattern() -> None:
    assert refused({"puid": "dec-1_acct_A-9"}) == set()
    for bad in ("TK 421", "TK421\n", "a/b", "ünïcode", "a.b"):
        assert refused({"puid": bad}) == {("puid", "regex")}, bad
    assert refused({"puid": ""}) == {("puid", "required")}


def test_enumerations_and_languages() -> None:
    assert refused({"automated_decision": "Yes"}) == {("automated_decision", "in")}
    assert refused({"automated_detection": "yes"}) == {("automated_detection", "in")}
    assert refused({"source_type": "SOURCE_AUTHORITY"}) == {("source_type", "in")}
    assert refused({"account_type": "ACCOUNT_TYPE_PERSON"}) == {("account_type", "in")}
    assert refused({"content_language": "en"}) == {("content_language", "in")}
    assert refused({"content_language": "XX"}) == {("content_language", "in")}
    assert refused({"content_id": {"ISBN": "123"}}) == {("content_id", "ean13")}
    assert refused({"decision_ground_reference_url": "policies#rule"}) == {
        ("decision_ground_reference_url", "url")
    }
    assert refused({"some_field": 1}) == {("some_field", "known")}
