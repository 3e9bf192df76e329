"""The registry: format ids, detection from the first bytes, parse() with and without --format."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from standing.errors import Invalid
from standing.screening.sources import (
    FORMATS,
    HEAD_BYTES,
    ParseResult,
    detect_format,
    parse,
)

from .conftest import make_ods

REAL = {
    "us_ofac_sdn_2024-05-03.csv": "ofac_csv",
    "us_ofac_cons_prim_2025-12.csv": "ofac_csv",
    "un_sc_consolidated_2026-02-27.xml": "un_xml",
    "uk_sanctions_list_2025-08-11.ods": "uk_ods",
    "us_csl_sample_2019.csv": "csl_csv",
    "us_bis_denied_persons_2019.txt": "bis_dpl",
    "us_fcc_covered_list.csv": "fcc_csv",
}
FIXTURES = {
    "ofac_xml_sdn.xml": "ofac_xml",
    "eu_xml_fsf.xml": "eu_xml",
    "csl_json_results.json": "csl_json",
    "ftm_entities.jsonl": "ftm",
    "plain_csv_example.csv": "plain_csv",
}


def head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(HEAD_BYTES)


def test_format_ids() -> None:
    assert set(FORMATS) == {
        "ofac_csv",
        "ofac_xml",
        "eu_xml",
        "un_xml",
        "uk_ods",
        "csl_csv",
        "csl_json",
        "bis_dpl",
        "ftm",
        "plain_csv",
        "fcc_csv",
    }
    assert all(parser.format == key for key, parser in FORMATS.items())
    assert FORMATS["ofac_csv"].companions and not FORMATS["un_xml"].companions


@pytest.mark.parametrize(("name", "expected"), sorted(REAL.items()))
def test_detects_real_files(shared_data: Path, name: str, expected: str) -> None:
    assert detect_format(shared_data / name, head(shared_data / name)) == expected


@pytest.mark.parametrize(("name", "expected"), sorted(FIXTURES.items()))
def test_detects_fixtures(test_data: Path, name: str, expected: str) -> None:
    assert detect_format(test_data / name, head(test_data / name)) == expected


def test_detects_ods_and_refuses_unknown(test_data: Path, shared_data: Path) -> None:
    ods = make_ods((test_data / "uk_ods_full_content.xml").read_bytes())
    assert detect_format("list.bin", ods[:HEAD_BYTES]) == "uk_ods"
    # the real file stores its mimetype compressed; its zip directory still shows an ODF file
    real = shared_data / "uk_sanctions_list_2025-08-11.ods"
    assert detect_format("upload.bin", head(real)) == "uk_ods"
    long_entity = b'{"id": "x", "schema": "Company", "properties": {"name": ["' + b"a" * 5000
    assert detect_format("entities", long_entity[:HEAD_BYTES]) == "ftm"
    assert detect_format("x.txt", b"hello world\n") is None
    assert detect_format("x.xml", b"<?xml version='1.0'?><html/>") is None
    assert detect_format("x.json", b'{"foo": 1}') is None
    # ALT.CSV alone is not a primary file
    alt = shared_data / "us_ofac_alt_2025-08.csv"
    assert detect_format(alt, head(alt)) is None
    assert detect_format("plain.csv", b"id,name,kind\n") == "plain_csv"
    assert detect_format("b.xml", b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- x -->\n<sdnList>') == (
        "ofac_xml"
    )


def test_parse_detects_and_stamps_the_source(test_data: Path) -> None:
    result = parse(test_data / "eu_xml_fsf.xml")
    assert isinstance(result, ParseResult)
    assert {e.source for e in result.entries} == {"eu_fsf"}
    named = parse(test_data / "eu_xml_fsf.xml", "eu_xml", source="eu_test")
    assert {e.source for e in named.entries} == {"eu_test"}
    assert [e.entry_id for e in named.entries] == [e.entry_id for e in result.entries]


def test_parse_errors(tmp_path: Path, test_data: Path) -> None:
    unknown = tmp_path / "notes.txt"
    unknown.write_text("nothing to see\n")
    with pytest.raises(Invalid, match=r"^notes\.txt: cannot tell the list format; pass one of"):
        parse(unknown)
    with pytest.raises(Invalid, match=r"^unknown list format 'pdf'"):
        parse(unknown, "pdf")
    with pytest.raises(Invalid, match=r"^missing\.csv: cannot read the file"):
        parse(tmp_path / "missing.csv")
    with pytest.raises(Invalid, match="the eu_xml format reads one file, not 2"):
        parse(test_data / "eu_xml_fsf.xml", "eu_xml", companions=[unknown])
    # a file in the wrong format gives a positioned error, never entries
    with pytest.raises(Invalid, match=r"^eu_xml_fsf\.xml:1: expected 12 columns"):
        parse(test_data / "eu_xml_fsf.xml", "ofac_csv")


def test_ofac_alt_file_next_to_sdn_csv_is_used(tmp_path: Path, shared_data: Path) -> None:
    shutil.copyfile(shared_data / "us_ofac_cons_prim_2025-12.csv", tmp_path / "CONS_PRIM.CSV")
    alt = tmp_path / "CONS_ALT.CSV"
    alt.write_bytes(b'9639,1,"aka","HANIYEH, Ismail",-0- \r\n99999,2,"aka","NOBODY",-0- \r\n\x1a')
    result = parse(tmp_path / "CONS_PRIM.CSV", source="us_ofac_cons")
    haniya = next(e for e in result.entries if e.entry_id == "9639")
    assert ("Ismail HANIYEH", "alias") in [(n.value, n.kind) for n in haniya.names]
    assert result.skipped == ("99999",)
    without = parse(tmp_path / "CONS_PRIM.CSV", companions=[])
    assert without.skipped == ()
    explicit = parse(tmp_path / "CONS_PRIM.CSV", "ofac_csv", companions=[alt])
    assert explicit.skipped == ("99999",)


def test_parse_result_is_frozen() -> None:
    result = ParseResult(entries=())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.entries = ()  # type: ignore[misc]
    assert result.warnings == () and result.skipped == () and result.published is None
