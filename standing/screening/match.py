"""Scoring a party against list entries: a 0..1 score and the features a reviewer reads.

`Matcher.score(query, entry)` compares every name of the query with every name of the entry
(after `standing.screening.normalize`) and keeps the best pair, then adjusts for the other
evidence:

- names: tokens are aligned one-to-one (exact, initial, edit distance, inflection prefix,
  phonetic; see `standing.screening.similarity`), under the script model of the pair when
  one side was written in Arabic script, Hebrew, Hangul or Han (`script_mode`: letter
  classes of the abjad, Korean and Chinese syllable spellings;
  `standing.screening.romanize`); joined neighbours are tried for split spellings ("Hua Wei"
  / "Huawei", "حزب الله" / "Hezbollah"), and an abjad name is also compared whole, spaces
  and attached articles ignored ("Salahaldin"). A list name that gives alternatives
  ("Al-Qa'ida/Islamic Army") is compared by each part too, and a name in kanji or kana by
  its Japanese reading too. In a person's name, a leftover four-letter name one letter off
  its counterpart counts for part ("Ssad" / "Asad"), and a given name and surname found
  within a long listed name (father's, grandfather's, tribal names) are not outweighed by
  the names the query lacks. A whole query name never counts as an entry's initial while
  one of the entry's whole names is left over ("David Lee" / "David L. Maricola"), and the
  later part of a hyphenated surname without its first part counts little ("John Smith" /
  "John B. Pridmore-Smith"). Each token weighs its rarity in the indexed list (IDF) times
  its class weight (generic words and places count little). The name score is covered /
  (covered + lost + unmatched query weight + a share of unmatched entry weight): a query
  that is a brand or short form of the entry's full legal name ("Siemens" / "Siemens
  Aktiengesellschaft", "Kaspersky Lab" / "AO Kaspersky Lab") scores high because legal forms
  are set apart and generic leftovers of the entry weigh little (those of the query more:
  "Mahan Airlines" is not "Mahan Travel"), while a single given name against a full person
  name does not, nor does a short word alone when the query says more ("Star Group" /
  "Star"). A token repeated in one name ("Sergey Sergey Shoigu") counts little
  the second time. Names whose matched tokens are all generic ("International Trading
  Company") are capped below any threshold, unless both are the same generic name, typos
  aside ("Gupo W" / "Grupo W"); a generic query never matches a name with an identifying
  word. The best name is chosen after the legal-form check, so an alias never lowers a
  score; joint-stock forms (AO, OAO, ZAO, PAO, JSC, OJSC, CJSC, PJSC) are one family.
- identifiers: an equal registration number, LEI, INN/OGRN, IMO... gives at least 0.99;
  different values under the same scheme lower the score.
- birth dates (people): agreement raises the score, a different year lowers it.
- countries: disjoint known countries lower the score; so do legal forms of different
  jurisdictions (sibling companies: "Kaspersky Labs GmbH" vs "Kaspersky Labs Limited").
- schema: a person against a company, organisation or vessel is penalised.

`Screener` holds a `NameIndex` over one list version and screens queries through it (no scan
of every entry); `PartyIndex` does the reverse for re-screening parties after a list update.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, Protocol

from rapidfuzz.distance import Levenshtein
from rigour.territories import lookup_territory

from standing.screening.glossary import english_reading
from standing.screening.index import DEFAULT_LIMIT, NameIndex
from standing.screening.model import Entry, EntryIdentifier, plain_state
from standing.screening.normalize import (
    CLASS_WEIGHTS,
    PERSON_STOP_TOKENS,
    NameKind,
    NormalizedName,
    fold,
    legal_form_countries,
    normalize_name,
    read_cjk_generic,
    skeleton,
)
from standing.screening.romanize import (
    abjad_compact_similarity,
    japanese_reading,
    spelled_initials,
)
from standing.screening.similarity import cross_match

#: Default decision threshold: a hit at or above it is a match to review. Chosen on the dev
#: half of tests/data/screening_pairs.csv (bench/screening.py prints P/R/F1 around it).
DEFAULT_THRESHOLD: Final = 0.8
#: Hits below this are not reported at all by `Screener.screen`.
REPORT_FLOOR: Final = 0.5
#: Score of an equal identifier (before adding a share of the name score).
IDENTIFIER_SCORE: Final = 0.99
#: Cap for names that agree only on generic words, legal forms or places.
GENERIC_CAP: Final = 0.5
#: Score of two generic-only names that are equal after normalisation.
GENERIC_EXACT: Final = 0.85

_ALPHA_QUERY_EXTRA: Final = 1.0  # weight of query tokens the entry lacks
#: Class weight of a generic word the query has and the entry lacks: what a company does
#: tells it apart ("Mahan Airlines" / "Mahan Travel", "Star Group" / "Star").
_QUERY_GENERIC_EXTRA: Final = 0.3
_BETA_ENTRY_EXTRA: Final = 0.5  # weight of entry tokens the query lacks (brand vs full name)
_BETA_PERSON_SINGLE: Final = 1.0  # ... for a one-token person query against a longer name
_BETA_PERSON_MULTI: Final = 0.1  # ... for a multi-token person query fully matched
_PERSON_EXTRA_CAP: Final = 1.5
_SHORT_LONE_CAP: Final = (
    0.78  # see `_short_lone`  # most entry-extra weight counted, relative to what matched
)
_WEAK_ALIAS: Final = 0.92
#: Least score of an organisation's brand whose every word stands in the entry's name.
_BRAND_FLOOR: Final = 0.8
_GENERIC_TYPO: Final = 0.25  # score lost per unit of token dissimilarity in a generic name
#: Score of two Latin names whose words are the same letters split otherwise.
_COMPACT_EQUAL: Final = 0.97
_REPEATED: Final = 0.2  # weight of an unmatched repetition of a matched token
SIM_ACRONYM: Final = 0.8
SIM_SHORT_TYPO: Final = 0.6
SIM_SHORT_OTHER: Final = 0.3
_VOWELS: Final = frozenset("aeiouy")
_SCHEMA_CONFLICT: Final = 0.6
_COUNTRY_CONFLICT_ORG: Final = 0.9
_COUNTRY_CONFLICT_PERSON: Final = 0.95
_LEGAL_JURISDICTION_CONFLICT: Final = 0.85
_NEAR_OTHER_FORM: Final = 0.82
_BIRTH_CONFLICT: Final = 0.7
_BIRTH_NEAR: Final = 0.9
_BIRTH_AGREE_GAIN: Final = 0.5  # share of the remaining distance to 1.0
_ID_CONFLICT: Final = 0.85
_CONFLICT_SCHEMES: Final = frozenset({"lei", "imo", "inn", "ogrn", "swift", "mmsi", "duns"})

_SCHEMA_KINDS: Final[dict[str, NameKind]] = {
    "person": "person",
    "company": "organization",
    "organization": "organization",
    "organisation": "organization",
    "publicbody": "organization",
    "vessel": "vessel",
    "airplane": "vessel",
    "aircraft": "vessel",
    "legalentity": "unknown",
    "thing": "unknown",
    "unknown": "unknown",
}
_IDENTIFYING: Final = frozenset({"name", "number", "patronymic", "place"})
_ID_CLEAN_RE: Final = re.compile(r"[^0-9A-Za-z]")
_ID_PREFIX_RE: Final = re.compile(
    r"^(IMO|LEI|INN|OGRN|MMSI|SWIFT|BIC|NO|NR)(?=[0-9A-Z]*\d[0-9A-Z]{4,}$)"
)


class TokenWeights(Protocol):
    def idf(self, token: str) -> float: ...


class FlatWeights:
    """Every token equally rare: for comparing two names without a list behind them."""

    def idf(self, token: str) -> float:
        return 6.0


@dataclass(frozen=True, slots=True)
class Query:
    """A party to screen: one or more names and optional evidence."""

    names: tuple[str, ...]
    schema: str | None = None  # FtM schema: Person, Company, Organization, LegalEntity, Vessel
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    identifiers: tuple[EntryIdentifier | str, ...] = ()
    birth_dates: tuple[str, ...] = ()  # ISO dates or prefixes
    id: str | None = None

    @classmethod
    def of(
        cls,
        name: str | Sequence[str],
        country: str | Sequence[str] | None = None,
        schema: str | None = None,
        identifiers: Iterable[EntryIdentifier | str] = (),
        birth_date: str | Sequence[str] | None = None,
        id: str | None = None,
    ) -> Query:
        return cls(
            names=(name,) if isinstance(name, str) else tuple(name),
            schema=schema,
            countries=_strings(country),
            identifiers=tuple(identifiers),
            birth_dates=_strings(birth_date),
            id=id,
        )


@dataclass(frozen=True, slots=True)
class MatchResult:
    """A hit: the entry, its best-matching name, a calibrated score and the evidence."""

    score: float
    match: bool
    features: dict[str, Any] = field(hash=False, compare=False)
    entry: Entry
    matched_name: str


@plain_state
@dataclass(frozen=True, slots=True)
class Prepared:
    """A query or an entry with its names normalised and its evidence folded for comparison."""

    names: tuple[NormalizedName, ...]
    weak: tuple[bool, ...]  # per name: a weak alias
    kind: NameKind
    countries: frozenset[str]
    identifiers: frozenset[str]
    schemes: dict[str, frozenset[str]]
    birth_dates: tuple[str, ...]
    listed: tuple[str, ...] = ()  # per name: the name as given (a part's whole name)

    @classmethod
    def from_query(cls, query: Query) -> Prepared:
        kind = schema_kind(query.schema)
        names = _dedupe(
            normalize_name(v, kind)
            for n in query.names
            if n and n.strip()
            for v in name_variants(n, kind)
        )
        return cls(
            names=names,
            weak=tuple(False for _ in names),
            kind=kind,
            countries=frozenset(c.lower() for c in query.countries if c),
            identifiers=_id_values(query.identifiers),
            schemes=_id_schemes(query.identifiers),
            birth_dates=tuple(d for d in query.birth_dates if d),
        )

    @classmethod
    def from_entry(cls, entry: Entry) -> Prepared:
        kind = entry_kind(entry.kind)
        seen: dict[str, int] = {}
        names: list[NormalizedName] = []
        weak: list[bool] = []
        listed: list[str] = []
        for n, value in (
            (x, v) for x in entry.names if x.value for v in name_variants(x.value, kind)
        ):
            if not value.strip():
                continue
            norm = normalize_name(value, kind)
            if not norm.tokens:
                continue
            is_weak = n.kind == "weak_alias"
            if norm.original in seen:
                pos = seen[norm.original]
                weak[pos] = weak[pos] and is_weak
                continue
            seen[norm.original] = len(names)
            names.append(norm)
            weak.append(is_weak)
            listed.append(n.value)
        return cls(
            names=tuple(names),
            weak=tuple(weak),
            listed=tuple(listed),
            kind=kind,
            countries=frozenset(c.lower() for c in entry.countries if c),
            identifiers=_id_values(entry.identifiers),
            schemes=_id_schemes(entry.identifiers),
            birth_dates=tuple(d for d in entry.birth_dates if d),
        )


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    method: str
    query: NormalizedName
    entry: NormalizedName
    pairs: tuple[tuple[str, str, str, float], ...] = ()  # query token, entry token, how, sim
    query_extra: tuple[str, ...] = ()
    entry_extra: tuple[str, ...] = ()

    def describe(self) -> dict[str, Any]:
        out = self._describe()
        if self.method == "brand":
            # a brand inside a longer registered name: which words matched, which were left
            out["brand"] = {
                "matched": [e for _, e, _, _ in self.pairs],
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
            "tokens": [f"{q}={e} ({how} {sim:.2f})" for q, e, how, sim in self.pairs],
            "query_extra": list(self.query_extra),
            "entry_extra": list(self.entry_extra),
            "transliterated": self.query.transliterated or self.entry.transliterated,
        }


def explain_name(feature: Any) -> str:
    """A hit's name evidence in a few words, from `features["name"]`: how it matched, and for
    a brand inside a longer registered name which words matched and which were left over
    ("brand: velotek; left over: shenzhen digital technology")."""
    if not isinstance(feature, dict):
        return ""
    method = str(feature.get("method", ""))
    brand = feature.get("brand")
    if method == "brand" and isinstance(brand, dict):
        matched = " ".join(str(w) for w in brand.get("matched", []))
        left = " ".join(str(w) for w in brand.get("left_over", []))
        return f"brand: {matched}; left over: {left}" if left else f"brand: {matched}"
    return method


def name_variants(value: str, kind: NameKind = "unknown") -> list[str]:
    """The name, its parts when it lists alternatives ("Al-Qa'ida/Islamic Army"), its
    Japanese reading when it is written in kanji or kana ("山田太郎": "yamada taro"), and for
    a body, Latin initials spelled out in Hangul or katakana ("엘지전자": "LG 전자")."""
    out = [value]
    if "/" in value:
        parts = [p.strip() for p in value.split("/")]
        if len(parts) >= 2 and all(
            sum(ch.isalpha() for ch in p) >= 4 and max(len(w) for w in p.split()) >= 3
            for p in parts
        ):
            out.extend(parts)
    if not value.isascii():
        reading = japanese_reading(read_cjk_generic(value))
        if reading:
            out.append(reading)
        initials = spelled_initials(value) if kind != "person" else None
        if initials:
            out.append(initials)
        reading = english_reading(value) if kind != "person" else None
        if reading:
            out.append(reading)
    return out


def schema_kind(schema: str | None) -> NameKind:
    """The name kind for an FtM schema name (None and LegalEntity are 'unknown')."""
    if not schema:
        return "unknown"
    return _SCHEMA_KINDS.get(schema.lower(), "unknown")


def entry_kind(kind: str) -> NameKind:
    if kind == "person":
        return "person"
    if kind == "organization":
        return "organization"
    if kind in ("vessel", "aircraft"):
        return "vessel"
    return "unknown"


def script_mode(q: NormalizedName, e: NormalizedName) -> str:
    """Which script model compares the two names' tokens (see `similarity.cross_match`)."""
    if q.abjad != e.abjad:
        side = q if q.abjad else e
        model = "ar" if "Arabic" in side.scripts or "Hebrew" not in side.scripts else "he"
        return model + ">" if q.abjad else "<" + model
    if ("Hangul" in q.scripts) != ("Hangul" in e.scripts):
        return "ko>" if "Hangul" in q.scripts else "<ko"
    if ("Han" in q.scripts) != ("Han" in e.scripts):
        return "zh>" if "Han" in q.scripts else "<zh"
    if q.abjad or q.transliterated or e.transliterated:
        return "loose"
    return ""


