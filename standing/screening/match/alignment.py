"""Token alignment: which words of a query name stand for which words of an entry name.

Tokens are paired one-to-one, best similarity first (exact, initial, edit distance,
inflection prefix, phonetic; see `standing.screening.similarity`), under the script model of
the pair (`script_mode`). Then, among the words left: joined neighbours for split spellings
("Hua Wei" / "Huawei"), in an organisation's name the abbreviations of the table
(`data/abbreviations.tsv`: "Intl" / "International", "Dr.Web" / "Doctor Web"), acronyms
("MTS" / "Mobile TeleSystems", "SMIC" / "Semiconductor Manufacturing International
Corporation": `acronym_similarity`), other abbreviated generic words ("tech" /
"technologies"), and in a person's name four-letter names one letter apart
("Ssad" / "Asad"); a whole query name that is only an entry's initial while one of the
entry's whole names is left over is undone ("David Lee" / "David L. Maricola").

An alignment is a list of `Link`s: positions in the query's tokens, positions in the
entry's tokens, how they matched and how well. Positions index the tokens without stop
words (`significant_tokens`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Final, Protocol

from rapidfuzz.distance import Levenshtein

from standing.screening.acronyms import loose_spelling, russian_spelling
from standing.screening.cantonese import CANTONESE
from standing.screening.contractions import KIND_WORDS, LEAST_LETTERS, syllables
from standing.screening.match.config import DEFAULT_CONFIG
from standing.screening.normalize import (
    BODY_KINDS,
    COMMON_WORDS,
    COUNTRY_NAMES,
    SYNONYMS,
    NormalizedName,
    abbreviation_similarity,
    country_word,
    dedicated_to,
    form_initials,
    place_country,
)
from standing.screening.similarity import (
    ENTRY_SCRIPT_MODES,
    QUERY_SCRIPT_MODES,
    SCRIPTED_MODES,
    ScriptMode,
    cross_match,
)
from standing.screening.symbols import same_symbol, word_symbols

#: A token of a name and its class ("name", "generic", "place"...).
ClassedToken = tuple[str, str]
#: Query token positions, entry token positions, how they matched, similarity.
Link = tuple[list[int], list[int], str, float]


class AcronymEvidence(Protocol):
    """What a list knows of an acronym (`NameIndex` answers; see `acronym_similarity`)."""

    def acronym_evidence(self, acronym: str, key: str) -> int: ...

    def acronym_spellers(self, acronym: str, loose: bool = False) -> int: ...


_SIM_ACRONYM: Final = DEFAULT_CONFIG.sim_acronym
_SIM_ACRONYM_PERSON: Final = DEFAULT_CONFIG.sim_initials_person
_SIM_ACRONYM_LONG: Final = DEFAULT_CONFIG.sim_acronym_long
_SIM_ACRONYM_WEAK: Final = DEFAULT_CONFIG.sim_acronym_weak
_SIM_ACRONYM_WEAK_BESIDE: Final = DEFAULT_CONFIG.sim_acronym_weak_beside
_SIM_ACRONYM_KNOWN: Final = DEFAULT_CONFIG.sim_acronym_known
#: Fewest words of a group's name its acronym stands for before the words of one of its bodies.
_LEAST_LEAD: Final = 3
_ACRONYM_LOOSE: Final = DEFAULT_CONFIG.acronym_loose
_SIM_ACRONYM_LOOSE_SHORT: Final = DEFAULT_CONFIG.sim_acronym_loose_short
_ACRONYM_SPELLERS: Final = DEFAULT_CONFIG.acronym_spellers
_ACRONYM_DISTINCT: Final = DEFAULT_CONFIG.acronym_distinct
_SIM_ABBREVIATION: Final = DEFAULT_CONFIG.sim_abbreviation
_SIM_SHORT_TYPO: Final = DEFAULT_CONFIG.sim_short_typo
_SIM_SHORT_OTHER: Final = DEFAULT_CONFIG.sim_short_other
#: A country's adjective against its name ("Iraqi" / "Iraq", as Arabic names give the nisba
#: adjective, المصرف العراقي, where English ones give the country, Trade Bank of Iraq), and
#: the first letters the two share.
_SIM_COUNTRY: Final = 0.95
_COUNTRY_PREFIX: Final = 4
_DEMONYM_PREFIX: Final = 3
#: Classes of the words written beside an organisation's acronym that it does not spell.
_BESIDE_ACRONYM: Final = frozenset({"place", "generic"})
#: Words of a name that stand for its legal form, which an acronym may leave out.
_FORM_WORDS: Final = frozenset({"company", "corporation"})
#: Two words for one kind of body ("Works" / "Plant", "Center" / "Centre"; body_kinds.tsv).
_SIM_KIND: Final = 0.9
#: Two words that translate one word of another language ("Atomic" / "Nuclear";
#: synonym_words.tsv).
_SIM_SYNONYM: Final = 0.9
_NONE: Final[frozenset[str]] = frozenset()
#: Two words of two languages that rigour's name symbols give one sense ("banco" / "bank";
#: `standing.screening.symbols`), one at least no English company word.
_SIM_SYMBOL: Final = 0.9
_SIM_JOINED: Final = DEFAULT_CONFIG.sim_joined
_SIM_CONTRACTION: Final = DEFAULT_CONFIG.sim_contraction
_VOWELS: Final = frozenset("aeiouy")
# the modes as module names: a lookup on the enum class costs several times more
_LATIN: Final = ScriptMode.LATIN
_LOOSE: Final = ScriptMode.LOOSE
_KOREAN_QUERY: Final = ScriptMode.KOREAN_QUERY
_KOREAN_ENTRY: Final = ScriptMode.KOREAN_ENTRY
_CHINESE_QUERY: Final = ScriptMode.CHINESE_QUERY
_CHINESE_ENTRY: Final = ScriptMode.CHINESE_ENTRY
_CANTONESE_QUERY: Final = ScriptMode.CANTONESE_QUERY
_CANTONESE_ENTRY: Final = ScriptMode.CANTONESE_ENTRY


def significant_tokens(name: NormalizedName) -> Sequence[ClassedToken]:
    """The name's tokens and their classes, stop words left out."""
    return name.classed


