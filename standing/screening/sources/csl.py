"""US Consolidated Screening List (trade.gov): CSV and JSON.

One row per listed party from many US lists; ``source`` names the underlying list
("Entity List (EL) - Bureau of Industry and Security", "Denied Persons List (DPL) - ...",
"Specially Designated Nationals (SDN) - Treasury Department", ...). It becomes the first
programme of the entry (the legal basis) and ``extra["list"]`` holds its short code
(``EL``, ``DPL``, ``SDN``...). Fields: ``entity_number`` (the entry id when given; otherwise
``<list code>-<hash of source and name>``), ``type`` (Individual/Entity/Vessel/Aircraft;
empty for most non-OFAC lists), ``programs``, ``name``, ``alt_names``, ``addresses``,
``citizenships``, ``nationalities``, ``dates_of_birth``, ``ids`` (``country, number, type``),
``start_date``, ``remarks`` and more.

In the CSV, list cells are ``;``-separated (``alt_names``, ``programs``, ``addresses``...)
and each ``ids`` item is ``[country, ]number, type``. The JSON (the trade.gov API's
``{"results": [...]}``) has the same field names with JSON lists, ``addresses`` as objects
(``address, city, state, postal_code, country``) and ``ids`` as objects (``type, number,
country``). Rows of one list with the same name and no ``entity_number`` (the DPL lists one
row per address) are merged into one entry.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from standing.screening.model import Entry, EntryIdentifier
from standing.screening.sources._common import (
    NameList,
    ParseResult,
    Source,
    clean,
    countries_of,
    country_code,
    csv_records,
    decode_text,
    invalid,
    looks_like_organization,
    parse_date,
    person_name_in_order,
    read_source,
    split_values,
    stable_id,
    unique,
    unique_identifiers,
)
from standing.screening.sources._ofac import identifier, parse_dob, scheme_for_label

CSV_FORMAT_ID = "csl_csv"
JSON_FORMAT_ID = "csl_json"
DEFAULT_SOURCE = "us_csl"
CSV_TITLE = "US Consolidated Screening List (CSV)"
JSON_TITLE = "US Consolidated Screening List (JSON)"

REQUIRED_COLUMNS: Final = ("source", "name")
KINDS = {
    "individual": "person",
    "entity": "organization",
    "vessel": "vessel",
    "aircraft": "aircraft",
}
EXTRA_FIELDS: Final = (
    "title",
    "federal_register_notice",
    "end_date",
    "standard_order",
    "license_requirement",
    "license_policy",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "places_of_birth",
    "gender",
    "source_list_url",
    "source_information_url",
)

_LIST_CODE = re.compile(r"\(([A-Z0-9-]{2,12})\)")


def list_code(source_name: str) -> str:
    """``"Entity List (EL) - Bureau of Industry and Security"`` -> ``EL``."""
    match = _LIST_CODE.search(source_name)
    return match[1] if match else (re.sub(r"[^A-Z]", "", source_name)[:8] or "CSL")


@dataclass
class _Row:
    """One CSL record, normalised from either the CSV or the JSON shape."""

    where: str
    fields: dict[str, str]
    alt_names: list[str] = field(default_factory=list)
    programs: list[str] = field(default_factory=list)
    address_countries: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    identifiers: list[EntryIdentifier] = field(default_factory=list)
    other_ids: list[str] = field(default_factory=list)


def _id_item(number: str, label: str, country: str, row: _Row) -> None:
    if label.lower() == "gender" and number:
        row.fields.setdefault("gender", number.lower())
        return
    scheme = scheme_for_label(label)
    if scheme is None or not number:
        if number or label:
            row.other_ids.append(", ".join(p for p in (number, label) if p))
        return
    ident = identifier(scheme, number, country or None)
    if ident is not None:
        row.identifiers.append(ident)


def _csv_ids(value: str, row: _Row) -> None:
    for item in split_values(value):
        parts = [clean(p) for p in item.split(",")]
        if len(parts) < 2:
            row.other_ids.append(item)
            continue
        country = ""
        if len(parts) >= 3 and re.fullmatch(r"[A-Z]{2}", parts[0]):
            country, parts = parts[0], parts[1:]
        _id_item(", ".join(parts[:-1]), parts[-1], country, row)


def _address_country(address: str) -> str | None:
    parts = [clean(p) for p in address.split(",")]
    last = parts[-1] if parts else ""
    if len(parts) >= 2 and re.fullmatch(r"[A-Z]{2}", last):
        return last
    if len(parts) == 1 and re.fullmatch(r"[A-Z]{2}", last):
        return last
    return None


def _from_csv(cells: dict[str, str], where: str) -> _Row:
    fields = {k: clean(v) for k, v in cells.items() if k}
    row = _Row(where, fields)
    row.alt_names = split_values(cells.get("alt_names"))
    row.programs = split_values(cells.get("programs"))
    for address in split_values(cells.get("addresses")):
        if code := _address_country(address):
            row.address_countries.append(code)
    row.countries = split_values(cells.get("citizenships")) + split_values(
        cells.get("nationalities")
    )
    row.birth_dates = [d for v in split_values(cells.get("dates_of_birth")) for d in parse_dob(v)]
    _csv_ids(cells.get("ids", ""), row)
    return row


def _json_list(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, str):
        return split_values(value)
    return [value]


def _from_json(item: Mapping[str, Any], where: str) -> _Row:
    fields = {
        k: clean(str(v)) for k, v in item.items() if isinstance(v, str | int | float) and v != ""
    }
    row = _Row(where, fields)
    row.alt_names = [clean(str(v)) for v in _json_list(item.get("alt_names"))]
    row.programs = [clean(str(v)) for v in _json_list(item.get("programs"))]
    for address in _json_list(item.get("addresses")):
        if isinstance(address, Mapping):
            if country := clean(str(address.get("country") or "")):
                row.address_countries.append(country)
        elif isinstance(address, str) and (code := _address_country(address)):
            row.address_countries.append(code)
    for key in ("citizenships", "nationalities"):
        row.countries.extend(clean(str(v)) for v in _json_list(item.get(key)))
    for dob in _json_list(item.get("dates_of_birth")):
        row.birth_dates.extend(parse_dob(str(dob)))
    for id_item in _json_list(item.get("ids")):
        if isinstance(id_item, Mapping):
            _id_item(
                clean(str(id_item.get("number") or "")),
                clean(str(id_item.get("type") or "")),
                clean(str(id_item.get("country") or "")),
                row,
            )
        elif isinstance(id_item, str):
            _csv_ids(id_item, row)
    places = [clean(str(v)) for v in _json_list(item.get("places_of_birth"))]
    if places:
        row.fields["places_of_birth"] = "; ".join(places)
    return row


@dataclass
class _Group:
    entry_id: str
    kind: str
    source_name: str
    rows: list[_Row] = field(default_factory=list)


def _kind(row: _Row, name: str) -> str:
    type_ = row.fields.get("type", "").lower()
    if type_ in KINDS:
        return KINDS[type_]
    return "organization" if looks_like_organization(name) else "unknown"


def _entries(rows: Iterable[_Row], source: str, warnings: list[str]) -> list[Entry]:
    groups: dict[str, _Group] = {}
    for row in rows:
        source_name = row.fields.get("source", "")
        name = row.fields.get("name", "")
        kind = _kind(row, name)
        number = row.fields.get("entity_number", "")
        entry_id = number or f"{list_code(source_name)}-{stable_id(source_name, name)}"
        group = groups.get(entry_id)
        if group is None:
            group = groups[entry_id] = _Group(entry_id, kind, source_name)
        elif group.kind != kind and "unknown" not in (group.kind, kind):
            warnings.append(f"{row.where}: {entry_id} is {kind} here but {group.kind} before")
        group.rows.append(row)

    entries: list[Entry] = []
    for group in groups.values():
        person = group.kind == "person"
        names = NameList()
        programs: list[str] = []
        countries: list[str] = []
        identifiers: list[EntryIdentifier] = []
        birth_dates: list[str] = []
        other_ids: list[str] = []
        extra: dict[str, list[str]] = {}
        listed: list[str] = []
        remarks: list[str] = []
        for row in group.rows:
            alt_names = [re.sub(r"^and\s+", "", a) for a in row.alt_names]
            for i, value in enumerate([row.fields.get("name", ""), *alt_names]):
                names.add(
                    person_name_in_order(value) if person else value, "alias" if i else "name"
                )
            row_source = row.fields.get("source", "")
            programs.extend([row_source, *row.programs])
            countries.extend(countries_of(row.countries, warnings, row.where))
            for code in row.address_countries:
                if (cc := country_code(code)) is not None:
                    countries.append(cc)
            if group.kind == "vessel" and row.fields.get("vessel_flag"):
                countries.extend(countries_of([row.fields["vessel_flag"]], warnings, row.where))
            identifiers.extend(row.identifiers)
            birth_dates.extend(row.birth_dates)
            other_ids.extend(row.other_ids)
            if start := parse_date(row.fields.get("start_date")):
                listed.append(start)
            if text := row.fields.get("remarks"):
                remarks.append(text)
            for key in EXTRA_FIELDS:
                if field_value := row.fields.get(key):
                    extra.setdefault(key, []).append(field_value)
        extras = {key: "; ".join(unique(values)) for key, values in extra.items()}
        extras["list"] = list_code(group.source_name)
        if other_ids:
            extras["other_ids"] = "; ".join(unique(other_ids))
        entries.append(
            Entry(
                source=source,
                entry_id=group.entry_id,
                kind=group.kind,
                names=names.names(),
                countries=unique(countries),
                identifiers=unique_identifiers(identifiers),
                birth_dates=unique(birth_dates),
                programs=unique(programs),
                listed_on=min(listed) if listed else None,
                remarks="\n".join(unique(remarks)) or None,
                extra=extras,
            )
        )
    return entries


def parse_csv(src: Source, *, name: str | None = None, source: str = DEFAULT_SOURCE) -> ParseResult:
    data, filename = read_source(src, name)
    text = decode_text(data, filename, ("utf-8-sig", "cp1252"))
    rows: list[_Row] = []
    for line, cells in csv_records(text, filename, required=REQUIRED_COLUMNS):
        row = _from_csv(cells, f"{filename}:{line}")
        if not row.fields.get("name"):
            raise invalid(filename, line, "name is empty")
        rows.append(row)
    warnings: list[str] = []
    entries = _entries(rows, source, warnings)
    return ParseResult(entries=tuple(entries), warnings=tuple(warnings))


def parse_json(
    src: Source, *, name: str | None = None, source: str = DEFAULT_SOURCE
) -> ParseResult:
    data, filename = read_source(src, name)
    text = decode_text(data, filename)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise invalid(filename, f"{exc.lineno}:{exc.colno}", f"malformed JSON: {exc.msg}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("results"), list):
        raise invalid(filename, None, 'expected an object with a "results" list')
    rows: list[_Row] = []
    for index, item in enumerate(document["results"]):
        where = f"results[{index}]"
        if not isinstance(item, dict):
            raise invalid(filename, where, "expected an object")
        row = _from_json(item, f"{filename}:{where}")
        if not row.fields.get("name"):
            raise invalid(filename, where, "name is empty")
        if not row.fields.get("source"):
            raise invalid(filename, where, "source is empty")
        rows.append(row)
    warnings: list[str] = []
    entries = _entries(rows, source, warnings)
    return ParseResult(entries=tuple(entries), warnings=tuple(warnings))
