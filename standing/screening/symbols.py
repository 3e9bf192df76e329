"""The senses rigour's name symbols give the words of organisation names, in many languages.

rigour (OpenSanctions' name library, which nomenklatura's logic-v2 matches with) tags the
words of an organisation's name with symbols: "banco", "banca", "banka" and "bank" are the
domain BANK, "nacional", "narodowy", "nazionale" and "national" the symbol NATL, "sociedad",
"gesellschaft" and "company" CO. `word_symbols` gives a word's symbols of those two kinds, and
`same_symbol` whether two words share one, so that the alignment links two words of one sense
written in two languages ("Banco Central de Venezuela" / "Central Bank of Venezuela"). Two
English company words are never linked so: rigour gives "oil" and "petroleum" one symbol, and
"metal" and "steel", but Kuwait Oil Company is not Kuwait Petroleum Corporation, nor Daido
Metal Daido Steel.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Final

from rigour.names import NameTypeTag, analyze_names

from standing.screening.normalize import ABBREVIATIONS

#: The kinds of symbol read: a word's sense (NATL, CENTRAL, CO) and the domain it names
#: (BANK, RAILWAY, OIL). Legal forms (ORG_CLASS) are the normaliser's; places are compared
#: as places.
_KINDS: Final = frozenset({"SYMBOL", "DOMAIN"})


#: The words whose symbols are known: most have none (the shared empty set).
_KNOWN: dict[str, frozenset[str]] = {}
_NONE: Final[frozenset[str]] = frozenset()
#: Words analysed together (rigour reads a batch far faster than one word at a time), and
#: the most words kept known (a server's queries bring new words without end).
_BATCH: Final = 20_000
_MOST_KNOWN: Final = 1_000_000


def _readable(word: str) -> bool:
    return len(word) >= 3 and word.isalpha()


def _symbols_of(name: Any) -> frozenset[str]:
    return frozenset(
        f"{span.symbol.category.value}:{span.symbol.id}"
        for span in name.spans
        if span.symbol.category.value in _KINDS and len(span.parts) == 1
    )


def _analyze(words: list[str]) -> Any:
    return analyze_names(
        NameTypeTag.ORG, words, phonetics=False, numerics=False, consolidate=False, rewrite=False
    )


def prime(words: Iterable[str]) -> None:
    """Read the symbols of many words at once (an index's vocabulary), so that
    `word_symbols` finds them known."""
    todo = sorted({w for w in words if w not in _KNOWN})[: max(_MOST_KNOWN - len(_KNOWN), 0)]
    for start in range(0, len(todo), _BATCH):
        chunk = todo[start : start + _BATCH]
        found = {name.original: _symbols_of(name) for name in _analyze(chunk)}
        for word in chunk:
            _KNOWN[word] = (found.get(word) or _NONE) if _readable(word) else _NONE


def word_symbols(word: str) -> frozenset[str]:
    """The symbols of one folded word of an organisation's name ("banco": BANK); empty for
    most words."""
    known = _KNOWN.get(word)
    if known is None:
        known = _NONE
        if _readable(word):
            known = frozenset().union(*(_symbols_of(name) for name in _analyze([word]))) or _NONE
        if len(_KNOWN) < _MOST_KNOWN:
            _KNOWN[word] = known
    return known


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    from standing.screening.romanised import tables

    return tables().english


def same_symbol(a: str, b: str) -> bool:
    """Whether two folded words share a symbol (`word_symbols`), one at least not an English
    word of the screening tables ("banco" / "bank", not "oil" / "petroleum")."""
    if not (a_symbols := word_symbols(a)) or not (b_symbols := word_symbols(b)):
        return False
    english = _english()
    return (
        not (a in english and b in english)
        # an abbreviation of the table is matched as one ("intl" / "international")
        and a not in ABBREVIATIONS
        and b not in ABBREVIATIONS
        and bool(a_symbols & b_symbols)
    )
