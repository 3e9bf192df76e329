"""Scoring parties against list entries: `Matcher` (one query against one entry), `Screener`
(a query against one list version, through a candidate index) and `PartyIndex` (an entry
against the parties, for re-screening after a list update)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final

from standing.screening.index import DEFAULT_LIMIT, NameIndex
from standing.screening.match.adjustments import adjust, legal_conflict
from standing.screening.match.config import DEFAULT_CONFIG, DEFAULT_THRESHOLD, REPORT_FLOOR
from standing.screening.match.evidence import NameScore
from standing.screening.match.parties import Prepared, Query
from standing.screening.match.scoring import FLAT, TokenWeights, compare_names
from standing.screening.model import Entry
from standing.screening.normalize import NormalizedName, normalize_name

_WEAK_ALIAS: Final = DEFAULT_CONFIG.weak_alias
_ACRONYM_SPELLED_OTHERWISE: Final = DEFAULT_CONFIG.acronym_spelled_otherwise
_LEGAL_JURISDICTION_CONFLICT: Final = DEFAULT_CONFIG.legal_jurisdiction_conflict
#: A name and another that the list gives to one organisation ("Chongsong Yonhap" and
#: "Green Pine Associated Corporation"), as an acronym the list knows is its name's.
_SIM_LISTED_TOGETHER: Final = DEFAULT_CONFIG.sim_acronym_known
_LISTED_TOGETHER: Final = "the list gives both names to one organisation"
#: How alike an organisation's other name and the entry's are for the list's name to be the
#: entry's too.
_LISTED_ALIKE: Final = 0.95
#: Letters of a word two names nearly the same share at the start of one word at least.
_HEAD: Final = 3


@dataclass(frozen=True, slots=True)
class MatchResult:
    """A hit: the entry, its best-matching name, a calibrated score and the evidence."""

    score: float
    match: bool
    features: dict[str, Any] = field(hash=False, compare=False)
    entry: Entry
    matched_name: str


class Matcher:
    """Scores queries against entries; token rarity comes from `weights` (an index)."""

    def __init__(
        self, weights: TokenWeights | None = None, threshold: float = DEFAULT_THRESHOLD
    ) -> None:
        self.weights: TokenWeights = weights or FLAT
        self.threshold = threshold

    def __reduce__(self) -> tuple[Any, ...]:
        return type(self), (self.weights, self.threshold)

    def score(self, query: Query, entry: Entry) -> MatchResult:
        return self.score_prepared(Prepared.from_query(query), Prepared.from_entry(entry), entry)

    def score_prepared(
        self,
        query: Prepared,
        prepared: Prepared,
        entry: Entry,
        entry_names: Iterable[int] | None = None,
    ) -> MatchResult:
        """The query against the entry (`prepared` is its prepared form), by its best pair of
        names (among the entry's names at `entry_names`, all when None)."""
        best, best_weak, best_pos, query_pos = self._best_names(query, prepared, entry_names)
        name_score = best.score * (_WEAK_ALIAS if best_weak else 1.0)
        rendered = _rendered(query, query_pos, best.query, prepared, best_pos, best.entry)
        score, features = adjust(name_score, best, query, prepared, rendered)
        features["name"] = best.describe()
        features["name"]["weak_alias"] = best_weak
        read = {
            side: list(words)
            for side, words in (
                ("query", query.read_in_english(query_pos)),
                ("entry", prepared.read_in_english(best_pos)),
            )
            if words
        }
        if read:
            # the name was read in English: which words, as what ("东方航空=China Eastern
            # Airlines")
            features["name"]["read_in_english"] = read
        features["name_score"] = round(name_score, 4)
        score = max(0.0, min(1.0, score))
        return MatchResult(
            score=round(score, 4),
            match=score >= self.threshold,
            features=features,
            entry=entry,
            matched_name=prepared.listed[best_pos]
            if 0 <= best_pos < len(prepared.listed)
            else best.entry.original,
        )

    def _best_names(
        self, query: Prepared, entry: Prepared, entry_names: Iterable[int] | None
    ) -> tuple[NameScore, bool, int, int]:
        """The best-scoring pair of names, whether the entry's is a weak alias, its position
        and the query name's. The best name is chosen after what depends on the name (an
        alias with a legal form of another jurisdiction must not hide a better one)."""
        best: NameScore | None = None
        best_weak = False
        best_pos = -1
        query_pos = -1
        positions = range(len(entry.names)) if entry_names is None else entry_names
        best_value = -1.0
        weights = self.weights
        spelled = entry.spelled
        # names read word for word as generic words: most parties have none
        query_generic, entry_generic = query.generic_read, entry.generic_read
        own: frozenset[str] | None = None  # the keys of the entry's names, when needed
        for query_at, query_name in enumerate(query.names):
            for pos in positions:
                entry_name = entry.names[pos]
                # a generic name read in English; when the query is the one read, the
                # countries of the language it was written in
                query_home = query_generic[query_at] if query_generic else None
                read = query_home is not None or bool(
                    entry_generic and entry_generic[pos] is not None
                )
                scored = compare_names(
                    query_name,
                    entry_name,
                    weights,
                    entry.countries,
                    read,
                    query_home or frozenset(),
                )
                if (
                    spelled
                    and spelled[pos]
                    and scored.score > _ACRONYM_SPELLED_OTHERWISE
                    and _acronym_spelled_otherwise(scored, spelled[pos])
                ):
                    scored = scored.capped(_ACRONYM_SPELLED_OTHERWISE)
                if (
                    scored.score < _SIM_LISTED_TOGETHER
                    and query_name.kind != "person"
                    and weights.listed_together(query_name, entry_name)
                ):
                    scored = scored.raised(_SIM_LISTED_TOGETHER, _LISTED_TOGETHER)
                elif scored.score < _SIM_LISTED_TOGETHER and query_name.kind != "person":
                    if own is None:
                        own = frozenset(n.key for n in entry.names)
                    scored = _listed_alike(
                        scored, query_name, entry_name, weights, entry.countries, own
                    )
                value = scored.score * (_WEAK_ALIAS if entry.weak[pos] else 1.0)
                if value > best_value and legal_conflict(
                    query_name,
                    entry_name,
                    query,
                    entry,
                    _rendered(query, query_at, query_name, entry, pos, entry_name),
                ):
                    value *= _LEGAL_JURISDICTION_CONFLICT
                if value > best_value:
                    best, best_weak, best_pos, best_value = scored, entry.weak[pos], pos, value
                    query_pos = query_at
        if best is None:
            empty = normalize_name("", query.kind)
            best = NameScore(0.0, "none", query.names[0] if query.names else empty, empty)
        return best, best_weak, best_pos, query_pos


def _acronym_spelled_otherwise(scored: NameScore, acronym: str) -> bool:
    """Whether the names matched only as the entry's acronym ("MTS") standing for the
    query's words while the entry writes that acronym out in other words: "Modern Trade
    Solutions" is not "MTS" when the entry says it is "Mobile TeleSystems" (the words it
    writes, had the query used them, would have matched better than the acronym)."""
    pairs = scored.pairs
    return (
        len(pairs) == 1
        and pairs[0].how == "initials"
        and pairs[0].entry == acronym
        and " " in pairs[0].query
    )


class _Indexed:
    """Prepared names behind a candidate index, a matcher, and identifier postings: what both
    directions of screening (names against a list, an entry against the parties) search."""

    def __init__(self, prepared: list[Prepared], threshold: float, candidates: int) -> None:
        self.prepared = prepared
        self.index = NameIndex([p.names for p in prepared], [p.readings() for p in prepared])
        self.matcher = Matcher(self.index, threshold)
        self.threshold = threshold
        self.candidates = candidates
        self._by_identifier: dict[str, list[int]] = {}
        for item, party in enumerate(prepared):
            for value in party.identifiers:
                self._by_identifier.setdefault(value, []).append(item)

    #: The attributes pickled (a subclass adds its own).
    _STATE: ClassVar[tuple[str, ...]] = (
        *("prepared", "index", "matcher", "threshold", "candidates", "_by_identifier"),
    )

    def __reduce__(self) -> tuple[Any, ...]:
        """Built empty, then given its state: compiled (`standing.screening.native`), a
        class cannot be made without its ``__init__``."""
        return type(self), ([],), {name: getattr(self, name) for name in self._STATE}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in self._STATE:
            setattr(self, name, state[name])


class Screener(_Indexed):
    """Screens queries against one list version through a candidate index.

    Built once per list version (15-18 s of CPU for 100,000 entries, bench/screening.py). A
    long-lived process holding a large screener does well to call `gc.freeze()` after
    building it, so that the cyclic garbage collector stops rescanning the index's objects.
    """

    def __init__(
        self,
        entries: Sequence[Entry],
        threshold: float = DEFAULT_THRESHOLD,
        candidates: int = DEFAULT_LIMIT,
    ) -> None:
        self.entries = list(entries)
        super().__init__([Prepared.from_entry(e) for e in self.entries], threshold, candidates)

    _STATE: ClassVar[tuple[str, ...]] = (*_Indexed._STATE, "entries")

    def __len__(self) -> int:
        return len(self.entries)

    def screen(
        self,
        query: Query,
        threshold: float | None = None,
        limit: int = 10,
        floor: float = REPORT_FLOOR,
    ) -> list[MatchResult]:
        """Hits at or above min(floor, threshold), best first; `match` marks the threshold."""
        return self.screen_prepared(Prepared.from_query(query), threshold, limit, floor)

    def screen_prepared(
        self,
        query: Prepared,
        threshold: float | None = None,
        limit: int = 10,
        floor: float = REPORT_FLOOR,
    ) -> list[MatchResult]:
        cut = self.threshold if threshold is None else threshold
        report = min(floor, cut)
        hits: list[MatchResult] = []
        id_hits = self._identifier_candidates(query)
        candidates = self.index.candidates(query.names, self.candidates)
        seen: set[int] = set()
        for item in id_hits:
            seen.add(item)
            hits.append(self.matcher.score_prepared(query, self.prepared[item], self.entries[item]))
        for candidate in candidates:
            if candidate.item in seen:
                continue
            seen.add(candidate.item)
            hits.append(
                self.matcher.score_prepared(
                    query,
                    self.prepared[candidate.item],
                    self.entries[candidate.item],
                    candidate.names,
                )
            )
        out = [
            MatchResult(hit.score, hit.score >= cut, hit.features, hit.entry, hit.matched_name)
            for hit in hits
            if hit.score >= report
        ]
        out.sort(key=lambda hit: -hit.score)
        return out[:limit]

    def _identifier_candidates(self, query: Prepared) -> list[int]:
        out: list[int] = []
        for value in query.identifiers:
            out.extend(self._by_identifier.get(value, ()))
        return out


class PartyIndex(_Indexed):
    """The reverse direction: an index over parties, to re-screen them against changed entries.

    A list update changes a few hundred entries; re-screening every party means asking, for
    each changed entry, which parties' names are near it. The index over parties is built
    once and kept; each changed entry is one lookup.
    """

    def __init__(
        self,
        parties: Sequence[Query],
        threshold: float = DEFAULT_THRESHOLD,
        candidates: int = 50,
    ) -> None:
        self.parties = list(parties)
        super().__init__([Prepared.from_query(p) for p in self.parties], threshold, candidates)

    _STATE: ClassVar[tuple[str, ...]] = (*_Indexed._STATE, "parties")

    def screen_entry(
        self, entry: Entry, threshold: float | None = None
    ) -> list[tuple[Query, MatchResult]]:
        """Parties that match `entry` at or above the threshold, best first."""
        cut = self.threshold if threshold is None else threshold
        prepared = Prepared.from_entry(entry)
        out: list[tuple[Query, MatchResult]] = []
        items = [c.item for c in self.index.candidates(prepared.names, self.candidates)]
        for value in prepared.identifiers:
            items.extend(self._by_identifier.get(value, ()))
        for item in dict.fromkeys(items):
            result = self.matcher.score_prepared(self.prepared[item], prepared, entry)
            if result.score >= cut:
                out.append((self.parties[item], result))
        out.sort(key=lambda party_result: -party_result[1].score)
        return out


def _listed_alike(
    scored: NameScore,
    query: NormalizedName,
    entry: NormalizedName,
    weights: TokenWeights,
    countries: frozenset[str],
    own: frozenset[str] = frozenset(),
) -> NameScore:
    """`scored`, raised when the list gives the query's name to an organisation whose other
    name is alike the entry's ("TsNIIKhM", listed with "Central Research Institute of
    Chemistry and Mechanics", against "FGUP Central Scientific Research Institute of
    Chemistry and Mechanics"), or the entry's name to one whose other name is alike the
    query's ("Rossiyskiye Zheleznyye Dorogi" against "Russian Railways", listed with
    "Rossiiskie Zheleznye Dorogi"; not the names the entry has itself, `own`, already
    scored): to how alike they are, times `sim_acronym_known`, when they are nearly the same
    (`_LISTED_ALIKE`)."""
    scored = _raised_if_alike(
        scored,
        weights.listed_names(query),
        entry,
        lambda other: compare_names(other, entry, weights, countries).score,
        "the list gives the name to {!r}",
    )
    return _raised_if_alike(
        scored,
        [o for o in weights.listed_names(entry, one_word=False) if o.key not in own],
        query,
        lambda other: compare_names(query, other, weights, countries).score,
        "the list gives the entry's name to {!r} too",
    )


def _raised_if_alike(
    scored: NameScore,
    others: list[NormalizedName],
    name: NormalizedName,
    alike_to: Callable[[NormalizedName], float],
    why: str,
) -> NameScore:
    """`scored` raised to `sim_acronym_known` times how alike `name` and the nearest of
    `others` are (`alike_to`), when they are nearly the same (`_LISTED_ALIKE`: one word more
    or less names another body of a brand, "JSC EDB Fakel" is not the "Fakel Machine-Building
    Design Bureau"), saying `why`. Names with no word's first letters in common are not
    compared."""
    heads: frozenset[str] | None = None
    for other in others:
        if heads is None:
            heads = frozenset(t[:_HEAD] for t in name.tokens)
        if heads.isdisjoint(t[:_HEAD] for t in other.tokens):
            continue
        alike = alike_to(other)
        if alike >= _LISTED_ALIKE and alike * _SIM_LISTED_TOGETHER > scored.score:
            scored = scored.raised(alike * _SIM_LISTED_TOGETHER, why.format(other.original))
    return scored


def _rendered(
    query: Prepared,
    query_at: int,
    query_name: NormalizedName,
    entry: Prepared,
    pos: int,
    entry_name: NormalizedName,
) -> bool:
    """Whether one of the two names is its side's read in English and the other, not read,
    has English words of that reading: an English name against a name in another language
    ("Turkish Petroleum Corporation" / "Türkiye Petrolleri A.O.", read "Turkey Petroleum
    A.O."), whose legal form the English name renders as it likes. Not the same words
    transliterated under two forms ("Navis Elektronika Corp" / "AO Navis Elektronika")."""
    query_read, entry_read = query.read_in_english(query_at), entry.read_in_english(pos)
    if bool(query_read) == bool(entry_read):
        return False
    words, other = (entry_read, query_name) if entry_read else (query_read, entry_name)
    english = {w for item in words for w in item.partition("=")[2].lower().split()}
    return not english.isdisjoint(other.tokens)
