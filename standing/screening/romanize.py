"""Romanisation variants by script: how a name written in one script is spelled in Latin.

Transliteration libraries give one romanisation; lists and parties use many. This module
holds the script-specific knowledge that lets a matcher see that two spellings are one name:

- **Arabic script** (Arabic, Persian, Urdu, Pashto letters): `romanize_arabic` turns each
  word into readable ASCII letters (one fixed spelling per letter: ث "th", ذ ض ظ "dh",
  ش "sh", خ "kh", غ "gh", ق "q", ع and the long vowels "a"/"w"/"y"), cuts the article
  (ال, also after the particles و ب ف ك ل) and splits compounds written as one word
  ("عبدالله" -> abd allah, "نورالدين" -> nwr dyn, "ابواليزيد" -> abu yzyd, "بنحسين" ->
  bin hsyn). `abjad_similarity` then compares such a vowel-less token with a Latin
  spelling through a pattern built from letter classes: ق is q/k/g/c, ج j/dj/g, ش
  sh/ch/s, خ kh/h/x/ch, ث th/s/t, ذ ض ظ dh/d/z/th, ص س s/ss/c, ط ت t, consonants may be
  doubled (shadda is not written); between two consonants the Latin side has at most one
  short vowel; ا ع ة ى may be any vowel or none (a word starting with alef starts with a
  vowel); و is w/v/ou/u/o and ي y/i/e/ee/ei/j, or not written, but never another vowel
  (حسين is Hussein, not Hassan); the Latin side may carry the article (al-/el-/ul-,
  bin al-). `abjad_compact_similarity` does the same for a whole name, spaces and attached
  articles ignored. `abjad_class_keys` and `latin_class_keys` give the index coarse
  consonant-class keys that both spellings share (F-S-L for فيصل and Faycal).
- **Hebrew**: the same model over ICU's romanisation (ב b/v, כ k/kh/ch, פ p/f, ו v/w/o/u,
  ח h/ch/kh, צ ts/tz/z, ש s/sh).
- **Korean**: surnames have fixed traditional spellings (박 Park/Pak, 이 Lee/Yi/Rhee,
  김 Kim, 최 Choi, 정 Jung/Chung...); other syllables compare through a fold of Revised
  Romanisation, McCune-Reischauer and common spellings (eo/o/u, eu/u, g/k, d/t, b/p, j/ch,
  r/l, sh/s).
- **Chinese**: pinyin and Wade-Giles (and common Hong Kong/Taiwan) spellings of a syllable
  fold together (x/hs, zh/ch/j, z/ts/tz, q/ch', r/j, -ong/-ung, -ian/-ien, -ie/-ieh, -i/-ih/-u).
- **Japanese**: ICU reads every ideograph as Chinese; `japanese_reading` gives the Japanese
  reading of kanji and kana (pykakasi's dictionary, modified Hepburn, long vowels written
  the way passports and lists write them: "山田太郎" -> yamada taro, "株式会社東芝" ->
  kabushiki kaisha toshiba), offered as a second spelling of the name.

The letter tables, compound names, Korean surnames and letter names are data files of the
package (`standing/screening/data/`), read once at import (`standing.screening.wordlists`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, Final

from standing.screening import wordlists

# -- Arabic script -> ASCII ---------------------------------------------------------------

#: One fixed ASCII spelling of each Arabic-script letter and digit ("" for hamza alone).
_AR_MAP: Final[dict[str, str]] = wordlists.pairs("arabic_letters.tsv")
#: Vowel marks, tatweel, superscript alef and other signs: dropped.
_AR_DROP: Final = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u06d6", "\u06d7", "\u06d8", "\u06d9", "\u06da", "\u06db"]
    + ["\u06dc", "\u06df", "\u06e0", "\u06e1", "\u06e2", "\u06e3", "\u06e4", "\u06e7"]
    + ["\u06e8", "\u06ea", "\u06eb", "\u06ec", "\u06ed"]
)
#: A word in Arabic script (letters and marks; Arabic punctuation separates words).
_AR_WORD_RE: Final = re.compile(
    r"(?:(?![\u060c\u061b\u061f\u066a-\u066d\u06d4])[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff])+"
)
#: Particles written joined to an article: wa-, bi-, fa-, ka-, li- ("والجهاد", "بالدم").
_PARTICLES: Final = "وبفكل"


#: First parts of compound names written as one word with the article ("عبدالله", "نورالدين").
_COMPOUND_HEADS: Final[frozenset[str]] = wordlists.words("arabic_compound_heads.txt")
#: Second parts of compound names ("...الله", "...الدين"), written joined to the first.
_COMPOUND_TAILS: Final[tuple[str, ...]] = wordlists.sequence("arabic_compound_tails.txt")
_ALLAH: Final = frozenset({"الله", "اللہ", "لله", "للہ"})
_IBN: Final = frozenset({"بن", "ابن", "إبن", "أبن"})
_ABU: Final = frozenset({"ابو", "أبو", "ابی", "أبي", "ابي"})


def _fold_arabic(word: str) -> str:
    return "".join(ch for ch in word if ch not in _AR_DROP)


def _strip_article(word: str) -> str:
    """The word without its article (ال, also after a particle: وال, بال, لل...)."""
    if len(word) >= 4 and word[0] == "ا" and word[1] == "ل":
        return word[2:]
    if len(word) >= 5 and word[0] in _PARTICLES and word[1] == "ا" and word[2] == "ل":
        return word[3:]
    if len(word) >= 5 and word[0] == "ل" and word[1] == "ل":
        return word[2:]
    return word


def _split_word(word: str) -> list[str]:
    """Article cut and compound names split, still in Arabic letters."""
    if word in _ALLAH:
        return ["الله"]
    if word in _IBN or word in _ABU:
        return [word]
    for tail in _COMPOUND_TAILS:
        if word.endswith(tail) and len(word) - len(tail) >= 2:
            head = word[: -len(tail)]
            return [*_split_word(head), "الله" if tail in _ALLAH else _strip_article(tail)]
    for n in (4, 3, 2):
        head = word[:n]
        rest = word[n:]
        if head in _COMPOUND_HEADS and len(rest) >= 4 and rest[0] == "ا" and rest[1] == "ل":
            return [head, _strip_article(rest)]
    if word.startswith("عبد") and len(word) >= 6:
        return ["عبد", _strip_article(word[3:])]
    if word.startswith("بن") and len(word) >= 6:  # "بنحسين": bin Hussein
        return ["بن", _strip_article(word[2:])]
    return [_strip_article(word)]


def _romanize_word(word: str) -> str:
    if word == "الله":
        return "allah"
    if word in _IBN:
        return "bin"
    if word in _ABU:
        return "abu"
    out = []
    for ch in word:
        out.append(_AR_MAP.get(ch, ""))
    return "".join(out)


def romanize_arabic(text: str) -> str:
    """Arabic-script words in `text` romanised (letters, articles, compounds); others kept."""

    def word(m: re.Match[str]) -> str:
        w = _fold_arabic(m.group(0))
        if not w:
            return " "
        parts = [_romanize_word(p) for p in _split_word(w)]
        return " " + " ".join(p for p in parts if p) + " "

    return _AR_WORD_RE.sub(word, text)


# -- abjad romanisation against Latin spellings -------------------------------------------

#: Latin spellings of each letter of the romanised Arabic-script token (consonant classes).
_ARABIC_UNITS: Final[dict[str, tuple[str, ...]]] = {
    "b": ("b", "p"),
    "p": ("p", "b"),
    "t": ("t", "d", "th"),
    "th": ("th", "s", "t", "ts", "t[aeiou]*h"),
    "j": ("j", "dj", "g", "dzh", "zh", "gu"),
    "ch": ("ch", "tch", "tsh", "c", "j"),
    "h": ("h", "kh"),
    "kh": ("kh", "h", "x", "ch", "k", "q", "k[aeiou]*h"),
    "d": ("d", "t"),
    "dh": ("dh", "d", "z", "th", "dz", "zh", "d[aeiou]*h"),
    "r": ("r",),
    "z": ("z", "s", "dz"),
    "zh": ("zh", "j", "z", "g", "z[aeiou]*h"),
    "s": ("s", "c", "ts", "sh"),  # ص is "sh" in Indonesian and Malay spellings (Shalah)
    "sh": ("sh", "ch", "sch", "s", "sj", "s[aeiou]*h"),
    "gh": ("gh", "g", "kh", "q", "g[aeiou]*h"),
    "f": ("f", "ph", "v"),
    "v": ("v", "f", "w"),
    "q": ("q", "k", "g", "c", "ck", "gh", "kh", "qu"),
    "g": ("g", "k", "gu", "q"),
    "k": ("k", "c", "ck", "g", "q", "ch", "kh"),
    "l": ("l",),
    "m": ("m",),
    "n": ("n",),
}
#: ... of ICU's romanisation of Hebrew (ש is "s", צ "z", ח "h", א and ע dropped).
_HEBREW_UNITS: Final[dict[str, tuple[str, ...]]] = {
    "b": ("b", "v"),
    "v": ("v", "b", "w"),
    "g": ("g", "j"),
    "d": ("d",),
    "h": ("h", "ch", "kh"),
    "z": ("z", "ts", "tz", "s", "c"),
    "t": ("t", "th"),
    "k": ("k", "kh", "ch", "c", "ck", "q"),
    "l": ("l",),
    "m": ("m",),
    "n": ("n",),
    "s": ("s", "sh", "sch", "ss", "z", "c"),
    "p": ("p", "f", "ph"),
    "f": ("f", "p", "ph"),
    "q": ("q", "k", "c", "ck"),
    "r": ("r",),
    "j": ("j", "g", "dj"),
}
_DIGRAPHS: Final = ("sh", "th", "dh", "kh", "gh", "ch", "zh")
#: Long vowels and ayin/hamza: ا ع ة ى (romanised "a") may vanish or be any vowel. و and ي
#: are a consonant or a long vowel of their own (u/o/ou, i/e/ee/ei), or are not written in
#: Latin at all -- but never stand for another vowel ("حسين" is Hussein, not Hassan).
_WEAK: Final[dict[str, str]] = {
    "a": "",
    "'": "",
    "w": "(?:[aeiouy']*(?:ww|w|v|ou|oo|u|o|ow|aw|au)[aeiouy']*|)",
    "y": "(?:[aeiouy']*(?:y|yy|j|i|e|ee|ei|ai|ay|ey|ie|iy|ii)[aeiouy']*|)",
}
_SELF_CONTAINED: Final = frozenset({"w", "y"})
#: Between two consonants the Latin side has at most one short vowel ("ou" in French).
_SHORT_VOWEL: Final = "(?:ou|[aeiouy])?'?"
_FREE_VOWELS: Final = "[aeiouy']*"
_LATIN_ARTICLE: Final = "(?:(?:b[ei]n|ibn|abo?u)(?:[aeiu]l)?|[aeiu]l|oul)?"


def _units(token: str, digraphs: bool) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(token):
        pair = token[i : i + 2]
        if digraphs and pair in _DIGRAPHS:
            out.append(pair)
            i += 2
        else:
            out.append(token[i])
            i += 1
    return out


def _unit_pattern(unit: str, table: dict[str, tuple[str, ...]], final: bool) -> tuple[str, str]:
    """Regex for one letter and its kind: "c" consonant (counted), "a" a letter that may
    be any vowel or none, "w" a long vowel letter that brings its own vowels."""
    if unit in _SELF_CONTAINED:
        return _WEAK[unit], "w"
    if unit in _WEAK or unit in "eiou":
        if final and unit == "a":  # ta marbuta / final alef: -a, -ah, -at, -eh...
            return "(?:[ht])?", "a"
        return "", "a"
    if unit == "h":
        spell = "|".join(table.get("h", ("h",)))
        return (f"(?:{spell})?", "a") if final else (f"(?:{spell})", "c")
    spellings = table.get(unit, (unit,))
    # single letters may be doubled (shadda is not written); digraphs also stand for two
    # letters: "th" is ث or ت+ه ("طه" Taha)
    alts = "|".join(f"{s}{{1,2}}" if len(s) == 1 else s for s in spellings)
    return f"(?:{alts})", "c"


def _gap(left: str, right: str) -> str:
    """Latin vowels allowed between two letters of the given kinds ("" at the ends)."""
    if "a" in (left, right):
        return _FREE_VOWELS
    if "w" in (left, right):
        return ""
    return _SHORT_VOWEL


@lru_cache(maxsize=100_000)
def _abjad_pattern(token: str, hebrew: bool) -> tuple[re.Pattern[str] | None, int]:
    """The Latin spellings an abjad token allows, as a pattern, and its consonant count."""
    table = _HEBREW_UNITS if hebrew else _ARABIC_UNITS
    units = _units(token, not hebrew)  # ICU writes Hebrew one letter per letter
    parts = [_unit_pattern(u, table, i == len(units) - 1) for i, u in enumerate(units)]
    consonants = sum(1 for _, kind in parts if kind == "c")
    if consonants == 0:
        return None, 0
    first, last = parts[0][1], parts[-1][1]
    # a word starting with alef or ayin starts with a vowel in Latin too (Ahmad, not Hamid),
    # unless the alef only props up s + consonant ("استانکزی" Stanekzai)
    prop = len(units) > 2 and units[1] == "s" and parts[2][1] == "c"
    start = "[aeiouy']*" if prop else "[aeiouy']+"
    out = [_LATIN_ARTICLE, {"a": start, "w": ""}.get(first, "[aeiouy]?'?")]
    for k, (pattern, kind) in enumerate(parts):
        if k:
            out.append(_gap(parts[k - 1][1], kind))
        if kind == "a" and 0 < k < len(parts) - 1 and parts[k - 1][1] == parts[k + 1][1] == "c":
            # a long vowel or ayin between two consonants is a vowel in Latin too ("حماس"
            # is Hamas, not HMS or Hamsho)
            pattern = "[aeiouy']"
        out.append(pattern)
    # a final ی is often alef maqsura ("عیسی" Isa): free vowels after a final weak letter
    out.append(_FREE_VOWELS if last in ("a", "w") else _SHORT_VOWEL)
    out.append("h?")
    return re.compile("".join(out)), consonants


@lru_cache(maxsize=50_000)
def abjad_compact_similarity(tokens: tuple[str, ...], latin: str, hebrew: bool = False) -> float:
    """A whole name in an abjad (its words) against a Latin spelling with spaces removed:
    0.9 when the letter classes allow it and the name has five or more consonants."""
    if not latin.isalpha() or not all(t.isalpha() for t in tokens):
        return 0.0
    patterns = [_abjad_pattern(t, hebrew) for t in tokens]
    if any(p is None for p, _ in patterns) or sum(c for _, c in patterns) < 5:
        return 0.0
    # the words' patterns one after another over the Latin spelling: the ends each word can
    # reach (the same as the patterns joined into one, without compiling that one)
    reached = {0}
    end = len(latin)
    for pattern, _ in patterns:
        assert pattern is not None
        reached = {
            stop
            for start in reached
            for stop in range(start, end + 1)
            if pattern.fullmatch(latin, start, stop)
        }
        if not reached:
            return 0.0
    return 0.9 if end in reached else 0.0


@lru_cache(maxsize=500_000)
def abjad_similarity(abjad: str, latin: str, hebrew: bool = False) -> float:
    """How well a Latin spelling fits a romanised Arabic-script (or Hebrew) token, 0..1.

    0.9 for a spelling the letter classes allow when the token has three or more
    consonants, 0.85 with two, 0.8 with one; 0 otherwise.
    """
    if not abjad or not latin or not latin.isalpha() or not abjad.isalpha():
        return 0.0
    if len(latin) > 3 * len(abjad) + 6:
        return 0.0
    pattern, consonants = _abjad_pattern(abjad, hebrew)
    if pattern is None:
        return 0.0
    # an "x" is the ks of a loanword, written کس ("اکسین" Oxin), when it is no kh
    if not pattern.fullmatch(latin) and not (
        "x" in latin and pattern.fullmatch(latin.replace("x", "ks"))
    ):
        return 0.0
    return 0.9 if consonants >= 3 else 0.85 if consonants == 2 else 0.8


# -- retrieval keys across scripts ---------------------------------------------------------

#: Coarse consonant classes shared by Latin spellings and abjad letters (for the index):
#: B labials, F f/v, T t/d/th/dh, S s/z/sh/ch/c(e,i), K k/q/g/gh/kh/c, J j/dj/zh, L R M N.
#: Each rule with the substrings one of which it needs (most tokens have none of them, and
#: a substring test is much cheaper than a regular expression).
_LATIN_KEY_RULES: Final = tuple(
    (re.compile(a), b, tuple(guards.split()))
    for a, b, guards in (
        (r"sch|sh|ch|tch", "S", "h"),
        (r"kh|gh|ck|q", "K", "h ck q"),
        (r"th|dh|tt", "T", "h tt"),
        (r"ph", "F", "ph"),
        (r"dj|dzh|zh|j", "J", "j zh"),
        (r"ts|tz|dz", "S", "ts tz dz"),
        (r"c(?=[eiy])", "S", "c"),
    )
)
_DOUBLED_RE: Final = re.compile(r"(.)\1+")
_LATIN_KEY_LETTERS: Final = str.maketrans("bpfvtdszkgqlrmnj", "BBFFTTSSKKKLRMNJ", "aeiouyhw'")
_ARABIC_KEY_UNITS: Final[dict[str, str]] = {
    "b": "B", "p": "B", "t": "T", "th": "TS", "j": "JK", "ch": "S", "h": "_", "kh": "K_",
    "d": "T", "dh": "TSJ", "r": "R", "z": "S", "zh": "J", "s": "S", "sh": "S", "gh": "K",
    "f": "F", "v": "F", "q": "K", "g": "K", "k": "K", "l": "L", "m": "M", "n": "N",
}  # fmt: skip
_HEBREW_KEY_UNITS: Final[dict[str, str]] = {
    "b": "BF", "v": "F", "w": "_F", "g": "KJ", "d": "T", "h": "_KS", "z": "S", "t": "T",
    "k": "KS",
    "l": "L", "m": "M", "n": "N", "s": "S", "p": "BF", "f": "F", "q": "K", "r": "R", "j": "J",
}  # fmt: skip
_MAX_KEYS: Final = 16


@lru_cache(maxsize=300_000)
def latin_class_keys(token: str) -> tuple[str, ...]:
    """Consonant classes of a Latin spelling ("mohammed" -> MMT; "faycal" -> FKL and FSL:
    a "c" may be a French cedilla; "oxin" -> KN and KSN: an "x" may be a kh, or the ks of a
    loanword, written کس in Persian)."""
    out = undouble(token)
    for rx, rep, guards in _LATIN_KEY_RULES:
        if any(g in out for g in guards):
            out = rx.sub(rep, out)
    if not out.isalpha():
        return ()
    keys = {out.replace("c", "K"), out.replace("c", "S")}
    if "x" in out:
        keys = {k.replace("x", x) for k in keys for x in ("K", "KS")}
    return tuple(sorted(k.translate(_LATIN_KEY_LETTERS) for k in keys if k))


@lru_cache(maxsize=100_000)
def abjad_class_keys(token: str, hebrew: bool = False) -> tuple[str, ...]:
    """The consonant-class keys a romanised abjad token's Latin spellings can have."""
    table = _HEBREW_KEY_UNITS if hebrew else _ARABIC_KEY_UNITS
    keys = [""]
    for unit in _units(token, not hebrew):
        options = table.get(unit)
        if options is None:
            continue  # weak letters and vowels
        keys = [k + ("" if o == "_" else o) for k in keys for o in options]
        if len(keys) > _MAX_KEYS:
            keys = keys[:_MAX_KEYS]
    return tuple(dict.fromkeys(k for k in keys if k))


