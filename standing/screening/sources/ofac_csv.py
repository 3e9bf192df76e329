"""OFAC legacy CSV: ``SDN.CSV`` / ``CONS_PRIM.CSV`` primary records, ``ALT.CSV`` aliases.

The primary file has no header and 12 columns: ``ent_num, SDN_Name, SDN_Type, Program,
Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks``. ``-0-`` (often
``-0- `` with a trailing space) means empty, the text is latin-1, and the file ends with a
DOS end-of-file byte (0x1A). ``SDN_Type`` is ``individual``, ``vessel``, ``aircraft`` or
empty (an entity). People are written ``LAST, First``; they are kept in natural order
(``First LAST``) with OFAC's form in ``extra["ofac_name"]``. ``Remarks`` carries OFAC's weak
aliases, dates of birth, nationalities and identifiers in free text (see `_ofac`).

``ALT.CSV`` (``ent_num, alt_num, alt_type, alt_name, alt_remarks``; ``aka``/``fka``/``nka``)
holds the strong aliases; they are merged onto their ``ent_num``. Aliases whose ``ent_num``
is not in the primary file are skipped and their ``ent_num``s reported in
`ParseResult.skipped`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from standing.screening.model import Entry
from standing.screening.sources._common import (
    NameList,
    ParseResult,
    Source,
    clean,
    countries_of,
    invalid,
    person_name_in_order,
    read_source,
    unique,
    unique_identifiers,
)
from standing.screening.sources._ofac import identifier, parse_remarks, split_programs

FORMAT_ID = "ofac_csv"
DEFAULT_SOURCE = "us_ofac_sdn"
TITLE = "OFAC legacy CSV (SDN.CSV / CONS_PRIM.CSV, with ALT.CSV)"

PRIMARY_COLUMNS = (
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
)
ALT_COLUMNS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")

KINDS = {"": "organization", "individual": "person", "vessel": "vessel", "aircraft": "aircraft"}
ALT_KINDS = {"aka": "alias", "nka": "alias", "fka": "previous_name"}

EOF_BYTE = b"\x1a"


def _value(cell: str) -> str:
    text = clean(cell)
    return "" if text == "-0-" else text


def _rows(data: bytes, filename: str, width: int) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) of each record; checks the column count and the text."""
    text = data.rstrip(b"\r\n\t ").removesuffix(EOF_BYTE).decode("latin-1")
    if EOF_BYTE.decode("latin-1") in text:
        line = text[: text.index("\x1a")].count("\n") + 1
        raise invalid(filename, line, "end-of-file byte (0x1A) before the end of the file")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            if len(cells) != width:
                raise invalid(filename, line, f"expected {width} columns, found {len(cells)}")
            yield line, cells
    except csv.Error as exc:
        raise invalid(filename, start, f"malformed CSV: {exc}") from exc


@dataclass
class _Record:
    line: int
    ent_num: str
    kind: str
    ofac_name: str
    names: NameList
    cells: list[str]
    alt_names: list[tuple[str, str]] = field(default_factory=list)


def _ent_num(value: str, filename: str, line: int) -> str:
    ent_num = clean(value)
    if not ent_num.isdigit():
        raise invalid(filename, line, f"ent_num must be a number, found {value!r}")
    return str(int(ent_num))


def _read_primary(data: bytes, filename: str, warnings: list[str]) -> dict[str, _Record]:
    records: dict[str, _Record] = {}
    for line, cells in _rows(data, filename, len(PRIMARY_COLUMNS)):
        ent_num = _ent_num(cells[0], filename, line)
        if ent_num in records:
            raise invalid(filename, line, f"ent_num {ent_num} repeats line {records[ent_num].line}")
        sdn_type = _value(cells[2]).lower()
        kind = KINDS.get(sdn_type)
        if kind is None:
            warnings.append(f"{filename}:{line}: unknown SDN_Type {cells[2]!r}, kept as unknown")
            kind = "unknown"
        ofac_name = _value(cells[1])
        if not ofac_name:
            raise invalid(filename, line, "SDN_Name is empty")
        names = NameList()
        names.add(person_name_in_order(ofac_name) if kind == "person" else ofac_name)
        records[ent_num] = _Record(line, ent_num, kind, ofac_name, names, cells)
    return records