def compare_names(
    q: NormalizedName,
    e: NormalizedName,
    weights: TokenWeights | None = None,
    countries: frozenset[str] = frozenset(),
) -> NameScore:
    """Score two normalised names in [0, 1] and say how they matched. `countries`: those the
    entry gives (a query naming the entry's own country, "Sberbank of Russia", says no more)."""
    w = weights or _FLAT
    if not q.tokens or not e.tokens:
        return NameScore(0.0, "none", q, e)
    if q.generic_only or e.generic_only:
        if q.key == e.key and q.key:
            return NameScore(GENERIC_EXACT, "generic_only", q, e)
        base = _align(q, e, w, countries)
        score = min(base.score, GENERIC_CAP)
        if e.generic_only and base.pairs and not base.query_extra and not base.entry_extra:
            # the same generic name with a typo ("Gupo W" / "Grupo W"); a generic query
            # against a name with an identifying word never matches ("Marine" / "Marina")
            # (generic words are not names: one edit in a short one is a typo all the same)
            worst = min(max(sim, _plain_edit(a, b)) for a, b, _, sim in base.pairs)
            score = max(score, GENERIC_EXACT - _GENERIC_TYPO * (1.0 - worst))
        return NameScore(score, "generic_only", q, e, base.pairs,
                         base.query_extra, base.entry_extra)  # fmt: skip
    if q.key == e.key:
        pairs = tuple((t, t, "exact", 1.0) for t in q.key.split(" "))
        return NameScore(1.0, "exact", q, e, pairs)
    best = _align(q, e, w, countries)
    compact = _compact_score(q, e)
    if compact > best.score:
        if q.compact == e.compact:  # the same letters, split otherwise: nothing left over
            pairs = ((q.display, e.display, "joined", 1.0),)
            return NameScore(compact, "compact", q, e, pairs)
        return NameScore(compact, "compact", q, e, best.pairs, best.query_extra, best.entry_extra)
    return best