#: What a rule writes for what its pattern found: a string, or a function of the match.
Replacement = str | Callable[["re.Match[str]"], str]


def first_group(match: re.Match[str]) -> str:
    """The replacement ``\\1`` as a function: Python 3.11 reads a replacement string that
    refers to a group anew on every call of ``sub``, several times what the call costs."""
    return match.group(1)


#: A rewriting rule: its pattern and its replacement, and the same as plain text when the
#: pattern is letters alone and the replacement text ("ph" -> "f": `str.replace` does what
#: `sub` does, several times faster), or as the letters of a class the rule deletes
#: ("[hwv]" -> "": `str.translate`).
Rule = tuple[re.Pattern[str], Replacement, tuple[str, str] | None, dict[int, None] | None]
_LETTERS_RE: Final = re.compile(r"[a-z]+")
_DELETED_CLASS_RE: Final = re.compile(r"\[([a-z]+)\]")


def rules(pairs: Iterable[tuple[str, str]]) -> tuple[Rule, ...]:
    """Rewriting rules (a pattern and its replacement), compiled once, for `rewrite`."""
    return tuple(_rule(pattern, replacement) for pattern, replacement in pairs)


def _rule(pattern: str, replacement: str) -> Rule:
    literal: tuple[str, str] | None = None
    deleted: dict[int, None] | None = None
    if _LETTERS_RE.fullmatch(pattern) and "\\" not in replacement:
        literal = (pattern, replacement)
    elif replacement == "" and (letters := _DELETED_CLASS_RE.fullmatch(pattern)):
        deleted = dict.fromkeys(map(ord, letters.group(1)))
    rep = first_group if replacement == r"\1" else replacement
    return re.compile(pattern), rep, literal, deleted


