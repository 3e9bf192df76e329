"""The two sides of a comparison: a `Query` (a party to screen) and `Prepared`, a query or a
list entry with its names normalised and its evidence folded for comparison."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from standing.screening.brands import known_brand_reading
from standing.screening.cantonese import CANTONESE
from standing.screening.french import french_reading
from standing.screening.glossary import Reading, japanese_name, japanese_words
from standing.screening.glossary import reading as glossary_reading
from standing.screening.model import Entry, EntryIdentifier, plain_state
from standing.screening.normalize import (
    NameKind,
    NormalizedName,
    apposed_university,
    bracketed_alias,
    nested_quoted,
    normalize_name,
    normalize_syllables,
    read_cjk_generic,
)
from standing.screening.romanised import joined_words_reading, latin_reading, split_japanese
from standing.screening.romanize import japanese_reading, spelled_initials
from standing.screening.spoken import Language, spoken_reading

#: Identifier schemes under which two different values tell two parties apart.
_CONFLICT_SCHEMES: Final = frozenset({"lei", "imo", "inn", "ogrn", "swift", "mmsi", "duns"})
_SCHEMA_KINDS: Final[dict[str, NameKind]] = {
    "person": "person",
    "company": "organization",
    "organization": "organization",
    "organisation": "organization",
    "publicbody": "organization",
    "vessel": "vessel",
    "airplane": "vessel",
    "aircraft": "vessel",
    "legalentity": "unknown",
    "thing": "unknown",
    "unknown": "unknown",
}
_ID_CLEAN_RE: Final = re.compile(r"[^0-9A-Za-z]")
_ID_PREFIX_RE: Final = re.compile(
    r"^(IMO|LEI|INN|OGRN|MMSI|SWIFT|BIC|NO|NR)(?=[0-9A-Z]*\d[0-9A-Z]{4,}$)"
)


@dataclass(frozen=True, slots=True)
class Query:
    """A party to screen: one or more names and optional evidence."""

    names: tuple[str, ...]
    schema: str | None = None  # FtM schema: Person, Company, Organization, LegalEntity, Vessel
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    identifiers: tuple[EntryIdentifier | str, ...] = ()
    birth_dates: tuple[str, ...] = ()  # ISO dates or prefixes
    id: str | None = None

    @classmethod
    def of(
        cls,
        name: str | Sequence[str],
        country: str | Sequence[str] | None = None,
        schema: str | None = None,
        identifiers: Iterable[EntryIdentifier | str] = (),
        birth_date: str | Sequence[str] | None = None,
        id: str | None = None,
    ) -> Query:
        return cls(
            names=(name,) if isinstance(name, str) else tuple(name),
            schema=schema,
            countries=_strings(country),
            identifiers=tuple(identifiers),
            birth_dates=_strings(birth_date),
            id=id,
        )


@plain_state
@dataclass(frozen=True, slots=True)
class Prepared:
    """A query or an entry with its names normalised and its evidence folded for comparison."""

    names: tuple[NormalizedName, ...]
    weak: tuple[bool, ...]  # per name: a weak alias
    kind: NameKind
    countries: frozenset[str]
    identifiers: frozenset[str]
    schemes: dict[str, frozenset[str]]
    birth_dates: tuple[str, ...]
    listed: tuple[str, ...] = ()  # per name: the name as given (a part's whole name)
    # per name: the words read in English when it is the name's English reading ("东方=east")
    read: tuple[tuple[str, ...], ...] = ()
    # per name: the acronym it is when another name of the entry writes it out ("MTS" beside
    # "Mobile TeleSystems"), else ""; empty when no name is
    spelled: tuple[str, ...] = ()
    # per name: when it is a generic name read in English word for word ("Bank Tejarat":
    # "bank trading"), which meets the same generic name only with the entry's country named,
    # the countries of the language it is read from (`Reading.home`); None when it is not
    generic_read: tuple[frozenset[str] | None, ...] = ()

    @classmethod
    def from_query(cls, query: Query) -> Prepared:
        kind = schema_kind(query.schema)
        names: dict[str, NormalizedName] = {}
        read: list[tuple[str, ...]] = []
        generic_read: list[frozenset[str] | None] = []
        for n in query.names:
            if not n or not n.strip():
                continue
            for v, words, generic, spoken in _variants(n, kind):
                norm = _normalized(v, kind, spoken)
                if norm.tokens and norm.original not in names:
                    names[norm.original] = norm
                    read.append(words)
                    generic_read.append(generic)
        return cls(
            names=tuple(names.values()),
            weak=tuple(False for _ in names),
            read=tuple(read),
            generic_read=tuple(generic_read) if _any_generic(generic_read) else (),
            kind=kind,
            countries=frozenset(c.lower() for c in query.countries if c),
            identifiers=_id_values(query.identifiers),
            schemes=_id_schemes(query.identifiers),
            birth_dates=tuple(d for d in query.birth_dates if d),
        )

    @classmethod
    def from_entry(cls, entry: Entry) -> Prepared:
        kind = entry_kind(entry.kind)
        seen: dict[str, int] = {}
        names: list[NormalizedName] = []
        weak: list[bool] = []
        listed: list[str] = []
        read: list[tuple[str, ...]] = []
        generic_read: list[frozenset[str] | None] = []
        for given, (value, words, generic, spoken) in (
            (x, v) for x in entry.names if x.value for v in _variants(x.value, kind, bracketed=True)
        ):
            if not value.strip():
                continue
            norm = _normalized(value, kind, spoken)
            if not norm.tokens:
                continue
            is_weak = given.kind == "weak_alias"
            if norm.original in seen:
                pos = seen[norm.original]
                weak[pos] = weak[pos] and is_weak
                continue
            seen[norm.original] = len(names)
            names.append(norm)
            weak.append(is_weak)
            listed.append(given.value)
            read.append(words)
            generic_read.append(generic)
        return cls(
            names=tuple(names),
            weak=tuple(weak),
            listed=tuple(listed),
            read=tuple(read),
            generic_read=tuple(generic_read) if _any_generic(generic_read) else (),
            spelled=_spelled(names),
            kind=kind,
            countries=frozenset(c.lower() for c in entry.countries if c),
            identifiers=_id_values(entry.identifiers),
            schemes=_id_schemes(entry.identifiers),
            birth_dates=tuple(d for d in entry.birth_dates if d),
        )

    def readings(self) -> tuple[bool, ...]:
        """Per name: whether it is a reading in English of another of the names."""
        return tuple(bool(words) for words in self.read)

    def read_in_english(self, position: int) -> tuple[str, ...]:
        """The words read in English when the name at ``position`` is an English reading."""
        return self.read[position] if 0 <= position < len(self.read) else ()


def _spelled(names: Sequence[NormalizedName]) -> tuple[str, ...]:
    """Per name, the acronym it is when another of the names writes it out (see
    `Prepared.spelled`); empty when none is."""
    if len(names) < 2:
        return ()
    written = {a for n in names for a in n.acronyms}
    if not written:
        return ()
    out = tuple(n.tokens[0] if len(n.tokens) == 1 and n.tokens[0] in written else "" for n in names)
    return out if any(out) else ()


def name_variants(value: str, kind: NameKind = "unknown") -> list[str]:
    """The name, its parts when it lists alternatives ("Al-Qa'ida/Islamic Army"), its
    Japanese reading when it is written in kanji or kana ("山田太郎": "yamada taro"), and for
    a body, Latin initials spelled out in Hangul or katakana ("엘지전자": "LG 전자") and its
    reading in English (`standing.screening.glossary`: "中国东方航空": "China Eastern
    Airlines"), with its alternate when it has one ("深圳市大疆创新科技": "Shenzhen DJI
    Technology" and "SZ DJI Technology"), and a Japanese company's name in Hepburn with its
    company words apart, read in English ("東武鉄道株式会社": "tobu tetsudo kabushiki kaisha",
    "tobu railway kabushiki kaisha"); `standing.screening.romanised` reads a name in Latin
    letters ("Neftyanaya Kompaniya Rosneft": "oil company Rosneft"), and
    `standing.screening.french` a name in French ("Banque Centrale de Tunisie": "bank
    central Tunisie")."""
    return [v for v, _, _, _ in _variants(value, kind)]


def _any_generic(generic_read: list[frozenset[str] | None]) -> bool:
    return any(g is not None for g in generic_read)


def _generic(reading: Reading) -> frozenset[str] | None:
    """The countries of the language of a generic reading (`Reading.home`); None when the
    reading is not generic."""
    return reading.home if reading.generic else None


def _variants(
    value: str, kind: NameKind, bracketed: bool = False
) -> list[tuple[str, tuple[str, ...], frozenset[str] | None, Language | None]]:
    """`_readings`, each with the language it is spoken in when it is a reading with the
    name's own words spoken (`standing.screening.spoken`), which come last, for a body's
    name only: in Mandarin ("中華電信股份有限公司": "zhong hua Telecom 股份有限公司") and in
    Cantonese ("周大福珠寶集團有限公司": "chau tai fuk Jewellery 有限公司")."""
    out: list[tuple[str, tuple[str, ...], frozenset[str] | None, Language | None]] = [
        (text, words, generic, None) for text, words, generic in _readings(value, kind, bracketed)
    ]
    if kind != "person" and not value.isascii():
        for language in _SPOKEN:
            spoken = spoken_reading(value, language)
            if spoken:
                out.append((spoken, (), None, language))
    return out


#: The languages a Chinese name's own words are spoken in, in its readings.
_SPOKEN: Final[tuple[Language, ...]] = ("zh", "yue")


def _normalized(value: str, kind: NameKind, spoken: Language | None) -> NormalizedName:
    """A variant normalised; a spoken reading as syllables (`normalize_syllables`), marked
    with the script its syllables compare through: Han for Mandarin, `cantonese.CANTONESE`
    for Cantonese."""
    if spoken is None:
        return normalize_name(value, kind)
    norm = normalize_syllables(value, kind)
    if spoken == "zh":
        return replace(norm, scripts=norm.scripts | {"Han"}, transliterated=True)
    return replace(norm, scripts=(norm.scripts - {"Han"}) | {CANTONESE}, transliterated=True)


def _readings(
    value: str, kind: NameKind, bracketed: bool = False
) -> list[tuple[str, tuple[str, ...], frozenset[str] | None]]:
    """`name_variants` but the Cantonese reading, each with the words read in English when it
    is the English reading, and, when it is a generic name read word for word
    (`Reading.generic`), the countries of the language it is read from. With `bracketed` (a
    listed name), also the other name it
    gives in brackets (`bracketed_alias`: "Saudi Arabian Mining Company (Ma'aden)"); not a
    query's, whose brackets would meet a listed name's alike ("GDF (Allied Democratic
    Forces)" is not "ADF (Allied Democratic Forces)")."""
    out: list[tuple[str, tuple[str, ...], frozenset[str] | None]] = [(value, (), None)]
    if "/" in value:
        parts = [p.strip() for p in value.split("/")]
        if len(parts) >= 2 and all(
            sum(ch.isalpha() for ch in p) >= 4 and max(len(w) for w in p.split()) >= 3
            for p in parts
        ):
            out.extend((p, (), None) for p in parts)
    alias = bracketed_alias(value) if bracketed and kind != "person" and "(" in value else None
    if alias:
        out.append((alias, (), None))
    apposed = apposed_university(value) if kind != "person" else None
    if apposed:
        out.append((apposed, (), None))
    inner = nested_quoted(value) if kind != "person" else None
    if inner:
        # the body's own name quoted inside a descriptive one: "Самрук-Казына"
        out.append((inner, (), None))
    if not value.isascii():
        # a Chinese company (公司: 有限公司, 股份有限公司) is not read as Japanese, whose
        # companies are 会社: its on'yomi reads the company form and drops its name
        # ("华为技术有限公司": "technology yugen koshi")
        reading = None if _CHINESE_COMPANY in value else japanese_reading(read_cjk_generic(value))
        if reading:
            out.append((reading, (), None))
        initials = spelled_initials(value) if kind != "person" else None
        if initials:
            out.append((initials, (), None))
        english = glossary_reading(value) if kind != "person" else None
        if english:
            out.extend((text, words, _generic(english)) for text, words in english.variants)
        if kind != "person" and reading and japanese_name(value):
            # a company's name in Hepburn with its company words apart, read in English as
            # a name written so is ("東武鉄道株式会社": tobu tetsudo kk, tobu railway kk): the
            # reading's joined words cut before a company word ("daiwashoken": daiwa shoken),
            # and the reading of the kanji with their company words set apart; after the
            # reading in English, which names the words as written when both meet
            spaced = japanese_words(value)
            worded = [split_japanese(reading)]
            if spaced != value:  # word by word, each word's reading kept for the next name
                pieces = read_cjk_generic(spaced).split()
                worded.append(split_japanese(" ".join(japanese_reading(p) or p for p in pieces)))
            for text in dict.fromkeys(w for w in worded if w):
                if text != reading:
                    out.append((text, (), None))
                romanised = latin_reading(text)
                if romanised:
                    generic = _generic(romanised)
                    out.extend((t, words, generic) for t, words in romanised.variants)
    latin = latin_reading(value) if kind != "person" else None
    if latin:
        out.extend((text, words, _generic(latin)) for text, words in latin.variants)
    french = french_reading(value) if kind != "person" else None
    if french:
        out.append((french.text, french.words, _generic(french)))
    contracted = joined_words_reading(value) if kind != "person" else None
    if contracted:
        out.append((contracted.text, contracted.words, None))
    known = known_brand_reading(value) if kind != "person" else None
    if known:
        # a brand only knowing the organisation reads ("Kobelco": Kobe Steel)
        out.append((known.text, known.words, None))
    return out


#: The word of Chinese company forms (有限公司, 股份有限公司), not of Japanese ones (会社).
_CHINESE_COMPANY: Final = "公司"


def schema_kind(schema: str | None) -> NameKind:
    """The name kind for an FtM schema name (None and LegalEntity are 'unknown')."""
    if not schema:
        return "unknown"
    return _SCHEMA_KINDS.get(schema.lower(), "unknown")


def entry_kind(kind: str) -> NameKind:
    if kind == "person":
        return "person"
    if kind == "organization":
        return "organization"
    if kind in ("vessel", "aircraft"):
        return "vessel"
    return "unknown"


def normalize_identifier(value: str) -> str:
    """Upper-case alphanumerics without a leading scheme word ("IMO 9187629" -> "9187629")."""
    v = _ID_CLEAN_RE.sub("", value).upper()
    return _ID_PREFIX_RE.sub("", v)


def _strings(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value else ()
    return tuple(v for v in value if v)


def _id_values(ids: Iterable[EntryIdentifier | str]) -> frozenset[str]:
    out: set[str] = set()
    for i in ids:
        v = normalize_identifier(i if isinstance(i, str) else i.value)
        if len(v) >= 5:
            out.add(v)
    return frozenset(out)


def _id_schemes(ids: Iterable[EntryIdentifier | str]) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for i in ids:
        if isinstance(i, str):
            continue
        scheme = i.scheme.lower()
        if scheme in _CONFLICT_SCHEMES:
            out.setdefault(scheme, set()).add(normalize_identifier(i.value))
    return {k: frozenset(v) for k, v in out.items()}