class Matcher:
    """Scores queries against entries; token rarity comes from `weights` (an index)."""

    def __init__(
        self, weights: TokenWeights | None = None, threshold: float = DEFAULT_THRESHOLD
    ) -> None:
        self.weights: TokenWeights = weights or _FLAT
        self.threshold = threshold

    def score(self, query: Query, entry: Entry) -> MatchResult:
        return self.score_prepared(Prepared.from_query(query), Prepared.from_entry(entry), entry)

    def score_prepared(
        self,
        q: Prepared,
        e: Prepared,
        entry: Entry,
        entry_names: Iterable[int] | None = None,
    ) -> MatchResult:
        best: NameScore | None = None
        best_weak = False
        best_pos = -1
        positions = range(len(e.names)) if entry_names is None else entry_names
        best_value = -1.0
        for qn in q.names:
            for pos in positions:
                en = e.names[pos]
                ns = compare_names(qn, en, self.weights, e.countries)
                # the best name after what depends on the name (an alias with a legal form
                # of another jurisdiction must not hide a better one)
                value = ns.score * (_WEAK_ALIAS if e.weak[pos] else 1.0)
                if value > best_value and _legal_conflict(qn, en, q, e):
                    value *= _LEGAL_JURISDICTION_CONFLICT
                if value > best_value:
                    best, best_weak, best_pos, best_value = ns, e.weak[pos], pos, value
        if best is None:
            empty = normalize_name("", q.kind)
            best = NameScore(0.0, "none", q.names[0] if q.names else empty, empty)
        name_score = best.score * (_WEAK_ALIAS if best_weak else 1.0)
        score, features = _adjust(name_score, best, q, e)
        features["name"] = best.describe()
        features["name"]["weak_alias"] = best_weak
        features["name_score"] = round(name_score, 4)
        score = max(0.0, min(1.0, score))
        return MatchResult(
            score=round(score, 4),
            match=score >= self.threshold,
            features=features,
            entry=entry,
            matched_name=e.listed[best_pos]
            if 0 <= best_pos < len(e.listed)
            else best.entry.original,
        )


