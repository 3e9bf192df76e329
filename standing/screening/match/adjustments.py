"""The evidence besides the names: schema, countries and the jurisdictions of legal forms,
birth dates and identifiers raise or lower a name score, and are reported as features.

- identifiers: an equal registration number, LEI, INN/OGRN, IMO... gives at least 0.99;
  different values under the same scheme lower the score.
- birth dates (people): agreement raises the score, a different year lowers it.
- countries: disjoint known countries lower the score (more when the listed name names its
  own country and the query leaves it out: the brand abroad); so do legal forms of different
  jurisdictions (sibling companies: "Kaspersky Labs GmbH" vs "Kaspersky Labs Limited").
- kinds of body: names that say two kinds of body ("... Medical College" / "... Medical
  College Hospital", a laboratory / an establishment) lower the score.
- schema: a person against a company, organisation or vessel is penalised.
"""

from __future__ import annotations

from typing import Any, Final

from standing.screening.match.config import DEFAULT_CONFIG
from standing.screening.match.evidence import NameScore
from standing.screening.match.parties import Prepared
from standing.screening.match.scoring import FORM_DESCRIPTORS
from standing.screening.normalize import (
    BODY_KINDS,
    NormalizedName,
    body_heads,
    body_kind,
    legal_family,
    legal_form_countries,
    place_country,
)

_CONFIG: Final = DEFAULT_CONFIG

#: How a company's legal form written in its own script is rendered in its English name:
#: an OOO (TOV) is written "LLC" or "Ltd"; a Japanese kabushiki kaisha "Corporation",
#: "Inc.", "Co., Ltd." or "K.K.". (Both in Latin letters, "X OOO" and "X Limited" are
#: usually two companies: a Russian one and its Cypriot or British holder.)
_TRANSLATED_FORMS: Final[dict[str, frozenset[str]]] = {
    "ooo": frozenset({"ltd"}),
    "tov": frozenset({"llc", "ltd"}),
}
#: Forms whose English renderings hold in Latin letters too: a kabushiki kaisha is written
#: "K.K.", "Corporation", "Inc." or "Co., Ltd." by the same company (and its reading in
#: Latin letters is compared as a name of its own), and so is a Korean jusikhoesa.
_RENDERED_FORMS: Final[dict[str, frozenset[str]]] = {
    "kk": frozenset({"corp", "inc", "ltd", "co"}),
    "yk": frozenset({"corp", "inc", "ltd", "co"}),
    "gk": frozenset({"llc"}),
    # ش.م.م: an Egyptian joint-stock company, an Omani LLC or a Lebanese SARL
    "shmm": frozenset({"sae", "llc", "sarl"}),
    "jusikhoesa": frozenset({"corp", "inc", "ltd", "co"}),
}
#: ... and from a name written in Chinese, Japanese or Korean script, where the company form
#: (有限公司, 주식회사) has no one English rendering ("Co., Ltd.", "Inc.", "Corporation").
_TRANSLATED_FROM_CJK: Final = frozenset(
    {"ltd", "co", "inc", "corp", "kk", "yk", "jusikhoesa", "plc"}
)
_CJK_SCRIPTS: Final = frozenset({"Han", "Hangul", "Hiragana", "Katakana"})
#: The forms an English name gives a company whatever its own form is ("Turkish Petroleum
#: Corporation" for a Turkish anonim ortaklığı), by family.
_ENGLISH_FORMS: Final = frozenset({"ltd", "co", "inc", "corp", "llc", "plc"})


def adjust(
    score: float, best: NameScore, query: Prepared, entry: Prepared, read: bool = False
) -> tuple[float, dict[str, Any]]:
    """The name score `score` of the best names adjusted for the other evidence, and the
    features that say how; `read`: one of the best names is the other side's name read in
    English (see `legal_conflict`)."""
    features: dict[str, Any] = {}
    score = _schema(score, query, entry, features)
    score = _countries(score, query, entry, features, best)
    score = _legal_forms(score, best, query, entry, features, read)
    score = _body_kinds(score, best, query, entry, features)
    score = _birth_dates(score, query, entry, features)
    return _identifiers(score, best, query, entry, features), features


