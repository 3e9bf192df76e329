"""Restriction-list parsers, one module per published format, and their registry.

Every parser turns one file (a path or its bytes) into `Entry` objects, keeping the
source's own ids, names with script/language, kinds, countries, identifiers, dates of birth
and programmes. A malformed file raises `standing.errors.Invalid` naming the file and the
position (``us_sdn.csv:1234: expected 12 columns, found 9``), and nothing of it is returned.
Parsers are pure: no database, no network, no printing.

``FORMATS`` maps a format id to its `Parser`; `detect_format` guesses the id from the file
name and first bytes; `parse` reads a file in a given (or detected) format. The formats
are documented for users in ``docs/list-formats.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from standing.errors import Invalid
from standing.screening.sources import (
    bis_dpl,
    csl,
    eu_fsf,
    fcc_covered,
    ftm,
    ofac_csv,
    ofac_xml,
    plain_csv,
    uk_sanctions,
    un_sc,
)
from standing.screening.sources._common import ParseResult, Source

__all__ = ["FORMATS", "ParseResult", "Parser", "detect_format", "parse"]

ParseFunction = Callable[[Source, str | None, str], ParseResult]
"""``(file path or bytes, file name for messages, source id) -> ParseResult``."""

CompanionParseFunction = Callable[[Source, str | None, str, Sequence[Path]], ParseResult]
"""Like `ParseFunction`, with the extra files the format reads (OFAC's ``ALT.CSV``)."""


@dataclass(frozen=True, slots=True)
class Parser:
    """One supported list format."""

    format: str
    title: str
    default_source: str
    read: ParseFunction
    read_with_companions: CompanionParseFunction | None = None

    @property
    def companions(self) -> bool:
        """Whether the format reads extra files besides the main one."""
        return self.read_with_companions is not None

    def __call__(
        self,
        src: Source,
        *,
        name: str | None = None,
        source: str | None = None,
        companions: Sequence[Path] = (),
    ) -> ParseResult:
        source_id = source or self.default_source
        if not companions:
            return self.read(src, name, source_id)
        if self.read_with_companions is None:
            raise Invalid(f"the {self.format} format reads one file, not {len(companions) + 1}")
        return self.read_with_companions(src, name, source_id, companions)


def _adapt(module_parse: Callable[..., ParseResult]) -> ParseFunction:
    def read(src: Source, name: str | None, source: str) -> ParseResult:
        return module_parse(src, name=name, source=source)

    return read


def _read_ofac_with_alt(
    src: Source, name: str | None, source: str, companions: Sequence[Path]
) -> ParseResult:
    if len(companions) > 1:
        raise Invalid("the ofac_csv format reads one ALT.CSV file besides the primary file")
    return ofac_csv.parse(src, name=name, source=source, alt=companions[0])


FORMATS: dict[str, Parser] = {
    parser.format: parser
    for parser in (
        Parser(
            ofac_csv.FORMAT_ID,
            ofac_csv.TITLE,
            ofac_csv.DEFAULT_SOURCE,
            _adapt(ofac_csv.parse),
            _read_ofac_with_alt,
        ),
        Parser(ofac_xml.FORMAT_ID, ofac_xml.TITLE, ofac_xml.DEFAULT_SOURCE, _adapt(ofac_xml.parse)),
        Parser(eu_fsf.FORMAT_ID, eu_fsf.TITLE, eu_fsf.DEFAULT_SOURCE, _adapt(eu_fsf.parse)),
        Parser(un_sc.FORMAT_ID, un_sc.TITLE, un_sc.DEFAULT_SOURCE, _adapt(un_sc.parse)),
        Parser(
            uk_sanctions.FORMAT_ID,
            uk_sanctions.TITLE,
            uk_sanctions.DEFAULT_SOURCE,
            _adapt(uk_sanctions.parse),
        ),
        Parser(csl.CSV_FORMAT_ID, csl.CSV_TITLE, csl.DEFAULT_SOURCE, _adapt(csl.parse_csv)),
        Parser(csl.JSON_FORMAT_ID, csl.JSON_TITLE, csl.DEFAULT_SOURCE, _adapt(csl.parse_json)),
        Parser(bis_dpl.FORMAT_ID, bis_dpl.TITLE, bis_dpl.DEFAULT_SOURCE, _adapt(bis_dpl.parse)),
        Parser(ftm.FORMAT_ID, ftm.TITLE, ftm.DEFAULT_SOURCE, _adapt(ftm.parse)),
        Parser(
            plain_csv.FORMAT_ID, plain_csv.TITLE, plain_csv.DEFAULT_SOURCE, _adapt(plain_csv.parse)
        ),
        Parser(
            fcc_covered.FORMAT_ID,
            fcc_covered.TITLE,
            fcc_covered.DEFAULT_SOURCE,
            _adapt(fcc_covered.parse),
        ),
    )
}

HEAD_BYTES = 4096
"""How many leading bytes `detect_format` needs to see."""

_OFAC_CSV_ROW = re.compile(rb'^\d+,"[^"\r\n]*",(?:-0-|"[a-z]*")\s*,')
_XML_ROOT = re.compile(rb"<(?!\?|!)(?:[\w.-]+:)?([\w.-]+)")
_OFAC_ALT_NAMES = {"sdn.csv": "alt.csv", "cons_prim.csv": "cons_alt.csv"}


def _first_line(head: bytes) -> bytes:
    return head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].strip()


