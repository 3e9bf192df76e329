"""EU consolidated financial sanctions XML: a fixture in the published format, broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.model import EntryIdentifier, EntryName
from standing.screening.sources import ParseResult, eu_fsf


@pytest.fixture(scope="module")
def result(test_data: Path) -> ParseResult:
    return eu_fsf.parse(test_data / "eu_xml_fsf.xml")


def test_entries_ids_and_kinds(result: ParseResult) -> None:
    assert [(e.entry_id, e.kind) for e in result.entries] == [
        ("13", "person"),
        ("90001", "organization"),
        ("90010", "person"),
    ]
    assert all(e.source == "eu_fsf" for e in result.entries)
    assert result.published == "2025-08-11T17:02:12.145+02:00"
    assert result.entries[0].extra["euReferenceNumber"] == "EU.27.28"
    assert result.entries[0].extra["unitedNationId"] == "IQi.001"


def test_names_languages_scripts_and_strength(result: ParseResult) -> None:
    saddam, plant, person = result.entries
    assert saddam.names == (
        EntryName("Saddam Hussein Al-Tikriti", "name", None, "Latn"),
        EntryName("Abu Ali", "weak_alias", None, "Latn"),
        EntryName("صدام حسين التكريتي", "alias", "ar", "Arab"),
    )
    assert EntryName("Акционерное общество «Пример Радиозавод»", "alias", "ru", "Cyrl") in (
        plant.names
    )
    assert plant.names[0] == EntryName(
        "Joint Stock Company Example Radio Plant", "name", "en", "Latn"
    )
    # no wholeName: first, middle and last name are joined
    assert person.caption == "Ivan Petrovich Primerov"
    assert person.names[1] == EntryName("Іван Пятровіч Прымераў", "alias", "be", "Cyrl")


def test_countries_birth_dates_identifiers_programmes(result: ParseResult) -> None:
    saddam, plant, person = result.entries
    assert saddam.countries == ("iq",)
    assert saddam.birth_dates == ("1937-04-28",)
    assert saddam.programs == ("IRQ",)
    assert saddam.listed_on == "2003-07-08"
    assert plant.identifiers == (
        EntryIdentifier("registration_number", "1027700000001", "ru"),
        EntryIdentifier("tax_id", "7700000001", "ru"),
    )
    assert plant.programs == ("RUS", "UKR")
    assert plant.listed_on == "2022-06-03"  # the earliest regulation
    assert plant.countries == ("ru",)
    assert person.birth_dates == ("1969",)  # year only
    assert person.identifiers == (EntryIdentifier("passport", "MP1234567", "by"),)
    assert person.extra["function"] == "Director of the Example Radio Plant"


def test_malformed_xml_names_line_and_column(test_data: Path) -> None:
    with pytest.raises(Invalid) as caught:
        eu_fsf.parse(test_data / "eu_xml_malformed.xml")
    assert caught.value.message == "eu_xml_malformed.xml:10:5: malformed XML: mismatched tag"


def test_entity_without_logical_id_names_its_line(test_data: Path) -> None:
    with pytest.raises(Invalid) as caught:
        eu_fsf.parse(test_data / "eu_xml_no_logical_id.xml")
    assert caught.value.message == "eu_xml_no_logical_id.xml:7: sanctionEntity has no logicalId"


def test_wrong_document_and_doctype_are_refused() -> None:
    with pytest.raises(Invalid, match=r"expected an EU <export> document, found <sdnList>"):
        eu_fsf.parse(b"<sdnList/>", name="x.xml")
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE export [<!ENTITY a "aaaaaaaaaa">]>\n<export>&a;</export>'
    )
    with pytest.raises(Invalid, match=r"^x\.xml:2: document type declarations are not accepted"):
        eu_fsf.parse(bomb, name="x.xml")
