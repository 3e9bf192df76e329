"""In-memory candidate index over normalised names.

Built once per list version (or once per party set for re-screening); a query touches only
the postings of its own tokens and of their fuzzy neighbours, never every entry.

Keys, each mapping to vocabulary tokens, each token to a posting array of name ids:

- the token itself (exact, after transliteration and folding);
- the singular of a token of 3+ letters, so plural and singular meet ("labs" / "lab");
- symmetric delete-1 variants of tokens of 4+ letters (typos: one insertion, deletion,
  substitution or transposition on either side);
- romanisation-folded forms ("Khokhlova" / "Hohlova") and consonant frames ("Mohamed" /
  "Muhammad");
- metaphone keys, read for queries transliterated from another script;
- 6-letter prefixes (romanisation-folded) of tokens of 6+ letters (inflections: "Kasperskogo" /
  "Kaspersky", "Vagnera" / "Wagner");
- across scripts (`standing.screening.romanize`): consonant-class keys shared by Latin
  spellings and romanised Arabic-script or Hebrew tokens ("fysl" and "Faycal" are both
  F-S-L), folds of Korean and Chinese syllable spellings (RR / McCune-Reischauer, pinyin /
  Wade-Giles) and the traditional spellings of Korean surnames; read in the direction the
  query needs (a name in Arabic script against Latin vocabulary, or the reverse);
- joined neighbours and the whole compact name ("Hua Wei" / "Huawei", "Al Qaida" / "Alqaida");
- the abbreviations of `data/abbreviations.tsv` and the words they stand for ("Intl" /
  "International", "Dr" / "Doctor"), either way round;
- acronyms of 3 to 6 letters of organisations' names of several words
  (`NormalizedName.acronyms`, and `acronyms.loose_keys`: the initials with the words after
  "and" or the last word left out, under "^": a query "MTS" finds "Mobile TeleSystems", a
  query "KEPCO" looks up the initials it may stand for, `acronyms.query_keys`) and the
  organisations' names that are one acronym-like word (under "=": a query "Mobile
  TeleSystems" finds "MTS"); acronyms that are common words ("ACE", "CAT") are not filed.
  The index also answers what the list knows of an acronym, for scoring: the names of the
  organisations known by it (`acronym_evidence`) and how many names spell it
  (`acronym_spellers`).

Token weights are inverse document frequencies over the indexed items, scaled by the token
class of `standing.screening.normalize` (generic words and places count little, stop words
nothing). Candidate retrieval sums, per name, the best similarity of each query token times
its weight (a fuzzy neighbour counts at most its own weight, so that a common or generic
word one letter away cannot outrank the name itself), and returns at most `limit` items
with the highest sums (not those far below the best, except the first few: an exact
candidate must not hide its siblings) -- more when many items tie at the top (a common name such as
"محمد علي" reaches dozens of entries spelled alike), up to `limit * ADAPTIVE_FACTOR`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from standing.screening import contractions, symbols
from standing.screening.acronyms import loose_keys, query_keys, russian_keys
from standing.screening.cantonese import CANTONESE, cantonese_key
from standing.screening.normalize import (
    ABBREVIATED_AS,
    ABBREVIATIONS,
    CLASS_WEIGHTS,
    COMMON_WORDS,
    NormalizedName,
    legal_family,
    phonetic,
)
from standing.screening.romanize import (
    abjad_class_keys,
    abjad_similarity,
    chinese_fold,
    korean_fold,
    korean_variants,
    latin_class_keys,
)
from standing.screening.similarity import (
    ENTRY_SCRIPT_MODES,
    QUERY_SCRIPT_MODES,
    ScriptMode,
    adjective_base,
    cross_match,
    devowel,
    translit_fold,
)

#: Candidates scored per query (items, not names).
DEFAULT_LIMIT: Final = 20
#: Keys (delete variants, phonetic keys...) shared by more vocabulary tokens than this
#: are too unspecific to expand through.
MAX_KEY_FANOUT: Final = 64
#: Postings longer than this (a token in more names) are read only when the query has no
#: rarer token, so that very common words cannot make a query expensive.
MAX_POSTINGS: Final = 20_000
#: Candidates whose retrieval score is below this share of the best one are not scored...
RELATIVE_CUTOFF: Final = 0.5
#: ... except the first MIN_KEEP by retrieval score (above MIN_COSINE and KEEP_CUTOFF of
#: the best): a strong exact candidate must not hide plausible siblings ("Kaspersky Lab" /
#: "Kaspersky Labs GmbH").
MIN_KEEP: Final = 5
KEEP_CUTOFF: Final = 0.4
#: Similarity of a token and its plural or singular form in retrieval ("lab" / "labs").
SIM_PLURAL: Final = 0.9
#: Share of an acronym's weight that a name it stands for gets in retrieval ("MTS" /
#: "Mobile TeleSystems").
SIM_ACRONYM: Final = 0.8
#: ... and a name it stands for in a loose form ("KEPCO" / "Korea Electric Power").
SIM_LOOSE: Final = 0.6
#: ... and a name a brand is made of the first syllables of ("Petrobras").
SIM_CONTRACTION: Final = 0.8
#: Most names filed under one contraction key that retrieval reads to check.
MAX_CONTRACTED: Final = 400
#: Retrieval counts a fuzzy neighbour from this token similarity on.
MIN_TOKEN_SIMILARITY: Final = 0.7
#: Candidates whose weighted overlap with the query (a cosine over token weights) is below
#: this cannot reach a match score and are not scored.
MIN_COSINE: Final = 0.3
#: When the candidates beyond `limit` score as high as ADAPTIVE_TIE of the best, up to
#: `limit * ADAPTIVE_FACTOR` are returned (many entries spelled alike).
ADAPTIVE_TIE: Final = 0.9
ADAPTIVE_FACTOR: Final = 3
#: Keys across scripts shared by more vocabulary tokens than this keep the commonest.
MAX_SCRIPT_FANOUT: Final = 48
#: Longest Latin token filed under Korean and Chinese syllable folds.
_SYLLABLE_MAX: Final = 7
#: Vocabulary tokens sharing a query token's first six folded letters are compared with it
#: when their lengths differ by at most this.
_PREFIX_SPAN: Final = 5
#: Neighbour lists kept per index (per query token and script model).
_NEIGHBOUR_CACHE: Final = 100_000


@dataclass(frozen=True, slots=True)
class Candidate:
    item: int  # position of the item in the sequence the index was built from
    score: float  # retrieval score (weighted token overlap), not the match score
    names: tuple[int, ...]  # positions (in the item's names) of those the query reached, best first


#: Letters two words of names share at their start to be one word written otherwise
#: ("korea", "korean").
_ALIKE_STEM: Final = 4
#: Words of a company's kind that one name of it may write and another not, or otherwise.
_KIND_WORDS: Final = frozenset({"company", "corporation", "group", "holding", "holdings"})


def _keys_alike(key: str, other: str) -> bool:
    """Whether two names' keys (sorted words) are of one name written otherwise: the words
    of each but those of `_KIND_WORDS`, two at least, all begin as a word of the other does
    ("korea" / "korean"; not "industry" / "technology", another body's)."""
    words = [w for w in key.split() if w not in _KIND_WORDS]
    others = [o for o in other.split() if o not in _KIND_WORDS]
    if len(words) < 2 or len(words) != len(others):
        return False
    return all(
        any(
            w == o or (len(w) >= _ALIKE_STEM and w[:_ALIKE_STEM] == o[:_ALIKE_STEM]) for o in others
        )
        for w in words
    )


def _key_within(key: str, other: str) -> bool:
    """Whether a name's words, three at least besides those of `_KIND_WORDS`, all stand in
    another's that says more: the list's name of the organisation with its status before it
    ("State Research Center of the Russian Federation FGUP Central Scientific Research
    Institute of Chemistry and Mechanics", whose acronym TsNIIKhM is the institute's)."""
    words = {w for w in key.split() if w not in _KIND_WORDS}
    return len(words) >= _WITHIN_LEAST and words < set(other.split())


#: The fewest words of a name that `_key_within` finds within another.
_WITHIN_LEAST: Final = 3


#: The retrieval score of a name the list gives the organisation of a query name, relative
#: to the query name's own (see `NameIndex.candidates`).
_TOGETHER: Final = 0.9
#: What separates a name's key from its legal forms' kinds in `_form_key`.
_FORMS: Final = "|"


def _form_key(name: NormalizedName) -> str:
    """A name's key with the kinds of its legal forms ("kaspersky lab|jsc")."""
    if not name.legal_forms:
        return name.key
    return name.key + _FORMS + ",".join(sorted({legal_family(f) for f in name.legal_forms}))


def _compact_key(name: NormalizedName) -> str:
    """A name's words in their order written as one, with the kinds of its legal forms
    ("chongsongyonhap" for "Chong Song Yon Hap" and "Chongsong Yonhap")."""
    words = "".join(t for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop")
    if not name.legal_forms:
        return words
    return words + _FORMS + ",".join(sorted({legal_family(f) for f in name.legal_forms}))


#: The attributes of a `NameIndex`, kept when it is pickled (a test checks the list against
#: those an index has).
_STATE: Final = (
    *("names", "item_count", "name_owner", "name_position", "max_idf", "_idf", "_postings"),
    *("_vocab_weight", "_name_norm", "_exact_keys", "_fuzzy", "_latin_vocab", "_loose_vocab"),
    *("_script_vocab", "_fwd", "_rev", "_neighbour_cache", "_spelling_parts", "_named_by"),
    *("_acronym_owners", "_acronym_spellers", "_compact_owners", "_listed_base"),
    *("_listed_cache", "_listed_keys", "_listed_owners"),
)


class NameIndex:
    """Token postings with IDF weights plus fuzzy keys over the names of a set of items."""

    def __init__(
        self,
        items: Sequence[Sequence[NormalizedName]],
        readings: Sequence[Sequence[bool]] | None = None,
    ) -> None:
        """``readings`` marks the names that are an item's name read in English (a romanised
        name's common words): their words are found like any name's, but a word's rarity is
        counted over the names as listed, and over readings only for a word no listed name
        has."""
        self.names: list[NormalizedName] = []
        read_names: list[bool] = []
        owners: list[int] = []
        positions: list[int] = []
        for item, names in enumerate(items):
            marks = readings[item] if readings is not None else ()
            for pos, name in enumerate(names):
                self.names.append(name)
                owners.append(item)
                positions.append(pos)
                read_names.append(pos < len(marks) and marks[pos])
        self.item_count = len(items)
        self.name_owner: npt.NDArray[np.int32] = np.asarray(owners, dtype=np.int32)
        self.name_position: npt.NDArray[np.int32] = np.asarray(positions, dtype=np.int32)

        postings: dict[str, list[int]] = defaultdict(list)
        # items per token: an item's names are consecutive, so counting owner changes along
        # a token's postings counts its items without a set per token
        df: dict[str, int] = {}
        last_owner: dict[str, int] = {}
        read_df: dict[str, int] = {}  # the same over readings
        read_last_owner: dict[str, int] = {}
        class_weight: dict[str, float] = {}
        self._loose_vocab: set[str] = set()
        self._latin_vocab: set[str] = set()  # tokens of names written in Latin (or Cyrillic...)
        self._script_vocab: dict[str, set[str]] = defaultdict(set)  # "ar"/"he"/"ko"/"zh"/"yue"
        plain: set[str] = set()  # tokens that are words of a name (not only joined ones)
        for name_id, name in enumerate(self.names):
            owner = owners[name_id]
            model = _script_model(name)
            for token, cls in _index_tokens(name):
                if cls != "joined":
                    plain.add(token)
                bucket = postings[token]
                if not bucket or bucket[-1] != name_id:
                    bucket.append(name_id)
                if read_names[name_id]:
                    if read_last_owner.get(token, -1) != owner:
                        read_last_owner[token] = owner
                        read_df[token] = read_df.get(token, 0) + 1
                elif last_owner.get(token, -1) != owner:
                    last_owner[token] = owner
                    df[token] = df.get(token, 0) + 1
                cw = CLASS_WEIGHTS.get(cls, 1.0)
                if class_weight.get(token, -1.0) < cw:
                    class_weight[token] = cw
                if name.abjad or name.transliterated:
                    self._loose_vocab.add(token)
                if model:
                    self._script_vocab[model].add(token)
                else:
                    self._latin_vocab.add(token)

        self._postings: dict[str, npt.NDArray[np.int32]] = {
            t: np.asarray(ids, dtype=np.int32) for t, ids in postings.items()
        }
        for token, count in read_df.items():
            df.setdefault(token, count)
        n = max(self.item_count, 1)
        self._idf: dict[str, float] = {t: _idf(count, n) for t, count in df.items()}
        self.max_idf = _idf(0, n)
        # a vocabulary token's own weight (its rarity times its class, the highest seen)
        self._vocab_weight: dict[str, float] = {
            t: self._idf[t] * w for t, w in class_weight.items()
        }
        # the senses rigour's name symbols give the vocabulary's words, read at once
        symbols.prime(class_weight)
        # a name's own weight, to prefer names the query covers over longer ones
        self._name_norm: npt.NDArray[np.float64] = np.sqrt(
            np.asarray(
                [
                    max(
                        sum(
                            self._idf[t] * CLASS_WEIGHTS[c]
                            for t, c in zip(nm.tokens, nm.classes, strict=True)
                            if c != "stop"
                        ),
                        1.0,
                    )
                    for nm in self.names
                ],
                dtype=np.float64,
            )
        )

        self._exact_keys: dict[str, list[int]] = defaultdict(list)
        fuzzy: defaultdict[str, list[str]] = defaultdict(list)
        for name_id, name in enumerate(self.names):
            self._exact_keys[name.key].append(name_id)
        for token in self._postings:
            # each token once under each of its keys; joined neighbours (nine in ten tokens
            # of the vocabulary) without their delete variants: a typo in them is reached
            # through their romanisation fold, consonant frame or 6-letter prefix
            for key in set(_fuzzy_keys(token, deletes=token in plain)):
                fuzzy[key].append(token)
        for key in [k for k, v in fuzzy.items() if len(v) > MAX_KEY_FANOUT]:
            del fuzzy[key]
        fuzzy.default_factory = None  # a plain mapping from here on
        self._fuzzy: dict[str, list[str]] = fuzzy
        # acronyms of names of several words, and names that are one acronym-like word
        acronyms: dict[str, list[int]] = defaultdict(list)
        # what a contraction is read against, of each name filed under a contraction key
        self._spelling_parts: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}
        # the keys of the names spelling one
        spelled_by: dict[str, set[str]] = defaultdict(set)
        loosely: dict[str, set[str]] = defaultdict(set)  # ... in a loose form
        # names of one organisation are one speller, and so are names of one key across
        # lists: each key's group of keys (a union of the keys of each item's names)
        group: dict[str, str] = {}

        def root(key: str) -> str:
            while group[key] != key:
                group[key] = group[group[key]]
                key = group[key]
            return key

        first_key: dict[int, str] = {}
        # the organisations each name of a list's own (not read in English) belongs to,
        # those of items with two names or more kept: what the list knows of names that are
        # one organisation's (`listed_together`)
        owners_of: dict[str, set[int]] = defaultdict(set)
        named_by: dict[str, int] = {}  # a name of each such key
        for name_id, name in enumerate(self.names):
            if name.kind == "person":
                continue
            if not read_names[name_id] and not name.generic_only:
                form_key = _form_key(name)
                owners_of[form_key].add(int(owners[name_id]))
                named_by.setdefault(form_key, name_id)
            group.setdefault(name.key, name.key)
            item = int(owners[name_id])
            if item in first_key:
                group[root(name.key)] = root(first_key[item])
            else:
                first_key[item] = name.key
            for acronym in name.acronyms:
                if acronym not in COMMON_WORDS:
                    acronyms[_ACRONYM_OF + acronym].append(name_id)
                    spelled_by[acronym].add(name.key)
            for acronym in (*loose_keys(name), *russian_keys(name)):
                bucket = acronyms[_ACRONYM_OF + acronym]
                if acronym not in COMMON_WORDS and (not bucket or bucket[-1] != name_id):
                    bucket.append(name_id)
                    loosely[acronym].add(name.key)
            single = _acronym_name(name)
            if single:
                acronyms[_ACRONYM_NAME + single].append(name_id)
            # brands made of the first syllables of a name's words ("Petrobras"), both ways
            brand = _contraction_word(name)
            if brand:
                for key in contractions.brand_keys(brand):
                    bucket = acronyms[_CONTRACTION_OF + key]
                    if not bucket or bucket[-1] != name_id:
                        bucket.append(name_id)
                # ... and the names whose Russian words it may join ("Sevmash")
                acronyms[_RUSSIAN_OF + brand[:3]].append(name_id)
            else:
                contraction_keys = contractions.name_keys(name)
                parts = contractions.spelling_parts(name) if contraction_keys else None
                if parts is not None:
                    for key in contraction_keys:
                        acronyms[_CONTRACTION + key].append(name_id)
                    self._spelling_parts[name_id] = parts
                for key in contractions.russian_keys(name):
                    acronyms[_RUSSIAN + key].append(name_id)
        keys_of: dict[int, set[str]] = defaultdict(set)
        for key, items_of in owners_of.items():
            for item in items_of:
                keys_of[item].add(key)
        self._listed_owners: dict[str, frozenset[int]] = {
            key: frozenset(i for i in items_of if len(keys_of[i]) > 1)
            for key, items_of in owners_of.items()
            if any(len(keys_of[i]) > 1 for i in items_of)
        }
        compact: dict[str, set[int]] = defaultdict(set)
        for key, key_owners in self._listed_owners.items():
            compact[_compact_key(self.names[named_by[key]])].update(key_owners)
        self._listed_cache: dict[str, list[NormalizedName]] = {}
        self._compact_owners: dict[str, frozenset[int]] = {
            key: frozenset(key_owners) for key, key_owners in compact.items()
        }
        self._listed_base: frozenset[str] = frozenset(
            key.partition(_FORMS)[0] for key in self._listed_owners
        )
        self._named_by: dict[str, int] = {
            key: named_by[key] for key in self._listed_owners if key in named_by
        }
        self._listed_keys: dict[int, tuple[str, ...]] = {
            item: tuple(sorted(keys)) for item, keys in keys_of.items() if len(keys) > 1
        }
        # what the list knows of acronyms: the names of the organisations known by one (the
        # keys of their other names), and how many different names spell one
        self._acronym_owners: dict[str, frozenset[str]] = {}
        for key, ids in list(acronyms.items()):
            if key[0] == _ACRONYM_NAME:
                owned = frozenset(
                    other.key for i in ids for other in items[owners[i]] if len(other.tokens) > 1
                )
                self._acronym_owners[key[1:]] = owned
                # an acronym reaches every name of the list that an organisation known by it
                # has, whether it spells them or not ("CEIEC": China National Electronics
                # Import & Export Corporation, on another list without the acronym too)
                listed = [i for k in owned for i in self._exact_keys.get(k, ())]
                if listed:
                    spelled = acronyms.get(_ACRONYM_OF + key[1:], [])
                    acronyms[_ACRONYM_OF + key[1:]] = sorted({*spelled, *listed})
        for key, ids in acronyms.items():
            self._postings[key] = np.asarray(ids, dtype=np.int32)
        self._acronym_spellers: dict[str, int] = {}
        for acronym, keys in spelled_by.items():
            if len(keys) > 1:
                self._acronym_spellers[acronym] = len({root(k) for k in keys})
        for acronym, keys in loosely.items():
            keys |= spelled_by.get(acronym, set())
            if len(keys) > 1:
                self._acronym_spellers[_LOOSELY + acronym] = len({root(k) for k in keys})
        # across scripts: "fwd" files Latin tokens for queries in a script, "rev" files the
        # script's tokens for Latin queries
        fwd: dict[str, dict[str, set[str]]] = {m: defaultdict(set) for m in _MODELS}
        rev: dict[str, dict[str, set[str]]] = {m: defaultdict(set) for m in _MODELS}
        for token in self._latin_vocab:
            if not token.isalpha():
                continue
            for key in latin_class_keys(token):
                fwd["ab"][key].add(token)
            if len(token) <= _SYLLABLE_MAX:
                fwd["ko"][korean_fold(token)].add(token)
                fwd["zh"][chinese_fold(token)].add(token)
                if key := cantonese_key(token):
                    fwd["yue"][key].add(token)
        for model, vocab in self._script_vocab.items():
            for token in vocab:
                if not token.isalpha():
                    continue
                if model in ("ar", "he"):
                    abjad_similarity(token, token, model == "he")  # compile its pattern now
                    for key in abjad_class_keys(token, model == "he"):
                        rev[model][key].add(token)
                elif model == "ko":
                    for variant in (token, *korean_variants(token)):
                        rev["ko"][korean_fold(variant)].add(token)
                elif model == "yue":
                    if key := cantonese_key(token):
                        rev["yue"][key].add(token)
                else:
                    rev["zh"][chinese_fold(token)].add(token)
        # a key shared by many spellings keeps the commonest ones ("SN": hassan, hasan...)
        self._fwd: dict[str, dict[str, tuple[str, ...]]] = {
            m: {k: self._commonest(v, MAX_SCRIPT_FANOUT) for k, v in d.items()}
            for m, d in fwd.items()
        }
        self._rev: dict[str, dict[str, tuple[str, ...]]] = {
            m: {k: self._commonest(v, MAX_SCRIPT_FANOUT) for k, v in d.items()}
            for m, d in rev.items()
            if d
        }
        self._neighbour_cache: dict[tuple[str, str], list[tuple[str, float]]] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        """Built empty, then given its state: compiled (`standing.screening.native`), a
        class cannot be made without its ``__init__``."""
        return type(self), ([],), self.__getstate__()

    def __getstate__(self) -> dict[str, Any]:
        """The attributes `_STATE` names, the postings as one array and offsets (tens of
        thousands of small arrays pickle slowly); the neighbour cache is left behind. Named
        rather than read from ``__dict__``: compiled (`standing.screening.native`), the index
        has none."""
        state = {name: getattr(self, name) for name in _STATE}
        tokens = list(self._postings)
        arrays = [self._postings[t] for t in tokens]
        state["_postings"] = (
            tokens,
            np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int32),
            np.cumsum([0, *map(len, arrays)], dtype=np.int64),
        )
        state["_neighbour_cache"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        tokens, flat, offsets = state["_postings"]
        state["_postings"] = {
            t: flat[lo:hi]
            for t, lo, hi in zip(tokens, offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)
        }
        for name in _STATE:
            setattr(self, name, state[name])

    def _commonest(self, tokens: set[str], n: int) -> tuple[str, ...]:
        """At most `n` of `tokens`, the most frequent first kept."""
        if len(tokens) <= n:
            return tuple(tokens)
        return tuple(sorted(tokens, key=lambda t: (self._idf[t], t))[:n])

    # -- weights -----------------------------------------------------------------------------

    def idf(self, token: str) -> float:
        """Inverse document frequency of a folded token over the indexed items."""
        return self._idf.get(token, self.max_idf)

    def acronym_evidence(self, acronym: str, key: str) -> int:
        """What the list says of `acronym` standing for a name of these words (`key`): 1 when
        an organisation it gives that acronym as a name of also has this name, -1 when the
        organisations known by it have not ("ZTE Corporation" for "Zhejiang Tianlu Energy"),
        0 when no organisation is known by it. A name written alike counts as the same ("Korean
        National Insurance Company (KNIC)" for "Korea National Insurance Corporation")."""
        owners = self._acronym_owners.get(acronym)
        if owners is None:
            return 0
        return (
            1
            if key in owners or any(_keys_alike(key, o) or _key_within(key, o) for o in owners)
            else -1
        )

    def listed_together(self, name: NormalizedName, other: NormalizedName) -> bool:
        """Whether the list gives these two names, their legal forms' kinds as written, to one
        organisation ("Chongsong Yonhap" and "Green Pine Associated Corporation"): another
        list's entry under one of them is that organisation too; `name` may write its words
        together or apart otherwise ("Chong Song Yon Hap"). Not a name under another legal
        form ("Kaspersky Lab, Inc." is not the "Kaspersky Lab ZAO" of AO Kaspersky Lab);
        names read in English and generic names are not the list's word for it."""
        if other.key not in self._listed_base:
            return False  # most names: no organisation of the list has another
        other_key = _form_key(other)
        key, mine = self._owners(name)
        if key == other_key or not mine:
            return False
        return not mine.isdisjoint(self._listed_owners.get(other_key, ()))

    def _owners(self, name: NormalizedName) -> tuple[str, frozenset[int]]:
        """The key the list knows `name` by and the organisations it gives it to (see
        `listed_together`): its key with its legal forms, or its words written as one ("Chong
        Song Yon Hap": chongsongyonhap, as "Chongsong Yonhap")."""
        if name.key in self._listed_base:
            key = _form_key(name)
            return key, self._listed_owners.get(key, frozenset())
        key = _compact_key(name)
        return key, self._compact_owners.get(key, frozenset())

    def listed_names(self, name: NormalizedName, one_word: bool = True) -> list[NormalizedName]:
        """The other names, under other keys, that the list gives the organisations it gives
        `name` to (see `listed_together`): "Central Research Institute of Chemistry and
        Mechanics" for "TsNIIKhM". With `one_word`, for a name of one word only, an acronym
        or a brand, which shares no word with them (a query name of several is reached by its
        own words)."""
        if (
            name.kind == "person"
            or name.key not in self._listed_base
            or (one_word and " " in name.key)
        ):
            return []
        key = _form_key(name)
        found = self._listed_cache.get(key)
        if found is None:
            named: dict[str, NormalizedName] = {}
            for item in self._listed_owners.get(key, ()):
                for other in self._listed_keys.get(item, ()):
                    if other != key and other not in named:
                        named[other] = self.names[self._named_by[other]]
            found = list(named.values())
            if len(self._listed_cache) >= _NEIGHBOUR_CACHE:
                self._listed_cache.clear()
            self._listed_cache[key] = found
        return found

    def _together(self, name: NormalizedName) -> list[int]:
        """The ids of the names of other items under the other keys of the organisations the
        list gives `name` to (see `listed_together`), for retrieval: theirs are reached
        already."""
        found: list[int] = []
        key, mine = self._owners(name)
        for item in mine:
            for other in self._listed_keys.get(item, ()):
                if other != key:
                    found.extend(
                        i
                        for i in self._exact_keys.get(other.partition(_FORMS)[0], ())
                        if self.name_owner[i] not in mine and _form_key(self.names[i]) == other
                    )
        return found

    def acronym_spellers(self, acronym: str, loose: bool = False) -> int:
        """How many different names of the list `acronym` spells plainly, or (`loose`) also
        with the words after "and" or the last word left out (0 or 1: one at most); the
        names of one organisation ("Korea National Insurance Corporation", "... Company")
        count once."""
        return self._acronym_spellers.get(_LOOSELY + acronym if loose else acronym, 0)

    def weight(self, token: str, token_class: str) -> float:
        return self.idf(token) * CLASS_WEIGHTS[token_class]

    # -- retrieval ---------------------------------------------------------------------------

    def neighbours(self, token: str, model: str = "") -> list[tuple[str, float]]:
        """Vocabulary tokens similar to `token`, with their similarity (the token first).

        `model` is the script of the query name: "" (Latin), "loose" (transliterated from
        Cyrillic, Greek...), "ar" or "he" (an abjad), "ko" (Hangul) or "zh" (Han).
        """
        cache_key = (token, model)
        cached = self._neighbour_cache.get(cache_key)
        if cached is not None:
            return cached
        found: dict[str, float] = {}
        if token in self._postings:
            found[token] = 1.0
        # abbreviations of the table and the words they stand for ("intl" / "international")
        abbreviated = ABBREVIATIONS.get(token)
        if abbreviated is not None:
            for word in abbreviated[0]:
                if word in self._postings and word not in found:
                    found[word] = abbreviated[1]
        for abbreviation, sim in ABBREVIATED_AS.get(token, ()):
            if abbreviation in self._postings and abbreviation not in found:
                found[abbreviation] = sim
        loose = model != ""
        size = len(token)
        others: list[str] = []
        for key in (*_fuzzy_keys(token, loose), *_base_keys(token)):
            linked = self._fuzzy.get(key, ())
            if key[0] == "+":
                # plural and singular ("lab" / "labs", "system" / "systems")
                for other in linked:
                    if other not in found:
                        found[other] = SIM_PLURAL
                continue
            if key[0] == "~" and len(token) >= 5:
                # one deletion on each side: within the edit budget of 5+ letters; ranked
                # without comparing (the scoring compares)
                for other in linked:
                    if other not in found and len(other) >= 5:
                        found[other] = 0.9
                continue
            if key[0] == ">":
                # a shared beginning: compared when the lengths are near enough for the
                # prefix rule, an inflected ending or an edit (a longer word is found by its
                # other keys if it is a spelling of the token)
                others.extend(o for o in linked if abs(len(o) - size) <= _PREFIX_SPAN)
                continue
            others.extend(linked)
        base = adjective_base(token)
        if base is not None:
            # the name a Russian adjective in -sk- is made from ("kazanskiy": "kazan")
            others.extend(
                name
                for name in (base, base + "sk", *(base + v for v in "aeiouy"))
                if name in self._postings
            )
        reverse: list[tuple[str, str]] = []  # script tokens reached from a Latin query
        if token.isalpha():
            if model in ("ar", "he"):
                for key in abjad_class_keys(token, model == "he"):
                    others.extend(self._fwd["ab"].get(key, ()))
            elif model == "ko":
                for variant in (token, *korean_variants(token)):
                    others.extend(self._fwd["ko"].get(korean_fold(variant), ()))
            elif model == "zh":
                others.extend(self._fwd["zh"].get(chinese_fold(token), ()))
            elif model == "yue":
                others.extend(self._fwd["yue"].get(cantonese_key(token), ()))
            else:
                for m, keys in self._rev.items():
                    if m in ("ar", "he"):
                        for key in latin_class_keys(token):
                            reverse.extend((o, m) for o in keys.get(key, ()))
                    elif m == "ko":
                        reverse.extend((o, m) for o in keys.get(korean_fold(token), ()))
                    elif m == "yue":
                        reverse.extend((o, m) for o in keys.get(cantonese_key(token), ()))
                    else:
                        reverse.extend((o, m) for o in keys.get(chinese_fold(token), ()))
        for other in others:
            if other in found:
                continue
            sim = cross_match(token, other, self._mode(model, other))[0]
            if sim >= MIN_TOKEN_SIMILARITY:
                found[other] = sim
        for other, m in reverse:
            if other in found:
                continue
            sim = cross_match(token, other, ENTRY_SCRIPT_MODES[m])[0]
            if sim >= MIN_TOKEN_SIMILARITY:
                found[other] = sim
        out = sorted(found.items(), key=lambda kv: -kv[1])
        if len(self._neighbour_cache) >= _NEIGHBOUR_CACHE:
            self._neighbour_cache.clear()
        self._neighbour_cache[cache_key] = out
        return out

    def _mode(self, model: str, other: str) -> ScriptMode:
        """How a query token of `model` compares with vocabulary token `other`."""
        if model in _MODELS and model != "ab":
            return QUERY_SCRIPT_MODES[model] if other in self._latin_vocab else _LOOSE
        if other not in self._latin_vocab:
            for m, vocab in self._script_vocab.items():
                if other in vocab:
                    return ENTRY_SCRIPT_MODES[m]
        return _LOOSE if model or other in self._loose_vocab else _LATIN

    def candidates(
        self, query: Iterable[NormalizedName], limit: int = DEFAULT_LIMIT
    ) -> list[Candidate]:
        """At most `limit` items whose names share (fuzzy) tokens with the query names
        (up to `limit * ADAPTIVE_FACTOR` when more tie with the best), then those the other
        names the list gives the organisations of a query name reach ("FSVTS": Federal
        Service for Military-Technical Cooperation), entries of other lists written alike."""
        names = list(query)
        out = self._candidates(names, limit)
        listed = [o for q in names for o in self.listed_names(q)] if self._listed_base else []
        if listed:
            seen = {c.item for c in out}
            out.extend(c for c in self._candidates(listed, limit) if c.item not in seen)
        return out

    def _candidates(self, names: list[NormalizedName], limit: int) -> list[Candidate]:
        arrays: list[npt.NDArray[np.int32]] = []
        weights: list[float] = []
        deferred: list[tuple[npt.NDArray[np.int32], float]] = []
        query_norm = 1.0
        together: list[int] = []
        for qname in names:
            if qname.generic_only:
                ids = self._exact_keys.get(qname.key)
                if ids:
                    arrays.append(np.asarray(ids, dtype=np.int32))
                    weights.append(1.0)
                continue
            model = _script_model(qname) or ("loose" if qname.transliterated else "")
            per_name: dict[str, float] = {}
            query_norm = max(
                query_norm,
                sum(
                    self.idf(t) * CLASS_WEIGHTS[c]
                    for t, c in zip(qname.tokens, qname.classes, strict=True)
                ),
            )
            for token, cls in _query_tokens(qname):
                w = (self.max_idf if cls == "joined" else self.idf(token)) * CLASS_WEIGHTS.get(
                    cls, 1.0
                )
                if w <= 0.0:
                    continue
                if cls == "joined":  # joined neighbours are looked up as they are
                    if token in self._postings and per_name.get(token, 0.0) < w:
                        per_name[token] = w
                    continue
                for other, sim in self.neighbours(token, model):
                    # a neighbour counts at most its own weight ("minin" / "mining")
                    score = sim * (w if other == token else min(w, self._vocab_weight[other]))
                    if per_name.get(other, 0.0) < score:
                        per_name[other] = score
            if qname.kind != "person":
                if self._compact_owners:
                    together.extend(self._together(qname))
                self._acronym_keys(qname, per_name)
                found = self._contracted(qname)
                if found is not None:
                    arrays.append(found[0])
                    weights.append(found[1])
            for token, score in per_name.items():
                post = self._postings[token]
                if len(post) > MAX_POSTINGS:
                    deferred.append((post, score))
                    continue
                arrays.append(post)
                weights.append(score)
        if together:
            # the other names of the organisations the list gives a query name to, on other
            # lists: nearly as close as the name itself (a name's own words score about
            # 1.0 against it; `_TOGETHER` of that, whatever their own words)
            reached = np.unique(np.asarray(together, dtype=np.int32))
            arrays.extend(reached[:, None])
            weights.extend((_TOGETHER * self._name_norm[reached] * math.sqrt(query_norm)).tolist())
        if not arrays and deferred:
            # only very common tokens: read the rarest of them, capped
            post, score = min(deferred, key=lambda ps: len(ps[0]))
            arrays.append(post[:MAX_POSTINGS])
            weights.append(score)
        if not arrays:
            return []
        all_ids = np.concatenate(arrays)
        all_w = np.repeat(np.asarray(weights), [len(a) for a in arrays])
        uniq, inverse = _unique_inverse(all_ids)
        name_scores = np.bincount(inverse, weights=all_w) / (
            self._name_norm[uniq] * np.sqrt(query_norm)
        )
        # names are numbered item by item, so the owners of the sorted ids come in runs: an
        # item's score is the best of its run
        owners = self.name_owner[uniq]
        starts = np.flatnonzero(np.concatenate(([True], owners[1:] != owners[:-1])))
        item_scores = np.maximum.reduceat(name_scores, starts)
        wide = limit * ADAPTIVE_FACTOR
        if len(item_scores) > wide:
            top = np.argpartition(-item_scores, wide - 1)[:wide]
        else:
            top = np.arange(len(item_scores))
        top = top[np.argsort(-item_scores[top], kind="stable")]
        if len(top) > limit:
            # beyond `limit`, only candidates that tie with the best
            extra = top[limit:]
            top = np.concatenate(
                [top[:limit], extra[item_scores[extra] >= ADAPTIVE_TIE * item_scores[top[0]]]]
            )
        if len(top):
            cut = max(RELATIVE_CUTOFF * item_scores[top[0]], MIN_COSINE)
            keep = item_scores[top] >= cut
            floor = max(KEEP_CUTOFF * item_scores[top[0]], MIN_COSINE)
            keep[:MIN_KEEP] |= item_scores[top[:MIN_KEEP]] >= floor
            top = top[keep]
        # the names each candidate reached, best first (in name order among equals)
        ends = np.append(starts[1:], len(owners))
        runs = [
            (lo, hi, uniq[lo:hi].tolist(), name_scores[lo:hi].tolist())
            for lo, hi in zip(starts[top].tolist(), ends[top].tolist(), strict=True)
        ]
        positions = self.name_position
        out: list[Candidate] = []
        for (lo, _, ids, scores), score in zip(runs, item_scores[top].tolist(), strict=True):
            if len(ids) > 1:
                ids = [i for _, i in sorted(zip(scores, ids, strict=True), key=lambda si: -si[0])]
            out.append(
                Candidate(item=int(owners[lo]), score=score, names=tuple(positions[ids].tolist()))
            )
        return out

    def _contracted(self, qname: NormalizedName) -> tuple[npt.NDArray[np.int32], float] | None:
        """The names a query name of one word is a contraction of ("Petrobras": Petróleo
        Brasileiro), or that are a contraction of the query name's words, and their weight:
        the names filed under the keys it may meet, each read to check it. A key filed by
        more than `MAX_CONTRACTED` names says too little to read them all and is left out."""
        brand = _contraction_word(qname)
        found: list[int] = []
        if brand:
            parts = self._spelling_parts
            spell = contractions.spell
            for contracted in contractions.query_keys(brand):
                post = self._postings.get(_CONTRACTION + contracted)
                if post is not None and len(post) <= MAX_CONTRACTED:
                    found.extend(i for i in post.tolist() if spell(brand, *parts[i]) is not None)
            post = self._postings.get(_RUSSIAN + brand[:3])
            if post is not None and len(post) <= MAX_CONTRACTED:
                russian = contractions.russian_syllables
                found.extend(i for i in post.tolist() if russian(brand, self.names[i]) is not None)
            weight = SIM_CONTRACTION * self.idf(brand)
        else:
            keys = [_CONTRACTION_OF + key[:3] for key in contractions.name_keys(qname)]
            keys += [_RUSSIAN_OF + key for key in contractions.russian_keys(qname)]
            read = contractions.syllables_of(qname)
            names = self.names
            for key in keys:
                post = self._postings.get(key)
                if post is None or len(post) > MAX_CONTRACTED:
                    continue
                found.extend(i for i in post.tolist() if read(names[i].tokens[0]) is not None)
            weight = SIM_CONTRACTION * max(self.idf(t) for t in qname.tokens)
        if not found:
            return None
        return np.asarray(sorted(set(found)), dtype=np.int32), weight

    def _acronym_keys(self, qname: NormalizedName, per_name: dict[str, float]) -> None:
        """The acronym keys a query name reaches: a name that is one acronym-like word reaches
        the names it is the acronym of, a name of several words the names that are its
        acronym, at `SIM_ACRONYM` of the acronym's weight."""
        single = _acronym_name(qname)
        if single:
            key = _ACRONYM_OF + single
            if key in self._postings:
                per_name[key] = SIM_ACRONYM * self.idf(single)
            # the initials it may stand for in a loose form ("KEPCO": K-E-P-C)
            for loose in query_keys(single):
                key = _ACRONYM_OF + loose
                if key in self._postings and loose not in COMMON_WORDS:
                    per_name[key] = max(per_name.get(key, 0.0), SIM_LOOSE * self.idf(single))
        for acronym in qname.acronyms:
            key = _ACRONYM_NAME + acronym
            if key in self._postings and acronym not in COMMON_WORDS:
                per_name[key] = max(per_name.get(key, 0.0), SIM_ACRONYM * self.idf(acronym))


#: Keys of the acronyms of names of several words, and of names that are one acronym.
_ACRONYM_OF: Final = "^"
_ACRONYM_NAME: Final = "="
#: Keys of names of several words by the first syllables of their words, and of names of
#: one word that may be made of them (`standing.screening.contractions`).
_CONTRACTION: Final = "%"
_CONTRACTION_OF: Final = "&"
#: Keys of names of several words by what their first word may begin a brand joining their
#: Russian words with, and of names of one word by their first three letters
#: (`contractions.russian_keys`: "Sevmash" / Northern Machine-Building Enterprise).
_RUSSIAN: Final = "!"
_RUSSIAN_OF: Final = "?"
#: Marks the count of the names that spell an acronym in a loose form too.
_LOOSELY: Final = "~"


def _contraction_word(name: NormalizedName) -> str:
    """The word of an organisation's name that may be a brand made of the first syllables of
    another name's words ("Petrobras", "PO Sevmash"; `contractions.brand_word`), else ""."""
    return contractions.brand_word(name)


def _acronym_name(name: NormalizedName) -> str:
    """The one word of an organisation's name when it may be an acronym of 3 to 6 letters
    that is not a common word ("MTS", "SMIC"), else ""."""
    if len(name.tokens) != 1 or name.kind == "person" or name.classes[0] != "name":
        return ""
    token = name.tokens[0]
    if len(token) < 3 or not name.acronym_token(token) or token in COMMON_WORDS:
        return ""
    return token


_MODELS: Final = ("ab", "ar", "he", "ko", "zh", "yue")
_LOOSE: Final = ScriptMode.LOOSE  # module names: cheaper than a lookup on the enum class
_LATIN: Final = ScriptMode.LATIN


def _script_model(name: NormalizedName) -> str:
    """The script model of a name: "ar", "he", "ko", "zh", "yue" (a Cantonese reading), or
    "" for Latin and the rest."""
    if name.abjad:
        return "ar" if "Arabic" in name.scripts or "Hebrew" not in name.scripts else "he"
    if "Hangul" in name.scripts:
        return "ko"
    if CANTONESE in name.scripts:
        return "yue"
    if "Han" in name.scripts:
        return "zh"
    return ""


def _unique_inverse(
    ids: npt.NDArray[np.int32],
) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.intp]]:
    """``np.unique(ids, return_inverse=True)`` for postings read one after another: each
    posting is sorted, so a stable sort merges their runs rather than sorting afresh."""
    order = ids.argsort(kind="stable")
    ordered = ids[order]
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    inverse = np.empty(len(ordered), dtype=np.intp)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def _idf(df: int, n: int) -> float:
    return math.log((n + 1.0) / (df + 0.5)) + 1.0


