"""Name normalisation for screening: one comparable form for every script and spelling.

A name goes through these steps (all pure; the word lists are read once, at import, from
the package's data files in `standing/screening/data/`, see `standing.screening.wordlists`):

1. Unicode NFKC, removal of bracketed remarks kept as their own alias elsewhere, and of
   person titles ("Mr", "Dr") for people.
2. Legal forms written in CJK scripts (株式会社, 有限公司, 주식회사) are cut before
   transliteration, because the transliteration turns them into ordinary syllables.
3. Transliteration to ASCII: Arabic script (Arabic, Persian, Urdu, Pashto letters) with
   `standing.screening.romanize.romanize_arabic` (one fixed spelling per letter, the
   article cut, compounds such as "عبدالله" split), rigour's `maybe_ascii` for Cyrillic,
   Greek, Armenian, Georgian and Hangul, normality/ICU (`ascii_text`) for every other
   script ICU supports (Hebrew, Han, Kana, Devanagari, Thai, ...). Han and Hangul are split
   into one token per syllable first, so "习近平" becomes "xi jin ping" and compares with
   "Xi Jinping".
4. Casefold and tokenisation with rigour's name tokenizer (punctuation dropped, hyphens
   split, "A.B.C." joined to "abc").
5. Descriptors written before a Russian organisation's name, in Cyrillic or Latin letters
   ("ЧОП", "NII", "ЦНИИ", "OKB"; `data/descriptors.tsv`), are read in English ("private
   security company", "research institute"); those that are also brands or other acronyms
   ("NPP", "MKB", "PO"; `data/leading_descriptors.tsv`) only as the name's first word before
   a word that names the body ("NPP Pulsar", not "MKB Bank"). English words and phrases that
   say the
   same thing in organisation names are read as one (`data/equivalent_words.tsv`:
   "Scientific" and "Research", "Instrument-Making" and "Instrument"). A dedication to a
   person ("... named after A.N. Ganichev", "... имени Э.С. Яламова", "... of M.F.
   Stelmakh") is cut from an organisation's name and noted (`dedicated`). Company legal
   forms are recognised with
   rigour's org-type database (ISO 20275 + OCCRP, e.g. "Aktiengesellschaft", "OOO", "ZAO",
   "PJSC", "Limited", "S.p.A.") plus a few forms it lacks (Corp, Co, Societe Anonyme, FSUE
   / ФГУП, the Chinese and Korean forms); they are removed from the comparable tokens and
   kept canonicalised (`legal_forms`, `legal_classes`). A company name that would be left
   with generic words only keeps what tells it apart as identifying words: a legal-form
   lookalike that is not a common form ("IS BANK, AO", "STG HOLDING LIMITED"), its one word
   uncorrected ("MARINA", not "marine"), or a non-English stop word ("DES INTERNATIONAL
   COMPANY"). Generic words written in Chinese ("技术", "集团") are read in English before
   transliteration.
6. Numbers written as words or ordinals become digits in names of companies and other
   bodies ("Brigade Forty-Four" -> "brigade 44", "First" and "1st" -> "1").
7. Each remaining token gets a class that decides its weight in scoring: `name`
   (distinctive), `generic` ("company", "trading", "international", "holding", ...),
   `place` (country names and demonyms), `stop` ("of", "the", "al", "ul"; "ad", "ar",
   "as"... only before a word starting with their consonant: "ad-Din", "ar-Rahman"),
   `patronymic` ("...ovich"), `initial` (one letter; not a one-letter Hangul syllable) or
   `number`. A legal-form abbreviation at the end of a person's name of three or more
   words ("Nicolas Maduro SA") is `generic`; an abbreviation of generic words only
   ("Mfg", "Hldgs", see `data/abbreviations.tsv`) is `generic` too.
8. What an acronym needs, read from the original: the letters each word gives an acronym
   (its first, or the capitals inside it: "TeleSystems" gives T and S), and which words
   are written in lower case in a name that has capitals ("Acme" is not an acronym, "ACME"
   and "MTS" may be). `NormalizedName.acronyms` are the name's own acronyms, and
   `acronym_token` says whether a word of it may be one.

The output is `NormalizedName`, which also carries the sorted-token key, the in-order compact
form (all tokens joined, for "Hua Wei" vs "Huawei") and the scripts of the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Final, Literal

import icu
from rigour.names import extract_org_types, remove_person_prefixes
from rigour.text.normalize import Normalize, normalize
from rigour.text.phonetics import metaphone
from rigour.text.scripts import text_scripts
from rigour.text.translit import ascii_text as _ascii_text

from standing.screening import wordlists
from standing.screening.model import plain_state
from standing.screening.romanize import romanize_arabic

NameKind = Literal["person", "organization", "vessel", "unknown"]
TokenClass = Literal["name", "generic", "place", "stop", "patronymic", "initial", "number"]

_FLAGS: Final = Normalize.CASEFOLD | Normalize.NAME


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Relative weight of each token class in a name (multiplied with the token's rarity).
CLASS_WEIGHTS: Final[dict[str, float]] = {
    "name": 1.0,
    "number": 1.0,
    "initial": 0.35,
    "patronymic": 0.35,
    "place": 0.3,
    "generic": 0.12,
    "stop": 0.0,
}

#: Words that describe what a company does or how it is organised rather than who it is.
#: They count a little when they agree and can never create a match on their own.
GENERIC_TOKENS: Final[frozenset[str]] = wordlists.words("generic_words.txt")

#: Connectives and articles: no weight at all.
STOP_TOKENS: Final[frozenset[str]] = wordlists.words("stop_words.txt")
#: In person names only particles are stop words ("In", "An", "On" are Korean names).
PERSON_STOP_TOKENS: Final[frozenset[str]] = wordlists.words("person_stop_words.txt")

#: Unambiguous legal-form abbreviations: no weight even in a person's name ("... LLC").
_PERSON_LEGAL: Final[frozenset[str]] = wordlists.words("person_legal_forms.txt")
#: Legal-form abbreviations that are also names ("Sa", "Ag"): generic only at the end of a
#: person's name of three or more words.
_TRAILING_LEGAL: Final[frozenset[str]] = wordlists.words("trailing_legal_forms.txt")
#: Legal forms that are never what identifies a company, even one otherwise named only
#: with generic words ("Bank AO"); other legal-form lookalikes are kept then ("IS BANK").
_COMMON_LEGAL: Final[frozenset[str]] = (
    _PERSON_LEGAL | _TRAILING_LEGAL | wordlists.words("common_legal_forms.txt")
)
#: Stop words that never identify a name, even one otherwise generic ("The Bank").
_CONNECTIVES: Final[frozenset[str]] = wordlists.words("connectives.txt")
#: Roman numerals number funds and vessels ("Fund I", "Fund II").
_ROMAN: Final[frozenset[str]] = wordlists.words("roman_numerals.txt")


def _abbreviation_table() -> dict[str, tuple[tuple[str, ...], float]]:
    out: dict[str, tuple[tuple[str, ...], float]] = {}
    for row in wordlists.rows("abbreviations.tsv"):
        if len(row) != 3:
            raise ValueError(f"abbreviations.tsv: expected three tab-separated fields, got {row!r}")
        out[row[0]] = (tuple(row[1].split(",")), float(row[2]))
    return out


#: Abbreviations of words in organisation names ("intl", "mfg", "hldgs", "dr"): the words
#: each stands for and their similarity (0.95, or 0.85 for one that may stand for words of
#: different meaning: "ind" is industries or india).
ABBREVIATIONS: Final[dict[str, tuple[tuple[str, ...], float]]] = _abbreviation_table()


def _abbreviated_as() -> dict[str, tuple[tuple[str, float], ...]]:
    out: dict[str, tuple[tuple[str, float], ...]] = {}
    for abbreviation, (words, weight) in ABBREVIATIONS.items():
        for word in words:
            out[word] = (*out.get(word, ()), (abbreviation, weight))
    return out


#: The reverse: a word, the abbreviations that stand for it and their similarity.
ABBREVIATED_AS: Final[dict[str, tuple[tuple[str, float], ...]]] = _abbreviated_as()
#: Abbreviations that stand for generic words only ("mfg", "hldgs"): generic themselves.
_GENERIC_ABBREVIATIONS: Final[frozenset[str]] = frozenset(
    a for a, (words, _) in ABBREVIATIONS.items() if all(w in GENERIC_TOKENS for w in words)
)
#: Short English words that are also acronyms ("ace", "cat", "care"): weak as acronyms.
COMMON_WORDS: Final[frozenset[str]] = wordlists.words("common_words.txt")


def abbreviation_similarity(a: str, b: str) -> float:
    """The similarity of a word and its abbreviation by the table ("intl" / "international":
    0.95), either way round; 0.0 when neither abbreviates the other."""
    found = ABBREVIATIONS.get(a)
    if found is not None and b in found[0]:
        return found[1]
    found = ABBREVIATIONS.get(b)
    if found is not None and a in found[0]:
        return found[1]
    return 0.0


#: The mark of a form of `legal_forms.tsv` that is one only as the name's last words.
_LAST_WORD: Final = "$"
#: Legal forms rigour's database lacks, as token sequences -> canonical form.
_EXTRA_LEGAL: Final[dict[tuple[str, ...], str]] = {
    tuple(form.removesuffix(_LAST_WORD).split()): canonical
    for form, canonical in wordlists.pairs("legal_forms.tsv").items()
}
#: ... those that are forms only as the name's last words ("S.L.", not "SL Green Realty").
_LAST_ONLY: Final[frozenset[tuple[str, ...]]] = frozenset(
    tuple(form.removesuffix(_LAST_WORD).split())
    for form in wordlists.pairs("legal_forms.tsv")
    if form.endswith(_LAST_WORD)
)
_EXTRA_LEGAL_MAX = max(len(k) for k in _EXTRA_LEGAL)

#: Legal-form spellings in CJK scripts, cut before transliteration (longest first).
_CJK_LEGAL: Final[tuple[tuple[str, str], ...]] = tuple(
    wordlists.pairs("cjk_legal_forms.tsv").items()
)

#: Letters written more than one way in Arabic script (Persian ی and ک, the seats of hamza,
#: ة and ه), each as a class of its spellings, for `_ARABIC_LEGAL`.
_ARABIC_VARIANTS: Final = tuple(frozenset(group) for group in ("يیى", "كک", "ةه", "اأإآ", "ؤئءو"))


_ARABIC_RE: Final = re.compile(r"[\u0600-\u06ff]")


def _arabic_letters(text: str) -> str:
    """A pattern of Arabic-script letters with each letter's other spellings."""
    out = []
    for ch in text:
        group = next((g for g in _ARABIC_VARIANTS if ch in g), None)
        out.append(f"[{''.join(sorted(group))}]" if group else re.escape(ch))
    return "".join(out)