def script_mode(query: NormalizedName, entry: NormalizedName) -> ScriptMode:
    """Which script model compares the two names' tokens (see `similarity.cross_match`)."""
    if query.abjad != entry.abjad:
        side = query if query.abjad else entry
        model = "ar" if "Arabic" in side.scripts or "Hebrew" not in side.scripts else "he"
        return QUERY_SCRIPT_MODES[model] if query.abjad else ENTRY_SCRIPT_MODES[model]
    if ("Hangul" in query.scripts) != ("Hangul" in entry.scripts):
        return _KOREAN_QUERY if "Hangul" in query.scripts else _KOREAN_ENTRY
    if (CANTONESE in query.scripts) != (CANTONESE in entry.scripts):
        # a Cantonese reading (before "Han", which it is marked with too)
        return _CANTONESE_QUERY if CANTONESE in query.scripts else _CANTONESE_ENTRY
    if ("Han" in query.scripts) != ("Han" in entry.scripts):
        return _CHINESE_QUERY if "Han" in query.scripts else _CHINESE_ENTRY
    if query.abjad or query.transliterated or entry.transliterated:
        return _LOOSE
    if query.kind != "person" and _ROMANISED_RUSSIAN_RE.search(query.original):
        # Russian in Latin letters, whose English loanwords are spelled by their sound
        # ("Pozitiv Teknolodzhiz": Positive Technologies), as in Cyrillic
        return _LOOSE
    return _LATIN


#: Letters that write Russian in Latin letters, and no English word: dzh, zh, kh, shch, a
#: y before a vowel after a consonant ("Solyushns"), and the adjectives' endings
_ROMANISED_RUSSIAN_RE: Final = re.compile(
    r"dzh|zh|kh|shch|(?<=[bcdfglmnprstvz])y[aeou]|(?:iy|yy|aya|oye)\b", re.IGNORECASE
)


_NO_CAPITALS: Final[tuple[frozenset[str], frozenset[str]]] = (frozenset(), frozenset())


