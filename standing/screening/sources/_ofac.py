"""What OFAC's lists say in free text: identifier labels, remarks, dates of birth, programmes.

Shared by the legacy CSV (`ofac_csv`), the SDN XML (`ofac_xml`) and the Consolidated
Screening List (`csl`), which all carry OFAC's wording ("Registration ID 123 (Russia)",
"Tax ID No. ...", "a.k.a. 'NAME'", "DOB 03 Jan 1952").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from standing.screening.model import EntryIdentifier
from standing.screening.sources._common import (
    clean,
    country_code,
    parse_date,
    person_name_in_order,
    year_range,
)

#: OFAC identifier labels and the scheme each maps to. Labels not here are not identifiers
#: of the party (e.g. "Organization Established Date") and stay in the remarks only.
ID_LABELS: Final[dict[str, str]] = {
    # registration of a legal entity
    "Registration ID": "registration_number",
    "Registration Number": "registration_number",
    "Registration Certificate Number": "registration_number",
    "Business Registration Number": "registration_number",
    "Business Registration Document #": "registration_number",
    "Business Number": "registration_number",
    "Commercial Registry Number": "registration_number",
    "Company Number": "registration_number",
    "UK Company Number": "registration_number",
    "Company ID: No.": "registration_number",
    "Public Registration Number": "registration_number",
    "Chamber of Commerce Number": "registration_number",
    "Istanbul Chamber of Comm. No.": "registration_number",
    "Dubai Chamber of Commerce Membership No.": "registration_number",
    "Certificate of Incorporation Number": "registration_number",
    "Enterprise Number": "registration_number",
    "Economic Register Number (CBLS)": "registration_number",
    "Central Registration System Number": "registration_number",
    "C.R. No.": "registration_number",
    "Folio Mercantil No.": "registration_number",
    "Matricula Mercantil No": "registration_number",
    "Trade License No.": "registration_number",
    "Government Gazette Number": "registration_number",
    "Registered Charity No.": "registration_number",
    "Branch Unit Number": "registration_number",
    "Unified Social Credit Code (USCC)": "registration_number",
    "United Social Credit Code Certificate (USCCC)": "registration_number",
    "MSB Registration Number": "registration_number",
    "Organization Code": "registration_number",
    "Russian State Individual Business Registration Number Pattern (OGRNIP)": (
        "registration_number"
    ),
    "Legal Entity Number": "lei",
    "LEI": "lei",
    # tax
    "Tax ID No.": "tax_id",
    "R.F.C.": "tax_id",
    "RFC": "tax_id",
    "NIT #": "tax_id",
    "RUC #": "tax_id",
    "RIF #": "tax_id",
    "CUIT": "tax_id",
    "C.U.I.T.": "tax_id",
    "Italian Fiscal Code": "tax_id",
    "Fiscal Code": "tax_id",
    "V.A.T. Number": "vat",
    # people
    "Passport": "passport",
    "Diplomatic Passport": "passport",
    "U.S.A. Passport": "passport",
    "British National Overseas Passport": "passport",
    "Stateless Person Passport": "passport",
    "Travel Document Number": "passport",
    "National ID No.": "national_id",
    "National Foreign ID Number": "national_id",
    "Identification Number": "national_id",
    "Cedula No.": "national_id",
    "C.U.R.P. #": "national_id",
    "C.U.R.P.": "national_id",
    "D.N.I.": "national_id",
    "C.U.I.": "national_id",
    "LE Number": "national_id",
    "Personal ID Card": "national_id",
    "Citizen's Card Number": "national_id",
    "Turkish Identification Number": "national_id",
    "Kenyan ID No.": "national_id",
    "UAE Identification": "national_id",
    "Residency Number": "national_id",
    "Tazkira National ID Card": "national_id",
    "Moroccan Personal ID No.": "national_id",
    "Bosnian Personal ID No.": "national_id",
    "Refugee ID Card": "national_id",
    "Stateless Person ID Card": "national_id",
    "Electoral Registry No.": "national_id",
    "SSN": "national_id",
    "Birth Certificate Number": "birth_certificate",
    "Driver's License No.": "drivers_license",
    # banks, vessels, aircraft, online
    "SWIFT/BIC": "swift_bic",
    "BIK (RU)": "bik",
    "D-U-N-S Number": "duns",
    "Vessel Registration Identification": "imo",
    "International Maritime Organization (IMO) Number": "imo",
    "MMSI": "mmsi",
    "Aircraft Manufacturer's Serial Number (MSN)": "aircraft_msn",
    "Aircraft Serial Identification": "aircraft_msn",
    "Aircraft Construction Number (also called L/N or S/N or F/N)": "aircraft_construction",
    "Aircraft Tail Number": "aircraft_tail",
    "Previous Aircraft Tail Number": "aircraft_tail",
    "Aircraft Mode S Transponder Code": "aircraft_mode_s",
    "Website": "website",
    "Email Address": "email",
    "Digital Currency Address - XBT": "crypto_xbt",
    "Digital Currency Address - ETH": "crypto_eth",
    "Digital Currency Address - XMR": "crypto_xmr",
    "Digital Currency Address - LTC": "crypto_ltc",
    "Digital Currency Address - USDT": "crypto_usdt",
    "Digital Currency Address - BCH": "crypto_bch",
    "Digital Currency Address - TRX": "crypto_trx",
    "Digital Currency Address - ZEC": "crypto_zec",
    "Digital Currency Address - DASH": "crypto_dash",
    "Digital Currency Address - BTG": "crypto_btg",
    "Digital Currency Address - ETC": "crypto_etc",
    "Digital Currency Address - BSV": "crypto_bsv",
    "Digital Currency Address - XVG": "crypto_xvg",
    "Digital Currency Address - USDC": "crypto_usdc",
    "Digital Currency Address - ARB": "crypto_arb",
    "Digital Currency Address - BSC": "crypto_bsc",
}

_LABEL_KEYS: Final = {label.casefold(): scheme for label, scheme in ID_LABELS.items()}

_ID_ITEM = re.compile(
    r"^(?:alt\.\s+)?(?P<label>"
    + "|".join(re.escape(label) for label in sorted(ID_LABELS, key=len, reverse=True))
    + r")(?::)?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_VALIDITY = re.compile(r"\s+(?:issued|expires|expired|valid)\b.*$", re.IGNORECASE)
_TRAILING_PAREN = re.compile(r"\s*\(([^()]+)\)\s*$")


def scheme_for_label(label: str) -> str | None:
    """The identifier scheme of an OFAC id label (``"Tax ID No."`` -> ``tax_id``)."""
    return _LABEL_KEYS.get(clean(label).casefold())


def normalise_identifier(scheme: str, value: str) -> str:
    """Drop the wrapping OFAC puts around some values (``"IMO 9187629"`` -> ``9187629``)."""
    value = clean(value).rstrip(".,;")
    if scheme == "imo":
        value = re.sub(r"^IMO\s*", "", value, flags=re.IGNORECASE)
    if scheme == "website":
        value = re.sub(r"^https?://", "", value, flags=re.IGNORECASE).rstrip("/")
    return value


def identifier(scheme: str, value: str, country: str | None = None) -> EntryIdentifier | None:
    text = normalise_identifier(scheme, value)
    if not text:
        return None
    return EntryIdentifier(scheme, text, country_code(country) if country else None)


def parse_identifier_item(item: str) -> EntryIdentifier | None:
    """``"Registration Number HRA 738569 (Stuttgart) (Germany)"`` as an identifier, if it is one.

    A trailing ``(Country)`` becomes the identifier's country; other parentheses stay in the
    value. Validity notes ("issued 10 Sep 2012 expires 09 Sep 2022") are dropped.
    """
    match = _ID_ITEM.match(clean(item).rstrip("."))
    if match is None:
        return None
    scheme = _LABEL_KEYS[match["label"].casefold()]
    rest = _VALIDITY.sub("", match["rest"]).strip()
    country: str | None = None
    paren = _TRAILING_PAREN.search(rest)
    if paren is not None and country_code(paren[1]) is not None:
        country = paren[1]
        rest = rest[: paren.start()]
    if not rest:
        return None
    return identifier(scheme, rest, country)


def split_programs(value: str) -> list[str]:
    """``"SDGT] [NPWMD] [IRGC"`` (the CSV's way of listing several) as a list."""
    return [p for p in (clean(x).strip("[]") for x in re.split(r"\]\s*\[", value)) if p]


_DOB_RANGE = re.compile(r"^(?:.*?\b)?(\d{4})\s+to\s+(?:.*?\b)?(\d{4})$", re.IGNORECASE)


def parse_dob(text: str) -> list[str]:
    """OFAC date-of-birth text as ISO dates/prefixes: ``03 Jan 1952``, ``circa 1960``,
    ``1962 to 1964``, ``01 Jan 1960 to 31 Dec 1962``, ``Dec 1966``."""
    text = clean(text).rstrip(".")
    text = re.sub(r"^(?:circa|approximately|approx\.)\s+", "", text, flags=re.IGNORECASE)
    if m := _DOB_RANGE.match(text):
        return year_range(int(m[1]), int(m[2]))
    parsed = parse_date(text)
    return [parsed] if parsed else []


@dataclass
class Remarks:
    """What `parse_remarks` found in a Remarks field."""

    aliases: list[tuple[str, str]] = field(default_factory=list)  # (kind, name)
    identifiers: list[EntryIdentifier] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)  # as written
    places_of_birth: list[str] = field(default_factory=list)
    linked_to: list[str] = field(default_factory=list)
    gender: str | None = None
    truncated_alias: str | None = None


