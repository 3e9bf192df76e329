"""Similarity of two folded name tokens, and how they matched.

Rules, in order (the first that applies wins):

- equal: 1.0
- directions never match each other ("northern" / "southern"): 0.0
- initial: one token is a single letter and starts the other: 0.9
- numbers must be equal: 0.0 otherwise
- edit distance (with transpositions) within a budget that grows with the longer token's
  length (none up to 4 letters, so "ZTE" and "ZTT" differ; one edit from 5 letters, two
  from 8, three from 12): 1 - d/(2*len); but one edit that may make another word of a
  short one -- a consonant at the first letter of a word of up to 7 letters ("Hamas" /
  "Tamas"), or a consonant added or dropped in one of up to 5 ("Daesh" / "Danesh") -- gives
  0.75 or 0.79 unless a romanisation fold explains it
- equal after folding romanisation variants (kh/h, ou/u, y/i, dj/j, c/k, sch/sh, -off/-ov,
  Latvian -s, doubled letters...; "Khokhlova" / "Hohlova", "Kim Jong-uun" / "Kim Jong-un";
  at least 3 letters left, or 2 ending alike): 0.9, or 0.85 within one edit less than the
  budget
- shared prefix of 6+ letters covering 70 % of the shorter token, at most 4 letters longer
  (inflected forms: "kasperskogo" / "kaspersky"): 0.85
- a Russian adjective in -sk- against the name it is made from ("kazanskiy", "kazansky",
  "kazanskaya" / "kazan"; "tulskiy" / "tula"; "kurskiy" / "kursk"): 0.8 ("inflection"),
  when the name has at least 3 letters (a person's name never compares so: "Kaminsky" is
  not "Kamin")
- the same consonants, first and last letter, 6+ letters (vowel spellings: "mohamed" /
  "muhammad"): 0.8
- same metaphone key and first letter when either side was transliterated: 0.85 (0.75
  for words of up to 6 letters ending otherwise: "alrosa" / "allrus")
- one token is the other with the Arabic article attached ("alhouthi" / "houthi"): 0.9
- a word borrowed by Russian, in English and in transliteration: equal after folding a soft
  c to s and a hard c or kh to k ("Rostec" / "Rostekh", "eCommerce" / "eKommerts"): 0.85
- digits standing for letters ("Sech1n", "I9or"): the letters compared, times 0.95

`cross_match` adds the script models of `standing.screening.romanize` when one side was
written in Arabic script or Hebrew (letter classes, which then replace the vowel-guessing
rules above), Hangul (Korean spellings) or Han (pinyin / Wade-Giles), and says which side;
two Latin tokens that are both Chinese syllables compare by pinyin / Wade-Giles too
("Hsi" / "Xi"): 0.8.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache
from typing import Final

from rapidfuzz.distance import OSA

from standing.screening.cantonese import cantonese_key, cantonese_similarity
from standing.screening.normalize import phonetic
from standing.screening.romanize import (
    abjad_similarity,
    chinese_similarity,
    first_group,
    korean_similarity,
    rewrite,
    rules,
    undouble,
)

#: Per-token folds kept: the tokens of a 100,000-entry list (about 250,000, folded once when
#: its index is built) with room for the queries', so a query does not fold them again.
_TOKEN_CACHE: Final = 500_000
SIM_INITIAL: Final = 0.9
SIM_PREFIX: Final = 0.85
SIM_PHONETIC_LOOSE: Final = 0.85
SIM_VOWELS: Final = 0.8
SIM_FOLDED: Final = 0.9
SIM_ARTICLE: Final = 0.9
SIM_SYLLABLE: Final = 0.8
#: A Russian adjective in -sk- against the name it is made from ("kazanskiy" / "kazan").
SIM_INFLECTION: Final = 0.8
#: One edit in a short word, or at its first letter: not enough alone for a match.
SIM_SHORT_EDIT: Final = 0.75
#: A consonant added or dropped in a short word: just below a match on its own.
SIM_SHORT_INDEL: Final = 0.79
#: Words up to this long are short (see `_weak_edit`).
_SHORT: Final = 6
_VOWELISH: Final = frozenset("aeiouywh")
#: One Chinese syllable in pinyin or Wade-Giles spelling.
_SYLLABLE_RE: Final = re.compile(
    r"^(?:ch|zh|sh|hs|ts|tz|[bcdfghjklmnpqrstwxyz])?[aeiouy]{1,3}(?:ng|n|h)?$"
)
LEET_FACTOR: Final = 0.95

# Romanisation variants folded together: "kh"/"h", "ou"/"u", "y"/"i", "dj"/"j", "c"/"k"...
# Each rule names the substrings one of which it needs ("" runs it always): most tokens have
# none of them, and a substring test is much cheaper than a regular expression.
_FOLD_RULES: Final = tuple(
    (
        re.compile(a),
        first_group if b == r"\1" else b,
        tuple(guards.split()) if guards else ("",),
        (a, b) if re.escape(a) == a else None,  # a plain string: str.replace does the same
    )
    for a, b, guards in (
        (r"^abd(?:ul|el|al|ol|oul)", "abd", "abd"),
        # an English word's final c or k as katakana writes it, doubled before a vowel
        # ("nidekku", ニデック: Nidec)
        (r"kku$", "k", "kku"),
        (r"(?<=[oe])ff$", "v", "ff"),
        (r"(?<=[a-z]{3}[jv])s$|(?<=[a-z]{2}(?:ov|ev|in))s$", "", "js vs ovs evs ins"),
        (r"(?<=[aeiou])j(?=[^aeiou]|$)", "i", "j"),
        (r"(?<=g)u(?=[eiy])", "", "gu"),
        (r"(?<=[aou])y(?=e)", "", "ye"),
        (r"dzh|dj|zh", "j", "dj zh"),
        (r"tch|tsch", "ch", "tch tsch"),
        (r"sch", "sh", "sch"),
        (r"kh|gh", "h", "kh gh"),
        (r"ph", "f", "ph"),
        (r"th", "t", "th"),
        (r"dh", "d", "dh"),
        (r"ck|c|q", "k", "c q"),
        (r"x", "ks", "x"),
        (r"w", "v", "w"),
        (r"ou|oo", "u", "ou oo"),
        (r"ee|ie|yi|iy|ii|y", "i", "ee ie y ii"),
        (r"ey", "ei", "ey"),
        (r"(.)\1", r"\1", ""),
        (r"e$", "", "e"),
    )
)


#: English spellings of words a Russian name borrowed, against their Latin transliteration
#: ("Rostec" / "Rostekh", "eCommerce" / "eKommerts"): a soft c is s, a hard c or kh is k.
_LOANWORD_RULES: Final = rules(
    (
        (r"c(?=[eiy])|t[sz]", "s"),
        (r"kh|ck|c|q", "k"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"ph", "f"),
        (r"y", "i"),
        (r"(.)\1", r"\1"),
        (r"e$", ""),
    )
)


@lru_cache(maxsize=200_000)
def loanword_fold(token: str) -> str:
    """One spelling for a borrowed word's English and transliterated forms."""
    return rewrite(token, _LOANWORD_RULES)