def _arabic_form(form: str) -> re.Pattern[str]:
    """An Arabic-script legal form's pattern: an abbreviation's letters with dots or spaces
    between them (written together they may be a word: ذمم, debts), or words at the name's
    end (see `data/arabic_legal_forms.tsv`)."""
    if "." in form:
        letters = r"[\s.]+".join(_arabic_letters(ch) for ch in form.replace(".", ""))
        return re.compile(rf"(?<![\w\u0600-\u06ff]){letters}\.?(?![\w\u0600-\u06ff])")
    words = r"[\s\u200c]+".join(_arabic_letters(word) for word in form.split())
    return re.compile(rf"(?<![\w\u0600-\u06ff]){words}(?=[^\w\u0600-\u06ff]*$)")


#: Company forms written in Arabic script, cut before the name is romanised: a pattern and its
#: canonical form, the longest first (ش.م.ع.ع before ش.م.ع).
_ARABIC_LEGAL: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (_arabic_form(form), canon)
    for form, canon in sorted(
        wordlists.pairs("arabic_legal_forms.tsv").items(), key=lambda item: -len(item[0])
    )
)


#: The columns of `script_legal_forms.tsv`: the script, the form as written, its canonical form.
_SCRIPT_FORM_COLUMNS: Final = 3


def _script_legal() -> dict[str, tuple[tuple[re.Pattern[str], str], ...]]:
    """`script_legal_forms.tsv` by script: each form's pattern, as a whole word, and its
    canonical form, the longest first."""
    forms: dict[str, list[tuple[str, str]]] = {}
    for number, row in enumerate(wordlists.rows("script_legal_forms.tsv"), 1):
        if len(row) != _SCRIPT_FORM_COLUMNS:
            raise ValueError(f"script_legal_forms row {number}: expected script, form, canonical")
        # as a name is read: NFKC (Thai ำ is ํ and า)
        forms.setdefault(row[0], []).append((unicodedata.normalize("NFKC", row[1]), row[2]))
    return {
        script: tuple(
            (re.compile(rf"(?<!\w){re.escape(form)}(?!\w)"), canon)
            for form, canon in sorted(rows, key=lambda r: -len(r[0]))
        )
        for script, rows in forms.items()
    }


#: Company forms written in Thai, Hebrew, Georgian, Armenian and Arabic script, by script, cut
#: before the name is transliterated (`data/script_legal_forms.tsv`, `_ARABIC_LEGAL`), the
#: longest first.
_SCRIPT_LEGAL: Final[dict[str, tuple[tuple[re.Pattern[str], str], ...]]] = {
    **_script_legal(),
    "Arabic": _ARABIC_LEGAL,
}


def arabic_legal_spans(text: str) -> list[tuple[int, int]]:
    """Where the company forms written in Arabic script stand in ``text`` (start, end)."""
    if not _ARABIC_RE.search(text):
        return []
    return [m.span() for pattern, _ in _ARABIC_LEGAL for m in pattern.finditer(text)]


#: Generic words of company names in Chinese, read in English (their pinyin would be
#: names: "华为技术" is Huawei Technologies, not "Hua Wei Ji Shu").
def _with_traditional_spellings(table: dict[str, str]) -> dict[str, str]:
    """A table of words in Han characters with each word also under its spelling in
    traditional characters where the table lacks it (移动 mobile: 移動, as Hong Kong and Taiwan
    write it)."""
    to_traditional = icu.Transliterator.createInstance("Hans-Hant")
    out = dict(table)
    for word, english in table.items():
        out.setdefault(to_traditional.transliterate(word), english)
    return out


_HAN_GENERIC: Final[dict[str, str]] = _with_traditional_spellings(
    wordlists.pairs("cjk_generic_words.tsv")
)
_HAN_GENERIC_RE: Final = re.compile(
    "|".join(re.escape(k) for k in sorted(_HAN_GENERIC, key=len, reverse=True))
)

#: Which countries use a legal form (canonical compare form -> ISO 3166 alpha-2). Only used
#: to tell sibling companies apart when both names carry legal forms of different countries.
LEGAL_FORM_COUNTRIES: Final[dict[str, frozenset[str]]] = {
    form: frozenset(countries.split())
    for form, countries in wordlists.pairs("legal_form_countries.tsv").items()
}

_PATRONYMIC_RE: Final = re.compile(
    r"(ovich|evich|ovych|evych|ovna|evna|ivna|ogly|oglu|ogli|kyzy|qizi)$"
)
_BRACKETS_RE: Final = re.compile(r"[\(\[\{].*?[\)\]\}]")
_HAN_HANGUL_RE: Final = re.compile(
    r"([\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u3400-\u9fff\uf900-\ufaff])"
)
_ABJAD_SCRIPTS: Final[frozenset[str]] = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})
_SYLLABIC_SCRIPTS: Final[frozenset[str]] = frozenset({"Han", "Hangul", "Hiragana", "Katakana"})

_SKELETON_MAP: Final = str.maketrans(
    {
        "a": None, "e": None, "i": None, "o": None, "u": None, "y": None, "w": None, "h": None,
        "g": "k", "c": "k", "q": "k", "b": "p", "f": "p", "v": "p", "d": "t", "z": "s",
    }
)  # fmt: skip


_NONE: Final[frozenset[str]] = frozenset()

#: Sets a derived form on a frozen `NormalizedName` the first time it is asked for.
_set: Final = object.__setattr__