_ALIAS_START = re.compile(r"(?:alt\.\s+)?([afn])\.k\.a\.,?\s+'", re.IGNORECASE)
_ALIAS_END = re.compile(r"'(?=\s*;\s|\s*\.?\s*$)")
_ITEM_SEP = re.compile(r";\s+|;$")
_DOB = re.compile(r"^(?:alt\.\s+)?DOB\s+(.+)$", re.IGNORECASE)
_NATIONALITY = re.compile(
    r"^(?:alt\.\s+)?(?:nationality|citizen)(?:\s+of\s+registration)?\s+(.+)$", re.IGNORECASE
)
_POB = re.compile(r"^(?:alt\.\s+)?POB\s+(.+)$", re.IGNORECASE)
_GENDER = re.compile(r"^Gender\s+(\w+)", re.IGNORECASE)
_LINKED = re.compile(r"^Linked To:\s+(.+)$", re.IGNORECASE)


def split_remarks(text: str) -> tuple[list[str], str | None]:
    """The ``;``-separated items of a Remarks field, keeping quoted aliases whole.

    Returns the items and, when the field ends inside a quoted alias (the legacy CSV cuts
    long remarks), that incomplete alias.
    """
    items: list[str] = []
    pos = 0
    length = len(text)
    while pos < length:
        while pos < length and text[pos] in " ;.":
            pos += 1
        if pos >= length:
            break
        start = _ALIAS_START.match(text, pos)
        if start is not None:
            end = _ALIAS_END.search(text, start.end())
            if end is None:
                return items, text[start.end() :].strip()
            items.append(text[pos : end.end()])
            pos = end.end()
            continue
        sep = _ITEM_SEP.search(text, pos)
        stop = sep.start() if sep else length
        items.append(text[pos:stop])
        pos = sep.end() if sep else length
    return items, None


