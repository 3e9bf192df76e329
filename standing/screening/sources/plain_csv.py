"""The project's plain CSV for directives and lists without a machine-readable format.

UTF-8, a header row, RFC 4180 quoting, one row per listed party::

    id,name,kind,aliases,countries,identifiers,program,listed_on,reference,notes

* ``id`` (required, unique): the entry's stable id, e.g. ``ao-kaspersky-lab``.
* ``name`` (required): the primary name.
* ``kind``: ``person``, ``organization``, ``vessel``, ``aircraft`` or ``unknown`` (default).
* ``aliases``: ``;``-separated. An alias may start with ``KIND:`` or ``KIND@LANG:``, where
  KIND is ``alias``, ``weak_alias``, ``previous_name`` or ``original_script`` and LANG an ISO
  639 code: ``previous_name:Kaspersky Lab ZAO; original_script@ru:АО «Лаборатория
  Касперского»``. Without a prefix it is an ``alias``. The script is detected.
* ``countries``: ``;``-separated ISO 3166 codes or country names.
* ``identifiers``: ``;``-separated ``SCHEME:VALUE`` or ``SCHEME@CC:VALUE`` (e.g.
  ``lei:253400...; registration_number@ru:1027739867473``).
* ``program``: the directive or programme (``;``-separated if several).
* ``listed_on``: ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
* ``reference``: where the listing is published (URL, Federal Register citation).
* ``notes``: free text, kept as the entry's remarks.

Full documentation with an example: ``docs/list-formats.md``.
"""

from __future__ import annotations

import re
from typing import Final

from standing.screening.model import ENTRY_KINDS, Entry, EntryIdentifier
from standing.screening.sources._common import (
    NameList,
    ParseResult,
    Source,
    clean,
    country_code,
    csv_records,
    decode_text,
    invalid,
    language_code,
    parse_date,
    read_source,
    split_values,
    unique,
    unique_identifiers,
)

FORMAT_ID = "plain_csv"
DEFAULT_SOURCE = "plain"
TITLE = "Plain CSV (id,name,kind,aliases,countries,identifiers,program,listed_on,reference,notes)"

COLUMNS: Final = (
    "id",
    "name",
    "kind",
    "aliases",
    "countries",
    "identifiers",
    "program",
    "listed_on",
    "reference",
    "notes",
)
REQUIRED: Final = ("id", "name")
ALIAS_KINDS: Final = ("alias", "weak_alias", "previous_name", "original_script")

_ALIAS_PREFIX = re.compile(
    r"^(?P<kind>" + "|".join(ALIAS_KINDS) + r")(?:@(?P<lang>[A-Za-z]{2,3}))?\s*:\s*(?P<value>.+)$"
)
_ID_ITEM = re.compile(
    r"^(?P<scheme>[a-z][a-z0-9_]*)(?:@(?P<country>[A-Za-z]{2}))?\s*:\s*(?P<value>.+)$"
)


def _entry(row: dict[str, str], source: str, filename: str, line: int) -> Entry:
    kind = row.get("kind", "").lower() or "unknown"
    if kind not in ENTRY_KINDS:
        raise invalid(
            filename, line, f"kind must be one of {', '.join(ENTRY_KINDS)}, found {kind!r}"
        )
    names = NameList()
    names.add(row["name"])
    for item in split_values(row.get("aliases")):
        match = _ALIAS_PREFIX.match(item)
        if match:
            lang = match["lang"]
            if lang and language_code(lang) is None:
                raise invalid(filename, line, f"unknown language code {lang!r} in alias {item!r}")
            names.add(match["value"], match["kind"], language_code(lang) if lang else None)
        else:
            names.add(item, "alias")
    countries: list[str] = []
    for value in split_values(row.get("countries")):
        code = country_code(value)
        if code is None:
            raise invalid(filename, line, f"unknown country {value!r}")
        countries.append(code)
    identifiers: list[EntryIdentifier] = []
    for item in split_values(row.get("identifiers")):
        match = _ID_ITEM.match(item)
        if match is None:
            raise invalid(
                filename, line, f"identifier {item!r} is not SCHEME:VALUE or SCHEME@CC:VALUE"
            )
        country = match["country"]
        if country and country_code(country) is None:
            raise invalid(filename, line, f"unknown country code {country!r} in {item!r}")
        identifiers.append(
            EntryIdentifier(
                match["scheme"], clean(match["value"]), country.lower() if country else None
            )
        )
    listed_on: str | None = None
    if row.get("listed_on"):
        listed_on = parse_date(row["listed_on"])
        if listed_on is None or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", row["listed_on"]):
            raise invalid(
                filename, line, f"listed_on must be an ISO date, found {row['listed_on']!r}"
            )
    extra = {"reference": row["reference"]} if row.get("reference") else {}
    return Entry(
        source=source,
        entry_id=row["id"],
        kind=kind,
        names=names.names(),
        countries=unique(countries),
        identifiers=unique_identifiers(identifiers),
        programs=unique(split_values(row.get("program"))),
        listed_on=listed_on,
        remarks=row.get("notes") or None,
        extra=extra,
    )


def parse(src: Source, *, name: str | None = None, source: str = DEFAULT_SOURCE) -> ParseResult:
    data, filename = read_source(src, name)
    text = decode_text(data, filename)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for line, row in csv_records(text, filename, required=REQUIRED, allowed=COLUMNS):
        for column in REQUIRED:
            if not row[column]:
                raise invalid(filename, line, f"{column} is empty")
        if row["id"] in seen:
            raise invalid(filename, line, f"id {row['id']!r} repeats line {seen[row['id']]}")
        seen[row["id"]] = line
        entries.append(_entry(row, source, filename, line))
    return ParseResult(entries=tuple(entries))
