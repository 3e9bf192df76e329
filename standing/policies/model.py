"""The published policy: capabilities and rules, as frozen plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

GROUNDS = ("platform_policy", "legal_obligation")
REACHES = ("subject", "controlled")
#: The shortest appeal window a rule may set: at least six months (DSA Art. 20(1)), counted as
#: the longest six calendar months there are (July to December: 31+31+30+31+30+31 days), so
#: that no decision's window ends before six months have passed whatever month it falls in.
MIN_APPEAL_WINDOW_DAYS = 184


@dataclass(frozen=True, slots=True)
class Capability:
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Source:
    """An external restriction list the platform screens against."""

    id: str
    title: str
    authority: str
    format: str
    threshold: float
    url: str = ""
    accepts: tuple[str, ...] = ()  # further formats the same list is published in

    @property
    def formats(self) -> tuple[str, ...]:
        """The formats a file of this source may be read in: its own, then those it accepts."""
        return (self.format, *(f for f in self.accepts if f != self.format))

    def to_public(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "authority": self.authority,
            "format": self.format,
            "accepts": list(self.formats),
            "threshold": self.threshold,
            "url": self.url,
        }


#: What a boilerplate text is compared with: decisions' facts, appeal replies, lift reasons.
BOILERPLATE_USES = ("facts", "reply", "reason")


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Generic enforcement wording (``policies/boilerplate.yaml``) that a decision's facts, a
    reply or a lift reason must not be."""

    id: str
    text: str
    use: tuple[str, ...] = BOILERPLATE_USES


@dataclass(frozen=True, slots=True)
class LegalGround:
    """One act a rule may rest on: its citation, whose law it is (an ISO country code, ``EU``,
    or ``UN``) and the restriction lists that implement it."""

    id: str
    act: str
    jurisdiction: str
    sources: tuple[str, ...] = ()
    url: str = ""

    @property
    def european(self) -> bool:
        """Whether the act is Union law or the law of an EEA state (the DSA's "illegal")."""
        from standing.transparency.dsa_schema import EEA

        return self.jurisdiction == "EU" or self.jurisdiction in EEA

    def to_public(self) -> dict[str, object]:
        return {
            "id": self.id,
            "act": self.act,
            "jurisdiction": self.jurisdiction,
            "sources": list(self.sources),
            "url": self.url,
        }


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    criteria: str
    ground: str
    reference: str
    restricts: tuple[str, ...]
    reach: str
    threshold: float
    remedy: str
    appeal_window_days: int
    review_days: int
    dsa_category: str
    sources: tuple[str, ...] = ()
    automated_decision: bool = False
    dsa_category_addition: tuple[str, ...] = ()
    dsa_keywords: tuple[str, ...] = ()
    legal_grounds: tuple[LegalGround, ...] = ()
    #: A decision under this rule without an end comes back for re-examination this often.
    recheck_days: int | None = None

    def legal_ground(self, ground_id: str) -> LegalGround:
        from standing.errors import Invalid

        for ground in self.legal_grounds:
            if ground.id == ground_id:
                return ground
        known = ", ".join(g.id for g in self.legal_grounds) or "none"
        raise Invalid(
            f"legal_ground: rule {self.id!r} does not rest on {ground_id!r}; its acts are: {known}"
        )

    def to_public(self) -> dict[str, object]:
        """The rule as published (``standing policies --json``, ``GET /api/v1/policies``)."""
        return {
            "id": self.id,
            "title": self.title,
            "criteria": self.criteria,
            "remedy": self.remedy,
            "ground": self.ground,
            "reference": self.reference,
            "restricts": list(self.restricts),
            "reach": self.reach,
            "threshold": self.threshold,
            "appeal_window_days": self.appeal_window_days,
            "review_days": self.review_days,
            "dsa_category": self.dsa_category,
            "sources": list(self.sources),
            "automated_decision": self.automated_decision,
            "dsa_category_addition": list(self.dsa_category_addition),
            "dsa_keywords": list(self.dsa_keywords),
            "legal_grounds": [g.to_public() for g in self.legal_grounds],
            "recheck_days": self.recheck_days,
        }


