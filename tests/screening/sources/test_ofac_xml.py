"""OFAC SDN XML: a fixture in the published sdnList format, and broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.model import EntryIdentifier
from standing.screening.sources import ParseResult, ofac_xml


@pytest.fixture(scope="module")
def result(test_data: Path) -> ParseResult:
    return ofac_xml.parse(test_data / "ofac_xml_sdn.xml")


def test_entries_kinds_and_publication(result: ParseResult) -> None:
    assert [(e.entry_id, e.kind) for e in result.entries] == [
        ("306", "organization"),
        ("11786", "person"),
        ("4243", "vessel"),
        ("15431", "aircraft"),
        ("47359", "organization"),
    ]
    assert result.published == "2024-05-03"
    assert result.warnings == ()


def test_aliases_strong_weak_and_former(result: ParseResult) -> None:
    bank, person, vessel = result.entries[0], result.entries[1], result.entries[2]
    assert [(n.value, n.kind) for n in bank.names] == [
        ("BANCO NACIONAL DE CUBA", "name"),
        ("BNC", "weak_alias"),
        ("NATIONAL BANK OF CUBA", "alias"),
    ]
    assert bank.countries == ("jp",)  # the address of its Tokyo office
    assert person.caption == "Rostam QASEMI"
    assert ("ROSTAM GHASEMI MOHAMMADALI", "alias") in [(n.value, n.kind) for n in person.names]
    assert [n.kind for n in vessel.names] == ["name", "previous_name", "previous_name"]


def test_person_facts(result: ParseResult) -> None:
    person = result.entries[1]
    assert person.programs == ("SDGT", "NPWMD", "IRGC", "IFSR")
    assert person.birth_dates == ("1964-05-22",)
    assert person.countries == ("ir",)
    assert person.identifiers == (
        EntryIdentifier("passport", "A2463775", "ir"),
        EntryIdentifier("national_id", "6579726970", "ir"),
    )
    assert person.extra == {"gender": "male", "place_of_birth": "Lamerd, Iran"}


def test_vessel_aircraft_and_company_identifiers(result: ParseResult) -> None:
    vessel, aircraft, company = result.entries[2], result.entries[3], result.entries[4]
    assert vessel.identifiers == (EntryIdentifier("imo", "7406784"),)
    assert vessel.countries == ("pa",)
    assert vessel.extra["gross_registered_tonnage"] == "1865"
    assert EntryIdentifier("aircraft_msn", "1023409321") in aircraft.identifiers
    assert company.identifiers == (
        EntryIdentifier("tax_id", "5904343931", "ru"),
        EntryIdentifier("registration_number", "1165958115730", "ru"),
        EntryIdentifier("lei", "253400V1H6ART1UQ0N98", "ru"),
    )
    assert company.countries == ("ru",)


def test_namespace_is_ignored(test_data: Path) -> None:
    text = (test_data / "ofac_xml_sdn.xml").read_text()
    other = text.replace("http://tempuri.org/sdnList.xsd", "https://example.org/sdn/v2")
    no_ns = text.replace(' xmlns="http://tempuri.org/sdnList.xsd"', "")
    for variant in (other, no_ns):
        parsed = ofac_xml.parse(variant.encode(), name="sdn.xml")
        assert [e.entry_id for e in parsed.entries] == ["306", "11786", "4243", "15431", "47359"]


def test_truncated_file_is_rejected_with_its_line(test_data: Path) -> None:
    with pytest.raises(Invalid, match=r"^ofac_xml_truncated\.xml:14:1: malformed XML: no element"):
        ofac_xml.parse(test_data / "ofac_xml_truncated.xml")


def test_entry_without_uid_and_wrong_root() -> None:
    xml = b"<sdnList>\n<sdnEntry>\n<lastName>X</lastName>\n</sdnEntry>\n</sdnList>"
    with pytest.raises(Invalid, match=r"^x\.xml:2: sdnEntry has no uid$"):
        ofac_xml.parse(xml, name="x.xml")
    with pytest.raises(Invalid, match="expected an sdnList document, found <CONSOLIDATED_LIST>"):
        ofac_xml.parse(b"<CONSOLIDATED_LIST/>", name="x.xml")