def undouble(text: str) -> str:
    """Each run of one letter written once ("hassan" -> "hasan", "mohammed" -> "mohamed")."""
    return _DOUBLED_RE.sub(first_group, text)


def rewrite(token: str, table: Iterable[Rule]) -> str:
    """``token`` with each rule's pattern replaced in turn."""
    for rx, rep, literal, deleted in table:
        if literal is not None:
            if literal[0] in token:
                token = token.replace(*literal)
        elif deleted is not None:
            token = token.translate(deleted)
        else:
            token = rx.sub(rep, token)
    return token


# -- Korean ---------------------------------------------------------------------------------

#: Traditional spellings of Korean surnames, keyed by the romanisation rigour gives (one
#: letter per jamo: 박 "bag", 백 "baeg", 곽 "gwag", 류 "lyu").
KOREAN_SURNAMES: Final[dict[str, frozenset[str]]] = {
    romanised: frozenset(spellings.split())
    for romanised, spellings in wordlists.pairs("korean_surnames.tsv").items()
}
_KOREAN_FOLD: Final = rules(
    (
        (r"['\-]", ""),
        (r"eo|eu", "u"),
        (r"oo|o", "u"),
        (r"ee", "i"),
        (r"ae|ai|ay", "e"),
        (r"tch|ch|j", "c"),
        (r"sh", "s"),
        (r"g|k", "k"),
        (r"d|t", "t"),
        (r"b|p", "p"),
        (r"r|l", "l"),
        (r"(?<=[aeiu])h", ""),
        (r"(.)\1", r"\1"),
    )
)