@plain_state
@dataclass(frozen=True, slots=True)
class NormalizedName:
    """A name ready to compare: ASCII, casefolded, tokenised, legal forms set apart."""

    original: str
    kind: NameKind
    tokens: tuple[str, ...]  # comparable tokens in original order (no legal forms)
    classes: tuple[TokenClass, ...]  # one class per token
    legal_forms: tuple[str, ...]  # canonical legal forms found, e.g. ("ao",), ("gmbh",)
    scripts: frozenset[str]  # Unicode script names of the original's letters ("Latin", "Han")
    transliterated: bool  # the original had letters outside Latin
    abjad: bool  # the original was in a script written without vowels (Arabic, Hebrew)
    # per token, the letters it gives an acronym, when a word has capitals inside it
    # ("TeleSystems": "ts"); empty when every token gives its first letter
    capitals: tuple[str, ...] = ()
    # tokens written in lower case in a name that has capitals ("Acme"): not acronyms
    lowered: frozenset[str] = frozenset()
    # the name of an organisation dedicated to a person ("... named after A.N. Ganichev",
    # "... имени Э.С. Яламова"): the dedication is cut from the tokens, and its surname
    # kept in Latin letters as written ("yalamova": of a Russian name, in the genitive)
    dedicated: bool = False
    dedication: str = ""
    # `key`, `compact` and `generic_only` once computed: a name is compared many times
    _key: str | None = field(default=None, init=False, repr=False, compare=False)
    _compact: str | None = field(default=None, init=False, repr=False, compare=False)
    _generic_only: bool | None = field(default=None, init=False, repr=False, compare=False)
    _letters: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _abbreviated: bool | None = field(default=None, init=False, repr=False, compare=False)
    _acronyms: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    _in_capitals: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)
    _classed: tuple[tuple[str, TokenClass], ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def key(self) -> str:
        """Sorted significant tokens: equal keys are an exact normalised match."""
        key = self._key
        if key is None:
            key = " ".join(
                sorted(t for t, c in zip(self.tokens, self.classes, strict=True) if c != "stop")
            )
            _set(self, "_key", key)
        return key

    @property
    def compact(self) -> str:
        """All non-stop tokens joined in order ("hua wei" and "huawei" agree)."""
        compact = self._compact
        if compact is None:
            compact = "".join(
                t for t, c in zip(self.tokens, self.classes, strict=True) if c != "stop"
            )
            _set(self, "_compact", compact)
        return compact

    @property
    def classed(self) -> tuple[tuple[str, TokenClass], ...]:
        """The tokens with their classes, stop words left out (the words an alignment pairs)."""
        classed = self._classed
        if classed is None:
            classed = tuple(
                (t, c) for t, c in zip(self.tokens, self.classes, strict=True) if c != "stop"
            )
            _set(self, "_classed", classed)
        return classed

    @property
    def significant(self) -> tuple[str, ...]:
        """Tokens that identify the party: not generic, place, stop words or initials."""
        return tuple(
            t
            for t, c in zip(self.tokens, self.classes, strict=True)
            if c in ("name", "number", "patronymic")
        )

    @property
    def generic_only(self) -> bool:
        """The name has no identifying token: only legal forms, generic and stop words."""
        generic = self._generic_only
        if generic is None:
            generic = all(c in ("generic", "stop", "initial") for c in self.classes)
            _set(self, "_generic_only", generic)
        return generic

    @property
    def display(self) -> str:
        return " ".join(self.tokens)

    @property
    def letters(self) -> tuple[str, ...]:
        """Per token without stop words, the letters it gives an acronym: its first, or the
        capitals inside it ("Mobile TeleSystems": "m", "ts")."""
        letters = self._letters
        if letters is None:
            capitals = self.capitals or tuple(t[0] for t in self.tokens)
            letters = tuple(
                capitals[i] for i, c in enumerate(self.classes) if c != "stop" and self.tokens[i]
            )
            _set(self, "_letters", letters)
        return letters

    @property
    def abbreviated(self) -> bool:
        """Whether a word of the name is an abbreviation of the table or a word one stands
        for: only then can the table pair a word of it with one of another name."""
        found = self._abbreviated
        if found is None:
            found = self.kind != "person" and any(
                t in ABBREVIATIONS or t in ABBREVIATED_AS for t in self.tokens
            )
            _set(self, "_abbreviated", found)
        return found

    @property
    def in_capitals(self) -> frozenset[str]:
        """The tokens of three letters or more written in capitals in a name that is not
        written all in capitals ("VNIIEF" in "Russian Federal Nuclear Center VNIIEF", and
        "TsNIIKhM"): acronyms, which one letter more or less makes another's ("VNIITF")."""
        found = self._in_capitals
        if found is None:
            original = self.original
            found = _NONE
            if self.kind != "person" and original.isascii() and not original.isupper():
                words = {
                    w.lower()
                    for w in _WORD_RE.findall(original)
                    if len(w) >= 3 and (w.isupper() or _russian_acronym(w))
                }
                if words:
                    found = frozenset(t for t in self.tokens if t in words)
            _set(self, "_in_capitals", found)
        return found

    def acronym_token(self, token: str) -> bool:
        """Whether `token` of this name may be an acronym: 2 to 6 letters, not written in
        lower case beside capitals ("MTS", "ACME", "mts"; not "Acme" in "Acme Corp"), or up
        to 8 in a Russian acronym whose letters Ts, Kh, Zh, Ch and Sh write two
        ("TsNIIKhM")."""
        if len(token) > _ACRONYM_LETTERS:
            return len(token) <= _RUSSIAN_ACRONYM_LETTERS and any(
                w.lower() == token and _russian_acronym(w) for w in _WORD_RE.findall(self.original)
            )
        return len(token) >= 2 and token.isalpha() and token not in self.lowered

    @property
    def of_initials(self) -> str:
        """The initials of an organisation's name of the form "X of Y", with the O of its one
        "of" ("BOC": Bank of China, "BOI": Bank of India), of three to six letters; "" for
        any other name."""
        if self.kind == "person" or self.tokens.count("of") != 1:
            return ""
        at = self.tokens.index("of")
        if (
            at == 0
            or at == len(self.tokens) - 1
            or "stop" in self.classes[:at]
            or self.classes[at + 1] == "stop"
        ):
            return ""
        letters = self.letters
        if len(letters) + 1 > _ACRONYM_LETTERS:
            return ""
        before = sum(1 for c in self.classes[:at] if c != "stop")
        return "".join(letters[:before]) + "o" + "".join(letters[before:])

    @property
    def acronyms(self) -> frozenset[str]:
        """Acronyms of 3 to 6 letters of an organisation's name of several words, function
        words left out: the initials of all its words, with the initial of its legal form
        ("SMIC": Semiconductor Manufacturing International Corporation), and of its words
        that are not generic ("MTS": Mobile TeleSystems Bank). Empty for people."""
        found = self._acronyms
        if found is None:
            listed = _name_acronyms(self) if self.kind != "person" else []
            found = frozenset(listed) if listed else _NONE
            _set(self, "_acronyms", found)
        return found


def fold(text: str) -> str:
    """ASCII, casefolded, tokenised text joined by spaces. Idempotent: fold(fold(x)) == fold(x)."""
    return " ".join(_tokenize(_to_ascii(unicodedata.normalize("NFKC", text))))


@lru_cache(maxsize=200_000)
def skeleton(token: str) -> str:
    """Consonant skeleton with voiced/voiceless pairs merged ("mohammed", "mhmd" -> "mmt")."""
    out = token.translate(_SKELETON_MAP)
    if not out:
        return ""
    # collapse doubled letters ("hassan" -> "hsn")
    chars = [out[0]]
    for ch in out[1:]:
        if ch != chars[-1]:
            chars.append(ch)
    return "".join(chars)


@lru_cache(maxsize=500_000)  # as the folds of `similarity`: every token of a large list
def phonetic(token: str) -> str:
    """Metaphone key of a token ("" for digits and very short tokens)."""
    if len(token) < 3 or not token.isalpha():
        return ""
    return str(metaphone(token))


def token_class(token: str, kind: NameKind = "unknown") -> TokenClass:
    """The class of one folded token (see CLASS_WEIGHTS)."""
    return _token_class(token, kind)


@lru_cache(maxsize=200_000)
def _token_class(token: str, kind: NameKind) -> TokenClass:
    if any(ch.isdigit() for ch in token):
        return "number"
    if kind != "person" and token in _ROMAN:
        return "number"
    if len(token) == 1:
        return "initial"
    if kind == "person":
        if token in PERSON_STOP_TOKENS:
            return "stop"
        if token in _PERSON_LEGAL:
            return "generic"
        if _PATRONYMIC_RE.search(token) and len(token) > 6:
            return "patronymic"
        return "name"
    if token in STOP_TOKENS:
        return "stop"
    if token in GENERIC_TOKENS or token in _GENERIC_ABBREVIATIONS:
        return "generic"
    if kind != "unknown" and token in _place_tokens():
        return "place"
    return "name"


#: An acronym written with "&" between capitals ("KS&EW": Karachi Shipyard & Engineering
#: Works; "AT&T", "AT & T"); not a name's "& Co"
_AMPERSAND_ACRONYM_RE: Final = re.compile(r"\b[A-Z]{1,3}(?:\s*&\s*(?!CO\b|SONS?\b)[A-Z]{1,3})+\b")
#: Fewest letters of such an acronym read as one word ("P&G" too: the initials of two
#: words joined by "&", as Procter & Gamble writes them)
_AMPERSAND_LETTERS: Final = 2


def _joined_capitals(found: re.Match[str]) -> str:
    joined = "".join(found.group(0).replace("&", " ").split())
    return joined if len(joined) >= _AMPERSAND_LETTERS else found.group(0)


#: A country's letter in brackets before the legal form that says the country already, as
#: companies of Singapore and Malaysia write it ("Acme (S) Pte Ltd", "Acme (M) Sdn Bhd"), and
#: India's "(P) Ltd", a private limited company.
_FORM_COUNTRY_LETTER_RE: Final = re.compile(
    r"\(\s*(?:S\s*\)\s*(?=Pte\b)|M\s*\)\s*(?=Sdn\b|Bhd\b|Berhad\b))", re.IGNORECASE
)
_PRIVATE_LETTER_RE: Final = re.compile(r"\(\s*P\s*\)\s*(?=Ltd\b|Limited\b)", re.IGNORECASE)


def normalize_name(text: str, kind: NameKind = "unknown") -> NormalizedName:
    """Normalise one name of a party of the given kind (person names keep legal-form-like words)."""
    return _normalize_name(text, kind)


def normalize_syllables(text: str, kind: NameKind = "unknown") -> NormalizedName:
    """Normalise a reading of a name in the syllables of its language, written in Latin
    letters ("chau tai fuk Jewellery Group 有限公司"): a syllable is a word of the name, never a
    legal form nor a function word of another language than English ("yu" of 裕元, Yue Yuen,
    is no legal form; "wa" of 翠華, Tsui Wah, no Arabic "and"); its legal forms are those
    written in Han characters."""
    return _normalize_name(text, kind, True)


@lru_cache(maxsize=50_000)
def _normalize_name(text: str, kind: NameKind, syllables: bool = False) -> NormalizedName:
    raw = unicodedata.normalize("NFKC", text).strip()
    scripts = frozenset(str(s) for s in text_scripts(raw))
    legal: list[str] = []
    only_legal = False
    work = raw
    if kind != "person" and scripts & _SYLLABIC_SCRIPTS:
        for form, canon in _CJK_LEGAL:
            if form in work:
                work = work.replace(form, " ")
                legal.append(canon)
    if kind != "person" and scripts & _SYLLABIC_SCRIPTS:
        work = _HAN_GENERIC_RE.sub(lambda m: f" {_HAN_GENERIC[m.group(0)]} ", work)
    if kind != "person" and not scripts.isdisjoint(_SCRIPT_LEGAL):
        for script, forms in _SCRIPT_LEGAL.items():  # in the table's order
            if script not in scripts:
                continue
            for pattern, canon in forms:
                work, forms_cut = pattern.subn(" ", work)
                if forms_cut:
                    legal.append(canon)
    if "Arabic" in scripts:
        work = romanize_arabic(work)
    if kind != "person" and "(" in work:
        work = _PRIVATE_LETTER_RE.sub("Pvt ", _FORM_COUNTRY_LETTER_RE.sub("", work))
    if kind == "person":
        work = remove_person_prefixes(work)
    elif "'" in work or "\u2019" in work:
        work = _POSSESSIVE_RE.sub(_possessive_place, work)
    if kind != "person" and "-" in work:
        work = _EZAFE_RE.sub("", work)
    if scripts & _SYLLABIC_SCRIPTS:
        work = _HAN_HANGUL_RE.sub(r" \1 ", work)
    dedicated = False
    dedication = ""
    if kind != "person":
        cut, surname = _dedication(work)
        if cut != work and _says_which(cut, kind):
            work, dedicated, dedication = cut, True, surname
    if kind != "person" and "." in work:
        work = _DOTTED_RE.sub(_dotted, work)
    if kind != "person" and "&" in work:
        work = _AMPERSAND_ACRONYM_RE.sub(_joined_capitals, work)
    tokens = _tokenize(_to_ascii(work, kind))
    if not tokens:
        # a name made only of punctuation or bracketed text: fall back to the brackets' content
        tokens = _tokenize(_to_ascii(raw))
    if kind != "person" and len(tokens) > 1:
        tokens = [_russian_form_word(t) for t in tokens]
    restored: frozenset[int] = frozenset()
    # a name written in Hangul, Han or kana alone has no descriptor acronyms: its syllables
    # romanised are no acronyms ("포" of 포스코, POSCO, read "po", is no production association)
    syllabic = scripts <= _SYLLABIC_SCRIPTS
    if kind != "person" and tokens:
        if not syllabic and len(tokens) > 1:
            # a descriptor alone is the name, an acronym of its own ("KFH", Kuwait Finance
            # House, is no peasant farm, КФХ)
            tokens = [part for t in tokens for part in _DESCRIPTORS.get(t, (t,))]
            if any(t in _LEADING_DESCRIPTORS for t in tokens[:3]):
                tokens = _leading_descriptor(tokens, kind)
        # equivalent words read as one after a typo in them is corrected ("Sciedtific")
        raw_tokens = _undoubled(_equivalents(tokens), kind)
        tokens = _undoubled(_equivalents([_correct(t) for t in tokens]), kind)
        if len(raw_tokens) != len(tokens):
            raw_tokens = tokens
        # a syllable of a name in Hangul, Han or kana is no legal form ("페" of 스페이스, read
        # "pe"; 沙 of 沙钢, Shagang, read "sha"; 裕 of 裕元, Yue Yuen, "yu"): only its words in
        # Latin letters may be (its forms in its own script were cut above)
        written = (
            frozenset() if syllables else _latin_words(raw) if scripts & _SYLLABIC_SCRIPTS else None
        )
        kept, found, positions = _split_legal_forms(tokens, written)
        if kept and not _identified(kept, kind):
            # a name of legal forms and generic words only ("IS BANK, AO", "STG HOLDING
            # LIMITED", "MARINA"): what tells it apart is kept as its identifying words
            kept, found, positions, restored = _identifying_words(
                raw_tokens, tokens, kept, found, positions, kind
            )
        legal.extend(found)
        if kept:
            tokens = kept
        else:
            only_legal = True
    abjad = bool(scripts & _ABJAD_SCRIPTS)
    spelled: dict[int, str] = {}  # a number written as a word: the word's initial
    if kind != "person" and not only_legal and not restored:
        words = tokens
        tokens = _number_words(tokens)
        if tokens != words:
            spelled = _spelled_numbers(words, tokens)
    classes: tuple[TokenClass, ...] = tuple(
        "generic" if only_legal else "name" if i in restored else token_class(t, kind)
        for i, t in enumerate(tokens)
    )
    classes = _context_classes(tokens, classes, _latin_words(raw) if "Hangul" in scripts else None)
    if syllables:
        # a syllable is a word of the name but where an English name writes it as a function
        # word too ("On" of Wing On, 永安)
        classes = tuple(
            "name" if c == "stop" and t not in _CONNECTIVES else c
            for t, c in zip(tokens, classes, strict=True)
        )
    if kind == "person" and len(tokens) >= 3 and tokens[-1] in _TRAILING_LEGAL:
        classes = (*classes[:-1], "generic")  # "Nicolas Maduro SA"
    capitals, lowered = _written(raw, tokens) if kind != "person" else ((), frozenset())
    if spelled:
        # "China Three Gorges" is CTG: a number written as a word gives its initial
        capitals = tuple(
            spelled.get(i, capitals[i] if capitals else t[:1]) for i, t in enumerate(tokens)
        )
    return NormalizedName(
        original=text,
        kind=kind,
        tokens=tuple(tokens),
        classes=classes,
        legal_forms=tuple(dict.fromkeys(legal)),
        scripts=scripts,
        transliterated=bool(scripts - {"Latin"}),
        abjad=abjad,
        capitals=capitals,
        lowered=lowered,
        dedicated=dedicated,
        dedication=dedication,
    )


def name_words(text: str) -> list[str]:
    """The folded words of an organisation's name other than its legal forms and descriptor
    acronyms ("ООО ЧОП «Щит»" -> ["shchit"]; descriptor words stay: "Концерн", "Компания")."""
    tokens = _tokenize(_to_ascii(unicodedata.normalize("NFKC", text), "organization"))
    kept, _, _ = _split_legal_forms(tokens)
    return [t for t in kept if not (t in _DESCRIPTORS and len(t) <= _DESCRIPTOR_ACRONYM)]


#: A dedication in an organisation's name: "named after", "имени" (in Latin letters "imeni")
#: or "им." and the person ("NPO Splav named after A.N. Ganichev", "завод» имени Э.С.
#: Яламова»"). It says whom the body honours, not
#: which body it is: English names often leave it out.
_DEDICATION_RE: Final = re.compile(
    r"(?<![^\W\d_])(?:named\s+after|имени|imeni|им\.)\s+"
    # a title before the person ("named after Professor N.E. Zhukovsky", "имени академика")
    r"(?:(?:professor|professora|academician|akademika|профессора|академика|general"
    r"|generala|генерала|marshal|marshala|маршала)\s+)?"
    # the person: initials and a surname ("A.N. Ganichev", "VI Chapaev"), or one or two
    # words that end the name or its quoted part ("named after Gagarin"), or one word
    # before what follows ("... named after S.I. Vavilov Management Company of Belomo")
    r"(?:(?:[^\W\d_]{1,2}(?:\.\s*|\s+)){1,3}[^\W\d_][\w'-]*"
    r"|[^\W\d_][\w'-]*(?:\s+[^\W\d_][\w'-]*)?(?=\s*(?:$|[»\"”,;()]))"
    r"|[^\W\d_][\w'-]*)",
    re.IGNORECASE,
)
#: The same with "of" and a person's initials and surname at the end of the name ("Research
#: Institute Polyus of M.F. Stelmakh"), taken for a dedication only in the name of an
#: institute, plant or bureau (not "Bank of N.Y. Mellon").
_OF_PERSON_RE: Final = re.compile(r"\s+of\s+(?:[^\W\d_]\.\s*){1,3}[^\W\d_]{2,}\s*$")
_DEDICATED_BODY_RE: Final = re.compile(
    r"(?i)(?<![^\W\d_])(?:institute|plant|factory|works|bureau|academy|university"
    r"|institut|zavod)(?![^\W\d_])"
)


def _says_which(text: str, kind: NameKind) -> bool:
    """Whether a name without its dedication still says which body it is: a name, place or
    number is left ("NPO Splav", "Ural ... Plant"), not a kind of body alone ("Zavod imeni
    V.A. Degtyareva", the Degtyarev Plant, is named by its dedication)."""
    return any(c in ("name", "place", "number") for c in _normalize_name(text, kind).classes)


def _dedication(text: str) -> tuple[str, str]:
    """``text`` with its dedication to a person cut (see `_DEDICATION_RE`), and the person's
    surname, folded ("" when there is none)."""
    surname = ""
    found = _DEDICATION_RE.search(text)
    if found is not None:
        surname = _surname(found.group(0))
        text = _DEDICATION_RE.sub(" ", text)
    if (person := _OF_PERSON_RE.search(text)) and _DEDICATED_BODY_RE.search(text):
        surname = _surname(person.group(0))
        text = _OF_PERSON_RE.sub(" ", text)
    if not surname and (eponym := _LEADING_EPONYM_RE.match(text)) and _eponym(eponym):
        surname = fold(eponym.group("surname"))
        text = text[eponym.end("surname") :]
    return text, surname


#: A university, institute or academy whose name begins with the surname it is named after
#: ("Lomonosov Moscow State University", "Bauman Moscow State Technical University",
#: "Mendeleev University of Chemical Technology"), the person's initials before it or not
#: ("V. Tikhomirov Scientific Research Institute of Instrument Design"); so is a state
#: corporation, centre, plant or bureau ("S.P. Korolev Rocket and Space Corporation Energia")
_LEADING_EPONYM_RE: Final = re.compile(
    r"\s*(?P<initials>(?:[A-Z]\.\s*){1,3})?(?P<surname>[A-Z][a-z]{3,})\s+(?P<next>[A-Z][a-z]+)\b"
    r"(?=.*\b(?:University|Institute|Academy|Corporation|Centre|Center|Plant|Bureau)\b)"
)


def _eponym(found: re.Match[str]) -> bool:
    """Whether the first word `_LEADING_EPONYM_RE` found is a person's surname: a word of a
    name with a surname's ending, after the person's initials or before a place ("V.
    Tikhomirov", "Lomonosov Moscow", "Plekhanov Russian", "Bauman Moscow"; not "Huawei
    Moscow Research Institute")."""
    first, after = fold(found.group("surname")), fold(found.group("next"))
    return (
        first.endswith(_SURNAME_ENDINGS)
        and _token_class(first, "organization") == "name"
        and (bool(found.group("initials")) or _token_class(after, "organization") == "place")
    )


#: Endings of the surnames universities and institutes are named after (Russian: Lomonosov,
#: Mendeleev, Gubkin; Polish and Ukrainian: -sky, -ko; German: Bauman)
_SURNAME_ENDINGS: Final = ("ov", "ev", "in", "yn", "sky", "skiy", "ko", "man")


def _surname(dedication: str) -> str:
    """The last word of a dedication: the person's surname ("Zhukovsky", "Ломоносова")."""
    words = _WORD_RE.findall(dedication)
    return fold(words[-1]).replace(" ", "") if words else ""


def dedicated_to(word: str, surname: str) -> bool:
    """Whether `word` of a name is the surname of a dedication, in another case or spelling
    ("lomonosov", "lomonosova"; "gorky", "gorkogo"): they share all but the last two
    letters of the shorter, four letters at least."""
    if not surname or not word:
        return False
    shorter = min(len(word), len(surname))
    shared = next((i for i in range(shorter) if word[i] != surname[i]), shorter)
    return shared >= max(_DEDICATION_STEM, shorter - _DEDICATION_ENDING)


#: Fewest letters a surname and a word share to be one name in two cases; letters of the
#: shorter either may end with otherwise (Russian case endings: -a, -ogo, -y).
_DEDICATION_STEM: Final = 4
_DEDICATION_ENDING: Final = 2


#: English words and phrases of organisation names that say the same thing, each read as one
#: (`data/equivalent_words.tsv`): "Scientific Production Association" and "Research and
#: Production Association" are one descriptor (НПО), "Instrument-Making Plant" and "Instrument
#: Plant" one kind of plant. Keyed by a phrase's first word: (its words, the words read).
_EQUIVALENTS: Final[dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]] = {}
for _words_written, _words_read in wordlists.pairs("equivalent_words.tsv").items():
    _EQUIVALENTS.setdefault(_words_written.split()[0], []).append(
        (tuple(_words_written.split()), tuple(_words_read.split()))
    )
