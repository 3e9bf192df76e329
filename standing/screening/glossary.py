"""The common words of organisation names in Cyrillic and Arabic script, and organisations
known by another name in Chinese, read in English.

A Russian, Arabic or Persian registered name often has an English name that translates its
common words instead of transliterating them ("Объединённая авиастроительная корпорация" /
"United Aircraft Corporation"; "شرکت ملی نفت ایران" / "National Iranian Oil Company"), and
a Chinese company's English name is often not a reading of its Chinese one (腾讯 / Tencent).
`english_reading` gives such a name with those words in English and the others as written,
for the matcher to compare as one more variant of the name. The words are in
`data/glossary.tsv` (see its header), read once.

A Cyrillic name of one word besides its legal forms and acronyms is a brand, not a
description: "ООО «Нефтегаз»" is Neftegaz LLC, not an oil and gas company, so its word is
not read in English (its transliteration is still compared); only its acronyms are ("НПП
«Исток»": research production enterprise Istok).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

from standing.screening.normalize import fold, name_words

#: Letters of the Arabic script written several ways: each folded to one.
_ARABIC_FOLD: Final = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "ؤ": "و",
        "ئ": "ي",
        "ۀ": "ه",
        "\u200c": " ",  # the zero-width non-joiner between a Persian word's parts
        "\u0640": None,  # tatweel
    }
)
#: The article and the prefixes written onto an Arabic word, longest first.
_ARABIC_PREFIXES: Final = ("وال", "بال", "كال", "فال", "لل", "ال")
_CYRILLIC_WORD_RE: Final = re.compile(r"[^\W\d_]+")
_ARABIC_WORD_RE: Final = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
_HAN_RE: Final = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")
_SCRIPTS: Final = ("cyrillic", "arabic", "han")
#: The longest phrase of the glossary, in words.
_MAX_PHRASE: Final = 3
#: The longest acronym a brand's name is written with ("ЧОП", "ФГУП", "МКПАО").
_ACRONYM_MAX: Final = 5


@dataclass(frozen=True, slots=True)
class Glossary:
    """Cyrillic words and stems, and Arabic-script words and phrases, with their English."""

    cyrillic_words: dict[str, str]
    cyrillic_acronyms: dict[str, str]  # read only when written in capitals ("УК", "ПО")
    cyrillic_stems: dict[str, str]  # stem -> English; the longest stem that starts a word wins
    arabic: dict[tuple[str, ...], str]  # folded words of a phrase -> English
    han: dict[str, str]  # a name found anywhere in Han text -> its English name
    han_re: re.Pattern[str] | None  # the Han names, longest first


def fold_cyrillic(word: str) -> str:
    return word.lower().replace("ё", "е")


def fold_arabic(word: str) -> str:
    """One spelling of an Arabic-script word: letter variants and vowel marks folded, the
    article and attached prefixes taken off."""
    word = "".join(
        ch for ch in unicodedata.normalize("NFKC", word) if unicodedata.category(ch) != "Mn"
    ).translate(_ARABIC_FOLD)
    for prefix in _ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


@cache
def glossary() -> Glossary:
    """The shipped glossary (`data/glossary.tsv`)."""
    text = resources.files("standing.screening").joinpath("data/glossary.tsv").read_text("utf-8")
    return parse_glossary(text)


def parse_glossary(text: str) -> Glossary:
    words: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    stems: dict[str, str] = {}
    arabic: dict[tuple[str, ...], str] = {}
    han: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[0] not in _SCRIPTS or not fields[1]:
            raise ValueError(f"glossary line {number}: expected script, word and English")
        script, word, english = fields
        if script == "han":
            han[word] = english
        elif script == "arabic":
            key = tuple(w for part in word.split() if (w := fold_arabic(part)))
            arabic[key] = english
        elif word.endswith("*"):
            stems[fold_cyrillic(word[:-1])] = english
        elif word.isupper():
            acronyms[word.replace("Ё", "Е")] = english
        else:
            words[fold_cyrillic(word)] = english
    names = sorted(han, key=len, reverse=True)
    han_re = re.compile("|".join(re.escape(n) for n in names)) if names else None
    return Glossary(words, acronyms, stems, arabic, han, han_re)


def english_reading(name: str) -> str | None:
    """``name`` with the glossary's words in English (a word read as nothing is dropped), or
    None when it has none of them."""
    if name.isascii():
        return None
    terms = glossary()
    reading, han = _read_han(name, terms)
    reading, arabic = _read_arabic(reading, terms)
    before = reading
    reading, cyrillic = _read_cyrillic(before, terms)
    if cyrillic and _cyrillic_brand(name):
        # a brand's word stays as written; only its acronyms are read ("НПП «Исток»")
        reading, cyrillic = _read_cyrillic(before, terms, acronyms_only=True)
    if not (han or arabic or cyrillic):
        return None
    return " ".join(reading.split())


def _cyrillic_brand(name: str) -> bool:
    """Whether a name has at most one word besides its legal forms, descriptors and
    acronyms ("ООО «Нефтегаз»", "НПО «Энергия»"): a brand, whose words are not read."""
    acronyms = {
        fold(word)
        for word in _CYRILLIC_WORD_RE.findall(name)
        if word.isupper() and 2 <= len(word) <= _ACRONYM_MAX
    }
    return sum(1 for word in name_words(name) if word not in acronyms) <= 1


def _read_han(text: str, terms: Glossary) -> tuple[str, bool]:
    if terms.han_re is None or not _HAN_RE.search(text):
        return text, False
    out, count = terms.han_re.subn(lambda m: f" {terms.han[m.group(0)]} ", text)
    return out, count > 0


def _read_cyrillic(text: str, terms: Glossary, acronyms_only: bool = False) -> tuple[str, bool]:
    changed = False

    def english(match: re.Match[str]) -> str:
        nonlocal changed
        word = fold_cyrillic(match.group(0))
        found = terms.cyrillic_acronyms.get(match.group(0).replace("Ё", "Е"))
        if found is None and not acronyms_only:
            found = terms.cyrillic_words.get(word)
            if found is None:
                found = _stem(word, terms.cyrillic_stems)
        if found is None:
            return match.group(0)
        changed = True
        return f" {found} "

    return _CYRILLIC_WORD_RE.sub(english, text), changed


def _stem(word: str, stems: dict[str, str]) -> str | None:
    for end in range(len(word), 2, -1):
        found = stems.get(word[:end])
        if found is not None:
            return found
    return None


def _read_arabic(text: str, terms: Glossary) -> tuple[str, bool]:
    matches = list(_ARABIC_WORD_RE.finditer(text))
    if not matches:
        return text, False
    folded = [fold_arabic(m.group(0)) for m in matches]
    out: list[str] = []
    last = 0
    changed = False
    i = 0
    while i < len(matches):
        for size in range(min(_MAX_PHRASE, len(matches) - i), 0, -1):
            english = terms.arabic.get(tuple(folded[i : i + size]))
            if english is not None:
                out.append(text[last : matches[i].start()])
                out.append(f" {english} ")
                last = matches[i + size - 1].end()
                changed = True
                i += size
                break
        else:
            i += 1
    out.append(text[last:])
    return "".join(out), changed
