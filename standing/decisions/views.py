"""What reading a subject's standing gives: each capability allowed or not, the decisions that
deny it and why, and the subject's decisions; with the JSON documents the API and the CLI
print."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from standing.decisions import statement as sor
from standing.decisions.model import Decision, decision_json
from standing.documents import fields_json
from standing.graph.model import Account, Party


@dataclass(frozen=True, slots=True)
class CapabilityStanding:
    """One capability of a subject: allowed or not, by which decisions, through which owners."""

    capability: str
    description: str
    allowed: bool
    decisions: tuple[str, ...]
    via: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a decision denies: its rule, its facts and the remedy."""

    decision: str
    subject: str
    rule: str
    title: str
    facts: str
    remedy: str | None
    statement_url: str

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


@dataclass(frozen=True, slots=True)
class Standing:
    """Every capability of a party or account as of a moment (in a territory, if one is
    given), the reasons of the decisions that deny any, and the decisions on the subject."""

    subject: Party | Account
    territory: str | None
    as_of: datetime
    capabilities: tuple[CapabilityStanding, ...]
    reasons: tuple[Reason, ...]
    decisions: tuple[Decision, ...]

    @property
    def is_account(self) -> bool:
        return isinstance(self.subject, Account)

    @property
    def subject_name(self) -> str:
        """The party's caption, or "USERNAME on SERVICE" for an account."""
        return str(sor.subject_summary(self.subject)["name"])

    def capability(self, name: str) -> CapabilityStanding:
        return next(c for c in self.capabilities if c.capability == name)

    def to_json(self) -> dict[str, Any]:
        return {
            "subject": sor.subject_summary(self.subject),
            "territory": self.territory,
            "as_of": self.as_of.isoformat(),
            "capabilities": [c.to_json() for c in self.capabilities],
            "reasons": [r.to_json() for r in self.reasons],
            "decisions": [decision_json(d, self.as_of) for d in self.decisions],
        }


@dataclass(frozen=True, slots=True)
class AccountStanding:
    """One account of a party and its capabilities (a page of a party's accounts)."""

    account: Account
    capabilities: tuple[CapabilityStanding, ...]
