"""How organisations write their acronyms beyond the initials of all their words.

`NormalizedName.acronyms` are the plain ones: the initials of the words (the capitals inside
a word: "MTS", Mobile TeleSystems), with the legal form's initial ("SMIC"). Organisations also
use looser forms, which `loose_spelling` reads:

- the first two letters of the first words rather than their initials, with a vowel among
  them: "AVIC" (AViation Industry Corporation of China), "KOMID" (KOrea MIning Development
  Trading Corporation); "CO" of the legal form: "KEPCO" (Korea Electric Power COrporation),
  and of Company or Corporation written as a word: "FESCO" (Far Eastern Shipping COmpany);
- K for the C of the first word, as its transliteration writes it: "KRET" (Concern,
  "Kontsern", Radio-Electronic Technologies);
- the words after "and" left out from the initials of the others: "CASC" (China Aerospace
  Science and Technology Corporation);
- the name's last word left out: "CGN" (China General Nuclear Power Corporation), also before
  the legal form's letter: "CETC" (China Electronics Technology Group Corporation).

A loose form spells at least three words of two letters or more, so that two words cannot be
read as an acronym of their first letters, and takes two of these kinds of looseness at most.
It is weaker evidence than the plain initials (see `alignment.acronym_similarity`).
`loose_keys` and `query_keys` are what the index files and looks up for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations, islice, product
from typing import Final

from standing.screening import wordlists
from standing.screening.normalize import FORM_TAILS, NormalizedName

#: Most letters a word gives a loose acronym ("KO" of Korea, "AV" of Aviation): a syllable,
#: with its vowel, of one of the first words (an acronym takes them to be read as a word).
_PREFIX: Final = 2
_VOWELS: Final = frozenset("aeiouy")
#: Fewest words a loose acronym spells.
_LEAST_WORDS: Final = 3
#: Letters written for one another at the start of a word by its transliterations
#: ("Concern" / "Kontsern").
_SWAPPED: Final[dict[str, str]] = {"c": "k", "k": "c"}
#: Words after which the rest of a phrase may be left out ("Science and Technology": S).
_CONJUNCTIONS: Final = frozenset({"and"})
#: The kinds of looseness, of which one acronym takes two at most; the words after "and"
#: are left out only from the initials of the others (not "KEPCO" for The Kenya Power and
#: Lighting Company: KE, Lighting left out, CO).
_PREFIXED: Final = 1
_SWAPPED_INITIAL: Final = 2
_AFTER_AND: Final = 4
_DROPPED: Final = 8
_LONG_TAIL: Final = 16
_MOST_KINDS: Final = 2
#: Words of a name that give an acronym CO wherever they stand, as the legal form does.
_COMPANY_WORDS: Final = frozenset({"company", "corporation"})


def loose_spelling(
    acronym: str, name: NormalizedName, positions: Sequence[int]
) -> list[int] | None:
    """The positions among `positions` (of the name's tokens without stop words, in order)
    that `acronym` stands for in one of the loose forms, or None when it does not. Every
    position is spelled, or left out after "and", but for the last one."""
    if name.kind == "person" or len(acronym) < 3 or len(positions) < _LEAST_WORDS:
        return None
    words: list[str] = []
    after_and: set[int] = set()
    conjunction = False
    for token, kind in zip(name.tokens, name.classes, strict=True):
        if kind == "stop":
            conjunction = token in _CONJUNCTIONS
            continue
        if conjunction:
            after_and.add(len(words))
        conjunction = False
        words.append(token)
    letters = name.letters
    tails = {tail for form in name.legal_forms for tail in FORM_TAILS.get(form, ())}
    chosen = [words[p] for p in positions]
    first = chosen[0][:1]
    if first != acronym[0] and _SWAPPED.get(first) != acronym[0]:
        return None
    starts = [letters[p] for p in positions]
    skippable = [p in after_and for p in positions]
    found = _walk(acronym, chosen, starts, skippable, tails)
    return None if found is None else list(positions)


def letters_given(
    acronym: str, words: Sequence[str], starts: Sequence[str], forms: Sequence[str]
) -> list[str] | None:
    """What each of `words` (their own letters: `starts`) gives `acronym` ("" when left
    out), then what the legal forms `forms` give it ("KEPCO" / Korea Electric Power
    Corporation: k, e, p, co); None when it does not stand for them."""
    tails = {tail for form in forms for tail in FORM_TAILS.get(form, ())}
    plain = "".join(starts)
    if acronym == plain:
        return [*starts, ""]
    if acronym[: len(plain)] == plain and acronym[len(plain) :] in tails:
        return [*starts, acronym[len(plain) :]]
    return _walk(acronym, words, starts, [True] * len(words), tails)


def _walk(
    acronym: str,
    words: Sequence[str],
    starts: Sequence[str],
    skippable: Sequence[bool],
    tails: set[str],
) -> list[str] | None:
    """The letters each word gives `acronym` in a loose form ("" when left out), then those
    of the legal form; None when it is no loose form of the words."""
    size = len(acronym)
    last = len(words)

    def walk(at: int, x: int, spelled: int, kinds: int, leading: bool = True) -> list[str] | None:
        if not _allowed(kinds):
            return None
        if at == size:
            if x == last and spelled >= _LEAST_WORDS:
                return [""]
            if x == last - 1 and spelled >= _LEAST_WORDS and _allowed(kinds | _DROPPED):
                return ["", ""]  # the last word left out ("CGN": ... Nuclear Power)
            return None
        if x == last:
            # the legal form ends it, after three letters of the words
            tail = acronym[at:]
            if spelled < _LEAST_WORDS or at < 3 or tail not in tails:
                return None
            if len(tail) > 1 and not _allowed(kinds | _LONG_TAIL):
                return None
            return [tail]
        for part, kind in _parts(words[x], starts[x], x == 0):
            if kind == _PREFIXED and not leading:
                continue  # a word's first letters only from the first words ("KO-MI-D")
            if acronym.startswith(part, at):
                # a word of one letter ("Tarabaran-e") is not one of the three words
                counted = spelled + (len(words[x]) > 1)
                rest = walk(at + len(part), x + 1, counted, kinds | kind, kind == _PREFIXED)
                if rest is not None:
                    return [part, *rest]
        if spelled and (skippable[x] or x == last - 1):
            # the words after "and" ("CASC"), the last word before the legal form ("CETC":
            # China Electronics Technology Group Corporation)
            rest = walk(at, x + 1, spelled, kinds | (_AFTER_AND if skippable[x] else _DROPPED))
            if rest is not None:
                return ["", *rest]
        return None

    return walk(0, 0, 0, 0)


def _allowed(kinds: int) -> bool:
    return kinds.bit_count() <= _MOST_KINDS and (not kinds & _AFTER_AND or kinds == _AFTER_AND)


def _parts(word: str, start: str, first: bool) -> list[tuple[str, int]]:
    """What a word may give an acronym, and how loose that is: its own letters (its initial,
    or the capitals inside it), its first two letters, or (the first word) its initial as
    its transliteration writes it."""
    out = [(start, 0)]
    out.extend(
        (word[:n], _PREFIXED)
        for n in range(2, _PREFIX + 1)
        if len(word) > n and word[:n] != start and _VOWELS.intersection(word[:n])
    )
    swapped = _SWAPPED.get(word[0]) if first else None
    if swapped is not None:
        out.append((swapped, _SWAPPED_INITIAL))
    if word in _COMPANY_WORDS:
        # CO of Company or Corporation written as a word, as of the legal form ("FESCO": Far
        # Eastern Shipping COmpany; "TEPCO": Tokyo Electric Power COmpany Holdings)
        out.append(("co", _LONG_TAIL))
    return out


def loose_keys(name: NormalizedName) -> list[str]:
    """The initials an organisation's name is filed under besides its plain acronyms, for
    the loose forms that keep one letter a word: the words after "and" left out ("CASC"),
    and the last word left out ("CGN"); each also with its legal form's initial."""
    if name.kind == "person":
        return []
    letters = name.letters
    count = len(letters)
    if count < _LEAST_WORDS + 1 or count > 6:
        return []
    kept: list[str] = []
    conjunction = False
    for token, kind in zip(name.tokens, name.classes, strict=True):
        if kind == "stop":
            conjunction = token in _CONJUNCTIONS
            continue
        kept.append("" if conjunction else letters[len(kept)])
        conjunction = False
    found = ["".join(kept)] if "" in kept else []
    found.append("".join(letters[:-1]))
    ends = {tail[0] for form in name.legal_forms for tail in FORM_TAILS.get(form, ())}
    out = [f for f in found if len(f) >= 3]
    out.extend(f + end for f in list(out) for end in ends)
    return [a for a in dict.fromkeys(out) if 3 <= len(a) <= 6]


def query_keys(acronym: str) -> list[str]:
    """The initials a query that is one acronym may stand for in a loose form: the acronym
    with up to two of its letters after the first left out (the other letters of a word:
    "KEPCO" is K-E-P-C, "KOMID" K-M-D), its first letter K for C and C for K ("KRET":
    Concern Radio-Electronic Technologies)."""
    out: list[str] = []
    rest = acronym[1:]
    heads = [acronym[0]]
    swapped = _SWAPPED.get(acronym[0])
    if swapped is not None:
        heads.append(swapped)
    for drop in range(0, min(2, len(acronym) - 3) + 1):
        for left_out in combinations(range(len(rest)), drop):
            kept = "".join(ch for n, ch in enumerate(rest) if n not in left_out)
            out.extend(head + kept for head in heads)
    return [k for k in dict.fromkeys(out) if k != acronym]


# -- acronyms of the Russian words behind an English name ----------------------------------

#: The letters the Russian word behind an English word gives an acronym
#: (`data/russian_initials.tsv`): "plant" Z (zavod), "state" G (gosudarstvennyy).
_RUSSIAN_INITIALS: Final[dict[str, tuple[str, ...]]] = {
    word: tuple(letters.split("|"))
    for word, letters in wordlists.pairs("russian_initials.tsv").items()
}
#: Descriptor words an acronym of a Russian name may leave out at its start ("UOMZ" of the
#: Production Association Ural Optical and Mechanical Plant).
_LEADING: Final = frozenset({"production", "association", "research", "scientific"})
#: Fewest letters of such an acronym: three are the descriptors' own ("NPP", "NPO", "OKB"),
#: which say what kind of body a name is, not which, unless a Russian word gives a letter
#: other than the English word's initial and a word the table does not have is spelled too
#: ("MGU": Moscow State University, Moskovskiy Gosudarstvennyy Universitet; not "NPP" of a
#: Scientific Production Enterprise).
_LEAST_RUSSIAN: Final = 4
_LEAST_RUSSIAN_OTHER: Final = 3
#: Most acronyms a name is filed under for its Russian words.
_MOST_KEYS: Final = 8


def _russian_words(name: NormalizedName) -> list[str]:
    return [t for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop"]


def russian_spelling(acronym: str, words: Sequence[str]) -> bool:
    """Whether `acronym` is that of the Russian words behind the English `words` of an
    organisation's name (`data/russian_initials.tsv`): each word after the descriptors that
    may lead gives it its Russian letters where the table has them, else its initial (one
    word at least the table's), three words at least, four letters at least."""
    if len(acronym) < _LEAST_RUSSIAN_OTHER or len(words) < _LEAST_WORDS:
        return False
    if not any(w in _RUSSIAN_INITIALS for w in words):
        return False
    least = _OTHER if len(acronym) < _LEAST_RUSSIAN else _SAME
    start = 0
    while True:
        rest = words[start:]
        if (
            len(rest) >= _LEAST_WORDS
            and _spelled(acronym, rest) >= least
            and (least == _SAME or not all(w in _RUSSIAN_INITIALS for w in rest))
        ):
            return True
        if start < len(words) and words[start] in _LEADING:
            start += 1
            continue
        return False


#: How Russian a spelling is: no word of the table's; only words whose Russian letters begin
#: with their English initial ("production": P); or one whose do not ("state": G).
_NONE_RU: Final = 0
_SAME: Final = 1
_OTHER: Final = 2


def _spelled(acronym: str, words: Sequence[str]) -> int:
    """How Russian the best spelling of `acronym` by `words` is (`_NONE_RU` when they do
    not spell it)."""

    def walk(at: int, x: int, russian: int) -> int:
        if x == len(words):
            return russian if at == len(acronym) else _NONE_RU
        word = words[x]
        russian_letters = _RUSSIAN_INITIALS.get(word)
        if russian_letters is None:
            options = [(word[0], _NONE_RU)]
        else:
            options = [
                (letters, _SAME if letters[0] == word[0] else _OTHER) for letters in russian_letters
            ]
        return max(
            (
                walk(at + len(letters), x + 1, max(russian, ru))
                for letters, ru in options
                if acronym.startswith(letters, at)
            ),
            default=_NONE_RU,
        )

    return walk(0, 0, _NONE_RU)


def russian_keys(name: NormalizedName) -> list[str]:
    """The acronyms an organisation's name is filed under for its Russian words, with the
    leading descriptors and without: each word's Russian letters where it has them (every
    choice where a word has several, `_MOST_KEYS` at most)."""
    if name.kind == "person":
        return []
    words = _russian_words(name)
    if not any(w in _RUSSIAN_INITIALS for w in words):
        return []
    out: list[str] = []
    start = 0
    while len(words) - start >= _LEAST_WORDS:
        rest = words[start:]
        choices = [_RUSSIAN_INITIALS.get(w, (w[0],)) for w in rest]
        for letters in islice(product(*choices), _MOST_KEYS):
            key = "".join(letters)
            if _LEAST_RUSSIAN <= len(key) <= 8 or (
                len(key) == _LEAST_RUSSIAN_OTHER
                and any(part[0] != word[0] for part, word in zip(letters, rest, strict=True))
                and not all(w in _RUSSIAN_INITIALS for w in rest)
            ):
                out.append(key)
        if words[start] not in _LEADING:
            break
        start += 1
    return list(dict.fromkeys(out))
