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

from functools import lru_cache
from typing import Final

from rigour.names import NameTypeTag, analyze_names

from standing.screening.normalize import ABBREVIATIONS

#: The kinds of symbol read: a word's sense (NATL, CENTRAL, CO) and the domain it names
#: (BANK, RAILWAY, OIL). Legal forms (ORG_CLASS) are the normaliser's; places are compared
#: as places.
_KINDS: Final = frozenset({"SYMBOL", "DOMAIN"})


@lru_cache(maxsize=500_000)
def word_symbols(word: str) -> frozenset[str]:
    """The symbols of one folded word of an organisation's name ("banco": BANK); empty for
    most words."""
    if len(word) < 3 or not word.isalpha():
        return frozenset()
    found = analyze_names(
        NameTypeTag.ORG, [word], phonetics=False, numerics=False, consolidate=False, rewrite=False
    )
    return frozenset(
        f"{span.symbol.category.value}:{span.symbol.id}"
        for name in found
        for span in name.spans
        if span.symbol.category.value in _KINDS and len(span.parts) == 1
    )


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
