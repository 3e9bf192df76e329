"""The plain CSV for directives: the shipped DHS BOD 17-01 list, the documented example, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.model import EntryIdentifier, EntryName
from standing.screening.sources import plain_csv

ROOT = Path(__file__).resolve().parents[3]
BOD = ROOT / "standing" / "demo" / "lists" / "us_dhs_bod_17_01.csv"


def test_shipped_bod_17_01_list() -> None:
    result = plain_csv.parse(BOD, source="us_dhs_bod")
    assert [e.entry_id for e in result.entries] == [
        "ao-kaspersky-lab",
        "ooo-kaspersky-group",
        "kaspersky-lab-inc",
        "kaspersky-labs-gmbh",
    ]
    lab = result.entries[0]
    assert lab.source == "us_dhs_bod"
    assert lab.kind == "organization"
    assert lab.names == (
        EntryName("AO Kaspersky Lab", "name", None, "Latn"),
        EntryName("Kaspersky Lab ZAO", "previous_name", None, "Latn"),
        EntryName("АО «Лаборатория Касперского»", "original_script", "ru", "Cyrl"),
    )
    assert lab.countries == ("ru",)
    assert lab.programs == ("DHS BOD 17-01",)
    assert lab.listed_on == "2017-09-13"
    assert "directly or indirectly, by AO Kaspersky Lab or related entities" in (lab.remarks or "")
    assert "within 30 days" in (lab.remarks or "")
    assert "bod-17-01" in lab.extra["reference"]
    assert [e.countries for e in result.entries[1:]] == [("ru",), ("us",), ("de",)]
    assert all(e.kind == "organization" and e.listed_on == "2017-09-13" for e in result.entries)


def test_all_columns(test_data: Path) -> None:
    result = plain_csv.parse(test_data / "plain_csv_example.csv")
    company, person = result.entries
    assert company.source == "plain"
    assert [(n.value, n.kind, n.lang) for n in company.names] == [
        ("Example Company LLC", "name", None),
        ("Example Co", "alias", None),
        ("EXCO", "weak_alias", None),
        ("Example Trading LLC", "previous_name", None),
        ("ООО «Пример»", "original_script", "ru"),
    ]
    assert company.countries == ("us", "ru")  # a code and a name
    assert company.identifiers == (
        EntryIdentifier("lei", "5299000000000000TEST"),
        EntryIdentifier("registration_number", "12-3456789", "us"),
        EntryIdentifier("website", "example.com"),
    )
    assert company.programs == ("Test directive", "Second programme")
    assert company.listed_on == "2020-05"
    assert company.remarks == 'A note, with a comma and "quotes"'
    assert company.extra == {"reference": "https://example.org/directive"}
    assert person.kind == "person"
    assert person.identifiers == (EntryIdentifier("passport", "751234567", "ru"),)


def test_documented_example_parses() -> None:
    doc = (ROOT / "docs" / "list-formats.md").read_text()
    block = re.search(r"```csv\n(.*?)```", doc, re.DOTALL)
    assert block is not None
    result = plain_csv.parse(block[1].encode(), name="example.csv")
    assert [e.entry_id for e in result.entries] == ["ao-kaspersky-lab", "kaspersky-labs-gmbh"]


def test_bad_kind_and_repeated_id_name_the_line(test_data: Path) -> None:
    with pytest.raises(Invalid) as caught:
        plain_csv.parse(test_data / "plain_csv_bad_kind.csv")
    assert caught.value.message == (
        "plain_csv_bad_kind.csv:3: kind must be one of person, organization, vessel, aircraft, "
        "unknown, found 'company'"
    )
    with pytest.raises(Invalid) as caught:
        plain_csv.parse(test_data / "plain_csv_duplicate_id.csv")
    assert caught.value.message == "plain_csv_duplicate_id.csv:4: id 'same-id' repeats line 2"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x,X,organization,,Atlantis,,,,,", "x.csv:2: unknown country 'Atlantis'"),
        ("x,X,organization,,,lei,,,,", "x.csv:2: identifier 'lei' is not SCHEME:VALUE"),
        ("x,X,organization,,,,,13/09/2017,,", "x.csv:2: listed_on must be an ISO date"),
        ("x,,organization,,,,,,,", "x.csv:2: name is empty"),
        ("x,X,organization", "x.csv:2: expected 10 columns, found 3"),
        ("x,X,organization,original_script@qq:Y,,,,,,", "x.csv:2: unknown language code 'qq'"),
    ],
)
def test_row_errors(row: str, message: str) -> None:
    data = (",".join(plain_csv.COLUMNS) + "\n" + row + "\n").encode()
    with pytest.raises(Invalid) as caught:
        plain_csv.parse(data, name="x.csv")
    assert caught.value.message.startswith(message)


def test_header_errors() -> None:
    with pytest.raises(Invalid, match=r"^x\.csv:1: unknown column\(s\) colour"):
        plain_csv.parse(b"id,name,colour\n", name="x.csv")
    with pytest.raises(Invalid, match=r"^x\.csv:1: the header lacks the column\(s\) name"):
        plain_csv.parse(b"id,kind\n", name="x.csv")
    with pytest.raises(Invalid, match=r"^x\.csv:2: malformed CSV"):
        plain_csv.parse(b'id,name\n"a,"b"c\n', name="x.csv")
