"""What a decision tells the public: the transparency block of its statement (pure).

The statement of reasons goes to the affected party and names it; the DSA Transparency Database
is public and must hold no personal data (DSA Art. 24(5)). So each decision carries, beside its
facts, a *public text* in which every name, username and identifier of a natural person (the
subject, an owner, an account holder) is replaced by its role ("the advertiser"), and the
per-decision values the database asks for: the ground actually relied on, the categories and
keywords, where the information came from, how far the decision was automated, the language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from standing.errors import Invalid
from standing.graph.model import Account, Party
from standing.policies.model import Rule
from standing.transparency.dsa_schema import (
    KEYWORDS,
    LANGUAGES,
    REMOVED_CATEGORIES,
    REMOVED_KEYWORDS,
    STATEMENT_CATEGORIES,
)

#: How a decision arose, and the database's ``source_type`` for each.
ORIGINS = {
    "own_initiative": "SOURCE_VOLUNTARY",
    "screening": "SOURCE_TYPE_OTHER_NOTIFICATION",
    "authority": "SOURCE_TYPE_OTHER_NOTIFICATION",
}
#: Names shorter than this are not searched for in text (initials, stray letters).
_MIN_NAME = 3


@dataclass(frozen=True)
class Disclosure:
    """The analyst's choices for the public record; anything left out is derived."""

    public_facts: str | None = None
    legal_ground: str | None = None
    category: str | None = None
    category_addition: tuple[str, ...] | None = None
    keywords: tuple[str, ...] | None = None
    content_language: str | None = None
    origin: str = "own_initiative"
    source_identity: str | None = None


def is_person(party: Party | None) -> bool:
    return party is not None and party.schema == "Person"


def personal_data(
    subject: Party | Account,
    parties: Iterable[Party],
    accounts: Iterable[Account],
) -> dict[str, str]:
    """Every string naming a natural person the decision touches, mapped to the role that
    replaces it: the names and identifiers of Person parties, the usernames and ids of the
    accounts they hold."""
    by_id = {p.id: p for p in parties}
    if isinstance(subject, Party):
        by_id.setdefault(subject.id, subject)
        advertiser: str | None = subject.id
    else:
        advertiser = subject.owner
    out: dict[str, str] = {}
    for party in by_id.values():
        if not is_person(party):
            continue
        role = "the advertiser" if party.id == advertiser else "a natural person concerned"
        for value in (*party.mentions(), party.id):
            out.setdefault(value, role)
    for account in accounts:
        if not is_person(by_id.get(account.owner or "")):
            continue
        mine = account.owner == advertiser or (
            isinstance(subject, Account) and account.id == subject.id
        )
        role = "the advertiser's account" if mine else "an account of a natural person"
        for value in (account.username, account.username.lstrip("@"), account.id):
            out.setdefault(value, role)
    return {k: v for k, v in out.items() if len(k.strip()) >= _MIN_NAME}


def _pattern(value: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in value.split())
    return re.compile(rf"(?<![\w@]){words}(?![\w])", re.IGNORECASE)