for _phrases in _EQUIVALENTS.values():
    _phrases.sort(key=lambda phrase: -len(phrase[0]))


def _equivalents(tokens: list[str]) -> list[str]:
    """The tokens with the equivalent words and phrases of `_EQUIVALENTS` read as one."""
    if not any(t in _EQUIVALENTS for t in tokens):
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for written, read in _EQUIVALENTS.get(tokens[i], ()):
            if tuple(tokens[i : i + len(written)]) == written:
                out.extend(read)
                i += len(written)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _undoubled(tokens: list[str], kind: NameKind) -> list[str]:
    """The tokens without a generic word written twice in a row, as a name read word for word
    or with its equivalent words gives one ("научно-исследовательский институт": research
    research institute; проектно-конструкторское бюро: design design bureau)."""
    return [
        t
        for i, t in enumerate(tokens)
        if i == 0
        or t != tokens[i - 1]
        or _token_class(t, kind) != "generic"
        or _ends_legal_form(tokens[:i])
    ]


def _ends_legal_form(tokens: list[str]) -> bool:
    """Whether the words end with a legal form written out, whose last word the name then
    says again ("Joint Stock Commercial Bank Bank of Moscow": the bank's name is Bank of
    Moscow)."""
    return any(
        tokens[-len(parts) :] == parts
        for matched, _ in extract_org_types(" ".join(tokens), _FLAGS)
        if len(parts := str(matched).split()) > 1
    )