@lru_cache(maxsize=50_000)
def korean_fold(token: str) -> str:
    """Revised, McCune-Reischauer and common spellings of a syllable folded together."""
    return rewrite(token, _KOREAN_FOLD)


def korean_variants(syllable: str) -> frozenset[str]:
    """Other spellings of a romanised Hangul syllable (traditional surname spellings)."""
    return KOREAN_SURNAMES.get(syllable, frozenset())


@lru_cache(maxsize=200_000)
def korean_similarity(hangul: str, latin: str) -> float:
    """A romanised Hangul syllable (or joined syllables) against a Latin spelling."""
    if latin in KOREAN_SURNAMES.get(hangul, ()):
        return 0.95
    if len(hangul) >= 2 and len(latin) >= 2 and korean_fold(hangul) == korean_fold(latin):
        return 0.9
    return 0.0


# -- Chinese --------------------------------------------------------------------------------

_CHINESE_FOLD: Final = rules(
    (
        (r"['\-]", ""),
        (r"^(?:ss|sz)u$", "si"),
        (r"^t[sz]u$", "zi"),
        (r"^hs|^x|^sh|^ss|^sz", "s"),
        (r"^tz|^ts|^dz|^z|^c(?!h)", "z"),
        (r"^ch|^zh|^j|^q|^r", "j"),
        (r"^p|^b", "b"),
        (r"^t|^d", "d"),
        (r"^k|^g", "g"),
        (r"ung$", "ong"),
        (r"ien$", "ian"),
        (r"ieh$", "ie"),
        (r"(?<=^[sj])ih$", "i"),
        (r"(?<=.)uo$", "o"),
        (r"^yu$", "you"),
        (r"^i$", "yi"),
        (r"^yeh$", "ye"),
        (r"^wong$", "wang"),
        # Taiwan's and Hong Kong's "hw" ("Chunghwa", "Hwa Nan", "Hwang")
        (r"^hw(?=a|ei)", "hu"),
    )
)
#: One syllable of a Chinese name written in pinyin or Wade-Giles, in a word of several.
_CHINESE_SYLLABLE_RE: Final = re.compile(
    r"(?:ch|zh|sh|hs|ts|tz|hw|[bcdfghjklmnpqrstwxyz])?[aeiouy]{1,3}(?:ng|n(?![aeiouy])|h(?![aeiouy]))?"
)