#: An English word as Russian writes it by its sound, and its transliteration, read alike:
#: the digraphs of the transliteration and the English spellings of one sound (-tion, a soft
#: g, ph, ck; kh before a consonant the k of a Greek ch: "tekhnologii") written one way, then
#: the consonants alone, without the h, w and v that one
#: side writes as a vowel or not at all ("Текнолоджиз", teknolodzhiz: Technologies; "Солюшнс",
#: solyushns: Solutions; "Игл", igl: Eagle; "Эппл", eppl: Apple).
_SOUND_RULES: Final = rules(
    (
        (r"shch", "sh"),
        (r"dzh|zh|dj", "j"),
        (r"kh(?=[^aeiouy])", "k"),
        (r"kh", "h"),
        (r"ts", "s"),
        (r"[st]ion", "shn"),
        (r"ture$", "ch"),
        (r"^eu", "ev"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"ck|q", "k"),
        (r"x", "ks"),
        (r"c(?=[eiy])", "s"),
        (r"ch", "k"),
        (r"c", "k"),
        (r"le$", "l"),
        (r"z", "s"),
        (r"[hwv]", ""),
        (r"[aeiouy]", ""),
        (r"(.)\1", r"\1"),
    )
)
_SOUND_VOWELS: Final = frozenset("aeiouy")


