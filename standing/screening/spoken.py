"""Chinese names read with their own words spoken, in Cantonese or in Mandarin, and their
company words in English, as Hong Kong and Taiwan companies write their names in English.

A Hong Kong company spells the words of its Chinese name that say which company it is in
Cantonese (周大福珠寶: Chow Tai Fook Jewellery; 長江實業: Cheung Kong Industrial), a Taiwanese one
in Mandarin, in Wade-Giles or pinyin, even where the word has an English sense (中華電信:
Chunghwa Telecom, not China Telecom; 華南金融: Hua Nan Financial; 國立成功大學: National Cheng
Kung University); both write their company words in English. `spoken_reading` gives a name
so: its words cut as the glossary cuts them (`standing.screening.glossary.chinese_words`),
its company words, its places and the common words whose English is generic words only in
English, the others spoken (Cantonese: `standing.screening.cantonese`; Mandarin: each
character's pinyin), its legal forms as written. The matcher compares it as one more variant
of the name; the other readings (word by word in English, the trade name kept in pinyin)
stay.

A Japanese name is read in Japanese, not here (`japanese_name`).
"""

from __future__ import annotations

import re
from typing import Final, Literal

from standing.screening.cantonese import cantonese_syllables
from standing.screening.glossary import (
    HAN_RUN_RE,
    chinese_words,
    cjk_legal_re,
    han_words,
    japanese_name,
)
from standing.screening.normalize import fold, place_country, token_class

Language = Literal["yue", "zh"]

#: Company words Hong Kong names write in English one way or another, left out of a
#: Cantonese reading: 集團 is Group as often as (Holdings) (Chow Tai Fook Jewellery Group, Yue
#: Yuen Industrial (Holdings), Lukfook Holdings).
_EITHER_WAY: Final = frozenset({"集團", "集团"})


def spoken_reading(name: str, language: Language) -> str | None:
    """The name with the words of its Han characters that say which company it is spoken in
    `language` ("yue": Cantonese, "zh": Mandarin), its company words and places in English and
    its legal forms as written ("周大福珠寶集團有限公司", Cantonese: "chau tai fuk Jewellery
    有限公司"; "中華電信股份有限公司", Mandarin: "zhong hua Telecom 股份有限公司"); None for a
    name with no Han character or a Japanese one, or when no word is spoken."""
    if not HAN_RUN_RE.search(name) or japanese_name(name):
        return None
    spoken = False

    def read(match: re.Match[str]) -> str:
        nonlocal spoken
        parts: list[str] = []
        for word, gloss, kind in chinese_words(match.group(0)):
            if language == "yue" and word in _EITHER_WAY:
                continue
            if gloss and _english(gloss, kind, language):
                parts.append(_sense(word, gloss) if kind == "sense" else gloss)
                continue
            syllables = _syllables(word, language)
            if syllables:
                parts.extend(syllables)
                spoken = True
            elif gloss:
                parts.append(gloss)
        return f" {' '.join(parts)} "

    pieces: list[str] = []
    last = 0
    for match in cjk_legal_re().finditer(name):
        pieces.append(HAN_RUN_RE.sub(read, name[last : match.start()]))
        pieces.append(f" {match.group(0)} ")
        last = match.end()
    pieces.append(HAN_RUN_RE.sub(read, name[last:]))
    text = " ".join("".join(pieces).split())
    return text if spoken else None


def _english(gloss: str, kind: str, language: Language) -> bool:
    """Whether a word of a Chinese name is written in English: a company's own English name
    (招商局 China Merchants), a company word (地產 Properties, 電信 Telecom), a common word
    whose English is generic words only (發展 Development), a place written in English as a
    place the matcher knows (香港 Hong Kong); not a river or a province (長江: Cheung Kong),
    nor another word (大福: Tai Fook), nor, in Mandarin, a company word that names a place
    (中華 China: Chunghwa; 華南 South China: Hua Nan)."""
    tokens = fold(gloss).split()
    classes = [token_class(t, "organization") for t in tokens]
    if kind in ("company", "generic"):
        return True
    if kind == "sense":
        # a place with its country (China, South China; not National)
        named = all(c == "place" for c in classes) and any(map(place_country, tokens))
        return language == "yue" or not named
    if not classes:
        return False
    if kind == "word":
        return all(c == "generic" for c in classes)
    return all(c == "place" for c in classes)


def _sense(word: str, gloss: str) -> str:
    """A company word's first sense of generic words only (地產: Properties, not Real
    Estate), as Hong Kong and Taiwan names write it; else its first sense."""
    for sense in han_words().senses.get(word, ()):
        if all(token_class(t, "organization") == "generic" for t in fold(sense).split()):
            return sense
    return gloss


def _syllables(word: str, language: Language) -> list[str]:
    """The Han characters of a word spoken in `language`; [] when one has no reading."""
    if language == "yue":
        return cantonese_syllables(word)
    table = han_words().syllables
    out = [table.get(c, "") for c in word]
    return out if all(out) else []