@lru_cache(maxsize=50_000)
def chinese_fold(token: str) -> str:
    """Pinyin and Wade-Giles spellings of a syllable folded together ("hsi"/"xi")."""
    return rewrite(token, _CHINESE_FOLD)


@lru_cache(maxsize=200_000)
def chinese_similarity(pinyin: str, latin: str) -> float:
    """0.9 when the two are one syllable, or the same syllables written together ("zhonghua"
    / "Chunghwa"), in pinyin and Wade-Giles spellings; else 0.0."""
    if len(pinyin) < 2 or len(latin) < 2:
        return 0.0
    if chinese_fold(pinyin) == chinese_fold(latin):
        return 0.9
    ours, theirs = _chinese_syllables(pinyin), _chinese_syllables(latin)
    if ours is not None and len(ours) > 1 and ours == theirs:
        return 0.9
    return 0.0


def _chinese_syllables(word: str) -> tuple[str, ...] | None:
    """The syllables of a word written as Chinese syllables together, folded; None when it
    is not (each syllable ends at the longest spelling whose rest still splits)."""
    found = _split_syllables(word.replace("'", "").replace("-", ""))
    return None if found is None else tuple(chinese_fold(x) for x in found)


def syllable_count(word: str) -> int:
    """How many pinyin or Wade-Giles syllables a word writes together; 0 when it is not
    written in such syllables."""
    found = _split_syllables(word.lower().replace("'", "").replace("-", ""))
    return len(found) if found else 0