#: An English word as Japanese writes it by its sound in katakana, read in Hepburn, and the
#: word: the vowels Japanese puts after each consonant go with the other vowels, l is r, v
#: is b, th is s ("erekutoron": Electron; "finansharu": Financial; "sebun": Seven).
_KANA_SOUND_RULES: Final = rules(
    (
        (r"ph", "f"),
        (r"th", "s"),
        (r"ck|q", "k"),
        (r"x", "ks"),
        (r"c(?=[eiy])", "s"),
        (r"sh", "s"),
        (r"ch", "c"),
        (r"c", "k"),
        (r"tsu", "t"),
        (r"ts", "t"),
        (r"dz|z", "j"),
        (r"l", "r"),
        (r"v", "b"),
        (r"[hwy]", ""),
        (r"[aeiou]", ""),
        (r"(.)\1", r"\1"),
    )
)
_SOFT_G_RE: Final = re.compile(r"g(?=[eiy])")


def sound_key(token: str, soft_g: bool = False) -> str:
    """The consonants an English word and its Russian spelling by sound share (see
    `_SOUND_RULES`): "technologies" and "teknolodzhiz" are "tknljs"; with `soft_g`, a g
    before e, i or y is the English one, a j ("gamble" / "gembl" have their g hard)."""
    return rewrite(_SOFT_G_RE.sub("j", token) if soft_g else token, _SOUND_RULES)


#: First letters an English word and its spelling by sound may start with otherwise: в for w,
#: к or х for c and h, ф for ph, дж for j or g, з for s, ц for c.
_SOUND_FIRSTS: Final = frozenset(
    first
    for pair in ("vw", "kc", "sc", "kh", "fp", "dj", "dg", "zs", "tc")
    for first in (pair, pair[::-1])
)


def _sound_start(letter: str) -> bool:
    """Whether a word's first letter is a vowel to Russian (a w is: "uait", White)."""
    return letter in _SOUND_VOWELS or letter == "w"


def _sounds_alike(a: str, b: str) -> int:
    """How many consonants two words of three letters or more, one of them transliterated,
    share as an English word and its Russian spelling by sound (see `sound_key`; one side's
    g may be soft), when they share two or more, both start with a vowel or neither ("uait"
    / "white": a w is a vowel to Russian, or a v: "vaildberriz" / "wildberries") and both end
    with one or neither, a silent e aside ("stoun" / "stone"; not "alrosa" / "allrus"); or,
    as Japanese writes the word in katakana, three or more (`kana_sound_key`:
    "erekutoron" / "electron"); 0 otherwise."""
    x, y = a[0], b[0]
    if x != y and not (_sound_start(x) and _sound_start(y)) and x + y not in _SOUND_FIRSTS:
        return 0
    ra, ra_soft, na, na_soft = _sound_keys(a)
    rb, rb_soft, nb, nb_soft = _sound_keys(b)
    if ra in (rb, rb_soft) or ra_soft == rb:
        # one ends with a vowel sounded, the other not ("alrosa" / "allrus")
        ends = a.removesuffix("e")[-1] in _SOUND_VOWELS, b.removesuffix("e")[-1] in _SOUND_VOWELS
        return len(rb) if len(rb) >= 2 and ends[0] == ends[1] else 0
    # as Japanese writes it, a vowel after every consonant: three consonants at least
    if na in (nb, nb_soft) or na_soft == nb:
        return len(nb) if len(nb) >= 3 else 0
    return 0


@lru_cache(maxsize=200_000)
def _sound_keys(token: str) -> tuple[str, str, str, str]:
    """A word's `sound_key` and `kana_sound_key`, each with its g hard and soft."""
    russian, kana = sound_key(token), kana_sound_key(token)
    if "g" not in token:
        return russian, russian, kana, kana
    return russian, sound_key(token, True), kana, kana_sound_key(token, True)


