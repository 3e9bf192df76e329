"""Write standing/screening/data/japanese_names.tsv: Japanese organisations' names in English,
from JMnedict.

Usage: make japanese-names
   or: .tools/bin/uv run --frozen --group jmdict python bench/make_japanese_names.py [--out FILE]

JMnedict (the Electronic Dictionary Research and Development Group, Creative Commons
Attribution-ShareAlike 4.0; the copy shipped in the PyPI package ``jamdict-data``, optional
dependency group ``jmdict``) gives about 5,800 Japanese companies and organisations their names
in English. A Japanese company's English name is often no reading of its Japanese one: 日本電気
is NEC (Nippon Electric Company), 日本航空 Japan Air Lines or JAL, 三井物産 Mitsui and Co. The
screening glossary (`standing.screening.glossary.read_han`) reads a Japanese name's Han and kana
text with these names first, as it reads a Chinese one with the companies of glossary.tsv.
Each row is

    name <TAB> English <TAB> reading

where name is how the organisation is written (every kanji spelling of an entry of type
company or organization, and the katakana spelling of one that has no kanji), English its
first name in English and, after "|", a second one when the dictionary gives one (its acronym
when it has one, else another translation, or a full name or acronym it writes in brackets:
"NEC (Nippon Electric Company)" is NEC|Nippon Electric Company; 日本放送協会 Japan Broadcasting
Corporation|NHK), and reading its kana reading in modified Hepburn written as one word, long
vowels as passports write them (`standing.screening.romanize.japanese_reading`'s spelling:
日本電気 nippondenki), since the kana do not say where its words part. Brackets
that describe rather than name ("(parcel delivery company)", "(yakuza syndicate)") are left
out, so are glosses not in Latin letters or longer than ten words, names of one character or
with neither kana nor kanji (ＳＭＡＰ),
names of more than `LONGEST` characters and names the dictionary gives two organisations
different English for. Sorted by name, so the same dictionary always gives the same bytes.

It also writes standing/screening/data/japanese_words.tsv (``--words-out``): the company words of
Japanese names in Hepburn, read in English, for romanised Japanese names ("Tokyo Daigaku",
"Sekiyu Shigen Kaihatsu"), as pinyin_words.tsv does for Chinese ones. Each row is

    reading <TAB> English

from two sources, both checked against JMdict (the same package), whose entry for the word gives
its kana reading (that of its most used spelling) and senses:

- the Japanese words of the hand-checked tables cjk_senses.tsv and cjk_generic_words.tsv, with
  their English, when a word of that English agrees with one of JMdict's senses of the word
  (製鉄 is "iron manufacture", so its "Steel" does not; 工程 is "process", so the Chinese
  "Engineering" does not);
- the words of the names above (split into JMdict's words of two to four characters, longest
  first) in `MIN_NAMES` names or more, read as the English words found in `MIN_SHARE` of those
  names' English at least that agree with JMdict's senses (学会 is in 259 names, "Society" in 161
  of their English, and JMdict says "learned society": society; 機構 is "organization").

Readings shorter than `MIN_READING` letters (Hepburn has many homophones among them: hoken is
保険 insurance and 保健 health), readings two words give different English, and English that is
a place, a stop word or the reading itself ("Tokyo") are left out, and so are the words JMdict
says are places ("Takasaki (city in Gunma)").

And it writes standing/screening/data/japanese_places.tsv (``--places-out``): Japan's
prefectures and cities as JMdict names them, for Han text (大阪 Osaka, 神戸 Kobe, 京都 Kyoto,
which CC-CEDICT reads "capital"). Each row is

    name <TAB> English

from JMdict's words of two characters or more whose sense is a capitalised name followed by
"(city", "(prefecture" or "(city, prefecture" ("Osaka (city, prefecture)", "Sapporo (city in
Hokkaido)"), its long vowels' marks dropped (Ōita: Oita).
"""

from __future__ import annotations

import argparse
import lzma
import re
import shutil
import sqlite3
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from standing.screening import wordlists  # noqa: E402
from standing.screening.normalize import token_class  # noqa: E402
from standing.screening.romanize import japanese_reading  # noqa: E402