def _split_syllables(word: str) -> list[str] | None:
    if not word:
        return []
    match = _CHINESE_SYLLABLE_RE.match(word)
    if match is None:
        return None
    for end in range(match.end(), 0, -1):
        if _CHINESE_SYLLABLE_RE.fullmatch(word, 0, end):
            rest = _split_syllables(word[end:])
            if rest is not None:
                return [word[:end], *rest]
    return None


# -- Japanese -------------------------------------------------------------------------------

#: Kana and CJK ideographs: text that may be Japanese.
_JAPANESE_RE: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL_RE: Final = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
#: Company forms, read as the romanisations registers use (and rigour knows as legal forms).
_JAPANESE_FORMS: Final[dict[str, str]] = wordlists.pairs("japanese_forms.tsv")
#: Long vowels as passports and lists write them (Tarou -> Taro, Yuuko -> Yuko, Oono -> Ono);
#: "ou" before a vowel is two syllables and stays ("Inoue").
_LONG_VOWEL_RE: Final = re.compile(r"(?<=o)o|(?<=o)u(?![aeiou])|(?<=u)u")
_kakasi_lock = threading.Lock()


@lru_cache(maxsize=1)
def _kakasi() -> Any:
    import pykakasi  # loads its dictionaries (~0.5 s), so only when a name needs it

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