def kana_sound_key(token: str, soft_g: bool = False) -> str:
    """The consonants an English word and its katakana spelling in Hepburn share (see
    `_KANA_SOUND_RULES`): "electron" and "erekutoron" are "rktrn"."""
    return rewrite(_SOFT_G_RE.sub("j", token) if soft_g else token, _KANA_SOUND_RULES)


#: A Russian adjective in -sk- in its transliterations ("kazanskiy", "kazansky", "kazanskii",
#: "kazanskaya", "kazanskogo", "donskoy", "kyivskyi"): the name it is made from, the ending.
_SK_ADJECTIVE_RE: Final = re.compile(
    r"^([a-z]{2,}?)sk(?:iy|ij|ii|iyi|yi|yy|y|i|aya|aja|aia|aya|oye|oe|oy|oj|oi|ogo|omu|om|"
    r"ikh|ykh|ih|ie|iye|ye|im|ym|uyu|uju)$"
)
_FINAL_VOWELS: Final = frozenset("aeoiuy")
#: The shortest name an adjective in -sk- is compared with ("Don", "Ufa").
_MIN_INFLECTED_BASE: Final = 3


@lru_cache(maxsize=_TOKEN_CACHE)
def adjective_base(token: str) -> str | None:
    """The name a Russian adjective in -sk- is made from, as it stands before the suffix
    ("kazanskiy" -> "kazan", "tulskiy" -> "tul", "kurskiy" -> "kur"), or None."""
    if len(token) < 6 or "sk" not in token:
        return None
    m = _SK_ADJECTIVE_RE.match(token)
    return m.group(1) if m else None


def inflection_of(adjective: str, name: str) -> bool:
    """Whether `adjective` is a Russian adjective in -sk- made from `name` ("kazanskiy" /
    "kazan", "tulskaya" / "tula", "kurskiy" / "kursk", "omskiy" / "omsk", "udenskiy" /
    "ude")."""
    if len(name) < _MIN_INFLECTED_BASE or len(name) >= len(adjective):
        return False
    base = adjective_base(adjective)
    if base is None:
        return False
    if name == base or name == base + "sk":
        return len(name) >= _MIN_INFLECTED_BASE
    if len(base) < _MIN_INFLECTED_BASE or name[-1] not in _FINAL_VOWELS:
        return False
    # the name's final vowel gives way to the suffix ("tula" / "tulskiy"), or, a final e, i,
    # o or u, takes an n before it ("ude" / "udenskiy", Ulan-Ude; "sochi" / "sochinskiy")
    return name[:-1] == base or (name[-1] in "eiou" and base[-1] == "n" and name == base[:-1])


_VOWELS_RE: Final = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=_TOKEN_CACHE)
def devowel(token: str) -> str:
    """Consonants only, doubles collapsed ("muhammad" -> "mhmd")."""
    return undouble(_VOWELS_RE.sub("", token))


#: The folds of `translit_fold`, emptied when full. Not an `lru_cache`: the fold of each of
#: the list's tokens is asked for again and again (every pair of words compared not alike),
#: and with a quarter of a million entries the cache's bookkeeping of the order of use, on
#: every hit, costs as much as the lookup itself.
_FOLDS: Final[dict[str, str]] = {}


def translit_fold(token: str) -> str:
    """Fold romanisation variants ("khokhlova" and "hohlova", "youssef" and "yusef")."""
    folded = _FOLDS.get(token)
    if folded is None:
        if len(_FOLDS) >= _TOKEN_CACHE:
            _FOLDS.clear()
        folded = _FOLDS[token] = _translit_fold(token)
    return folded


def _translit_fold(token: str) -> str:
    out = token
    for rx, rep, guards, literal in _FOLD_RULES:
        if literal is not None:
            out = out.replace(*literal)
            continue
        for guard in guards:
            if guard in out:
                out = rx.sub(rep, out)
                break
    return out


def edit_budget(length: int) -> int:
    """Edits tolerated between tokens whose shorter one has `length` letters."""
    if length <= 4:
        return 0
    if length <= 7:
        return 1
    if length <= 11:
        return 2
    return 3