OUT = ROOT / "standing" / "screening" / "data" / "japanese_names.tsv"
WORDS_OUT = ROOT / "standing" / "screening" / "data" / "japanese_words.tsv"
PLACES_OUT = ROOT / "standing" / "screening" / "data" / "japanese_places.tsv"
#: The fewest names a word of the names must be in, and the least share of their English a
#: word of English must be in, to read it so.
MIN_NAMES = 3
MIN_SHARE = 0.4
#: The fewest letters of a reading kept.
MIN_READING = 6
#: The entry types of JMnedict kept.
TYPES = ("company", "organization")
#: Most characters of a name kept (longer names are rarely written whole in a register).
LONGEST = 16
#: Most words of an English name kept.
MOST_WORDS = 10
_BRACKETS_RE = re.compile(r"\s*\(([^()]*)\)\s*")
_KATAKANA_RE = re.compile(r"[\u30a1-\u30fa\u30fc・]+")
_JAPANESE_RE = re.compile(r"[\u3041-\u30fa\u4e00-\u9fff\u3400-\u4dbf]")
_LATIN_RE = re.compile(r"[A-Za-z0-9&.,'\- ]+")
#: Words a bracket naming a name may have in lower case ("Bank of Japan").
_SMALL = frozenset({"of", "and", "for", "the", "in", "on", "at", "de", "du", "no"})


def _naming(text: str) -> bool:
    """Whether a bracket names the organisation (capitalised words or an acronym: "Nippon
    Electric Company", "OAS") rather than describes it ("parcel delivery company")."""
    words = text.split()
    return bool(words) and all(w[0].isupper() or w[0].isdigit() or w in _SMALL for w in words)


def english_names(gloss: str) -> list[str]:
    """The names in English a gloss gives: the gloss without its brackets, then each bracket
    that names the organisation ("NEC (Nippon Electric Company)" -> NEC, Nippon Electric
    Company); those with letters other than Latin, or too long, left out."""
    inside = [m.group(1).strip() for m in _BRACKETS_RE.finditer(gloss)]
    outside = " ".join(_BRACKETS_RE.sub(" ", gloss).split())
    found = [outside, *(b for b in inside if _naming(b) and b.lower() != "corporation")]
    return [
        n
        for n in found
        if n
        and _LATIN_RE.fullmatch(n)
        and len(n.split()) <= MOST_WORDS
        and any(c.isalpha() for c in n)
    ]


_SPELLINGS = "SELECT text FROM {table} WHERE idseq = ? ORDER BY ID"


def read_entries(db: Path) -> dict[str, tuple[list[str], str]]:
    """Name -> (its names in English in the dictionary's order, its kana reading)."""
    con = sqlite3.connect(db)
    kinds = ",".join("?" * len(TYPES))
    ids = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT t.idseq FROM NETranslation t JOIN NETransType ty ON ty.tid = t.ID "
            f"WHERE ty.text IN ({kinds}) ORDER BY t.idseq",
            TYPES,
        )
    ]
    out: dict[str, tuple[list[str], str]] = {}
    given: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for idseq in ids:
        kanji = [r[0] for r in con.execute(_SPELLINGS.format(table="NEKanji"), (idseq,))]
        kana = [r[0] for r in con.execute(_SPELLINGS.format(table="NEKana"), (idseq,))]
        glosses = [
            r[0]
            for r in con.execute(
                "SELECT g.text FROM NETranslation t JOIN NETransType ty ON ty.tid = t.ID "
                "JOIN NETransGloss g ON g.tid = t.ID "
                f"WHERE t.idseq = ? AND ty.text IN ({kinds}) ORDER BY g.rowid",
                (idseq, *TYPES),
            )
        ]
        names: list[str] = []
        for gloss in glosses:
            for n in english_names(gloss):
                if n not in names:
                    names.append(n)
        if not names or not kana:
            continue
        acronyms = [n for n in names[1:] if n.isupper() and " " not in n]
        chosen = [names[0], *(acronyms or names[1:])][:2]
        written = kanji or [k for k in kana if _KATAKANA_RE.fullmatch(k)]
        for w in written:
            if 2 <= len(w) <= LONGEST and _JAPANESE_RE.search(w):
                given[w].add(tuple(chosen))
                out.setdefault(w, (chosen, kana[0]))
    # a name two organisations give different English is no one's
    return {w: v for w, v in out.items() if len(given[w]) == 1}


_WORD_RE = re.compile(r"[a-z]+")
_PLACE_SENSE_RE = re.compile(r"\b(city|prefecture|town|village|island|province)\b", re.I)
_HAN_OR_KANA_RE = re.compile(r"[\u3041-\u30fa\u30fc\u4e00-\u9fff]")


