"""FollowTheMoney JSON lines (OpenSanctions exports): a fixture, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.model import EntryIdentifier, EntryName
from standing.screening.sources import ParseResult, ftm


@pytest.fixture(scope="module")
def result(test_data: Path) -> ParseResult:
    return ftm.parse(test_data / "ftm_entities.jsonl")


def test_parties_kinds_and_skipped(result: ParseResult) -> None:
    assert [(e.entry_id, e.kind) for e in result.entries] == [
        ("NK-kaspersky-ao", "organization"),
        ("Q-person-1", "person"),
        ("Q-vessel-1", "vessel"),
        ("Q-plane-1", "aircraft"),
        ("Q-org-1", "organization"),
        ("Q-le-1", "unknown"),
    ]
    assert result.warnings == (
        "ftm_entities.jsonl: skipped entities that are not listed parties: 1 Address, 1 Ownership",
        "ftm_entities.jsonl: skipped 1 entities of the schema 'NoSuchSchema', which "
        "FollowTheMoney does not know (a misspelling?), at line 12",
        "ftm_entities.jsonl: skipped 1 entities marked as not targets",
    )
    assert all(e.source == "opensanctions" for e in result.entries)


def test_company_names_identifiers_and_sanction(result: ParseResult) -> None:
    company = result.entries[0]
    assert company.names == (
        EntryName("AO Kaspersky Lab", "name", None, "Latn"),
        EntryName("АО «Лаборатория Касперского»", "alias", None, "Cyrl"),
        EntryName("Kaspersky Lab ZAO", "previous_name", None, "Latn"),
    )
    assert company.countries == ("ru",)  # "ru" and "Russia"
    # identifiers are kept as published, even where FtM would doubt the checksum
    assert company.identifiers == (
        EntryIdentifier("tax_id", "7700000000"),
        EntryIdentifier("registration_number", "1020000000000"),
        EntryIdentifier("lei", "2534000000000000TEST"),
    )
    assert company.programs == ("Entity List", "BIS Entity List")  # own + the Sanction's
    assert company.listed_on == "2024-06-24"
    assert company.extra["topics"] == "export.control"
    assert "last_seen" not in company.extra  # would change every day


def test_person_vessel_and_others(result: ParseResult) -> None:
    person, vessel, plane, org, legal = result.entries[1:]
    assert [(n.value, n.kind) for n in person.names] == [
        ("Ivan Petrovich Primerov", "name"),
        ("Иван Петрович Примеров", "alias"),
        ("Vanya", "weak_alias"),
    ]
    assert person.birth_dates == ("1969-03-14", "1969")
    assert EntryIdentifier("passport", "751234567") in person.identifiers
    assert person.remarks == "Illustrative person for the parser tests."
    assert vessel.identifiers == (
        EntryIdentifier("imo", "9123456"),
        EntryIdentifier("mmsi", "273000000"),
    )
    assert vessel.countries == ("ru",)
    assert plane.identifiers == (EntryIdentifier("serial_number", "12345"),)
    assert ("EFO", "alias") in [(n.value, n.kind) for n in org.names]
    assert legal.identifiers == (EntryIdentifier("registration_number", "HRB 12345"),)


def test_malformed_line_is_named(test_data: Path) -> None:
    with pytest.raises(Invalid, match=r"^ftm_bad_json\.jsonl:3: malformed JSON: "):
        ftm.parse(test_data / "ftm_bad_json.jsonl")
    with pytest.raises(Invalid) as caught:
        ftm.parse(test_data / "ftm_no_id.jsonl")
    assert caught.value.message == 'ftm_no_id.jsonl:2: the entity has no "id"'


def test_other_errors() -> None:
    with pytest.raises(Invalid, match=r"^e\.jsonl:1: expected a JSON object"):
        ftm.parse(b"[1, 2]\n", name="e.jsonl")
    line = b'{"id": "a", "schema": "Company", "properties": {"name": ["A"]}}\n'
    with pytest.raises(Invalid, match=r"^e\.jsonl:2: entity a repeats line 1"):
        ftm.parse(line + line, name="e.jsonl")
    with pytest.raises(Invalid, match=r"^e\.jsonl:1: entity a has no name"):
        ftm.parse(b'{"id": "a", "schema": "Company", "properties": {}}\n', name="e.jsonl")
    with pytest.raises(Invalid, match=r"^e\.jsonl:1: entity a: 'name' has a bool"):
        ftm.parse(
            b'{"id": "a", "schema": "Company", "properties": {"name": [true]}}', name="e.jsonl"
        )
