"""UK sanctions list (FCDO) ODS: the real summary file, a full-layout fixture, broken files."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.model import Entry, EntryIdentifier, EntryName
from standing.screening.sources import ParseResult, uk_sanctions

from .conftest import make_ods

UK = "uk_sanctions_list_2025-08-11.ods"


@pytest.fixture(scope="module")
def real(shared_data: Path) -> ParseResult:
    return uk_sanctions.parse(shared_data / UK)


@pytest.fixture(scope="module")
def full(test_data: Path) -> ParseResult:
    ods = make_ods((test_data / "uk_ods_full_content.xml").read_bytes())
    return uk_sanctions.parse(ods, name="uk_full.ods")


def by_id(result: ParseResult, entry_id: str) -> Entry:
    return next(e for e in result.entries if e.entry_id == entry_id)


def test_real_file_header_and_counts(real: ParseResult) -> None:
    # The 2025-08-11 file is the summary layout: Unique ID, OFSI Group ID, Name, Regime Name,
    # Type, Designation source, Date Designated, Sanctions Imposed (one row per designation).
    assert len(real.entries) == 5_300
    assert Counter(e.kind for e in real.entries) == {
        "person": 3_752,
        "organization": 1_087,
        "vessel": 461,
    }
    # Two designations have a blank name cell in the published file: reported, left out.
    assert real.skipped == ("BEL0174", "RUS1467")
    assert real.warnings == (
        f"{UK}:row 649: Unique ID BEL0174 has no name, left out",
        f"{UK}:row 3524: Unique ID RUS1467 has no name, left out",
    )


def test_real_file_entries(real: ParseResult) -> None:
    first = real.entries[0]
    assert first.entry_id == "AFG0001"
    assert first.caption == "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE"
    assert first.kind == "organization"
    assert first.programs == ("Afghanistan",)
    assert first.listed_on == "2012-06-29"
    assert first.extra == {
        "ofsi_group_id": "12703",
        "designation_source": "UN",
        "sanctions_imposed": "Asset freeze",
    }
    bank = by_id(real, "RUS1578")
    assert bank.caption == "LLC Commercial Bank – International Settlements Bank"
    ship_ids = [e.entry_id for e in real.entries if e.kind == "vessel"]
    assert len(ship_ids) == 461


def test_full_layout_groups_rows_by_unique_id(full: ParseResult) -> None:
    assert [(e.entry_id, e.kind) for e in full.entries] == [
        ("RUS9001", "person"),
        ("RUS9002", "organization"),
        ("CHN9001", "organization"),
        ("RUS9003", "vessel"),
        ("DPR9001", "person"),
    ]
    assert full.published == "2025-08-11"
    assert full.warnings == ()
    person = full.entries[0]
    assert person.names == (
        EntryName("Ivan Petrovich PRIMEROV", "name", None, "Latn"),
        EntryName("Примеров Иван Петрович", "original_script", "ru", "Cyrl"),
        EntryName("Ivan PRIMEROFF", "alias", None, "Latn"),
        EntryName("I. P. PRIMEROV", "weak_alias", None, "Latn"),
    )
    assert person.countries == ("ru", "by")  # "(1) Russia (2) Belarus"
    assert person.birth_dates == ("1969-03-14",)
    assert person.identifiers == (
        EntryIdentifier("passport", "751234567"),
        EntryIdentifier("passport", "751234568"),
        EntryIdentifier("national_id", "4510 123456"),
    )
    assert person.listed_on == "2022-03-16"  # a date-typed cell
    assert person.remarks == "Illustrative person for the parser tests."
    assert person.extra["last_updated"] == "2025-07-15"


def test_full_layout_non_latin_names(full: ParseResult) -> None:
    plant, chinese, ship, korean = (
        full.entries[1],
        full.entries[2],
        full.entries[3],
        full.entries[4],
    )
    assert EntryName(
        "Акционерное общество «Пример Радиозавод»", "original_script", "ru", "Cyrl"
    ) in (plant.names)
    assert ("AO PRIMER RADIOZAVOD", "alias") in [(n.value, n.kind) for n in plant.names]
    assert plant.identifiers == (EntryIdentifier("registration_number", "1027700000001"),)
    assert EntryName("示例科技有限公司", "original_script", "zh", "Hani") in chinese.names
    assert chinese.countries == ("cn",)
    assert EntryName("김철수", "original_script", "ko", "Hang") in korean.names
    assert korean.birth_dates == ("1970",)  # 00/00/1970
    assert korean.countries == ("kp",)
    assert korean.extra["un_reference"] == "KPi.999"
    assert ship.identifiers == (EntryIdentifier("imo", "9123456"),)
    assert ship.countries == ("ru",)
    assert ship.extra["sanctions_imposed"] == "Ship specification"  # <text:s text:c="2"/>


def test_empty_unique_id_names_the_row(ods_file: Callable[[str], Path]) -> None:
    path = ods_file("uk_ods_bad_content.xml")
    with pytest.raises(Invalid) as caught:
        uk_sanctions.parse(path)
    assert caught.value.message == "uk_ods_bad.ods:row 4: Unique ID is empty"


def test_not_a_spreadsheet_and_malformed_content() -> None:
    with pytest.raises(Invalid, match=r"^x\.ods: not an OpenDocument spreadsheet"):
        uk_sanctions.parse(b"not a zip", name="x.ods")
    with pytest.raises(Invalid, match=r"^x\.ods!content\.xml:1:\d+: malformed XML"):
        uk_sanctions.parse(make_ods(b"<office:document-content><table"), name="x.ods")
    no_header = make_ods(
        b'<d xmlns:table="t" xmlns:text="x"><table:table><table:table-row><table:table-cell>'
        b"<text:p>Name</text:p></table:table-cell></table:table-row></table:table></d>"
    )
    with pytest.raises(Invalid, match="no header row with a 'Unique ID' column"):
        uk_sanctions.parse(no_header, name="x.ods")


def test_conflicting_types_for_one_id() -> None:
    rows = [("Unique ID", "Name", "Type"), ("X1", "A", "Individual"), ("X1", "B", "Entity")]
    xml = (
        '<d xmlns:table="t" xmlns:text="x"><table:table>'
        + "".join(
            "<table:table-row>"
            + "".join(f"<table:table-cell><text:p>{v}</text:p></table:table-cell>" for v in row)
            + "</table:table-row>"
            for row in rows
        )
        + "</table:table></d>"
    )
    with pytest.raises(Invalid, match=r"^x\.ods:row 3: Unique ID X1 is 'Entity' here but person"):
        uk_sanctions.parse(make_ods(xml.encode()), name="x.ods")