@lru_cache(maxsize=500_000)
def token_similarity(a: str, b: str, loose: bool = False) -> float:
    """Similarity in [0, 1] of two folded tokens; `loose` when one came from another script."""
    return _similarity(a, b, loose)[0]


@lru_cache(maxsize=200_000)
def token_match(a: str, b: str, loose: bool = False) -> tuple[float, str]:
    """Similarity and the rule that produced it (exact, initial, edit, prefix, phonetic...)."""
    return _similarity(a, b, loose)


#: Rules that guess at vowels; for an abjad the letter classes replace them.
_VOWEL_GUESSES: Final = frozenset({"vowels", "phonetic", "prefix", "sound"})
#: Digits written for letters ("Sech1n", "I9or", "V1ad1m1r").
_LEET: Final = str.maketrans("01345789@$", "oieastbgas")


class ScriptMode(StrEnum):
    """How a query token compares with an entry token: both Latin, one side transliterated
    (`LOOSE`), or through the script model of the side written in Arabic script, Hebrew,
    Hangul or Han (`ARABIC_QUERY`: the query token is romanised Arabic script, the entry
    token Latin; `ARABIC_ENTRY` the reverse)."""

    LATIN = "latin"
    LOOSE = "loose"
    ARABIC_QUERY = "arabic-query"
    ARABIC_ENTRY = "arabic-entry"
    HEBREW_QUERY = "hebrew-query"
    HEBREW_ENTRY = "hebrew-entry"
    KOREAN_QUERY = "korean-query"
    KOREAN_ENTRY = "korean-entry"
    CHINESE_QUERY = "chinese-query"
    CHINESE_ENTRY = "chinese-entry"
    CANTONESE_QUERY = "cantonese-query"
    CANTONESE_ENTRY = "cantonese-entry"


#: The mode of a query token written in a script ("ar", "he", "ko", "zh") against Latin...
QUERY_SCRIPT_MODES: Final[dict[str, ScriptMode]] = {
    "ar": ScriptMode.ARABIC_QUERY,
    "he": ScriptMode.HEBREW_QUERY,
    "ko": ScriptMode.KOREAN_QUERY,
    "zh": ScriptMode.CHINESE_QUERY,
    "yue": ScriptMode.CANTONESE_QUERY,
}
#: ... and of a Latin query token against an entry token written in one.
ENTRY_SCRIPT_MODES: Final[dict[str, ScriptMode]] = {
    "ar": ScriptMode.ARABIC_ENTRY,
    "he": ScriptMode.HEBREW_ENTRY,
    "ko": ScriptMode.KOREAN_ENTRY,
    "zh": ScriptMode.CHINESE_ENTRY,
    "yue": ScriptMode.CANTONESE_ENTRY,
}
#: The script model of each mode that has one, and whether it applies to the query token.
_SCRIPT_MODELS: Final[dict[str, tuple[str, bool]]] = {
    **{mode: (script, True) for script, mode in QUERY_SCRIPT_MODES.items()},
    **{mode: (script, False) for script, mode in ENTRY_SCRIPT_MODES.items()},
}
#: The modes that compare through a script model.
SCRIPTED_MODES: Final = frozenset(_SCRIPT_MODELS)
_LATIN: Final = ScriptMode.LATIN


#: Each mode as a plain string, for the cache of `_cross_match`: a key that holds an enum
#: member stays tracked by the garbage collector, and a few hundred thousand such keys make
#: each full collection of a long screening run take a tenth of a second (plain strings
#: are left alone).
_MODE_NAMES: Final[dict[str, str]] = {mode: mode.value for mode in ScriptMode}


def cross_match(a: str, b: str, mode: ScriptMode = ScriptMode.LATIN) -> tuple[float, str]:
    """Similarity of query token `a` and entry token `b` under a script model (`mode`)."""
    return _cross_match(a, b, _MODE_NAMES[mode])