def _index_tokens(name: NormalizedName) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = [
        (t, c) for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop"
    ]
    out.extend((j, "joined") for j in _joined(name))
    return out


_LEET: Final = str.maketrans("01345789", "oieastbg")


def _query_tokens(name: NormalizedName) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for t, c in zip(name.tokens, name.classes, strict=True):
        if c == "stop":
            continue
        out.append((t, c))
        if not t.isalpha() and not t.isdigit():
            decoded = t.translate(_LEET)  # digits for letters: "sech1n"
            if decoded.isalpha() and len(decoded) >= 3:
                out.append((decoded, "name"))
    out.extend((j, "joined") for j in _joined(name))
    return out


def _joined(name: NormalizedName) -> list[str]:
    """Neighbours joined, and the whole compact name, for split/merged spellings."""
    toks = [t for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop"]
    if len(toks) < 2 or len(toks) > 8:
        return []
    out = [a + b for a, b in pairwise(toks)]
    if len(toks) > 2:
        compact = "".join(toks)
        if len(compact) <= 24:
            out.append(compact)
    return out


def _singular(token: str) -> str:
    """The token without a plural ending ("labs" -> "lab", "boxes" -> "box")."""
    if len(token) >= 5 and token.endswith(("ses", "xes", "zes", "ches", "shes")):
        return token[:-2]
    if len(token) >= 4 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


def _fuzzy_keys(token: str, loose: bool = True, deletes: bool = True) -> list[str]:
    """Keys a token is filed under (loose=True) or looked up by (loose: the query was
    transliterated from another script; metaphone keys and the consonant frames of short
    tokens are read only then); `deletes`: with its delete-1 variants."""
    keys: list[str] = []
    n = len(token)
    if n >= 3 and token.isalpha():
        keys.append("+" + _singular(token))
    if n >= 4 and token.isalpha():
        if deletes:
            marked = "~" + token
            keys.extend([marked[:i] + marked[i + 1 :] for i in range(1, n + 1)])
        keys.append("~" + token)
    if n >= 3 and token.isalpha():
        keys.append("!" + translit_fold(token))
    if n >= 6 or (loose and n >= 3):
        keys.append("%" + devowel(token))
    if loose:
        ph = phonetic(token)
        if len(ph) >= 2 and n >= 4:
            keys.append("#" + ph)
    if n >= 7 or (n == 6 and token.isalpha()):
        keys.append(">" + translit_fold(token)[:6])
    base = adjective_base(token)
    if base is not None:
        keys.append("^" + base)  # a Russian adjective in -sk-, by its name ("kazanskiy")
    return keys


def _base_keys(token: str) -> list[str]:
    """The keys under which the Russian adjectives in -sk- made from `token` are filed
    ("kazan" finds "kazanskiy", "tula" "tulskaya", "kursk" "kurskiy"), for a lookup."""
    if len(token) < 3 or not token.isalpha():
        return []
    keys = ["^" + token]
    if token[-1] in "aeiouy" and len(token) >= 4:
        keys.append("^" + token[:-1])
    if token.endswith("sk") and len(token) >= 4:
        keys.append("^" + token[:-2])
    return keys
