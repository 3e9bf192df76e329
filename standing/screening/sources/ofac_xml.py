"""OFAC SDN XML (``SDN.XML`` / ``CONSOLIDATED.XML``): ``sdnList/sdnEntry``.

Each ``sdnEntry`` has ``uid``, ``firstName``, ``lastName``, ``sdnType`` (Individual, Entity,
Vessel, Aircraft), ``programList/program``, ``idList/id`` (``idType``, ``idNumber``,
``idCountry``), ``akaList/aka`` (``type`` a.k.a./f.k.a./n.k.a., ``category`` strong/weak,
``firstName``, ``lastName``), ``dateOfBirthList/dateOfBirthItem/dateOfBirth``,
``nationalityList/nationality/country``, ``citizenshipList/citizenship/country``,
``placeOfBirthList``, ``vesselInfo`` and ``remarks``. The namespace differs between
publications (``http://tempuri.org/sdnList.xsd`` and later ones), so it is ignored.
``publshInformation/Publish_Date`` (OFAC's spelling) becomes `ParseResult.published`.

The newer "SDN_ADVANCED" XML is a different format and is not read here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from standing.screening.model import Entry, EntryIdentifier
from standing.screening.sources._common import (
    NameList,
    ParseResult,
    Source,
    child,
    countries_of,
    invalid,
    items,
    line_of,
    parse_date,
    read_source,
    read_xml_entries,
    text_of,
    unique,
    unique_identifiers,
)
from standing.screening.sources._ofac import (
    identifier,
    parse_dob,
    scheme_for_label,
)

FORMAT_ID = "ofac_xml"
DEFAULT_SOURCE = "us_ofac_sdn"
TITLE = "OFAC SDN XML (sdnList/sdnEntry)"

KINDS = {
    "individual": "person",
    "entity": "organization",
    "vessel": "vessel",
    "aircraft": "aircraft",
}
ALIAS_KINDS = {"a.k.a.": "alias", "n.k.a.": "alias", "f.k.a.": "previous_name"}

_RECORDS = frozenset({"sdnEntry", "publshInformation"})


def _full_name(element: ET.Element) -> str:
    return " ".join(p for p in (text_of(element, "firstName"), text_of(element, "lastName")) if p)


def _entry(element: ET.Element, source: str, filename: str, warnings: list[str]) -> Entry:
    line = line_of(element)
    where = f"{filename}:{line}"
    uid = text_of(element, "uid")
    if not uid:
        raise invalid(filename, line, "sdnEntry has no uid")
    sdn_type = text_of(element, "sdnType")
    kind = KINDS.get(sdn_type.lower())
    if kind is None:
        warnings.append(f"{where}: sdnEntry {uid} has unknown sdnType {sdn_type!r}")
        kind = "unknown"
    names = NameList()
    if names.add(_full_name(element)) is None:
        raise invalid(filename, line, f"sdnEntry {uid} has no lastName")
    for aka in items(element, "akaList", "aka"):
        aka_kind = ALIAS_KINDS.get(text_of(aka, "type").lower(), "alias")
        if aka_kind == "alias" and text_of(aka, "category").lower() == "weak":
            aka_kind = "weak_alias"
        names.add(_full_name(aka), aka_kind)

    identifiers: list[EntryIdentifier] = []
    countries: list[str] = []
    extra: dict[str, str] = {}
    for id_item in items(element, "idList", "id"):
        label = text_of(id_item, "idType")
        number = text_of(id_item, "idNumber")
        scheme = scheme_for_label(label)
        if label.lower() == "gender":
            extra["gender"] = number.lower()
        if scheme is None or not number:
            continue
        id_country = text_of(id_item, "idCountry")
        ident = identifier(scheme, number)
        if ident is None:
            continue
        if id_country:
            codes = countries_of([id_country], warnings, where)
            ident = EntryIdentifier(ident.scheme, ident.value, codes[0] if codes else None)
            if kind == "organization" and codes and scheme in ("registration_number", "tax_id"):
                countries.extend(codes)
        identifiers.append(ident)

    nationalities: list[str] = []
    birth_dates: list[str] = []
    for item in items(element, "dateOfBirthList", "dateOfBirthItem"):
        birth_dates.extend(parse_dob(text_of(item, "dateOfBirth")))
    for list_tag, item_tag in (
        ("nationalityList", "nationality"),
        ("citizenshipList", "citizenship"),
    ):
        for item in items(element, list_tag, item_tag):
            nationalities.extend(countries_of([text_of(item, "country")], warnings, where))
    for address in items(element, "addressList", "address"):
        if address_country := text_of(address, "country"):
            countries.extend(countries_of([address_country], warnings, where))
    places = [
        text_of(item, "placeOfBirth")
        for item in items(element, "placeOfBirthList", "placeOfBirthItem")
    ]
    if any(places):
        extra["place_of_birth"] = "; ".join(unique(places))

    vessel = child(element, "vesselInfo")
    if vessel is not None:
        call_sign = text_of(vessel, "callSign")
        if call_sign and (ident := identifier("call_sign", call_sign)):
            identifiers.append(ident)
        flag = text_of(vessel, "vesselFlag")
        if flag:
            countries.extend(countries_of([flag], warnings, where))
        for key, tag in (
            ("vessel_type", "vesselType"),
            ("vessel_flag", "vesselFlag"),
            ("vessel_owner", "vesselOwner"),
            ("tonnage", "tonnage"),
            ("gross_registered_tonnage", "grossRegisteredTonnage"),
        ):
            if value := text_of(vessel, tag):
                extra[key] = value
    if title := text_of(element, "title"):
        extra["title"] = title

    programs = [text_of(p) for p in items(element, "programList", "program")]
    return Entry(
        source=source,
        entry_id=uid,
        kind=kind,
        names=names.names(),
        countries=unique(nationalities + countries),
        identifiers=unique_identifiers(identifiers),
        birth_dates=unique(birth_dates),
        programs=unique(programs),
        listed_on=None,
        remarks=text_of(element, "remarks") or None,
        extra=extra,
    )


def parse(src: Source, *, name: str | None = None, source: str = DEFAULT_SOURCE) -> ParseResult:
    data, filename = read_source(src, name)
    warnings: list[str] = []
    published: str | None = None

    def read(element: ET.Element) -> Entry | None:
        nonlocal published
        if element.tag == "publshInformation":
            published = parse_date(text_of(element, "Publish_Date"), day_first=False)
            return None
        return _entry(element, source, filename, warnings)

    entries, _ = read_xml_entries(
        data, filename, _RECORDS, "sdnList", read, "sdnEntry uid", "an sdnList document"
    )
    return ParseResult(entries=tuple(entries), warnings=tuple(warnings), published=published)
