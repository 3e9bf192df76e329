"""UK sanctions list (FCDO), OpenDocument spreadsheet (``.ods``).

An ``.ods`` file is a zip whose first sheet is in ``content.xml``; rows are
``table:table-row`` (``table:number-rows-repeated`` repeats a row) and cells
``table:table-cell`` (``table:number-columns-repeated`` repeats a cell). The header row is
the first row with a ``Unique ID`` cell; rows above it (e.g. ``Report Date: ...``) are read
only for the publication date. Columns are found by their header, so both layouts the FCDO
has published work:

* the summary layout, one row per designation: ``Unique ID, OFSI Group ID, Name, Regime
  Name, Type, Designation source, Date Designated, Sanctions Imposed``;
* the full layout, one row per name, grouped by ``Unique ID``: ``Name 6`` (surname or
  entity name) and ``Name 1``..``Name 5``, ``Name type`` (Primary Name / Primary name
  variation / Alias), ``Alias strength``, ``Name non-latin script`` with ``Non-latin script
  type`` and ``... language``, ``Regime Name``, ``Individual, Entity, Ship``, ``Date
  Designated``, ``Date of birth``, ``Nationality(/ies)``, ``Address Country``, ``Passport
  number``, ``National Identifier number``, ``Business registration number (s)``, ``IMO
  number``, ``Current believed flag of ship``, ``Other Information`` ...

``Type`` Individual/Entity/Ship gives person/organization/vessel. Errors name the sheet row.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from standing.screening.model import Entry, EntryIdentifier, EntryName
from standing.screening.sources._common import (
    SCRIPT_CODES,
    NameList,
    ParseResult,
    Source,
    clean,
    countries_of,
    entry_name,
    invalid,
    iter_xml_records,
    language_code,
    parse_date,
    read_source,
    unique,
    unique_identifiers,
)

FORMAT_ID = "uk_ods"
DEFAULT_SOURCE = "uk_sanctions"
TITLE = "UK sanctions list (FCDO, ODS spreadsheet)"

KINDS = {"individual": "person", "entity": "organization", "ship": "vessel"}
MAX_REPEAT: Final = 1024  # repeated empty cells/rows pad sheets to 16384 x 1048576

#: Header (lower case, spaces collapsed) -> field. Several spellings map to one field.
COLUMNS: Final[dict[str, str]] = {
    "unique id": "id",
    "ofsi group id": "ofsi_group_id",
    "un reference number": "un_reference",
    "name": "name",
    "name 1": "name1",
    "name 2": "name2",
    "name 3": "name3",
    "name 4": "name4",
    "name 5": "name5",
    "name 6": "name6",
    "name type": "name_type",
    "alias strength": "alias_strength",
    "title": "title",
    "name non-latin script": "non_latin",
    "non-latin script type": "non_latin_script",
    "non-latin script language": "non_latin_language",
    "regime name": "regime",
    "regime": "regime",
    "type": "type",
    "individual, entity, ship": "type",
    "designation source": "designation_source",
    "date designated": "date_designated",
    "sanctions imposed": "sanctions_imposed",
    "other information": "other_information",
    "uk statement of reasons": "statement_of_reasons",
    "last updated": "last_updated",
    "date of birth": "dob",
    "nationality(/ies)": "nationality",
    "nationality": "nationality",
    "address country": "address_country",
    "country of birth": "country_of_birth",
    "passport number": "passport",
    "national identifier number": "national_id",
    "business registration number (s)": "registration_number",
    "business registration number(s)": "registration_number",
    "imo number": "imo",
    "current believed flag of ship": "flag",
    "gender": "gender",
    "position": "position",
    "town of birth": "town_of_birth",
}
IDENTIFIER_FIELDS = ("passport", "national_id", "registration_number", "imo")
EXTRA_FIELDS = (
    "ofsi_group_id",
    "un_reference",
    "designation_source",
    "sanctions_imposed",
    "statement_of_reasons",
    "last_updated",
    "gender",
    "position",
    "title",
)

_NUMBERED = re.compile(r"\(\d+\)\s*")
_SEPARATORS = re.compile(r"\s*(?:\(\d+\)|[;|\n])\s*")


def _multi(value: str) -> list[str]:
    """Values of a cell holding several: ``(1) Russia (2) Ukraine``, ``a; b``, ``a|b``."""
    return [part for part in (clean(p) for p in _SEPARATORS.split(value)) if part]


# --- spreadsheet reading --------------------------------------------------------------------


def _cell_text(cell: ET.Element) -> str:
    date_value = cell.get("date-value")
    if date_value:
        return date_value[:10]
    paragraphs = []
    for paragraph in cell:
        if paragraph.tag != "p":
            continue
        parts: list[str] = []
        if paragraph.text:
            parts.append(paragraph.text)
        for sub in paragraph.iter():
            if sub is paragraph:
                continue
            if sub.tag == "s":
                parts.append(" " * int(sub.get("c", "1") or 1))
            elif sub.tag == "tab":
                parts.append("\t")
            elif sub.tag == "line-break":
                parts.append("\n")
            elif sub.text:
                parts.append(sub.text)
            if sub.tail:
                parts.append(sub.tail)
        paragraphs.append("".join(parts))
    if not paragraphs and cell.get("value") is not None:
        return cell.get("value", "")
    return "\n".join(paragraphs)


def _repeat(element: ET.Element, attribute: str, filename: str, row: int) -> int:
    raw = element.get(attribute, "1")
    if not raw.isdigit() or int(raw) < 1:
        raise invalid(filename, f"row {row}", f"bad {attribute} {raw!r}")
    return int(raw)


def _rows(data: bytes, filename: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts) of the first sheet, trailing empty cells dropped."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise invalid(filename, None, f"not an OpenDocument spreadsheet (zip): {exc}") from exc
    with archive:
        try:
            content = archive.read("content.xml")
        except KeyError as exc:
            raise invalid(filename, None, "the spreadsheet has no content.xml") from exc
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise invalid(filename, None, f"cannot read content.xml: {exc}") from exc
    xml_name = f"{filename}!content.xml"
    tables = 0
    row_number = 0
    records = iter_xml_records(
        content, xml_name, frozenset({"table-row"}), markers=frozenset({"table"})
    )
    for element in records:
        if element.tag == "table":
            tables += 1
            continue
        if tables != 1:
            continue  # only the first sheet is the list
        row_repeat = _repeat(element, "number-rows-repeated", filename, row_number + 1)
        cells: list[str] = []
        for cell in element:
            if cell.tag not in ("table-cell", "covered-table-cell"):
                continue
            repeat = _repeat(cell, "number-columns-repeated", filename, row_number + 1)
            text = _cell_text(cell)
            cells.extend([text] * (repeat if text else min(repeat, MAX_REPEAT)))
        while cells and not cells[-1].strip():
            cells.pop()
        if not cells:
            row_number += row_repeat
            continue
        for _ in range(min(row_repeat, MAX_REPEAT)):
            row_number += 1
            yield row_number, cells
        row_number += max(0, row_repeat - MAX_REPEAT)
    if tables == 0:
        raise invalid(filename, None, "the spreadsheet has no table")


# --- entries --------------------------------------------------------------------------------


@dataclass
class _Group:
    row: int
    uid: str
    kind: str | None = None
    names: NameList = field(default_factory=NameList)
    values: dict[str, list[str]] = field(default_factory=dict)

    def add(self, key: str, value: str) -> None:
        if value:
            self.values.setdefault(key, []).append(value)

    def all(self, key: str) -> list[str]:
        return list(unique(self.values.get(key, [])))


def _full_name(row: dict[str, str]) -> str:
    if row.get("name"):
        return row["name"]
    parts = [row.get(f"name{i}", "") for i in (1, 2, 3, 4, 5, 6)]
    return " ".join(p for p in parts if p)


def _name_kind(row: dict[str, str]) -> str:
    name_type = row.get("name_type", "").lower()
    strength = row.get("alias_strength", "").lower()
    if not name_type or name_type == "primary name":
        return "name"
    if "weak" in strength or "low" in strength:
        return "weak_alias"
    return "alias"


def _add_row(group: _Group, row: dict[str, str], filename: str, number: int) -> None:
    kind_text = row.get("type", "")
    if kind_text:
        kind = KINDS.get(kind_text.lower(), "unknown")
        if group.kind is None:
            group.kind = kind
        elif group.kind != kind:
            raise invalid(
                filename,
                f"row {number}",
                f"Unique ID {group.uid} is {kind_text!r} here but {group.kind} in row {group.row}",
            )
        if kind == "unknown":
            group.add("_unknown_type", kind_text)
    name = _full_name(row)
    name_kind = _name_kind(row)
    if name_kind == "name" and group.names:
        name_kind = "alias"  # a second "primary" name (another regime's spelling)
    group.names.add(name, name_kind)
    non_latin = row.get("non_latin", "")
    if non_latin:
        lang = language_code(row.get("non_latin_language"))
        given_script = SCRIPT_CODES.get(clean(row.get("non_latin_script")).title())
        original = entry_name(non_latin, "original_script", lang)
        if original is not None:
            script = original.script or given_script
            group.names.add_name(EntryName(original.value, original.kind, lang, script))
    for key, value in row.items():
        if not key.startswith(("name", "non_latin", "alias_")):
            group.add(key, value)


def _entry(group: _Group, source: str, filename: str, warnings: list[str]) -> Entry | None:
    where = f"{filename}:row {group.row}"
    if not group.names:
        # The published file has a few of these (a name lost in export); one bad row must
        # not block the other five thousand, so it is reported and left out.
        warnings.append(f"{where}: Unique ID {group.uid} has no name, left out")
        return None
    for unknown_type in group.all("_unknown_type"):
        warnings.append(f"{where}: unknown Type {unknown_type!r}, kept as unknown")
    countries = countries_of(
        [
            c
            for key in ("nationality", "address_country", "flag")
            for v in group.all(key)
            for c in _multi(v)
        ],
        warnings,
        where,
    )
    identifiers: list[EntryIdentifier] = []
    for key in IDENTIFIER_FIELDS:
        for value in group.all(key):
            for number in _multi(value):
                number = re.sub(r"^IMO\s*", "", number) if key == "imo" else number
                identifiers.append(EntryIdentifier(key, number.rstrip(".")))
    birth_dates = [d for v in group.all("dob") for d in (parse_date(p) for p in _multi(v)) if d]
    designated = sorted(d for d in (parse_date(v) for v in group.all("date_designated")) if d)
    extra = {key: "; ".join(group.all(key)) for key in EXTRA_FIELDS if group.all(key)}
    if "last_updated" in extra:
        updated = [d for d in (parse_date(v) for v in group.all("last_updated")) if d]
        extra["last_updated"] = max(updated) if updated else extra["last_updated"]
    if "gender" in extra:
        extra["gender"] = extra["gender"].lower()
    remarks = "\n".join(group.all("other_information")) or None
    return Entry(
        source=source,
        entry_id=group.uid,
        kind=group.kind or "unknown",
        names=group.names.names(),
        countries=unique(countries),
        identifiers=unique_identifiers(identifiers),
        birth_dates=unique(birth_dates),
        programs=unique(r for v in group.all("regime") for r in _multi(v)),
        listed_on=designated[0] if designated else None,
        remarks=remarks,
        extra=extra,
    )


_REPORT_DATE = re.compile(r"report date:?\s*(.+)$", re.IGNORECASE)


def parse(src: Source, *, name: str | None = None, source: str = DEFAULT_SOURCE) -> ParseResult:
    data, filename = read_source(src, name)
    warnings: list[str] = []
    header: list[str | None] | None = None
    published: str | None = None
    groups: dict[str, _Group] = {}
    for number, cells in _rows(data, filename):
        if header is None:
            keys = [clean(c).lower() for c in cells]
            if "unique id" in keys:
                header = [COLUMNS.get(k) for k in keys]
                if not any(h in ("name", "name6") for h in header):
                    raise invalid(filename, f"row {number}", "the header has no Name column")
                continue
            for cell in cells:
                if m := _REPORT_DATE.match(clean(cell)):
                    published = parse_date(m[1]) or clean(m[1])
            continue
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            raise invalid(
                filename,
                f"row {number}",
                f"expected at most {len(header)} columns, found {len(cells)}",
            )
        row = {
            key: clean(cell)
            for key, cell in zip(header, cells, strict=False)
            if key and clean(cell)
        }
        uid = row.get("id", "")
        if not uid:
            raise invalid(filename, f"row {number}", "Unique ID is empty")
        group = groups.get(uid)
        if group is None:
            group = groups[uid] = _Group(number, uid)
        _add_row(group, row, filename, number)
    if header is None:
        raise invalid(filename, None, "no header row with a 'Unique ID' column")
    entries: list[Entry] = []
    skipped: list[str] = []
    for group in groups.values():
        entry = _entry(group, source, filename, warnings)
        if entry is None:
            skipped.append(group.uid)
        else:
            entries.append(entry)
    return ParseResult(
        entries=tuple(entries),
        warnings=tuple(warnings),
        skipped=tuple(skipped),
        published=published,
    )