@dataclass(frozen=True, slots=True)
class SettlementBody:
    """An out-of-court dispute settlement body certified under DSA Article 21."""

    id: str
    name: str
    country: str  # ISO 3166-1 alpha-2, where it is established and certified
    url: str
    certified_by: str = ""

    def to_public(self) -> dict[str, str]:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "url": self.url,
            "certified_by": self.certified_by,
        }


@dataclass(frozen=True, slots=True)
class Court:
    """Judicial or official redress: the competent courts, a Digital Services Coordinator."""

    id: str
    name: str
    description: str
    url: str = ""

    def to_public(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "description": self.description, "url": self.url}


@dataclass(frozen=True, slots=True)
class Redress:
    """Where an affected party may turn beyond the platform (``policies/redress.yaml``; DSA
    Art. 20(5) and 21): the certified settlement bodies and the courts."""

    bodies: tuple[SettlementBody, ...]
    courts: tuple[Court, ...]
    register_url: str = ""  # the Commission's list of every certified body

    def to_public(self) -> dict[str, object]:
        return {
            "settlement_bodies": [b.to_public() for b in self.bodies],
            "courts": [c.to_public() for c in self.courts],
            "register_url": self.register_url,
        }


def redress_sentences(redress: dict[str, Any] | None) -> list[str]:
    """The out-of-court bodies and courts, in sentences (a statement, an outcome, a mail);
    ``redress`` is ``Redress.to_public()``, as statements and events keep it."""
    if not redress:
        return [
            "You may turn to a certified out-of-court dispute settlement body (EU Digital "
            "Services Act, Article 21) or to the courts."
        ]
    bodies = "; ".join(
        f"{b['name']} ({b['country']}, {b['url']})" for b in redress["settlement_bodies"]
    )
    lines = [
        "You may take the matter to a certified out-of-court dispute settlement body (EU "
        f"Digital Services Act, Article 21): {bodies}."
    ]
    if redress.get("register_url"):
        lines.append(f"Every certified body is listed at {redress['register_url']}.")
    for court in redress["courts"]:
        where = f" ({court['url']})" if court.get("url") else ""
        lines.append(f"{court['name']}{where}: {court['description']}")
    return lines


@dataclass(frozen=True, slots=True)
class Policy:
    version: str
    capabilities: dict[str, Capability]
    rules: dict[str, Rule]
    sources: dict[str, Source] = field(default_factory=dict)
    boilerplate: tuple[Boilerplate, ...] = ()
    redress: Redress = field(default_factory=lambda: Redress((), ()))

    def source(self, source_id: str) -> Source:
        from standing.errors import NotFound

        try:
            return self.sources[source_id]
        except KeyError:
            known = ", ".join(sorted(self.sources))
            raise NotFound(
                f"unknown source {source_id!r}; the declared sources are: {known}"
            ) from None

    def rules_covering(self, source_id: str) -> list[Rule]:
        return [r for r in self.rules.values() if source_id in r.sources]

    def rule(self, rule_id: str) -> Rule:
        from standing.errors import NotFound

        try:
            return self.rules[rule_id]
        except KeyError:
            known = ", ".join(sorted(self.rules))
            raise NotFound(f"unknown rule {rule_id!r}; the published rules are: {known}") from None

    def unrestricted(self, rule: Rule) -> tuple[str, ...]:
        """The capabilities a decision under ``rule`` leaves untouched."""
        return tuple(c for c in self.capabilities if c not in rule.restricts)

    def to_public(self) -> dict[str, object]:
        return {
            "version": self.version,
            "rules": [r.to_public() for r in self.rules.values()],
            "capabilities": {c.name: c.description for c in self.capabilities.values()},
            "sources": [s.to_public() for s in self.sources.values()],
            "redress": self.redress.to_public(),
        }