def legal_conflict(
    query_name: NormalizedName,
    entry_name: NormalizedName,
    query: Prepared,
    entry: Prepared,
    read: bool = False,
) -> bool:
    """Whether the two names carry legal forms that do not exist where the other side is
    registered (sibling companies: "Kaspersky Labs GmbH" / "Kaspersky Labs Limited"). When
    one name is its side's read in English and the other is not (`read`: "Türkiye Petrolleri
    A.O." read "Turkey Petroleum A.O."), an English form is how the other's is rendered
    ("Turkish Petroleum Corporation"); both read alike ("Gornaya Kompaniya OOO" / "Gornaya
    Kompaniya Pte. Ltd."), they are two companies as written."""
    query_forms, entry_forms = query_name.legal_forms, entry_name.legal_forms
    if not query_forms or not entry_forms:
        return _registered_elsewhere(query_forms, query, entry) or _registered_elsewhere(
            entry_forms, entry, query
        )
    if _rendered_abroad(query_forms, query, entry_forms) or _rendered_abroad(
        entry_forms, entry, query_forms
    ):
        read = True
    translated = "read" if read else _translated(query_name, entry_name)
    query_only = tuple(
        f for f in query_forms if not any(_forms_agree(f, g, translated) for g in entry_forms)
    )
    entry_only = tuple(
        f for f in entry_forms if not any(_forms_agree(g, f, translated) for g in query_forms)
    )
    if not query_only or not entry_only:
        return False
    query_law = legal_form_countries(query_only)
    entry_law = legal_form_countries(entry_only)
    query_where = query.countries or query_law
    entry_where = entry.countries or entry_law
    return bool(
        (query_law and entry_where and not query_law & entry_where)
        or (entry_law and query_where and not entry_law & query_where)
    )


def _registered_elsewhere(forms: tuple[str, ...], side: Prepared, other: Prepared) -> bool:
    """Whether a name carries a legal form of the country its side is given in, and the other
    name, with no form of its own, is given in other countries only, where that form does not
    exist: a company registered in the one country, not the body listed in the other
    ("Belarusian Potash Corporation Ltd" of the UK / "Belarusian Potash Company" of Belarus)."""
    if not forms or not side.countries or not other.countries:
        return False
    if side.countries & other.countries:
        return False
    law = legal_form_countries(forms)
    return bool(law & side.countries) and not law & other.countries


def _schema(score: float, query: Prepared, entry: Prepared, features: dict[str, Any]) -> float:
    kinds = {query.kind, entry.kind}
    if kinds == {"person", "organization"} or kinds == {"person", "vessel"}:
        features["schema"] = "conflict"
        return score * _CONFIG.schema_conflict
    features["schema"] = "compatible"
    return score


def _countries(
    score: float,
    query: Prepared,
    entry: Prepared,
    features: dict[str, Any],
    best: NameScore | None = None,
) -> float:
    """Disjoint countries lower the score; more for an organisation whose listed name names
    its own country while the query, given in another, leaves it out (`best`'s words left
    over): "Bank Saderat PLC" of the UK is the brand abroad, not "Bank Saderat Iran"."""
    country = "unknown"
    if query.countries and entry.countries:
        if query.countries & entry.countries:
            country = "agree"
        elif "person" in (query.kind, entry.kind):
            country = "conflict"
            score *= _CONFIG.country_conflict_person
        else:
            country = "conflict"
            named = best is not None and any(
                place_country(t) in entry.countries for t in best.entry_extra
            )
            if named:
                features["country_named"] = True
            score *= _CONFIG.country_named_conflict_org if named else _CONFIG.country_conflict_org
    features["country"] = country
    features["countries"] = {"query": sorted(query.countries), "entry": sorted(entry.countries)}
    return score


