"""US Consolidated Screening List: the real 2019 CSV sample, a JSON fixture, broken files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.model import Entry, EntryIdentifier, EntryName
from standing.screening.sources import ParseResult, csl

CSL = "us_csl_sample_2019.csv"


@pytest.fixture(scope="module")
def sample(shared_data: Path) -> ParseResult:
    return csl.parse_csv(shared_data / CSL)


def by_id(result: ParseResult, entry_id: str) -> Entry:
    return next(e for e in result.entries if e.entry_id == entry_id)


def by_name(result: ParseResult, name: str) -> Entry:
    return next(e for e in result.entries if e.caption == name)


def test_counts_lists_and_merged_rows(sample: ParseResult) -> None:
    # 115 rows; the Entity List has "Gunther Migeotte" five times and the DPL "AL NASER
    # WINGS AIRLINES" twice (one row per address): each is one entry.
    assert len(sample.entries) == 110
    assert Counter(e.extra["list"] for e in sample.entries) == {
        "SDN": 28,
        "SSI": 26,
        "EL": 18,
        "PLC": 13,
        "DTC": 10,
        "DPL": 7,
        "UVL": 4,
        "ISN": 3,
        "CAP": 1,
    }
    airline = by_name(sample, "AL NASER WINGS AIRLINES")
    assert airline.countries == ("iq", "ae")
    assert airline.kind == "organization"  # no type column value; a company word in the name
    migeotte = by_name(sample, "Gunther Migeotte")
    assert migeotte.kind == "unknown"
    assert migeotte.countries == ("za", "no")
    # a Windows-1252 quote decoded as a C1 control character is repaired
    assert by_name(sample, "Gui’an New District Huawei Investment Co., Ltd., Guiyang, Guizhou")


def test_entity_list_entries_carry_the_list(sample: ParseResult, shared_data: Path) -> None:
    el = [e for e in sample.entries if e.extra["list"] == "EL"]
    assert all(e.programs[0] == "Entity List (EL) - Bureau of Industry and Security" for e in el)
    assert all(e.entry_id.startswith("EL-") for e in el)  # no entity_number: hashed, stable
    institute = by_name(sample, "54th Research Institute of China")
    assert institute.listed_on == "2001-05-14"
    assert institute.countries == ("cn",)
    assert [n.value for n in institute.names[1:]] == [
        "China Electronics Technology Group Corp. (CETC) 54th Research Institute",
        "Communication, Telemetry and Telecontrol Research Institute (CTI)",
        "Shijiazhuang Communication Observation and Control Technology Institute.",
    ]
    again = csl.parse_csv(shared_data / CSL)
    assert [e.entry_id for e in again.entries] == [e.entry_id for e in sample.entries]


def test_ofac_rows_keep_entity_number_ids_and_aliases(sample: ParseResult) -> None:
    company = by_id(sample, "18774")
    assert company.caption == "AKTSIONERNOE OBSHCHESTVO TEKHNODINAMIKA"
    assert ("TEKHNODINAMIKA, AO", "alias") in [(n.value, n.kind) for n in company.names]
    assert EntryIdentifier("registration_number", "1037719005873") in company.identifiers
    assert EntryIdentifier("tax_id", "7719265496") in company.identifiers
    assert company.programs == (
        "Sectoral Sanctions Identifications List (SSI) - Treasury Department",
        "UKRAINE-EO13662",
    )
    assert company.countries == ("ru",)
    person = by_id(sample, "18447")
    assert person.kind == "person"
    assert person.caption == "Abu 'Ubaydah Yusuf AL 'ANABI"
    assert person.birth_dates == ("1969-01-01",)
    assert person.countries == ("dz",)
    colombian = by_id(sample, "16469")
    assert EntryIdentifier("tax_id", "830106350-0", "co") in colombian.identifiers


def test_json_results(test_data: Path) -> None:
    result = csl.parse_json(test_data / "csl_json_results.json")
    assert result.warnings == ()
    kaspersky = result.entries[0]
    assert kaspersky.caption == "AO Kaspersky Lab"
    assert kaspersky.kind == "organization"
    assert kaspersky.listed_on == "2024-06-24"
    assert kaspersky.countries == ("ru",)
    assert kaspersky.extra["list"] == "EL"
    assert EntryName("АО «Лаборатория Касперского»", "alias", None, "Cyrl") in kaspersky.names
    assert [e.caption for e in result.entries[1:3]] == [
        "OOO Kaspersky Group",
        "Kaspersky Labs Limited",
    ]
    assert result.entries[2].countries == ("gb",)
    person = result.entries[3]
    assert (person.entry_id, person.caption) == ("11786", "Rostam QASEMI")
    assert person.identifiers == (
        EntryIdentifier("passport", "A2463775", "ir"),
        EntryIdentifier("national_id", "6579726970", "ir"),
    )
    assert person.extra["gender"] == "male"
    vessel = result.entries[4]
    assert (vessel.kind, vessel.identifiers, vessel.countries) == (
        "vessel",
        (EntryIdentifier("imo", "7406784"),),
        ("pa",),
    )
    # the same record as CSV and as JSON gives the same id
    assert csl.list_code(kaspersky.programs[0]) == "EL"


def test_csv_wrong_column_count_names_the_line(test_data: Path) -> None:
    with pytest.raises(Invalid) as caught:
        csl.parse_csv(test_data / "csl_csv_bad_columns.csv")
    assert caught.value.message == "csl_csv_bad_columns.csv:4: expected 6 columns, found 4"


def test_csv_header_and_json_errors(test_data: Path) -> None:
    with pytest.raises(Invalid, match=r"^x\.csv:1: the header lacks the column\(s\) source"):
        csl.parse_csv(b"name,type\nA,Entity\n", name="x.csv")
    with pytest.raises(Invalid, match=r"^csl_json_bad\.json:3:67: malformed JSON"):
        csl.parse_json(test_data / "csl_json_bad.json")
    with pytest.raises(Invalid, match=r'^x\.json: expected an object with a "results" list'):
        csl.parse_json(b"[]", name="x.json")
    with pytest.raises(Invalid, match=r"^x\.json:results\[1\]: name is empty"):
        csl.parse_json(
            b'{"results": [{"source": "S (S)", "name": "A"}, {"source": "S (S)", "name": ""}]}',
            name="x.json",
        )
