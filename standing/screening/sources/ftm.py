"""FollowTheMoney entities, JSON lines (OpenSanctions exports, or any FtM producer).

One JSON object per line: ``{"id", "schema", "properties": {prop: [values]}}``, plus, in
OpenSanctions exports, ``caption``, ``datasets``, ``target``, ``first_seen``... Entities are
read with the ``followthemoney`` model (``model.get_proxy``):

* Person -> person; Organization, Company, PublicBody -> organization; LegalEntity ->
  unknown; Vessel -> vessel; Airplane -> aircraft. Other schemata (Address, Ownership,
  Family, ...) are not listed parties: they are counted in a warning and skipped, except
  ``Sanction``, whose ``program``/``programId`` and earliest ``listingDate``/``startDate``
  are added to the sanctioned ``entity``.
* When a line says ``"target": false`` (OpenSanctions marks relatives, owners and other
  context that is not itself listed), the entity is skipped and counted.
* Names: ``name`` (the caption first), ``alias``, ``weakAlias``, ``previousName``,
  ``abbreviation`` (an alias); countries: ``country``, ``nationality``, ``citizenship``,
  ``jurisdiction``, ``mainCountry``, ``flag``; every identifier-typed property becomes an
  identifier (``leiCode`` -> lei, ``innCode`` -> tax_id, ``ogrnCode`` -> registration_number,
  ``imoNumber`` -> imo, ...); ``birthDate``; ``program``/``programId``; ``topics`` in
  ``extra["topics"]``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Final

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.types import registry

from standing.screening.model import Entry, EntryIdentifier
from standing.screening.sources._common import (
    NameList,
    ParseResult,
    Source,
    clean,
    decode_text,
    invalid,
    parse_date,
    read_source,
    unique,
    unique_identifiers,
)

FORMAT_ID = "ftm"
DEFAULT_SOURCE = "opensanctions"
TITLE = "FollowTheMoney JSON lines (OpenSanctions)"

NAME_PROPS: Final = (
    ("name", "name"),
    ("alias", "alias"),
    ("abbreviation", "alias"),
    ("weakAlias", "weak_alias"),
    ("previousName", "previous_name"),
)
COUNTRY_PROPS: Final = (
    "nationality",
    "citizenship",
    "country",
    "jurisdiction",
    "mainCountry",
    "flag",
)
ID_SCHEMES: Final[dict[str, str]] = {
    "registrationNumber": "registration_number",
    "leiCode": "lei",
    "innCode": "tax_id",
    "taxNumber": "tax_id",
    "vatCode": "vat",
    "ogrnCode": "registration_number",
    "uscCode": "registration_number",
    "okpoCode": "okpo",
    "kppCode": "kpp",
    "imoNumber": "imo",
    "mmsi": "mmsi",
    "callSign": "call_sign",
    "idNumber": "national_id",
    "passportNumber": "passport",
    "socialSecurityNumber": "national_id",
    "swiftBic": "swift_bic",
    "dunsCode": "duns",
    "bikCode": "bik",
    "wikidataId": "wikidata",
}
NOT_IDENTIFIERS: Final = frozenset({"programId"})


def _kind(schema_name: str) -> str | None:
    schema = model.get(schema_name)
    if schema is None:
        return None
    if schema.is_a("Person"):
        return "person"
    if schema.is_a("Organization"):
        return "organization"
    if schema.is_a("Vessel"):
        return "vessel"
    if schema.is_a("Airplane"):
        return "aircraft"
    if schema.name == "LegalEntity":
        return "unknown"
    return None


def _scheme(prop: str) -> str:
    return ID_SCHEMES.get(prop) or re.sub(r"(?<!^)([A-Z])", r"_\1", prop).lower()


@dataclass
class _Listing:
    programs: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


def _entry(
    proxy: Any, kind: str, source: str, raw: dict[str, Any], listing: _Listing | None
) -> Entry:
    names = NameList()
    caption = clean(raw.get("caption")) if isinstance(raw.get("caption"), str) else ""
    values: list[str] = proxy.get("name")
    if caption and caption in values:
        names.add(caption)
    for prop, name_kind in NAME_PROPS:
        if prop in proxy.schema.properties:
            for value in proxy.get(prop):
                names.add(value, name_kind)
    if not names and proxy.schema.is_a("Person"):
        parts = [proxy.first("firstName"), proxy.first("middleName"), proxy.first("lastName")]
        names.add(" ".join(p for p in parts if p))
    if not names and caption:
        names.add(caption)

    countries: list[str] = []
    for prop in COUNTRY_PROPS:
        if prop in proxy.schema.properties:
            for value in proxy.get(prop):
                code = registry.country.clean(value)
                if code:
                    countries.append(code.lower())

    identifiers: list[EntryIdentifier] = []
    for prop_name, prop in proxy.schema.properties.items():
        if prop.type != registry.identifier or prop_name in NOT_IDENTIFIERS:
            continue
        for value in proxy.get(prop_name):
            if clean(value):
                identifiers.append(EntryIdentifier(_scheme(prop_name), clean(value)))

    birth_dates: list[str] = []
    if "birthDate" in proxy.schema.properties:
        birth_dates = [d for d in (parse_date(v) for v in proxy.get("birthDate")) if d]

    programs = [*proxy.get("program"), *proxy.get("programId")]
    listed_on: str | None = None
    if listing is not None:
        programs.extend(listing.programs)
        listed_on = min(listing.dates) if listing.dates else None

    extra: dict[str, str] = {"schema": proxy.schema.name}
    topics = proxy.get("topics")
    if topics:
        extra["topics"] = ",".join(topics)
    datasets = raw.get("datasets")
    if isinstance(datasets, list) and datasets:
        extra["datasets"] = ",".join(str(d) for d in datasets)
    for key in ("first_seen",):  # last_seen changes daily: it would make every entry "changed"
        if isinstance(raw.get(key), str):
            extra[key] = raw[key]
    notes = [clean(n) for n in proxy.get("notes")]
    return Entry(
        source=source,
        entry_id=str(proxy.id),
        kind=kind,
        names=names.names(),
        countries=unique(countries),
        identifiers=unique_identifiers(identifiers),
        birth_dates=unique(birth_dates),
        programs=unique(clean(p) for p in programs),
        listed_on=listed_on,
        remarks="\n".join(n for n in notes if n) or None,
        extra=extra,
    )


def _properties(
    properties: dict[str, Any], filename: str, line_no: int, entity_id: str
) -> dict[str, list[str]]:
    """Property values as lists of strings (a lone value is a one-item list)."""
    clean_props: dict[str, list[str]] = {}
    for prop, values in properties.items():
        items = values if isinstance(values, list) else [values]
        texts: list[str] = []
        for value in items:
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                texts.append(str(value))
            elif isinstance(value, dict) and isinstance(value.get("id"), str):
                texts.append(value["id"])  # a nested entity: keep the reference
            elif value is not None:
                raise invalid(
                    filename, line_no, f"entity {entity_id}: {prop!r} has a {type(value).__name__}"
                )
        clean_props[prop] = texts
    return clean_props


def parse(src: Source, *, name: str | None = None, source: str = DEFAULT_SOURCE) -> ParseResult:
    data, filename = read_source(src, name)
    text = decode_text(data, filename)
    parties: list[tuple[Any, str, dict[str, Any], int]] = []
    listings: dict[str, _Listing] = {}
    skipped_schemata: Counter[str] = Counter()
    unknown_schemata: dict[str, list[int]] = {}  # schema -> lines
    not_targets = 0
    seen: dict[str, int] = {}
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise invalid(
                filename, line_no, f"malformed JSON: {exc.msg} (column {exc.colno})"
            ) from exc
        if not isinstance(raw, dict):
            raise invalid(filename, line_no, "expected a JSON object")
        entity_id = raw.get("id")
        schema_name = raw.get("schema")
        if not isinstance(entity_id, str) or not entity_id.strip():
            raise invalid(filename, line_no, 'the entity has no "id"')
        if not isinstance(schema_name, str) or not schema_name:
            raise invalid(filename, line_no, f'entity {entity_id} has no "schema"')
        properties = raw.get("properties", {})
        if not isinstance(properties, dict):
            raise invalid(filename, line_no, f'entity {entity_id}: "properties" is not an object')
        if model.get(schema_name) is None:
            unknown_schemata.setdefault(schema_name, []).append(line_no)
            continue
        raw["properties"] = _properties(properties, filename, line_no, entity_id)
        try:
            # Values are taken as they are: FtM's cleaning would drop identifiers whose
            # checksum it doubts (an LEI, an IMO number), and a list must be kept as published.
            proxy = model.get_proxy(raw, cleaned=True)
        except (InvalidData, TypeError, ValueError) as exc:
            raise invalid(filename, line_no, f"entity {entity_id}: {exc}") from exc
        if proxy.schema.is_a("Sanction"):
            for target in proxy.get("entity"):
                listing = listings.setdefault(target, _Listing())
                listing.programs.extend(proxy.get("program") or proxy.get("programId"))
                listing.dates.extend(
                    d
                    for d in (
                        parse_date(v) for v in proxy.get("listingDate") + proxy.get("startDate")
                    )
                    if d
                )
            continue
        kind = _kind(proxy.schema.name)
        if kind is None:
            skipped_schemata[proxy.schema.name] += 1
            continue
        if raw.get("target") is False:
            not_targets += 1
            continue
        if entity_id in seen:
            raise invalid(filename, line_no, f"entity {entity_id} repeats line {seen[entity_id]}")
        seen[entity_id] = line_no
        parties.append((proxy, kind, raw, line_no))

    entries: list[Entry] = []
    for proxy, kind, raw, line_no in parties:
        entry = _entry(proxy, kind, source, raw, listings.get(proxy.id))
        if not entry.names:
            raise invalid(filename, line_no, f"entity {entry.entry_id} has no name")
        entries.append(entry)
    warnings: list[str] = []
    if skipped_schemata:
        counts = ", ".join(f"{n} {s}" for s, n in sorted(skipped_schemata.items()))
        warnings.append(f"{filename}: skipped entities that are not listed parties: {counts}")
    for schema_name, lines in sorted(unknown_schemata.items()):
        at = ", ".join(map(str, lines[:5])) + (
            f" and {len(lines) - 5} more" if len(lines) > 5 else ""
        )
        warnings.append(
            f"{filename}: skipped {len(lines)} entities of the schema {schema_name!r}, which "
            f"FollowTheMoney does not know (a misspelling?), at line {at}"
        )
    if not_targets:
        warnings.append(f"{filename}: skipped {not_targets} entities marked as not targets")
    return ParseResult(entries=tuple(entries), warnings=tuple(warnings))
