"""Organisations known by a brand that is no reading of their registered name.

Kobe Steel is Kobelco, the Aluminum Corporation of China is Chalco, Nippon Life Insurance is
Nissay: no part, acronym or contraction of the registered name's words in order gives the
brand, and only knowing the organisation does. `data/known_brands.tsv` lists such brands, and
acronyms of three letters or more used for one organisation alone (HKEX, KOTRA, Sinopec), with
the registered name in English. A name that is one of them, legal forms aside ("Kobelco",
"Kobelco Ltd."), is also read as the registered name (`known_brand_reading`), a reading like
the others of `standing.screening.match.parties`, so a hit says what it was read as
("Kobelco=Kobe Steel"); the registered name is not read as the brand, so a listed brand meets
an advertiser's registered name through the brand's own reading. A name with a legal form is a
registered name of its own ("CNOOC Limited", a company of the group) and is not read so, nor is
a brand whose registered name is generic words and places only. A brand with the name of a
place before or after it ("HAL India") is read with the place kept ("Hindustan Aeronautics
Limited India"), so that the place is weighed against the registered name's country as any
other place word is: "HAL Pakistan" is another company's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Final

from standing.screening import wordlists
from standing.screening.glossary import Reading
from standing.screening.normalize import NormalizedName, fold, normalize_name, place_country

#: A word of a name as `_first_words` looks it up: letters and digits, lower case.
_WORD_RE: Final = re.compile(r"[^\W_]+")


@cache
def known_brands() -> dict[str, tuple[str, str]]:
    """The brands of `data/known_brands.tsv` (see `parse_known_brands`)."""
    return parse_known_brands(wordlists.rows("known_brands.tsv"))


def parse_known_brands(rows: Iterable[tuple[str, ...]]) -> dict[str, tuple[str, str]]:
    """Rows of a brand and a registered name by the brand's normalised key (its words, legal
    forms aside): the brand as written and the registered name. A malformed row, or a brand
    given twice, is an error that names the row (counting the rows, not the comments)."""
    out: dict[str, tuple[str, str]] = {}
    for number, row in enumerate(rows, 1):
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise ValueError(
                f"known_brands.tsv: row {number}: expected a brand and a registered name, "
                f"got {row!r}"
            )
        key = normalize_name(row[0], "organization").key
        if not key or key in out:
            raise ValueError(f"known_brands.tsv: row {number}: {row[0]!r} is given twice")
        out[key] = (row[0].strip(), row[1].strip())
    return out


@cache
def _brand_words() -> frozenset[str]:
    """The first word of each brand, lower case, as written and folded to ASCII as names are
    ("botaş", "botas"): a name none of whose words is one is no brand of the table, and is not
    normalised again to find out."""
    first = [_words(brand)[0] for brand, _ in known_brands().values()]
    # and a word of the brand's key (its words sorted), where an apostrophe split a word the
    # key joins again ("Ma'aden": "maaden")
    keyed = [key.split()[0] for key in known_brands()]
    return frozenset(first) | frozenset(keyed) | {w for word in first for w in fold(word).split()}


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD_RE.findall(text)]


def _brand_and_place(normalized: NormalizedName) -> tuple[tuple[str, str], str] | None:
    """A brand of the table followed or preceded by the name of a place, as an organisation is
    called where it works ("HAL India", "Aramco Saudi"): the brand's row and the place word,
    which stays in the reading, so that the place is still weighed against the registered
    name's country; None otherwise."""
    tokens, classes = normalized.tokens, normalized.classes
    if len(tokens) < 2:
        return None
    for place, rest in ((len(tokens) - 1, slice(0, -1)), (0, slice(1, None))):
        if classes[place] != "place" or place_country(tokens[place]) is None:
            continue
        key = " ".join(
            sorted(t for t, c in zip(tokens[rest], classes[rest], strict=True) if c != "stop")
        )
        found = known_brands().get(key)
        if found is not None:
            return found, tokens[place]
    return None


@lru_cache(maxsize=50_000)
def known_brand_reading(name: str) -> Reading | None:
    """``name`` read as the registered name of the organisation whose brand it is, legal forms
    aside ("Kobelco Ltd.": "Kobe Steel", read "Kobelco=Kobe Steel"); None when it is no brand
    of `data/known_brands.tsv`."""
    words = _brand_words()
    if not any(w in words for w in _words(name)):
        return None
    normalized = normalize_name(name, "organization")
    if normalized.legal_forms:
        # a registered name of its own: a company of the group ("CNOOC Limited" is not the
        # China National Offshore Oil Corporation) or another that shares the brand ("Comac
        # S.p.A.")
        return None
    found = known_brands().get(normalized.key)
    place = ""
    if found is None:
        with_place = _brand_and_place(normalized)
        if with_place is None:
            return None
        found, place = with_place
    brand, registered = found
    if normalize_name(registered, "organization").generic_only:
        # a registered name of generic words and places says less than the brand: others'
        # names of the same words would meet it
        return None
    return Reading(f"{registered} {place}".strip(), (f"{brand}={registered}",))