def align(
    query: NormalizedName,
    entry: NormalizedName,
    query_tokens: Sequence[ClassedToken],
    entry_tokens: Sequence[ClassedToken],
    known: AcronymEvidence | None = None,
) -> tuple[list[Link], set[int], set[int]]:
    """The links between the two names' tokens, and the query and entry positions used.
    `known`: what the list knows of acronyms (their owners, how many names spell them)."""
    mode = script_mode(query, entry)
    query_used: set[int] = set()
    entry_used: set[int] = set()
    person = "person" in (query.kind, entry.kind)
    capitals = (query.in_capitals, entry.in_capitals) if not person else _NO_CAPITALS
    links = _pair_tokens(query_tokens, entry_tokens, mode, query_used, entry_used, person, capitals)
    # split/merged spellings: neighbours on one side joined against one token on the other
    _join(query_tokens, entry_tokens, query_used, entry_used, links, mode, query_side=True)
    _join(entry_tokens, query_tokens, entry_used, query_used, links, mode, query_side=False)
    if not person and query.abbreviated and entry.abbreviated:
        _table_abbreviations(query_tokens, entry_tokens, query_used, entry_used, links)
    if links or not person:  # a person is not known by initials alone
        runs = not person
        for left_name, right_name, left, right, left_used, right_used, query_side in (
            (query, entry, query_tokens, entry_tokens, query_used, entry_used, True),
            (entry, query, entry_tokens, query_tokens, entry_used, query_used, False),
        ):
            spell = partial(
                _acronym,
                left_name,
                right_name,
                left,
                right,
                left_used,
                right_used,
                links,
                query_side,
                runs,
                known,
            )
            if runs:
                # in names of organisations, also with a place beside the acronym ("ISRO India")
                _with_place(spell, right_name, right, left_used, right_used, links, query_side)
            else:
                spell()
        for left_name, right_name, left, right, left_used, right_used, query_side in (
            (entry, query, entry_tokens, query_tokens, entry_used, query_used, True),
            (query, entry, query_tokens, entry_tokens, query_used, entry_used, False),
        ):
            contract = partial(
                _contraction, left_name, left, right, left_used, right_used, links, query_side
            )
            # the contraction's `query_side` says the brand (`right`) is the query
            _with_place(contract, right_name, right, left_used, right_used, links, not query_side)
    _abbreviations(query_tokens, entry_tokens, query_used, entry_used, links)
    if person:
        _short_typos(query_tokens, entry_tokens, query_used, entry_used, links)
        _drop_lone_initials(query_tokens, entry_tokens, entry_used, links)
    return links, query_used, entry_used


def _pair_tokens(
    query_tokens: Sequence[ClassedToken],
    entry_tokens: Sequence[ClassedToken],
    mode: ScriptMode,
    query_used: set[int],
    entry_used: set[int],
    person: bool = False,
    capitals: tuple[frozenset[str], frozenset[str]] | None = None,
) -> list[Link]:
    """Each token with its most similar free counterpart, best pairs first. A person's name
    is not compared by the -sk- adjective fold ("Kaminsky" is not "Kamin"). Two acronyms
    written in capitals on both sides (`capitals`: each side's, see
    `NormalizedName.in_capitals`) are not one the other's misspelling: "VNIITF" is another
    institute than "VNIIEF"."""
    query_capitals, entry_capitals = capitals or _NO_CAPITALS
    # (-similarity, i, j, how): sorted best first, then in token order ((i, j) never tie)
    found: list[tuple[float, int, int, str]] = []
    # the entry's words with a symbol (most names have none): only they may link so
    symbolic = [bool(word_symbols(b)) for b, _ in entry_tokens]
    places = [c == "place" for _, c in entry_tokens]
    heads = [b[:_DEMONYM_PREFIX] for b, _ in entry_tokens]
    for i, (a, a_class) in enumerate(query_tokens):
        a_place = a_class == "place"
        a_symbolic = bool(word_symbols(a)) and any(symbolic)
        a_kind = BODY_KINDS.get(a)
        a_senses = SYNONYMS.get(a)
        a_head = a[:_DEMONYM_PREFIX]
        for j, (b, _) in enumerate(entry_tokens):
            sim, how = cross_match(a, b, mode)
            if how == "sound" and not person and _other_place(a, b):
                continue
            if how == "edit" and a in query_capitals and b in entry_capitals:
                continue
            if (
                sim < _SIM_COUNTRY
                and (a_head == heads[j] or (a_place and places[j]))
                and same_country(a, b)
            ):
                sim, how = _SIM_COUNTRY, "country"
            elif a_kind is not None and sim < _SIM_KIND and a_kind == BODY_KINDS.get(b):
                sim, how = _SIM_KIND, "kind"
            elif a_senses and sim < _SIM_SYNONYM and a_senses & SYNONYMS.get(b, _NONE):
                sim, how = _SIM_SYNONYM, "synonym"
            elif a_symbolic and symbolic[j] and sim < _SIM_SYMBOL and same_symbol(a, b):
                sim, how = _SIM_SYMBOL, "symbol"
            if sim > 0.0 and not (person and how == "inflection"):
                found.append((-sim, i, j, how))
    found.sort()
    links: list[Link] = []
    for negative, i, j, how in found:
        if i in query_used or j in entry_used:
            continue
        query_used.add(i)
        entry_used.add(j)
        links.append(([i], [j], how, -negative))
    return links


@lru_cache(maxsize=20_000)
def _other_place(a: str, b: str) -> bool:
    """Whether one of two words is a place and the other no place of its country: they do not
    meet by sound ("Tokyo" is not Tohoku, a region of Japan), only by spelling."""
    a_country, b_country = place_country(a), place_country(b)
    return (a_country is not None or b_country is not None) and a_country != b_country


