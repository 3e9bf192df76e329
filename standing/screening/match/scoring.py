"""The score of two names: what their aligned tokens cover against what is left over.

Each token weighs its rarity in the indexed list (IDF) times its class weight (generic
words and places count little). The name score is covered / (covered + lost + unmatched
query weight + a share of unmatched entry weight); see `standing.screening.match` for the
cases it is shaped by (brands, short forms, generic names, people's longer listed names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final, Protocol

from rapidfuzz.distance import Levenshtein

from standing.screening.match.alignment import ClassedToken, Link, align, significant_tokens
from standing.screening.match.config import DEFAULT_CONFIG
from standing.screening.match.evidence import NameScore, TokenPair, method_of
from standing.screening.normalize import (
    BODY_KINDS,
    CLASS_WEIGHTS,
    COMMON_WORDS,
    PERSON_STOP_TOKENS,
    SYNONYMS,
    NormalizedName,
    country_word,
    dedicated_to,
    fold,
    legal_family,
    legal_form_countries,
    place_country,
    place_of,
    skeleton,
    token_class,
)
from standing.screening.romanised import english_senses, tables
from standing.screening.romanize import abjad_compact_similarity

_CONFIG: Final = DEFAULT_CONFIG
_REPEATED: Final = _CONFIG.repeated
_QUERY_GENERIC_EXTRA: Final = _CONFIG.query_generic_extra
_QUERY_HOME_COUNTRY_EXTRA: Final = _CONFIG.query_home_country_extra
_QUERY_GENERIC_SWAPPED: Final = _CONFIG.query_generic_swapped
_SIM_SIGNIFICANT: Final = _CONFIG.sim_significant
#: Token classes that identify a party (a pair of them makes a name more than generic).
_IDENTIFYING: Final = frozenset({"name", "number", "patronymic", "place"})
#: Words that say what kind of organisation a name is, not which one nor what it does
#: ("JSC Concern Xyz" is Xyz; "ЧОП «Щит»", a private security company, is Shchit; the
#: Arabic مؤسسة, Muassasat, an establishment, which English names leave out: "Syrian Arab
#: Airlines"; شركة, a company, and مؤسسة as the Arabic script is romanised when the name is
#: not read in English: "شركة معادن" / "Ma'aden").
FORM_DESCRIPTORS: Final = frozenset(
    {"concern", "state", "private", "security", "military", "research", "production"}
    | {"association", "company", "companies", "organization", "establishment"}
    | {"shrka", "shrkt", "shrkh", "mwssa", "mwssh"}
)
#: Form descriptors that also say what a body does ("security", "research").
_TRADE_DESCRIPTORS: Final = frozenset({"security", "military", "research", "production"})
_SYLLABIC_SCRIPTS: Final = frozenset({"Han", "Hangul", "Hiragana", "Katakana"})
_KANA_SCRIPTS: Final = frozenset({"Hiragana", "Katakana"})
_HYPHENATED_RE: Final = re.compile(r"\w+(?:-\w+)+")
#: Makes a `TokenPair` from a tuple of its fields at half the cost of its constructor.
_new_pair: Final = tuple.__new__


class TokenWeights(Protocol):
    def idf(self, token: str) -> float: ...

    def acronym_evidence(self, acronym: str, key: str) -> int: ...

    def acronym_spellers(self, acronym: str, loose: bool = False) -> int: ...

    def listed_together(self, name: NormalizedName, other: NormalizedName) -> bool: ...

    def listed_names(self, name: NormalizedName, one_word: bool = True) -> list[NormalizedName]: ...


class FlatWeights:
    """Every token equally rare: for comparing two names without a list behind them."""

    def idf(self, token: str) -> float:
        return 6.0

    def acronym_evidence(self, acronym: str, key: str) -> int:
        return 0

    def acronym_spellers(self, acronym: str, loose: bool = False) -> int:
        return 0

    def listed_together(self, name: NormalizedName, other: NormalizedName) -> bool:
        return False

    def listed_names(self, name: NormalizedName, one_word: bool = True) -> list[NormalizedName]:
        return []


FLAT: Final = FlatWeights()


def compare_names(
    query: NormalizedName,
    entry: NormalizedName,
    weights: TokenWeights | None = None,
    countries: frozenset[str] = frozenset(),
    read: bool = False,
    home: frozenset[str] = frozenset(),
) -> NameScore:
    """Score two normalised names in [0, 1] and say how they matched. `countries`: those the
    entry gives (a query naming the entry's own country, "Sberbank of Russia", says no more);
    `read`: one of the names is another's reading in English (a generic name read so meets
    the same generic name only with the entry's country named, or of an entry of a country
    of `home`, those of the language it is read from: see `_generic_names`)."""
    weights = weights or FLAT
    if not query.tokens or not entry.tokens:
        return NameScore(0.0, "none", query, entry)
    if query.generic_only or entry.generic_only:
        return _generic_names(query, entry, weights, countries, read, home)
    if query.key == entry.key:
        pairs = tuple(TokenPair(t, t, "exact", 1.0) for t in query.key.split(" "))
        return NameScore(1.0, "exact", query, entry, pairs)
    best = align_names(query, entry, weights, countries)
    compact = _compact_score(query, entry)
    if compact > best.score:
        if query.compact == entry.compact:  # the same letters, split otherwise: nothing left
            pairs = (TokenPair(query.display, entry.display, "joined", 1.0),)
            return NameScore(compact, "compact", query, entry, pairs)
        return NameScore(
            compact, "compact", query, entry, best.pairs, best.query_extra, best.entry_extra
        )
    return best


def _generic_names(
    query: NormalizedName,
    entry: NormalizedName,
    weights: TokenWeights,
    countries: frozenset[str],
    read: bool = False,
    home: frozenset[str] = frozenset(),
) -> NameScore:
    """Names of which one has only generic words: capped below any threshold, unless both are
    the same generic name, typos aside, or the same but for the entry's own country named in
    one of them. A generic name read in English ("Bank Tejarat": "bank trade") is the same
    generic name only with the entry's country named ("Trade Bank of Iran"), or when the
    entry is of a country whose language it is read from (`home`: "Federalnaya Sluzhba
    Bezopasnosti" and a Russian entry "Federal Security Service"): a translation of generic
    words alone says less than the words as written."""
    if (
        query.key == entry.key
        and query.key
        and (not read or _names_place(query) or not home.isdisjoint(countries))
    ):
        # a generic name read in English is the same name when it says which country's it
        # is ("Nippon Seitetsu KK", Nippon steel: Nippon Steel Corporation), or which city's
        # body it is (哈尔滨工业大学: Harbin University of Technology)
        return NameScore(_CONFIG.generic_exact, "generic_only", query, entry)
    if countries and entry.key and _key_abroad(query, countries, _STATE_WORDS) == entry.key:
        # the same generic name but for the entry's own country named in the query ("Trade
        # Bank of Iran" / an Iranian "Bank Tejarat", read "bank trade"; "Federal Security
        # Service of the Russian Federation"), as "Sberbank of Russia" is "Sberbank"
        return NameScore(_CONFIG.generic_exact, "generic_only", query, entry)
    if (
        read
        and query.key
        and not home.isdisjoint(countries)
        and len(home) <= _FEW_COUNTRIES
        and _key_abroad(entry, countries, _STATE_WORDS) == query.key
    ):
        # a generic name read from the language of the entry's country, whose English name
        # names that country ("Federalnaya Sluzhba Okhrany", federal service protection: the
        # Federal Protective Service of the Russian Federation); not from Persian and Arabic,
        # read as one, whose generic words name the bodies of twenty-five countries ("Bank
        # Tejarat" is no Trade Bank of Iraq)
        return NameScore(_CONFIG.generic_exact, "generic_only", query, entry)
    base = align_names(query, entry, weights, countries)
    score = min(base.score, _CONFIG.generic_cap)
    if (
        entry.generic_only
        and not read
        and base.pairs
        and not base.query_extra
        and not base.entry_extra
    ):
        # the same generic name with a typo ("Gupo W" / "Grupo W"); a generic query
        # against a name with an identifying word never matches ("Marine" / "Marina")
        # (generic words are not names: one edit in a short one is a typo all the same)
        worst = min(max(sim, _plain_edit(a, b)) for a, b, _, sim in base.pairs)
        score = max(score, _CONFIG.generic_exact - _CONFIG.generic_typo * (1.0 - worst))
    return NameScore(
        score, "generic_only", query, entry, base.pairs, base.query_extra, base.entry_extra
    )


#: Most countries of the language a generic name is read from for it to meet an entry's
#: name that names the entry's country: those of one language (Russian's eleven), not of
#: Persian and Arabic read together.
_FEW_COUNTRIES: Final = 12


def _names_place(name: NormalizedName) -> bool:
    """Whether a name has a word naming a country ("nippon", "china", "russian"), or a
    place and the kind of body it names there ("harbin" and "university")."""
    tokens = name.tokens
    places = [t for t, c in zip(tokens, name.classes, strict=True) if c == "place"]
    return any(country_word(t) for t in places) or (
        bool(places) and any(t in BODY_KINDS for t in tokens)
    )


def _key_abroad(
    name: NormalizedName, countries: frozenset[str], state: frozenset[str] = frozenset()
) -> str:
    """A name's key without its places of ``countries`` ("bank iran trade" -> "bank trade"
    for an Iranian entry), and the words of ``state`` ("Russian Federation"); "" when it
    names none of them."""
    if "place" not in name.classes:
        return ""
    kept = [
        t
        for t, c in zip(name.tokens, name.classes, strict=True)
        if c != "stop" and not (c == "place" and (place_country(t) in countries or t in state))
    ]
    if len(kept) == sum(1 for c in name.classes if c != "stop"):
        return ""
    return " ".join(sorted(kept))


def align_names(
    query: NormalizedName,
    entry: NormalizedName,
    weights: TokenWeights,
    countries: frozenset[str] = frozenset(),
) -> NameScore:
    """The score of the two names' token alignment (see `alignment.align`): what the linked
    tokens cover against what they lose and what each side leaves over, shaped for brands,
    generic names and short words."""
    query_tokens = significant_tokens(query)
    entry_tokens = significant_tokens(entry)
    if not query_tokens or not entry_tokens:
        return NameScore(0.0, "none", query, entry)
    aligned = _Aligned(
        query_tokens,
        entry_tokens,
        [weights.idf(t) * CLASS_WEIGHTS[c] for t, c in query_tokens],
        [weights.idf(t) * CLASS_WEIGHTS[c] for t, c in entry_tokens],
        align(query, entry, query_tokens, entry_tokens, weights)[0],
    )
    home = _home(countries, entry, query_tokens, aligned.query_extra)
    # a word swapped for another of its kind counts more, unless one of the names was in
    # another alphabet: its words read in English are one reader's ("машиностроения":
    # engineering, for an entry's "Machinery"); Han characters' words are read as the
    # glossary gives them, one sense each (科技 science and technology, 科工 science and
    # industry: China Aerospace Science and Technology is not ... and Industry Corporation)
    swaps = not (
        (query.transliterated and "Han" not in query.scripts)
        or (entry.transliterated and "Han" not in entry.scripts)
    )
    query_left, entry_left = aligned.left_over(
        weights,
        home,
        swaps,
        _parent_acronym(query, aligned),
        _parent_name(aligned, countries),
        _group_described(query, aligned),
        (query.dedication, entry.dedication),
        _described_home(query, aligned, home) + _described_kind(query, aligned, entry),
    )
    score = _ratio(query, entry, aligned, query_left, entry_left)
    method = method_of(
        aligned.pairs, query_left, entry_left, query.transliterated != entry.transliterated
    )
    if not aligned.significant:
        score = min(score, _CONFIG.generic_cap)
        method = "generic_only"
    else:
        score = _shaped(score, method, query, entry, aligned, query_left, home)
        if (
            _qualified_place_body(query, entry, aligned)
            or _parent_alone(query, entry, aligned)
            or _group_member(query, entry, aligned)
            or _trade_named_member(query, entry, aligned)
            or _registered_sibling(query, entry, aligned)
            or _company_against_body(query, entry, aligned)
            or _inserted_name(query, entry, aligned)
            or _branch_abroad(query, entry, aligned)
        ):
            score = min(score, _CONFIG.place_body_cap)
    return NameScore(
        score=score,
        method=method,
        query=query,
        entry=entry,
        pairs=aligned.pairs,
        query_extra=tuple(query_tokens[i][0] for i in aligned.query_extra),
        entry_extra=tuple(entry_tokens[j][0] for j in aligned.entry_extra),
    )


class _Aligned:
    """Two names' tokens and weights, and what their links cover: the weight matched (times
    the similarity), the weight lost (times the dissimilarity), the positions matched and
    left over, and whether a pair of identifying words matched (`significant`)."""

    __slots__ = (
        "covered",
        "entry_extra",
        "entry_tokens",
        "entry_weights",
        "links",
        "lost",
        "matched_entry",
        "matched_query",
        "pairs",
        "query_extra",
        "query_tokens",
        "query_weights",
        "significant",
    )

    def __init__(
        self,
        query_tokens: Sequence[ClassedToken],
        entry_tokens: Sequence[ClassedToken],
        query_weights: list[float],
        entry_weights: list[float],
        links: list[Link],
    ) -> None:
        self.query_tokens = query_tokens
        self.entry_tokens = entry_tokens
        self.query_weights = query_weights
        self.entry_weights = entry_weights
        self.links = links
        covered = lost = 0.0
        matched_query: set[int] = set()
        matched_entry: set[int] = set()
        significant = False
        pairs: list[TokenPair] = []
        for query_positions, entry_positions, how, sim in links:
            query_weight, query_words = _link_side(query_positions, query_weights, query_tokens)
            entry_weight, entry_words = _link_side(entry_positions, entry_weights, entry_tokens)
            pair_weight = (query_weight + entry_weight) / 2.0
            covered += sim * pair_weight
            lost += (1.0 - sim) * pair_weight
            matched_query.update(query_positions)
            matched_entry.update(entry_positions)
            if (
                sim >= _SIM_SIGNIFICANT
                and any(query_tokens[i][1] in _IDENTIFYING for i in query_positions)
                and any(entry_tokens[j][1] in _IDENTIFYING for j in entry_positions)
            ):
                significant = True
            pairs.append(_new_pair(TokenPair, (query_words, entry_words, how, sim)))
        self.covered, self.lost, self.significant = covered, lost, significant
        self.pairs = tuple(pairs)
        self.matched_query, self.matched_entry = matched_query, matched_entry
        self.query_extra = [i for i in range(len(query_tokens)) if i not in matched_query]
        self.entry_extra = [j for j in range(len(entry_tokens)) if j not in matched_entry]

    def left_over(
        self,
        weights: TokenWeights,
        home: frozenset[str],
        swaps: bool = True,
        parent: int = -1,
        parent_name: bool = False,
        group_described: bool = False,
        dedications: tuple[str, str] = ("", ""),
        described_home: tuple[int, ...] = (),
    ) -> tuple[float, float]:
        """The weight of the query's and the entry's unmatched tokens. A token repeated in
        one name ("Sergey Sergey Shoigu") counts little the second time; a query word in
        place of another of its kind counts more (see `_query_extra_weight`), without `swaps`
        (a name read from another script) only a place in place of another;
        the query's token at `parent`, the acronym of the body the entry belongs to, weighs
        nothing, as a form descriptor does (see `_parent_acronym`), and with `parent_name`
        so do all the words the query has besides the entry's name (see `_parent_name`); with
        `group_described` its word "Group" weighs nothing (see `_group_described`). A word
        of one name that is the surname of the other's dedication (`dedications`: the
        query's and the entry's) weighs nothing: "Lomonosov Moscow State University" is the
        one "named after M.V. Lomonosov". The query's tokens at `described_home`, the entry's
        country said after its name, weigh nothing (see `_described_home`)."""
        query_dedication, entry_dedication = dedications
        query_tokens, entry_tokens = self.query_tokens, self.entry_tokens
        query_seen = {query_tokens[i][0] for i in self.matched_query}
        entry_seen = {entry_tokens[j][0] for j in self.matched_entry}
        swapped = _swapped_kinds(entry_tokens, self.entry_extra) if self.query_extra else ""
        if not swaps:
            # a word read from another script is one reader's, but a place is a place
            # (北京 is Beijing, not the entry's Nanjing)
            swapped = "p" if "p" in swapped else ""
        # the rest of a country's name, part of which matched ("Saudi" of "Saudi Arabia")
        query_left = sum(
            (
                self.query_weights[i] * _QUERY_GENERIC_EXTRA
                if _home_state(query_tokens, i, home)
                else _query_extra_weight(
                    weights, query_tokens[i], self.query_weights[i], home, swapped
                )
            )
            * (_REPEATED if query_tokens[i][0] in query_seen else 1.0)
            for i in self.query_extra
            if i != parent
            and i not in described_home
            and not parent_name
            and not (group_described and query_tokens[i][0] in _DESCRIBED_GROUP)
            and not _rest_of_place(query_tokens, i, self.matched_query)
            and not dedicated_to(query_tokens[i][0], entry_dedication)
        )
        entry_left = sum(
            self.entry_weights[j] * (_REPEATED if entry_tokens[j][0] in entry_seen else 1.0)
            for j in self.entry_extra
            if not _rest_of_place(entry_tokens, j, self.matched_entry, entry=True)
            and not dedicated_to(entry_tokens[j][0], query_dedication)
        )
        return query_left, entry_left


def _link_side(
    positions: Sequence[int], weights: list[float], tokens: Sequence[ClassedToken]
) -> tuple[float, str]:
    """The weight and the words of one name's side of a link: most links pair one word with
    one word, taken as it is; several are summed and joined."""
    if len(positions) == 1:
        at = positions[0]
        return weights[at], tokens[at][0]
    return sum(weights[i] for i in positions), " ".join(tokens[i][0] for i in positions)


def _described_home(
    query: NormalizedName, aligned: _Aligned, home: frozenset[str]
) -> tuple[int, ...]:
    """The positions of the query's last words when they are the name of the entry's own
    country, left unmatched after the name of an organisation written with no legal form
    ("Hikvision China", "HAL India", "SABIC Saudi Arabia"): a description of where the body
    is, as "Group" after a brand is of what it is, which a registered name would not be
    ("ASML Netherlands B.V." is ASML's Dutch company); none otherwise."""
    tokens = aligned.query_tokens
    if query.kind == "person" or query.legal_forms or not home:
        return ()
    extra = set(aligned.query_extra)
    found: tuple[int, ...] = ()
    for first in range(len(tokens) - 1, 0, -1):
        if first not in extra or tokens[first][1] != "place":
            break
        words = " ".join(text for text, _ in tokens[first:])
        if country_word(words) and place_of(words, home):
            found = tuple(range(first, len(tokens)))
    return found


def _home_state(tokens: Sequence[ClassedToken], at: int, home: frozenset[str]) -> bool:
    """Whether the word at `at` is a word of a state's official name after a place of the
    entry's own countries ("of the Russian Federation"), which says no more than the place
    (not "Republika Srpska", the Serb Republic, before its people's name)."""
    return (
        bool(home)
        and at > 0
        and tokens[at][0] in _STATE_WORDS
        and tokens[at - 1][1] == "place"
        and place_of(tokens[at - 1][0], home)
    )


def _described_kind(
    query: NormalizedName, aligned: _Aligned, entry: NormalizedName
) -> tuple[int, ...]:
    """The positions of the query's first words when they say what kind of body it is,
    left unmatched before the name of an organisation written with no legal form ("Trading
    House Perekrestok", "Design Bureau Sukhoi", "Investment Company Finam"): a description,
    as the entry's own country after its name is (`_described_home`), which a registered
    name would put after the name or in its legal form. Only when the entry leaves no word
    over but a form descriptor or "Group" in their place: "Bank Rossiya" is not Rossiya Airlines,
    nor "Design Bureau Sukhoi" Sukhoi Civil Aircraft. None otherwise."""
    if query.kind == "person" or query.legal_forms or not aligned.matched_query:
        return ()
    tokens = aligned.query_tokens
    first = min(aligned.matched_query)
    lead = [i for i in aligned.query_extra if i < first]
    if (
        not lead
        or lead != list(range(len(lead)))
        or len(lead) != len(aligned.query_extra)
        or not all(tokens[i][1] in ("generic", "stop") or tokens[i][0] in _KIND_NOUNS for i in lead)
        or not any(tokens[i][1] == "name" for i in aligned.matched_query)
        or not all(aligned.entry_tokens[j][0] in _GROUP_WORDS for j in aligned.entry_extra)
    ):
        return _described_after(query, entry, aligned)
    return tuple(lead)


def _described_after(
    query: NormalizedName, entry: NormalizedName, aligned: _Aligned
) -> tuple[int, ...]:
    """The positions of the query's last words when they say what kind of body it is after
    the entry's whole name, a name word matched ("Kronstadt Technologies", "Klimov Plant"
    / JSC Kronstadt, JSC UEC-Klimov), as `_described_kind` says of the first words: none of
    them a line of business another company of a group would be named by ("Sumitomo
    Chemical" is not the Sumitomo Corporation, see `_SIBLING_TRADES`), the entry leaving no
    word over but "Group" or its parent's acronym before its name (an association is no
    organization). A short word alone in common is a brand in capitals, not a common word
    ("Star Group" is not JSC Star, as `_group_described` says). None otherwise."""
    tokens = aligned.query_tokens
    if _short_lone(aligned) and not any(
        _in_capitals(query.original, tokens[i][0]) for i in aligned.matched_query
    ):
        return ()
    last = max(aligned.matched_query)
    tail = [i for i in aligned.query_extra if i > last]
    if (
        not tail
        or tail != list(range(last + 1, len(tokens)))
        # a form descriptor before the name weighs nothing as it is ("Company Ooredoo for
        # Telecommunications"), a place as a place does ("Moscow Avangard Plant")
        or any(
            i not in tail and tokens[i][0] not in FORM_DESCRIPTORS and tokens[i][1] != "place"
            for i in aligned.query_extra
        )
        or not all(
            (tokens[i][1] in ("generic", "stop") or tokens[i][0] in BODY_KINDS)
            and tokens[i][0] not in _SIBLING_TRADES
            for i in tail
        )
        or not any(tokens[i][1] == "name" for i in aligned.matched_query)
        or (
            # a kind of body said of an entry of another kind ("... State University" /
            # "Moscow Institute of Physics and Technology") is for the kinds to compare
            any(tokens[i][0] in BODY_KINDS for i in tail)
            and any(t in BODY_KINDS for t, _ in aligned.entry_tokens)
        )
        or not all(
            aligned.entry_tokens[j][0] in _DESCRIBED_GROUP
            or (
                j < min(aligned.matched_entry)
                and _capitals_in(entry.original, aligned.entry_tokens[j][0])
            )
            for j in aligned.entry_extra
        )
    ):
        return ()
    return tuple(tail)


def _capitals_in(original: str, token: str) -> bool:
    """Whether `token` is an acronym of 2 to 5 letters written in capitals in `original`, a
    word of it or a hyphenated word's first part ("UEC" of "JSC UEC-Klimov"), and
    `original` is not written all in capitals."""
    if not original.isascii() or original.isupper() or not 2 <= len(token) <= 5:
        return False
    return re.search(rf"(?<![\w-]){re.escape(token.upper())}(?![\w])", original) is not None


#: Nouns that say what kind of body a name is after a generic word ("Trading House",
#: "Publishing House").
_KIND_NOUNS: Final = frozenset({"house"})


def _group_described(query: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the query says "Group" of a body as a description, not in a registered name:
    with no legal form ("ZTE Group"), or after its legal form ("Aviation Industry Corporation
    of China Group"). "Daiwa Securities Group Inc." is the group's own company, not Daiwa
    Securities Co. Ltd. A short word alone in common is a brand in capitals ("ZTE"), not a
    common word ("Star Group" is not JSC Star)."""
    if query.kind == "person":
        return False
    if _short_lone(aligned) and not any(
        _in_capitals(query.original, aligned.query_tokens[i][0]) for i in aligned.matched_query
    ):
        return False
    if not query.legal_forms:
        return True
    words = _LAST_WORD_RE.findall(query.original)
    return bool(words) and words[-1].lower() in _DESCRIBED_GROUP


#: The words a query says of a body as a group of companies ("ZTE Group", "Gazprom Holding").
_DESCRIBED_GROUP: Final = frozenset({"group", "holding", "holdings"})
_LAST_WORD_RE: Final = re.compile(r"[^\W_]+")


def _rest_of_place(
    tokens: Sequence[ClassedToken], at: int, matched: set[int], entry: bool = False
) -> bool:
    """Whether the place at `at`, left over, is the rest of the name of a place beside it that
    matched, in the same country ("Arabia" after "Saudi"; not "Delhi" of "Indian Institute of
    Technology Delhi"), or, in the entry's name, "National" after China."""
    if tokens[at][1] != "place":
        return False
    country = place_country(tokens[at][0])
    if tokens[at][0] == "national" and entry:
        # "China National", as the English names of China's state groups begin (China
        # National Nuclear Corporation: 中国核工业集团, China nuclear industry group)
        return at > 0 and at - 1 in matched and place_country(tokens[at - 1][0]) == "cn"
    if tokens[at][0] in _STATE_WORDS:
        # the words of a state's official name beside its country's word that matched
        # ("Ministry of Oil of the Republic of Iraq", "Islamic Republic of Iran")
        for step in (-1, 1):
            n = at + step
            while 0 <= n < len(tokens) and n not in matched and tokens[n][0] in _STATE_WORDS:
                n += step
            if (
                0 <= n < len(tokens)
                and n in matched
                and country_word(tokens[n][0])
                # before its country's name, not its people's ("Republika Srpska", the
                # Serb Republic, is not Serbia); after either ("Russian Federation")
                and (step < 0 or not tokens[n][0].endswith(_PEOPLE_ENDINGS))
            ):
                return True
        return False
    if country is None and tokens[at][0] in _ARAB:
        # "Arab" of an Arab state's name ("Syrian Arab Republic": "Syrian Arab Airlines")
        return any(
            n in matched and place_country(tokens[n][0]) in _ARAB_STATES
            for n in (at - 1, at + 1)
            if 0 <= n < len(tokens)
        )
    return country is not None and any(
        n in matched and tokens[n][1] == "place" and place_country(tokens[n][0]) == country
        for n in (at - 1, at + 1)
        if 0 <= n < len(tokens)
    )


_ARAB: Final = frozenset({"arab", "arabian"})
#: The words of states' official names besides the country's ("Republic of Iraq", "Kingdom
#: of Saudi Arabia", "Russian Federation"; not "Democratic People's": the DPRK is not the
#: Republic of Korea).
_PEOPLE_ENDINGS: Final = ("ian", "ese", "ish", "ean", "ic")
_STATE_WORDS: Final = frozenset(
    {"republic", "kingdom", "federation", "islamic", "federal", "sultanate", "principality"}
)
#: The states of the Arab League, whose official names many of them say "Arab" in.
_ARAB_STATES: Final = frozenset(
    {"dz", "bh", "km", "dj", "eg", "iq", "jo", "kw", "lb", "ly", "mr", "ma", "om", "ps", "qa"}
    | {"sa", "so", "sd", "sy", "tn", "ae", "ye"}
)


def _ratio(
    query: NormalizedName,
    entry: NormalizedName,
    aligned: _Aligned,
    query_left: float,
    entry_left: float,
) -> float:
    """covered / (covered + lost + the query's unmatched weight + a share of the entry's)."""
    entry_share = _CONFIG.entry_extra
    if query.kind == "person" or entry.kind == "person":
        entry_share, entry_left = _person_entry_share(aligned, query_left, entry_left)
    covered = aligned.covered
    denominator = covered + aligned.lost + _CONFIG.query_extra * query_left
    denominator += entry_share * entry_left
    if entry.kind != "person" and query.kind != "person" and entry_share < 1.0:
        # a query describing a body in generic words and places is no brand of a longer
        # name: what the entry does besides counts in full ("Syrian Oil Company" is not the
        # Syrian Company for Oil Transport)
        denominator += (1.0 - entry_share) * _activity_left(aligned)
    if entry.kind == "person" and entry_share < 1.0:
        # the second part of a compound surname without its first ("Smith" of
        # "Pridmore-Smith", "Garcia" of "GAXIOLA GARCIA, Maria"): the missing first part
        # counts in full, not as one of the names lists add
        denominator += (1.0 - entry_share) * _lost_heads(entry, aligned)
    return covered / denominator if denominator > 0 else 0.0


def _parent_acronym(query: NormalizedName, aligned: _Aligned) -> int:
    """The position of the query's first word when it is all the query has besides the
    entry's whole name and is an acronym written in capitals in a name that is not: the
    acronym of the body the entry belongs to, which names of subordinate bodies put before
    their own ("ISRO Vikram Sarabhai Space Centre", "DRDO Defence Research and Development
    Laboratory", "PLA National University of Defense Technology"), also after its country's
    word ("Chinese PLA ...", whose country word weighs as any other); -1 otherwise."""
    extra = list(aligned.query_extra)
    at = 1 if extra == [0, 1] and country_word(aligned.query_tokens[0][0]) else 0
    if (
        query.kind == "person"
        or extra != list(range(at + 1))
        or any(aligned.entry_tokens[j][1] != "stop" for j in aligned.entry_extra)
        or sum(1 for i in aligned.matched_query if aligned.query_tokens[i][1] != "stop") < 3
        or not any(aligned.query_tokens[i][1] == "name" for i in aligned.matched_query)
    ):
        return -1
    return at if _in_capitals(query.original, aligned.query_tokens[at][0], at) else -1


def _parent_name(aligned: _Aligned, countries: frozenset[str]) -> bool:
    """Whether the query is the entry's whole name and the name of the body the entry belongs
    to, a country's word and a body's, the country the entry's when it gives one:
    - before it ("US Department of Defense Defense Security Cooperation Agency", "Chinese
      People's Liberation Army National University of Defense Technology");
    - or after it ("Institute of Applied Physics of the Russian Academy of Sciences";
      Институт прикладной физики РАН).
    The entry's name has three words or more besides stop words."""
    tokens = aligned.query_tokens
    entry_words = [t for t, c in aligned.entry_tokens if c != "stop"]
    if len(entry_words) < 3 or aligned.entry_extra:
        return False
    size = len(tokens) - len(entry_words)
    if (
        size >= _PARENT_LEAST_WORDS
        and len(aligned.query_extra) == size
        and [t for t, _ in tokens[size:]] == entry_words
    ):
        parent = [t for t, _ in tokens[:size]]
    else:
        parent = _parent_after(tokens, entry_words)
    if len(parent) < _PARENT_LEAST_WORDS or not any(t in _PARENT_BODIES for t in parent):
        return False
    named = [t for t in parent if country_word(t)]
    return bool(named) and (not countries or any(place_of(t, countries) for t in named))


def _parent_after(tokens: Sequence[ClassedToken], entry_words: list[str]) -> list[str]:
    """The query's words after the entry's whole name at its start, stop words aside; []
    when it does not start with it."""
    words = [t for t, c in tokens if c != "stop"]
    size = len(entry_words)
    if len(words) <= size or words[:size] != entry_words:
        return []
    return words[size:]


#: The fewest words of a parent body's name before its subordinate body's (`_parent_name`).
_PARENT_LEAST_WORDS: Final = 2
#: The words of the bodies that others belong to ("Department of Defense", "People's
#: Liberation Army", "Ministry of ...", "Academy of Sciences").
_PARENT_BODIES: Final = frozenset(
    {"army", "department", "ministry", "academy", "commission", "administration", "council"}
    | {"committee", "navy", "corps", "forces", "government", "party", "center", "centre"}
)


#: Lines of business a company's own name says it is in, as a Russian oil company calls itself
#: one ("Lukoil Oil Company" / PJSC Lukoil), a Chinese group its energy ("China Coal Energy
#: Group") and a Japanese trading house its trade (三菱商事, Mitsubishi Shoji: Mitsubishi
#: Corporation): not a sibling's.
_OWN_TRADES: Final = frozenset({"oil", "energy", "trading", "trade"})


def _group_member(query: NormalizedName, entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the query is the entry's one name word, the whole of the entry's registered
    name besides its legal form, and a line of business the entry does not name ("Sumitomo
    Chemical" / "Sumitomo Corporation"): another company of the group, not the group. Not
    for an entry without a legal form (a brand, which the query may describe: "Halyk Bank"
    / "Halyk"), nor one read from another script, whose English name may say more than it
    does (スズキ株式会社: Suzuki Motor Corporation)."""
    if (
        query.kind == "person"
        or not entry.legal_forms
        or entry.transliterated
        or aligned.entry_extra
    ):
        return False
    tokens = aligned.query_tokens
    # a form descriptor of both names aside ("Concern Sozvezdie-Insurance" / "JSC Concern
    # Sozvezdie")
    named = [i for i in aligned.matched_query if tokens[i][0] not in FORM_DESCRIPTORS]
    if len(named) != 1:
        return False
    described = _described_kind(query, aligned, entry)  # "Trading House Perekrestok" is Perekrestok
    return tokens[named[0]][1] == "name" and any(
        tokens[i][0] in _SIBLING_TRADES and tokens[i][0] not in _OWN_TRADES
        for i in aligned.query_extra
        if i not in described
    )


def _trade_named_member(query: NormalizedName, entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the query is a registered name, with its legal form, of one name word, and
    the entry, a name without a legal form, is that word and a line of business ("PAO
    Sberbank" / "Sberbank Leasing", "JSC Concern Sozvezdie" / "Sozvezdie Insurance"; places
    aside: 中国大唐集团有限公司 is no "China Datang Telecom Technology"): the group against
    its company of that trade, `_group_member` the other way round. Not for a Japanese name, whose
    English name may say more (スズキ株式会社: Suzuki Motor Corporation)."""
    if (
        query.kind == "person"
        or not query.legal_forms
        or entry.legal_forms
        or _japanese(query)
        or any(aligned.query_tokens[i][0] not in _GROUP_WORDS for i in aligned.query_extra)
    ):
        return False
    tokens = aligned.entry_tokens
    names = [j for j in aligned.matched_entry if tokens[j][1] != "place"]
    return (
        len(names) == 1
        and tokens[names[0]][1] == "name"
        and any(
            tokens[j][0] in _SIBLING_TRADES and tokens[j][0] not in _OWN_TRADES
            for j in aligned.entry_extra
        )
    )


#: Words a group's registered name may say besides its name: its kind ("JSC Concern
#: Sozvezdie") and that it is a group ("China Datang Group Co., Ltd.").
_GROUP_WORDS: Final = FORM_DESCRIPTORS | {"group", "holding", "holdings"}


def _japanese(name: NormalizedName) -> bool:
    """Whether a name is a Japanese company's: written in kana, or with the kabushiki
    kaisha."""
    return bool(name.scripts & _KANA_SCRIPTS) or "kk" in name.legal_forms


#: Legal forms of companies registered under English names: one language, whatever their
#: kind, for `_registered_sibling`.
_ENGLISH_FORMS: Final = frozenset({"corp", "inc", "ltd", "coltd", "co", "llc", "plc"})


def _registered_sibling(query: NormalizedName, entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the two are registered names, each with its legal form, of one name word (and
    places) that one of them says with one line of business more ("Furukawa Co., Ltd." /
    "Furukawa Electric Co., Ltd.", "Japan Post Co., Ltd." / "Japan Post Bank Co., Ltd.",
    "Siemens Energy AG" / "Siemens AG"), both of one kind of company: two companies of one
    group, each registered under its own name. Not a line of business the name describes
    the company by, with a word of its kind ("PJSC Lukoil Oil Company" / "Lukoil PJSC"),
    nor under the forms of two languages, where the English name may say more than
    the other ("Suzuki Kabushiki Kaisha", スズキ株式会社: Suzuki Motor Corporation). English
    forms are of one language whatever their kind ("Sumitomo Corporation" / "Sumitomo
    Chemical Company, Limited")."""
    if (
        "person" in (query.kind, entry.kind)
        or not query.legal_forms
        or not entry.legal_forms
        or not (
            {legal_family(f) for f in query.legal_forms}
            & {legal_family(f) for f in entry.legal_forms}
            or _ENGLISH_FORMS.issuperset(query.legal_forms + entry.legal_forms)
        )
    ):
        return False
    return _one_trade_more(
        aligned.query_tokens,
        aligned.matched_query,
        aligned.query_extra,
        aligned.entry_tokens,
        aligned.entry_extra,
    ) or _one_trade_more(
        aligned.entry_tokens,
        aligned.matched_entry,
        aligned.entry_extra,
        aligned.query_tokens,
        aligned.query_extra,
    )


def _one_trade_more(
    short: Sequence[ClassedToken],
    short_matched: Iterable[int],
    short_extra: Iterable[int],
    long: Sequence[ClassedToken],
    long_extra: Iterable[int],
) -> bool:
    """Whether the `long` name is the `short` one, of one name word (and places), with one
    line of business more, its form descriptors aside ("Taiwan Semiconductor Manufacturing
    Company Limited"), not one that describes the company (`_DESCRIBING_PHRASES`); a line
    of business and a generic word after it are one ("Mitsubishi Heavy Industries, Ltd." /
    "Mitsubishi Corporation")."""
    if any(short[i][0] not in FORM_DESCRIPTORS for i in short_extra):
        return False
    trades = [j for j in long_extra if long[j][0] not in FORM_DESCRIPTORS]
    if len(trades) == 2 and trades[1] == trades[0] + 1 and long[trades[1]][1] == "generic":
        trades = trades[:1]
    if len(trades) != 1:
        return False
    names = [i for i in short_matched if short[i][1] != "place"]
    (extra,) = trades
    return (
        len(names) == 1
        and short[names[0]][1] == "name"
        and long[extra][0] in _SIBLING_TRADES
        and tuple(t for t, _ in long[extra : extra + 2]) not in _DESCRIBING_PHRASES
    )


#: Words of a line of business and of a kind of company that describe the company rather
#: than name another: an "Oil Company" (НК, нефтяная компания: "PJSC Lukoil Oil Company").
_DESCRIBING_PHRASES: Final = frozenset({("oil", "company")})


#: Regions of several countries that a group's company abroad names ("Sberbank Europe AG",
#: "Samsung Electronics Asia Pacific Pte. Ltd."), and the two words of those that begin with
#: another place ("Toyota Motor North America, Inc.", "Huawei Technologies Middle East").
_REGIONS: Final = frozenset(
    {"americas", "europe", "european", "asia", "emea", "apac", "africa", "mena", "latam"}
    | {"pacific", "eurasia", "oceania", "caribbean", "nordic", "nordics", "benelux", "gcc"}
)
_TWO_WORD_REGIONS: Final = frozenset(
    {("north", "america"), ("latin", "america"), ("south", "america"), ("central", "america")}
    | {("middle", "east"), ("far", "east"), ("central", "asia"), ("southeast", "asia")}
)


def _branch_abroad(query: NormalizedName, entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the entry's registered name is the query's, a registered name too, with a
    place of its own that says it is the group's company abroad: a region of several
    countries ("Sberbank Europe AG" / ПАО «Сбербанк», "Toyota Motor North America, Inc." /
    "Toyota Motor Corporation"), or a country where the query's legal form does not exist
    ("Kaspersky Lab UK Limited" / "Kaspersky Lab JSC", "Hino Motors Sales USA, Inc." /
    日野自動車株式会社). A country where it does may be the company's own ("Sberbank of
    Russia" / "PAO Sberbank")."""
    if "person" in (query.kind, entry.kind) or not query.legal_forms or not entry.legal_forms:
        return False
    tokens = aligned.query_tokens
    if not any(tokens[i][1] == "name" for i in aligned.matched_query):
        return False
    home = legal_form_countries(query.legal_forms)
    entry_tokens = aligned.entry_tokens
    extra = set(aligned.entry_extra)
    for j in aligned.entry_extra:
        word = entry_tokens[j][0]
        if word in _REGIONS or (
            j + 1 in extra and (word, entry_tokens[j + 1][0]) in _TWO_WORD_REGIONS
        ):
            return True
        country = place_country(word)
        if (
            country is not None
            and home
            and country not in home
            and not _rest_of_place(entry_tokens, j, aligned.matched_entry, entry=True)
        ):
            return True
    return False


#: Kinds of body that are no company: a company's registered name is not theirs.
_NO_COMPANY_KINDS: Final = frozenset(
    {"university", "college", "academy", "institute", "school", "hospital", "laboratory"}
)


def _inserted_name(query: NormalizedName, entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the query's words all matched and the entry has a word of a name of its own
    after the first of their words of names and before their last word: "Turkcell Iletisim
    Hizmetleri A.S." is not "Turkcell Superonline Iletisim Hizmetleri A.S.", another company
    of the group, nor "Ziraat Bankasi" the "Ziraat Katilim Bankasi A.S." (a participation
    bank of the group). Two registered names need forms of the same kind; a brand without
    one, a word that is no common word and no word of the name said again."""
    if (
        "person" in (query.kind, entry.kind)
        or aligned.query_extra
        or len(aligned.matched_entry) < 2
        or (
            query.legal_forms
            and entry.legal_forms
            and not {legal_family(f) for f in query.legal_forms}
            & {legal_family(f) for f in entry.legal_forms}
        )
    ):
        return False
    tokens = aligned.entry_tokens
    names = [j for j in aligned.matched_entry if tokens[j][1] == "name"]
    if not names:
        return False
    first, last = min(names), max(aligned.matched_entry)
    # a brand without a registered name's form ("Ziraat Bankasi" / "Ziraat Katilim Bankasi
    # A.S."): not a common word, nor a word of the name said again
    registered = bool(query.legal_forms and entry.legal_forms)
    seen = {tokens[j][0] for j in aligned.matched_entry}
    return any(
        first < j < last
        and tokens[j][1] == "name"
        and tokens[j][0] not in FORM_DESCRIPTORS
        and (registered or not (tokens[j][0] in seen or _common_word(tokens[j][0], True)))
        for j in aligned.entry_extra
    )


#: Words that say a name is a company's where no legal form does ("Shenyang Aircraft Company").
_COMPANY_WORDS: Final = frozenset({"company", "corporation"})


def _company_against_body(query: NormalizedName, entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether a company's registered name (its legal form, no kind of body) meets the name
    of a research or teaching body with no legal form that says more: "Shenyang Aircraft
    Corporation" is not the "AVIC Shenyang Aircraft Design and Research Institute" of its
    group; Company or Corporation written as its last word, which the entry lacks, says so
    as a legal form does ("Shenyang Aircraft Company")."""
    if entry.legal_forms or "person" in (query.kind, entry.kind):
        return False
    tokens = aligned.query_tokens
    if not query.legal_forms and not (
        tokens and tokens[-1][0] in _COMPANY_WORDS and len(tokens) - 1 in aligned.query_extra
    ):
        return False
    if any(BODY_KINDS.get(t) for t, _ in aligned.query_tokens):
        return False
    return any(
        BODY_KINDS.get(aligned.entry_tokens[j][0]) in _NO_COMPANY_KINDS for j in aligned.entry_extra
    )


def _parent_alone(query: NormalizedName, entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the query is the acronym in capitals that the entry's name begins with, and
    the entry names a body of its own after it in two words or more that are not generic:
    the group ("AVIC") is not its subordinate body ("AVIC Shenyang Aircraft Design and
    Research Institute")."""
    if (
        query.kind == "person"
        or len(aligned.query_tokens) != 1
        or aligned.matched_query != {0}
        or 0 not in aligned.matched_entry
        or not _in_capitals(entry.original, aligned.entry_tokens[0][0])
    ):
        return False
    own = sum(1 for j in aligned.entry_extra if aligned.entry_tokens[j][1] in _IDENTIFYING)
    return own >= 2


@lru_cache(maxsize=20_000)
def _in_capitals(original: str, token: str, at: int = 0) -> bool:
    """Whether `token` is written in `original` as its word at `at` (the first unless said),
    an acronym in capitals (2 to 5 letters, dots aside: "ISRO", "U.S."), and `original` is
    not written all in capitals."""
    if not original.isascii() or original.isupper() or not 2 <= len(token) <= 5:
        return False
    words = original.split()
    word = words[at].replace(".", "") if len(words) > at else ""
    return word.lower() == token and word.isupper() and word.isalpha()


def _qualified_place_body(query: NormalizedName, entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the names are of a body named by its place and kind alone ("Istanbul
    University", "University of Seoul") and one of them qualifies it with a word the other
    lacks: a generic word ("Istanbul Technical University", "Tokyo University of Science")
    or "National" ("Seoul National University"). A city tells such bodies apart only with
    their qualifiers; a person's name the other leaves out ("Taras Shevchenko National
    University of Kyiv" / "Kyiv National University"), a country, or a form descriptor
    (State, Company) does not make another body."""
    if "person" in (query.kind, entry.kind) or not (aligned.query_extra or aligned.entry_extra):
        return False
    query_tokens = aligned.query_tokens
    kind = place = False
    countries: set[str] = set()
    for i in aligned.matched_query:
        text, cls = query_tokens[i]
        country = place_country(text)
        if text in BODY_KINDS:
            kind = True
        elif cls == "place" or country is not None:
            place = True
            if country is not None:
                countries.add(country)
        elif cls not in ("stop", "generic"):
            return False
    if not (kind and place):
        return False
    leftovers = [query_tokens[i] for i in aligned.query_extra]
    leftovers += [aligned.entry_tokens[j] for j in aligned.entry_extra]
    for text, cls in leftovers:
        if text in _STATE_WORDS:
            continue  # "of the Republic of Iraq": the state's name, no qualifier
        country = place_country(text)
        if (
            (cls == "generic" and text not in FORM_DESCRIPTORS and text not in BODY_KINDS)
            or (cls == "place" and country is None)
            or text in _PLACE_QUALIFIERS
            # another country's people: "American University in Cairo" / "Cairo University"
            or (country is not None and countries and country not in countries)
        ):
            return True
    return False


#: Words that tell apart the bodies of one kind in one place as "National" does ("Osaka
#: City University" / "Osaka University").
_PLACE_QUALIFIERS: Final = frozenset(
    {"city", "municipal", "prefectural", "metropolitan", "provincial", "national"}
)


#: The words that end a name by the kind of body it is, after the words describing its trade
#: ("Optical and Mechanical Enterprise", "Seaports Administration", "Design Bureau").
_BODY_HEADS: Final = frozenset(
    {"plant", "factory", "works", "bureau", "enterprise", "company", "concern", "complex"}
    | {"administration", "refinery", "shipyard", "airlines", "airline", "association"}
    | {"combine", "corporation", "headquarters"}
)
#: The words of a line of business that a group's other companies are named by ("Tupolev
#: Leasing Company", "Sberbank Investments"): a sibling, not the brand described.
_SIBLING_TRADES: Final = frozenset(
    {"leasing", "trading", "trade", "capital", "finance", "financial", "investment"}
    | {"investments", "insurance", "services", "service", "media", "cargo", "logistics"}
    | {"resources", "marketing", "retail", "development", "realty", "estate", "international"}
    | {"overseas", "export", "import", "consulting", "management", "solutions", "school"}
    | {"training", "energy", "power", "gas", "chemical", "chemicals", "electric", "motor"}
    | {"motors", "heavy", "securities", "asset", "assets", "bank", "banking", "credit"}
    | {"pension", "telecom", "digital", "software", "civil", "commercial", "house", "oil", "trust"}
    | {"shipping", "neft", "manufacturing"}  # neft: oil, in Russian (Gazprom Neft)
)


def _described_brand(query: NormalizedName, entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the query is the entry's name, a brand of its own words besides its legal form
    and words of its kind ("JSC Peleng", "PJSC Sukhoi Company"), followed by words describing
    the kind of body it is, the last of them one of `_BODY_HEADS` ("Peleng Optical and
    Mechanical Enterprise", "Sukhoi Design Bureau"), or the first of them in a name read from
    another script, none of them a number or a line of business of `_SIBLING_TRADES`
    ("Tupolev Leasing Company" is a sibling)."""
    if "person" in (query.kind, entry.kind) or not aligned.significant:
        return False
    tokens = aligned.query_tokens
    extra = aligned.query_extra
    if not extra or not aligned.matched_query:
        return False
    if not any(tokens[i][1] == "name" for i in aligned.matched_query):
        return False
    # read from a language that puts the kind of body first (شركة زين للاتصالات: company
    # Zain for telecommunications; طيران الإمارات: airline of the Emirates)
    head_first = query.transliterated and tokens[0][0] in _BODY_HEADS and 0 in extra
    if not head_first and (
        max(aligned.matched_query) > min(extra)
        or tokens[-1][0] not in _BODY_HEADS
        or len(tokens) - 1 not in extra
    ):
        return False
    if any(tokens[i][0] in _SIBLING_TRADES or tokens[i][1] == "number" for i in extra):
        return False
    if any(sim < _SIM_DESCRIBED for _, _, _, sim in aligned.pairs):
        return False  # the brand itself ("Gazprom Group" is not Gazprombank)
    return all(
        aligned.entry_tokens[j][0] in _BODY_HEADS or aligned.entry_tokens[j][0] == "group"
        for j in aligned.entry_extra
    )


def _brand_after_description(
    query: NormalizedName, entry: NormalizedName, aligned: _Aligned
) -> bool:
    """Whether the query is a registered name (it has a legal form), or a name that says the
    kind of body the entry's says ("Radio Engineering Concern Vega" / "JSC Concern Vega"),
    that describes the body around the entry's brand, the whole of the entry's name besides
    kinds of body.

    - In two words or more before it: "State Atomic Energy Corporation Rosatom", "FSUE
      Russian Federal Nuclear Center VNIIEF", "JSC Special Design Bureau Turbina" (the
      Russian way of registering a name, the brand in quotes after the description). They
      are generic words, places and words of a sense, one other word at most when a generic
      word ends them.
    - In generic words after it, against the brand alone: "China Mobile Communications Group
      Co., Ltd." / "China Mobile". They name no place (Rosneft Deutschland is a subsidiary).
    - Neither names a line of business of `_SIBLING_TRADES` ("Trading House Vympel").
    - A description naming a kind of body ("Research Institute Polyus") is not a registered
      name of another kind ("PJSC Polyus", the gold miner)."""
    if query.kind == "person" or not aligned.significant:
        return False
    tokens = aligned.query_tokens
    extra, matched = aligned.query_extra, aligned.matched_query
    if not extra or not matched or not any(tokens[i][1] == "name" for i in matched):
        return False
    if not query.legal_forms and not any(
        tokens[i][0] in FORM_DESCRIPTORS or tokens[i][0] in _BODY_HEADS for i in matched
    ):
        return False  # neither a registered name nor one its kind of body shares
    before = [i for i in extra if i < min(matched)]
    after = [i for i in extra if i > max(matched)]
    if len(before) + len(after) != len(extra):
        return False  # a word of its own among the brand's
    if after:
        if entry.legal_forms or aligned.entry_extra:
            return False  # "Meta Platforms Technologies, LLC" / "Meta Platforms, Inc."
        if not all(_describing_after(tokens[i], tokens[i - 1][0]) for i in after):
            return False
    elif len(before) < _DESCRIPTION_LEAST_WORDS:
        return False
    if any(tokens[i][0] in _SIBLING_TRADES - _OWN_TRADES for i in extra):
        return False  # "Trading House Vympel", "Aeroflot Leasing Company": another company
    others = sum(1 for i in before if not _describing(tokens[i]))
    if others > 1 or (others and tokens[max(before)][1] != "generic"):
        return False
    if any(sim < _SIM_DESCRIBED for _, _, _, sim in aligned.pairs):
        return False
    if entry.legal_forms and any(tokens[i][0] in BODY_KINDS for i in extra):
        return False
    return all(
        aligned.entry_tokens[j][0] in _BODY_HEADS or aligned.entry_tokens[j][0] in FORM_DESCRIPTORS
        for j in aligned.entry_extra
    )


def _describing_after(token: ClassedToken, before: str) -> bool:
    """Whether a word after a brand (the word `before` it) can describe its body: a generic
    word or a word of a sense, no line of business of `_SIBLING_TRADES` ("Vityaz Trading",
    "Gazprom Neft" are other companies) but the trade of "Industry and Trade", as Turkish and
    Persian names describe a company (Aselsan Elektronik Sanayi ve Ticaret A.Ş.)."""
    text, kind = token
    industry_and_trade = text in ("trade", "trading") and before in ("industry", "industrial")
    if text in _SIBLING_TRADES and not industry_and_trade:
        return False
    return kind == "generic" or text in SYNONYMS


def _describing(token: ClassedToken) -> bool:
    """Whether a word of a name can describe a body rather than name it: a generic word, a
    place, or a word of a sense or kind of body ("Atomic", "Nuclear")."""
    text, kind = token
    return kind in ("generic", "place", "stop") or text in SYNONYMS or text in BODY_KINDS


#: The fewest words that describe a body before its brand (`_brand_after_description`): one
#: alone is a line of business ("Bank Rossiya" is not Rossiya, the airline).
_DESCRIPTION_LEAST_WORDS: Final = 2


#: How alike the words of a brand described and the entry's must be: the same, typos aside.
_SIM_DESCRIBED: Final = 0.9


#: Lines of business that name a sibling of a country's brand ("China Railway Construction"
#: beside China Railway, "Air China Cargo" beside Air China).
_COUNTRY_SIBLING_TRADES: Final = frozenset(
    {"construction", "engineering", "leasing", "cargo", "logistics", "finance", "capital"}
    | {"securities", "investment", "investments", "services", "transport", "transportation"}
    | {"diesel", "tours", "travel", "international"}
)


def _country_brand_sibling(aligned: _Aligned) -> bool:
    """Whether the names share a country's name and a word ("China Railway", "Air China") and
    one adds to them a line of business the other lacks ("China Railway Construction
    Corporation", "Air China Cargo"): another body of the same brand, not the brand."""
    query_tokens, entry_tokens = aligned.query_tokens, aligned.entry_tokens
    if not any(
        query_tokens[i][1] == "place" and country_word(query_tokens[i][0])
        for i in aligned.matched_query
    ):
        return False
    return any(entry_tokens[j][0] in _COUNTRY_SIBLING_TRADES for j in aligned.entry_extra) or any(
        query_tokens[i][0] in _COUNTRY_SIBLING_TRADES for i in aligned.query_extra
    )


def _activity_left(aligned: _Aligned) -> float:
    """The weight of the generic words the entry leaves over (not its form descriptors),
    when the words of the query that matched are generic words and places, one of them
    generic (a description, not a brand that is a place: "Emirates" / "Emirates Airline");
    0.0 otherwise."""
    classes = {aligned.query_tokens[i][1] for i in aligned.matched_query}
    if "name" in classes or "generic" not in classes:
        return 0.0
    return sum(
        aligned.entry_weights[j]
        for j in aligned.entry_extra
        if aligned.entry_tokens[j][1] == "generic"
        and aligned.entry_tokens[j][0] not in FORM_DESCRIPTORS
    )


def _shaped(
    score: float,
    method: str,
    query: NormalizedName,
    entry: NormalizedName,
    aligned: _Aligned,
    query_left: float,
    home: frozenset[str] = frozenset(),
) -> float:
    """The score of names that share identifying words, raised for a brand inside a longer
    registered name and capped for a short word alone in common."""
    if (
        (
            method == "brand"
            or (method == "token_set" and not query.legal_forms and _brand_at_home(aligned, home))
        )
        and "person" not in (query.kind, entry.kind)
        and any(_brand_word(aligned.query_tokens[i]) for i in aligned.matched_query)
        and not any(aligned.entry_tokens[j][1] == "number" for j in aligned.entry_extra)
        and not _weak_brand(aligned)
        and not _split_by_own_words(aligned)
        and not _registered_against_longer(query, entry, aligned)
        and not _hyphen_compound(entry, aligned)
    ):
        # a brand inside a longer registered name ("Tencent" / "Shenzhen Tencent Computer
        # Systems Company Limited"): every word of the query, one of its own among them,
        # stands in the entry's name; the words left over are named in the hit
        score = max(score, _CONFIG.brand_floor + (1.0 - _CONFIG.brand_floor) * score)
    if _country_brand_sibling(aligned):
        # a country's brand and another line of business ("China Railway" / "China Railway
        # Construction Corporation"): a sibling
        return min(score, _CONFIG.place_body_cap)
    if _described_brand(query, entry, aligned) or _brand_after_description(query, entry, aligned):
        # the entry's brand, then words saying what kind of body it is ("Peleng Optical and
        # Mechanical Enterprise" / "JSC Peleng"), or after them in a registered name ("State
        # Atomic Energy Corporation Rosatom" / "Rosatom"): scored as a brand inside a longer
        # name
        score = max(score, _CONFIG.brand_floor + (1.0 - _CONFIG.brand_floor) * score)
    if (
        method == "brand"
        and entry.dedicated
        and not query.dedicated
        and len(aligned.matched_query) == 1
        and aligned.entry_extra
        and not any(dedicated_to(t, entry.dedication) for t, _ in aligned.query_tokens)
        and not _coined(aligned.query_tokens[min(aligned.matched_query)][0])
    ):
        # one word against a body dedicated to a person ("Polyus" / "Research Institute
        # Polyus of M.F. Stelmakh"): a state institute or plant named so shares its one word
        # with companies of other kinds (Polyus, the gold miner), and the query names
        # neither its kind nor its dedication ("Stelmakh Polyus" does); a long word joined of
        # others is its own ("Energomash" / JSC NPO Energomash named after V.P. Glushko)
        score = min(score, _CONFIG.short_lone_cap)
    if (
        query_left > 0.0
        and query.kind != "person"
        and _short_lone(aligned)
        and _says_more(aligned, home)
    ):
        # a short word ("Star", "Noor") the only thing in common, and the query says more
        # than the entry's own country ("Khuzestan Oxin Steel Company" / an Iranian "Oxin
        # Steel Company" says no more)
        score = min(score, _CONFIG.short_lone_cap)
    return score


def _registered_against_longer(
    query: NormalizedName, entry: NormalizedName, aligned: _Aligned
) -> bool:
    """Whether the query is a registered name, with its legal form, and the entry a name
    without one that adds a name's word of its own, no common word of company names: a registered
    name says all of its company's name, so the longer one is another's ("PT Bank Mandiri
    (Persero) Tbk" / "Bank Mandiri Taspen"; "Gazprom Neft PJSC" / "Gazprom Neft Badra"), not
    a brand inside it. Words saying what the company does may be left out of it ("JSC
    Almaz-Antey" / "Almaz-Antey Air and Space Defence Concern")."""
    if not query.legal_forms:
        return False
    # an entry with a form of its own: a word after the query's ("Rosseti Lenenergo PJSC"),
    # not a parent's acronym or a dedication before them ("AVIC Chengdu Aircraft Industrial"),
    # nor a short one, which may be an acronym of what it is ("Inter RAO UES")
    shortest, after = 0, -1
    if entry.legal_forms:
        shortest, after = _LEAST_OWN_WORD, max(aligned.matched_entry, default=-1)
    return any(
        j > after
        and len(aligned.entry_tokens[j][0]) >= shortest
        and aligned.entry_tokens[j][1] == "name"
        and not _common_word(aligned.entry_tokens[j][0])
        for j in aligned.entry_extra
    )


#: The fewest letters of a word of its own that a registered name adds after another's.
_LEAST_OWN_WORD: Final = 4


def _hyphen_compound(entry: NormalizedName, aligned: _Aligned) -> bool:
    """Whether the entry joins a word the query matched to a word of a name of its own with a
    hyphen ("NPO Almaz" / "NPO Almaz-Antey", "Yandex" / "Yandex-Taxi"): a compound name is
    another company's brand, not the query's brand inside a longer name. Not the acronym in
    capitals of the group it belongs to, written before its name ("Perm Motors" / "JSC
    UEC-Perm Motors", of the United Engine Corporation), as it is written apart too."""
    if "-" not in entry.original:
        return False
    matched = {aligned.entry_tokens[j][0] for j in aligned.matched_entry}
    extra = {
        aligned.entry_tokens[j][0]
        for j in aligned.entry_extra
        if aligned.entry_tokens[j][1] == "name"
    }
    if not extra:
        return False
    for left, right in _HYPHENED_RE.findall(entry.original):
        a, b = fold(left), fold(right)
        if (a in matched and b in extra) or (
            a in extra and b in matched and not _capital_acronym(left, entry.original)
        ):
            return True
    return False


_HYPHENED_RE: Final = re.compile(r"([^\W_]+)-(?=([^\W_]+))")


def _capital_acronym(word: str, original: str) -> bool:
    """Whether a word of `original` is written as an acronym in capitals (two to five
    letters) in a name that is not written all in capitals."""
    return 2 <= len(word) <= 5 and word.isalpha() and word.isupper() and not original.isupper()


def _common_word(word: str, foreign: bool = False) -> bool:
    """A common English word, or one of the words the tables read other languages' company
    words as ("defence", "trading", "laboratory"); with ``foreign``, also a word of another
    language they read as a generic word ("iletisim": communications)."""
    return (
        word in COMMON_WORDS
        or word in tables().english
        or (
            foreign
            and any(
                token_class(token, "organization") == "generic"
                for sense in english_senses(word)
                for token in fold(sense).split()
            )
        )
    )


def _weak_brand(aligned: _Aligned) -> bool:
    """Whether the query's own words say too little to be a brand inside a longer name: its
    one identifying word is a common English word ("State Grid" / "China Southern Power
    Grid"; "Kenya Power" has a place besides), or they are only places and kinds of body, and
    the entry puts a word of its own among or after them ("Academy of Military Sciences" is
    not the Academy of Military Medical Sciences, "China Academy of Engineering" not the China
    Academy of Engineering Physics, but the Chinese People's Liberation Army Academy of
    Military Sciences: a parent body's words before them)."""
    own = [
        aligned.query_tokens[i]
        for i in aligned.matched_query
        if aligned.query_tokens[i][1] in _IDENTIFYING
    ]
    if len(own) == 1 and own[0][0] in COMMON_WORDS:
        return True
    if (
        not own
        or not all(word in BODY_KINDS or kind == "place" for word, kind in own)
        or not aligned.matched_entry
    ):
        return False
    first = min(aligned.matched_entry)
    return any(j > first for j in aligned.entry_extra)


def _split_by_own_words(aligned: _Aligned) -> bool:
    """Whether the entry puts words of a name of its own between the query's words, and the
    query names nothing but a place and one word ("Korea Power" / "Korea Hydro & Nuclear
    Power"): the query's words are no brand standing in the entry's name, only words it
    shares with it."""
    matched = [aligned.query_tokens[i] for i in aligned.matched_query]
    own = [word for word, kind in matched if kind == "name"]
    if (
        len(own) != 1
        or sum(kind == "place" for _, kind in matched) != len(matched) - 1
        or not _common_word(own[0])
        or not aligned.matched_entry
    ):
        return False
    first, last = min(aligned.matched_entry), max(aligned.matched_entry)
    return any(
        first < j < last and aligned.entry_tokens[j][1] == "name" for j in aligned.entry_extra
    )


#: Fewest letters of a word taken for one coined of others ("Energomash": energo, mash).
_COINED_LETTERS: Final = 9


def _coined(word: str) -> bool:
    """Whether a word is long enough to be a brand coined of other words rather than a
    common word some other company is named by too."""
    return len(word) >= _COINED_LETTERS


def _brand_at_home(aligned: _Aligned, home: frozenset[str]) -> bool:
    """Whether the query is the entry's name without some of its words but for places of the
    entry's own country ("China Hikvision" / "Hangzhou Hikvision Digital Technology Co.,
    Ltd.", "Rosatom Russia"): a brand inside a longer name, as it is without them. A city
    of the country stands in place of a place the entry has left over ("Foshan Haitian" is not
    Guangzhou Haitian); the country's name does not. (A registered name that names its
    country is the group's company there: "ASML Netherlands B.V." is not ASML Holding N.V.)"""
    tokens = aligned.query_tokens
    if not home or not aligned.query_extra or not aligned.entry_extra:
        return False
    if not all(
        tokens[i][1] == "place" and place_of(tokens[i][0], home) for i in aligned.query_extra
    ):
        return False
    return all(country_word(tokens[i][0]) for i in aligned.query_extra) or not any(
        aligned.entry_tokens[j][1] == "place" for j in aligned.entry_extra
    )


def _brand_word(token: ClassedToken) -> bool:
    """Whether a word can be a brand's own: a name, or letters and digits ("X5", "3M")."""
    text, kind = token
    return kind == "name" or (kind == "number" and not text.isdigit() and len(text) >= 2)


def _says_more(aligned: _Aligned, home: frozenset[str]) -> bool:
    """Whether a word the query has and the entry lacks is more than a place of the entry's
    own countries or a form descriptor ("State Kyiv Design Bureau Luch" / a Ukrainian "Luch
    Design Bureau" says no more)."""
    tokens = aligned.query_tokens
    return any(
        not (tokens[i][1] == "place" and home and place_of(tokens[i][0], home))
        and tokens[i][0] not in FORM_DESCRIPTORS
        for i in aligned.query_extra
    )


def _person_entry_share(
    aligned: _Aligned, query_left: float, entry_left: float
) -> tuple[float, float]:
    """How much a person's unmatched entry words count, and their weight: little when the
    query's given name and surname are found in a longer full name and nothing of the
    query is left (the father's, grandfather's, tribal names are what lists add, not
    evidence of another person), in full otherwise."""
    classes = [aligned.query_tokens[i][1] for i in aligned.matched_query]
    named = sum(1 for c in classes if c in ("name", "patronymic"))
    if named >= 2 and query_left == 0.0 and "name" in classes:
        return _CONFIG.entry_extra_person_multi, min(
            entry_left, _CONFIG.person_extra_cap * aligned.covered
        )
    return _CONFIG.entry_extra_person_single, entry_left


def _swapped_kinds(entry_tokens: Sequence[ClassedToken], entry_extra: Iterable[int]) -> str:
    """The kinds of word the entry leaves over that a query word left over would stand in
    place of: "d" a form descriptor, "g" another generic word, "p" a place."""
    kinds = ""
    for j in entry_extra:
        text, kind = entry_tokens[j]
        if text in FORM_DESCRIPTORS:
            kinds += "d"
        elif kind == "generic":
            kinds += "g"
        elif kind == "place":
            kinds += "p"
    return kinds


def _query_extra_weight(
    weights: TokenWeights,
    token: ClassedToken,
    weight: float,
    home: frozenset[str],
    swapped: str = "",
) -> float:
    """What a query word the entry lacks weighs: a generic word a share (what a company does
    tells it apart), a place in full (a query naming its country or region, "Bank of China
    (UK) Limited", is a subsidiary of that place, not the entry without it) unless it is the
    entry's own country ("Sberbank of Russia" / "PAO Sberbank") and the entry has no place
    of its own left over that it would stand in place of ("AVIC Chengdu Aircraft Design and
    Research Institute" / "AVIC Shenyang Aircraft Design and Research Institute", two cities
    of one country), and the name of that country less than a city of it ("KAI Korea" /
    Korea Aerospace Industries, Ltd.). A form descriptor weighs
    nothing ("Concern Sozvezdie" is Sozvezdie) unless the entry has another in its place
    (an association is not an organization), nor, for one that also says what a body does
    (`_TRADE_DESCRIPTORS`), a generic word; a generic word weighs more when the entry has
    another generic word in its place (`swapped`, see `_swapped_kinds`): the names then say
    different things ("Science and Industry" / "Science and Technology")."""
    text, kind = token
    if text in FORM_DESCRIPTORS:
        # a descriptor that is also a line of business in place of the entry's generic word
        # ("Information Security Center" / "Information Technology Center")
        if "d" in swapped or ("g" in swapped and text in _TRADE_DESCRIPTORS):
            return weights.idf(text) * _QUERY_GENERIC_SWAPPED
        return 0.0
    if kind == "generic":
        share = _QUERY_GENERIC_SWAPPED if "g" in swapped else _QUERY_GENERIC_EXTRA
        return weights.idf(text) * share
    if kind == "place":
        if home and place_of(text, home) and "p" not in swapped:
            if country_word(text):
                return weight * _QUERY_HOME_COUNTRY_EXTRA
            return weight * _QUERY_GENERIC_EXTRA
        return weights.idf(text)
    return weight


def _home(
    countries: frozenset[str],
    entry: NormalizedName,
    query_tokens: Sequence[ClassedToken],
    query_extra: Iterable[int],
) -> frozenset[str]:
    """The countries an entry is of, when a place of the query is left unmatched: those it
    gives, or else the few its name's legal form exists in (a PAO is Russian, a PJSC of
    three; a Limited could be of twenty)."""
    if not any(query_tokens[i][1] == "place" for i in query_extra):
        return frozenset()
    if countries:
        return countries
    where = legal_form_countries(entry.legal_forms) if entry.legal_forms else frozenset()
    return where if len(where) <= 3 else frozenset()


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


def _lost_heads(entry: NormalizedName, aligned: _Aligned) -> float:
    """Weight of first parts of compound surnames left unmatched while a later part matched."""
    entry_tokens, matched = aligned.entry_tokens, aligned.matched_entry
    if len(entry_tokens) < 3 or "-" not in entry.original:
        return 0.0
    found = compound_surnames(entry.original)
    if not found:
        return 0.0
    where = {t: j for j, (t, _) in enumerate(entry_tokens)}
    lost = 0.0
    counted: set[int] = set()
    for head, tail in found:
        head_at, tail_at = where.get(head), where.get(tail)
        if (
            head_at is None
            or tail_at is None
            or head_at in matched
            or tail_at not in matched
            or head_at in counted
        ):
            continue
        counted.add(head_at)
        lost += aligned.entry_weights[head_at]
    return lost


def _short_lone(aligned: _Aligned) -> bool:
    """Whether one pair of short words (four letters or fewer) is all that identifies."""
    query_tokens, entry_tokens = aligned.query_tokens, aligned.entry_tokens
    identifying = [
        (query_positions, entry_positions)
        for query_positions, entry_positions, _, _ in aligned.links
        if any(query_tokens[i][1] in _IDENTIFYING for i in query_positions)
        or any(entry_tokens[j][1] in _IDENTIFYING for j in entry_positions)
    ]
    if len(identifying) != 1:
        return False
    query_positions, entry_positions = identifying[0]
    return (
        sum(len(query_tokens[i][0]) for i in query_positions) <= 4
        and sum(len(entry_tokens[j][0]) for j in entry_positions) <= 4
    )


def _plain_edit(a: str, b: str) -> float:
    """Similarity of two tokens one edit apart (0.0 otherwise), whatever their length."""
    if min(len(a), len(b)) < 4 or Levenshtein.distance(a, b, score_cutoff=1) > 1:
        return 0.0
    return 1.0 - 1.0 / (2.0 * max(len(a), len(b)))


#: Latin spellings as Hangul writes their sounds, for a name's consonant skeleton: a
#: loanword or brand in Hangul is read by its sounds (칼텍스 "kaltekseu", Caltex; 하이닉스
#: "hainikseu", Hynix; 스페이스 "seupeiseu", space), McCune-Reischauer's "ch" is the
#: Revised Romanization's "j" (CheilJedang, 제일제당 "jeiljedang"), and ㄹ is r or l alike
#: (에어로 "eeolo", aero).
_HANGUL_SOUNDS: Final = (
    ("x", "ks"),
    ("ph", "p"),
    ("ck", "k"),
    ("ch", "j"),
    ("sh", "s"),
    ("r", "l"),
)
_SOFT_C_RE: Final = re.compile(r"c(?=[eiy])")


def _as_hangul_spells(compact: str) -> str:
    """`compact` with the Latin spellings of `_HANGUL_SOUNDS` written as Hangul sounds them
    (a soft c as s: "aerospace", "aerospase")."""
    compact = _SOFT_C_RE.sub("s", compact)
    for written, sounded in _HANGUL_SOUNDS:
        compact = compact.replace(written, sounded)
    return compact


def _numbers(name: NormalizedName) -> frozenset[str]:
    """The numbers written in digits among a name's words."""
    return frozenset(t for t in name.tokens if t.isdigit())


def _compact_score(query: NormalizedName, entry: NormalizedName) -> float:
    """Whole-name comparison with spaces removed, for spellings that split words differently."""
    query_compact, entry_compact = query.compact, entry.compact
    if len(query_compact) < 5 or len(entry_compact) < 5:
        return 0.0
    syllabic = bool((query.scripts | entry.scripts) & _SYLLABIC_SCRIPTS)
    if not (syllabic or query.abjad or entry.abjad):
        # Latin on both sides: the token alignment (with joins) compared them, unless the
        # words are the same letters split otherwise ("V Kontakte" / "VKontakte", "ITeco" /
        # "I-Teco"), which an alignment of single letters misses
        return _CONFIG.compact_equal if query_compact == entry_compact else 0.0
    query_numbers, entry_numbers = _numbers(query), _numbers(entry)
    if query_numbers and entry_numbers and query_numbers != entry_numbers:
        return 0.0  # another number: another body of the group (its 54th, its 55th institute)
    sim = float(Levenshtein.normalized_similarity(query_compact, entry_compact))
    if query.abjad != entry.abjad:
        # the whole name through the letter classes of its script, spaces ignored
        src, dst = (query, entry) if query.abjad else (entry, query)
        words = tuple(t for t, c in zip(src.tokens, src.classes, strict=True) if c != "stop")
        hebrew = "Arabic" not in src.scripts
        sim = max(sim, abjad_compact_similarity(words, dst.compact, hebrew))
    if "Hangul" in query.scripts or "Hangul" in entry.scripts:
        query_skeleton = skeleton(_as_hangul_spells(query_compact))
        entry_skeleton = skeleton(_as_hangul_spells(entry_compact))
        if len(query_skeleton) >= 4 and len(entry_skeleton) >= 4:
            sim = max(
                sim,
                _CONFIG.compact_skeleton
                * float(Levenshtein.normalized_similarity(query_skeleton, entry_skeleton)),
            )
    if sim < _CONFIG.compact_least:
        return 0.0
    return sim * _CONFIG.compact_factor