def _legal_forms(
    score: float,
    best: NameScore,
    query: Prepared,
    entry: Prepared,
    features: dict[str, Any],
    read: bool = False,
) -> float:
    legal: dict[str, Any] = {
        "query": list(best.query.legal_forms),
        "entry": list(best.entry.legal_forms),
        "conflict": False,
    }
    if legal_conflict(best.query, best.entry, query, entry, read):
        legal["conflict"] = True
        score *= _CONFIG.legal_jurisdiction_conflict
    more = [t for t in best.query_extra if t not in FORM_DESCRIPTORS]
    query_forms, entry_forms = best.query.legal_forms, best.entry.legal_forms
    if _rendered_abroad(query_forms, query, entry_forms) or _rendered_abroad(
        entry_forms, entry, query_forms
    ):
        read = True
    if (best.method == "fuzzy" or more or _own_words(best.entry_extra, best.entry)) and (
        _other_forms(best.query, best.entry, read)
    ):
        # a name spelled differently under another legal form: a near-brand of another
        # company ("Metta Platforms LLC" / "Meta Platforms, Inc."), not a typo; a name with
        # more words under another legal form, on either side: a sibling ("Meta Platforms
        # Technologies, LLC" / "Meta Platforms, Inc."; the parent "Hensoldt AG" / its
        # subsidiary "Hensoldt Sensors GmbH")
        legal["other_form"] = True
        score *= _CONFIG.near_other_form
    elif _kind_words(best.entry_extra) and _other_forms(best.query, best.entry, read):
        # the company under another legal form is not the body of a kind the entry is
        legal["other_form"] = True
        score = min(score, _CONFIG.place_body_cap)
    features["legal_forms"] = legal
    return score


def _body_kinds(
    score: float, best: NameScore, query: Prepared, entry: Prepared, features: dict[str, Any]
) -> float:
    """Two organisations' names that say they are bodies of different kinds lower the score:
    a college is not its hospital, a laboratory not an establishment of the same agency."""
    if "organization" not in (query.kind, entry.kind) or "person" in (query.kind, entry.kind):
        return score
    query_kind, entry_kind = _kind_said(best.query), _kind_said(best.entry)
    if (
        query_kind
        and entry_kind
        and query_kind != entry_kind
        and not body_heads(best.query.original) & body_heads(best.entry.original)
    ):
        features["body_kinds"] = {"query": query_kind, "entry": entry_kind}
        return score * _CONFIG.body_kind_conflict
    return score


def _kind_said(name: NormalizedName) -> str:
    """The kind of body a name says it is (`body_kind`), or, in a name written in Latin
    letters that says none in words, the kind its abbreviations read as say last ("FGUP NII
    Kvant": a research institute)."""
    kind = body_kind(name.original)
    if kind or not name.original.isascii():
        return kind
    return next((BODY_KINDS[t] for t in reversed(name.tokens) if t in BODY_KINDS), "")


def _kind_words(extra: tuple[str, ...]) -> bool:
    """Whether the words a name leaves over say what kind of body it is (a bureau, a plant,
    an institute): "JSC Experimental Design Bureau Novator" is a design bureau, not the
    company "Novator LLC"."""
    return any(t in BODY_KINDS or t in _KIND_HEADS for t in extra)


#: Words of a name's kind of body besides `BODY_KINDS` (a company is any company).
_KIND_HEADS: Final = frozenset({"plant", "factory", "works", "shipyard", "refinery", "combine"})


def _own_words(extra: tuple[str, ...], name: NormalizedName) -> bool:
    """Whether the words a name leaves over include one of its own: a word that names a
    body, not a generic word, place, form descriptor or a person's initials."""
    if not extra:
        return False
    classes = dict(zip(name.tokens, name.classes, strict=False))
    return any(classes.get(t) == "name" and len(t) > 2 and t not in FORM_DESCRIPTORS for t in extra)