#: An abbreviation with a dot written against the next word ("Dr.Web", "Intl.Trading").
_DOTTED_RE: Final = re.compile(r"\b([A-Za-z]{2,6})\.(?=[A-Za-z]{2})")


def _dotted(match: re.Match[str]) -> str:
    word = match.group(1)
    return f"{word}. " if word.lower() in ABBREVIATIONS else match.group(0)


#: A word with capitals inside it ("TeleSystems", "PetroChina"), not a Scottish or Irish
#: surname prefix ("McDonald").
_CAMEL_RE: Final = re.compile(r"(?<![^\W\d_])(?:[A-Z][a-z]+|[a-z]{2,})(?:[A-Z][a-z]+)+")
_CAMEL_PART_RE: Final = re.compile(r"[A-Z]?[a-z]+")
_NOT_CAMEL: Final = frozenset({"mc", "mac"})
#: An acronym of Russian words in Latin letters, whose letters for Ц, Х, Ж, Ч and Ш are two
#: with the second in lower case ("TsAGI", "TsNIIKhM"): written in capitals all the same.
_RUSSIAN_ACRONYM_RE: Final = re.compile(r"(?:[A-Z]|Ts|Kh|Zh|Ch|Sh)+")
#: Fewest capitals of such an acronym ("TsKB"; not a word such as "Shah").
_RUSSIAN_ACRONYM_CAPITALS: Final = 3
#: Most letters of an acronym (`NormalizedName.acronym_token`), and of a Russian one
_ACRONYM_LETTERS: Final = 6
_RUSSIAN_ACRONYM_LETTERS: Final = 8


def _russian_acronym(word: str) -> bool:
    return (
        _RUSSIAN_ACRONYM_RE.fullmatch(word) is not None
        and sum(ch.isupper() for ch in word) >= _RUSSIAN_ACRONYM_CAPITALS
    )


_WORD_RE: Final = re.compile(r"[^\W\d_]+")


def _written(raw: str, tokens: list[str]) -> tuple[tuple[str, ...], frozenset[str]]:
    """How an organisation's words are written, for acronyms: per token the letters it gives
    one when a word has capitals inside it ("TeleSystems": "ts"; else ()), and the tokens
    written in lower case in a name that has capitals ("Acme" in "Acme Corp")."""
    if not tokens:
        return (), frozenset()
    capitals: tuple[str, ...] = ()
    if raw.isascii() and not raw.isupper() and not raw.islower():
        camel: dict[str, str] = {}
        for m in _CAMEL_RE.finditer(raw):
            parts = _CAMEL_PART_RE.findall(m.group(0))
            if parts[0].lower() not in _NOT_CAMEL:
                camel[m.group(0).lower()] = "".join(p[0].lower() for p in parts)
        if camel:
            capitals = tuple(camel.get(t, t[:1]) for t in tokens)
    lowered: frozenset[str] = _NONE
    if any(ch.isupper() for ch in raw) and any(ch.islower() for ch in raw):
        # only the name's words that could be acronyms (2 to 6 letters) need saying
        short = {t for t in tokens if 2 <= len(t) <= 6}
        if short:
            lowered = (
                frozenset(
                    t
                    for w in _WORD_RE.findall(raw)
                    if 2 <= len(w) <= 7
                    and any(ch.islower() for ch in w)
                    and not _russian_acronym(w)
                    for t in (w.lower() if w.isascii() else fold(w)).split()
                    if t in short
                )
                or _NONE
            )
    return capitals, lowered


def _name_acronyms(name: NormalizedName) -> list[str]:
    """See `NormalizedName.acronyms`."""
    if len(name.tokens) < 2:
        return []
    tokens = [(t, c) for t, c in zip(name.tokens, name.classes, strict=True) if c != "stop"]
    letters = name.letters
    if (
        len(tokens) < 2
        or len(tokens) > 6
        or not all(t.isalpha() or letters[i].isalpha() for i, (t, _) in enumerate(tokens))
    ):
        return []
    whole = "".join(letters)
    out = [whole]
    # the legal form's letters end an acronym of four letters or more ("SMIC": Semiconductor
    # Manufacturing International Corporation; "TPAO": Türkiye Petrolleri Anonim Ortaklığı),
    # Corporation's C one of three after a place's initial ("UAC": United Aircraft
    # Corporation; see `alignment._form_ended`)
    out.extend(
        whole + tail
        for tail in sorted(form_initials(name))
        if len(whole + tail) >= 4
        or (tail == "c" and "corp" in name.legal_forms and name.classes[:1] == ("place",))
    )
    own = [i for i, (_, c) in enumerate(tokens) if c != "generic"]
    if 2 <= len(own) < len(tokens):
        out.append("".join(letters[i] for i in own))
    if name.of_initials:
        out.append(name.of_initials)
    return [a for a in dict.fromkeys(out) if 3 <= len(a) <= 6]


#: Legal forms that stand at the end of a name, with the letters they end its acronym with
#: ("Corporation" the C of SMIC, "Limited" the L, "Co., Ltd." the C of YMTC; the Turkish A.Ş.,
#: Anonim Şirketi or Anonim Ortaklığı, the AŞ of TEİAŞ or the AO of TPAO) ...
FORM_INITIALS: Final[dict[str, tuple[str, ...]]] = {
    "corp": ("c",),
    "co": ("c",),
    "coltd": ("c",),
    "inc": ("i",),
    "ltd": ("l",),
    "as": ("as", "ao"),
}
#: Two legal forms a name ends with, which an acronym ends with both of ("Corporation
#: Limited": the CL of IOCL, Indian Oil Corporation Limited).
_FORM_PAIRS: Final[dict[frozenset[str], str]] = {
    frozenset({"corp", "ltd"}): "cl",
    frozenset({"co", "ltd"}): "cl",
}
#: ... and those of a loose form too, a syllable of the form's word ("KEPCO": CO of
#: Corporation).
FORM_TAILS: Final[dict[str, tuple[str, ...]]] = {
    **FORM_INITIALS,
    "corp": ("c", "co"),
    "co": ("c", "co"),
}


#: Legal forms of one kind under other names: all joint-stock companies of Russian law and
#: its neighbours (an OAO is a JSC, as are its successors AO and PAO; so are the Ukrainian
#: AT and PrAT and the Bulgarian and Serbian AD and EAD), the limited liability companies
#: (an OOO, the Bulgarian OOD and EOOD, the Serbian DOO), and the state unitary enterprises
#: (an FSUE, ФГУП, is a federal one).
LEGAL_FAMILIES: Final[dict[str, str]] = {
    **dict.fromkeys(("jsc", "ao", "oao", "zao", "pao", "pjsc", "ojsc", "cjsc", "mkpao"), "jsc"),
    **dict.fromkeys(("at", "prat", "ad", "ead"), "jsc"),
    "coltd": "ltd",  # "Co., Ltd." is "Company Limited"
    "sl": "ltd",  # a sociedad limitada is a limited company
    "pcl": "plc",  # a public company limited (Thailand) is a public limited company
    **dict.fromkeys(("sac", "saa"), "sa"),  # Peru's sociedades anónimas, closed and open
    **dict.fromkeys(("ooo", "ood", "eood", "doo"), "llc"),
    "too": "llp",  # a Kazakh limited liability partnership (ТОО) is an LLP
    "fsue": "sue",  # a federal state unitary enterprise is a state unitary enterprise
}


def legal_family(form: str) -> str:
    """The kind of company a canonical legal form is ("pao" -> "jsc", "coltd" -> "ltd")."""
    return LEGAL_FAMILIES.get(form, form)