@lru_cache(maxsize=20_000)
def same_country(a: str, b: str) -> bool:
    """Whether two place words are one country's name and its adjective, or two spellings of
    its name ("iraqi" / "iraq", "egyptian" / "egypt", "tunisie" / "tunisia"): the same
    country, and the same first letters (a country is not its capital or a city of it:
    "tehran" is no "iran"); three letters do for a country's name and the adjective of its
    people ("poland" / "polish", "spain" / "spanish", "sweden" / "swedish"), none for a
    country's name in another language's case (`COUNTRY_NAMES`: "rossii" / "russia")."""
    if a == b:
        return False
    country = place_country(a)
    if country is None or "-" in country or place_country(b) != country:
        return False
    if a[:_DEMONYM_PREFIX] != b[:_DEMONYM_PREFIX]:
        # a country's name in a form rigour does not know ("rossii" / "russia"); rigour
        # reads a capital as its country ("tehran": Iran), so no more than these
        return (a in COUNTRY_NAMES or b in COUNTRY_NAMES) and country_word(a) and country_word(b)
    return a[:_COUNTRY_PREFIX] == b[:_COUNTRY_PREFIX] or (country_word(a) and country_word(b))


def _join(
    left: Sequence[ClassedToken],
    right: Sequence[ClassedToken],
    left_used: set[int],
    right_used: set[int],
    links: list[Link],
    mode: ScriptMode,
    query_side: bool,
) -> None:
    """Join 2-3 unmatched neighbours of `left` to match one unmatched token of `right`."""
    if len(left) - len(left_used) < 2:  # fewer than two free neighbours
        return
    scripted = mode in SCRIPTED_MODES
    for j, (b, _) in enumerate(right):
        if j in right_used:
            continue
        found = _joined_run(left, left_used, b, mode, scripted, query_side)
        if found is not None:
            run, sim = found
            left_used.update(run)
            right_used.add(j)
            links.append((run, [j], "joined", sim) if query_side else ([j], run, "joined", sim))


def _joined_run(
    left: Sequence[ClassedToken],
    left_used: set[int],
    token: str,
    mode: ScriptMode,
    scripted: bool,
    query_side: bool,
) -> tuple[list[int], float] | None:
    """The first run of three, else two, free neighbours of `left` that joined are `token`."""
    first, length = token[0], len(token)
    for size in (3, 2):
        for start in range(len(left) - size + 1):
            run = range(start, start + size)
            if not left_used.isdisjoint(run):
                continue
            words = [left[i][0] for i in run]
            if not scripted and (words[0][0] != first or abs(sum(map(len, words)) - length) > 3):
                continue
            sim = _joined_sim(words, token, mode, query_side)
            if (
                sim >= _SIM_JOINED
                and _rest_alike(words, token, mode)
                # not three when the first two are the word as well: "bei jing" is Beijing,
                # and "da" of "bei jing da xue" (Peking University) no part of it
                and (size == 2 or _joined_sim(words[:2], token, mode, query_side) < sim)
            ):
                return list(run), sim
    return None


def _joined_sim(words: Sequence[str], token: str, mode: ScriptMode, query_side: bool) -> float:
    joined = "".join(words)
    return (cross_match(joined, token, mode) if query_side else cross_match(token, joined, mode))[0]


#: Letters of the first of the words joined that make it a word rather than a syllable.
_WORD_LETTERS: Final = 4


def _rest_alike(words: Sequence[str], token: str, mode: ScriptMode) -> bool:
    """Whether the words after the first are alike the rest of `token` when it begins with
    the first as written, a word of four letters or more (not a syllable: 포스코, "po seu
    ko", is POSCO): "Gazprom Plant" is not "Gazprombank", whose rest is a bank."""
    rest = token[len(words[0]) :]
    if len(words[0]) < _WORD_LETTERS or not token.startswith(words[0]) or not rest:
        return True
    return cross_match("".join(words[1:]), rest, mode)[0] >= _SIM_JOINED


def _with_place(
    attempt: Callable[[], bool],
    right_name: NormalizedName,
    right: Sequence[ClassedToken],
    left_used: set[int],
    right_used: set[int],
    links: list[Link],
    left_is_query: bool,
) -> None:
    """`attempt` to read one word of `right` as an acronym or a contraction of the free
    words of the other name, and when that fails and `right` has a place, once more with the
    word of the other name that matched the place given back to it: "ISRO India" / Indian
    Space Research Organisation, "KEPCO Korea" / Korea Electric Power Corporation,
    "Petrobras Brazil" / Petróleo Brasileiro S.A.; the place stays beside the acronym or the
    brand, a word of its own. `left_is_query`: the other name is the query (a link's first
    positions)."""
    if attempt() or "place" not in right_name.classes:
        return
    for k, link in enumerate(links):
        mine, theirs = (link[0], link[1]) if left_is_query else (link[1], link[0])
        if len(theirs) != 1 or right[theirs[0]][1] != "place":
            continue
        del links[k]
        left_used.difference_update(mine)
        right_used.difference_update(theirs)
        if attempt():
            return
        links.insert(k, link)
        left_used.update(mine)
        right_used.update(theirs)
        return


