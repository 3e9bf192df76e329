"""The common words of organisation names in Cyrillic and Arabic script, and the words of
Chinese organisation names, read in English.

A Russian, Arabic or Persian registered name often has an English name that translates its
common words instead of transliterating them ("Объединённая авиастроительная корпорация" /
"United Aircraft Corporation"; "شرکت ملی نفت ایران" / "National Iranian Oil Company"), and
so does a Chinese one ("中国东方航空" / "China Eastern Airlines", "南方电网" / "China Southern
Power Grid"), unless its English name is not a reading of it at all (腾讯 / Tencent).
`english_reading` gives such a name with those words in English and the others as written,
for the matcher to compare as one more variant of the name. The Cyrillic and Arabic words and
the Chinese companies' own English names are in `data/glossary.tsv` (see its header), read
once; Chinese text is read word by word by `read_han` with the company senses of the common
words of organisation names in `data/cjk_senses.tsv` (电气 Electric, 汽车 Automobile or Motor),
the generic company words of `data/cjk_generic_words.tsv` and the words of CC-CEDICT in
`data/cedict_words.tsv` (written by `bench/make_cedict_words.py`), read the first time a name
in Han characters is seen; Japanese kana are read with the kanji (たばこ Tobacco). A reading
may have one alternate: second senses and places by their initials ("SZ DJI Technology"); a
Chinese one a third text too, its trade name kept in pinyin ("China Dongfang Electric");
Korean words with a second sense give a Korean name one too, and a Korean word may read
otherwise at the start of a word (조선: Korea there, Shipbuilding after another word).

A Cyrillic name of one word besides its legal forms and acronyms is a brand, not a
description: "ООО «Нефтегаз»" is Neftegaz LLC, not an oil and gas company, so its word is
not read in English (its transliteration is still compared); only its acronyms are ("НПП
«Исток»": research production enterprise Istok).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Final, Literal, TypeVar

import icu
from normality import ascii_text

from standing.screening import wordlists
from standing.screening.normalize import (
    BODY_KINDS,
    COMMON_WORDS,
    arabic_legal_spans,
    country_word,
    fold,
    name_words,
    normalize_name,
    token_class,
)

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
#: The prepositions and conjunctions of one letter written onto an Arabic word without the
#: article ("لمصر", for Egypt; "وتونس", and Tunisia), and the fewest letters left after one.
_ONE_LETTER_PREFIXES: Final = frozenset("لبوف")
_UNPREFIXED_MIN: Final = 3
_CYRILLIC_WORD_RE: Final = re.compile(r"[^\W\d_]+")
_ARABIC_WORD_RE: Final = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
#: Han characters, and the kana of Japanese (hiragana, katakana and the long-vowel mark).
_HAN: Final = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"
_KANA: Final = "\u3041-\u3096\u30a1-\u30fa\u30fc"
_HAN_RE: Final = re.compile(f"[{_HAN}{_KANA}]")
HAN_RUN_RE: Final = re.compile(f"[{_HAN}{_KANA}]+")
_KANA_RE: Final = re.compile(f"[{_KANA}]+")
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


def fold_cyrillic(word: str) -> str:
    return word.lower().replace("ё", "е")


def fold_arabic(word: str) -> str:
    """One spelling of an Arabic-script word: letter variants and vowel marks folded, the
    article and attached prefixes taken off. What is left is folded again: a word beginning
    with إل ("إلكترونيات", electronics) begins as the article does once its alef is folded,
    so "للإلكترونيات" (for electronics) and "الكترونيات" come to one spelling."""
    word = "".join(
        ch for ch in unicodedata.normalize("NFKC", word) if unicodedata.category(ch) != "Mn"
    ).translate(_ARABIC_FOLD)
    for _ in range(2):
        for prefix in _ARABIC_PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 2:
                word = word[len(prefix) :]
                break
        else:
            break
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
    return Glossary(words, acronyms, stems, arabic, han)


@dataclass(frozen=True, slots=True)
class Reading:
    """A name read in English: the text, the words read ("东方=Oriental", "腾讯=Tencent"), and
    a second text with each word's second company sense and places by their initials ("SZ"
    for Shenzhen), when that differs from the first."""

    text: str
    words: tuple[str, ...]
    alternate: str | None = None
    alternate_words: tuple[str, ...] = ()  # the words as the alternate read them
    # every word read, as generic words ("Bank Tejarat": "bank trading"): a generic name
    # translated whole, which meets the same generic name only with the entry's country named
    generic: bool = False
    # a third text, with the Chinese name's trade name in pinyin ("China Dongfang Electric
    # Group"), when that differs from the other two; and the words as it reads them
    kept: str | None = None
    kept_words: tuple[str, ...] = ()
    # of a generic reading: the countries of the language it is read from (a generic name
    # read from Russian meets the same generic name of a Russian entry: "Federalnaya Sluzhba
    # Bezopasnosti", federal service security, the Federal Security Service)
    home: frozenset[str] = frozenset()
    # texts with one word in its second sense and the others in their first, when two or
    # three words have a second sense ("Makine ve Kimya Endüstrisi": mechanical chemical
    # industry, the English name's mix), and the words each read
    mixed: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def variants(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The reading's texts with the words each read: the first, then the alternate, then
        the one keeping the trade name in pinyin, then the mixed ones."""
        out = [(self.text, self.words)]
        if self.alternate is not None:
            out.append((self.alternate, self.alternate_words or self.words))
        if self.kept is not None:
            out.append((self.kept, self.kept_words))
        out.extend(self.mixed)
        return tuple(out)


def english_reading(name: str) -> str | None:
    """``name`` with the glossary's words in English (a word read as nothing is dropped), or
    None when it has none of them."""
    found = reading(name)
    return found.text if found else None