def form_initials(name: NormalizedName) -> frozenset[str]:
    """The letters the legal forms of an organisation's name end its acronym with
    (`FORM_INITIALS`: "Corporation" the C of SMIC, "Corporation Limited" the C of HSBC, and
    the CL of IOCL)."""
    if name.kind == "person" or not name.legal_forms:
        return frozenset()
    tails = {tail for form in name.legal_forms for tail in FORM_INITIALS.get(form, ())}
    pair = _FORM_PAIRS.get(frozenset(name.legal_forms))
    if pair is not None:
        tails.add(pair)
    return frozenset(tails)


def legal_form_countries(forms: tuple[str, ...]) -> frozenset[str]:
    """Countries whose company law has these legal forms (empty when unknown or generic)."""
    out: set[str] = set()
    for form in forms:
        out |= LEGAL_FORM_COUNTRIES.get(form, frozenset())
    return frozenset(out)


#: Descriptor acronyms and words of Russian company names, read in English: "ЧОП «Щит»" is
#: the private security company Shchit, "НК «Роснефть»" the oil company Rosneft. Those
#: written in Cyrillic in the file are read as their transliteration.
_DESCRIPTORS: Final[dict[str, tuple[str, ...]]] = {
    (word if word.isascii() else str(normalize(str(_ascii_text(word)), _FLAGS))): tuple(
        english.split()
    )
    for word, english in wordlists.pairs("descriptors.tsv").items()
}

#: Descriptor acronyms that are also other words or brands ("NPP", "MKB", "PO"), read in
#: English only before the name they describe (`data/capital_descriptors.tsv`: "NPP Pulsar",
#: "MKB Fakel"; not "MKB Bank" nor "Zaporizhzhia NPP").
_LEADING_DESCRIPTORS: Final[dict[str, tuple[str, ...]]] = {
    written.lower(): tuple(english.split())
    for written, english in wordlists.pairs("leading_descriptors.tsv").items()
}


def _names_body(token: str, kind: NameKind) -> bool:
    """Whether a word names a body: a name, not a place (a nuclear power plant is named after
    its town: "NPP Khmelnitsky") nor a common English word (the brand "DP World")."""
    return (
        token_class(token, kind) == "name"
        and place_country(token) is None
        and token not in COMMON_WORDS
    )


def _leading_descriptor(tokens: list[str], kind: NameKind) -> list[str]:
    """``tokens`` with a descriptor acronym of `_LEADING_DESCRIPTORS` read in English when it
    is the name's first word but for legal forms and a word that names the body follows it
    (`_names_body`), whatever the case it is written in ("NPP KLASS" is "Npp Klass")."""
    for i, token in enumerate(tokens[:3]):
        if token not in _LEADING_DESCRIPTORS:
            if _split_legal_forms([token])[0]:
                return tokens  # a word of the name comes first
            continue
        rest = tokens[i + 1 :]
        kept = _split_legal_forms(rest)[0]
        if kept and kept[0] == rest[0] and any(_names_body(t, kind) for t in kept):
            return [*tokens[:i], *_LEADING_DESCRIPTORS[token], *rest]
        return tokens
    return tokens


#: The longest descriptor acronym ("chop", "tsnii").
_DESCRIPTOR_ACRONYM: Final = 5

#: Regions that qualify a company's name as places do ("China Unicom (Americas) Operations").
_REGIONS: Final = wordlists.words("regions.txt")


#: Words of a group that Chinese companies' English names put in brackets ("AVIC Chengdu
#: Aircraft Industrial (Group) Co., Ltd.", 集团): written without them by the same company.
_BRACKETED_GROUP: Final = frozenset({"group", "holding", "holdings"})


def _bracket(match: re.Match[str]) -> str:
    """A bracketed part of an organisation's name is part of the name when it is short: a
    place or region ("Norland Mobile (UK) Ltd", "China Unicom (Americas) Operations
    Limited"), a legal form ("VTB Bank (PJSC)"), a group ("... Industrial (Group) Co.,
    Ltd."); an acronym of a longer name ("... Shipping Lines (IRISL)") and remarks
    ("(formerly ...)") are not."""
    inner = match.group(0)[1:-1].strip()
    words = [fold(w).replace(".", "") for w in inner.split()]
    if not words or len(words) > 3:
        return " "
    places = _place_tokens()
    if all(
        len(w) <= 2
        or w in places
        or w in _REGIONS
        or w in LEGAL_FORM_COUNTRIES
        or w in _BRACKETED_GROUP
        for w in words
    ):
        return f" {inner} "
    return " "


#: Words that open a remark in brackets rather than another name of the body ("(formerly
#: ...)", "(in liquidation)", "(a branch of ...)").
_REMARKS: Final = frozenset(
    {"formerly", "former", "previously", "ex", "fka", "aka", "also", "in", "under", "now"}
    | {"branch", "representative", "see", "trading", "dba", "not", "registered", "a", "an"}
    | {"the", "of", "part", "subsidiary", "liquidation", "bankrupt", "dissolved", "closed"}
)
#: Fewest letters of a name in brackets.
_ALIAS_LETTERS: Final = 3
#: Most words of a name in brackets.
_ALIAS_WORDS: Final = 3


def bracketed_alias(text: str) -> str | None:
    """The other name an organisation's name gives in brackets, when the brackets hold one
    that is not part of the name (see `_bracket`): its brand or acronym ("Saudi Arabian
    Mining Company (Ma'aden)", "Islamic Republic of Iran Shipping Lines (IRISL)"); None for
    remarks ("(formerly ...)"), places, legal forms and groups."""
    found = _BRACKETS_RE.search(text)
    if found is None or not _BRACKETS_RE.sub("", text).strip():
        return None
    inner = found.group(0)[1:-1].strip()
    words = inner.split()
    if (
        not words
        or len(words) > _ALIAS_WORDS
        or sum(ch.isalpha() for ch in inner) < _ALIAS_LETTERS
        or fold(words[0]).replace(".", "").replace("/", "") in _REMARKS
        or _bracket(found) != " "
    ):
        return None
    return inner


#: A university's title after the name of an institute or academy, set apart ("Moscow
#: Institute of Physics and Technology State University"; as in brackets: "(National Research
#: University)")
_APPOSED_UNIVERSITY_RE: Final = re.compile(
    r"(?P<name>.*\b(?:institute|academy)\b.*?)[\s,]+"
    r"(?:(?:state|national|federal|research|technical|technological|autonomous)\s+)*"
    r"university\s*",
    re.IGNORECASE,
)


def apposed_university(text: str) -> str | None:
    """The name of an institute or academy followed by a university's title, without the
    title ("Moscow Institute of Physics and Technology State University": Moscow Institute
    of Physics and Technology); None for other names."""
    found = _APPOSED_UNIVERSITY_RE.fullmatch(text) if text.isascii() else None
    return found.group("name") if found else None


#: A name in guillemets inside another, and what follows it inside the outer pair ("АО
#: «Фонд ... «Самрук-Казына»»").
_NESTED_QUOTED_RE: Final = re.compile(r"«[^«»]*«(?P<name>[^«»]+)»(?:[^«»]*»)?")


def nested_quoted(text: str) -> str | None:
    """A name with its quoted part in guillemets cut to the name quoted inside it, as
    registered names in Russian and the languages of its neighbours quote a body's own name
    within a descriptive one, the legal form kept ("АО «Фонд национального благосостояния
    «Самрук-Казына»»": АО «Самрук-Казына»); None for other names."""
    found = _NESTED_QUOTED_RE.search(text) if "«" in text else None
    if found is None:
        return None
    name = found.group("name").strip()
    if sum(ch.isalpha() for ch in name) < _LEAST_QUOTED:
        return None
    return f"{text[: found.start()]}«{name}»{text[found.end() :]}".strip()


#: Fewest letters of a nested quoted name read on its own.
_LEAST_QUOTED: Final = 3


#: An acronym in capitals after a dash at the end of a name, as another name of the body in
#: brackets is written ("Banco Central de Venezuela - BCV").
_DASHED_ACRONYM_RE: Final = re.compile(r"(?<=\w)\s+[-–—]\s+([A-Z]{3,6})\s*$")


#: The words of Russian legal forms in Latin letters, as `legal_forms.tsv` and rigour spell
#: them (BGN/PCGN), which other schemes write otherwise ("akcionernoe obshhestvo", GOST 7.79;
#: "obshestvo s ogranichennoi otvetstvennostiu").
_RUSSIAN_FORM_WORDS: Final = (
    *("aktsionernoe", "obshchestvo", "publichnoe", "otkrytoe", "zakrytoe", "ogranichennoy"),
    *("otvetstvennostyu", "federalnoe", "gosudarstvennoe", "unitarnoe", "predpriyatie"),
    *("byudzhetnoe", "uchrezhdenie", "kazennoe", "avtonomnoe"),
)
#: Fewest letters of a word of a Russian legal form.
_LEAST_FORM_WORD: Final = 7


@cache
def _russian_form_words() -> dict[str, str]:
    from standing.screening.romanised import fold_russian

    return {fold_russian(word): word for word in _RUSSIAN_FORM_WORDS}


@lru_cache(maxsize=20_000)
def _russian_form_word(token: str) -> str:
    """A word of a Russian legal form in Latin letters as `legal_forms.tsv` spells it, in
    whichever scheme it is written; other words as they are."""
    if len(token) < _LEAST_FORM_WORD or token in _RUSSIAN_FORM_WORDS:
        return token
    from standing.screening.romanised import fold_russian

    return _russian_form_words().get(fold_russian(token), token)


def _to_ascii(text: str, kind: NameKind = "person") -> str:
    if kind != "person" and (found := _DASHED_ACRONYM_RE.search(text)):
        # read as that name in brackets is: an acronym is cut, a legal form kept ("- JSC")
        text = f"{text[: found.start()]} ({found.group(1)})"
    if _BRACKETS_RE.search(text) and _BRACKETS_RE.sub("", text).strip():
        text = _BRACKETS_RE.sub(" " if kind == "person" else _bracket, text)
    if text.isascii():
        return text
    return ascii_text(_CYRILLIC_ENGLISH_RE.sub(_cyrillic_english, text))