def short_vowels(word: str) -> str:
    """A word in Hepburn with its long vowels written short, as lists and companies' English
    names write them ("Toukyou" Tokyo, "Oosaka" Osaka; "Inoue" stays)."""
    return _LONG_VOWEL_RE.sub("", word)


@lru_cache(maxsize=50_000)
def japanese_reading(text: str) -> str | None:
    """The Japanese reading of a name written in kanji or kana, in modified Hepburn without
    long-vowel marks ("山田太郎" -> "yamada taro", "株式会社東芝" -> "kabushiki kaisha toshiba").

    Transliteration libraries read every ideograph as Chinese ("shan tian tai lang"); a name
    in ideographs may be Japanese, so this reading is offered beside that one. None when the
    text holds no kana or ideographs, or is Korean."""
    if not _JAPANESE_RE.search(text) or _HANGUL_RE.search(text):
        return None
    for form, latin in _JAPANESE_FORMS.items():
        text = text.replace(form, f" {latin} ")
    with _kakasi_lock:
        chunks = _kakasi().convert(text)
    words = " ".join(str(c["hepburn"]).strip() for c in chunks if str(c["hepburn"]).strip())
    reading = _LONG_VOWEL_RE.sub("", " ".join(words.split()))
    return reading or None


#: Latin letters as Korean and Japanese write them out ("엘지" LG, "케이티" KT, "エヌティティ"
#: NTT): companies known by initials keep them in those scripts as a run of letter names.
_LETTER_NAMES: Final[dict[str, str]] = wordlists.pairs("letter_names.tsv")
_LETTER_NAME_MAX: Final = max(len(k) for k in _LETTER_NAMES)
_LETTER_RUN_RE: Final = re.compile(r"[\uac00-\ud7af\u30a0-\u30ff・]+")


def _letters(run: str) -> tuple[str, str] | None:
    """The longest leading run of two or more letter names in `run` as Latin letters, and
    what follows it (the word the initials name: "케이티앤지" KT&G, "에스케이텔레콤" SK
    텔레콤). None when fewer than two letter names lead."""
    best: tuple[str, int] | None = None
    # the longest parse of the whole prefix: a small dynamic programme over positions
    reach: dict[int, str] = {0: ""}
    for pos in range(len(run) + 1):
        if pos not in reach:
            continue
        if len(reach[pos]) >= 2 and (best is None or pos > best[1]):
            best = (reach[pos], pos)
        if pos < len(run) and run[pos] == "・":
            reach.setdefault(pos + 1, reach[pos])
            continue
        for size in range(1, _LETTER_NAME_MAX + 1):
            letter = _LETTER_NAMES.get(run[pos : pos + size])
            if letter is not None:
                reach.setdefault(pos + size, reach[pos] + letter)
    if best is None:
        return None
    return best[0], run[best[1] :]


