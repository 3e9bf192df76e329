"""One matcher and the list entries the name-reading tests score against: an organisation or
a person listed under one name."""

from __future__ import annotations

from standing.screening.match import Matcher, Query, Screener
from standing.screening.model import Entry, EntryName

matcher = Matcher()


def company(name: str) -> Entry:
    return Entry(source="t", entry_id=name, kind="organization", names=(EntryName(name),))


def organisation(*names: str, entry_id: str | None = None) -> Entry:
    """An organisation listed under all of `names` (its id the first unless given)."""
    return Entry(
        source="test",
        entry_id=entry_id or names[0],
        kind="organization",
        names=tuple(EntryName(n) for n in names),
    )


def listed_in(name: str, country: str) -> Entry:
    """An organisation listed under `name` with its country."""
    return Entry(
        source="test",
        entry_id=name,
        kind="organization",
        names=(EntryName(name),),
        countries=(country,),
    )


def score_in(query: str, name: str, country: str) -> float:
    """The score of a company query against an organisation of `country` named `name`."""
    return matcher.score(Query.of(query, schema="Company"), listed_in(name, country)).score


def company_query(name: str) -> Query:
    return Query.of(name, schema="Company")


def person(name: str) -> Entry:
    return Entry(source="t", entry_id=name, kind="person", names=(EntryName(name),))


def score(query: str, listed: str, schema: str = "Company") -> float:
    """The score of a query under `schema` against an entry of that kind named `listed`."""
    entry = person(listed) if schema == "Person" else company(listed)
    return matcher.score(Query.of(query, schema=schema), entry).score


def matched_ids(screener: Screener, name: str) -> set[str]:
    """The ids of the entries screening a company named `name` matches."""
    return {h.entry.entry_id for h in screener.screen(company_query(name)) if h.match}
