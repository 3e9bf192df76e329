"""Cantonese syllables as Hong Kong and Macau companies write them in English.

A Hong Kong company's English name spells the words of its Chinese name that say which
company it is in Cantonese, not in Mandarin pinyin: 新鴻基地產 is Sun Hung Kai Properties (in
pinyin Xin Hong Ji), 長江實業 Cheung Kong Holdings, 周大福 Chow Tai Fook, 裕元工業 Yue Yuen
Industrial. `cantonese_syllables` gives a word's characters in Cantonese, written as the Hong
Kong Government's romanisation writes them (the syllables of ToJyutping's Jyutping,
respelled: Jyutping "zau daai fuk" is "chau tai fuk"), for `standing.screening.spoken` to
read a name with. A Cantonese reading's tokens are compared with words in Latin letters by
`cantonese_similarity`, through `cantonese_key`: the spellings Hong Kong uses for one
syllable fold to one key (Chow and Chau, Fook and Fuk, Kee and Kei, Cheung and Cheong, Yue and
Yu, Sun and San, Tse and Che), the Jyutping letters as the romanisation writes them (z and c
ch, j y, the long aa a).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

import ToJyutping

#: The script a Cantonese reading is marked with (see `NormalizedName.scripts`).
CANTONESE: Final = "Cantonese"

#: Jyutping initials as the Hong Kong Government's romanisation writes them.
_INITIALS: Final = {"b": "p", "d": "t", "g": "k", "gw": "kw", "z": "ch", "c": "ch", "j": "y"}
#: Jyutping finals as the romanisation writes them (the others as Jyutping does).
_FINALS: Final = {
    "aa": "a",
    "aai": "ai",
    "aau": "au",
    "aam": "am",
    "aan": "an",
    "aang": "ang",
    "aap": "ap",
    "aat": "at",
    "aak": "ak",
    "ou": "o",
    "oeng": "eung",
    "oek": "euk",
    "eoi": "ui",
    "eon": "un",
    "eot": "ut",
    "yu": "u",
    "yun": "un",
    "yut": "ut",
}
#: Company words Hong Kong names write in English one way or another, left out of the
#: reading: 集團 is Group as often as (Holdings) (Chow Tai Fook Jewellery Group, Yue Yuen
#: Industrial (Holdings), Lukfook Holdings).
_EITHER_WAY: Final = frozenset({"集團", "集团"})
_JYUTPING_RE: Final = re.compile(r"^(gw|kw|ng|[bpmfdtnlgkhwzcsj])?([a-z]+?)(\d)?$")

#: One syllable as Hong Kong spells a Cantonese one: an initial, vowels and a final.
_SYLLABLE: Final = (
    r"(?:ch|ts|tz|sh|kw|gw|ng|[bcdfghjklmnpstwyz])?[aeiouy]{1,4}"
    r"(?:ng|[nmktp](?![aeiouy])|[hw](?![aeiouy]))?"
)
#: A word of such syllables written together...
_SYLLABLES_RE: Final = re.compile(f"(?:{_SYLLABLE})+")
#: ... and each of them: the longest spelling whose rest still splits.
_NEXT_SYLLABLE_RE: Final = re.compile(f"{_SYLLABLE}(?=(?:{_SYLLABLE})*$)")
#: Initials folded: voiced and voiceless alike, the affricates alike, s and sh alike.
_INITIAL_FOLD: Final = {
    "b": "p",
    "d": "t",
    "g": "k",
    "gw": "kw",
    "ts": "ch",
    "tz": "ch",
    "z": "ch",
    "c": "ch",
    "j": "ch",
    "sh": "s",
}
#: Rimes folded, in order: the spellings of one rime ("oo"/"u", "ee"/"ei"/"i", "ow"/"au").
_RIME_FOLD: Final = (
    (re.compile(r"(?<=[aeiou])h$"), ""),
    (re.compile(r"^(?:eo|eu|oe|io)ng$"), "eung"),
    (re.compile(r"^(?:eo|eu|oe)k$"), "euk"),
    (re.compile(r"^oo"), "u"),
    (re.compile(r"^ue(?=[nt]?$)"), "u"),
    (re.compile(r"^ow$"), "au"),
    (re.compile(r"^ou$"), "o"),
    (re.compile(r"^oy$"), "oi"),
    (re.compile(r"^(?:ee|ei|ze|z)$"), "i"),
    (re.compile(r"^(?:oi|ui|eui)$"), "ui"),
    (re.compile(r"^u(?=[nmpt]$)"), "a"),
)


def hk_spelling(jyutping: str) -> str:
    """A Jyutping syllable (its tone, if given, dropped) as the Hong Kong Government's
    romanisation writes it ("zoeng1": "cheung"; "jyun": "yun"); as given when it is none."""
    match = _JYUTPING_RE.match(jyutping)
    if match is None:
        return jyutping
    initial, rime = match.group(1) or "", match.group(2)
    if rime not in _FINALS and not re.fullmatch(r"[aeiou]+(?:ng|[mnptk])?|m|ng", rime):
        return jyutping.rstrip("0123456789")
    if initial == "j" and rime.startswith("yu"):
        initial = "y"
        rime = rime[1:]  # jyun: yun
    return _INITIALS.get(initial, initial) + _FINALS.get(rime, rime)


@lru_cache(maxsize=50_000)
def cantonese_key(token: str) -> str:
    """A word in Latin letters as Cantonese syllables, each folded so that the spellings Hong
    Kong uses for one syllable meet ("Chow" and "Chau", "Fook" and "Fuk", "Lukfook" and
    "Luk Fuk"); "" when it is not written in such syllables."""
    syllables = _split(token.lower().replace("-", "").replace("'", ""))
    if not syllables:
        return ""
    return "".join(_fold(s) for s in syllables)


def _fold(syllable: str) -> str:
    match = re.match(r"(ch|ts|tz|sh|kw|gw|ng|[bcdfghjklmnpstwyz])?(.*)", syllable)
    assert match is not None
    initial, rime = match.group(1) or "", match.group(2)
    for pattern, replacement in _RIME_FOLD:
        rime = pattern.sub(replacement, rime)
    if initial == "y" and rime.startswith("u"):
        initial = ""  # "yue" and "u", "yuen" and "un"
    return _INITIAL_FOLD.get(initial, initial) + "." + rime + "|"


def _split(word: str) -> list[str] | None:
    """A word as Cantonese syllables written together, each ending at the longest spelling
    whose rest still splits; None when it does not split."""
    if not _SYLLABLES_RE.fullmatch(word):
        return None
    return _NEXT_SYLLABLE_RE.findall(word)


def cantonese_similarity(reading: str, latin: str) -> float:
    """0.9 when `latin` spells the syllables of `reading`, a token of a Cantonese reading,
    as Hong Kong spells them ("chau" / "Chow"; "luk fuk" joined, "lukfuk" / "Lukfook");
    else 0.0."""
    if len(reading) < 2 or len(latin) < 2:
        return 0.0
    key = cantonese_key(reading)
    return 0.9 if key and key == cantonese_key(latin) else 0.0


def cantonese_syllables(word: str) -> list[str]:
    """The Han characters of a word in Cantonese, as Hong Kong spells them; [] when one of
    them has no reading."""
    out: list[str] = []
    for _, jyutping in ToJyutping.get_jyutping_list(word):
        if not jyutping:
            return []
        out.append(hk_spelling(jyutping.split()[0]))
    return out