def _acronym(
    left_name: NormalizedName,
    right_name: NormalizedName,
    left: Sequence[ClassedToken],
    right: Sequence[ClassedToken],
    left_used: set[int],
    right_used: set[int],
    links: list[Link],
    query_side: bool,
    runs: bool = False,
    known: AcronymEvidence | None = None,
) -> bool:
    """The one unmatched token of `right` is the acronym of all unmatched words of `left`
    (function words left out; a word with capitals inside gives them all: "MTS" / "Mobile
    TeleSystems"; with the initial of its legal form: "SMIC" / "Semiconductor Manufacturing
    International Corporation"), or (in names of organisations) in one of the loose forms
    of `acronyms.loose_spelling` ("KEPCO" / "Korea Electric Power Corporation"), or of a
    run of neighbouring unmatched words of `left` ("UC Rusal" / "United Company RUSAL
    International"). Its similarity is `acronym_similarity` (`runs`: in names of
    organisations; `known`: what the list knows of it, when the query is the acronym or
    the acronym is in a loose form), or for a person's initials `sim_initials_person`.
    Returns whether it linked them."""
    # the surname the acronym's name is dedicated to, written beside the acronym, is no
    # acronym ("Korolev RSC Energia" / S.P. Korolev Rocket and Space Corporation Energia)
    free_right = [
        j
        for j in range(len(right))
        if j not in right_used and not dedicated_to(right[j][0], left_name.dedication)
    ]
    if len(free_right) > 1 and runs:
        # an organisation's acronym beside its country or city and words of what it is,
        # which stay unmatched and are weighed as such ("HAL India", "TMH Group")
        free_right = [j for j in free_right if right[j][1] not in _BESIDE_ACRONYM]
    if len(free_right) != 1:
        return False
    # the surname of the acronym's name's dedication is no part of the acronym ("MGU imeni
    # Lomonosova" / Lomonosov Moscow State University)
    free_left = [
        i
        for i in range(len(left))
        if i not in left_used and not dedicated_to(left[i][0], right_name.dedication)
    ]
    if len(free_left) < 2:
        return False
    b, b_class = right[free_right[0]]
    if b_class == "place" and b in right_name.in_capitals:
        b_class = "name"  # a country's letters ("UAE", "DPRK") spelling its name out
    if b_class != "name" or not right_name.acronym_token(b):
        return False  # a legal form alone ("JSC") is no acronym
    letters = left_name.letters
    initials = "".join(letters[i] for i in free_left)
    plain = "".join(left[i][0][0] for i in free_left)
    loose = False
    listed = False
    # the legal form's letters only end an acronym of four letters or more ("SMIC", "TPAO";
    # not "BBC" for "Brilliance Banking Corporation")
    if len(free_left) == len(left) and b == left_name.of_initials:
        plain = b  # the O of "of" ("BOC": Bank of China)
    query_tokens = left if query_side else right
    others = any(
        _identifying(query_tokens[i][1]) for positions, _, _, _ in links for i in positions
    )
    if (
        b not in (initials, plain)
        and not _form_ended(b, left_name, initials, plain, others)
        and not _form_word_left_out(b, left, free_left, initials, plain)
    ):
        if not runs or len(b) < 2:
            return False
        spelled = loose_spelling(b, left_name, free_left)
        if spelled is not None:
            free_left, loose = spelled, True
        elif _listed_acronym(b, left_name, left, free_left, query_side, known):
            listed = True
        elif russian_spelling(b, [left[i][0] for i in free_left]):
            # the acronym of the Russian words behind the English ones ("GRPZ": State Ryazan
            # Instrument Plant, Gosudarstvennyy Ryazanskiy Pribornyy Zavod); one of three
            # letters has a Russian word's own (`russian_spelling`) and is as plain as the
            # initials ("MGU": Moscow State University)
            loose = len(b) > 3
        elif (lead := _leading_spelling(b, left_name, free_left, left_used)) is not None:
            # the acronym of a group before the words of one of its bodies that matched
            # ("CETC 14" / China Electronics Technology Group Corporation 14th Research
            # Institute): the group's name is the words before the first that matched
            free_left, loose = lead, True
        else:
            if b[0] not in plain:
                return False
            run = _initials_run(left, left_used, b)
            if run is None:
                return False
            free_left = run
    # a person's initials beside the names that matched ("JC Juncker") keep their own score
    if not runs:
        sim = _SIM_ACRONYM_PERSON
    elif listed:
        sim = _SIM_ACRONYM_KNOWN
    elif len(free_left) == 2 and _ampersand_initials(b, right_name.original, left_name.original):
        # two initials joined by "&" for the two words the name joins so ("P&G" / The
        # Procter & Gamble Company): no two common letters of some organisation
        sim = _SIM_ACRONYM_KNOWN
    elif _country_spelled(b, [left[i][0] for i in free_left]):
        # a country's own letters for its name ("U.S." / "United States", "UK", "UAE"): not
        # the two common letters of some organisation
        sim = _SIM_ACRONYM_KNOWN
    elif known is not None and not query_side:
        sim = acronym_similarity(
            b,
            others,
            loose,
            known.acronym_evidence(b, left_name.key),
            known.acronym_spellers(b, loose),
        )
    elif known is not None and loose:
        # the entry is the acronym: in a loose form of the query's words, it must not be
        # known as the name of other words ("KEPCO" of The Kenya Power and Lighting Company
        # is not Korea Electric Power Corporation)
        sim = acronym_similarity(b, others, loose, known.acronym_evidence(b, left_name.key))
    else:
        sim = acronym_similarity(b, others, loose)
    left_used.update(free_left)
    right_used.add(free_right[0])
    how = "listed_acronym" if listed else "initials"
    if query_side:
        links.append((free_left, free_right, how, sim))
    else:
        links.append((free_right, free_left, how, sim))
    return True


