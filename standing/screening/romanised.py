"""The common words of organisation names written in Latin letters as a romanisation of
Russian, Chinese, Japanese, Korean, Persian or Arabic, or in Turkish, the languages of Europe,
Indonesian and Malay or Vietnamese, read in English.

A name registered in another language is often given in Latin letters as that language's
words transliterated ("Neftyanaya Kompaniya Rosneft", "Zhongguo Hangkong Gongye Jituan",
"Mitsubishi Jukogyo Kabushiki Kaisha", "Hyundai Jungongeop", "Sherkat-e Melli-ye Naft-e
Iran"), while its English name translates them ("Rosneft Oil Company", "Aviation Industry
Corporation of China", "Mitsubishi Heavy Industries", "Hyundai Heavy Industries", "National
Iranian Oil Company"). `latin_reading` gives such a name with those words in English and the
others as written, for the matcher to compare as one more variant of the name, the way
`standing.screening.glossary` reads names written in Cyrillic, Arabic and Han script.

The words:

- **Russian** (and the other languages written in Cyrillic, whose words the glossary has:
  the Kazakh and Serbian letters are spelled as their Latin alphabets write them, қ q, ј j):
  the Cyrillic words and stems of `data/glossary.tsv`, spelled in Latin letters
  when the table is first used (so every word added there is read in Latin letters too), and a
  few rows of `data/romanised_words.tsv`. Both sides are compared after a fold that merges the
  differences of the common schemes (BGN/PCGN, GOST 7.79, ISO 9 without its diacritics, the
  scientific transliteration, the passports' ICAO scheme, German and French spellings): kh, h,
  ch, x, ts, tz, c, tch and tsch are one letter; zh, sh, sch, shch, shh, šč, z and s one; y, j
  and i one, and an i before a vowel is dropped (ya/ja/ia/a, yu/ju/iu/u, ye/je/e, yo/jo/e); w is
  v, ou is u; the soft and hard signs (' and ", or nothing) are dropped. Doubled consonants stay
  as written, as every scheme writes them ("obyedinyonnaya" united, "obyedineniye" association).
  So "Obyedinyonnaya", "Ob'edinennaya" and "Obedinennaja" are one word, and "Gasprom" and
  "Sowkomflot" fold as "Gazprom" and "Sovkomflot" do.
- **Chinese** (pinyin without tones; a word's syllables written together or apart),
  **Japanese** (Hepburn; ō, ou, oo and o alike), **Korean** (Revised Romanisation and
  McCune-Reischauer: eo/ŏ, eu/ŭ, g/k, d/t, b/p, j/ch, r/l alike; a word's syllables written
  together or apart, "Yonhap" or "Yon Hap"; a company's Latin initials written out as the
  letters' Korean names read back as the letters, `data/romanised_letter_names.tsv`: "Elji
  Dispeullei" LG Display, "Eseukei Tellekom" SK Telecom, beside another Korean word or a
  Korean legal form, or first before words of Revised Romanization syllables only: "Ssijei
  Jeiljedang" CJ CheilJedang) and **Persian and Arabic** (ezafe "-e"/"-ye", the
  article al-, "va"/"wa" (and) and "lil-" (for the) dropped): the rows of
  `data/romanised_words.tsv`, and for Chinese the company words of `data/pinyin_words.tsv`
  (the Han words of `cjk_senses.tsv` and `cjk_generic_words.tsv` under their CC-CEDICT pinyin,
  written by bench/make_cedict_words.py: "Xinxi" Information, "Zhengquan" Securities), after
  the hand-written rows and never where the spelling is a place the matcher knows ("Tianjin"),
  and the glossary's Chinese companies in pinyin ("Meiya Baike": Meiya Pico). A direction read
  as a Chinese name's trade name, its first word after a country or city, is also left as
  written in a third text (`Reading.kept`), the other words in their last sense: "Zhongguo
  Dongfang Dianqi Jituan" reads "china eastern electric group", and "china Dongfang electric
  corporation", as Dongfang Electric's English name keeps its pinyin.
  Its Chinese words are words of two or more syllables only: one toneless syllable is too many
  characters to read. A row written "^word" gives the word's
  English as the name's first word only: "Choson" is Korea at the head of a North Korean name,
  "Joseon" Shipbuilding after another word. The Arabic-script words of the glossary are not
  spelled in Latin letters the way the Cyrillic ones are: that script leaves the short vowels
  unwritten, so a word has no one Latin spelling to derive (شرکت is sherkat, shirkat or
  sharikat).
- **Turkish**: the `tr` rows of `data/romanised_words.tsv`, compared with and without the
  Turkish letters (ş/s, ç/c, ğ/g, ı/i, ö/o, ü/u; the dotless ı is a Latin letter, not another
  script), a word read with its plural and possessive endings too ("Bankası": bank;
  "Petrolleri": petroleum; "Hava Yolları": airlines), so "Türk Hava Yolları A.O." is read
  "turkish airlines" and "Türkiye İhracat Kredi Bankası" "turkey export credit bank".
- **The languages of Europe** (`eu`: Spanish and Portuguese, also of Latin America, Italian,
  German, Dutch, Polish, Czech and Slovak, Hungarian, Romanian, Serbo-Croatian and Slovene,
  Finnish and the Scandinavian languages, and Bulgarian, Ukrainian and Greek romanised),
  **Indonesian and Malay** (`id`) and **Vietnamese** (`vi`, its tone marks dropped, a word of
  two syllables written apart): their rows of `data/romanised_words.tsv`, common words only
  (a word's inflections by a stem, "polsk*": Polskie, Polska, Polskiego), the articles and
  prepositions beside a word read dropped ("Banco do Brasil", "Ferrovie dello Stato"). So
  "Polskie Koleje Państwowe" is read "polish railways state", "České dráhy" "czech railways"
  (a generic name: every word is read) and "Tập đoàn Dầu khí Việt Nam" "group oil and gas
  vietnam". When two languages read as many words, the one of a country the name names wins
  ("Bank Rakyat Indonesia": Indonesian, though Persian reads "bank" too).

A name is read in one language, the one whose words it has most of. The reading is offered
only when it is one: two or more words of the name are read, or one with a legal form of that
language (`data/romanised_legal_forms.tsv`: "OOO", "Kabushiki Kaisha", "Youxian Gongsi") or
with a place of a country of that language ("Foolad Mobarakeh Esfahan", Esfahan being in
Iran), and it keeps a word that identifies the organisation: a word not read that is neither
generic nor a place ("Rosneft"), or a place or a name when three or more words are read,
generic or places ("Sherkat-e Melli-ye Naft-e Iran": "company national oil Iran"; "Sanaye
Electronic Iran": "industries Electronic Iran"). A name whose every word is read as generic
words ("Neft Gaz": "oil gas"; "Bank Tejarat": "bank trading") is read too, and marked
(`Reading.generic`): the matcher meets it only with the same generic name and the entry's
country named ("Trade Bank of Iran"), not every oil and gas company. A word that is an English
word of the tables ("Central", "Group", "Systems") is never read as Russian, so an English name
is left as it is. People's names are never read this way (the caller offers it for
organisations, vessels and unknown kinds only).

A name with no such reading may still have the contracted word of a Soviet or Russian plant
(`contracted_reading`, `data/russian_contractions.tsv`): "Kurganmashzavod" is the Kurgan
Machine-Building Plant, its place, "mash-" and "-zavod" written as one word.

`joined_words_reading` writes out the words a brand contracts into one (`data/joined_words.tsv`):
"Exim" is Export-Import, with a prefix naming the country ("Roseximbank": Russian Export-Import
Bank; "KEXIM": Korea Export-Import), and a country's name or adjective joined to "air" is the
two words ("Syrianair": Syrian Air). It is offered as one more variant of the name, as the
readings are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Final, Literal

from rapidfuzz.distance import Levenshtein

from standing.screening import wordlists
from standing.screening.glossary import MOST_MIXED, Reading, glossary
from standing.screening.normalize import (
    BODY_KINDS,
    COMMON_WORDS,
    PLACE_COUNTRIES,
    fold,
    number_word,
    place_country,
    token_class,
)
from standing.screening.romanize import short_vowels, syllable_count, undouble

Language = Literal["ru", "zh", "ja", "ko", "fa", "tr", "eu", "id", "vi"]
#: The order a tie between languages is settled in.
LANGUAGES: Final[tuple[Language, ...]] = ("ru", "zh", "ja", "ko", "fa", "tr", "eu", "id", "vi")
#: A word in Latin letters, with the apostrophes and signs written inside or after it.
_WORD_RE: Final = re.compile(r"[^\W\d_]+(?:['’ʼʹʺ`´\"]+[^\W\d_]*)*")
#: Words of a phrase (a table row or a legal form) read together, at most.
_MAX_PHRASE: Final = 5
#: A Russian stem shorter than this (once folded) matches whole words only.
_MIN_STEM: Final = 4
_VOWELS: Final = frozenset("aeiou")

#: The Cyrillic letters in Latin letters (one scheme; the fold merges it with the others).
_CYRILLIC_LATIN: Final = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "yo",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "і": "i",
        "ї": "yi",
        "є": "ye",
        "ґ": "g",
        # Serbian, and Kazakh as its Latin alphabet writes it (Qazaqstan, Ulttyq)
        "ј": "j",
        "ћ": "c",
        "ђ": "dj",
        "љ": "lj",
        "њ": "nj",
        "џ": "dz",
        "қ": "q",
        "ғ": "g",
        "ұ": "u",
        "ү": "u",
        "ө": "o",
        "ә": "a",
        "ң": "ng",
        "һ": "h",
        "ў": "o",  # Uzbek, as its Latin alphabet writes it (O'zbekiston)
    }
)
#: Russian: the letter groups of the schemes, the longest first, each to one letter.
_RU_GROUPS: Final = re.compile(r"schtsch|shch|tsch|sch|shh|tch|zh|sh|kh|ch|cz|ts|tz|sc|ou")
_RU_GROUP_LETTER: Final = {
    "schtsch": "s",
    "shch": "s",
    "tsch": "h",
    "sch": "s",
    "shh": "s",
    "tch": "h",
    "zh": "s",
    "sh": "s",
    "kh": "h",
    "ch": "h",
    "cz": "h",
    "ts": "h",
    "tz": "h",
    "sc": "s",  # šč, the scientific щ
    "ou": "u",
}
_RU_LETTERS: Final = str.maketrans({"z": "s", "c": "h", "x": "h", "w": "v", "y": "i", "j": "i"})
_I_BEFORE_VOWEL_RE: Final = re.compile(r"i(?=[aeou])")
_NOT_LETTER_RE: Final = re.compile(r"[^a-z]+")
_I_RUN_RE: Final = re.compile(r"i+")
_OH_RE: Final = re.compile(r"oh(?![aeiou])")
_M_BEFORE_LABIAL_RE: Final = re.compile(r"m(?=[bmp])")
_FINAL_H_RE: Final = re.compile(r"(?<=[aeiou])h$")
_KO_LETTERS: Final = str.maketrans({"k": "g", "t": "d", "p": "b", "r": "l"})
#: Persian and Arabic: the ezafe, the article, "and" and "for the" ("lil-Naft"), dropped
#: from the reading.
_FA_PARTICLES: Final = frozenset({"e", "ye", "i", "yi", "al", "el", "ul", "va", "wa", "wal", "lil"})
#: The article or the ezafe written onto a word ("Masraf al-Rafidain", "Sherkat-e X"): with
#: it, one Persian or Arabic word read is enough to read the name.
_FA_MARKED_RE: Final = re.compile(
    r"(?i)(?<![^\W\d_])(?:[ae]l|lil)-[^\W\d_]|[^\W\d_]-(?:e|i|ye|yi)(?![^\W\d_])"
)
#: The countries whose places a name in each language names ("Foolad Mobarakeh Esfahan"):
#: such a place is evidence of the language as a word read is (see `_latin_reading`).
_LANGUAGE_COUNTRIES: Final[dict[Language, frozenset[str]]] = {
    "ru": frozenset({"ru", "by", "kz", "ua", "kg", "uz", "tj", "am", "az", "ge", "md"}),
    "zh": frozenset({"cn", "hk", "mo", "tw", "sg"}),
    "ja": frozenset({"jp"}),
    "ko": frozenset({"kr", "kp"}),
    # Persian (Iran, Afghanistan, Tajikistan) and Arabic (the Arab League's members)
    "fa": frozenset(
        {"ir", "af", "tj", "sy", "iq", "sa", "ae", "qa", "kw", "bh", "om", "ye", "jo", "lb"}
        | {"ps", "eg", "ly", "sd", "dz", "ma", "tn", "mr", "so", "dj", "km"}
    ),
    "tr": frozenset({"tr", "cy"}),
    # the languages of Europe in Latin letters, with Latin America's Spanish and Portuguese
    "eu": frozenset(
        {"es", "pt", "it", "sm", "va", "de", "at", "ch", "li", "lu", "nl", "be", "pl", "cz"}
        | {"sk", "hu", "ro", "md", "hr", "rs", "ba", "me", "mk", "si", "bg", "ua", "gr", "cy"}
        | {"fi", "se", "dk", "no", "is", "ee", "lv", "lt", "al", "xk", "ad", "mc", "mt"}
        | {"mx", "ar", "br", "cl", "co", "pe", "ve", "ec", "bo", "py", "uy", "cu", "do"}
        | {"gt", "hn", "sv", "ni", "cr", "pa", "pr", "ao", "mz", "cv", "gw", "st", "gq"}
    ),
    "id": frozenset({"id", "my", "bn", "sg"}),
    "vi": frozenset({"vn"}),
}
#: The languages whose table holds the common words of names only (no company's own name):
#: a name every word of which they read is a generic name, whatever the words' English.
_COMMON_ONLY: Final[frozenset[Language]] = frozenset({"eu", "id", "vi"})
#: The letters of the one word read that make a name's reading (see `_one_long_word`).
_LONE_LETTERS: Final = 6
#: ... for a Japanese word beside words of Japanese syllables only (`_HEPBURN_RE`)
_LONE_JAPANESE: Final = 4
#: Fewest letters of a stem that reads a lone word as a word of its language, not a surname
#: it may begin ("gosudarstvenn-": state; not "gorn-", mining, of Gornyakov).
_LONE_STEM: Final = 9
#: A word of Japanese syllables in Hepburn: consonant (with y), vowel; n; a doubled consonant
#: ("Mitsui", "Sumitomo", "Toppan", "Itochu")
_HEPBURN_RE: Final = re.compile(
    r"(?:(?:[kgnhbpmr]y|sh|ch|ts|j|f|[kgsztdnhbpmryw])?[aiueo]|n(?![aiueoy])|[kstp](?=[kstp]|ch))+"
)
#: A word of Revised Romanization syllables: an initial consonant or none, a vowel, a final
#: consonant or none ("Jeiljedang", "Innotek", "Mando"; not "Pharma", "Shoji", "Tsuburaya").
_REVISED_RE: Final = re.compile(
    r"(?:(?:kk|tt|pp|ss|jj|ch|[gndrmbsjktph])?"
    r"(?:yae|wae|yeo|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|[aeoui])(?:ng|[kntlmp])?)+"
)
#: Articles, prepositions and conjunctions of names in the languages of Europe, Indonesian and
#: Malay, and Vietnamese ("Banco do Brasil", "Ferrovie dello Stato", "Perusahaan Listrik dan
#: Gas"): dropped from the reading beside a word read.
_PARTICLES: Final[dict[Language, frozenset[str]]] = {
    "eu": frozenset(
        {"de", "del", "della", "dello", "delle", "degli", "dei", "di", "da", "do", "dos", "das"}
        | {"du", "der", "die", "des", "den", "dem", "van", "von", "het", "y", "e", "i", "el"}
        | {"la", "las", "los", "il", "lo", "le", "a", "al", "na", "za", "ze", "z", "w", "pro"}
        | {"per", "para", "und", "och", "og", "en", "tis", "tou", "ton", "kai", "fur", "fuer"}
        | {"zur", "zum", "im", "ao", "em", "no", "nos", "u", "az", "es", "ja", "ve", "voor"}
    ),
    "id": frozenset({"dan", "di", "ke", "untuk", "bagi"}),
    "vi": frozenset({"va"}),
}
#: Russian "and" and "for", written in lower case between two words read: dropped from the
#: reading.
_RU_AND: Final = frozenset({"i", "po"})
#: Turkish: the endings a noun of a name takes, the longest first: the plural and the
#: possessive of a compound ("Bankası", "Endüstrisi", "Petrolleri", "Yolları"), folded.
_TR_ENDINGS: Final = (
    "lerini",
    "larini",
    "leri",
    "lari",
    "ler",
    "lar",
    "si",
    "su",
    "ni",
    "nu",
    "i",
    "u",
)
#: The consonants a Turkish stem's last takes before a vowel (başkanlık: başkanlığı; kitap:
#: kitabı), as folded, and what it is at the end of the word.
_TR_SOFTENED: Final = {"g": "k", "b": "p", "d": "t", "c": "c"}
_TR_VOWELS: Final = frozenset("aeiou")
#: Letters NFKD leaves outside ASCII: the dotless i of Turkish ("Bankası"), and the letters of
#: other Latin alphabets that have no mark to drop (Polish ł, German ß, Danish ø and æ, the
#: Serbo-Croatian đ), in both cases ("Điện lực": electricity).
_PLAIN_LETTERS: Final = str.maketrans(
    {"ı": "i", "ł": "l", "ß": "ss", "ø": "o", "æ": "ae", "đ": "d", "œ": "oe", "þ": "th", "ð": "d"}
    | {"Ł": "L", "Ø": "O", "Æ": "AE", "Đ": "D", "Œ": "OE", "Þ": "TH", "Ð": "D"}
)
#: A McCune-Reischauer word's unaspirated initial consonant (no apostrophe after it), and the
#: Revised Romanization's letter for it.
_MR_INITIAL_RE: Final = re.compile(r"(Ch|K|T|P)(?=[aeiouwyŏŭ])")
_MR_REVISED: Final = {"ch": "J", "k": "G", "t": "D", "p": "B"}
#: A row of `romanised_words.tsv` read so only as the name's first word ("^joseon": Korea).
_NAME_START: Final = "^"


def plain(word: str) -> str:
    """Lower-case ASCII letters of a word: marks, apostrophes and signs dropped."""
    if word.isascii():
        return _NOT_LETTER_RE.sub("", word.lower())
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_PLAIN_LETTERS))
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def fold_russian(word: str) -> str:
    """One spelling of a Russian word in Latin letters, whatever the scheme (see above)."""
    return _russian(plain(word))


def fold_chinese(word: str) -> str:
    return _chinese(plain(word))


def fold_japanese(word: str) -> str:
    """Hepburn with its long vowels written any way (ō, ou, oo, oh, o; ū, uu, u) and n before
    b, m and p written m or n."""
    return _japanese(plain(word))


def fold_korean(word: str) -> str:
    """Revised Romanisation and McCune-Reischauer alike (eo/ŏ, eu/ŭ, g/k, d/t, b/p, j/ch,
    r/l, sh/s; doubled letters as one)."""
    return _korean(plain(word))


def fold_persian(word: str) -> str:
    """Persian and Arabic spellings alike (ee/i, ou/oo/u, w/v, y/i, a final h after a vowel,
    doubled letters as one)."""
    return _persian(plain(word))


def _russian(text: str) -> str:
    text = _RU_GROUPS.sub(lambda m: _RU_GROUP_LETTER[m.group(0)], text)
    text = _I_RUN_RE.sub("i", text.translate(_RU_LETTERS)).replace("io", "ie")
    return _I_BEFORE_VOWEL_RE.sub("", text)


def _chinese(text: str) -> str:
    return text.replace("v", "u")


def _japanese(text: str) -> str:
    text = _OH_RE.sub("o", text)
    text = text.replace("ou", "o").replace("oo", "o").replace("uu", "u")
    return _M_BEFORE_LABIAL_RE.sub("n", text)


def _korean(text: str) -> str:
    text = text.replace("eo", "o").replace("eu", "u")
    text = text.replace("ch", "j").replace("sh", "s").translate(_KO_LETTERS)
    return undouble(text)


def fold_turkish(word: str) -> str:
    """Turkish with and without its letters (ş/s, ç/c, ğ/g, ı/i, ö/o, ü/u, İ/I)."""
    return plain(word)


def _as_written(text: str) -> str:
    """The fold of the languages whose words are compared as `plain` writes them."""
    return text


def _persian(text: str) -> str:
    # the short vowels, which romanisations write e or i, o or u ("Sherkat", "Shirkat";
    # "Jomhuri", "Jumhuri")
    text = text.replace("ee", "i").replace("ou", "u").replace("oo", "u")
    text = text.replace("e", "i").replace("o", "u")
    text = _FINAL_H_RE.sub("", text.replace("w", "v").replace("y", "i"))
    return undouble(text)


#: Each language's fold of a word already `plain`.
_PLAIN_FOLDS: Final[dict[Language, Callable[[str], str]]] = {
    "ru": _russian,
    "zh": _chinese,
    "ja": _japanese,
    "ko": _korean,
    "fa": _persian,
    "tr": _as_written,
    "eu": _as_written,
    "id": _as_written,
    "vi": _as_written,
}


_FOLDS: Final[dict[Language, Callable[[str], str]]] = {
    "ru": fold_russian,
    "zh": fold_chinese,
    "ja": fold_japanese,
    "ko": fold_korean,
    "fa": fold_persian,
    "tr": fold_turkish,
    "eu": plain,
    "id": plain,
    "vi": plain,
}


@dataclass(frozen=True, slots=True)
class LatinWords:
    """One language's words in Latin letters, folded, with their English."""

    words: dict[str, str]  # a folded word, or the folded words of a phrase joined -> English
    # a folded stem -> (the stem's length before folding, English, whether the word must go
    # on with a vowel: the stem's last i was dropped, as the fold drops it before a vowel)
    stems: dict[str, list[tuple[int, str, bool]]]
    legal: frozenset[str]  # folded legal forms, their words joined
    initial: dict[str, str]  # a folded word -> its English as the name's first word ("^joseon")
    own: frozenset[str]  # the table's words as written, lower case (read even if English)
    starts: frozenset[str]  # the beginnings of the words and legal forms: where a phrase may go on
    stem_lengths: tuple[int, ...] = ()  # the lengths of the folded stems, the longest first