@lru_cache(maxsize=50_000)
def reading(name: str) -> Reading | None:
    """`english_reading` with the words it read."""
    if name.isascii():
        return None
    terms = glossary()
    text = name
    alternate: str | None = None
    alternate_words: tuple[str, ...] = ()
    words: list[str] = []
    found = read_han(name) or _read_hangul(name)
    if found is not None:
        text, alternate, alternate_words = found.text, found.alternate, found.alternate_words
        words.extend(found.words)
    text, arabic = _read_arabic(text, terms)
    before = text
    text, cyrillic = _read_cyrillic(before, terms)
    brand = bool(cyrillic) and _cyrillic_brand(name)
    if brand:
        # a brand's word stays as written; only its acronyms are read ("НПП «Исток»")
        text, cyrillic = _read_cyrillic(before, terms, acronyms_only=True)
    words.extend(arabic)
    words.extend(cyrillic)
    if not words:
        return None
    if alternate is not None:
        alternate = _read_cyrillic(_read_arabic(alternate, terms, -1)[0], terms, brand, -1)[0]
        alternate = " ".join(alternate.split())
    elif arabic or cyrillic:
        # an Arabic-script or Cyrillic word with a second sense gives the name its alternate
        # (موسسه establishment, or institute; авиационный aviation, or aircraft)
        second, second_arabic = _read_arabic(name, terms, -1)
        second, second_cyrillic = _read_cyrillic(second, terms, brand, -1)
        if second_arabic != arabic or second_cyrillic != cyrillic:
            alternate = " ".join(second.split())
            first = " ".join(text.split())
            mixed = _mixed_senses(
                name, terms, brand, arabic, second_arabic, cyrillic, second_cyrillic
            )
            named = _arabic_brand_kept(name, terms, first) if not cyrillic else (None, ())
            return Reading(
                first,
                tuple(words),
                alternate,
                (*second_arabic, *second_cyrillic),
                kept=named[0] if named[0] != alternate else None,
                kept_words=named[1],
                mixed=tuple(m for m in mixed if m[0] not in (first, alternate, named[0])),
            )
    text = " ".join(text.split())
    kept: tuple[str | None, tuple[str, ...]] = (
        (found.kept, found.kept_words) if found and found.kept else (None, ())
    )
    if arabic and found is None and not cyrillic:
        kept = _arabic_brand_kept(name, terms, text)
    # a country's generic name read from Han text (中国南方航空) stays one
    generic = found is not None and found.generic and not arabic and not cyrillic
    home = found.home if found is not None and generic else frozenset()
    # the Han or Hangul reading's mixes of senses, when nothing else was read
    han_mixed = found.mixed if found is not None and not arabic and not cyrillic else ()
    if alternate == text:
        return Reading(
            text,
            tuple(words),
            generic=generic,
            kept=kept[0],
            kept_words=kept[1],
            home=home,
            mixed=han_mixed,
        )
    # the Arabic and Cyrillic words read are the same in both
    return Reading(
        text,
        tuple(words),
        alternate,
        (*alternate_words, *words[len(found.words) :]) if found else (),
        generic,
        kept=kept[0],
        kept_words=kept[1],
        home=home,
        mixed=han_mixed,
    )


# -- Chinese, word by word -----------------------------------------------------------------

#: How a word of Han text was read: a company's own English name (`glossary.tsv`), a word
#: with company senses (`cjk_senses.tsv`), a generic company word (`cjk_generic_words.tsv`), a
#: CC-CEDICT word, proper noun or place, or not at all.
_Kind = Literal["company", "sense", "generic", "word", "name", "place", "unread", "spelled"]
#: Written after a place's name (深圳市, 广东省): dropped there, as English names drop them.
_PLACE_SUFFIXES: Final = frozenset("市省")


@dataclass(frozen=True, slots=True)
class HanWords:
    """The tables Han text is read with: the glossary's Chinese company names, the words'
    company senses, the generic company words, and CC-CEDICT's words, in that order of
    precedence."""

    companies: dict[str, str]  # a company's Chinese name -> its English name
    senses: dict[str, tuple[str, ...]]  # a company word -> its senses, the most common first
    generic: dict[str, str]  # a generic company word -> English ("" to drop it)
    english: dict[str, str]  # a CC-CEDICT word -> English
    names: frozenset[str]  # the CC-CEDICT words that are proper nouns other than places
    places: frozenset[str]  # the CC-CEDICT words that are places
    longest: int  # characters in the longest word of the three
    # a Han character -> its pinyin syllable (`han_syllables.tsv`), for characters none of
    # the tables reads (华能: Huaneng)
    syllables: dict[str, str] = field(default_factory=dict)
    # a Japanese form of a character (shinjitai) -> the traditional and the simplified
    # character it stands for (`japanese_variants.tsv`: 鉄 -> 鐵 and 铁), for the words the
    # tables spell only the Chinese way (鉄道: 鐵道, railway; 横浜: 横滨, Yokohama)
    variants: dict[str, tuple[str, str]] = field(default_factory=dict)


_V = TypeVar("_V")


@cache
def han_words() -> HanWords:
    """The shipped tables, read the first time a name in Han characters is seen (about
    123,000 words: 0.1-0.2 s, 22 MB kept)."""
    text = resources.files("standing.screening").joinpath("data/cedict_words.tsv")
    words = parse_han_words(
        text.read_text("utf-8"),
        wordlists.pairs("cjk_generic_words.tsv"),
        _with_traditional(glossary().han),
        company_senses(),
        wordlists.pairs("han_syllables.tsv"),
        {row[0]: (row[1], row[2]) for row in wordlists.rows("japanese_variants.tsv")},
    )
    # Japan's prefectures and cities CC-CEDICT lacks (大阪 Osaka, 神戸 Kobe), in their Japanese
    # forms too (it has 横滨, Yokohama, for 横浜)
    places = {
        p: e
        for p, e in japanese_places().items()
        if p not in words.english
        and not any(s in words.english for s in _chinese_spellings(p, words, True))
    }
    return replace(
        words,
        english={**words.english, **places},
        places=words.places | frozenset(places),
        longest=max(words.longest, *map(len, places)),
        senses=_with_traditional(words.senses),
        generic=_with_traditional(words.generic),
    )


def _with_traditional(table: dict[str, _V]) -> dict[str, _V]:
    """A table of Chinese words with each word written in simplified characters also under
    its traditional spelling, where the table lacks it (地产 Properties: 地產, as Hong Kong and
    Taiwan write it)."""
    to_traditional = icu.Transliterator.createInstance("Hans-Hant")
    out = dict(table)
    for word, value in table.items():
        if _HAN_RE.search(word) and not _KANA_RE.search(word):
            out.setdefault(to_traditional.transliterate(word), value)
    return out


@cache
def japanese_places() -> dict[str, str]:
    """Japan's prefectures and cities in kanji, in English (`data/japanese_places.tsv`, from
    JMdict, written by `bench/make_japanese_names.py`)."""
    return wordlists.pairs("japanese_places.tsv")


@cache
def japanese_place_words() -> HanWords:
    """`han_words` with Japan's prefectures and cities read as places where CC-CEDICT reads
    them as common words (京都: capital, Kyoto; 山口: mountain pass, Yamaguchi): the tables a
    Japanese name is read with."""
    base = han_words()
    places = {
        p: e
        for p, e in japanese_places().items()
        if p in base.english and p not in base.names and p not in base.places
    }
    return replace(base, english={**base.english, **places}, places=base.places | frozenset(places))


