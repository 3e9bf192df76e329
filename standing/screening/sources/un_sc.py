"""UN Security Council consolidated list (XML).

``CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL`` and ``CONSOLIDATED_LIST/ENTITIES/ENTITY``, each
with ``REFERENCE_NUMBER`` (the entry id, e.g. ``QDi.290``), ``FIRST_NAME`` .. ``FOURTH_NAME``
(joined in order; an entity's name is its ``FIRST_NAME``), ``NAME_ORIGINAL_SCRIPT`` (kept as
an ``original_script`` name with its detected script), ``INDIVIDUAL_ALIAS`` /
``ENTITY_ALIAS`` with ``QUALITY`` (``Good`` and ``a.k.a.`` -> alias, ``Low`` -> weak alias,
``f.k.a.`` -> previous name), ``UN_LIST_TYPE`` (the programme), ``LISTED_ON``,
``NATIONALITY/VALUE`` and address ``COUNTRY`` (country names mapped to codes with rigour),
``INDIVIDUAL_DATE_OF_BIRTH`` (``DATE``, ``YEAR`` or ``FROM_YEAR``..``TO_YEAR``) and
``INDIVIDUAL_DOCUMENT``. ``@dateGenerated`` becomes `ParseResult.published`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from standing.screening.model import Entry, EntryIdentifier
from standing.screening.sources._common import (
    NameList,
    ParseResult,
    Source,
    children,
    clean,
    countries_of,
    invalid,
    line_of,
    parse_date,
    read_source,
    read_xml_entries,
    slugify,
    text_of,
    unique,
    unique_identifiers,
    year_range,
)

FORMAT_ID = "un_xml"
DEFAULT_SOURCE = "un_sc"
TITLE = "UN Security Council consolidated list (XML)"

_ROOT = "CONSOLIDATED_LIST"
_RECORDS = frozenset({"INDIVIDUAL", "ENTITY"})

ALIAS_KINDS = {
    "good": "alias",
    "a.k.a.": "alias",
    "low": "weak_alias",
    "f.k.a.": "previous_name",
}
DOCUMENT_TYPES = {
    "passport": "passport",
    "national identification number": "national_id",
    "identification number": "national_id",
    "identity card": "national_id",
    "tax identification number": "tax_id",
    "registration number": "registration_number",
}


def _values(element: ET.Element, tag: str) -> list[str]:
    return [text_of(v) for c in children(element, tag) for v in children(c, "VALUE")]


def _birth_dates(element: ET.Element) -> list[str]:
    dates: list[str] = []
    for dob in children(element, "INDIVIDUAL_DATE_OF_BIRTH"):
        if (parsed := parse_date(text_of(dob, "DATE"))) or (
            parsed := parse_date(text_of(dob, "YEAR"))
        ):
            dates.append(parsed)
        else:
            start, end = text_of(dob, "FROM_YEAR"), text_of(dob, "TO_YEAR")
            if start.isdigit() and end.isdigit():
                dates.extend(year_range(int(start), int(end)))
            elif parsed := parse_date(text_of(dob, "NOTE")):
                dates.append(parsed)
    return dates


def _entry(element: ET.Element, source: str, filename: str, warnings: list[str]) -> Entry:
    line = line_of(element)
    where = f"{filename}:{line}"
    person = element.tag == "INDIVIDUAL"
    reference = text_of(element, "REFERENCE_NUMBER")
    if not reference:
        raise invalid(filename, line, f"{element.tag} has no REFERENCE_NUMBER")
    parts = [
        text_of(element, tag) for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    ]
    names = NameList()
    if names.add(" ".join(p for p in parts if p)) is None:
        raise invalid(filename, line, f"{element.tag} {reference} has no FIRST_NAME")
    for original in children(element, "NAME_ORIGINAL_SCRIPT"):
        names.add(text_of(original), "original_script")
    alias_tag = "INDIVIDUAL_ALIAS" if person else "ENTITY_ALIAS"
    birth_dates = _birth_dates(element)
    for alias in children(element, alias_tag):
        quality = text_of(alias, "QUALITY").lower()
        names.add(text_of(alias, "ALIAS_NAME"), ALIAS_KINDS.get(quality, "alias"))
        if parsed := parse_date(text_of(alias, "DATE_OF_BIRTH")):
            birth_dates.append(parsed)

    address_tag = "INDIVIDUAL_ADDRESS" if person else "ENTITY_ADDRESS"
    country_names = _values(element, "NATIONALITY") + [
        text_of(address, "COUNTRY") for address in children(element, address_tag)
    ]
    countries = countries_of(country_names, warnings, where)

    identifiers: list[EntryIdentifier] = []
    for document in children(element, "INDIVIDUAL_DOCUMENT"):
        number = text_of(document, "NUMBER")
        if not number:
            continue
        doc_type = text_of(document, "TYPE_OF_DOCUMENT")
        scheme = DOCUMENT_TYPES.get(doc_type.lower()) or slugify(doc_type).replace("-", "_")
        issuer = text_of(document, "ISSUING_COUNTRY") or text_of(document, "COUNTRY_OF_ISSUE")
        codes = countries_of([issuer], warnings, where) if issuer else []
        identifiers.append(EntryIdentifier(scheme or "other", number, codes[0] if codes else None))

    extra: dict[str, str] = {}
    if dataid := text_of(element, "DATAID"):
        extra["dataid"] = dataid
    if gender := text_of(element, "GENDER"):
        extra["gender"] = gender.lower()
    for key, tag in (("title", "TITLE"), ("designation", "DESIGNATION")):
        values = [v for v in _values(element, tag) if v]
        if values:
            extra[key] = "; ".join(values)
    updated = [v for v in _values(element, "LAST_DAY_UPDATED") if v]
    if updated:
        extra["last_updated"] = max(updated)
    places = []
    for place in children(element, "INDIVIDUAL_PLACE_OF_BIRTH"):
        text = ", ".join(
            p for p in (text_of(place, t) for t in ("CITY", "STATE_PROVINCE", "COUNTRY")) if p
        )
        if text:
            places.append(text)
    if places:
        extra["place_of_birth"] = "; ".join(unique(places))

    listed_on = parse_date(text_of(element, "LISTED_ON"))
    program = text_of(element, "UN_LIST_TYPE")
    return Entry(
        source=source,
        entry_id=reference,
        kind="person" if person else "organization",
        names=names.names(),
        countries=unique(countries),
        identifiers=unique_identifiers(identifiers),
        birth_dates=unique(birth_dates),
        programs=(program,) if program else (),
        listed_on=listed_on,
        remarks=text_of(element, "COMMENTS1") or None,
        extra=extra,
    )


def parse(src: Source, *, name: str | None = None, source: str = DEFAULT_SOURCE) -> ParseResult:
    data, filename = read_source(src, name)
    warnings: list[str] = []
    entries, document = read_xml_entries(
        data,
        filename,
        _RECORDS,
        _ROOT,
        lambda element: _entry(element, source, filename, warnings),
        "REFERENCE_NUMBER",
        f"a <{_ROOT}> document",
    )
    generated = clean(document.attrib.get("dateGenerated"))
    return ParseResult(
        entries=tuple(entries), warnings=tuple(warnings), published=generated or None
    )
