"""The common words of organisation names written in French, read in English.

North African and Levantine banks, companies and state bodies register their names in French
as often as in Arabic ("Banque Nationale d'Algérie", "Banque Centrale de Tunisie",
"Compagnie Tunisienne de Navigation", "Banque Misr"), and so do international bodies
("Banque Africaine d'Import-Export"), while lists and their English filings give them in
English (National Bank of Algeria, Central Bank of Tunisia, Tunisian Navigation Company,
Bank Misr, African Export-Import Bank), and an Arabic name read in English
(`standing.screening.glossary`: "البنك الوطني الجزائري", "bank national algerian") has the
English words. `french_reading` gives such a name with its French company words in English
(`data/french_words.tsv`) and its other words as written, the articles and prepositions
("de", "du", "la", "et", the elided "d'" and "l'") dropped, for the matcher to compare as
one more variant of the name, as it compares the other readings; the name as written is
still compared (its acronym among them: BNA, BCT, CTN). A name of two or more words with at
least one such word is read; a name every word of which is read as generic words ("Société
Générale": "company general") is marked generic, as `standing.screening.romanised` marks
one (the matcher meets it only with the same generic name and the entry's country named).
People's names are never read this way (the caller offers it for organisations, vessels and
unknown kinds only).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

from standing.screening import wordlists
from standing.screening.glossary import Reading
from standing.screening.normalize import fold, token_class
from standing.screening.romanised import plain

#: A word in Latin letters, accents included, and an article or preposition elided before a
#: word ("d'Algérie", "l'Habitat").
_WORD_RE: Final = re.compile(r"[^\W\d_]+")
_ELIDED_RE: Final = re.compile(r"(?i)(?<![^\W\d_])(?:d|l|qu)['’](?=[^\W\d_])")
#: The articles, prepositions and conjunction of French names: dropped from the reading.
_PARTICLES: Final = frozenset(
    {"de", "du", "des", "la", "le", "les", "et", "pour", "en", "au", "aux", "d", "l"}
)


@cache
def french_words() -> dict[str, str]:
    """The shipped table (`data/french_words.tsv`): a French word, lower case and without
    accents -> English."""
    return wordlists.pairs("french_words.tsv")


@lru_cache(maxsize=50_000)
def french_reading(name: str) -> Reading | None:
    """``name`` with its French company words in English and its particles dropped, and the
    words read ("Banque=bank"); None when it has no such word or is one word."""
    table = french_words()
    matches = list(_WORD_RE.finditer(name))
    if len(matches) < 2 or not any(plain(m.group(0)) in table for m in matches):
        return None
    elided = {m.start() for m in _ELIDED_RE.finditer(name) if m.start() > 0}
    pieces: list[str] = []
    read: list[str] = []
    kept: list[str] = []  # the words not read nor dropped
    last = 0
    for match in matches:
        word = match.group(0)
        key = plain(word)
        english = table.get(key)
        particle = key in _PARTICLES and (len(key) > 1 or match.start() in elided)
        if english is None and not particle:
            kept.append(word)
            continue
        pieces.append(name[last : match.start()])
        if english is not None:
            pieces.append(f" {english} ")
            read.append(f"{word}={english}")
        else:
            pieces.append(" ")
        last = match.end()
        if english is None and name[last : last + 1] in "'’":
            last += 1  # the apostrophe of an elided article
    if not read:
        return None
    pieces.append(name[last:])
    text = " ".join("".join(pieces).split())
    generic = not kept and all(
        token_class(token, "organization") in ("generic", "stop")
        for entry in read
        for token in fold(entry.split("=", 1)[1]).split()
    )
    return Reading(text, tuple(read), generic=generic)