#: Latin letters as Russian writes them out, in hyphenated names ("Ай-Теко" I-Teco, "Би-Би-Си"
#: BBC); alone such syllables are words ("и", "ю"), so only hyphenated parts are read.
_CYRILLIC_LETTER_NAMES: Final[dict[str, str]] = wordlists.pairs("cyrillic_letter_names.tsv")
_CYRILLIC_HYPHENATED_RE: Final = re.compile(r"[а-яё]+(?:-[а-яё]+)+", re.IGNORECASE)


def _cyrillic_letters(m: re.Match[str]) -> str:
    parts = m.group(0).split("-")
    letters = [_CYRILLIC_LETTER_NAMES.get(p.lower()) for p in parts]
    if not any(letters):
        return m.group(0)
    out: list[str] = []
    for part, letter in zip(parts, letters, strict=True):
        if letter and out and out[-1].isascii():
            out[-1] += letter.upper()  # letters in a row are one word: "Би-Би-Си" BBC
        else:
            out.append(letter.upper() if letter else part)
    return "-".join(out)


#: A Cyrillic word of two or more capitalised parts ("АйБи" IB, Group-IB's name in Russian):
#: when every part is a Latin letter's name, the letters.
_CYRILLIC_CAMEL_RE: Final = re.compile(r"(?<![А-ЯЁа-яё])(?:[А-ЯЁ][а-яё]+){2,}(?![А-ЯЁа-яё])")
_CYRILLIC_CAPITAL_RE: Final = re.compile(r"[А-ЯЁ][а-яё]+")


def _cyrillic_camel(m: re.Match[str]) -> str:
    parts = _CYRILLIC_CAPITAL_RE.findall(m.group(0))
    letters = [_CYRILLIC_LETTER_NAMES.get(p.lower()) for p in parts]
    if not all(letters):
        return m.group(0)
    return "".join(letter for letter in letters if letter).upper()


#: Two or more Cyrillic words apart, each a Latin letter's name or not: a run of letter names
#: is initials written out ("Джей Ти Ай" JTI, "Эл Джи Электроникс" LG Electronics).
_CYRILLIC_SPACED_RE: Final = re.compile(r"[а-яё]+(?:\s+[а-яё]+)+", re.IGNORECASE)


def _cyrillic_spaced(m: re.Match[str]) -> str:
    out: list[str] = []
    run: list[tuple[str, str]] = []  # (word, its letter)

    def flush() -> None:
        if len(run) >= 2:
            out.append("".join(letter for _, letter in run).upper())
        else:
            out.extend(word for word, _ in run)
        run.clear()

    for word in m.group(0).split():
        letter = _CYRILLIC_LETTER_NAMES.get(word.lower())
        if letter is not None:
            run.append((word, letter))
            continue
        flush()
        out.append(word)
    flush()
    return " ".join(out)


def spelled_initials(text: str) -> str | None:
    """The text with runs of Latin letter names in Hangul or katakana, and hyphenated ones in
    Cyrillic, written as the letters ("엘지전자" -> "LG 전자", "エヌ・ティ・ティ・データ" -> "NTT
    データ", "Ай-Теко" -> "I-Теко"); None when there are none.
    Offered as another spelling of a company's name, beside its plain transliteration."""
    changed = False

    def letters(m: re.Match[str]) -> str:
        nonlocal changed
        found = _letters(m.group(0))
        if found is None:
            return m.group(0)
        changed = True
        return f" {found[0].upper()} {found[1].lstrip('・')} "

    out = _LETTER_RUN_RE.sub(letters, text)
    if "-" in out:
        cyrillic = _CYRILLIC_HYPHENATED_RE.sub(_cyrillic_letters, out)
        changed = changed or cyrillic != out
        out = cyrillic
    camel = _CYRILLIC_CAMEL_RE.sub(_cyrillic_camel, out)
    changed = changed or camel != out
    out = camel
    spaced = _CYRILLIC_SPACED_RE.sub(_cyrillic_spaced, out)
    changed = changed or spaced != out
    return " ".join(spaced.split()) if changed else None
