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

from collections.abc import Callable, Sequence
from typing import Final

from standing.screening import wordlists
from standing.screening.normalize import NormalizedName

#: The combining forms of countries' names that begin brands ("Sinopec", "Rosneft").
COMBINING_FORMS: Final[dict[str, tuple[str, ...]]] = {
    "sino": ("china", "chinese"),
    "ros": ("russia", "russian"),
    "rus": ("russia", "russian"),
    "indo": ("india", "indian", "indonesia", "indonesian"),
    "euro": ("europe", "european"),
    "vina": ("vietnam", "vietnamese"),
    "ukr": ("ukraine", "ukrainian"),
    "kaz": ("kazakhstan", "kazakh"),
    "turk": ("turkey", "turkish"),
    "pak": ("pakistan", "pakistani"),
}
#: Company words a contraction may leave out after its first word, and "National" of a
#: state company's name ("Sinochem": China National Chemical Corporation).
_LEFT_OUT: Final = frozenset(
    {"company", "corporation", "group", "holding", "holdings", "limited", "incorporated"}
    | {"national"}
)
#: What a legal form gives the end of a contraction ("Nabisco": CO of Company).
_FORM_TAILS: Final[dict[str, tuple[str, ...]]] = {
    "corp": ("co", "c"),
    "co": ("co", "c"),
    "coltd": ("co", "c"),
    "inc": ("inc",),
    # the Turkish A.Ş. (Anonim Şirketi): the Ş of Tüpraş (Türkiye Petrol Rafinerileri A.Ş.)
    "as": ("s",),
}
#: Fewest letters of a contraction, and most words of the name it spells.
LEAST_LETTERS: Final = 5
_MOST_WORDS: Final = 4
#: The beginnings of the Russian words behind English words of a name, as Soviet-style
#: brands join them (`data/russian_syllables.tsv`: northern "sev", engineering "mash").
RUSSIAN_SYLLABLES: Final[dict[str, tuple[str, ...]]] = {
    word: tuple(parts.split("|"))
    for word, parts in wordlists.pairs("russian_syllables.tsv").items()
}
#: Words saying what kind of body a Russian organisation is, which its brand leaves out
#: before and after the words it joins ("JSC Production Association Northern
#: Machine-Building Enterprise": Sevmash), and which may stand beside the brand ("PO
#: Sevmash", "Sevmash Production Association": `brand_word`).
KIND_WORDS: Final = _LEFT_OUT | frozenset(
    {"production", "association", "state", "federal", "unitary", "enterprise", "concern"}
    | {"scientific", "research", "plant", "works", "factory", "joint", "stock", "open"}
)
#: Most words of a name whose Russian words a brand may join (kind words included).
_MOST_RUSSIAN_WORDS: Final = 7


def syllables(word: str, name: NormalizedName) -> list[str] | None:
    """What each word of `name` (then its legal form, "" when none) gives `word`, when
    `word` is a contraction of them ("petrobras" / Petróleo Brasileiro S.A.: petro, bras,
    ""); None when it is not. Only an organisation's name is read."""
    return syllables_of(name)(word)


def syllables_of(name: NormalizedName) -> Callable[[str], list[str] | None]:
    """`syllables` against one name for many words: what is read of the name is read once."""
    parts = spelling_parts(name)
    russian = _russian_words(name)

    def read(word: str) -> list[str] | None:
        if len(word) < LEAST_LETTERS:
            return None
        found = None if parts is None else spell(word, *parts)
        if found is None and russian is not None:
            found = _russian_parts(word, russian)
        return found

    return read


def russian_syllables(word: str, name: NormalizedName) -> list[str] | None:
    """What each word of `name` (then its legal form: "") gives `word` when `word` joins the
    beginnings of the Russian words behind them (`RUSSIAN_SYLLABLES`), or of the words
    themselves where they are Russian already, the first word's maybe its combining form
    ("sevmash" / Production Association Northern Machine-Building Enterprise: "", "", sev,
    mash, "", ""; "yuzhmash" / ... Yuzhny Machine-Building Plant: yuzh, mash). The words it
    joins are two or more in a row, one at least by its Russian word; the words of the kind of
    body before and after them (`KIND_WORDS`) are left out. None when it does not."""
    if len(word) < LEAST_LETTERS:
        return None
    words = _russian_words(name)
    return None if words is None else _russian_parts(word, words)