@lru_cache(maxsize=500_000)
def _cross_match(a: str, b: str, mode: str) -> tuple[float, str]:
    sim, how = _similarity(a, b, mode != _LATIN)
    model = _SCRIPT_MODELS.get(mode)
    if model is None or sim >= 0.9:
        # Chinese syllables in pinyin and Wade-Giles ("Hsi" / "Xi" / "Shi")
        if (
            sim == 0.0
            and _SYLLABLE_RE.match(a)
            and _SYLLABLE_RE.match(b)
            and chinese_similarity(a, b)
        ):
            return SIM_SYLLABLE, "pinyin"
        return sim, how
    script, query_side = model
    src, dst = (a, b) if query_side else (b, a)
    if script in ("ar", "he"):
        other = abjad_similarity(src, dst, script == "he")
        name = "abjad"
        if how in _VOWEL_GUESSES:
            # the letter classes know better which vowels a vowel-less word allows
            # ("hsyn" is Hussein, not Hassan)
            sim, how = 0.0, "none"
    elif script == "ko":
        other = korean_similarity(src, dst)
        name = "korean"
    elif script == "yue":
        other = cantonese_similarity(src, dst)
        name = "cantonese"
        if cantonese_key(src) and cantonese_key(dst):
            # Cantonese syllables alike to the eye are other syllables ("Hang" is not 興,
            # hing): the spellings of one syllable are those its key folds together
            sim, how = 0.0, "none"
    else:
        other = chinese_similarity(src, dst)
        name = "pinyin"
    if other > sim:
        return other, name
    return sim, how


def _weak_edit(a: str, b: str, short: int, longest: int) -> float:
    """The similarity of one edit that may make another word of a short one rather than
    another spelling (0.0 when it does not): a consonant at the first letter ("Hamas" /
    "Tamas", "Alrosa" / "Larosa"; not "Osama" / "Usama"), or a consonant added or dropped
    in a word of five letters or fewer ("Daesh" / "Danesh"; not "Koryo" / "Kouryo" nor
    "Hasan" / "Hassan")."""
    if a[0] != b[0]:
        if longest > _SHORT + 1 or (a[0] in _VOWELISH and b[0] in _VOWELISH):
            return 0.0
        return SIM_SHORT_EDIT
    if short >= _SHORT or len(a) == len(b):
        return 0.0
    x, y = (a, b) if len(a) > len(b) else (b, a)
    for i, ch in enumerate(x):
        if i >= len(y) or ch != y[i]:
            # the added letter (a doubled one counts as a spelling)
            if ch in _VOWELISH or ch == x[i - 1]:
                return 0.0
            return SIM_SHORT_INDEL
    return 0.0


#: The words a Russian company's name is compounded of after its brand ("Gazprombank",
#: "Gazpromneft", "Sberbank Leasing" written "Sberlizing"): another company of the group,
#: not the brand's inflected form.
_COMPOUND_TAILS: Final = frozenset(
    {"bank", "neft", "gaz", "invest", "lizing", "leasing", "servis", "service", "strakh"}
    | {"stroy", "trans", "energo", "flot", "telecom"}
)