def _contraction(
    left_name: NormalizedName,
    left: Sequence[ClassedToken],
    right: Sequence[ClassedToken],
    left_used: set[int],
    right_used: set[int],
    links: list[Link],
    query_side: bool,
) -> bool:
    """`right` is one word, or one beside words of its kind of body (`contractions.brand_word`:
    "PO Sevmash"), a brand made of the first syllables of the words of `left` that matched
    nothing else ("Petrobras" / Petróleo Brasileiro S.A.; `contractions.syllables`); a word
    of its kind beside it may have matched one of `left`'s ("Production Association"), a
    place beside it is its own word ("Petrobras Brazil": see `_with_place`).
    `query_side`: the brand is the query."""
    if len(left) < 2:
        return False
    free = [
        j
        for j in range(len(right))
        if j not in right_used and right[j][0] not in KIND_WORDS and right[j][1] != "place"
    ]
    if len(free) != 1 or any(right[j][0] not in KIND_WORDS for j in right_used):
        return False
    word, word_class = right[free[0]]
    spelled = [i for i in range(len(left)) if i not in left_used]
    if (
        word_class != "name"
        or len(spelled) < 2
        or len(word) < LEAST_LETTERS
        or syllables(word, left_name) is None
    ):
        return False
    left_used.update(spelled)
    right_used.add(free[0])
    if query_side:
        links.append((free, spelled, "contraction", _SIM_CONTRACTION))
    else:
        links.append((spelled, free, "contraction", _SIM_CONTRACTION))
    return True


def _form_ended(
    acronym: str, name: NormalizedName, initials: str, plain: str, others: bool = False
) -> bool:
    """Whether `acronym`, of four letters or more, is the initials of the free words and
    then what the name's legal form gives it ("SMIC", "TPAO" / Türkiye Petrolleri Anonim
    Ortaklığı). Of three, only a place's and a word's and Corporation's C ("UAC": United
    Aircraft Corporation, "KAC": Kuwait Airways Corporation), as state corporations write
    theirs: so many names of a list are two words and a form that such an acronym is
    anybody's ("BBC" / Brilliance Banking Corporation, "HAL" / Home and Away Ltd.), and one
    that many names spell is weak anyway (`acronym_similarity`); or, with `others` (the
    name's own words matched too), two words' and Corporation's C, the acronym of what the
    body is before its name ("RSC Energia" / Rocket and Space Corporation Energia)."""
    if len(acronym) == 3:
        return (
            "corp" in name.legal_forms
            and (others or name.classes[:1] == ("place",))
            and acronym[2] == "c"
            and acronym[:2] in (initials, plain)
        )
    return len(acronym) >= 4 and any(
        acronym.endswith(tail) and acronym[: -len(tail)] in (initials, plain)
        for tail in form_initials(name)
    )