class _Indexed:
    """Prepared names behind a candidate index, a matcher, and identifier postings: what both
    directions of screening (names against a list, an entry against the parties) search."""

    def __init__(self, prepared: list[Prepared], threshold: float, candidates: int) -> None:
        self.prepared = prepared
        self.index = NameIndex([p.names for p in prepared])
        self.matcher = Matcher(self.index, threshold)
        self.threshold = threshold
        self.candidates = candidates
        self._by_identifier: dict[str, list[int]] = {}
        for i, p in enumerate(prepared):
            for v in p.identifiers:
                self._by_identifier.setdefault(v, []).append(i)


class Screener(_Indexed):
    """Screens queries against one list version through a candidate index.

    Built once per list version (about 11 s of CPU for 100,000 entries). A long-lived
    process holding a large screener does well to call `gc.freeze()` after building it, so
    that the cyclic garbage collector stops rescanning the index's objects.
    """

    def __init__(
        self,
        entries: Sequence[Entry],
        threshold: float = DEFAULT_THRESHOLD,
        candidates: int = DEFAULT_LIMIT,
    ) -> None:
        self.entries = list(entries)
        super().__init__([Prepared.from_entry(e) for e in self.entries], threshold, candidates)

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
        q: Prepared,
        threshold: float | None = None,
        limit: int = 10,
        floor: float = REPORT_FLOOR,
    ) -> list[MatchResult]:
        cut = self.threshold if threshold is None else threshold
        report = min(floor, cut)
        hits: list[MatchResult] = []
        id_hits = self._identifier_candidates(q)
        cands = self.index.candidates(q.names, self.candidates)
        seen: set[int] = set()
        for item in id_hits:
            seen.add(item)
            r = self.matcher.score_prepared(q, self.prepared[item], self.entries[item])
            hits.append(r)
        for cand in cands:
            if cand.item in seen:
                continue
            seen.add(cand.item)
            r = self.matcher.score_prepared(
                q, self.prepared[cand.item], self.entries[cand.item], cand.names
            )
            hits.append(r)
        out = [
            MatchResult(r.score, r.score >= cut, r.features, r.entry, r.matched_name)
            for r in hits
            if r.score >= report
        ]
        out.sort(key=lambda r: -r.score)
        return out[:limit]

    def _identifier_candidates(self, q: Prepared) -> list[int]:
        out: list[int] = []
        for v in q.identifiers:
            out.extend(self._by_identifier.get(v, ()))
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

    def screen_entry(
        self, entry: Entry, threshold: float | None = None
    ) -> list[tuple[Query, MatchResult]]:
        """Parties that match `entry` at or above the threshold, best first."""
        cut = self.threshold if threshold is None else threshold
        e = Prepared.from_entry(entry)
        out: list[tuple[Query, MatchResult]] = []
        items = [c.item for c in self.index.candidates(e.names, self.candidates)]
        for v in e.identifiers:
            items.extend(self._by_identifier.get(v, ()))
        for item in dict.fromkeys(items):
            r = self.matcher.score_prepared(self.prepared[item], e, entry)
            if r.score >= cut:
                out.append((self.parties[item], r))
        out.sort(key=lambda qr: -qr[1].score)
        return out


# -- internals -----------------------------------------------------------------------------

_FLAT: Final = FlatWeights()