def detect_format(path: Path | str, head_bytes: bytes) -> str | None:
    """The format id of a list file from its name and first bytes (`HEAD_BYTES` suffice).

    ``None`` when the content matches no supported format; the caller then asks for
    ``--format``.
    """
    name = Path(path).name.lower()
    head = head_bytes.lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        opendocument = b"content.xml" in head and b"META-INF/manifest.xml" in head
        if b"opendocument.spreadsheet" in head or name.endswith(".ods") or opendocument:
            return uk_sanctions.FORMAT_ID
        return None
    if head.startswith(b"<"):
        body = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.DOTALL)
        root = _XML_ROOT.search(body)
        tag = root.group(1) if root else b""
        if tag == b"sdnList":
            return ofac_xml.FORMAT_ID
        if tag == b"export" and b"fsd" in body[:1000]:
            return eu_fsf.FORMAT_ID
        if tag == b"CONSOLIDATED_LIST":
            return un_sc.FORMAT_ID
        return None
    if head.startswith(b"{"):
        line = _first_line(head)
        try:
            first = json.loads(line)
        except ValueError:
            first = None
        if isinstance(first, dict) and "schema" in first and "id" in first:
            return ftm.FORMAT_ID
        if first is None and re.search(rb'^\{.*"schema"\s*:', line) and b'"id"' in line:
            return ftm.FORMAT_ID  # a first entity longer than the head
        if b'"results"' in head:
            return csl.JSON_FORMAT_ID
        return None
    first_line = _first_line(head)
    columns = [c.strip(b'" ').lower() for c in re.split(rb"[,\t]", first_line)]
    if columns[:2] == [b"source", b"entity_number"] or (
        b"alt_names" in columns and b"source" in columns
    ):
        return csl.CSV_FORMAT_ID
    if b"\t" in first_line and columns[:2] == [b"name", b"street_address"]:
        return bis_dpl.FORMAT_ID
    if columns[:1] == [b"covered_equipment_or_services"]:
        return fcc_covered.FORMAT_ID
    if columns[:2] == [b"id", b"name"] and all(
        c.decode("ascii", "replace") in plain_csv.COLUMNS for c in columns
    ):
        return plain_csv.FORMAT_ID
    if _OFAC_CSV_ROW.match(first_line):
        return ofac_csv.FORMAT_ID
    return None


def ofac_companions(path: Path) -> list[Path]:
    """OFAC's own alias file next to a primary file named as OFAC names it, if present:
    ``SDN.CSV`` -> ``ALT.CSV``, ``CONS_PRIM.CSV`` -> ``CONS_ALT.CSV`` (any case)."""
    wanted = _OFAC_ALT_NAMES.get(path.name.lower())
    if wanted is None or not path.parent.is_dir():
        return []
    return [p for p in sorted(path.parent.iterdir()) if p.name.lower() == wanted]


def parse(
    path: Path | str,
    format: str | None = None,
    *,
    source: str | None = None,
    companions: Sequence[Path] | None = None,
) -> ParseResult:
    """Parse a list file in ``format`` (detected from the file when ``None``).

    ``source`` is the source id stamped on the entries (default: the format's usual list).
    ``companions`` are extra files the format reads (OFAC ``ALT.CSV``); when ``None`` and the
    file is OFAC's ``SDN.CSV``/``CONS_PRIM.CSV``, OFAC's alias file next to it is used.
    """
    file = Path(path)
    if format is None:
        try:
            with file.open("rb") as handle:
                head = handle.read(HEAD_BYTES)
        except OSError as exc:
            raise Invalid(f"{file.name}: cannot read the file: {exc.strerror or exc}") from exc
        format = detect_format(file, head)
        if format is None:
            raise Invalid(
                f"{file.name}: cannot tell the list format; pass one of {', '.join(FORMATS)}"
            )
    parser = FORMATS.get(format)
    if parser is None:
        raise Invalid(f"unknown list format {format!r}; known: {', '.join(FORMATS)}")
    if companions is None:
        companions = ofac_companions(file) if parser.companions else []
    return parser(file, source=source, companions=companions)
