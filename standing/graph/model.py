"""The ownership graph as plain data: parties, their names, ownership edges and accounts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Name:
    value: str
    kind: str = "name"  # name | alias | previousName | weakAlias | abbreviation
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Identifier:
    scheme: str  # registrationNumber | leiCode | website | innCode | ...
    value: str


@dataclass(frozen=True, slots=True)
class Party:
    id: str
    schema: str
    names: tuple[Name, ...]
    countries: tuple[str, ...] = ()
    identifiers: tuple[Identifier, ...] = ()

    @property
    def caption(self) -> str:
        for name in self.names:
            if name.kind == "name":
                return name.value
        return self.names[0].value if self.names else self.id

    def mentions(self) -> tuple[str, ...]:
        """Every string that identifies this party in prose: names and identifier values."""
        return tuple(n.value for n in self.names) + tuple(i.value for i in self.identifiers)


@dataclass(frozen=True, slots=True)
class Ownership:
    id: str
    owner: str
    asset: str
    share: float  # percent, 0..100


@dataclass(frozen=True, slots=True)
class Account:
    id: str
    owner: str | None
    service: str
    username: str
    created_at: date | None = None  # when the account was opened, if known


@dataclass(slots=True)
class Graph:
    """An in-memory view of (part of) the graph, for propagation and explanations."""

    parties: dict[str, Party] = field(default_factory=dict)
    ownerships: list[Ownership] = field(default_factory=list)
    accounts: dict[str, Account] = field(default_factory=dict)
