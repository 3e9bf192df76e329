"""UN Security Council consolidated list: the real XML of 2026-02-27, and broken files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.model import Entry, EntryIdentifier, EntryName
from standing.screening.sources import ParseResult, un_sc

UN = "un_sc_consolidated_2026-02-27.xml"


@pytest.fixture(scope="module")
def result(shared_data: Path) -> ParseResult:
    return un_sc.parse(shared_data / UN)


def by_id(result: ParseResult, entry_id: str) -> Entry:
    return next(e for e in result.entries if e.entry_id == entry_id)


def test_counts_kinds_and_publication(result: ParseResult) -> None:
    assert len(result.entries) == 1_003
    assert Counter(e.kind for e in result.entries) == {"person": 730, "organization": 273}
    assert len({e.entry_id for e in result.entries}) == 1_003
    assert result.published == "2026-02-27T00:00:09.554Z"
    assert result.warnings == ()
    assert Counter(e.programs[0] for e in result.entries)["Al-Qaida"] == 341


def test_arabic_original_script(result: ParseResult) -> None:
    saddam = by_id(result, "IQi.001")
    assert saddam.caption == "SADDAM HUSSEIN AL-TIKRITI"
    assert EntryName("صدام حسين التكريتي", "original_script", None, "Arab") in saddam.names
    assert saddam.birth_dates == ("1937-04-28",)
    assert saddam.countries == ("iq",)
    assert saddam.listed_on == "2003-06-27"
    assert saddam.programs == ("Iraq",)
    scripts = Counter(
        n.script for e in result.entries for n in e.names if n.kind == "original_script"
    )
    assert scripts["Arab"] > 300
    assert scripts["Cyrl"] >= 10


def test_cyrillic_original_script_aliases_and_documents(result: ParseResult) -> None:
    umarov = by_id(result, "QDi.290")
    assert umarov.caption == "DOKU KHAMATOVICH UMAROV"
    assert EntryName("Умаров Доку Хаматович", "original_script", None, "Cyrl") in umarov.names
    assert ("Dokka Umarov", "alias") in [(n.value, n.kind) for n in umarov.names]
    assert umarov.countries == ("ru", "suhh")  # Russian Federation, former Soviet Union
    assert {"1964-04-13", "1965-04-13", "1955"} <= set(umarov.birth_dates)
    assert EntryIdentifier("passport", "96 03 464086", "ru") in umarov.identifiers


def test_alias_quality(result: ParseResult) -> None:
    gaston = by_id(result, "CDi.003")
    assert [(n.value, n.kind) for n in gaston.names[:3]] == [
        ("GASTON IYAMUREMYE", "name"),
        ("Rumuli", "weak_alias"),  # QUALITY Low
        ("Byiringiro Victor Rumuli", "alias"),  # QUALITY Good
    ]
    adf = by_id(result, "CDe.001")
    assert adf.kind == "organization"
    assert ("ADF/NALU", "previous_name") in [(n.value, n.kind) for n in adf.names]  # f.k.a.
    assert ("Allied Democratic Forces", "alias") in [(n.value, n.kind) for n in adf.names]
    assert adf.countries == ("cd",)


def test_birth_year_ranges(result: ParseResult) -> None:
    ranged = [e for e in result.entries if {"1973", "1974"} <= set(e.birth_dates)]
    assert ranged


def test_missing_reference_number_names_its_line(test_data: Path) -> None:
    with pytest.raises(Invalid) as caught:
        un_sc.parse(test_data / "un_xml_no_reference.xml")
    assert caught.value.message == "un_xml_no_reference.xml:12: INDIVIDUAL has no REFERENCE_NUMBER"


def test_repeated_reference_number() -> None:
    one = (
        b"<INDIVIDUAL><FIRST_NAME>A</FIRST_NAME>"
        b"<REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL>"
    )
    xml = (
        b"<CONSOLIDATED_LIST><INDIVIDUALS>\n"
        + one
        + b"\n"
        + one
        + b"\n</INDIVIDUALS></CONSOLIDATED_LIST>"
    )
    with pytest.raises(Invalid, match=r"^un\.xml:3: REFERENCE_NUMBER X\.1 repeats line 2$"):
        un_sc.parse(xml, name="un.xml")