def _english_words(text: str) -> list[str]:
    return _WORD_RE.findall(text.lower())


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def agrees(english: str, senses: str) -> bool:
    """Whether a word of ``english`` is a word of JMdict's ``senses`` of a word, or one with
    another ending ("Industries" and "industry", "Electronics" and "electronic")."""
    given = [_singular(w) for w in _english_words(senses) if len(w) >= 3]
    for word in map(_singular, _english_words(english)):
        for other in given:
            if word == other:
                return True
            short, long_ = sorted((word, other), key=len)
            if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3:
                return True
    return False


class Dictionary:
    """JMdict's words written in kanji: their reading and senses."""

    def __init__(self, db: Path) -> None:
        self.con = sqlite3.connect(db)
        self.vocabulary = frozenset(
            r[0]
            for r in self.con.execute("SELECT text FROM Kanji WHERE length(text) BETWEEN 2 AND 4")
        )

    def entry(self, word: str) -> tuple[str, str] | None:
        """The kana reading and the senses of a word written in kanji or kana, from its entry
        with the most priority marks (news1, ichi1...); None when JMdict has none."""
        found = (
            self.con.execute(
                "SELECT k.idseq, count(p.text) FROM Kanji k LEFT JOIN KJP p ON p.kid = k.ID "
                "WHERE k.text = ? GROUP BY k.idseq ORDER BY count(p.text) DESC, k.idseq",
                (word,),
            ).fetchone()
            or self.con.execute(
                "SELECT n.idseq, count(p.text) FROM Kana n LEFT JOIN KNP p ON p.kid = n.ID "
                "WHERE n.text = ? GROUP BY n.idseq ORDER BY count(p.text) DESC, n.idseq",
                (word,),
            ).fetchone()
        )
        if found is None:
            return None
        idseq = found[0]
        kana = self.con.execute(_SPELLINGS.format(table="Kana"), (idseq,)).fetchone()[0]
        senses = "; ".join(
            r[0]
            for r in self.con.execute(
                "SELECT g.text FROM Sense s JOIN SenseGloss g ON g.sid = s.ID "
                "WHERE s.idseq = ? ORDER BY s.ID, g.rowid",
                (idseq,),
            )
        )
        return kana, senses

    def split(self, name: str) -> list[str]:
        """The words of a name JMdict knows, longest first from the left."""
        out: list[str] = []
        at = 0
        while at < len(name):
            for size in (4, 3, 2):
                if name[at : at + size] in self.vocabulary and at + size <= len(name):
                    out.append(name[at : at + size])
                    at += size
                    break
            else:
                at += 1
        return out


_PLACE_GLOSS_RE = re.compile(
    r"^([A-Z\u014c\u016a][A-Za-z\u014c\u014d\u016a\u016b' -]+) \((?:city|prefecture)[^)]*\)$"
)
_MARKS = str.maketrans("\u014c\u014d\u016a\u016b", "OoUu")


def japanese_places(dictionary: Dictionary) -> dict[str, str]:
    """Japan's prefectures and cities: name in kanji -> English (see the module's docstring)."""
    out: dict[str, set[str]] = defaultdict(set)
    for word, gloss in dictionary.con.execute(
        "SELECT k.text, g.text FROM Kanji k JOIN Sense s ON s.idseq = k.idseq "
        "JOIN SenseGloss g ON g.sid = s.ID WHERE g.text LIKE '%(city%' "
        "OR g.text LIKE '%(prefecture%' ORDER BY k.text, g.text"
    ):
        found = _PLACE_GLOSS_RE.match(gloss)
        if found and len(word) >= 2 and _HAN_OR_KANA_RE.search(word):
            out[word].add(found.group(1).translate(_MARKS))
    # a spelling two places share is neither's
    return {word: next(iter(names)) for word, names in out.items() if len(names) == 1}


def _hepburn(kana: str) -> str:
    return "".join((japanese_reading(kana) or "").split())


