"""FCC Covered List (Secure and Trusted Communications Networks Act), CSV.

Two columns, ``covered_equipment_or_services, date_of_inclusion_on_covered_list``; each row
is prose naming what is covered and, usually, the company that produces or provides it:

* "Telecommunications equipment produced by Huawei Technologies Company, including ..."
* "... supplied, directly or indirectly, by AO Kaspersky Lab or any of its predecessors ..."
* "... provided by China Mobile International USA Inc. subject to section 214 ..."
* "... provided by Pacific Networks Corp and its wholly-owned subsidiary ComNet (USA) LLC
  subject to ..." (two companies)

The company names are taken out of the prose (``produced``/``provided``/``supplied`` ... ``by``
NAME, up to ", including", ", to the extent", " or any of its", " subject to" or the end of
the sentence); the row's prose is the entry's remarks and its first date the listing date
(later "Updated:" dates go to ``extra["updated"]``). Entry ids are slugs of the company name
(``ao-kaspersky-lab``), stable across versions. Rows that name no company (categories such
as "Routers produced in a foreign country") are not parties: they are reported in the
warnings and left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from standing.screening.model import Entry
from standing.screening.sources._common import (
    NameList,
    ParseResult,
    Source,
    clean,
    csv_records,
    decode_text,
    invalid,
    parse_date,
    read_source,
    slugify,
)

FORMAT_ID = "fcc_csv"
DEFAULT_SOURCE = "us_fcc_covered"
TITLE = "FCC Covered List (CSV, prose rows)"
PROGRAM: Final = "FCC Covered List (Secure and Trusted Communications Networks Act)"

HEADER: Final = ("covered_equipment_or_services", "date_of_inclusion_on_covered_list")

_END = (
    r"(?=,?\s+(?:including\b|to the extent\b|or any of (?:its|their)\b|subject to\b|"
    r"and its (?:wholly[- ]owned )?subsidiar(?:y|ies)\b)|\.?\s*$)"
)
_PRODUCER = re.compile(
    r"\b(?:produced|provided|supplied|manufactured|offered)"
    r"(?:\s+or\s+(?:produced|provided|supplied))?"
    r"(?:,\s*directly\s+or\s+indirectly,)?\s+by\s+(?P<name>[A-Z0-9][^,]*?(?:,\s*(?:Inc|Ltd|LLC|Co|Corp)\.?)?)"
    + _END
)
_SUBSIDIARY = re.compile(
    r"\band its (?:wholly[- ]owned )?subsidiar(?:y|ies)\s+(?P<name>[A-Z0-9].*?)" + _END
)
_NOT_A_PARTY = re.compile(r"^(?:DoW|DHS|DoD|the\b|such\b)", re.IGNORECASE)
_DATE = re.compile(r"[A-Z][a-z]+\.? \d{1,2}, \d{4}")


@dataclass(frozen=True, slots=True)
class CoveredCompany:
    name: str
    parent: str | None = None


def extract_companies(prose: str) -> list[CoveredCompany]:
    """The companies a Covered List row names, in order (parent before subsidiary)."""
    text = clean(prose)
    found: list[CoveredCompany] = []
    for match in _PRODUCER.finditer(text):
        name = clean(match["name"]).rstrip(",;")
        if not name or _NOT_A_PARTY.match(name):
            continue
        found.append(CoveredCompany(name))
        tail = text[match.end() :]
        for sub in _SUBSIDIARY.finditer(tail):
            sub_name = clean(sub["name"]).rstrip(",;")
            if sub_name:
                found.append(CoveredCompany(sub_name, parent=name))
    return found


def parse(src: Source, *, name: str | None = None, source: str = DEFAULT_SOURCE) -> ParseResult:
    data, filename = read_source(src, name)
    text = decode_text(data, filename, ("utf-8-sig", "cp1252"))
    warnings: list[str] = []
    entries: dict[str, Entry] = {}
    for line, cells in csv_records(text, filename, required=HEADER, allowed=HEADER):
        prose, when = cells[HEADER[0]], cells[HEADER[1]]
        if not prose:
            raise invalid(filename, line, "covered_equipment_or_services is empty")
        dates = [d for d in (parse_date(m) for m in _DATE.findall(when)) if d]
        if not dates:
            raise invalid(filename, line, f"no date of inclusion in {when!r}")
        companies = extract_companies(prose)
        if not companies:
            warnings.append(f"{filename}:{line}: names no company ({prose[:60]}...), left out")
            continue
        for company in companies:
            entry_id = slugify(company.name)
            names = NameList()
            names.add(company.name)
            extra: dict[str, str] = {}
            if company.parent:
                extra["parent"] = company.parent
            if len(dates) > 1:
                extra["updated"] = ",".join(dates[1:])
            if entry_id in entries:
                warnings.append(f"{filename}:{line}: {company.name!r} named again, kept once")
                continue
            entries[entry_id] = Entry(
                source=source,
                entry_id=entry_id,
                kind="organization",
                names=names.names(),
                programs=(PROGRAM,),
                listed_on=dates[0],
                remarks=prose,
                extra=extra,
            )
    return ParseResult(entries=tuple(entries.values()), warnings=tuple(warnings))