@cache
def japanese_han_words() -> HanWords:
    """`han_words` with the Japanese organisations of `data/japanese_names.tsv` (JMnedict,
    written by `bench/make_japanese_names.py`) that CC-CEDICT lacks among its companies, the
    glossary's first: the tables a Japanese name is read with (日本電気: NEC, or Nippon
    Electric Company)."""
    base = japanese_place_words()
    # those CC-CEDICT lacks: its proper nouns read as before (住友 Sumitomo)
    names = {
        row[0]: row[1] for row in wordlists.rows("japanese_names.tsv") if row[0] not in base.english
    }
    companies = {**names, **base.companies}
    longest = max(base.longest, *(len(w) for w in names))
    return replace(base, companies=companies, longest=longest)


@cache
def company_senses() -> dict[str, tuple[str, ...]]:
    """The company senses of `data/cjk_senses.tsv`: word -> senses, the most common first."""
    return parse_senses(wordlists.rows("cjk_senses.tsv"))


def parse_senses(rows: list[tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Rows of word and "|"-separated senses as a mapping; a word given twice is an error."""
    out: dict[str, tuple[str, ...]] = {}
    for row in rows:
        senses = tuple(s.strip() for s in row[1].split("|")) if len(row) == 2 else ()
        if not row[0] or not senses or not all(senses):
            raise ValueError(f"cjk_senses: expected a word and its senses, got {row!r}")
        if row[0] in out:
            raise ValueError(f"cjk_senses: {row[0]} is given twice")
        out[row[0]] = senses
    return out


def parse_han_words(
    text: str,
    generic: dict[str, str],
    companies: dict[str, str] | None = None,
    senses: dict[str, tuple[str, ...]] | None = None,
    syllables: dict[str, str] | None = None,
    variants: dict[str, tuple[str, str]] | None = None,
) -> HanWords:
    """The tables from `cedict_words.tsv`'s text (rows of word, English and class: word,
    name or place), the generic words, the companies' names, the words' company senses, the
    characters' pinyin syllables and the traditional characters of Japanese forms."""
    english: dict[str, str] = {}
    classes: dict[str, list[str]] = {"word": [], "name": [], "place": []}
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not fields[0] or fields[2] not in classes:
            raise ValueError(f"cedict_words line {number}: expected word, English and class")
        english[fields[0]] = fields[1]
        classes[fields[2]].append(fields[0])
    companies = companies or {}
    senses = senses or {}
    longest = max((len(w) for w in (*english, *generic, *companies, *senses)), default=1)
    return HanWords(
        companies,
        senses,
        generic,
        english,
        frozenset(classes["name"]),
        frozenset(classes["place"]),
        longest,
        syllables or {},
        variants or {},
    )


@cache
def cjk_legal_re() -> re.Pattern[str]:
    """CJK legal forms, the longest first: kept as written, for the normaliser to set apart."""
    forms = sorted((row[0] for row in wordlists.rows("cjk_legal_forms.tsv")), key=len)
    return re.compile("|".join(re.escape(form) for form in reversed(forms)))


def read_han(name: str, words: HanWords | None = None) -> Reading | None:
    """``name`` with its Han text read in English word by word, or None when the reading
    keeps no word that identifies the organisation.

    Han text is cut into the fewest words (`segment`) of the glossary's company names (腾讯 ->
    Tencent), the words of `cjk_senses.tsv` in the English companies use (电气 -> Electric,
    南方 -> Southern, 汽车 -> Automobile), the generic company words (科技 -> technology) and
    CC-CEDICT's words, in that order of precedence; a character of none of them is kept as
    written, and so are legal forms (有限公司), for the normaliser. 市 and 省 after a place
    are dropped (深圳市 -> Shenzhen). The reading's alternate gives each word its second
    company sense (汽车 -> Motor, 航空 -> Aviation), each company its English name when the
    glossary gives its acronym first (中国航天科技 -> CASC, or China Aerospace Science and
    Technology) and each place by its initials (深圳 -> SZ, as in "SZ DJI Technology"; 香港 ->
    HK). A name's words are not combined sense by sense.

    Two or more characters in a row that none of the tables reads are a name, written in
    pinyin as one word (`han_syllables.tsv`: 华能 -> Huaneng, "China Huaneng Group"), except in
    a Japanese name. A Chinese name's trade name (字号), its first word after the places it
    starts with, is often kept in pinyin by its English name (Dongfang Electric, China Datang):
    when it is a word of two or three characters that is a CC-CEDICT proper noun (大唐 Tang),
    a common word that identifies, or a word of `cjk_senses.tsv` with a direction among its
    senses (东方 Oriental or Eastern), a third text (`Reading.kept`) writes it in pinyin and the
    other words in their second company sense ("China Dongfang Electric Corporation"). It
    changes no name's being read: a direction and a place alone are no reading (北京东方).

    The reading identifies the organisation when one of its words is a company of the glossary,
    characters written in pinyin, a proper noun (三菱 -> Mitsubishi; 东方航空 -> China Eastern
    Airlines, but not 中华 -> China alone), or a common word of two or more characters whose
    English has a word that is neither generic nor a place (电网 -> electricity grid; not 东方
    -> east, 海运 -> shipping by sea, nor 北京 -> Beijing): "北京科技有限公司" read "Beijing
    technology" would match every Beijing technology company. A word of `cjk_senses.tsv` is
    judged by its CC-CEDICT English, as it was before it had company senses (电气 "electricity"
    identifies, 南方 "south" does not): company senses change how a name reads, not which names
    read; one CC-CEDICT lacks (Japanese 空輸, 関西) is judged by its company sense instead.

    A Japanese name these words do not identify is read again with the Japanese
    organisations of `japanese_names.tsv` (JMnedict) among the companies: 日本電気, Japan
    Electric, is NEC, or Nippon Electric Company. A name that is one of those organisations
    whole, its legal form aside, is also read so, as a text besides its words' (`mixed`):
    商船三井, "Steamship Mitsui", is Mitsui O.S.K. Lines, and 三菱商事, "Mitsubishi Trading",
    the Mitsubishi Corporation.

    Japanese names are read the same way, kana with the kanji: the kana loanwords of
    `cjk_senses.tsv` are words like any other (たばこ Tobacco, ホールディングス Holdings), and
    kana none of the tables has are kept as one word, a name that identifies the organisation
    when it has two characters or more (トヨタ): 日本たばこ産業株式会社 reads "Japan Tobacco
    Industries 株式会社", 全日本空輸 "All Japan Airways", alternately "All Nippon Airways"."""
    if not _HAN_RE.search(name):
        return None
    name = _ORDINAL_RE.sub(_ordinal, name)
    table = words or han_words()
    japanese = _japanese(name) or _japanese_form(name, table)
    if japanese and words is None:
        table = japanese_place_words()
    found = _read_han(name, table, japanese)
    if words is not None:
        return found
    if found is None and japanese:
        # a Japanese name its words do not identify may be an organisation JMnedict knows by
        # its name in English (日本電気, Japan Electric: NEC)
        return _read_han(name, japanese_han_words(), japanese)
    if _japanese_organisation(name):
        # ... as is one it knows whole, read so besides its words (商船三井)
        whole = _read_han(name, japanese_han_words(), True)
        if found is None or whole is None:
            return found or whole
        if whole.text not in (text for text, _ in found.variants):
            return replace(found, mixed=(*found.mixed, (whole.text, whole.words)))
    return found


def _japanese_organisation(name: str) -> bool:
    """Whether a name in kanji, its Japanese legal forms and spaces aside, is an organisation
    of `japanese_names.tsv` (JMnedict) that CC-CEDICT does not know (商船三井); not one with
    kana, whose words the vocabulary reads as its English name does (日本たばこ産業)."""
    if _KANA_RE.search(name):
        return False
    bare = name
    for form in _japanese_forms():
        bare = bare.replace(form, "")
    return "".join(bare.split()) in japanese_han_words().companies


_CHINESE_DIGITS: Final[dict[str, int]] = {
    c: n
    for n, chars in enumerate(("〇零", "一", "二两", "三", "四", "五", "六", "七", "八", "九"))
    for c in chars
}
_CHINESE_UNITS: Final[dict[str, int]] = {"十": 10, "百": 100, "千": 1000}
#: An ordinal in Chinese numerals before the kind of body it numbers (第三十八研究所, the 38th
#: Research Institute; 第七〇四研究所, the 704th): read as its number, as English names write it.
_ORDINAL_RE: Final = re.compile(
    "第([〇零一二两三四五六七八九十百千]+)(?=研究所|研究院|设计院|設計院|研究室|研究中心|"
    "分院|所|院|厂|廠|局|处|處|中心)"
)


def chinese_number(numerals: str) -> int:
    """The number written in Chinese numerals: with units (三十八: 38, 十四: 14, 二百零一: 201)
    or digit by digit (七〇四: 704)."""
    if not any(c in _CHINESE_UNITS for c in numerals):
        return int("".join(str(_CHINESE_DIGITS[c]) for c in numerals))
    total = current = 0
    for c in numerals:
        if c in _CHINESE_UNITS:
            total += (current or 1) * _CHINESE_UNITS[c]
            current = 0
        else:
            current = _CHINESE_DIGITS[c]
    return total + current


def _ordinal(match: re.Match[str]) -> str:
    return f" {chinese_number(match.group(1))} "


def _read_han(name: str, table: HanWords, japanese: bool) -> Reading | None:
    read: list[str] = []
    read_alternate: list[str] = []
    read_kept: list[str] = []
    identifying = False
    # the trade name: the first word after the places the name starts with, while none is
    # seen (None), then that word (or "" when it is no word the third text spells)
    trade: str | None = None
    # whether the alternate writes a place by its initials, and whether the third text is
    # for the places alone (no trade name to keep in pinyin)
    initialled = places_kept = placed = False
    # the words of two senses the first text reads, and while a mixed text is written, those
    # it has read and the words it reads
    senses_two = senses_seen = 0
    read_mixed: list[str] = []

    def english(match: re.Match[str], alternate: bool, keep: bool = False, flip: int = -1) -> str:
        nonlocal identifying, trade, initialled, placed, senses_two, senses_seen
        parts: list[str] = []
        previous: _Kind = "unread"
        run = match.group(0)
        cut = segment(run, table, _chinese_spellings(run, table, japanese))
        for word, gloss, kind in _spell_unread(cut, table, japanese):
            if kind == "unread" and word in _PLACE_SUFFIXES and previous == "place":
                continue
            # a place after a place is a district of it (北京东城: Dongcheng, of Beijing)
            district = kind == "place" and previous == "place"
            previous = kind
            two = kind == "sense" and len(table.senses[word]) > 1
            if flip >= 0:  # the word at `flip` of those of two senses in its second
                if two:
                    if senses_seen == flip:
                        gloss = table.senses[word][1]
                    senses_seen += 1
                parts.append(word if kind == "unread" else gloss)
                if kind != "unread":
                    read_mixed.append(f"{word}={gloss}")
                continue
            if two and not (alternate or keep):
                senses_two += 1
            if keep:  # the other words in their second company sense, as the alternate
                if word == trade:
                    trade, gloss = "", _pinyin(word, table)
                elif kind == "sense" and len(table.senses[word]) > 1:
                    second = table.senses[word][1]
                    # for the places alone, not a legal form's word for a word of the name
                    # (集团 Corporation: "Shanghai Electric Corporation" would be a brand of
                    # Shanghai Electric Power)
                    if not (places_kept and normalize_name(second, "organization").legal_forms):
                        gloss = second
                if gloss:
                    parts.append(gloss)
                read_kept.append(f"{word}={gloss}")
                continue
            if _place_word(gloss, kind):
                placed = True
            elif trade is None and not alternate:
                trade = word if not japanese and _trade_name(word, gloss, kind, table) else ""
            if kind == "unread":
                parts.append(word)
                # a word in kana none of the tables has is a name (トヨタ, パナソニック)
                identifying = identifying or (len(word) >= 2 and bool(_KANA_RE.fullmatch(word)))
                continue
            if kind == "spelled":  # characters no table reads, in pinyin: a name (华能)
                parts.append(gloss)
                (read_alternate if alternate else read).append(f"{word}={gloss}")
                identifying = True
                continue
            if alternate:
                if kind == "sense" and len(table.senses[word]) > 1:
                    gloss = table.senses[word][1]
                elif kind == "company":
                    gloss = table.companies[word].split("|")[-1]
                elif kind == "place" and not japanese and word not in japanese_places():
                    gloss = _initials(word, gloss)  # pinyin initials: not of Japanese places
                    initialled = True
                if gloss:
                    parts.append(gloss)
                read_alternate.append(f"{word}={gloss}")
                continue
            if gloss:
                parts.append(gloss)
            read.append(f"{word}={gloss}")
            if kind == "sense":  # judged as it was before it had company senses
                before = _kind(word, table, senses=False)
                before_gloss = table.generic.get(word, table.english.get(word, ""))
                if before == "unread":
                    # CC-CEDICT lacks it (空輸, たばこ, 盐业): by its company sense, which
                    # identifies when it has a word that is no generic word nor a place (Salt
                    # Industry, Railway Construction), generic words beside it or not
                    identifying = identifying or _names_something(gloss)
                    before, before_gloss = "word", gloss
                identifying = identifying or _identifies(word, before_gloss, before)
            elif not district:
                identifying = identifying or _identifies(word, gloss, kind)
        return f" {' '.join(parts)} "

    def text(alternate: bool, keep: bool = False, flip: int = -1) -> str:
        pieces: list[str] = []
        last = 0
        for match in cjk_legal_re().finditer(name):
            pieces.append(
                HAN_RUN_RE.sub(
                    lambda m: english(m, alternate, keep, flip), name[last : match.start()]
                )
            )
            pieces.append(f" {match.group(0)} ")
            last = match.end()
        pieces.append(HAN_RUN_RE.sub(lambda m: english(m, alternate, keep, flip), name[last:]))
        return " ".join("".join(pieces).split())

    def mixed(*others: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The first text with one word of two senses in its second, for each such word when
        two to `MOST_MIXED` have two (北京航空材料研究院: Beijing Aviation Materials Research
        Institute; the alternate reads both second senses, Beijing Aviation Materials
        Academy), but those the other texts are."""
        nonlocal senses_seen
        if not 2 <= senses_two <= MOST_MIXED:
            return ()
        out: dict[str, tuple[str, ...]] = {}
        for k in range(senses_two):
            senses_seen = 0
            read_mixed.clear()
            found = text(False, flip=k)
            if found not in others:
                out.setdefault(found, tuple(read_mixed))
        return tuple(out.items())

    first = text(False)
    home = _JAPANESE_COUNTRIES if japanese else _CHINESE_COUNTRIES
    if not identifying:
        # a name of generic words and a country (中國鋼鐵: China Steel; 日本製鉄株式会社:
        # Japan Steel, or Nippon Steel) is a generic name, which meets only the same generic
        # name (not The Japan Steel Works), as is a body named by its place and kind
        # (哈尔滨工业大学: Harbin University of Technology); with another place or none, no
        # reading
        second = text(True)
        if placed and _body_named(first):
            alternate_words = read_alternate
            if initialled:
                # a body is known by its place as written (哈尔滨工业大学: Harbin Institute
                # of Technology), not by the place's initials
                second, alternate_words = text(False, keep=True), read_kept
            if second == first:
                return Reading(first, tuple(read), generic=True, home=home)
            return Reading(
                first,
                tuple(read),
                second,
                tuple(alternate_words),
                generic=True,
                home=home,
                mixed=mixed(first, second),
            )
        if not _country_generic(first):
            # or its alternate (中國鋼鐵: China Iron and Steel, or China Steel)
            if not _country_generic(second):
                return None
            return Reading(second, tuple(read_alternate), generic=True, home=home)
        if len(second.split()) != len(first.split()):
            # an alternate sense of fewer words is another generic name (製鋼所: Steel Works,
            # alternately Steel: The Japan Steel Works is not Nippon Steel)
            second = first
        if second == first:
            return Reading(first, tuple(read), generic=True, home=home)
        return Reading(first, tuple(read), second, tuple(read_alternate), generic=True, home=home)
    second = text(True)
    # the trade name in pinyin, or the second senses with the places as written when the
    # alternate gives their initials (南京航空航天大学: Nanjing Aeronautics and Astronautics
    # University, beside NJ Aeronautics and Astronautics University)
    places_kept = not trade
    kept = text(False, keep=True) if trade or initialled else None
    if kept in (first, second):
        kept = None
    if second == first:
        return Reading(first, tuple(read), kept=kept, kept_words=tuple(read_kept))
    return Reading(
        first,
        tuple(read),
        second,
        tuple(read_alternate),
        kept=kept,
        kept_words=tuple(read_kept),
        mixed=mixed(first, second, kept),
    )


def _country_generic(text: str) -> bool:
    """Whether a reading is a generic name of a country: generic words (one at least) and
    places, one of them a country ("China Steel", "Japan Steel"; not "Beijing Technology")."""
    name = normalize_name(text, "organization")
    classes = name.classes
    return (
        "generic" in classes
        and all(c in ("generic", "place", "stop") for c in classes)
        and any(c == "place" and country_word(t) for t, c in zip(name.tokens, classes, strict=True))
    )


#: The countries whose language a generic reading of Han or Hangul text is read from.
_CHINESE_COUNTRIES: Final = frozenset({"cn", "hk", "mo", "tw", "sg"})
_JAPANESE_COUNTRIES: Final = frozenset({"jp"})
_KOREAN_COUNTRIES: Final = frozenset({"kr", "kp"})


def _body_named(text: str) -> bool:
    """Whether a reading of places and generic words names a kind of body ("Harbin
    University of Technology", "Wuhan University"; not "Beijing Technology")."""
    return any(t in BODY_KINDS for t in normalize_name(text, "organization").tokens)


def _place_word(gloss: str, kind: _Kind) -> bool:
    """Whether a word read is a place (上海 Shanghai, 中国 China, 香港 Hong Kong)."""
    if kind == "place":
        return True
    tokens = fold(gloss).split()
    return bool(tokens) and all(token_class(t, "organization") == "place" for t in tokens)


def _trade_name(word: str, gloss: str, kind: _Kind, table: HanWords) -> bool:
    """Whether the third text writes a name's first word after its places in pinyin, as a
    Chinese name's trade name (字号, two or three characters between the place and the
    industry) often is in its English name: a proper noun of CC-CEDICT (大唐 Tang: China
    Datang), a common word that identifies (see `read_han`), or a word of `cjk_senses.tsv`
    with a place among its senses (东方 Oriental or Eastern: Dongfang Electric); not a
    generic company word, a company of the glossary or a word already in pinyin."""
    if not 2 <= len(word) <= 3 or not all(c in table.syllables for c in word):
        return False
    if kind == "sense":
        return any(_place_word(sense, "word") for sense in table.senses[word])
    return kind == "name" or (kind == "word" and _identifies(word, gloss, kind))


def _pinyin(word: str, table: HanWords) -> str:
    """A word in pinyin, its syllables joined, as a name's own word is written ("Dongfang")."""
    return "".join(table.syllables[c] for c in word).capitalize()


def _spell_unread(
    words: list[tuple[str, str, _Kind]], table: HanWords, japanese: bool
) -> list[tuple[str, str, _Kind]]:
    """``words`` with each run of two or more Han characters none of the tables reads (华能,
    each character alone) written as one word in pinyin ("Huaneng"), as Chinese companies
    write their names' own words in English: China Huaneng Group, Shanghai Zhenhua Heavy
    Industries. Not in a Japanese name, whose kanji are not read in pinyin, nor a character
    after a place that the reading drops (市, 省)."""
    if japanese or not table.syllables:
        return words
    out: list[tuple[str, str, _Kind]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 2:
            spelled = "".join(table.syllables[c] for c in run)
            out.append(("".join(run), spelled.capitalize(), "spelled"))
        else:
            out.extend((c, "", "unread") for c in run)
        run.clear()

    for word, gloss, kind in words:
        if (
            kind == "unread"
            and word in table.syllables
            and not (word in _PLACE_SUFFIXES and not run and out and out[-1][2] == "place")
        ):
            run.append(word)
            continue
        flush()
        out.append((word, gloss, kind))
    flush()
    return out


def japanese_name(name: str) -> bool:
    """Whether a name is Japanese: written with kana, with a Japanese legal form, or with a
    Japanese form of a character that Chinese words do not use (鉄, 発, 県)."""
    return bool(_HAN_RE.search(name)) and (_japanese(name) or _japanese_form(name, han_words()))


@lru_cache(maxsize=50_000)
def japanese_words(name: str) -> str:
    """A Japanese name with its company words (`cjk_senses.tsv`, `cjk_generic_words.tsv`, two
    characters or more) set apart by spaces, for its reading in Hepburn to spell them as
    words (東武鉄道: "東武 鉄道", tobu tetsudo, not "tobutetsudo"); any other name as written."""
    if not japanese_name(name):
        return name
    table = han_words()

    def cut(match: re.Match[str]) -> str:
        run = match.group(0)
        out: list[str] = []
        at = 0
        for word, _, kind in segment(run, table, _chinese_spellings(run, table, True)):
            written = run[at : at + len(word)]
            at += len(word)
            out.append(
                f" {written} " if kind in ("sense", "generic") and len(word) > 1 else written
            )
        return "".join(out)

    return " ".join(HAN_RUN_RE.sub(cut, name).split())


def _japanese_form(name: str, table: HanWords) -> bool:
    """Whether a name has a Japanese form of a character (`HanWords.variants`) that Chinese
    words do not use (a character with no pinyin syllable: 鉄, 発, 県; not 浜, a Chinese
    character too): a Japanese name, though it has no kana and no legal form (日本製鉄)."""
    return any(c in table.variants and c not in table.syllables for c in name)


def _chinese_spellings(run: str, table: HanWords, japanese: bool) -> tuple[str, ...]:
    """A run of Han text with its Japanese forms of characters in their traditional form (鉄道
    -> 鐵道), then in their simplified form (横浜 -> 横滨), to look up the words the tables
    spell only so: every Japanese form in a Japanese name, and elsewhere those that Chinese
    words do not use; none when the run has no such character."""
    variants = table.variants
    if not any(c in variants for c in run):
        return ()
    out: list[str] = []
    for form in (0, 1):
        spelled = "".join(
            variants[c][form] if c in variants and (japanese or c not in table.syllables) else c
            for c in run
        )
        if spelled != run and spelled not in out:
            out.append(spelled)
    return tuple(out)


def _japanese(name: str) -> bool:
    """Whether a name is Japanese: written with kana or with a Japanese legal form."""
    return bool(_KANA_RE.search(name)) or any(form in name for form in _japanese_forms())


@cache
def _japanese_forms() -> frozenset[str]:
    return frozenset(wordlists.pairs("japanese_forms.tsv"))


def _initials(place: str, english: str) -> str:
    """A place's initials as company names write them: its pinyin syllables' ("深圳" -> SZ,
    "北京" -> BJ), or its English words' when it has several ("香港" Hong Kong -> HK)."""
    words = english.split()
    if len(words) < 2:
        words = str(ascii_text(place) or "").split()
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


def segment(
    run: str, table: HanWords, spellings: tuple[str, ...] = ()
) -> list[tuple[str, str, _Kind]]:
    """A run of Han characters cut into the fewest words (dynamic programming from its end),
    each with its English and kind. Among cuts into as many words: the fewest characters left
    unread, then the fewest single characters (北京|东方, not 北|京东方), then the most generic
    words, then the longest first word. A word none of the tables has as written is looked up
    in ``spellings``, the run with its Japanese forms of characters spelled the Chinese way
    (`_chinese_spellings`: 鉄道 is 鐵道, railway), and given so."""
    n = len(run)

    def look(i: int, j: int) -> tuple[str, _Kind]:
        word = run[i:j]
        kind = _kind(word, table)
        if kind == "unread":
            for spelled in spellings:
                other = spelled[i:j]
                if other != word and (other_kind := _kind(other, table)) != "unread":
                    return other, other_kind
        return word, kind

    # best[i]: the cost of the best cut of run[i:] and where its first word ends
    best: list[tuple[tuple[int, int, int, int], int]] = [((0, 0, 0, 0), n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        choice: tuple[tuple[int, int, int, int], int] | None = None
        for j in range(min(n, i + table.longest), i, -1):
            kind = look(i, j)[1]
            if kind == "unread" and j > i + 1:
                continue
            single = int(j == i + 1)
            rest = best[j][0]
            cost = (
                1 + rest[0],
                int(kind == "unread") + rest[1],
                single + rest[2],
                int(kind not in ("sense", "generic")) + rest[3],
            )
            if choice is None or cost < choice[0]:
                choice = (cost, j)
        assert choice is not None
        best[i] = choice
    out: list[tuple[str, str, _Kind]] = []
    i = 0
    while i < n:
        j = best[i][1]
        word, kind = look(i, j)
        if (
            kind == "unread"
            and out
            and out[-1][2] == "unread"
            and _KANA_RE.fullmatch(out[-1][0] + word)
        ):  # kana none of the tables has: one word (トヨタ)
            out[-1] = (out[-1][0] + word, "", "unread")
            i = j
            continue
        if kind == "company":
            gloss = table.companies[word].split("|")[0]
        elif kind == "sense":
            gloss = table.senses[word][0]
        elif kind == "generic":
            gloss = table.generic[word]
        else:
            gloss = table.english.get(word, "")
        out.append((word, gloss, kind))
        i = j
    return out


def chinese_words(run: str) -> list[tuple[str, str, _Kind]]:
    """A run of Han characters of a Chinese name cut into words, each with its English and
    kind (`segment` over the shipped tables)."""
    table = han_words()
    return segment(run, table, _chinese_spellings(run, table, False))


def _kind(word: str, table: HanWords, senses: bool = True) -> _Kind:
    if word in table.companies:
        return "company"
    if senses and word in table.senses:
        return "sense"
    if word in table.generic:
        return "generic"
    if word not in table.english:
        return "unread"
    if word in table.places:
        return "place"
    return "name" if word in table.names else "word"


def _names_something(gloss: str) -> bool:
    """Whether an English gloss has a word that is neither generic nor a place."""
    return any(token_class(t, "organization") in ("name", "number") for t in fold(gloss).split())


def _identifies(word: str, gloss: str, kind: _Kind) -> bool:
    if kind == "company":
        return True
    if kind in ("sense", "generic", "unread") or len(word) < 2 or not gloss:
        return False
    classes = [token_class(token, "organization") for token in fold(gloss).split()]
    if kind == "place":
        # a county or town no table knows as a place is the trade name it also is (紫金
        # Zijin: Zijin Mining Group); a city or province of the tables is where the body is
        return bool(classes) and all(c == "name" for c in classes)
    if kind == "name":
        return len(classes) >= 2 or any(c in ("name", "number") for c in classes)
    # a common word identifies when it says more than what the company does or where it is
    # (电网 "electricity grid"; not 海运 "shipping by sea")
    return any(c in ("name", "number") for c in classes) and not any(
        c in ("generic", "place") for c in classes
    )


_HANGUL_RE: Final = re.compile(r"[\uac00-\ud7af]")
_HANGUL_WORD_RE: Final = re.compile(r"[\uac00-\ud7af]{2,}|[A-Za-z]{2,}")
#: A Korean row of `cjk_senses.tsv` read only at the start of a word of the name ("^조선").
_WORD_START: Final = "^"


@dataclass(frozen=True, slots=True)
class HangulSenses:
    """The Korean words of `cjk_senses.tsv`: their senses anywhere, their senses at the start
    of a word where they differ ("^조선"), a pattern finding them (the longest first, a word's
    start-of-word row before its other row), and the generic words of
    `cjk_generic_words.tsv`."""

    senses: dict[str, tuple[str, ...]]
    initial: dict[str, tuple[str, ...]]
    pattern: re.Pattern[str] | None
    generic: dict[str, str]

    def of(self, match: re.Match[str]) -> tuple[str, ...]:
        """The senses of the word found by ``match`` where it was found."""
        word, at = match.group(0), match.start()
        if word in self.initial and (at == 0 or not _HANGUL_RE.match(match.string[at - 1])):
            return self.initial[word]
        return self.senses[word]


@cache
def _hangul_senses() -> HangulSenses:
    rows = {w: s for w, s in company_senses().items() if _HANGUL_RE.search(w)}
    senses = {w: s for w, s in rows.items() if not w.startswith(_WORD_START)}
    initial = {w[1:]: s for w, s in rows.items() if w.startswith(_WORD_START)}
    generic = wordlists.pairs("cjk_generic_words.tsv")
    if not rows:
        return HangulSenses(senses, initial, None, generic)
    # a start-of-word row first: at the start of a word it wins over a longer word that
    # begins with it (조선소백수무역회사: Korea Sobaeksu Trading, not Shipyard Baeksu)
    alternatives = [(1, len(w), rf"(?<![\uac00-\ud7af]){re.escape(w)}") for w in initial] + [
        (0, len(w), re.escape(w)) for w in senses
    ]
    pattern = "|".join(a for *_, a in sorted(alternatives, reverse=True))
    return HangulSenses(senses, initial, re.compile(pattern), generic)


def _read_hangul(name: str) -> Reading | None:
    """A Korean name with its Hanja-derived company words in their English senses (현대중공업
    -> 현대 Heavy Industries; 현대건설 -> 현대 Engineering & Construction, alternately 현대
    Construction), or None when it has none of them, when all of them read as the generic
    words of `cjk_generic_words.tsv` already read them in the name itself, or when nothing
    of the name's own is left (은행 alone) unless three words or more are read, one of them a
    place (a legal form counts as one). A word with a start-of-word row ("^조선") reads so at
    the start of a word (조선광업개발무역회사: Korea Mining Development Trading) and by its
    other row elsewhere (대우조선해양, 현대미포조선: Shipbuilding)."""
    if not _HANGUL_RE.search(name):
        return None
    table = _hangul_senses()
    pattern, generic = table.pattern, table.generic
    if pattern is None:
        return None
    found = [(m.group(0), table.of(m)) for m in pattern.finditer(name)]
    if not found or all(
        len(s) == 1 and generic.get(w, "").lower() == s[0].lower() for w, s in found
    ):
        return None
    first = pattern.sub(lambda m: f" {table.of(m)[0]} ", name)
    second = pattern.sub(lambda m: f" {table.of(m)[-1]} ", name)
    words = tuple(f"{w}={s[0]}" for w, s in found)
    first, second = " ".join(first.split()), " ".join(second.split())
    if not _HANGUL_WORD_RE.search(cjk_legal_re().sub(" ", pattern.sub(" ", name))) and not (
        # nothing of its own, but three words or more with a place (a legal form counts), as
        # a romanised name is read (한국전력공사: Korea Electric Power Corporation)
        (
            len(found) + bool(cjk_legal_re().search(name)) >= 3
            and any(
                token_class(token, "organization") == "place"
                for _, s in found
                for token in fold(s[0]).split()
            )
        )
        # or a word that names something, no generic word nor a place (조선로동당: Korea
        # Workers' Party; 정찰총국: Reconnaissance General Bureau)
        or (len(found) >= 2 and any(_names_something(s[0]) for _, s in found))
    ):
        # or a country's generic name, which meets only the same name (한국은행: Korea Bank,
        # the Bank of Korea), as one in Han characters is read
        if not _country_generic(cjk_legal_re().sub(" ", first)):
            return None
        return Reading(first, words, generic=True, home=_KOREAN_COUNTRIES)
    if second == first:
        return Reading(first, words)
    return Reading(first, words, second, tuple(f"{w}={s[-1]}" for w, s in found))


def _cyrillic_brand(name: str) -> bool:
    """Whether a name has at most one word besides its legal forms, descriptors and
    acronyms ("ООО «Нефтегаз»", "НПО «Энергия»"): a brand, whose words are not read."""
    acronyms = {
        fold(word)
        for word in _CYRILLIC_WORD_RE.findall(name)
        if word.isupper() and 2 <= len(word) <= _ACRONYM_MAX
    }
    return sum(1 for word in name_words(name) if word not in acronyms) <= 1


def _read_cyrillic(
    text: str, terms: Glossary, acronyms_only: bool = False, sense: int = 0, flip: int = -1
) -> tuple[str, list[str]]:
    """``text`` with the glossary's Cyrillic acronyms and (unless ``acronyms_only``) words in
    English, each in its first sense (``sense`` 0) or its last (авиационный: aviation, or
    aircraft), or with ``flip``, the flip-th word read (from 0) in its last and the others in
    their first; and the words read."""
    read: list[str] = []

    def english(match: re.Match[str]) -> str:
        word = fold_cyrillic(match.group(0))
        found = terms.cyrillic_acronyms.get(match.group(0).replace("Ё", "Е"))
        initial = len(word) == 1 and match.group(0).isupper()  # "И. П. Павлова", not "и"
        if found is None and not acronyms_only and not initial:
            found = terms.cyrillic_words.get(word)
            if found is None:
                found = _stem(word, terms.cyrillic_stems)
        if found is None:
            return match.group(0)
        found = found.split("|")[_sense(sense, flip, len(read))]
        read.append(f"{match.group(0)}={found}")
        return f" {found} "

    return _CYRILLIC_WORD_RE.sub(english, text), read


def _stem(word: str, stems: dict[str, str]) -> str | None:
    for end in range(len(word), 2, -1):
        found = stems.get(word[:end])
        if found is not None:
            return None if _compound(word, end) else found
    return None


def _compound(word: str, stem: int) -> bool:
    """Whether a word read through a stem of its first `stem` letters is a contraction of two
    roots ("Оборонпром": defence and industry, United Industrial Corporation Oboronprom),
    which an English name keeps as written: the stem less than `_COMPOUND_SHARE` of it and
    no prefix ending in a vowel ("авто-": автомобильный), four letters or more after it that
    are no ending ("оборонная", "промышленности")."""
    rest = len(word) - stem
    return (
        rest >= _COMPOUND_REST
        and not _CYRILLIC_ENDING_RE.fullmatch(word[stem - 1])  # a prefix: "авто-", "радио-"
        and stem < _COMPOUND_SHARE * len(word)
        and not _CYRILLIC_ENDING_RE.match(word, stem)
    )


_COMPOUND_SHARE: Final = 0.7
_COMPOUND_REST: Final = 4
#: What follows a stem in an inflected or derived word: a vowel (or й), after one of these
#: consonants or none ("-ная", "-ский", "-ство", "-ческий").
_CYRILLIC_ENDING_RE: Final = re.compile(r"ь?(?:н|нн|ск|ств|ч|к|л)?[аеёиоуыэюяйіїєў]")


#: The most words with a second sense whose mixes of senses a name is read in.
MOST_MIXED: Final = 3


def _mixed_senses(
    name: str,
    terms: Glossary,
    brand: bool,
    arabic: list[str],
    second_arabic: list[str],
    cyrillic: list[str],
    second_cyrillic: list[str],
) -> list[tuple[str, tuple[str, ...]]]:
    """``name`` read with one word in its second sense and the others in their first, for
    each word of a second sense when two to `MOST_MIXED` have one (شرکت ملی صنایع
    پتروشیمی...; the alternate gives every such word its second sense at once), and the
    words each reads."""
    flips_arabic = [
        k for k, (a, b) in enumerate(zip(arabic, second_arabic, strict=False)) if a != b
    ]
    flips_cyrillic = [
        k for k, (a, b) in enumerate(zip(cyrillic, second_cyrillic, strict=False)) if a != b
    ]
    if not 2 <= len(flips_arabic) + len(flips_cyrillic) <= MOST_MIXED:
        return []
    out: dict[str, tuple[str, ...]] = {}
    for k in flips_arabic:
        text, read_arabic = _read_arabic(name, terms, flip=k)
        text, read_cyrillic = _read_cyrillic(text, terms, brand)
        out.setdefault(" ".join(text.split()), (*read_arabic, *read_cyrillic))
    for k in flips_cyrillic:
        text, read_arabic = _read_arabic(name, terms)
        text, read_cyrillic = _read_cyrillic(text, terms, brand, flip=k)
        out.setdefault(" ".join(text.split()), (*read_arabic, *read_cyrillic))
    return list(out.items())


def _sense(sense: int, flip: int, at: int) -> int:
    """Which sense the word read at ``at`` takes: ``sense``, or with ``flip`` (0 or more) the
    last for the word at ``flip`` and the first for the others."""
    if flip < 0:
        return sense
    return -1 if at == flip else 0


def _read_arabic(
    text: str, terms: Glossary, sense: int = 0, flip: int = -1, keep_names: bool = False
) -> tuple[str, list[str]]:
    """``text`` with the glossary's Arabic-script words and phrases in English, each in its
    first sense (``sense`` 0) or its last (موسسه: establishment, or institute), or with
    ``flip``, the flip-th phrase read (from 0) in its last and the others in their first; and
    the words read. ``keep_names``: the first word whose English is a name's word, no company
    word, stays as written (إعمار, reconstruction, is Emaar's name)."""
    # the words of a company form are no words of the name (سهامی عام: a public joint-stock
    # company, not "general")
    forms = arabic_legal_spans(text)
    matches = [
        m
        for m in _ARABIC_WORD_RE.finditer(text)
        if not any(start <= m.start() < end for start, end in forms)
    ]
    if not matches:
        return text, []
    folded = [fold_arabic(m.group(0)) for m in matches]
    out: list[str] = []
    last = 0
    read: list[str] = []
    i = 0
    while i < len(matches):
        for size in range(min(_MAX_PHRASE, len(matches) - i), 0, -1):
            english = terms.arabic.get(tuple(folded[i : i + size]))
            if english is None and size == 1:
                english = terms.arabic.get((_unprefixed(folded[i]),))
            if english is not None and keep_names and size == 1 and _name_word(english):
                english, keep_names = None, False  # the first such word only
            if english is not None:
                english = english.split("|")[_sense(sense, flip, len(read))]
                out.append(text[last : matches[i].start()])
                out.append(f" {english} ")
                last = matches[i + size - 1].end()
                read.append(f"{text[matches[i].start() : last]}={english}")
                i += size
                break
        else:
            i += 1
    out.append(text[last:])
    return "".join(out), read


def _arabic_brand_kept(name: str, terms: Glossary, text: str) -> tuple[str | None, tuple[str, ...]]:
    """A name in Arabic script read with its brand's word kept as written, when the brand is
    a common noun ("شركة إعمار العقارية": company Emaar real estate, not reconstruction), and
    the words it reads; (None, ()) when that is the reading ``text`` already."""
    named, named_words = _read_arabic(name, terms, keep_names=True)
    named = " ".join(named.split())
    if not named_words or named == text:
        return None, ()
    return named, tuple(named_words)


def _name_word(english: str) -> bool:
    """Whether an Arabic-script word's English, in each of its senses, is a word of names, no
    place nor generic company word (reconstruction, light: a brand's word)."""
    return all(
        token_class(token, "organization") == "name" and token not in COMMON_WORDS
        for sense in english.split("|")
        for token in fold(sense).split()
    )


def _unprefixed(word: str) -> str:
    """A folded Arabic word without the one-letter preposition or conjunction written onto
    it (li-, bi-, wa-, fa-: "لمصر", for Egypt), when what is left is long enough to be a word;
    li- before the article is written لل, its alif dropped ("للمشاريع": for the projects,
    المشاريع); "" otherwise. Read only when the word as written is not in the glossary."""
    if word.startswith("لل") and len(word) - 2 >= _UNPREFIXED_MIN:
        return "ا" + word[1:]
    if word[:1] in _ONE_LETTER_PREFIXES and len(word) - 1 >= _UNPREFIXED_MIN:
        return word[1:]
    return ""
