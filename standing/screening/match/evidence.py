"""What two names had in common and what was left over: the name evidence of a hit.

`NameScore` is the score of one query name against one entry name with the token pairs that
matched (`TokenPair`) and the words of each side left over; `describe` renders it as the
`features["name"]` document of a hit, and `explain_name` reads that back in a few words.
An acronym that matched is named under `acronyms` (which acronym, on which side, the words
it stands for, whether it took the initial of a legal form, whether it is weak: two letters
or a common word), and an abbreviation of the table under `abbreviations`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Final, NamedTuple

from standing.screening.acronyms import letters_given
from standing.screening.contractions import syllables
from standing.screening.normalize import COMMON_WORDS, FORM_TAILS, NormalizedName
from standing.screening.similarity import translit_fold


class TokenPair(NamedTuple):
    """Words of the query and of the entry that matched (several words when joined or
    abbreviated), how they matched (see `standing.screening.similarity`) and how well."""

    query: str
    entry: str
    how: str
    similarity: float


@dataclass(frozen=True, slots=True)
class NameScore:
    score: float
    method: str
    query: NormalizedName
    entry: NormalizedName
    pairs: tuple[TokenPair, ...] = ()
    query_extra: tuple[str, ...] = ()
    entry_extra: tuple[str, ...] = ()
    #: why the score was capped, if it was ("acronym written out otherwise by the entry")
    capped_by: str = ""
    #: why the score was raised, if it was ("the list gives both names to one organisation")
    raised_by: str = ""

    def raised(self, least: float, why: str) -> NameScore:
        """The same evidence with the score at least `least`, saying why."""
        return replace(self, score=max(self.score, least), raised_by=why)

    def capped(
        self, most: float, why: str = "acronym written out otherwise by the entry"
    ) -> NameScore:
        """The same evidence with the score at most `most`, saying why."""
        return replace(self, score=min(self.score, most), capped_by=why)

    def describe(self) -> dict[str, Any]:
        out = self._describe()
        acronyms = [
            self._acronym(pair) for pair in self.pairs if pair.how in ("initials", "listed_acronym")
        ]
        if acronyms:
            out["acronyms"] = acronyms
        contracted = [self._contraction(pair) for pair in self.pairs if pair.how == "contraction"]
        if contracted:
            out["contractions"] = contracted
        abbreviations = [
            {"query": pair.query, "entry": pair.entry, "similarity": round(pair.similarity, 2)}
            for pair in self.pairs
            if pair.how == "abbreviation"
        ]
        if abbreviations:
            out["abbreviations"] = abbreviations
        if self.capped_by:
            out["capped"] = self.capped_by
        if self.raised_by:
            out["raised"] = self.raised_by
        if self.method == "brand":
            # a brand inside a longer registered name: which words matched, which were left
            out["brand"] = {
                "matched": [pair.entry for pair in self.pairs],
                "left_over": list(self.entry_extra),
                "legal_forms": list(self.entry.legal_forms),
            }
        return out

    def _contraction(self, pair: TokenPair) -> dict[str, Any]:
        """Which brand is made of the first syllables of which words, and what each word
        gives it (the brand is the side of one word)."""
        on_query = " " not in pair.query
        brand, words = (pair.query, pair.entry) if on_query else (pair.entry, pair.query)
        name = self.entry if on_query else self.query
        parts = syllables(brand, name) or []
        # the parts are of every word of the name (stop words aside); those the brand stands
        # for are the ones no other word matched ("PO Sevmash": not production association)
        named = [t for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop"]
        stands_for = words.split()
        if len(stands_for) < len(named) <= len(parts):
            kept = [i for i, w in enumerate(named) if w in stands_for]
            # then what the legal form gives ("co" of National Biscuit Co.)
            parts = [parts[i] for i in kept] + parts[len(named) :]
        return {
            "brand": brand,
            "side": "query" if on_query else "entry",
            "stands_for": stands_for,
            "syllables": parts,
            "similarity": round(pair.similarity, 2),
        }

    def _acronym(self, pair: TokenPair) -> dict[str, Any]:
        """Which acronym matched which words (the acronym is the side of one word)."""
        on_query = " " not in pair.query
        acronym, words = (pair.query, pair.entry) if on_query else (pair.entry, pair.query)
        spelled_by = self.entry if on_query else self.query
        split = words.split()
        starts = _capital_letters(spelled_by, split)
        given = letters_given(acronym, split, starts, spelled_by.legal_forms)
        tail = given[-1] if given else ""
        forms = [f for f in spelled_by.legal_forms if tail in FORM_TAILS.get(f, ())]
        out: dict[str, Any] = {
            "acronym": acronym.upper(),
            "side": "query" if on_query else "entry",
            "stands_for": split,
            "legal_form": forms[0] if tail and forms else None,
            "weak": len(acronym) <= 2 or acronym in COMMON_WORDS,
            "similarity": round(pair.similarity, 2),
        }
        if pair.how == "listed_acronym":
            # not spelled by the words: the list gives it as a name of the organisation
            # that has them
            out["listed"] = True
        elif given is not None and (given[:-1] != starts or len(tail) > 1):
            # a loose form: what each word gives it ("" when left out), then the legal form
            out["letters"] = given
        return out

    def _describe(self) -> dict[str, Any]:
        return {
            "query": self.query.original,
            "entry": self.entry.original,
            "query_form": self.query.display,
            "entry_form": self.entry.display,
            "method": self.method,
            "score": round(self.score, 4),
            "tokens": [
                f"{query}={entry} ({how} {similarity:.2f})"
                for query, entry, how, similarity in self.pairs
            ],
            "query_extra": list(self.query_extra),
            "entry_extra": list(self.entry_extra),
            "transliterated": self.query.transliterated or self.entry.transliterated,
        }


def _capital_letters(name: NormalizedName, words: list[str]) -> list[str]:
    """The acronym letters of each of `words` of `name`: its initial, or the capitals
    inside it."""
    if not name.capitals:
        return [w[0] for w in words]
    letters = dict(zip(name.tokens, name.capitals, strict=True))
    return [letters.get(w, w[0]) for w in words]


#: How alike a word written in another script and one in Latin letters must be for the word
#: to stand as a brand inside a longer name, as the same word written alike does ("سيريتل" /
#: "Syriatel Mobile Telecom S.A."; "Яндекс" / "Yandex Cloud Services LLC"): a brand written
#: in Cyrillic or Arabic letters has no one spelling in Latin letters to be read back to
#: (Arabic script leaves its short vowels out; "yandeks", "toiota").
BRAND_ACROSS_SCRIPTS: Final = 0.9
#: The ways of matching that read a word across scripts (`standing.screening.similarity`).
_READ_ACROSS: Final = frozenset({"translit", "abjad", "korean", "pinyin", "cantonese", "loanword"})


def _same_word_across(pair: TokenPair) -> bool:
    """Whether a word in another script, read in Latin letters, is the Latin word as another
    romanisation spells it: a reading across scripts, or letters the romanisations' fold
    makes one ("toiota" / "toyota"), not a letter more or less ("norlan" / "norland")."""
    if pair.similarity < BRAND_ACROSS_SCRIPTS:
        return False
    if pair.how in _READ_ACROSS:
        return True
    return pair.how == "edit" and translit_fold(pair.query) == translit_fold(pair.entry)


def method_of(
    pairs: tuple[TokenPair, ...],
    query_left: float,
    entry_left: float,
    across_scripts: bool = False,
) -> str:
    """How two names matched, from their token pairs and the weight each side left over:
    word for word ("token_set"), the query being the entry without some of its words
    ("brand"), or with some words only alike ("fuzzy"). Between a name in another script and
    one in Latin letters (``across_scripts``), words alike enough count as the same word."""
    if all(pair.how == "exact" or (across_scripts and _same_word_across(pair)) for pair in pairs):
        if query_left == 0.0 and entry_left > 0.0:
            return "brand"  # the query is the entry's name without some of its words
        return "token_set"
    return "fuzzy"


def _explain_acronym(acronym: dict[str, Any]) -> str:
    """ "acronym: SMIC = semiconductor manufacturing international", and for a loose form what
    each word gives it ("acronym: KOMID = korea mining development trading (ko-mi-d; left
    out: trading)")."""
    words = [str(w) for w in acronym.get("stands_for", [])]
    said = f"acronym: {acronym.get('acronym', '')} = {' '.join(words)}"
    letters = acronym.get("letters")
    if not isinstance(letters, list) or len(letters) != len(words) + 1:
        return said
    parts = [str(p) for p in letters if p]
    out = [w for w, p in zip(words, letters, strict=False) if not p]
    how = "-".join(parts) + (f"; left out: {' '.join(out)}" if out else "")
    return f"{said} ({how})"


