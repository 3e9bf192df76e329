"""Restriction-list entries and screening hits as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

from standing.documents import fields_json

ENTRY_KINDS = ("person", "organization", "vessel", "aircraft", "unknown")

T = TypeVar("T")


class HitStatus(StrEnum):
    """Where a screening hit stands: open until reviewed (confirmed or dismissed), or closed
    by a new list version that no longer lists the entry (delisted) or changed it
    (superseded; it is screened again as it now reads)."""

    open = "open"
    confirmed = "confirmed"
    dismissed = "dismissed"
    superseded = "superseded"
    delisted = "delisted"


class HitAction(StrEnum):
    """What a review does with an open hit: confirm it (record a decision) or dismiss it."""

    confirm = "confirm"
    dismiss = "dismiss"


@dataclass(frozen=True, slots=True)
class HitView:
    """A stored screening hit as the review queue gives it."""

    id: str
    party: str
    party_name: str | None
    source: str
    entry: str
    name: str
    score: float
    by_identifier: bool
    features: dict[str, Any] = field(hash=False)
    status: str  # a HitStatus
    created_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None
    note: str | None
    decision: str | None


def hit_view_json(hit: HitView) -> dict[str, Any]:
    """A stored hit as the API and the CLI give it."""
    return {
        "id": hit.id,
        "party": hit.party,
        "party_name": hit.party_name,
        "source": hit.source,
        "entry": hit.entry,
        "name": hit.name,
        "score": hit.score,
        "by_identifier": hit.by_identifier,
        "features": hit.features,
        "status": hit.status,
        "created_at": hit.created_at.isoformat(),
        "reviewed_by": hit.reviewed_by,
        "reviewed_at": hit.reviewed_at.isoformat() if hit.reviewed_at else None,
        "note": hit.note,
        "decision": hit.decision,
    }


@dataclass(frozen=True, slots=True)
class ScreenHit:
    """A name screened against a list version's entry: the contract's fields (``match``: the
    score reaches the source's threshold); the features carry the evidence and ``listing``
    (what the list says of the entry and the version)."""

    source: str
    entry: str
    name: str
    score: float
    match: bool
    features: dict[str, Any] = field(hash=False)

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


@dataclass(frozen=True, slots=True)
class ListVersion:
    """An imported version of a restriction list: its file, and what changed from the one
    before."""

    source: str
    version: int
    file: str
    sha256: str
    format: str
    entries: int
    added: int
    removed: int
    changed: int
    imported_at: datetime
    actor: str

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


#: The enums' values as plain strings (JSON keys, messages and ``repr`` read as before).
HIT_STATUSES: tuple[str, ...] = tuple(s.value for s in HitStatus)
HIT_ACTIONS: tuple[str, ...] = tuple(a.value for a in HitAction)


def plain_state(cls: type[T]) -> type[T]:
    """Pickle a frozen, slotted dataclass as a tuple of its field values.

    The dataclass default looks its fields up again for every object it restores; a built
    screener holds a hundred thousand such objects, and reading it back from the screening
    cache would spend most of its time there."""
    names = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    setter = object.__setattr__

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return tuple([getattr(self, n) for n in names])

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for n, v in zip(names, state, strict=True):
            setter(self, n, v)

    cls.__getstate__ = __getstate__  # type: ignore[method-assign]
    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls


@plain_state
@dataclass(frozen=True, slots=True)
class EntryName:
    value: str
    kind: str = "name"  # name | alias | weak_alias | previous_name | original_script
    lang: str | None = None  # ISO 639 code where the source gives one
    script: str | None = None  # ISO 15924 (Latn, Cyrl, Arab, Hani...) where known


@plain_state
@dataclass(frozen=True, slots=True)
class EntryIdentifier:
    scheme: str  # registration_number | lei | imo | passport | national_id | tax_id | ...
    value: str
    country: str | None = None


@plain_state
@dataclass(frozen=True, slots=True)
class Entry:
    """One listed party of one list version, keeping the source's own id."""

    source: str  # source id, e.g. us_ofac_sdn
    entry_id: str  # the source's own id: OFAC ent_num, UN reference number, FtM id...
    kind: str  # one of ENTRY_KINDS
    names: tuple[EntryName, ...]
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, lower case
    identifiers: tuple[EntryIdentifier, ...] = ()
    birth_dates: tuple[str, ...] = ()  # ISO dates or prefixes (YYYY, YYYY-MM)
    programs: tuple[str, ...] = ()  # programme / regime / legal basis
    listed_on: str | None = None
    remarks: str | None = None
    extra: dict[str, str] = field(default_factory=dict, hash=False, compare=True)

    @property
    def caption(self) -> str:
        for name in self.names:
            if name.kind == "name":
                return name.value
        return self.names[0].value if self.names else self.entry_id