def _birth_dates(score: float, query: Prepared, entry: Prepared, features: dict[str, Any]) -> float:
    birth = "unknown"
    if query.birth_dates and entry.birth_dates:
        if any(_dates_agree(a, b) for a in query.birth_dates for b in entry.birth_dates):
            birth = "agree"
            gain = _CONFIG.birth_agree_gain
            score += (1.0 - score) * gain if score >= _CONFIG.birth_agree_least else 0.0
        else:
            years_query = {int(d[:4]) for d in query.birth_dates if d[:4].isdigit()}
            years_entry = {int(d[:4]) for d in entry.birth_dates if d[:4].isdigit()}
            near = any(abs(a - b) <= 1 for a in years_query for b in years_entry)
            birth = "near" if near else "conflict"
            score *= _CONFIG.birth_near if near else _CONFIG.birth_conflict
    features["birth_date"] = birth
    return score


def _identifiers(
    score: float, best: NameScore, query: Prepared, entry: Prepared, features: dict[str, Any]
) -> float:
    shared = query.identifiers & entry.identifiers
    if shared:
        features["identifier"] = {"equal": sorted(shared)}
        if features["schema"] == "compatible":
            score = max(score, _CONFIG.identifier_score + 0.01 * best.score)
        return score
    conflict = [
        s
        for s, values in query.schemes.items()
        if s in entry.schemes and not values & entry.schemes[s]
    ]
    if conflict:
        features["identifier"] = {"conflict": sorted(conflict)}
        return score * _CONFIG.identifier_conflict
    features["identifier"] = None
    return score


def _dates_agree(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _forms_agree(a: str, b: str, translated: str) -> bool:
    """Whether legal forms `a` and `b` can name one company: one family, or, when one name
    is written in another script (`translated`: "cjk", "other" or ""), one the English
    rendering of the other; when one name is the other's read in English ("read"), any
    English form."""
    fa, fb = legal_family(a), legal_family(b)
    if fa == fb or fb in _RENDERED_FORMS.get(a, ()) or fa in _RENDERED_FORMS.get(b, ()):
        return True
    if not translated:
        return False
    if translated == "read" and (fa in _ENGLISH_FORMS or fb in _ENGLISH_FORMS):
        return True
    if fb in _TRANSLATED_FORMS.get(a, ()) or fa in _TRANSLATED_FORMS.get(b, ()):
        return True
    return translated == "cjk" and fa in _TRANSLATED_FROM_CJK and fb in _TRANSLATED_FROM_CJK


def _rendered_abroad(forms: tuple[str, ...], side: Prepared, other: tuple[str, ...]) -> bool:
    """Whether a name's legal forms are English ones that no country of its side has, and
    the other name has a form of that country that is not English: the English rendering of
    the company registered under the other form ("Almaz-Antey Air and Space Defence
    Corporation" of Russia / "AO Almaz-Antey"), which says nothing of where it is registered.
    Two English forms stay two companies ("Korea Kumsan Trading Company Limited" / "...
    Corporation"), and so do forms of two countries ("Innotech Solutions AG" / "LLC Innotech
    Solutions" of Russia)."""
    return bool(
        forms
        and side.countries
        and any(
            legal_family(f) not in _ENGLISH_FORMS and legal_form_countries((f,)) & side.countries
            for f in other
        )
        and all(legal_family(f) in _ENGLISH_FORMS for f in forms)
        and not legal_form_countries(forms) & side.countries
    )


def _translated(query_name: NormalizedName, entry_name: NormalizedName) -> str:
    """ "cjk" when one name is written in Chinese, Japanese or Korean script and the other is
    not, "other" when one is in another script than Latin and the other in Latin, else ""."""
    if bool(query_name.scripts & _CJK_SCRIPTS) != bool(entry_name.scripts & _CJK_SCRIPTS):
        return "cjk"
    return "other" if query_name.transliterated != entry_name.transliterated else ""


def _other_forms(query_name: NormalizedName, entry_name: NormalizedName, read: bool) -> bool:
    """Whether both names carry legal forms and none of one side's can be the other's."""
    query_forms, entry_forms = query_name.legal_forms, entry_name.legal_forms
    if not query_forms or not entry_forms:
        return False
    translated = "read" if read else _translated(query_name, entry_name)
    return not any(_forms_agree(f, g, translated) for f in query_forms for g in entry_forms)