def ascii_text(text: str) -> str:
    """``text`` in ASCII (rigour's transliteration, through ICU), each character on its own
    where ICU refuses the whole: it rejects some sequences outright (a Han character outside
    the Basic Multilingual Plane before the iteration mark ヽ, "𢕛ヽ"), and a name is never
    refused for what it is written with."""
    try:
        return str(_ascii_text(text))
    except icu.ICUError:
        return "".join(_ascii_char(ch) for ch in text)


def _ascii_char(ch: str) -> str:
    try:
        return str(_ascii_text(ch))
    except icu.ICUError:
        return ""


#: English words Russian writes by their sound that a transliteration would not spell alike:
#: "энд" ("Проктер энд Гэмбл", Procter & Gamble: the connective, not a word of the name) and
#: "эйр" ("Эйр Астана", Air Astana).
_CYRILLIC_ENGLISH: Final[dict[str, str]] = {"энд": "and", "эйр": "air"}
_CYRILLIC_ENGLISH_RE: Final = re.compile(r"(?<!\w)(?:[Ээ]нд|[Ээ]йр)(?!\w)")


def _cyrillic_english(match: re.Match[str]) -> str:
    return f" {_CYRILLIC_ENGLISH[match.group(0).lower()]} "


def read_cjk_generic(text: str) -> str:
    """The text with the generic company words written in Chinese, Japanese or Korean read
    in English ("楽天グループ" -> "楽天 group "): their readings would be names."""
    return _HAN_GENERIC_RE.sub(lambda m: f" {_HAN_GENERIC[m.group(0)]} ", text)


#: The Persian ezafe written onto a word with a hyphen ("Bank-e Keshavarzi", "Naft-e
#: Melli-ye Iran", "Shirkat-i Kishtirani"): it joins the words of one phrase, and is no word.
_EZAFE_RE: Final = re.compile(r"(?<=[^\W\d_]{2})-(?:e|ye|i|yi)(?![^\W\d_]|-)")

#: A word with the possessive 's ("Esfahan's Mobarakeh Steel Company").
_POSSESSIVE_RE: Final = re.compile(r"(\w+)['\u2019]s\b")


def _possessive_place(match: re.Match[str]) -> str:
    """A place's possessive as the place ("Esfahan's" -> "Esfahan", as OFAC writes a company
    by its city); any other word's as written ("McDonald's")."""
    return match.group(1) if fold(match.group(1)) in _place_tokens() else match.group(0)


@lru_cache(maxsize=20_000)
def place_country(token: str) -> str | None:
    """The country a place word names ("russia", "russian", "moscow" -> "ru"; "esfahan" ->
    "ir"), by `data/place_countries.tsv` and rigour's territory names; None for other places
    and words."""
    found = PLACE_COUNTRIES.get(token) or COUNTRY_NAMES.get(token)
    if found is not None:
        return found
    from rigour.territories import lookup_territory

    territory = lookup_territory(token)
    return str(territory.code).split("-")[0] if territory is not None else None


#: Place words that name more than one country: Korea is either of the two Koreas (the UN
#: list's "Korea Kumsan Trading Corporation" is North Korean), as `place_country` reads it
#: the Republic of Korea.
_SHARED_PLACES: Final[dict[str, frozenset[str]]] = {
    "korea": frozenset({"kr", "kp"}),
    "korean": frozenset({"kr", "kp"}),
}


@lru_cache(maxsize=4096)
def country_word(token: str) -> bool:
    """Whether a word names a country or its people ("china", "russian"), not one of its
    cities or provinces (`data/place_countries.tsv`, rigour's subdivisions)."""
    if token in PLACE_COUNTRIES:
        return False
    if token in COUNTRY_NAMES:
        return True
    from rigour.territories import lookup_territory

    territory = lookup_territory(token)
    return territory is not None and "-" not in str(territory.code)


def place_of(token: str, countries: frozenset[str]) -> bool:
    """Whether a place word names one of `countries` ("korea" both Koreas)."""
    shared = _SHARED_PLACES.get(token)
    if shared is not None:
        return bool(shared & countries)
    return place_country(token) in countries


def _tokenize(text: str) -> list[str]:
    out = normalize(text, _FLAGS)
    if not out:
        return []
    return [t for t in str(out).split(" ") if t]


def _latin_words(raw: str) -> frozenset[str]:
    """The words of a name written in Latin letters, folded."""
    return frozenset(w.lower() for w in _LATIN_WORD_RE.findall(raw))


_LATIN_WORD_RE: Final = re.compile(r"[A-Za-z]+")


def _split_legal_forms(
    tokens: list[str], written: frozenset[str] | None = None
) -> tuple[list[str], list[str], list[int]]:
    """Remove legal forms (rigour's database, then the extras) from the token list; also
    return the kept tokens' positions in `tokens`. With `written`, only forms of those
    words are."""
    keep = list(tokens)
    where = list(range(len(tokens)))
    found: list[str] = []
    text = " ".join(tokens)
    for matched, target in extract_org_types(text, _FLAGS):
        parts = str(matched).split()
        if written is not None and not written.issuperset(parts):
            continue
        pos = _find_run(keep, parts)
        if pos >= 0 and (pos + len(parts) == len(keep) or tuple(parts) not in _LAST_ONLY):
            end = pos + len(parts)
            # rigour knows some forms without a compare form ("federal state unitary
            # enterprise", "fgbu"): the extras' canonical form, else the words joined
            form = str(target).replace(" ", "")
            # a longer form of the extras ending with it wins when it is another form
            # ("anonim sirketi", the Turkish A.S. in ASCII letters, of which rigour knows
            # "sirketi" alone, a limited company; not "company limited", whose Company
            # stays a word of the name: the C of TSMC)
            longer = next(
                (
                    (end - size, _EXTRA_LEGAL[run])
                    for size in range(min(_EXTRA_LEGAL_MAX, end), len(parts), -1)
                    if (run := tuple(keep[end - size : end])) in _EXTRA_LEGAL
                    and _EXTRA_LEGAL[run] != form
                ),
                None,
            )
            if longer is not None:
                del keep[longer[0] : end]
                del where[longer[0] : end]
                found.append(longer[1])
                continue
            # ... or beginning with it ("federal state budgetary institution of science",
            # ФГБУН, of which rigour knows the institution)
            after = next(
                (
                    size
                    for size in range(min(_EXTRA_LEGAL_MAX, len(keep) - pos), len(parts), -1)
                    if tuple(keep[pos : pos + size]) in _EXTRA_LEGAL
                ),
                0,
            )
            if after:
                found.append(_EXTRA_LEGAL[tuple(keep[pos : pos + after])])
                del keep[pos : pos + after]
                del where[pos : pos + after]
                continue
            del keep[pos:end]
            del where[pos:end]
            found.append(form or _EXTRA_LEGAL.get(tuple(parts), "".join(parts)))
    i = 0
    while i < len(keep):
        for size in range(min(_EXTRA_LEGAL_MAX, len(keep) - i), 0, -1):
            run = tuple(keep[i : i + size])
            canon = _EXTRA_LEGAL.get(run)
            if (
                canon is not None
                and (written is None or written.issuperset(run))
                and (i + size == len(keep) or run not in _LAST_ONLY)
            ):
                del keep[i : i + size]
                del where[i : i + size]
                found.append(canon)
                break
        else:
            i += 1
    return keep, found, where


def _identified(tokens: list[str], kind: NameKind) -> bool:
    """Whether a company's tokens include one that identifies it (see `generic_only`)."""
    return any(token_class(t, kind) not in ("generic", "stop", "initial") for t in tokens)


def _identifying_words(
    raw: list[str],
    corrected: list[str],
    kept: list[str],
    found: list[str],
    positions: list[int],
    kind: NameKind,
) -> tuple[list[str], list[str], list[int], frozenset[int]]:
    """The tokens of a name that legal forms and generic words would leave without an
    identifying word: short legal-form lookalikes that are not common legal forms ("IS",
    "STG"), then a single word corrected into a generic one ("Marina" is not "Marine"),
    then stop words other than English connectives ("DES"). Returns the tokens, the legal
    forms still found, the tokens' positions and which of them (by index) now identify."""
    gone = [i for i in range(len(corrected)) if i not in positions]
    back = [
        i
        for i in gone
        if corrected[i].isalpha()
        and corrected[i] not in _COMMON_LEGAL
        and len(corrected[i]) <= 4
        and i - 1 not in gone
        and i + 1 not in gone
    ] or [
        # a word written twice is a name, not a legal form written twice ("Sa Sa
        # International Holdings", 莎莎)
        i
        for i in gone
        if corrected[i].isalpha()
        and any(j in gone and corrected[j] == corrected[i] for j in (i - 1, i + 1))
    ]
    if back:
        canon = {_legal_canon(corrected[i]) for i in back}
        where = sorted([*positions, *back])
        tokens = [corrected[i] for i in where]
        legal = [f for f in found if f not in canon]
        return tokens, legal, where, frozenset(where.index(i) for i in back)
    significant = [i for i, t in enumerate(kept) if token_class(t, kind) != "stop"]
    if len(significant) == 1:
        k = significant[0]
        original = raw[positions[k]]
        if original != kept[k] and kept[k] not in _LEGAL_WORDS:
            tokens = list(kept)
            tokens[k] = original
            if _identified(tokens, kind):
                return tokens, found, positions, frozenset()
    stops = frozenset(
        k
        for k, t in enumerate(kept)
        if token_class(t, kind) == "stop" and t not in _CONNECTIVES and len(t) >= 2
    )
    return kept, found, positions, stops


def _legal_canon(token: str) -> str:
    for _, target in extract_org_types(token, _FLAGS):
        return str(target).replace(" ", "")
    return _EXTRA_LEGAL.get((token,), token)