def _explain_contraction(contraction: dict[str, Any]) -> str:
    """ "contraction: PETROBRAS = petroleo brasileiro (petro-bras)", and the words left out
    ("contraction: SEVMASH = northern engineering (sev-mash; left out: production association
    enterprise)")."""
    words = [str(w) for w in contraction.get("stands_for", [])]
    parts = [str(p) for p in contraction.get("syllables", [])]
    spelled = [w for w, p in zip(words, parts, strict=False) if p]
    out = [w for w, p in zip(words, parts, strict=False) if not p]
    said = f"contraction: {str(contraction.get('brand', '')).upper()} = {' '.join(spelled)}"
    how = "-".join(p for p in parts if p) + (f"; left out: {' '.join(out)}" if out else "")
    return f"{said} ({how})"


def explain_name(feature: Any) -> str:
    """A hit's name evidence in a few words, from `features["name"]`: how it matched, and for
    a brand inside a longer registered name which words matched and which were left over
    ("brand: velotek; left over: shenzhen digital technology"), and for a name read in English
    which words were read as what ("token_set; read in English: 三峡=Three Gorges"), and for
    names the list gives to one organisation, that it does."""
    if not isinstance(feature, dict):
        return ""
    method = str(feature.get("method", ""))
    raised = feature.get("raised")
    if raised:
        # names that share no words, but the list gives both to one organisation
        return f"{method}; {raised}"
    acronyms = feature.get("acronyms")
    if isinstance(acronyms, list) and acronyms:
        said = "; ".join(_explain_acronym(a) for a in acronyms if isinstance(a, dict))
        capped = feature.get("capped")
        return f"{said} (capped: {capped})" if capped else said
    contractions = feature.get("contractions")
    if isinstance(contractions, list) and contractions:
        return "; ".join(_explain_contraction(c) for c in contractions if isinstance(c, dict))
    brand = feature.get("brand")
    if method == "brand" and isinstance(brand, dict):
        matched = " ".join(str(w) for w in brand.get("matched", []))
        left = " ".join(str(w) for w in brand.get("left_over", []))
        method = f"brand: {matched}; left over: {left}" if left else f"brand: {matched}"
    read = feature.get("read_in_english")
    if isinstance(read, dict) and read:
        # a name read in English: "read in English: 东方航空=China Eastern Airlines"
        words = ", ".join(str(w) for side in ("query", "entry") for w in read.get(side, []))
        method = f"{method}; read in English: {words}"
    return method
