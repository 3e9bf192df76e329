"""What two names had in common and what was left over: the name evidence of a hit.

`NameScore` is the score of one query name against one entry name with the token pairs that
matched (`TokenPair`) and the words of each side left over; `describe` renders it as the
`features["name"]` document of a hit, and `explain_name` reads that back in a few words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from standing.screening.normalize import NormalizedName


class TokenPair(NamedTuple):
    """Words of the query and of the entry that matched (several words when joined or
    abbreviated), how they matched (see `standing.screening.similarity`) and how well."""

    query: str
    entry: str
    how: str
    similarity: float


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    method: str
    query: NormalizedName
    entry: NormalizedName
    pairs: tuple[TokenPair, ...] = ()
    query_extra: tuple[str, ...] = ()
    entry_extra: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        out = self._describe()
        if self.method == "brand":
            # a brand inside a longer registered name: which words matched, which were left
            out["brand"] = {
                "matched": [pair.entry for pair in self.pairs],
                "left_over": list(self.entry_extra),
                "legal_forms": list(self.entry.legal_forms),
            }
        return out

    def _describe(self) -> dict[str, Any]:
        return {
            "query": self.query.original,
            "entry": self.entry.original,
            "query_form": self.query.display,
            "entry_form": self.entry.display,
            "method": self.method,
            "score": round(self.score, 4),
            "tokens": [
                f"{query}={entry} ({how} {similarity:.2f})"
                for query, entry, how, similarity in self.pairs
            ],
            "query_extra": list(self.query_extra),
            "entry_extra": list(self.entry_extra),
            "transliterated": self.query.transliterated or self.entry.transliterated,
        }


def method_of(pairs: tuple[TokenPair, ...], query_left: float, entry_left: float) -> str:
    """How two names matched, from their token pairs and the weight each side left over:
    word for word ("token_set"), the query being the entry without some of its words
    ("brand"), or with some words only alike ("fuzzy")."""
    if all(pair.how == "exact" for pair in pairs):
        if query_left == 0.0 and entry_left > 0.0:
            return "brand"  # the query is the entry's name without some of its words
        return "token_set"
    return "fuzzy"


def explain_name(feature: Any) -> str:
    """A hit's name evidence in a few words, from `features["name"]`: how it matched, and for
    a brand inside a longer registered name which words matched and which were left over
    ("brand: velotek; left over: shenzhen digital technology"), and for a name read in English
    which words were read as what ("token_set; read in English: 三峡=Three Gorges")."""
    if not isinstance(feature, dict):
        return ""
    method = str(feature.get("method", ""))
    brand = feature.get("brand")
    if method == "brand" and isinstance(brand, dict):
        matched = " ".join(str(w) for w in brand.get("matched", []))
        left = " ".join(str(w) for w in brand.get("left_over", []))
        method = f"brand: {matched}; left over: {left}" if left else f"brand: {matched}"
    read = feature.get("read_in_english")
    if isinstance(read, dict) and read:
        # a name read in English: "read in English: 东方航空=China Eastern Airlines"
        words = ", ".join(str(w) for side in ("query", "entry") for w in read.get(side, []))
        method = f"{method}; read in English: {words}"
    return method
