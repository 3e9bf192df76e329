"""The published policy: capabilities and rules, as frozen plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

GROUNDS = ("platform_policy", "legal_obligation")
REACHES = ("subject", "controlled")


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
        }


@dataclass(frozen=True, slots=True)
class Policy:
    version: str
    capabilities: dict[str, Capability]
    rules: dict[str, Rule]
    sources: dict[str, Source] = field(default_factory=dict)
    boilerplate: tuple[Boilerplate, ...] = ()

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
        }
