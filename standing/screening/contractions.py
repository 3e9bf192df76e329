"""Brands made of the first syllables of an organisation's words.

Many organisations are known by a word made of the beginnings of the words of their name,
not by its initials: "Petrobras" (PETROleo BRASileiro), "Pemex" (PEtroleos MEXicanos),
"FedEx" (FEDeral EXpress), "Nabisco" (NAtional BIScuit COmpany), "Unocal" (UNion Oil
CALifornia), with the combining form of a country's name for its first word: "Sinopec"
(SINO-, China; PEtroleum Chemical). `syllables` reads such a word against a name's words.

A contraction spells every word of the name in order, each by a beginning of it (a company
word in the middle, "Company" in "Union Oil Company of California", may be left out; the
legal form may end it: the "co" of Nabisco), the first word by two letters or more. It has
three parts or more, or two of which one has three letters or more and the last two or more,
so that "Petron" is not read PETROliam Nasional. It is weaker evidence than the words
themselves (`sim_contraction`). `name_key` and `query_keys` are what the index files and
looks up for them: the first two letters of the first word, the initial of the second and
that of the next word a contraction cannot leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from standing.screening.normalize import NormalizedName

#: The combining forms of countries' names that begin brands ("Sinopec", "Rosneft").
COMBINING_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "sino": ("china", "chinese"),
    "ros": ("russia", "russian"),
    "rus": ("russia", "russian"),
    "indo": ("india", "indian", "indonesia", "indonesian"),
    "euro": ("europe", "european"),
}
#: Company words a contraction may leave out after its first word.
_LEFT_OUT: Final = frozenset(
    {"company", "corporation", "group", "holding", "holdings", "limited", "incorporated"}
)
#: What a legal form gives the end of a contraction ("Nabisco": CO of Company).
_FORM_TAILS: Final[dict[str, tuple[str, ...]]] = {
    "corp": ("co", "c"),
    "co": ("co", "c"),
    "coltd": ("co", "c"),
    "inc": ("inc",),
}
#: Fewest letters of a contraction, and most words of the name it spells.
LEAST_LETTERS: Final = 5
_MOST_WORDS: Final = 4


def syllables(word: str, name: NormalizedName) -> list[str] | None:
    """What each word of `name` (then its legal form, "" when none) gives `word`, when
    `word` is a contraction of them ("petrobras" / Petróleo Brasileiro S.A.: petro, bras,
    ""); None when it is not. Only an organisation's name is read."""
    if len(word) < LEAST_LETTERS:
        return None
    parts = spelling_parts(name)
    return None if parts is None else spell(word, *parts)


def spelling_parts(name: NormalizedName) -> tuple[tuple[str, ...], frozenset[str]] | None:
    """What `syllables` reads of a name: its words and the endings its legal forms give;
    None when no word can be a contraction of it (a person's name, one word, too many)."""
    if name.kind == "person":
        return None
    words = tuple(t for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop")
    if not 2 <= len(words) <= _MOST_WORDS + 1 or not all(w.isalpha() for w in words):
        return None
    tails = frozenset(tail for form in name.legal_forms for tail in _FORM_TAILS.get(form, ()))
    return words, tails


def spell(word: str, words: Sequence[str], tails: frozenset[str]) -> list[str] | None:
    """What each of `words`, then a legal form (`tails`), gives `word` (see `syllables`)."""
    # the initials of the words that cannot be left out stand in the word in order: a check
    # far cheaper than the spelling itself, which most names reached by a key fail
    at = 0
    for other in words[1:]:
        if other not in _LEFT_OUT:
            at = word.find(other[0], at + 1)
            if at < 0:
                return None
    last = len(words)
    size = len(word)

    def walk(at: int, x: int, parts: list[str]) -> list[str] | None:
        if at == len(word):
            if all(w in _LEFT_OUT for w in words[x:]) and _shaped(parts):
                return [*parts, *([""] * (last - x)), ""]
            return None
        if x == last:
            tail = word[at:]
            if tail in tails and _shaped([*parts, tail]):
                return [*parts, tail]
            return None
        current = words[x]
        # the beginnings of the word that the rest of `word` starts with, the longest first;
        # the first word gives two letters or more, and may give its combining form
        common = 0
        most = min(len(current), size - at)
        while common < most and word[at + common] == current[common]:
            common += 1
        heads = [current[:n] for n in range(common, 1 if x == 0 else 0, -1)]
        if x == 0:
            heads = [
                f for f, names in COMBINING_FORMS.items() if current in names and word.startswith(f)
            ] + heads
        for head in heads:
            found = walk(at + len(head), x + 1, [*parts, head])
            if found is not None:
                return found
        if x > 0 and current in _LEFT_OUT:
            found = walk(at, x + 1, [*parts, ""])
            if found is not None:
                return found
        return None

    return walk(0, 0, [])


def _shaped(parts: Sequence[str]) -> bool:
    """Three parts or more; or two, one of three letters or more, the last of two or more."""
    given = [p for p in parts if p]
    if len(given) > 2:
        return True
    return len(given) == 2 and max(map(len, given)) >= 3 and len(given[1]) >= 2


def name_key(name: NormalizedName) -> str:
    """The key an organisation's name is filed under for contractions: the first two letters
    of its first word, the initial of its second, and the initial of the next word a
    contraction cannot leave out, or "$" when there is none ("pe" "b" "$": Petróleo
    Brasileiro; "un" "o" "c": Union Oil Company of California); "" for a name of one word or
    of more than `_MOST_WORDS`."""
    if name.kind == "person":
        return ""
    words = [t for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop"]
    if not 2 <= len(words) <= _MOST_WORDS + 1 or len(words[0]) < 2:
        return ""
    third = next((w[0] for w in words[2:] if w not in _LEFT_OUT), _NO_THIRD)
    return words[0][:2] + words[1][0] + third


#: The end of the key of a name whose words after the second may all be left out.
_NO_THIRD: Final = "$"


def query_keys(word: str) -> list[str]:
    """The keys of the names `word` may be a contraction of: its first two letters (or a
    combining form's word's: "sinopec", "ch" of China), a later letter that may begin the
    second word's part, and a later one still that may begin the third's, or "$"."""
    if len(word) < LEAST_LETTERS:
        return []
    heads = [(word[:2], 2)]
    for form, names in COMBINING_FORMS.items():
        if word.startswith(form) and len(word) > len(form):
            heads.extend((n[:2], len(form)) for n in names)
    out: list[str] = []
    size = len(word)
    for head, start in heads:
        for j in range(start, size - 1):
            second = head + word[j]
            out.append(second + _NO_THIRD)
            out.extend(second + word[k] for k in range(j + 1, size))
    return list(dict.fromkeys(out))


def brand_keys(word: str) -> list[str]:
    """The keys a name of one word is filed under, for the names of several words that may
    be a contraction of it to find it: the first three letters of `query_keys`' keys (a
    name's own `name_key` without its last letter)."""
    return list(dict.fromkeys(key[:3] for key in query_keys(word)))