def _find_run(tokens: list[str], run: list[str]) -> int:
    n = len(run)
    for i in range(len(tokens) - n + 1):
        if tokens[i : i + n] == run:
            return i
    return -1


# -- context-dependent classes ----------------------------------------------------------

#: The Arabic article with its consonant assimilated ("ad-Din", "ar-Rahman", "as-Sayed"):
#: a stop word only before a word starting with that consonant.
_SUN_ARTICLES: Final = _words("ad ar as ash at az an ath adh ud ur us ush ut uz un")


#: The first word of a place named for a saint, as written in the names of bodies there.
_SAINTS: Final = frozenset({"saint", "sankt", "st", "san", "santa", "sao"})


def _context_classes(
    tokens: list[str], classes: tuple[TokenClass, ...], latin: frozenset[str] | None
) -> tuple[TokenClass, ...]:
    """Classes that depend on the neighbours: assimilated articles; Korean syllables (`latin`:
    the words of a name in Hangul written in Latin letters, None for a name without
    Hangul); "an" after a name, as a syllable of it ("Ping An", "Chang An"); "Saint" before a
    place, as the first word of its name ("Saint Petersburg", "Sankt-Peterburg")."""
    out = list(classes)
    for i, t in enumerate(tokens):
        if t in _SAINTS and i + 1 < len(tokens) and out[i + 1] == "place":
            out[i] = "place"
        elif t in _SUN_ARTICLES and i + 1 < len(tokens) and tokens[i + 1].startswith(t[1:]):
            if len(tokens[i + 1]) > len(t):
                out[i] = "stop"
        elif latin is not None and out[i] in ("initial", "stop") and t.isalpha():
            if t not in latin:
                out[i] = "name"  # 이 "i", 오 "o", 우 "u", 울 "ul" of 서울 are whole syllables
        elif (
            t == "an"
            and out[i] == "stop"
            and i > 0
            and out[i - 1] == "name"
            and (i + 1 == len(tokens) or out[i + 1] == "generic")
        ):
            out[i] = "name"  # no article after a name and before no noun: "Ping An Insurance"
    return tuple(out)


def _numbered(words: str) -> dict[str, int]:
    return {w: i for i, w in enumerate(words.split()) if w != "_"}


_UNITS: Final[dict[str, int]] = _numbered(
    """
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen
    """
)
_TENS: Final[dict[str, int]] = {
    w: 10 * i
    for w, i in _numbered("_ _ twenty thirty forty fifty sixty seventy eighty ninety").items()
}
_ORDINALS: Final[dict[str, int]] = _numbered(
    "_ first second third fourth fifth sixth seventh eighth ninth tenth"
)
_ORDINAL_RE: Final = re.compile(r"^(\d+)(?:st|nd|rd|th)$")


def number_word(token: str) -> bool:
    """Whether a folded token is a number or an ordinal written as a word ("one", "first")."""
    return token in _UNITS or token in _TENS or token in _ORDINALS


def _spelled_numbers(words: list[str], tokens: list[str]) -> dict[int, str]:
    """Per position of `tokens` (`words` with numbers written as words read as digits), the
    initial of the word a number was written as, when the two line up one for one."""
    if len(words) != len(tokens):
        return {}
    return {
        i: word[0]
        for i, (word, token) in enumerate(zip(words, tokens, strict=True))
        if word != token and token.isdigit() and word.isalpha()
    }


#: Words that mark a number ("No. 14", "Nr. 3"), dropped before it.
_NUMBER_MARKS: Final = frozenset({"no", "nr", "num", "number"})


def _number_words(tokens: list[str]) -> list[str]:
    """Numbers written as words or ordinals as digits ("Forty-Four" -> 44, "1st" -> 1), and
    the mark of a number before it dropped ("Research Institute No. 14": the 14th)."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        m = _ORDINAL_RE.match(t)
        if t in _NUMBER_MARKS and i + 1 < len(tokens) and tokens[i + 1].isdigit():
            pass
        elif m:
            out.append(m.group(1))
        elif t in _TENS:
            value = _TENS[t]
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt in _UNITS and 0 < _UNITS[nxt] < 10:
                value += _UNITS[nxt]
                i += 1
            elif len(nxt) == 1 and nxt.isdigit() and nxt != "0":
                value += int(nxt)
                i += 1
            out.append(str(value))
        elif t in _UNITS:
            out.append(str(_UNITS[t]))
        elif t in _ORDINALS:
            out.append(str(_ORDINALS[t]))
        else:
            out.append(t)
        i += 1
    return out


#: The world's large cities and capitals (`data/world_cities.tsv`, from GeoNames): word,
#: country, city or capital (one rigour reads as its country).
_WORLD_CITIES: Final = wordlists.rows("world_cities.tsv")
#: Country names, demonyms and capitals; with rigour's one-word territory names, the places.
_PLACE_WORDS: Final = wordlists.words("place_words.txt") | {
    row[0] for row in _WORLD_CITIES if row[2] == "capital"
}
#: Cities and provinces that organisations put in their names, with their country: the
#: hand-made table's, then the world's large cities.
PLACE_COUNTRIES: Final[dict[str, str]] = {
    **{row[0]: row[1] for row in _WORLD_CITIES if row[2] == "city"},
    **wordlists.pairs("place_countries.tsv"),
}
#: Countries' names in forms rigour does not know ("rossii", of Russia): `data/country_names.tsv`.
COUNTRY_NAMES: Final[dict[str, str]] = wordlists.pairs("country_names.tsv")


@lru_cache(maxsize=1)
def _place_tokens() -> frozenset[str]:
    from rigour.territories import get_territories

    found: set[str] = set(_PLACE_WORDS) | set(PLACE_COUNTRIES) | set(COUNTRY_NAMES)
    for territory in get_territories():
        toks = fold(str(territory.name)).split()
        if len(toks) == 1 and len(toks[0]) > 3:
            found.add(toks[0])
    return frozenset(found)


#: Words of legal forms, recognised through a typo ("Limted Liabilty Compnay").
_LEGAL_WORDS: Final[frozenset[str]] = wordlists.words("legal_words.txt")
#: Words one letter from such a word that are words of their own ("Medina", "Estate").
_NOT_TYPOS: Final[frozenset[str]] = wordlists.words("not_typos.txt")


@lru_cache(maxsize=1)
def _correction_keys() -> dict[str, tuple[str, ...]]:
    keys: dict[str, set[str]] = {}
    for word in _LEGAL_WORDS | GENERIC_TOKENS:
        if len(word) < 5:
            continue
        for i in range(len(word)):
            keys.setdefault(word[:i] + word[i + 1 :], set()).add(word)
        keys.setdefault(word, set()).add(word)
    return {k: tuple(sorted(v)) for k, v in keys.items()}


@lru_cache(maxsize=100_000)
def _correct(token: str) -> str:
    """A legal-form or generic word with one typo, corrected; any other token unchanged."""
    if (
        len(token) < 4
        or not token.isalpha()
        or token in GENERIC_TOKENS
        or token in _LEGAL_WORDS
        or token in _NOT_TYPOS
    ):
        return token
    from rapidfuzz.distance import OSA

    keys = _correction_keys()
    found: set[str] = set(keys.get(token, ()))
    for i in range(len(token)):
        found.update(keys.get(token[:i] + token[i + 1 :], ()))
    budget = 1 if len(token) < 9 else 2
    best = [
        w
        for w in sorted(found)
        if OSA.distance(token, w, score_cutoff=budget) <= budget
        and (len(token) >= 6 or w in _LEGAL_WORDS)
    ]
    return best[0] if len(best) == 1 else token


#: The words that say what kind of body an organisation is, with the kind they name
#: (`data/body_kinds.tsv`: "Factory" and "Works" are a plant, "Center" a centre).
BODY_KINDS: Final[dict[str, str]] = wordlists.pairs("body_kinds.tsv")
#: English words of organisation names that translate one word of another language, with the
#: senses they share (`data/synonym_words.tsv`: "Atomic" and "Nuclear", "Sea" and "Marine").
SYNONYMS: Final[dict[str, frozenset[str]]] = {}
for _sense, *_synonyms in (
    (row[0], *row[1].split()) for row in wordlists.rows("synonym_words.tsv")
):
    for _synonym in _synonyms:
        SYNONYMS[_synonym] = SYNONYMS.get(_synonym, frozenset()) | {_sense}
_BRACKETED_RE: Final = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


@lru_cache(maxsize=100_000)
def body_heads(text: str) -> frozenset[str]:
    """The kinds of body an organisation's name written in English may say it is: its
    `body_kind`, and, when words follow that kind's word, the last kind before its first "of"
    (the "Institute of Microelectronics of the Chinese Academy of Sciences" is an institute;
    read from Chinese, "China Academy of Sciences Microelectronics Research Institute" says
    so last; "The University of Tokyo Hospital" is a hospital)."""
    last = body_kind(text)
    if not last:
        return frozenset()
    words = _LATIN_WORD_RE.findall(_BRACKETED_RE.sub(" ", text).split(",")[0])
    if BODY_KINDS.get(words[-1].lower()) == last:
        return frozenset({last})
    head = ""
    for word in words:
        if word.lower() == "of":
            break
        head = BODY_KINDS.get(word.lower(), head)
    return frozenset({last, head} - {""})


def body_kind(text: str) -> str:
    """The kind of body an organisation's name written in English says it is: its last word
    of `BODY_KINDS` outside brackets and before a comma ("Peking Union Medical College
    Hospital": a hospital; "Moscow Institute of Physics and Technology (National Research
    University)": an institute; "... Hospital, Chinese Academy of Medical Sciences", the
    body it belongs to after the comma: a hospital); "" when it has none or is written in
    another script."""
    if not text.isascii():
        return ""
    kind = ""
    for word in _LATIN_WORD_RE.findall(_BRACKETED_RE.sub(" ", text).split(",")[0]):
        kind = BODY_KINDS.get(word.lower(), kind)
    return kind
