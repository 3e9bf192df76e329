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
"""

from __future__ import annotations

import argparse
import lzma
import re
import shutil
import sqlite3
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from standing.screening.romanize import japanese_reading  # noqa: E402

OUT = ROOT / "standing" / "screening" / "data" / "japanese_names.tsv"
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


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", type=Path, default=OUT)
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


if __name__ == "__main__":
    main()