def personal_pattern(personal: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern finding any of ``personal`` as a whole word (the longest first)."""
    values = sorted({v for v in personal if v.strip()}, key=len, reverse=True)
    if not values:
        return None
    words = "|".join(r"\s+".join(re.escape(w) for w in v.split()) for v in values)
    return re.compile(rf"(?<![\w@])(?:{words})(?![\w])", re.IGNORECASE)


def found_personal_data(text: str, personal: Iterable[str] | re.Pattern[str] | None) -> list[str]:
    """The personal data of ``personal`` (values, or their ``personal_pattern``) that ``text``
    still contains, as written there."""
    if personal is not None and not isinstance(personal, re.Pattern):
        personal = personal_pattern(personal)
    if personal is None:
        return []
    return list(dict.fromkeys(m.group(0) for m in personal.finditer(text)))


def redact(text: str, personal: dict[str, str]) -> str:
    """``text`` with every name, username and identifier of ``personal`` replaced by its role
    (the longest first, so "Jane Doe" goes before "Jane")."""
    for value in sorted(personal, key=len, reverse=True):
        role = personal[value]
        text = _pattern(value).sub(role, text)
    # a role at the start of a sentence starts with a capital
    return re.sub(
        r"(^|[.!?]\s+)(the advertiser|a natural person|an account|the advertiser's)",
        lambda m: m.group(1) + m.group(2)[0].upper() + m.group(2)[1:],
        text,
    )


def _choice(value: str, allowed: dict[str, str], removed: dict[str, str | None], field: str) -> str:
    if value in allowed:
        return value
    if value in removed:
        successor = removed[value]
        use = f"; use {successor}" if successor else ""
        raise Invalid(f"{field}: {value!r} was removed from the DSA schema on 1 July 2025{use}")
    raise Invalid(f"{field}: {value!r} is not a value of the DSA schema of 1 July 2025")


def legal_ground_for(rule: Rule, chosen: str | None, source: str | None = None) -> Any:
    """The one act a decision rests on: the one named; for a screening hit, the act its list
    implements; else the rule's only act, or its only act of Union or EEA law."""
    if chosen:
        return rule.legal_ground(chosen)
    if not rule.legal_grounds:
        return None
    if source is not None:
        for ground in rule.legal_grounds:
            if source in ground.sources:
                return ground
    if len(rule.legal_grounds) == 1:
        return rule.legal_grounds[0]
    european = [g for g in rule.legal_grounds if g.european]
    if rule.ground == "legal_obligation" and len(european) == 1:
        return european[0]
    if rule.ground == "platform_policy":
        return None
    known = ", ".join(g.id for g in rule.legal_grounds)
    raise Invalid(
        f"legal_ground: rule {rule.id!r} rests on several acts; name the one relied on ({known})"
    )


def build_transparency(
    rule: Rule,
    subject: Party | Account,
    facts: str,
    personal: dict[str, str],
    disclosure: Disclosure,
    source: str | None = None,
) -> dict[str, Any]:
    """The transparency block of a new decision's statement; refuses a public text that still
    names a natural person, and values the DSA schema does not know."""
    if disclosure.origin not in ORIGINS:
        raise Invalid(f"origin: {disclosure.origin!r} is not one of {', '.join(ORIGINS)}")
    identity = " ".join((disclosure.source_identity or "").split()) or None
    if disclosure.origin == "authority" and not identity:
        raise Invalid("source_identity: name the authority whose order or directive this is")
    if identity and len(identity) > 500:
        raise Invalid("source_identity: longer than the 500 characters the database takes")
    if disclosure.public_facts is not None:
        public = " ".join(disclosure.public_facts.split())
        if len(public.split()) < 6:
            raise Invalid("public_facts: state the facts for the public in a full sentence")
        left = found_personal_data(public, personal)
        if left:
            raise Invalid(
                "public_facts: names a natural person ("
                + "; ".join(sorted(left))
                + '); write the role instead ("the advertiser")'
            )
    else:
        public = redact(facts, personal)
    category = _choice(
        disclosure.category or rule.dsa_category,
        STATEMENT_CATEGORIES,
        REMOVED_CATEGORIES,
        "category",
    )
    additions = tuple(
        _choice(c, STATEMENT_CATEGORIES, REMOVED_CATEGORIES, "category_addition")
        for c in (
            disclosure.category_addition
            if disclosure.category_addition is not None
            else rule.dsa_category_addition
        )
        if c != category
    )
    keywords = tuple(
        _choice(k, KEYWORDS, REMOVED_KEYWORDS, "keyword")
        for k in (disclosure.keywords if disclosure.keywords is not None else rule.dsa_keywords)
    )
    language = None
    if disclosure.content_language:
        language = disclosure.content_language.strip().upper()
        if language not in LANGUAGES:
            raise Invalid(
                f"content_language: {disclosure.content_language!r} is not an ISO 639-1 code"
            )
    ground = legal_ground_for(rule, disclosure.legal_ground, source)
    subject_party = subject if isinstance(subject, Party) else None
    return {
        "public_facts": public,
        "legal_ground": ground.to_public() | {"european": ground.european} if ground else None,
        "category": category,
        "category_addition": list(dict.fromkeys(additions)),
        "keywords": list(dict.fromkeys(keywords)),
        "content_language": language,
        "origin": disclosure.origin,
        "source_type": ORIGINS[disclosure.origin],
        "source_identity": identity if disclosure.origin != "own_initiative" else None,
        "personal_data": sorted(personal),
        "subject_is_person": is_person(subject_party)
        or bool(isinstance(subject, Account) and subject.id in personal),
    }
