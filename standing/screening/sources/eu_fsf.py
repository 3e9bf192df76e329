"""EU consolidated list of persons, groups and entities subject to financial sanctions (FSF XML).

The published XML (namespace ``http://eu.europa.ec/fpi/fsd/export``, ignored here) is an
``export`` of ``sanctionEntity`` elements with ``@logicalId`` (the entry id here) and
``@euReferenceNumber``; inside: ``subjectType/@code`` (``person`` or ``enterprise``),
``nameAlias`` (``@wholeName``, ``@firstName``/``@middleName``/``@lastName``,
``@nameLanguage``, ``@strong``, ``@gender``, ``@function``), ``citizenship/@countryIso2Code``,
``birthdate/@birthdate`` (or ``@year``/``@monthOfYear``/``@dayOfMonth``), ``identification``
(``@number``, ``@identificationTypeCode``, ``@countryIso2Code``), ``address/@countryIso2Code``,
``regulation`` (``@programme``, ``@publicationDate``, ``@numberTitle``) and ``remark``.
``export/@generationDate`` becomes `ParseResult.published`.
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
    country_code,
    invalid,
    language_code,
    line_of,
    parse_date,
    read_source,
    read_xml_entries,
    slugify,
    text_of,
    unique,
    unique_identifiers,
)

FORMAT_ID = "eu_xml"
DEFAULT_SOURCE = "eu_fsf"
TITLE = "EU consolidated financial sanctions list (FSF XML)"

KINDS = {"person": "person", "enterprise": "organization"}

#: EU identification type codes and the schemes they map to; other codes keep their slug.
ID_TYPES = {
    "passport": "passport",
    "id": "national_id",
    "nationalid": "national_id",
    "ssn": "national_id",
    "regnumber": "registration_number",
    "fiscalcode": "tax_id",
    "tin": "tax_id",
    "vat": "vat",
    "swiftbic": "swift_bic",
    "imo": "imo",
    "lei": "lei",
    "birthcert": "birth_certificate",
    "drivinglicence": "drivers_license",
    "travel": "passport",
    "other": "other",
}

_ROOT = "export"
_RECORDS = frozenset({"sanctionEntity"})


def _name(alias: ET.Element) -> str:
    whole = clean(alias.get("wholeName"))
    if whole:
        return whole
    parts = (alias.get("firstName"), alias.get("middleName"), alias.get("lastName"))
    return " ".join(clean(p) for p in parts if clean(p))


def _country(value: str | None) -> str | None:
    return country_code(value) if clean(value) and clean(value) != "00" else None


def _birth_date(element: ET.Element) -> str | None:
    full = parse_date(element.get("birthdate"))
    if full:
        return full
    year = clean(element.get("year"))
    if not year.isdigit():
        return None
    month = clean(element.get("monthOfYear"))
    day = clean(element.get("dayOfMonth"))
    parts = [year]
    if month.isdigit() and int(month):
        parts.append(f"{int(month):02d}")
        if day.isdigit() and int(day):
            parts.append(f"{int(day):02d}")
    return parse_date("-".join(parts))


def _entry(element: ET.Element, source: str, filename: str, warnings: list[str]) -> Entry:
    line = line_of(element)
    where = f"{filename}:{line}"
    logical_id = clean(element.get("logicalId"))
    if not logical_id:
        raise invalid(filename, line, "sanctionEntity has no logicalId")
    subject = next(iter(children(element, "subjectType")), None)
    code = clean(subject.get("code")) if subject is not None else ""
    kind = KINDS.get(code.lower())
    if kind is None:
        warnings.append(f"{where}: sanctionEntity {logical_id} has subjectType {code!r}")
        kind = "unknown"

    names = NameList()
    extra: dict[str, str] = {}
    for alias in children(element, "nameAlias"):
        strong = clean(alias.get("strong")).lower() != "false"
        name_kind = "name" if not names else ("alias" if strong else "weak_alias")
        names.add(_name(alias), name_kind, language_code(alias.get("nameLanguage")))
        if clean(alias.get("gender")) and "gender" not in extra:
            extra["gender"] = {"M": "male", "F": "female"}.get(
                clean(alias.get("gender")), clean(alias.get("gender")).lower()
            )
        if clean(alias.get("function")) and "function" not in extra:
            extra["function"] = clean(alias.get("function"))
    if not names:
        raise invalid(filename, line, f"sanctionEntity {logical_id} has no nameAlias with a name")

    countries: list[str] = []
    for tag in ("citizenship", "address"):
        for item in children(element, tag):
            code_ = _country(item.get("countryIso2Code"))
            if code_:
                countries.append(code_)
            elif clean(item.get("countryDescription")) and clean(
                item.get("countryIso2Code")
            ) not in ("", "00"):
                warnings.append(
                    f"{where}: unknown country code {item.get('countryIso2Code')!r} in <{tag}>"
                )

    identifiers: list[EntryIdentifier] = []
    for item in children(element, "identification"):
        number = clean(item.get("number")) or clean(item.get("latinNumber"))
        if not number:
            continue
        type_code = clean(item.get("identificationTypeCode")).lower()
        scheme = ID_TYPES.get(type_code) or slugify(type_code).replace("-", "_") or "other"
        identifiers.append(EntryIdentifier(scheme, number, _country(item.get("countryIso2Code"))))

    birth_dates = [d for d in (_birth_date(b) for b in children(element, "birthdate")) if d]
    regulations = children(element, "regulation")
    programs = [clean(r.get("programme")) for r in regulations]
    published = sorted(d for d in (parse_date(r.get("publicationDate")) for r in regulations) if d)
    titles = unique(clean(r.get("numberTitle")) for r in regulations)
    if titles:
        extra["regulations"] = "; ".join(titles)
    for key in ("euReferenceNumber", "unitedNationId", "designationDetails"):
        if value := clean(element.get(key)):
            extra[key] = value
    remarks = [text_of(r) for r in children(element, "remark")]
    return Entry(
        source=source,
        entry_id=logical_id,
        kind=kind,
        names=names.names(),
        countries=unique(countries),
        identifiers=unique_identifiers(identifiers),
        birth_dates=unique(birth_dates),
        programs=unique(programs),
        listed_on=published[0] if published else None,
        remarks="\n".join(r for r in remarks if r) or None,
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
        "sanctionEntity logicalId",
        "an EU <export> document",
    )
    generated = document.attrib.get("generationDate")
    return ParseResult(
        entries=tuple(entries), warnings=tuple(warnings), published=clean(generated) or None
    )