def _compound_of(a: str, b: str) -> bool:
    """Whether the longer of two words is the shorter and a word of `_COMPOUND_TAILS`, also
    after the vowel Russian compounds join their words with ("Rosneftegaz": Rosneft, e, gaz)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not long.startswith(short):
        return False
    rest = long[len(short) :]
    return rest in _COMPOUND_TAILS or (rest[:1] in _LINKING_VOWELS and rest[1:] in _COMPOUND_TAILS)


#: The vowels that join the words of a Russian compound (нефтегаз, neft-e-gaz).
_LINKING_VOWELS: Final = frozenset({"e", "o"})


def _common_prefix(a: str, b: str) -> int:
    p = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        p += 1
    return p


def _ends_alike(a: str, b: str) -> bool:
    return a[-1] == b[-1] or (a[-1] in _VOWELISH and b[-1] in _VOWELISH)


#: Words a letter or two apart that never name the same thing ("Northern Shipyard" is not
#: "Southern Shipyard").
_OPPOSITES: Final = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
)


def _similarity(a: str, b: str, loose: bool) -> tuple[float, str]:
    if a == b:
        return 1.0, "exact"
    if a in _OPPOSITES and b in _OPPOSITES:
        return 0.0, "none"
    la, lb = len(a), len(b)
    short, longest = (la, lb) if la < lb else (lb, la)
    if short == 1:
        if a.isalpha() and b.isalpha():
            if a[0] == b[0]:
                return SIM_INITIAL, "initial"
            if translit_fold(a) == translit_fold(b):  # "ou" / "u"
                return SIM_FOLDED, "translit"
        return 0.0, "none"
    if not (a.isalpha() and b.isalpha()):
        da, db = a.translate(_LEET), b.translate(_LEET)
        if (da, db) != (a, b) and da.isalpha() and db.isalpha() and min(len(da), len(db)) >= 3:
            sim, _ = _similarity(da, db, loose)
            if sim > 0.0:
                return sim * LEET_FACTOR, "digits"
        return 0.0, "none"
    # edit_budget(longest), written out: this runs for every pair of words compared
    budget = 0 if longest <= 4 else 1 if longest <= 7 else 2 if longest <= 11 else 3
    weak_edit = 0.0
    if budget:
        d = OSA.distance(a, b, score_cutoff=budget)
        if d <= budget:
            weak_edit = _weak_edit(a, b, short, longest) if d == 1 else 0.0
            if not weak_edit:
                return 1.0 - d / (2.0 * longest), "edit"
            # unless a romanisation rule below explains it
    fa, fb = translit_fold(a), translit_fold(b)
    if fa == fb and (len(fa) >= 3 or (len(fa) == 2 and a[-1] == b[-1])):
        return SIM_FOLDED, "translit"
    # a borrowed word's English side has the c the fold is about ("rostec" / "rostekh")
    if short >= 5 and ("c" in a or "c" in b) and loanword_fold(a) == loanword_fold(b):
        return SIM_FOLDED - 0.05, "loanword"
    if weak_edit:
        return weak_edit, "edit"
    fbudget = budget - 1
    if fbudget > 0 and OSA.distance(fa, fb, score_cutoff=fbudget) <= fbudget:
        return SIM_FOLDED - 0.05, "translit"
    # the prefix rule needs six letters in common, as written or as folded
    if short >= 6 and longest <= short + 4 and (a[:6] == b[:6] or fa[:6] == fb[:6]):
        p = _common_prefix(a, b)
        if p < 6:
            # on the romanisation folds, for an inflected ending ("vagnera" / "wagner")
            f = _common_prefix(fa, fb)
            if f >= max(len(fa), len(fb)) - 2:
                p = f
        if p >= 6 and p >= 0.7 * short and not _compound_of(a, b):
            return SIM_PREFIX, "prefix"
    if short >= _MIN_INFLECTED_BASE and a[:2] == b[:2]:
        x, y = (a, b) if la > lb else (b, a)
        if inflection_of(x, y):
            return SIM_INFLECTION, "inflection"
    if longest >= 6 and a[0] == b[0] and a[-1] == b[-1] and devowel(a) == devowel(b):
        return SIM_VOWELS, "vowels"
    if loose and short >= 3 and longest <= 2 * short + 2 and (shared := _sounds_alike(a, b)):
        # an English word Russian writes by its sound ("teknolodzhiz" / "technologies")
        return (SIM_PHONETIC_LOOSE if shared >= 3 else SIM_VOWELS), "sound"
    if loose and short >= 4 and (a[0] == b[0] or (a[0] in "aeiou" and b[0] in "aeiou")):
        pa, pb = phonetic(a), phonetic(b)
        if pa and pa == pb and len(pa) >= 2:
            if short <= _SHORT and not _ends_alike(a, b):
                # a short word sounding alike but ending otherwise ("alrosa" / "allrus")
                return SIM_SHORT_EDIT, "phonetic"
            return SIM_PHONETIC_LOOSE, "phonetic"
    if longest - short == 2 and short >= 5:
        # the Arabic article attached to one side ("alhouthi" / "houthi")
        x, y = (a, b) if la > lb else (b, a)
        if x[:2] in ("al", "el", "ul") and x[2:] == y:
            return SIM_ARTICLE, "article"
    return 0.0, "none"