def _form_word_left_out(
    acronym: str, tokens: Sequence[ClassedToken], free: list[int], initials: str, plain: str
) -> bool:
    """Whether `acronym` is the initials of the free words but their last, "Company" or
    "Corporation" written as a word, which an acronym leaves out as it does a legal form
    ("OMM" / Ocean Maritime Management Company, Limited)."""
    return (
        len(acronym) >= 3
        and len(free) >= 4
        and tokens[free[-1]][0] in _FORM_WORDS
        and acronym in (initials[:-1], plain[:-1])
    )


def _listed_acronym(
    acronym: str,
    left_name: NormalizedName,
    left: Sequence[ClassedToken],
    free_left: list[int],
    query_side: bool,
    known: AcronymEvidence | None,
) -> bool:
    """Whether the query is an acronym that the list gives as a name of an organisation which
    also has the entry's name, letters aside: "CEIEC" is a name of China National Electronics
    Import & Export Corporation on the list, though it leaves out National's N. The entry's
    name is the whole of what the acronym stands for (no word of it matched otherwise)."""
    return (
        known is not None
        and not query_side
        and len(free_left) == len(left)
        and known.acronym_evidence(acronym, left_name.key) > 0
    )


def _ampersand_initials(acronym: str, written: str, spelled: str) -> bool:
    """Whether `acronym` of two letters is written as two initials joined by "&" ("P&G")
    and spells two words that `spelled` joins by "&" ("Procter & Gamble")."""
    if len(acronym) != 2:
        return False
    first, second = acronym[0].upper(), acronym[1].upper()
    return (
        re.search(rf"(?<!\w){first}\s*&\s*{second}(?!\w)", written) is not None
        and re.search(rf"(?<!\w){first}\w*\s*&\s*{second}\w*", spelled, re.IGNORECASE) is not None
    )


def _country_spelled(acronym: str, words: list[str]) -> bool:
    """Whether `acronym` is a country's ("us", "uk", "uae") and `words` its name ("united
    state", as "states" is folded, "united kingdom", "united arab emirates")."""
    country = place_country(acronym)
    if country is None or len(words) < 2:
        return False
    name = " ".join(words)
    return place_country(name) == country or place_country(name + "s") == country


def acronym_similarity(
    acronym: str, beside: bool, loose: bool = False, evidence: int = 0, spellers: int = 0
) -> float:
    """How well an acronym stands for the words it spells: 0.82 for three letters, 0.86 for
    four or more, less `acronym_loose` in a loose form ("KEPCO"), 0.78 for three letters in
    a loose form ("CGN": China General Nuclear Power; below the threshold, as so many names
    of a list spell three letters one way or another); an acronym of two letters
    or one that is a common word ("ACE", "CAT") is weak: 0.8 beside another identifying word
    that matched ("UC Rusal"), 0.7 alone.

    What the list knows of it counts (`evidence`, `spellers`: see `NameIndex.acronym_evidence`
    and `acronym_spellers`): an acronym the list gives as the name of an organisation that
    writes it out in these words stands for them as well as a name of the entry
    (`sim_acronym_known`); one it gives as the name of organisations that write it out
    otherwise ("ZTE" is ZTE Corporation, not Zhejiang Tianlu Energy), unless it is a plain
    acronym of `acronym_distinct` letters or more (rarely another's by chance: "CNOOC
    Limited" is of the group China National Offshore Oil Corporation), or one that
    `acronym_spellers` different names or more spell (counting, for a loose form, those
    that spell it in one too), is weak."""
    if evidence > 0:
        return _SIM_ACRONYM_KNOWN
    another = evidence < 0 and (loose or len(acronym) < _ACRONYM_DISTINCT)
    if acronym_is_weak(acronym) or another or spellers >= _ACRONYM_SPELLERS:
        return _SIM_ACRONYM_WEAK_BESIDE if beside else _SIM_ACRONYM_WEAK
    if len(acronym) < 4:
        return _SIM_ACRONYM_LOOSE_SHORT if loose else _SIM_ACRONYM
    return _SIM_ACRONYM_LONG - _ACRONYM_LOOSE if loose else _SIM_ACRONYM_LONG


def acronym_is_weak(acronym: str) -> bool:
    """An acronym of two letters or one that is a common English word."""
    return len(acronym) <= 2 or acronym in COMMON_WORDS


def _identifying(token_class: str) -> bool:
    return token_class in ("name", "number", "patronymic", "place")


def _leading_spelling(
    acronym: str, name: NormalizedName, free: list[int], used: set[int]
) -> list[int] | None:
    """The positions of the words before the first word of `name` that matched, when they
    are three or more, all free and `acronym` spells them plainly or in a loose form; None
    otherwise (or when no word matched: then the acronym would stand for part of a name)."""
    if not used:
        return None
    lead = [i for i in free if i < min(used)]
    if len(lead) < _LEAST_LEAD or lead != list(range(len(lead))) or len(lead) == len(free):
        return None
    return loose_spelling(acronym, name, lead)