def _russian_words(name: NormalizedName) -> list[str] | None:
    """The words of an organisation's name a brand may join the Russian words of (see
    `russian_syllables`); None when it has none such, or too few or too many words."""
    if name.kind == "person":
        return None
    words = [t for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop"]
    if not 2 <= len(words) <= _MOST_RUSSIAN_WORDS or not any(w in RUSSIAN_SYLLABLES for w in words):
        return None
    return words


def _russian_parts(word: str, words: list[str]) -> list[str] | None:
    """`russian_syllables` of `word` against a name's `_russian_words`."""
    size = len(words)
    for lo in range(size - 1):
        if lo > 0 and words[lo - 1] not in KIND_WORDS:
            break
        for hi in range(size, lo + 1, -1):
            if hi < size and words[hi] not in KIND_WORDS:
                break
            parts = _join_russian(word, words[lo:hi])
            if parts is not None:
                return ["" for _ in range(lo)] + parts + ["" for _ in range(size - hi)] + [""]
    return None


def russian_keys(name: NormalizedName) -> list[str]:
    """The keys a name of several words is filed under for the brands that may join its
    Russian words (`russian_syllables`): the first three letters of what its first word
    after the kind words may give such a brand (its Russian beginning, its combining form or
    its own beginning: "sev" and "nor" for Northern Machine-Building Enterprise). A brand is
    looked up by its own first three letters."""
    if name.kind == "person":
        return []
    words = [t for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop"]
    if not 2 <= len(words) <= _MOST_RUSSIAN_WORDS or not any(w in RUSSIAN_SYLLABLES for w in words):
        return []
    first = next((w for w in words[:-1] if w not in KIND_WORDS), None)
    if first is None:
        return []
    heads = [
        *RUSSIAN_SYLLABLES.get(first, ()),
        *(f for f, names in COMBINING_FORMS.items() if first in names),
        first,
    ]
    return list(dict.fromkeys(h[:3] for h in heads if len(h) >= 3))


def _join_russian(word: str, words: Sequence[str]) -> list[str] | None:
    """What each of `words` gives `word`, every one a part, one at least its Russian word's."""

    def walk(at: int, x: int, parts: list[str], russian: bool) -> list[str] | None:
        if x == len(words):
            return parts if at == len(word) and russian and _shaped(parts) else None
        current = words[x]
        options = [(p, True) for p in RUSSIAN_SYLLABLES.get(current, ()) if word.startswith(p, at)]
        if x == 0:
            options += [
                (f, False)
                for f, names in COMBINING_FORMS.items()
                if current in names and word.startswith(f, at)
            ]
        common = 0
        most = min(len(current), len(word) - at)
        while common < most and word[at + common] == current[common]:
            common += 1
        # the first part has three letters or more, as `russian_keys` files it
        options += [(current[:n], False) for n in range(common, 2 if x == 0 else 1, -1)]
        for head, ru in options:
            found = walk(at + len(head), x + 1, [*parts, head], russian or ru)
            if found is not None:
                return found
        return None

    return walk(0, 0, [], False)


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
    keys = name_keys(name)
    return keys[0] if keys else ""


#: Second words of a name that brands leave out without a letter ("Sinochem": China National
#: Chemical), so the name is filed without them too; a company word there gives its brand CO
#: ("Texaco") and is filed as it stands.
_UNSPELLED: Final = frozenset({"national"})


def name_keys(name: NormalizedName) -> list[str]:
    """`name_key`, and when the second word is one brands leave out without a letter
    (`_UNSPELLED`), the key of the name without it ("ch" "c" "$": China National Chemical
    Corporation, for "Sinochem")."""
    if name.kind == "person":
        return []
    words = [t for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop"]
    if not 2 <= len(words) <= _MOST_WORDS + 1 or len(words[0]) < 2:
        return []
    keys = [_key(words[0], words[1:])]
    if words[1] in _UNSPELLED and any(w not in _LEFT_OUT for w in words[2:]):
        keys.append(_key(words[0], words[2:]))
    return keys


def _key(first: str, rest: Sequence[str]) -> str:
    third = next((w[0] for w in rest[1:] if w not in _LEFT_OUT), _NO_THIRD)
    return first[:2] + rest[0][0] + third


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


def brand_word(name: NormalizedName) -> str:
    """The word of an organisation's name that may be a brand made of the first syllables of
    another name's words: its one word, or its one word beside words of its kind of body
    ("Production Association Sevmash"); "" when there is none."""
    if name.kind == "person":
        return ""
    found = ""
    for token, cls in zip(name.tokens, name.classes, strict=True):
        if token in KIND_WORDS:
            continue
        if found or cls != "name":
            return ""
        found = token
    return found if len(found) >= LEAST_LETTERS and found.isalpha() else ""


def brand_keys(word: str) -> list[str]:
    """The keys a name of one word is filed under, for the names of several words that may
    be a contraction of it to find it: the first three letters of `query_keys`' keys (a
    name's own `name_key` without its last letter)."""
    return list(dict.fromkeys(key[:3] for key in query_keys(word)))