def _read_alt(
    data: bytes, filename: str, records: dict[str, _Record], warnings: list[str]
) -> tuple[str, ...]:
    missing: dict[str, int] = {}
    for line, cells in _rows(data, filename, len(ALT_COLUMNS)):
        ent_num = _ent_num(cells[0], filename, line)
        alt_type = _value(cells[2]).lower().replace(".", "")
        name = _value(cells[3])
        if not name:
            raise invalid(filename, line, "alt_name is empty")
        kind = ALT_KINDS.get(alt_type)
        if kind is None:
            warnings.append(f"{filename}:{line}: unknown alt_type {cells[2]!r}, kept as alias")
            kind = "alias"
        if "weak" in _value(cells[4]).lower() or "low quality" in _value(cells[4]).lower():
            kind = "weak_alias"
        record = records.get(ent_num)
        if record is None:
            missing[ent_num] = missing.get(ent_num, 0) + 1
            continue
        record.alt_names.append((kind, name))
    if missing:
        warnings.append(
            f"{filename}: skipped {sum(missing.values())} aliases of {len(missing)} ent_nums "
            "that are not in the primary file"
        )
    return tuple(missing)


def _entry(record: _Record, source: str, filename: str, warnings: list[str]) -> Entry:
    cells = record.cells
    person = record.kind == "person"
    remarks_text = _value(cells[11])
    remarks = parse_remarks(remarks_text, person=person)
    where = f"{filename}:{record.line}"
    if remarks.truncated_alias:
        warnings.append(
            f"{where}: remarks end inside an alias ({remarks.truncated_alias!r}), left out"
        )
    names = record.names
    for kind, alt_name in record.alt_names:
        names.add(person_name_in_order(alt_name) if person else alt_name, kind)
    for kind, alias in remarks.aliases:
        names.add(alias, kind)

    identifiers = list(remarks.identifiers)
    call_sign = _value(cells[5])
    if call_sign:
        ident = identifier("call_sign", call_sign)
        if ident:
            identifiers.append(ident)

    countries = countries_of(remarks.nationalities, warnings, where)
    if record.kind == "organization":
        countries.extend(
            i.country
            for i in remarks.identifiers
            if i.country and i.scheme in ("registration_number", "tax_id", "lei", "vat")
        )
    flag = _value(cells[9])
    if flag:
        countries.extend(countries_of([flag], warnings, where))

    extra: dict[str, str] = {}
    if person:
        extra["ofac_name"] = record.ofac_name
    for key, index in (
        ("title", 4),
        ("vessel_type", 6),
        ("tonnage", 7),
        ("gross_registered_tonnage", 8),
        ("vessel_flag", 9),
        ("vessel_owner", 10),
    ):
        value = _value(cells[index])
        if value:
            extra[key] = value
    if remarks.gender:
        extra["gender"] = remarks.gender
    if remarks.places_of_birth:
        extra["place_of_birth"] = "; ".join(unique(remarks.places_of_birth))
    if remarks.linked_to:
        extra["linked_to"] = "; ".join(unique(remarks.linked_to))

    return Entry(
        source=source,
        entry_id=record.ent_num,
        kind=record.kind,
        names=names.names(),
        countries=unique(countries),
        identifiers=unique_identifiers(identifiers),
        birth_dates=unique(remarks.birth_dates),
        programs=unique(split_programs(_value(cells[3]))),
        listed_on=None,
        remarks=remarks_text or None,
        extra=extra,
    )


def parse(
    src: Source,
    *,
    name: str | None = None,
    source: str = DEFAULT_SOURCE,
    alt: Source | None = None,
    alt_name: str | None = None,
) -> ParseResult:
    """Parse a primary file (``SDN.CSV`` or ``CONS_PRIM.CSV``) and optionally its ``ALT.CSV``."""
    data, filename = read_source(src, name)
    warnings: list[str] = []
    records = _read_primary(data, filename, warnings)
    skipped: tuple[str, ...] = ()
    if alt is not None:
        alt_data, alt_filename = read_source(alt, alt_name)
        skipped = _read_alt(alt_data, alt_filename, records, warnings)
    entries = tuple(_entry(r, source, filename, warnings) for r in records.values())
    return ParseResult(entries=entries, warnings=tuple(warnings), skipped=skipped)