def _strings(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(v for v in value if v)


def _dedupe(names: Iterable[NormalizedName]) -> tuple[NormalizedName, ...]:
    out: dict[str, NormalizedName] = {}
    for n in names:
        if n.tokens and n.original not in out:
            out[n.original] = n
    return tuple(out.values())


def normalize_identifier(value: str) -> str:
    """Upper-case alphanumerics without a leading scheme word ("IMO 9187629" -> "9187629")."""
    v = _ID_CLEAN_RE.sub("", value).upper()
    return _ID_PREFIX_RE.sub("", v)


def _id_values(ids: Iterable[EntryIdentifier | str]) -> frozenset[str]:
    out: set[str] = set()
    for i in ids:
        v = normalize_identifier(i if isinstance(i, str) else i.value)
        if len(v) >= 5:
            out.add(v)
    return frozenset(out)


def _id_schemes(ids: Iterable[EntryIdentifier | str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for i in ids:
        if isinstance(i, str):
            continue
        scheme = i.scheme.lower()
        if scheme in _CONFLICT_SCHEMES:
            out.setdefault(scheme, set()).add(normalize_identifier(i.value))
    return {k: frozenset(v) for k, v in out.items()}


def _weight(w: TokenWeights, token: str, cls: str) -> float:
    return w.idf(token) * CLASS_WEIGHTS[cls]


def _home(countries: frozenset[str], en: NormalizedName) -> frozenset[str]:
    """The countries an entry is of: those it gives, or else the few its name's legal
    form exists in (a PAO is Russian, a PJSC of three; a Limited could be of twenty)."""
    if countries:
        return countries
    where = legal_form_countries(en.legal_forms) if en.legal_forms else frozenset()
    return where if len(where) <= 3 else frozenset()


@lru_cache(maxsize=20_000)
def place_country(token: str) -> str | None:
    """The country a place word names ("russia", "russian", "moscow" -> "ru"), by rigour's
    territory names; None for other places and words."""
    territory = lookup_territory(token)
    return str(territory.code).split("-")[0] if territory is not None else None


def _align(
    q: NormalizedName, e: NormalizedName, w: TokenWeights, countries: frozenset[str] = frozenset()
) -> NameScore:
    qt = [(t, c) for t, c in zip(q.tokens, q.classes, strict=True) if c != "stop"]
    et = [(t, c) for t, c in zip(e.tokens, e.classes, strict=True) if c != "stop"]
    if not qt or not et:
        return NameScore(0.0, "none", q, e)
    mode = script_mode(q, e)
    qw = [_weight(w, t, c) for t, c in qt]
    ew = [_weight(w, t, c) for t, c in et]
    cands: list[tuple[float, int, int, str]] = []
    for i, (a, _) in enumerate(qt):
        for j, (b, _) in enumerate(et):
            sim, how = cross_match(a, b, mode)
            if sim > 0.0:
                cands.append((sim, i, j, how))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    q_used: set[int] = set()
    e_used: set[int] = set()
    pairs: list[tuple[list[int], list[int], str, float]] = []
    for sim, i, j, how in cands:
        if i in q_used or j in e_used:
            continue
        q_used.add(i)
        e_used.add(j)
        pairs.append(([i], [j], how, sim))
    # split/merged spellings: neighbours on one side joined against one token on the other
    _merge(qt, et, q_used, e_used, pairs, mode, query_side=True)
    _merge(et, qt, e_used, q_used, pairs, mode, query_side=False)
    if pairs or "person" not in (q.kind, e.kind):  # a person is not known by initials alone
        runs = "person" not in (q.kind, e.kind)
        _acronym(qt, et, q_used, e_used, pairs, True, runs, _form_letter(q))
        _acronym(et, qt, e_used, q_used, pairs, False, runs, _form_letter(e))
    # abbreviations of generic words ("lab" / "laboratoriya", "tech" / "technologies")
    for i, (a, _) in enumerate(qt):
        if i in q_used or len(a) < 3:
            continue
        for j, (b, bc) in enumerate(et):
            if j in e_used or bc != "generic":
                continue
            if b.startswith(a) or a.startswith(b) or _abbreviates(a, b):
                q_used.add(i)
                e_used.add(j)
                pairs.append(([i], [j], "abbreviation", 0.8))
                break
    if "person" in (q.kind, e.kind):
        _short_typos(qt, et, q_used, e_used, pairs)
        _drop_lone_initials(qt, et, e_used, pairs)
    covered = lost = 0.0
    matched_q: set[int] = set()
    matched_e: set[int] = set()
    significant_hit = False
    described: list[tuple[str, str, str, float]] = []
    for qi, ej, how, sim in pairs:
        wq = sum(qw[i] for i in qi)
        we = sum(ew[j] for j in ej)
        pw = (wq + we) / 2.0
        covered += sim * pw
        lost += (1.0 - sim) * pw
        matched_q.update(qi)
        matched_e.update(ej)
        if (
            sim >= 0.7
            and any(qt[i][1] in _IDENTIFYING for i in qi)
            and any(et[j][1] in _IDENTIFYING for j in ej)
        ):
            significant_hit = True
        described.append((" ".join(qt[i][0] for i in qi), " ".join(et[j][0] for j in ej), how, sim))
    # a token repeated in one name ("Sergey Sergey Shoigu") counts little the second time
    home = (
        _home(countries, e)
        if any(qt[i][1] == "place" for i in range(len(qt)) if i not in matched_q)
        else frozenset()
    )
    q_seen = {qt[i][0] for i in matched_q}
    e_seen = {et[j][0] for j in matched_e}
    uq = sum(
        _query_extra_weight(w, qt[i], qw[i], home) * (_REPEATED if qt[i][0] in q_seen else 1.0)
        for i in range(len(qt))
        if i not in matched_q
    )
    ue = sum(
        ew[j] * (_REPEATED if et[j][0] in e_seen else 1.0)
        for j in range(len(et))
        if j not in matched_e
    )
    beta = _BETA_ENTRY_EXTRA
    if q.kind == "person" or e.kind == "person":
        named = sum(1 for i in matched_q if qt[i][1] in ("name", "patronymic"))
        if not any(qt[i][1] == "name" for i in matched_q):
            named = 0
        if named >= 2 and uq == 0.0:
            # given name and surname found in a longer full name: the other names (father's,
            # grandfather's, tribal) are what lists add, not evidence of another person
            beta = _BETA_PERSON_MULTI
            ue = min(ue, _PERSON_EXTRA_CAP * covered)
        else:
            beta = _BETA_PERSON_SINGLE
    denom = covered + lost + _ALPHA_QUERY_EXTRA * uq + beta * ue
    if e.kind == "person" and beta < 1.0:
        # the second part of a compound surname without its first ("Smith" of
        # "Pridmore-Smith", "Garcia" of "GAXIOLA GARCIA, Maria"): the missing first part
        # counts in full, not as one of the names lists add
        denom += (1.0 - beta) * _lost_heads(e, et, ew, matched_e)
    score = covered / denom if denom > 0 else 0.0
    method = _method(described, uq, ue)
    if (
        method == "brand"
        and "person" not in (q.kind, e.kind)
        and significant_hit
        and any(qt[i][1] == "name" for i in matched_q)  # a brand has a word of its own
        and not any(et[j][1] == "number" for j in range(len(et)) if j not in matched_e)
    ):
        # a brand inside a longer registered name ("Tencent" / "Shenzhen Tencent Computer
        # Systems Company Limited"): every word of the query stands in the entry's name; the
        # words left over are named in the hit (entry_extra)
        score = max(score, _BRAND_FLOOR + (1.0 - _BRAND_FLOOR) * score)
    if not significant_hit:
        score = min(score, GENERIC_CAP)
        method = "generic_only"
    elif uq > 0.0 and q.kind != "person" and _short_lone(pairs, qt, et):
        # a short word ("Star", "Noor") the only thing in common, and the query says more
        score = min(score, _SHORT_LONE_CAP)
    return NameScore(
        score=score,
        method=method,
        query=q,
        entry=e,
        pairs=tuple(described),
        query_extra=tuple(qt[i][0] for i in range(len(qt)) if i not in matched_q),
        entry_extra=tuple(et[j][0] for j in range(len(et)) if j not in matched_e),
    )


#: Words that say what kind of organisation a name is, not which one nor what it does
#: ("JSC Concern Xyz" is Xyz; "ЧОП «Щит»", a private security company, is Shchit).
_FORM_DESCRIPTORS: Final = frozenset(
    {"concern", "state", "private", "security", "military", "research", "production"}
    | {"association", "company", "organization"}
)


def _query_extra_weight(
    w: TokenWeights, token: tuple[str, str], weight: float, home: frozenset[str] = frozenset()
) -> float:
    """What a query word the entry lacks weighs: a generic word a share (what a company does
    tells it apart), a place in full (a query naming its country or region, "Bank of China
    (UK) Limited", is a subsidiary of that place, not the entry without it) unless it is the
    entry's own country ("Sberbank of Russia" / "PAO Sberbank")."""
    text, cls = token
    if text in _FORM_DESCRIPTORS:
        return 0.0
    if cls == "generic":
        return w.idf(text) * _QUERY_GENERIC_EXTRA
    if cls == "place":
        if home and place_country(text) in home:
            return weight * _QUERY_GENERIC_EXTRA
        return w.idf(text)
    return weight


def _merge(
    left: Sequence[tuple[str, str]],
    right: Sequence[tuple[str, str]],
    left_used: set[int],
    right_used: set[int],
    pairs: list[tuple[list[int], list[int], str, float]],
    mode: str,
    query_side: bool,
) -> None:
    """Join 2-3 unmatched neighbours of `left` to match one unmatched token of `right`."""
    free = [i for i in range(len(left)) if i not in left_used]
    if len(free) < 2:
        return
    for j, (b, _) in enumerate(right):
        if j in right_used:
            continue
        for size in (3, 2):
            done = False
            for start in range(len(left) - size + 1):
                run = list(range(start, start + size))
                if any(i in left_used for i in run):
                    continue
                joined = "".join(left[i][0] for i in run)
                if len(mode) != 3 and (joined[0] != b[0] or abs(len(joined) - len(b)) > 3):
                    continue
                sim = (
                    cross_match(joined, b, mode) if query_side else cross_match(b, joined, mode)
                )[0]
                if sim >= 0.85:
                    left_used.update(run)
                    right_used.add(j)
                    if query_side:
                        pairs.append((run, [j], "joined", sim))
                    else:
                        pairs.append(([j], run, "joined", sim))
                    done = True
                    break
            if done:
                break


def _abbreviates(a: str, b: str) -> bool:
    """One word is a contraction of the other: its letters in order, the first and the last
    alike ("intl" / "international", "mfg" / "manufacturing")."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 3 or short[0] != long_[0] or short[-1] != long_[-1]:
        return False
    rest = iter(long_)
    return all(ch in rest for ch in short)


def _short_lone(
    pairs: Sequence[tuple[list[int], list[int], str, float]],
    qt: Sequence[tuple[str, str]],
    et: Sequence[tuple[str, str]],
) -> bool:
    """Whether one pair of short words (four letters or fewer) is all that identifies."""
    ident = [
        (qi, ej)
        for qi, ej, _, _ in pairs
        if any(qt[i][1] in _IDENTIFYING for i in qi) or any(et[j][1] in _IDENTIFYING for j in ej)
    ]
    if len(ident) != 1:
        return False
    qi, ej = ident[0]
    return sum(len(qt[i][0]) for i in qi) <= 4 and sum(len(et[j][0]) for j in ej) <= 4


def _plain_edit(a: str, b: str) -> float:
    """Similarity of two tokens one edit apart (0.0 otherwise), whatever their length."""
    if min(len(a), len(b)) < 4 or Levenshtein.distance(a, b, score_cutoff=1) > 1:
        return 0.0
    return 1.0 - 1.0 / (2.0 * max(len(a), len(b)))


def _drop_lone_initials(
    qt: Sequence[tuple[str, str]],
    et: Sequence[tuple[str, str]],
    e_used: set[int],
    pairs: list[tuple[list[int], list[int], str, float]],
) -> None:
    """A whole query name is not the entry's initial while one of the entry's whole names
    is left unmatched ("David Lee" / "David L. Maricola"): such pairs are undone."""
    if not any(
        j not in e_used and len(b) > 1 and c in ("name", "patronymic")
        for j, (b, c) in enumerate(et)
    ):
        return
    for k in range(len(pairs) - 1, -1, -1):
        qi, ej, how, _ = pairs[k]
        if how != "initial" or len(qi) != 1 or len(ej) != 1:
            continue
        if len(qt[qi[0]][0]) > 1 and len(et[ej[0]][0]) == 1:
            e_used.discard(ej[0])
            del pairs[k]


_HYPHENATED_RE: Final = re.compile(r"\w+(?:-\w+)+")


@lru_cache(maxsize=50_000)
def compound_surnames(original: str) -> tuple[tuple[str, str], ...]:
    """(first part, later part) folded token pairs of the hyphenated compound names of a
    person ("PRIDMORE-SMITH", "SANCHEZ-LOPEZ"). Surnames written apart ("GAXIOLA GARCIA,
    Maria") are not among them: the second alone is a common short form of such names."""
    out: list[tuple[str, str]] = []
    for m in _HYPHENATED_RE.finditer(original):
        parts = [
            t
            for g in m.group(0).split("-")
            for t in fold(g).split()
            if t not in PERSON_STOP_TOKENS and len(t) > 1
        ]
        out.extend((parts[0], t) for t in parts[1:] if t != parts[0])
    return tuple(dict.fromkeys(out))


def _lost_heads(
    e: NormalizedName, et: Sequence[tuple[str, str]], ew: Sequence[float], matched: set[int]
) -> float:
    """Weight of first parts of compound surnames left unmatched while a later part matched."""
    if len(et) < 3 or "-" not in e.original:
        return 0.0
    found = compound_surnames(e.original)
    if not found:
        return 0.0
    where = {t: j for j, (t, _) in enumerate(et)}
    lost = 0.0
    counted: set[int] = set()
    for head, tail in found:
        jh, jt = where.get(head), where.get(tail)
        if jh is None or jt is None or jh in matched or jt not in matched or jh in counted:
            continue
        counted.add(jh)
        lost += ew[jh]
    return lost


def _short_typos(
    qt: Sequence[tuple[str, str]],
    et: Sequence[tuple[str, str]],
    q_used: set[int],
    e_used: set[int],
    pairs: list[tuple[list[int], list[int], str, float]],
) -> None:
    """Pair leftover four-letter names of a person one letter apart ("Ssad" / "Asad"): too
    short to count as the same name on their own, but not as unrelated as two other names.
    (Company names are left alone: "Klan" and "Khan", "Pars" and "Parg" name other firms.)"""
    for i, (a, _) in enumerate(qt):
        if i in q_used or len(a) != 4 or not a.isalpha():
            continue
        for j, (b, _) in enumerate(et):
            if j in e_used or len(b) != 4:
                continue
            if Levenshtein.distance(a, b, score_cutoff=1) <= 1:
                q_used.add(i)
                e_used.add(j)
                # one consonant for another at the start makes another name ("Jong" / "Tong")
                other = a[0] != b[0] and a[0] not in _VOWELS and b[0] not in _VOWELS
                pairs.append(([i], [j], "edit", SIM_SHORT_OTHER if other else SIM_SHORT_TYPO))
                break


def _acronym(
    left: Sequence[tuple[str, str]],
    right: Sequence[tuple[str, str]],
    left_used: set[int],
    right_used: set[int],
    pairs: list[tuple[list[int], list[int], str, float]],
    query_side: bool,
    runs: bool = False,
    form: str = "",
) -> None:
    """The one unmatched token of `right` is the initials of all unmatched words of `left`
    (with the initial `form` of its legal form: "SMIC" / "Semiconductor Manufacturing
    International Corporation"), or (in names of organisations) of a run of neighbouring
    unmatched words of `left` ("UC Rusal" / "United Company RUSAL International")."""
    free_r = [j for j in range(len(right)) if j not in right_used]
    free_l = [i for i in range(len(left)) if i not in left_used]
    if len(free_r) != 1 or len(free_l) < 2:
        return
    b = right[free_r[0]][0]
    if len(b) > 6 or len(b) > len(free_l) + len(form) or not b.isalpha():
        return
    initials = "".join(left[i][0][0] for i in free_l)
    if b[0] not in initials:
        return
    if b not in (initials, initials + form):
        if not runs or len(b) < 2:
            return
        for start in range(len(left) - len(b) + 1):
            run = list(range(start, start + len(b)))
            if all(i not in left_used for i in run) and "".join(left[i][0][0] for i in run) == b:
                free_l = run
                break
        else:
            return
    left_used.update(free_l)
    right_used.add(free_r[0])
    if query_side:
        pairs.append((free_l, free_r, "initials", SIM_ACRONYM))
    else:
        pairs.append((free_r, free_l, "initials", SIM_ACRONYM))


#: Legal forms that stand as one word at the end of a name, with the letter they add to its
#: initials ("Corporation" the C of SMIC, "Limited" the L).
_FORM_LETTERS: Final[dict[str, str]] = {"corp": "c", "co": "c", "inc": "i", "ltd": "l"}


def _form_letter(name: NormalizedName) -> str:
    """The initial an acronym of `name` may take from its one legal form ("" if none)."""
    if len(name.legal_forms) != 1 or name.kind == "person":
        return ""
    return _FORM_LETTERS.get(name.legal_forms[0], "")


def _method(pairs: list[tuple[str, str, str, float]], uq: float, ue: float) -> str:
    hows = {how for _, _, how, _ in pairs}
    if hows <= {"exact"}:
        if uq == 0.0 and ue > 0.0:
            return "brand"  # the query is the entry's name without some of its words
        return "token_set"
    return "fuzzy"


def _compact_score(q: NormalizedName, e: NormalizedName) -> float:
    """Whole-name comparison with spaces removed, for spellings that split words differently."""
    qc, ec = q.compact, e.compact
    if len(qc) < 5 or len(ec) < 5:
        return 0.0
    syllabic = bool((q.scripts | e.scripts) & {"Han", "Hangul", "Hiragana", "Katakana"})
    if not (syllabic or q.abjad or e.abjad):
        # Latin on both sides: the token alignment (with joins) compared them, unless the
        # words are the same letters split otherwise ("V Kontakte" / "VKontakte", "ITeco" /
        # "I-Teco"), which an alignment of single letters misses
        return _COMPACT_EQUAL if qc == ec else 0.0
    sim = float(Levenshtein.normalized_similarity(qc, ec))
    if q.abjad != e.abjad:
        # the whole name through the letter classes of its script, spaces ignored
        src, dst = (q, e) if q.abjad else (e, q)
        words = tuple(t for t, c in zip(src.tokens, src.classes, strict=True) if c != "stop")
        hebrew = "Arabic" not in src.scripts
        sim = max(sim, abjad_compact_similarity(words, dst.compact, hebrew))
    if "Hangul" in q.scripts or "Hangul" in e.scripts:
        qs, es = skeleton(qc), skeleton(ec)
        if len(qs) >= 4 and len(es) >= 4:
            sim = max(sim, 0.95 * float(Levenshtein.normalized_similarity(qs, es)))
    if sim < 0.88:
        return 0.0
    return sim * 0.97


#: Legal forms of one kind under other names: all joint-stock companies of Russian law and
#: its neighbours (an OAO is a JSC, as are its successors AO and PAO).
_LEGAL_FAMILIES: Final[dict[str, str]] = {
    **dict.fromkeys(("jsc", "ao", "oao", "zao", "pao", "pjsc", "ojsc", "cjsc", "mkpao"), "jsc"),
    "coltd": "ltd",  # "Co., Ltd." is "Company Limited"
    "ooo": "llc",  # an OOO is a limited liability company
}


#: How a company's legal form written in its own script is rendered in its English name:
#: an OOO (TOV) is written "LLC" or "Ltd"; a Japanese kabushiki kaisha "Corporation",
#: "Inc.", "Co., Ltd." or "K.K.". (Both in Latin letters, "X OOO" and "X Limited" are
#: usually two companies: a Russian one and its Cypriot or British holder.)
_TRANSLATED_FORMS: Final[dict[str, frozenset[str]]] = {
    "ooo": frozenset({"ltd"}),
    "tov": frozenset({"llc", "ltd"}),
}
#: Forms whose English renderings hold in Latin letters too: a kabushiki kaisha is written
#: "K.K.", "Corporation", "Inc." or "Co., Ltd." by the same company (and its reading in
#: Latin letters is compared as a name of its own).
_RENDERED_FORMS: Final[dict[str, frozenset[str]]] = {
    "kk": frozenset({"corp", "inc", "ltd", "co"}),
}
#: ... and from a name written in Chinese, Japanese or Korean script, where the company form
#: (有限公司, 주식회사) has no one English rendering ("Co., Ltd.", "Inc.", "Corporation").
_TRANSLATED_FROM_CJK: Final = frozenset({"ltd", "co", "inc", "corp", "kk", "plc"})
_CJK_SCRIPTS: Final = frozenset({"Han", "Hangul", "Hiragana", "Katakana"})


def _family(form: str) -> str:
    return _LEGAL_FAMILIES.get(form, form)


def _forms_agree(a: str, b: str, translated: str) -> bool:
    """Whether legal forms `a` and `b` can name one company: one family, or, when one name
    is written in another script (`translated`: "cjk", "other" or ""), one the English
    rendering of the other."""
    fa, fb = _family(a), _family(b)
    if fa == fb or fb in _RENDERED_FORMS.get(a, ()) or fa in _RENDERED_FORMS.get(b, ()):
        return True
    if not translated:
        return False
    if fb in _TRANSLATED_FORMS.get(a, ()) or fa in _TRANSLATED_FORMS.get(b, ()):
        return True
    return translated == "cjk" and fa in _TRANSLATED_FROM_CJK and fb in _TRANSLATED_FROM_CJK


def _translated(qn: NormalizedName, en: NormalizedName) -> str:
    """ "cjk" when one name is written in Chinese, Japanese or Korean script and the other is
    not, "other" when one is in another script than Latin and the other in Latin, else ""."""
    if bool(qn.scripts & _CJK_SCRIPTS) != bool(en.scripts & _CJK_SCRIPTS):
        return "cjk"
    return "other" if qn.transliterated != en.transliterated else ""


def _legal_conflict(qn: NormalizedName, en: NormalizedName, q: Prepared, e: Prepared) -> bool:
    """Whether the two names carry legal forms that do not exist where the other side is
    registered (sibling companies: "Kaspersky Labs GmbH" / "Kaspersky Labs Limited")."""
    ql, el = qn.legal_forms, en.legal_forms
    if not ql or not el:
        return False
    translated = _translated(qn, en)
    q_only = tuple(f for f in ql if not any(_forms_agree(f, g, translated) for g in el))
    e_only = tuple(f for f in el if not any(_forms_agree(g, f, translated) for g in ql))
    if not q_only or not e_only:
        return False
    qj, ej = legal_form_countries(q_only), legal_form_countries(e_only)
    q_where = q.countries or qj
    e_where = e.countries or ej
    return bool((qj and e_where and not qj & e_where) or (ej and q_where and not ej & q_where))


def _other_forms(qn: NormalizedName, en: NormalizedName) -> bool:
    """Whether both names carry legal forms and none of one side's can be the other's."""
    ql, el = qn.legal_forms, en.legal_forms
    if not ql or not el:
        return False
    translated = _translated(qn, en)
    return not any(_forms_agree(f, g, translated) for f in ql for g in el)


def _dates_agree(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _adjust(
    score: float, best: NameScore, q: Prepared, e: Prepared
) -> tuple[float, dict[str, Any]]:
    features: dict[str, Any] = {}
    # schema
    if {q.kind, e.kind} == {"person", "organization"} or {q.kind, e.kind} == {"person", "vessel"}:
        score *= _SCHEMA_CONFLICT
        features["schema"] = "conflict"
    else:
        features["schema"] = "compatible"
    # countries and the jurisdictions of legal forms
    country = "unknown"
    if q.countries and e.countries:
        if q.countries & e.countries:
            country = "agree"
        else:
            country = "conflict"
            score *= (
                _COUNTRY_CONFLICT_PERSON if "person" in (q.kind, e.kind) else _COUNTRY_CONFLICT_ORG
            )
    features["country"] = country
    features["countries"] = {"query": sorted(q.countries), "entry": sorted(e.countries)}
    ql, el = best.query.legal_forms, best.entry.legal_forms
    legal: dict[str, Any] = {"query": list(ql), "entry": list(el), "conflict": False}
    if _legal_conflict(best.query, best.entry, q, e):
        legal["conflict"] = True
        score *= _LEGAL_JURISDICTION_CONFLICT
    more = [t for t in best.query_extra if t not in _FORM_DESCRIPTORS]
    if (best.method == "fuzzy" or more) and _other_forms(best.query, best.entry):
        # a name spelled differently under another legal form: a near-brand of another
        # company ("Metta Platforms LLC" / "Meta Platforms, Inc."), not a typo; a name with
        # more words under another legal form: a sibling ("Meta Platforms Technologies,
        # LLC" / "Meta Platforms, Inc.")
        legal["other_form"] = True
        score *= _NEAR_OTHER_FORM
    features["legal_forms"] = legal
    # birth dates
    birth = "unknown"
    if q.birth_dates and e.birth_dates:
        if any(_dates_agree(a, b) for a in q.birth_dates for b in e.birth_dates):
            birth = "agree"
            score += (1.0 - score) * _BIRTH_AGREE_GAIN if score >= 0.6 else 0.0
        else:
            years_q = {int(d[:4]) for d in q.birth_dates if d[:4].isdigit()}
            years_e = {int(d[:4]) for d in e.birth_dates if d[:4].isdigit()}
            near = any(abs(a - b) <= 1 for a in years_q for b in years_e)
            birth = "near" if near else "conflict"
            score *= _BIRTH_NEAR if near else _BIRTH_CONFLICT
    features["birth_date"] = birth
    # identifiers
    shared = q.identifiers & e.identifiers
    if shared:
        features["identifier"] = {"equal": sorted(shared)}
        if features["schema"] == "compatible":
            score = max(score, IDENTIFIER_SCORE + 0.01 * best.score)
    else:
        conflict = [
            s for s, vals in q.schemes.items() if s in e.schemes and not vals & e.schemes[s]
        ]
        if conflict:
            features["identifier"] = {"conflict": sorted(conflict)}
            score *= _ID_CONFLICT
        else:
            features["identifier"] = None
    return score, features