def japanese_words(
    dictionary: Dictionary, names: dict[str, tuple[list[str], str]]
) -> dict[str, str]:
    """Reading in Hepburn -> English, from the hand-checked tables and the names (see the
    module's docstring)."""
    curated: dict[str, str] = {}
    for row in wordlists.rows("cjk_senses.tsv"):
        if len(row) == 2 and row[1] and not row[0].startswith("^"):
            curated.setdefault(row[0], row[1])
    for word, english in wordlists.pairs("cjk_generic_words.tsv").items():
        if english:
            curated.setdefault(word, english)
    found: dict[str, set[str]] = defaultdict(set)
    for word, english in curated.items():
        entry = dictionary.entry(word) if _HAN_OR_KANA_RE.search(word) else None
        if entry is not None and agrees(english, entry[1]):
            found[_hepburn(entry[0])].add(english)
    in_names: Counter[str] = Counter()
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for name, (english, _) in names.items():
        said = set(_english_words(english[0]))
        for word in set(dictionary.split(name)):
            in_names[word] += 1
            together[word].update(said)
    for word, count in sorted(in_names.items()):
        if count < MIN_NAMES or word in curated:
            continue
        entry = dictionary.entry(word)
        if entry is None:
            continue
        kana, senses = entry
        if _PLACE_SENSE_RE.search(senses):
            continue  # a place ("Takasaki (city in Gunma)")
        reading = _hepburn(kana)
        chosen = [
            e
            for e, n in together[word].items()
            if n >= MIN_SHARE * count
            and agrees(e, senses)
            # not a word of the reading itself ("Aichi" of aichiken, "Musashino" of musashi)
            and e not in reading
            and reading not in e
            and token_class(e, "organization") not in ("stop", "place")
        ]
        if chosen:
            # in the order the senses give them ("junior college")
            given = _english_words(senses)
            chosen.sort(
                key=lambda e: min(
                    (i for i, g in enumerate(given) if agrees(e, g)), default=len(given)
                )
            )
            found[reading].add(" ".join(chosen))
    out: dict[str, str] = {}
    for reading, english in found.items():
        if len(english) != 1 or len(reading) < MIN_READING or not reading.isalpha():
            continue
        (gloss,) = english
        first = gloss.split("|")[0].lower()
        if first == reading or all(
            token_class(w, "organization") == "place" for w in _english_words(first)
        ):
            continue
        out[reading] = gloss
    return out


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--words-out", type=Path, default=WORDS_OUT)
    ap.add_argument("--places-out", type=Path, default=PLACES_OUT)
    ap.add_argument("--db", type=Path, help="an uncompressed jamdict.db (default: jamdict-data's)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            import jamdict_data  # type: ignore[import-untyped]

            # the package's build unpacks the database; its source ships it compressed
            db = Path(jamdict_data.JAMDICT_DB_PATH)
            if not db.exists():
                packed = db.with_name("jamdict.db.xz")
                db = Path(tmp) / "jamdict.db"
                with lzma.open(packed) as src, db.open("wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            version = f"jamdict-data {jamdict_data.__version__}"
        else:
            version = f"{db.name} given"
        entries = read_entries(db)
        dictionary = Dictionary(db)
        words = japanese_words(dictionary, entries)
        places = japanese_places(dictionary)
    lines = [
        "# Japanese organisations' names in English, from JMnedict (the Electronic Dictionary "
        f"Research and Development Group; {version}), licensed CC BY-SA 4.0 "
        "(https://www.edrdg.org/edrdg/licence.html); written by bench/make_japanese_names.py "
        "(make japanese-names): name, English (a second name after |), reading in Hepburn.",
    ]
    for name in sorted(entries):
        english, kana = entries[name]
        reading = "".join((japanese_reading(kana) or "").split())
        lines.append(f"{name}\t{'|'.join(english)}\t{reading}")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(entries)} names -> {args.out}", file=sys.stderr)
    licence = (
        f"(the Electronic Dictionary Research and Development Group; {version}), licensed CC "
        "BY-SA 4.0 (https://www.edrdg.org/edrdg/licence.html); written by "
        "bench/make_japanese_names.py (make japanese-names)"
    )
    _write(
        args.words_out,
        "# The company words of Japanese names in Hepburn, read in English: the Japanese words of "
        "cjk_senses.tsv and cjk_generic_words.tsv, then the common words of the organisations' "
        f"names of japanese_names.tsv, read and checked with JMdict {licence}: reading, English "
        '(senses "|"-separated).',
        words,
        "words",
    )
    _write(
        args.places_out,
        "# Japan's prefectures and cities in kanji, read in English, as JMdict names them "
        f"{licence}: name, English.",
        places,
        "places",
    )


def _write(out: Path, header: str, rows: dict[str, str], what: str) -> None:
    """A table of two columns, sorted, under its header line."""
    lines = [header, *(f"{key}\t{rows[key]}" for key in sorted(rows))]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} {what} -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