def parse_remarks(text: str, *, person: bool) -> Remarks:
    """Aliases, identifiers, dates of birth, nationalities and links in OFAC Remarks text.

    In the legacy CSV the remarks carry OFAC's *weak* aliases (the strong ones are in
    ALT.CSV), so ``a.k.a.`` here is a ``weak_alias``; ``f.k.a.`` is a ``previous_name``.
    """
    found = Remarks()
    items, truncated = split_remarks(clean(text))
    found.truncated_alias = truncated
    for raw in items:
        item = raw.strip()
        if m := _ALIAS_START.match(item):
            name = clean(item[m.end() :].rstrip(".").rstrip().removesuffix("'"))
            if person:
                name = person_name_in_order(name)
            kind = "previous_name" if m[1].lower() == "f" else "weak_alias"
            if name:
                found.aliases.append((kind, name))
            continue
        item = item.rstrip(".")
        if m := _DOB.match(item):
            found.birth_dates.extend(parse_dob(m[1]))
        elif m := _NATIONALITY.match(item):
            found.nationalities.append(m[1])
        elif m := _POB.match(item):
            found.places_of_birth.append(clean(m[1]))
        elif m := _GENDER.match(item):
            found.gender = m[1].lower()
        elif m := _LINKED.match(item):
            found.linked_to.append(clean(m[1]))
        elif (ident := parse_identifier_item(item)) is not None:
            found.identifiers.append(ident)
    return found
