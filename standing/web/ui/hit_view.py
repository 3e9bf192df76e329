"""A screening hit as a reviewer reads it: which parts of the party's name matched which
parts of the listed name, how (equal, transliterated, an edit away ...) and how closely, and
what was left over on each side (from the explanation the matcher stores with the hit)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_TOKEN = re.compile(r"^(?P<query>.*?)=(?P<entry>.*) \((?P<how>[^()]*?) (?P<sim>[0-9.]+)\)$")


@dataclass(frozen=True)
class Pair:
    ours: str
    listed: str
    how: str
    similarity: float | None


@dataclass(frozen=True)
class NameParts:
    ours: str
    listed: str
    method: str
    pairs: list[Pair] = field(default_factory=list)
    ours_left: list[str] = field(default_factory=list)
    listed_left: list[str] = field(default_factory=list)
    transliterated: bool = False
    identifier: str | None = None


def name_parts(hit: dict[str, Any]) -> NameParts:
    """The name parts of a hit (as `standing.screening.service.hits` gives it)."""
    found_features = hit.get("features")
    features: dict[str, Any] = found_features if isinstance(found_features, dict) else {}
    found_name = features.get("name")
    name: dict[str, Any] = found_name if isinstance(found_name, dict) else {}
    pairs = []
    for token in name.get("tokens", ()):
        found = _TOKEN.match(str(token))
        if found:
            pairs.append(Pair(found["query"], found["entry"], found["how"], float(found["sim"])))
        else:
            pairs.append(Pair(str(token), "", "", None))
    found_identifier = features.get("identifier")
    identifier: dict[str, Any] = found_identifier if isinstance(found_identifier, dict) else {}
    equal = identifier.get("equal")
    return NameParts(
        ours=str(name.get("query", hit.get("party_name") or hit.get("party", ""))),
        listed=str(name.get("entry", hit.get("name", ""))),
        method=str(name.get("method", "identifier" if equal else "")),
        pairs=pairs,
        ours_left=[str(t) for t in name.get("query_extra", ())],
        listed_left=[str(t) for t in name.get("entry_extra", ())],
        transliterated=bool(name.get("transliterated")),
        identifier=", ".join(str(v) for v in equal) if isinstance(equal, list) and equal else None,
    )
