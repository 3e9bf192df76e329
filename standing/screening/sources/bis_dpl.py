"""US Commerce BIS Denied Persons List, tab-separated text with a header row.

Columns: ``Name, Street_Address, City, State, Country, Postal_Code, Effective_Date,
Expiration_Date, Standard_Order, Last_Update, Action, FR_Citation`` (values may be
double-quoted; dates ``MM/DD/YYYY`` except ``Last_Update``, which is ISO). The list has one
row per address, so rows with the same name (case and spacing ignored) are one entry, whose
id is a stable hash of that name (``dpl-<hash>``). The list has no type column: a name with
a company form or an organisation word ("LTD", "AIRLINES", "GMBH") is an organization, any
other name stays "unknown" (most are people, but that is not stated). ``Country`` is an ISO
code; ``Effective_Date`` is the listing date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from standing.screening.model import Entry
from standing.screening.sources._common import (
    NameList,
    ParseResult,
    Source,
    countries_of,
    csv_records,
    decode_text,
    invalid,
    looks_like_organization,
    parse_date,
    read_source,
    stable_id,
    unique,
)

FORMAT_ID = "bis_dpl"
DEFAULT_SOURCE = "us_bis_dpl"
TITLE = "US BIS Denied Persons List (tab-separated)"

COLUMNS: Final = (
    "name",
    "street_address",
    "city",
    "state",
    "country",
    "postal_code",
    "effective_date",
    "expiration_date",
    "standard_order",
    "last_update",
    "action",
    "fr_citation",
)
PROGRAM: Final = "BIS Denied Persons List"


@dataclass
class _Group:
    line: int
    name: str
    rows: list[dict[str, str]] = field(default_factory=list)


def _date(value: str, filename: str, line: int, column: str) -> str | None:
    if not value:
        return None
    parsed = parse_date(value, day_first=False)
    if parsed is None:
        raise invalid(filename, line, f"{column} is not a date: {value!r}")
    return parsed


def parse(src: Source, *, name: str | None = None, source: str = DEFAULT_SOURCE) -> ParseResult:
    data, filename = read_source(src, name)
    text = decode_text(data, filename, ("utf-8-sig", "cp1252", "latin-1"))
    groups: dict[str, _Group] = {}
    for line, row in csv_records(
        text, filename, delimiter="\t", required=("name", "country", "effective_date")
    ):
        row["_line"] = str(line)
        if not row["name"]:
            raise invalid(filename, line, "Name is empty")
        for column in ("effective_date", "expiration_date"):
            row[column] = _date(row.get(column, ""), filename, line, column) or ""
        key = row["name"].casefold()
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Group(line, row["name"])
        group.rows.append(row)

    warnings: list[str] = []
    entries: list[Entry] = []
    for group in groups.values():
        names = NameList()
        names.add(group.name)
        rows = group.rows
        countries = countries_of(
            [r.get("country", "") for r in rows], warnings, f"{filename}:{group.line}"
        )
        effective = sorted(r["effective_date"] for r in rows if r["effective_date"])
        expires = sorted(r["expiration_date"] for r in rows if r["expiration_date"])
        addresses = [
            ", ".join(
                v
                for v in (
                    r.get(k, "")
                    for k in ("street_address", "city", "state", "postal_code", "country")
                )
                if v
            )
            for r in rows
        ]
        extra = {
            "addresses": "; ".join(unique(addresses)),
            "fr_citation": "; ".join(unique(r.get("fr_citation", "") for r in rows)),
            "action": "; ".join(unique(r.get("action", "") for r in rows)),
            "standard_order": "; ".join(unique(r.get("standard_order", "") for r in rows)),
        }
        if expires:
            extra["expiration_date"] = expires[-1]
        entries.append(
            Entry(
                source=source,
                entry_id=f"dpl-{stable_id(group.name)}",
                kind="organization" if looks_like_organization(group.name) else "unknown",
                names=names.names(),
                countries=unique(countries),
                programs=(PROGRAM,),
                listed_on=effective[0] if effective else None,
                extra={k: v for k, v in extra.items() if v},
            )
        )
    return ParseResult(entries=tuple(entries), warnings=tuple(warnings))