@dataclass(frozen=True, slots=True)
class LatinTables:
    languages: dict[Language, LatinWords]
    english: frozenset[str]  # the English words of the tables: never read


@cache
def tables() -> LatinTables:
    """The shipped tables: `romanised_words.tsv`, `romanised_legal_forms.tsv` and the Cyrillic
    words of `glossary.tsv` in Latin letters."""
    terms = glossary()
    return build_tables(
        wordlists.rows("romanised_words.tsv"),
        wordlists.rows("romanised_legal_forms.tsv"),
        terms.cyrillic_words,
        terms.cyrillic_stems,
        [*terms.arabic.values(), *wordlists.pairs("cjk_generic_words.tsv").values()],
        [(pinyin, english) for pinyin, english in wordlists.rows("pinyin_words.tsv")],
        [(reading, english) for reading, english in wordlists.rows("japanese_words.tsv")],
    )


def build_tables(
    rows: list[tuple[str, ...]],
    legal_rows: list[tuple[str, ...]],
    cyrillic_words: dict[str, str],
    cyrillic_stems: dict[str, str],
    other_english: list[str],
    pinyin: Sequence[tuple[str, str]] = (),
    japanese: Sequence[tuple[str, str]] = (),
) -> LatinTables:
    words: dict[Language, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    stems: dict[Language, dict[str, list[tuple[int, str, bool]]]] = {lang: {} for lang in LANGUAGES}
    own: dict[Language, set[str]] = {lang: set() for lang in LANGUAGES}
    initial: dict[Language, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    english: set[str] = set(other_english)
    ru = _FOLDS["ru"]
    for word, gloss in cyrillic_words.items():
        key = ru(word.translate(_CYRILLIC_LATIN))
        if len(key) >= 3:
            words["ru"].setdefault(key, gloss)
        english.add(gloss)
    for stem, gloss in cyrillic_stems.items():
        _add_stem(stems["ru"], ru(stem.translate(_CYRILLIC_LATIN)), len(stem), gloss)
        english.add(gloss)
    for number, row in enumerate(rows, 1):
        if len(row) != 3 or row[0] not in _FOLDS or not row[1]:
            raise ValueError(f"romanised_words row {number}: expected language, word, English")
        lang: Language = row[0]
        latin, gloss = row[1], row[2]
        english.update(gloss.split("|"))
        if latin.endswith("*"):
            _add_stem(stems[lang], _FOLDS[lang](latin[:-1]), len(latin) - 1, gloss)
        elif latin.startswith(_NAME_START):
            latin = latin[len(_NAME_START) :]
            initial[lang][_phrase_key(lang, latin.split())] = gloss
        else:
            words[lang][_phrase_key(lang, latin.split())] = gloss
        own[lang].update(latin.rstrip("*").lower().split())
    # the Chinese company words of `pinyin_words.tsv` and the Japanese of `japanese_words.tsv`:
    # after the hand-written rows, and never a place the matcher knows (a word spelled
    # "Tianjin" would be the city)
    generated: tuple[tuple[Language, Sequence[tuple[str, str]]], ...] = (
        ("zh", pinyin),
        ("ja", japanese),
    )
    for lang, given in generated:
        for latin, gloss in given:
            key = _phrase_key(lang, latin.split())
            if key in words[lang] or token_class(key, "organization") == "place":
                continue
            words[lang][key] = gloss
            english.update(gloss.split("|"))
    legal: dict[Language, set[str]] = {lang: set() for lang in LANGUAGES}
    for number, row in enumerate(legal_rows, 1):
        if len(row) != 2 or row[0] not in _FOLDS or not row[1]:
            raise ValueError(f"romanised_legal_forms row {number}: expected language, form")
        legal[row[0]].add(_phrase_key(row[0], row[1].split()))
    plain_english: set[str] = set()
    for gloss in english:
        for token in gloss.lower().split():
            plain_english.update({token, token + "s", token.removesuffix("s")})
            if token.endswith("ies"):
                plain_english.add(token[:-3] + "y")
    return LatinTables(
        {
            lang: LatinWords(
                words[lang],
                stems[lang],
                frozenset(legal[lang]),
                initial[lang],
                frozenset(own[lang]),
                frozenset(
                    k[:n] for k in (*words[lang], *legal[lang]) for n in range(1, len(k) + 1)
                ),
                tuple(sorted({len(stem) for stem in stems[lang]}, reverse=True)),
            )
            for lang in LANGUAGES
        },
        frozenset(plain_english),
    )


def _add_stem(
    stems: dict[str, list[tuple[int, str, bool]]], key: str, length: int, gloss: str
) -> None:
    vowel_next = key.endswith("i")
    if vowel_next:
        key = key[:-1]
    if len(key) >= _MIN_STEM:
        stems.setdefault(key, []).append((length, gloss, vowel_next))


def _phrase_key(lang: Language, words: list[str]) -> str:
    return "".join(_FOLDS[lang](w) for w in words)


#: The fewest letters of a name left before a company word split off a Hepburn word, and of
#: the company word itself.
_SPLIT_NAME_MIN: Final = 3
#: Columns of `japanese_names.tsv` (name, English, reading), and the fewest letters of a
#: reading looked up whole (shorter ones are many names' words).
_JAPANESE_NAME_FIELDS: Final = 3
_JAPANESE_READING_MIN: Final = 6
_SPLIT_WORD_MIN: Final = 4


@lru_cache(maxsize=50_000)
def split_japanese(reading: str) -> str:
    """A Japanese name in Hepburn with each word that ends in a Japanese company word of
    `romanised_words.tsv` cut before it ("tobutetsudo" -> "tobu tetsudo", "daiwashoken" ->
    "daiwa shoken"), as a reading of kanji joins a name's words; the longest such word, after
    three letters or more of the name. A word that is itself one of the table's is kept."""
    table = tables().languages["ja"]
    fold = _FOLDS["ja"]
    out: list[str] = []
    for word in reading.split():
        if not word.isalpha() or fold(word) in table.words:
            out.append(word)
            continue
        for cut in range(_SPLIT_NAME_MIN, len(word) - _SPLIT_WORD_MIN + 1):
            if fold(word[cut:]) in table.words:
                out.extend((word[:cut], word[cut:]))
                break
        else:
            out.append(word)
    return " ".join(out)


def latin_reading(name: str) -> Reading | None:
    """``name``, written in Latin letters, with its romanised common words in English, and the
    words read ("Neftyanaya=oil"); None when it is no such name or the reading does not
    identify the organisation (see the module's doc)."""
    if not name.isascii() and _has_other_script(name):
        return None
    found = _latin_reading(name)
    if found is None or _read_whole(name, found):
        # a Japanese name whose every word is a common word may be an organisation JMnedict
        # knows by its name in English ("Nippon Denki KK", Japan Electric: NEC)
        found = japanese_company_reading(name) or found
    elif whole := _japanese_companies().get(_company_key("".join(_WORD_RE.findall(name)))):
        # a name read in Japanese that is an organisation JMnedict knows whole, read so too
        # ("Mitsubishi Shoji", Mitsubishi Trading: the Mitsubishi Corporation)
        english = whole.split("|")[0]
        if english not in (text for text, _ in found.variants):
            found = replace(found, mixed=(*found.mixed, (english, (f"{name}={english}",))))
    return found or contracted_reading(name)


def _read_whole(name: str, found: Reading) -> bool:
    """Whether a reading read every word of the name but its Japanese legal forms (none is
    a name kept as written: "Nippon Denki KK", not "Mitsubishi Jukogyo KK")."""
    legal = {word for form in _japanese_forms() for word in form}
    read = {plain(part) for word in found.words for part in word.split("=")[0].split()}
    return all(word in read for word in map(plain, _WORD_RE.findall(name)) if word not in legal)


@cache
def _japanese_forms() -> tuple[tuple[str, ...], ...]:
    """The Japanese legal forms of `romanised_legal_forms.tsv`, as words, the longest first."""
    rows = wordlists.rows("romanised_legal_forms.tsv")
    forms = {tuple(form.split()) for lang, form in rows if lang == "ja"}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


@cache
def _japanese_companies() -> dict[str, str]:
    """The organisations of `japanese_names.tsv` (JMnedict) by their reading in Hepburn,
    written as one word and folded ("nippondenki": NEC|Nippon Electric Company); a reading
    two organisations share is left out."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for row in wordlists.rows("japanese_names.tsv"):
        if len(row) != _JAPANESE_NAME_FIELDS or len(row[2]) < _JAPANESE_READING_MIN:
            continue
        key = _company_key(row[2])
        if out.setdefault(key, row[1]) != row[1]:
            shared.add(key)
    for key in shared:
        del out[key]
    return out


def _company_key(reading: str) -> str:
    """A Japanese organisation's reading in Hepburn as one word, folded, with Japan written
    one way (日本: Nippon or Nihon)."""
    return fold_japanese(reading).replace("nippon", "nihon")


@lru_cache(maxsize=50_000)
def japanese_company_reading(name: str) -> Reading | None:
    """A Japanese organisation's name in Hepburn with a Japanese legal form, whose other
    words are the reading of an organisation of `japanese_names.tsv`, with that organisation's
    English name in their place ("Nippon Denki Kabushiki Kaisha": NEC Kabushiki Kaisha, or
    Nippon Electric Company Kabushiki Kaisha; "Nihon Koku KK": Japan Air Lines KK). None for
    any other name: without its legal form a romanised name may be any language's."""
    words: list[str] = _WORD_RE.findall(name)
    folded = [plain(w) for w in words]
    for form in _japanese_forms():
        size = len(form)
        for at in (0, len(folded) - size):
            if at < 0 or tuple(folded[at : at + size]) != form:
                continue
            rest = folded[size:] if at == 0 else folded[:at]
            english = _japanese_companies().get(_company_key("".join(rest))) if rest else None
            if english is None:
                continue
            kept = " ".join(words[at : at + size])
            names = english.split("|")
            read = " ".join(words[size:] if at == 0 else words[:at])
            texts = [f"{kept} {n}" if at == 0 else f"{n} {kept}" for n in names]
            return Reading(
                texts[0],
                (f"{read}={names[0]}",),
                texts[-1] if len(texts) > 1 else None,
                (f"{read}={names[-1]}",) if len(texts) > 1 else (),
            )
    return None


@lru_cache(maxsize=50_000)
def _latin_reading(name: str) -> Reading | None:
    words: list[str] = _WORD_RE.findall(name)
    if len(words) < 2:
        return None
    infos = [_word_info(w) for w in words]
    known = tables()
    best: (
        tuple[tuple[int, bool, bool], Language, list[tuple[int, int, str]], list[tuple[int, int]]]
        | None
    ) = None
    for at, lang in enumerate(LANGUAGES):
        table = known.languages[lang]
        starts = table.starts
        previous: str | None = None  # the word before, when a phrase may start with it
        for info in infos:
            key, gloss, start = info[at]
            if gloss is not None or (previous is not None and previous + key in starts):
                break
            previous = key if start else None
        else:
            if infos[0][at][0] not in table.initial:
                continue  # no word of this language (most names: at once)
        keys = [info[at][0] for info in infos]
        glosses = [info[at][1] for info in infos]
        if keys[0] in table.initial:
            glosses[0] = table.initial[keys[0]]
        reads, legal = _spans(keys, glosses, table)
        count = sum(end - start for start, end, _ in reads)
        # initials written out in Korean do not choose the language ("Eli", "Ali" parse as
        # letters too): the name needs another Korean word, or a Korean legal form
        spelled = _spelled_letters(words, reads) if lang == "ko" else 0
        if count == spelled and not (spelled and (legal or _initials_first(words, reads))):
            continue
        count -= spelled
        # a tie goes to the language whose legal form the name has ("Construcciones del
        # Puerto S.A.": Spanish, though Russian reads "del"), then to that of a country the
        # name names ("Bank Rakyat Indonesia": Indonesian, though Persian reads "bank" too)
        spanned = {i for start, end, _ in reads for i in range(start, end)}
        rank = (
            count,
            bool(legal),
            _home_place(words, spanned, lang) or _reads_home(reads, lang),
        )
        if best is None or rank > best[0]:
            best = (rank, lang, reads, legal)
    if best is None:
        return None
    _, lang, reads, legal = best
    count = sum(end - start for start, end, _ in reads)
    spelled = _spelled_letters(words, reads) if lang == "ko" else 0
    taken = {i for start, end, _ in reads for i in range(start, end)}
    taken.update(i for start, end in legal for i in range(start, end))
    if lang == "fa":
        particles = {i for i, w in enumerate(words) if plain(w) in _FA_PARTICLES} - taken
    elif lang == "ru":
        # "i" (and) between two words read ("Institut Khimii i Mekhaniki"), not a Roman
        # numeral one, and "po" (for, of) in lower case ("Korporatsiya po Atomnoy Energii")
        particles = {
            i for i, w in enumerate(words) if w in _RU_AND and i - 1 in taken and i + 1 in taken
        }
    elif lang in _PARTICLES:
        # beside a word read ("Banco do Brasil", "Caile Ferate Romane")
        particles = {
            i
            for i, w in enumerate(words)
            if plain(w) in _PARTICLES[lang] and (i - 1 in taken or i + 1 in taken)
        } - taken
    else:
        particles = set()
    if (
        count < 2
        and not legal
        and not (spelled and _initials_first(words, reads))
        and not _home_place(words, taken | particles, lang)
        and not (lang == "fa" and _FA_MARKED_RE.search(name))
        and not ("," not in name and _one_long_word(words, reads, lang))
    ):
        return None
    generic = False
    # a company's initials identify it ("Elji Dispeullei": LG Display)
    if not spelled and not _identifies(words, taken | particles, reads, lang, bool(legal)):
        generic = _generic_whole(words, taken | particles, reads, lang in _COMMON_ONLY)
        if not generic:
            return None
    # a reading that changes no word changes nothing, unless it drops the Persian ezafe
    # written onto words the English name writes alike ("Bank-e Saderat-e Iran")
    if not any(
        gloss.split("|")[0].lower() != " ".join(words[start:end]).lower()
        for start, end, gloss in reads
    ) and not (lang == "fa" and particles):
        return None
    # a Korean name's words not read: as the Revised Romanization writes them in the first
    # reading, as written in the alternate (the two readings give both spellings)
    forms = {i for start, end in legal for i in range(start, end)}
    hepburn = lang == "ja"
    text, read = _written(name, reads, particles, 0, forms if lang == "ko" else None, hepburn)
    alternate, alternate_read = _written(name, reads, particles, -1, hepburn=hepburn)
    kept: str | None = None
    kept_read: tuple[str, ...] = ()
    trade = _trade_name(words, reads) if lang == "zh" else None
    if trade is not None:
        # with the other words' last senses, as the alternate ("Jituan": corporation)
        kept, kept_read = _written(name, [r for r in reads if r != trade], particles, -1)
        if kept in (text, alternate):
            kept, kept_read = None, ()
    elif lang == "ru" and (compounds := _compounds(words, reads)):
        # the words made of a stem and another root kept as written ("Oboronprom")
        kept, kept_read = _written(name, [r for r in reads if r not in compounds], particles, 0)
        if kept in (text, alternate):
            kept, kept_read = None, ()
    elif lang == "ru" and (brand := _brand_last(words, reads)) is not None:
        # the last word, a common word a brand is made of, kept as written after the words
        # that say what the body is ("Nauchno-Proizvodstvennoye Obyedineniye
        # Mashinostroyeniya": NPO Mashinostroyeniya)
        kept, kept_read = _written(name, [r for r in reads if r != brand], particles, 0)
        if kept in (text, alternate):
            kept, kept_read = None, ()
    home = _LANGUAGE_COUNTRIES[lang] if generic else frozenset()
    if alternate == text:
        return Reading(text, read, generic=generic, kept=kept, kept_words=kept_read, home=home)
    mixed = _mixed(name, reads, particles, {text, alternate, kept})
    return Reading(text, read, alternate, alternate_read, generic, kept, kept_read, home, mixed)


#: Fewest words read before a Russian name's last word for that word to be its brand.
_BRAND_AFTER: Final = 3


def _brand_last(words: list[str], reads: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The reading of a Russian name's last word when it is one word read after
    `_BRAND_AFTER` words or more that are read too, every word of the name read: the brand
    a registered name puts after what the body is, often a common word ("Zvezda", "Molot",
    "Mashinostroyeniya"); None otherwise."""
    if not reads or len(words) < _BRAND_AFTER + 1:
        return None
    last = reads[-1]
    start, end, _ = last
    if end != len(words) or end - start != 1:
        return None
    if sum(e - s for s, e, _ in reads) != len(words):
        return None
    if plain(words[-1]).endswith(_ADJECTIVE_ENDINGS):
        return None  # an adjective ("Oboronnaya", defence) is read, not a brand
    return last


#: Endings of Russian adjectives in Latin letters (-ая, -ое, -ый, -ий, -ой, -ого, -ых, -ые).
_ADJECTIVE_ENDINGS: Final = (
    *("aya", "aja", "oye", "oe", "yy", "iy", "ij", "yj", "yi", "ii"),
    *("ogo", "oy", "ykh", "ikh", "yye"),
)


def _compounds(words: list[str], reads: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words of a Russian name read through a stem that is less than `_COMPOUND_SHARE` of
    the word, `_COMPOUND_REST` letters or more left: a contracted name of two roots
    ("Oboronprom", defence and industry: United Industrial Corporation Oboronprom), which an
    English name keeps as written, not an inflected word ("Oboronnaya")."""
    table = tables().languages["ru"]
    out = []
    for span in reads:
        start, end, _ = span
        if end != start + 1:
            continue
        key = _PLAIN_FOLDS["ru"](plain(words[start]))
        if key in table.words:
            continue
        stem = _stem_length(table, key)
        if (
            stem
            and len(key) - stem >= _COMPOUND_REST
            and stem < _COMPOUND_SHARE * len(key)
            and not _RU_ENDING_RE.match(key, stem)
        ):
            out.append(span)
    return out


#: What follows a stem in an inflected or derived Russian word, folded ("-ovaya", "-naya",
#: "-skiy", "-stvo"): a vowel, after one of these consonants or none.
_RU_ENDING_RE: Final = re.compile(r"(?:n|nn|sk|stv|h)?[aeiou]")


#: A stem shorter than this share of a word, with this many letters or more after it, reads
#: a compound (see `_compounds`).
_COMPOUND_SHARE: Final = 0.7
_COMPOUND_REST: Final = 4


def _stem_length(table: LatinWords, key: str) -> int:
    """The length of the stem `_read_key` reads a folded word through; 0 when none."""
    found = _stem_match(table, key)
    return 0 if found is None else found[0]


def _mixed(
    name: str,
    reads: list[tuple[int, int, str]],
    particles: set[int],
    seen: set[str | None],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The texts of ``name`` with one word read in its second sense and the others in their
    first, when two to `MOST_MIXED` words have a second sense, and the words each reads;
    not those among ``seen``."""
    ambiguous = [k for k, (_, _, gloss) in enumerate(reads) if "|" in gloss]
    if not 2 <= len(ambiguous) <= MOST_MIXED:
        return ()
    out: list[tuple[str, tuple[str, ...]]] = []
    for k in ambiguous:
        start, end, gloss = reads[k]
        flipped = [*reads[:k], (start, end, gloss.split("|")[-1]), *reads[k + 1 :]]
        text, read = _written(name, flipped, particles, 0)
        if text not in seen:
            seen.add(text)
            out.append((text, read))
    return tuple(out)


def _one_long_word(words: list[str], reads: list[tuple[int, int, str]], lang: Language) -> bool:
    """Whether the one word read of a name of two words or more is a word of a language of
    Asia or of Russian, of `_LONE_LETTERS` letters or more, that is no English word: enough to
    read it ("Samseong Jeonja": Samseong electronics; "Gazprom Dobycha Yamburg": Gazprom
    production Yamburg; five in pinyin, whose words have two syllables or more: "Fudan
    Daxue"), where a short word could be a name's own ("Bank", "Sanat"); not a
    place, nor a word read as itself spelled otherwise ("Penzensky": of Penza; "Aselsan
    Elektronik"), which says where a body is or is compared as written already; and a word
    of the table as it stands, or one a long stem of it starts ("Gosudarstvennaya Duma"), not
    one a short stem starts (a surname: "Gornyakov", of горн-, mining). Not in a name written
    "Surname, Given names" (the caller's)."""
    if lang in _COMMON_ONLY or len(words) < 2 or len(reads) != 1:
        return False
    start, end, gloss = reads[0]
    word = plain(words[start])
    least = _LONE_LETTERS - 1 if lang == "zh" else _LONE_LETTERS
    if lang == "ja" and all(
        _HEPBURN_RE.fullmatch(plain(w)) for i, w in enumerate(words) if i != start
    ):
        # a Japanese word beside words of Japanese syllables only ("Mizuho Ginko": Mizuho
        # bank; "Yokohama Gomu")
        least = _LONE_JAPANESE
    table = tables().languages[lang]
    folded = _PLAIN_FOLDS[lang](word)
    return (
        end == start + 1
        and len(word) >= least
        and (folded in table.words or _stem_length(table, folded) >= _LONE_STEM)
        and word not in COMMON_WORDS
        and not any(_place(sense) or _spelled_alike(word, sense) for sense in gloss.split("|"))
    )


def _spelled_alike(word: str, sense: str) -> bool:
    """Whether a word and its English are one word spelled otherwise: a place's adjective
    ("penzensky": Penza) or a loanword ("elektronik": electronics)."""
    english = fold(sense).replace(" ", "")
    return english[:4] == word[:4] or Levenshtein.normalized_similarity(word, english) >= 0.7


def _trade_name(words: list[str], reads: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The word of a Chinese name read that a third text leaves in pinyin: its first word
    after the places it starts with (a country or city: "Zhongguo", "Shanghai"), one word
    read as a direction ("Dongfang", eastern: "Zhongguo Dongfang Dianqi Jituan" is Dongfang
    Electric), as `standing.screening.glossary.read_han` keeps 东方 in pinyin; None when
    there is none."""
    spans = {start: (start, end, gloss) for start, end, gloss in reads}
    for i, word in enumerate(words):
        span = spans.get(i)
        senses = span[2].split("|") if span else [word]
        if all(_place(sense, country=True) for sense in senses):
            continue
        if span and span[1] == i + 1 and any(_place(sense) for sense in senses):
            return span
        return None
    return None


def _place(text: str, country: bool = False) -> bool:
    """Whether ``text`` is a place (its words all places), with ``country`` one whose country
    is known (China, Shanghai; not "eastern")."""
    tokens = fold(text).split()
    return (
        bool(tokens)
        and all(token_class(t, "organization") == "place" for t in tokens)
        and (
            not country
            or place_country(" ".join(tokens)) is not None
            or any(place_country(t) for t in tokens)
        )
    )


def _written(
    name: str,
    reads: list[tuple[int, int, str]],
    particles: set[int],
    sense: int,
    revised: set[int] | None = None,
    hepburn: bool = False,
) -> tuple[str, tuple[str, ...]]:
    """``name`` with the words read in English, each in its first sense (``sense`` 0) or its
    last ("Shiyou": Petroleum, or Oil), particles dropped; and the words read. ``revised`` (the
    words of the legal forms, left as written) writes the other Korean words not read with
    the initial consonant of the Revised Romanization where McCune-Reischauer writes it
    otherwise (an unaspirated k, t, p or ch: "Choson Taesong Unhaeng", the name on the OFAC
    list, is Korea Daesong Bank in English). ``hepburn``: the Japanese words not read, with
    their long vowels written short ("Toukyou Denryoku": Tokyo Electric Power)."""
    matches = list(_WORD_RE.finditer(name))
    pieces: list[str] = []
    last = 0
    read: list[str] = []
    replaced = {start: (end, gloss.split("|")[sense]) for start, end, gloss in reads}
    i = 0
    while i < len(matches):
        if i in replaced:
            end, gloss = replaced[i]
            pieces.append(name[last : matches[i].start()])
            pieces.append(f" {gloss} ")
            last = matches[end - 1].end()
            read.append(f"{name[matches[i].start() : last]}={gloss}")
            i = end
            continue
        if i in particles:
            pieces.append(name[last : matches[i].start()].rstrip("-"))
            pieces.append(" ")
            last = matches[i].end()
        elif (
            revised is not None
            and i not in revised
            and (initial := _MR_INITIAL_RE.match(matches[i].group(0)))
        ):
            pieces.append(name[last : matches[i].start()])
            pieces.append(_MR_REVISED[initial.group(1).lower()])
            last = matches[i].start() + len(initial.group(1))
        elif (
            hepburn
            and _HEPBURN_RE.fullmatch(word := matches[i].group(0).lower())
            and (short := short_vowels(word)) != word
        ):
            pieces.append(name[last : matches[i].start()])
            pieces.append(short.capitalize() if matches[i].group(0)[0].isupper() else short)
            last = matches[i].end()
        i += 1
    pieces.append(name[last:])
    text = " ".join("".join(pieces).replace(" -", " ").replace("- ", " ").split())
    return text, tuple(read)


def _has_other_script(name: str) -> bool:
    for ch in name.translate(_PLAIN_LETTERS):
        if ch.isalpha() and not ch.isascii():
            base = unicodedata.normalize("NFKD", ch)[0]
            if not base.isascii():
                return True
    return False


def _spans(
    keys: list[str], glosses: list[str | None], table: LatinWords
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The words read in one language (start, end, English) and its legal forms, from the
    words' folded ``keys`` and their own English."""
    reads: list[tuple[int, int, str]] = []
    legal: list[tuple[int, int]] = []
    i = 0
    while i < len(keys):
        if i + 1 < len(keys) and keys[i] + keys[i + 1] in table.starts:
            for size in range(min(_MAX_PHRASE, len(keys) - i), 1, -1):
                key = "".join(keys[i : i + size])
                if key in table.legal:
                    legal.append((i, i + size))
                    break
                # a phrase of words starts and ends with a word, not a letter ("N.A. M.A." is
                # no "amma", "Puerto S.A." no "puertos"); a legal form may ("K.K.")
                if key in table.words and len(keys[i]) > 1 and len(keys[i + size - 1]) > 1:
                    reads.append((i, i + size, table.words[key]))
                    break
            else:
                size = 0
            if size:
                i += size
                continue
        if keys[i] in table.legal:
            legal.append((i, i + 1))
        elif (gloss := glosses[i]) is not None:
            reads.append((i, i + 1, gloss))
        i += 1
    return reads, legal


@lru_cache(maxsize=200_000)
def _word_info(word: str) -> tuple[tuple[str, str | None, bool], ...]:
    """Per language (in `LANGUAGES`' order): the word folded, its English or None, and whether
    a word or legal form of the language starts with it (a phrase may). An
    English word of the tables is read only where the language's own table lists it (Persian
    "bank")."""
    known = tables()
    letters = plain(word)
    english: bool | None = None
    out: list[tuple[str, str | None, bool]] = []
    for lang in LANGUAGES:
        key = _PLAIN_FOLDS[lang](letters)
        table = known.languages[lang]
        gloss = _read_key(table, key)
        if gloss is None and lang == "tr":
            gloss = _turkish_ending(table, key)
        elif gloss is None and lang == "ko":
            gloss = korean_letters(letters)
        elif gloss is None and lang == "fa" and len(key) > _LEAST_EZAFE_STEM and key[-1] == "i":
            # the ezafe written onto the word without its hyphen ("Sazmane Sanaye Defa",
            # "Sherkate Melli"; e and i fold alike)
            gloss = _read_key(table, key[:-1])
        if gloss is not None and letters not in table.own:
            if english is None:
                english = _english(letters, known.english)
            if english:
                gloss = None
        out.append((key, gloss, key in table.starts))
    return tuple(out)


#: Fewest letters of a Persian word read without the ezafe written onto it ("Sazmane").
_LEAST_EZAFE_STEM: Final = 4
#: Latin letters' names in Korean, in Revised Romanization (`data/romanised_letter_names.tsv`).
_KOREAN_LETTER_NAMES: Final[dict[str, str]] = wordlists.pairs("romanised_letter_names.tsv")
_KOREAN_LETTER_NAME_MAX: Final = max(map(len, _KOREAN_LETTER_NAMES))
#: Fewest letters a word of letters' names spells: one alone is a syllable ("i", "o", "ai").
_FEWEST_LETTERS: Final = 2
#: Fewest letters of a name's first word read as initials when no other word is Korean.
_LEAST_INITIALS_WORD: Final = 4


def english_senses(word: str) -> tuple[str, ...]:
    """The English senses any language's table reads one word in ("iletisim": communication,
    communications); none for a word no table reads."""
    return tuple(
        sense for _, gloss, _ in _word_info(word) if gloss is not None for sense in gloss.split("|")
    )


@lru_cache(maxsize=50_000)
def korean_letters(word: str) -> str | None:
    """A word in Revised Romanization (lower-case ASCII letters) that is wholly a run of two
    or more Latin letters' Korean names, as those letters: "elji" LG, "eseukei" SK, "eleseu"
    LS; None for any other word."""
    reach: dict[int, str] = {0: ""}
    for pos in range(len(word)):
        spelled = reach.get(pos)
        if spelled is None:
            continue
        for size in range(1, min(_KOREAN_LETTER_NAME_MAX, len(word) - pos) + 1):
            letter = _KOREAN_LETTER_NAMES.get(word[pos : pos + size])
            if letter is not None:
                reach.setdefault(pos + size, spelled + letter)
    found = reach.get(len(word), "")
    return found.upper() if len(found) >= _FEWEST_LETTERS else None


def _spelled_letters(words: list[str], reads: list[tuple[int, int, str]]) -> int:
    """How many of the words read are initials written out in Korean."""
    return sum(
        1
        for start, end, gloss in reads
        if end - start == 1 and gloss == korean_letters(plain(words[start]))
    )


def _initials_first(words: list[str], reads: list[tuple[int, int, str]]) -> bool:
    """Whether a name is initials written out in Korean followed by its other words, each
    of Revised Romanization syllables ("Ssijei Jeiljedang": CJ CheilJedang; "Jieseu
    Kalteckseu": GS Caltex), of four letters or more ("Eli", "Ali" are names of their own)."""
    first = plain(words[0])
    return (
        len(words) >= _FEWEST_LETTERS
        and len(first) >= _LEAST_INITIALS_WORD
        and bool(reads)
        and reads[0][:2] == (0, 1)
        and reads[0][2] == korean_letters(first)
        and all(_REVISED_RE.fullmatch(plain(word)) for word in words[1:])
    )


def _read_key(table: LatinWords, key: str) -> str | None:
    """A folded word's English: the table's word, or its longest stem the word starts with."""
    found = table.words.get(key)
    if found is not None or not table.stems:
        return found
    stem = _stem_match(table, key)
    return None if stem is None else stem[1]


def _stem_match(table: LatinWords, key: str) -> tuple[int, str] | None:
    """The longest stem a folded word starts with (a stem that needs a vowel after it, only
    before one) and its English, that of the longest word it was written for; None when
    none."""
    for end in table.stem_lengths:
        if end > len(key):
            continue
        candidates = table.stems.get(key[:end])
        if not candidates:
            continue
        vowel_next = end == len(key) or key[end] in _VOWELS
        fits = [c for c in candidates if vowel_next or not c[2]]
        if fits:
            return end, max(fits, key=lambda c: c[0])[1]
    return None


def _turkish_ending(table: LatinWords, key: str) -> str | None:
    """A Turkish word's English through its plural or possessive ending ("bankasi": the
    table's "banka"; "petrolleri": "petrol")."""
    for ending in _TR_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            for stem in _turkish_stems(key[: -len(ending)]):
                found = table.words.get(stem)
                if found is not None:
                    return found
    return None


def _turkish_stems(stem: str) -> tuple[str, ...]:
    """A Turkish stem as the ending left it, with its last consonant as the bare word writes
    it ("baskanlig": "baskanlik"), and with the vowel a word drops before a vowel ending
    ("vakf": "vakif", vakıf: vakfı)."""
    out = [stem]
    if stem[-1] in _TR_SOFTENED:
        out.append(stem[:-1] + _TR_SOFTENED[stem[-1]])
    if len(stem) >= 4 and stem[-1] not in _TR_VOWELS and stem[-2] not in _TR_VOWELS:
        out.extend(stem[:-1] + vowel + stem[-1] for vowel in "iu")
    return tuple(out)


#: Endings of English words made from another ("institut-ion", "region-al").
_ENGLISH_ENDINGS: Final = ("ions", "ion", "ical", "ic", "al", "ing", "ed", "es", "s", "y")


def _english(word: str, english: frozenset[str]) -> bool:
    """Whether a word is an English word of the tables or one made from it ("Institution"
    from "institute", "Systems"), and so not a romanised word."""
    if word in english:
        return True
    for ending in _ENGLISH_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            base = word[: -len(ending)]
            if base in english or base + "e" in english:
                return True
    return False


def _home_place(words: list[str], taken: set[int], lang: Language) -> bool:
    """Whether a word not read is a place of a country whose language the name is read in
    ("Esfahan" in "Foolad Mobarakeh Esfahan", "Iran" in "Sanaye Electronic Iran"): with it,
    one word read is enough to read the name."""
    countries = _LANGUAGE_COUNTRIES[lang]
    return any(
        token_class(token, "organization") == "place" and place_country(token) in countries
        for i, word in enumerate(words)
        if i not in taken
        for token in fold(word).split()
    )


def _reads_home(reads: list[tuple[int, int, str]], lang: Language) -> bool:
    """Whether a word read is a country of the language, or a place in one ("Srbije": Serbia,
    read so in the languages of Europe and in Russian alike)."""
    countries = _LANGUAGE_COUNTRIES[lang]
    return any(
        place_country(token) in countries
        for _, _, gloss in reads
        for token in fold(gloss.split("|")[0]).split()
    )


def _generic_whole(
    words: list[str], taken: set[int], reads: list[tuple[int, int, str]], common: bool = False
) -> bool:
    """Whether every word of the name is read, two or more, each as generic words ("Bank
    Tejarat": "bank trading"), or is a place ("Daneshgah-e Tehran": university, Tehran): a
    generic name translated whole, which the matcher meets only
    with the same generic name and the entry's own country ("Trade Bank of Iran"). With
    ``common`` (a language whose table has common words only), a word read is generic
    whatever its English ("České dráhy": Czech railways)."""
    # each word read by one of its senses: "Nippon|Japan" by Japan; a kind of body is generic
    spans = [
        [
            [
                "generic" if token in BODY_KINDS else token_class(token, "organization")
                for token in fold(sense).split()
            ]
            for sense in senses
        ]
        for senses in (gloss.split("|") for _, _, gloss in reads)
    ]
    chosen = [
        next((c for c in senses if all(k in ("generic", "stop", "place") for k in c)), None)
        for senses in spans
    ]
    if common:
        chosen = [c if c is not None else ["generic"] for c in chosen]
    # the words not read are places ("Daneshgah-e Tehran": university, Tehran), or generic
    # words in English ("Perusahaan Gas Negara": company, Gas, state)
    unread = [i for i in range(len(words)) if i not in taken]
    kinds = [
        {token_class(token, "organization") for token in (fold(words[i]).split() or ["-"])}
        for i in unread
    ]
    if not all(k <= {"place"} or k <= {"generic"} for k in kinds):
        return False
    places = [i for i, k in zip(unread, kinds, strict=True) if k <= {"place"}]
    return (
        sum(end - start for start, end, _ in reads) + len(places) >= 2
        and all(c is not None for c in chosen)
        and any("generic" in c for c in chosen if c is not None)
    )


@cache
def _han_companies() -> frozenset[str]:
    """The English names, in lower case, of the Chinese companies of `glossary.tsv` (腾讯
    Tencent, 科大讯飞 iFLYTEK): a name read as one of them in pinyin says which it is."""
    return frozenset(english.split("|")[0].lower() for english in glossary().han.values())


def _han_company(words: list[str], reads: list[tuple[int, int, str]]) -> bool:
    """Whether words of a name in pinyin are read as a Chinese company of `glossary.tsv`, in
    three syllables or more ("Keda Xunfei", "Zhonghai You") or beside another word read
    ("Shangtang Keji": SenseTime technology); not two syllables alone, which many names
    write ("Bao Li": Poly)."""
    for start, end, gloss in reads:
        if gloss.split("|")[0].lower() not in _han_companies():
            continue
        if len(reads) > 1 or sum(syllable_count(w) for w in words[start:end]) >= 3:
            return True
    return False


def _own_spelling(gloss: str) -> bool:
    """Whether a Korean word's English is a company's own spelling of its name (Kookmin,
    Woori, Doosan): one word, a name, no common English word."""
    tokens = fold(gloss).split()
    return (
        len(tokens) == 1
        and "|" not in gloss
        and token_class(tokens[0], "organization") == "name"
        and tokens[0] not in COMMON_WORDS
        and place_country(tokens[0]) is None
    )


def _identifies(
    words: list[str],
    taken: set[int],
    reads: list[tuple[int, int, str]],
    lang: Language | None = None,
    legal_form: bool = False,
) -> bool:
    """Whether the reading identifies the organisation: a word not read is a name or a number,
    or a city or province of a country of the name's language (`data/place_countries.tsv`:
    "Petroshimi Shiraz", Shiraz Petrochemical Company; a country or its capital is not
    enough), or the reading has three or more words that are read, places or generic words,
    and one of them (in English) or a word not read is a name or a place ("Obyedinyonnaya
    Sudostroitelnaya Korporatsiya": "united shipbuilding corporation"; "Sanaye Electronic
    Iran": "industries Electronic Iran"; not "Neftyanaya Gazovaya Kompaniya": "oil gas
    company"), or two words are read beside a legal form and one of them is a name in
    English ("Koryo Ayeon Jusikhoesa": "korea zinc")."""
    if lang is not None:
        countries = _LANGUAGE_COUNTRIES[lang]
        if any(
            PLACE_COUNTRIES.get(token) in countries
            for i, word in enumerate(words)
            if i not in taken
            for token in fold(word).split()
        ):
            return True
    kinds = [
        [token_class(token, "organization") for token in fold(word).split()]
        for i, word in enumerate(words)
        if i not in taken
    ]
    known = sum(
        1
        for k in kinds
        if any(c in ("generic", "place") for c in k)
        and all(c in ("generic", "place", "stop") for c in k)
    )
    count = sum(end - start for start, end, _ in reads) + known
    many = count >= 3
    for word_kinds in kinds:
        for kind in word_kinds:
            if kind in ("name", "number") or (kind == "place" and many):
                return True
    if any(
        number_word(token)
        for _, _, gloss in reads
        for token in fold(gloss.replace("|", " ")).split()
    ):
        return True  # an ordinal or number read ("Pervyy Kanal": Channel One)
    if lang == "ko" and any(_own_spelling(gloss) for _, _, gloss in reads):
        return True  # a company's own spelling of its name ("Gukmin Eunhaeng": Kookmin Bank)
    if lang == "zh" and _han_company(words, reads):
        return True  # a Chinese company's name in pinyin ("Keda Xunfei": iFLYTEK)
    # two words read and a legal form of the language say enough when a word read is a name
    # in English in each of its senses, not a place nor a generic word (Koryo Ayeon
    # Jusikhoesa: "korea zinc"; not Zhongguo Yinhang Youxian Gongsi, "china bank", nor Nippon
    # Seitetsu Kabushiki Kaisha, "Nippon steel" or "Japan steel")
    if (
        lang is not None
        and lang not in _COMMON_ONLY
        and count >= 2
        and len(taken) == len(words)
        and any(
            place_country(token) in _LANGUAGE_COUNTRIES[lang]
            for _, _, gloss in reads
            for token in fold(gloss.split("|")[0]).split()
        )
        and any(
            token_class(token, "organization") == "name" and place_country(token) is None
            for _, _, gloss in reads
            for token in fold(gloss.split("|")[0]).split()
        )
    ):
        # every word read, one of them a country of the language, another a name in English
        # ("Vertolety Rossii": helicopters, Russia; "Pochta Rossii": post, Russia)
        return True
    if lang == "ru" and count >= 2 and len(taken) == len(words) and _named_in_english(reads):
        # every word read by Russian stems, one a name in English in each of its senses: a
        # name translated whole ("Admiralteyskie Verfi": Admiralty Shipyards)
        return True
    if not many:
        return legal_form and count >= 2 and _named_in_english(reads)
    return any(
        token_class(token, "organization") in ("name", "place")
        for _, _, gloss in reads
        for token in fold(gloss.replace("|", " ")).split()
    )


def _named_in_english(reads: list[tuple[int, int, str]]) -> bool:
    """Whether a word read is a name in English in each of its senses, not a place nor a
    generic word ("Ayeon": zinc; "Admiralteyskie": admiralty)."""
    return any(
        all(
            {token_class(t, "organization") for t in fold(sense).split()} == {"name"}
            for sense in gloss.split("|")
        )
        for _, _, gloss in reads
    )


# -- contracted names of Russian plants ----------------------------------------------------

#: The end of a part marking the kind of body a contracted name ends with (`-zavod`).
_KIND_MARK: Final = "$"
#: Fewest letters of the name a contracted word starts with ("Kurgan" of "Kurganmashzavod").
_LEAST_HEAD: Final = 3


@cache
def _contractions() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], tuple[str, ...]]:
    """A pattern of a contracted word (a head, parts, the kind), one of a part, each part's
    English, and the kinds (a name without one has no such word)."""
    english: dict[str, str] = {}
    parts: list[str] = []
    kinds: list[str] = []
    for written, gloss in wordlists.pairs("russian_contractions.tsv").items():
        part = written.removesuffix(_KIND_MARK)
        english[part] = gloss
        (kinds if written.endswith(_KIND_MARK) else parts).append(part)

    def either(words: list[str]) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    pattern = re.compile(
        rf"(?i)\b([a-z]{{{_LEAST_HEAD},}}?)((?:{either(parts)})+)({either(kinds)})?\b"
    )
    return pattern, re.compile(either(list(english)), re.IGNORECASE), english, tuple(kinds)


#: Parts of contracted names that begin words of other languages too, which end no brand
#: without its kind ("Transavia" is no aircraft plant).
_PREFIX_PARTS: Final = frozenset({"avia", "avto", "sudo", "elektro"})


def contracted_reading(name: str) -> Reading | None:
    """``name`` with its contracted word read in English ("JSC Kurganmashzavod": "JSC Kurgan
    machine building plant"): a name of three letters or more (the place the plant is in),
    the parts of `data/russian_contractions.tsv` and the kind of body at the end, written as
    one word, the kind left out when the word is the whole name ("Kurganmash"); None when it
    has no such word."""
    if not name.isascii():
        return None
    pattern, part_re, english, kinds = _contractions()
    lowered = name.lower()
    # the kind at the end may be left out of a brand of one word ("Kurganmash" of
    # Kurganmashzavod)
    alone = _WORD_RE.fullmatch(name.strip()) is not None
    if not alone and not any(kind in lowered for kind in kinds):
        return None
    read: list[str] = []

    def expand(match: re.Match[str]) -> str:
        head, middle, kind = match.groups()
        found = [p.lower() for p in part_re.findall(middle)]
        if kind is None and (not alone or found[-1] in _PREFIX_PARTS):
            return match.group(0)
        words = [english[p] for p in found]
        text = " ".join([head, *words, english[kind.lower()] if kind else ""])
        read.append(f"{match.group(0)}={text.strip()}")
        return text

    text = pattern.sub(expand, name)
    if not read:
        return None
    return Reading(" ".join(text.split()), tuple(read))


# -- contracted words ----------------------------------------------------------------------

#: The word a country's name or adjective is joined to in an airline's brand ("Syrianair").
_AIR: Final = "air"


@cache
def _contracted_words() -> tuple[dict[str, str], dict[str, str]]:
    """`data/joined_words.tsv`: the contracted words and their words, the country prefixes."""
    words: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for number, row in enumerate(wordlists.rows("joined_words.tsv"), 1):
        if len(row) != 3 or row[0] not in ("word", "prefix"):
            raise ValueError(
                f"joined_words.tsv row {number}: expected word or prefix, and two fields"
            )
        (words if row[0] == "word" else prefixes)[row[1]] = row[2]
    return words, prefixes


@cache
def _joined_parts() -> tuple[str, ...]:
    """What a name must have for one of its words to be contracted: a contracted word (its
    first four letters) or "air"."""
    return tuple(dict.fromkeys([*(w[:4] for w in _contracted_words()[0]), _AIR]))


def _spelled_out(word: str) -> str | None:
    """A contracted word's words ("eximbank": export import bank; "roseximbank": russian
    export import bank; "syrianair": syrian air), or None."""
    words, prefixes = _contracted_words()
    found = words.get(word)
    if found is not None:
        return found
    for contracted, spelled in words.items():
        if word.endswith(contracted):
            country = prefixes.get(word[: -len(contracted)])
            if country is not None:
                return f"{country} {spelled}"
    if word.endswith(_AIR) and len(word) > len(_AIR) + 2:
        front = word[: -len(_AIR)]
        if token_class(front, "organization") == "place" and place_country(front):
            return f"{front} {_AIR}"
    return None


@lru_cache(maxsize=50_000)
def joined_words_reading(name: str) -> Reading | None:
    """``name`` with its contracted words written out ("China Eximbank": "China export import
    bank"; "KEXIM": "korea export import"; "Syrianair": "syrian air"), and the words read;
    None when it has none."""
    # in Cyrillic, as transliterated ("Укрзалізниця": Ukrzaliznytsya)
    latin = name.isascii()
    lowered = name.lower() if latin else fold(name)
    if not any(part in lowered for part in _joined_parts()):
        return None
    pieces: list[str] = []
    read: list[str] = []
    last = 0
    for match in _WORD_RE.finditer(name):
        word = match.group(0)
        spelled = _spelled_out(plain(word) if latin else fold(word).replace(" ", ""))
        if spelled is None:
            continue
        pieces.append(name[last : match.start()])
        pieces.append(spelled)
        read.append(f"{match.group(0)}={spelled}")
        last = match.end()
    if not read:
        return None
    pieces.append(name[last:])
    return Reading(" ".join("".join(pieces).split()), tuple(read))
