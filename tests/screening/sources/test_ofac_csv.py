"""OFAC legacy CSV: the real SDN.CSV, ALT.CSV and CONS_PRIM.CSV, and broken files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.model import Entry, EntryIdentifier, EntryName
from standing.screening.sources import ParseResult, ofac_csv
from standing.screening.sources._ofac import parse_remarks, split_remarks

SDN = "us_ofac_sdn_2024-05-03.csv"
ALT = "us_ofac_alt_2025-08.csv"
CONS = "us_ofac_cons_prim_2025-12.csv"


@pytest.fixture(scope="module")
def sdn(shared_data: Path) -> ParseResult:
    return ofac_csv.parse(shared_data / SDN, alt=shared_data / ALT)


def by_id(result: ParseResult, entry_id: str) -> Entry:
    return next(e for e in result.entries if e.entry_id == entry_id)


def test_real_sdn_counts_and_kinds(sdn: ParseResult, shared_data: Path) -> None:
    assert (shared_data / SDN).read_bytes().endswith(b"\x1a")  # the DOS end-of-file trailer
    assert len(sdn.entries) == 14_965
    assert Counter(e.kind for e in sdn.entries) == {
        "organization": 6_884,
        "person": 6_854,
        "vessel": 851,
        "aircraft": 376,
    }
    assert len({e.entry_id for e in sdn.entries}) == 14_965
    assert all(e.source == "us_ofac_sdn" for e in sdn.entries)


def test_alt_aliases_merged_and_missing_ent_nums_reported(sdn: ParseResult) -> None:
    bank = by_id(sdn, "306")
    assert bank.names == (
        EntryName("BANCO NACIONAL DE CUBA", "name", None, "Latn"),
        EntryName("NATIONAL BANK OF CUBA", "alias", None, "Latn"),  # ALT.CSV (strong)
        EntryName("BNC", "weak_alias", None, "Latn"),  # remarks (weak)
    )
    assert bank.programs == ("CUBA",)
    # ALT.CSV is from 2025-08, the SDN file from 2024-05: 1,345 ent_nums are not in it.
    assert len(sdn.skipped) == 1_345
    assert "6895" not in sdn.skipped  # present in both
    assert any("skipped 2099 aliases of 1345 ent_nums" in w for w in sdn.warnings)
    assert not set(sdn.skipped) & {e.entry_id for e in sdn.entries}


def test_person_name_order_dob_nationality_identifiers(sdn: ParseResult) -> None:
    person = by_id(sdn, "11786")
    assert person.kind == "person"
    assert person.caption == "Rostam QASEMI"
    assert person.extra["ofac_name"] == "QASEMI, Rostam"
    assert "Rostam GHASEMI" in [n.value for n in person.names if n.kind == "alias"]
    assert person.programs == ("SDGT", "NPWMD", "IRGC", "IFSR")
    assert person.birth_dates == ("1964-05-22",)
    assert person.countries == ("ir",)
    assert person.identifiers == (
        EntryIdentifier("passport", "A2463775", "ir"),
        EntryIdentifier("national_id", "6579726970", "ir"),
    )
    assert person.extra["gender"] == "male"
    assert "SOLEIMANI, Qasem" in person.extra["linked_to"]


def test_company_registration_tax_and_lei(sdn: ParseResult) -> None:
    company = by_id(sdn, "47359")
    assert company.caption == "INNFOCUS LIMITED LIABILITY COMPANY"
    assert company.identifiers == (
        EntryIdentifier("tax_id", "5904343931", "ru"),
        EntryIdentifier("registration_number", "1165958115730", "ru"),
    )
    assert company.countries == ("ru",)
    lei = [i for e in sdn.entries for i in e.identifiers if i.scheme == "lei"]
    assert EntryIdentifier("lei", "253400V1H6ART1UQ0N98", "ru") in lei
    registration_id = by_id(sdn, "8127")  # "Registration ID 27134614 (Netherlands)."
    assert registration_id.identifiers == (
        EntryIdentifier("registration_number", "27134614", "nl"),
    )


def test_identifier_keeps_inner_parentheses(sdn: ParseResult) -> None:
    company = by_id(sdn, "44239")  # "Registration Number HRA 738569 (Stuttgart) (Germany)"
    assert EntryIdentifier("registration_number", "HRA 738569 (Stuttgart)", "de") in (
        company.identifiers
    )
    assert EntryIdentifier("vat", "DE349865878", "de") in company.identifiers
    assert "OZEAN HORIZONT OBJEKTPLANUNG GMBH AND CO. KG" in [n.value for n in company.names]


def test_vessel_and_aircraft(sdn: ParseResult) -> None:
    vessel = by_id(sdn, "4243")
    assert vessel.kind == "vessel"
    assert vessel.identifiers == (EntryIdentifier("imo", "7406784"),)
    assert [(n.value, n.kind) for n in vessel.names[1:]] == [
        ("ANA I", "previous_name"),
        ("SAND SWAN", "previous_name"),
    ]
    assert vessel.countries == ("pa",)  # Vess_flag
    assert vessel.extra["vessel_type"] == "General Cargo"
    aircraft = by_id(sdn, "15431")
    assert aircraft.kind == "aircraft"
    assert EntryIdentifier("aircraft_msn", "1023409321") in aircraft.identifiers


def test_truncated_remarks_alias_is_left_out_with_a_warning(sdn: ParseResult) -> None:
    lazarus = by_id(sdn, "27307")
    names = [n.value for n in lazarus.names]
    assert "HIDDEN COBRA" in names
    assert not any(n.startswith("WHOIS HACKIN") and n != "WHOIS HACKING TEAM" for n in names)
    assert any(":6894: remarks end inside an alias ('WHOIS HACKIN')" in w for w in sdn.warnings)


def test_consolidated_primary_file(shared_data: Path) -> None:
    result = ofac_csv.parse(shared_data / CONS, source="us_ofac_cons")
    assert len(result.entries) == 442
    assert Counter(e.kind for e in result.entries) == {"organization": 363, "person": 79}
    haniya = by_id(result, "9639")
    assert haniya.caption == "Ismail Abdul Salah HANIYA"
    assert haniya.programs == ("NS-PLC",)
    assert haniya.birth_dates == ("1962",)
    assert haniya.source == "us_ofac_cons"


def test_remarks_splitting_keeps_quoted_aliases_whole() -> None:
    items, truncated = split_remarks(
        "DOB 1962 to 1964; a.k.a. 'AL-RASHID; TRUST'; alt. DOB circa 1960; a.k.a. 'ABU 'ALI'."
    )
    assert items == [
        "DOB 1962 to 1964",
        "a.k.a. 'AL-RASHID; TRUST'",
        "alt. DOB circa 1960",
        "a.k.a. 'ABU 'ALI'",
    ]
    assert truncated is None
    found = parse_remarks(
        "DOB 01 Jan 1960 to 31 Dec 1962; nationality Korea, North; a.k.a. 'KIM, Chol'",
        person=True,
    )
    assert found.birth_dates == ["1960", "1961", "1962"]
    assert found.nationalities == ["Korea, North"]
    assert found.aliases == [("weak_alias", "Chol KIM")]


def test_wrong_column_count_names_file_and_line(test_data: Path) -> None:
    with pytest.raises(Invalid) as caught:
        ofac_csv.parse(test_data / "ofac_csv_bad_columns.csv")
    assert caught.value.message == "ofac_csv_bad_columns.csv:3: expected 12 columns, found 9"


def test_bad_ent_num_and_misplaced_eof_byte(test_data: Path) -> None:
    with pytest.raises(Invalid, match=r"ofac_csv_bad_ent_num\.csv:2: ent_num must be a number"):
        ofac_csv.parse(test_data / "ofac_csv_bad_ent_num.csv")
    good = b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    with pytest.raises(Invalid, match=r"x\.csv:2: end-of-file byte"):
        ofac_csv.parse(good + b"\x1a" + good, name="x.csv")
    repeated = ofac_csv.parse(good + good.replace(b"36,", b"37,") + b"\x1a", name="x.csv")
    assert [e.entry_id for e in repeated.entries] == ["36", "37"]
    with pytest.raises(Invalid, match=r"x\.csv:2: ent_num 36 repeats line 1"):
        ofac_csv.parse(good + good, name="x.csv")


def test_alt_file_errors_name_the_alt_file() -> None:
    primary = b'36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    with pytest.raises(Invalid, match=r"alt\.csv:1: expected 5 columns, found 3"):
        ofac_csv.parse(primary, name="sdn.csv", alt=b'36,12,"aka"\r\n', alt_name="alt.csv")