def _initials_run(
    left: Sequence[ClassedToken], left_used: set[int], acronym: str
) -> list[int] | None:
    """The first run of free neighbours of `left` whose initials spell `acronym`."""
    for start in range(len(left) - len(acronym) + 1):
        run = list(range(start, start + len(acronym)))
        if all(i not in left_used for i in run) and "".join(left[i][0][0] for i in run) == acronym:
            return run
    return None


def _table_abbreviations(
    query_tokens: Sequence[ClassedToken],
    entry_tokens: Sequence[ClassedToken],
    query_used: set[int],
    entry_used: set[int],
    links: list[Link],
) -> None:
    """Words of organisations' names abbreviated by the table, either way round ("Intl" /
    "International", "Dr.Web" / "Doctor Web"; `normalize.ABBREVIATIONS`)."""
    if len(query_used) == len(query_tokens) or len(entry_used) == len(entry_tokens):
        return
    for i, (a, _) in enumerate(query_tokens):
        if i in query_used:
            continue
        for j, (b, _) in enumerate(entry_tokens):
            if j in entry_used:
                continue
            sim = abbreviation_similarity(a, b)
            if sim > 0.0:
                query_used.add(i)
                entry_used.add(j)
                links.append(([i], [j], "abbreviation", sim))
                break


def _abbreviations(
    query_tokens: Sequence[ClassedToken],
    entry_tokens: Sequence[ClassedToken],
    query_used: set[int],
    entry_used: set[int],
    links: list[Link],
) -> None:
    """Abbreviations of generic words ("lab" / "laboratoriya", "tech" / "technologies")."""
    for i, (a, _) in enumerate(query_tokens):
        if i in query_used or len(a) < 3:
            continue
        for j, (b, b_class) in enumerate(entry_tokens):
            if j in entry_used or b_class != "generic":
                continue
            if b.startswith(a) or a.startswith(b) or _abbreviates(a, b):
                query_used.add(i)
                entry_used.add(j)
                links.append(([i], [j], "abbreviation", _SIM_ABBREVIATION))
                break


def _abbreviates(a: str, b: str) -> bool:
    """One word is a contraction of the other: its letters in order, the first and the last
    alike ("intl" / "international", "mfg" / "manufacturing")."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 3 or short[0] != long_[0] or short[-1] != long_[-1]:
        return False
    rest = iter(long_)
    return all(ch in rest for ch in short)


def _short_typos(
    query_tokens: Sequence[ClassedToken],
    entry_tokens: Sequence[ClassedToken],
    query_used: set[int],
    entry_used: set[int],
    links: list[Link],
) -> None:
    """Pair leftover four-letter names of a person one letter apart ("Ssad" / "Asad"): too
    short to count as the same name on their own, but not as unrelated as two other names.
    (Company names are left alone: "Klan" and "Khan", "Pars" and "Parg" name other firms.)"""
    for i, (a, _) in enumerate(query_tokens):
        if i in query_used or len(a) != 4 or not a.isalpha():
            continue
        for j, (b, _) in enumerate(entry_tokens):
            if j in entry_used or len(b) != 4:
                continue
            if Levenshtein.distance(a, b, score_cutoff=1) <= 1:
                query_used.add(i)
                entry_used.add(j)
                # one consonant for another at the start makes another name ("Jong" / "Tong")
                other = a[0] != b[0] and a[0] not in _VOWELS and b[0] not in _VOWELS
                links.append(([i], [j], "edit", _SIM_SHORT_OTHER if other else _SIM_SHORT_TYPO))
                break


def _drop_lone_initials(
    query_tokens: Sequence[ClassedToken],
    entry_tokens: Sequence[ClassedToken],
    entry_used: set[int],
    links: list[Link],
) -> None:
    """A whole query name is not the entry's initial while one of the entry's whole names
    is left unmatched ("David Lee" / "David L. Maricola"): such links are undone."""
    if not any(
        j not in entry_used and len(b) > 1 and c in ("name", "patronymic")
        for j, (b, c) in enumerate(entry_tokens)
    ):
        return
    for k in range(len(links) - 1, -1, -1):
        query_positions, entry_positions, how, _ = links[k]
        if how != "initial" or len(query_positions) != 1 or len(entry_positions) != 1:
            continue
        if (
            len(query_tokens[query_positions[0]][0]) > 1
            and len(entry_tokens[entry_positions[0]][0]) == 1
        ):
            entry_used.discard(entry_positions[0])
            del links[k]
