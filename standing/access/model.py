"""Principals and what each may do: the permission table of DESIGN section 4b, in one place.

Pure: no I/O. The store turns credentials into a `Principal`; the services and the web layer
ask `may` / `require` with a `Permission`, and the web routes declare theirs from the same
enum, so the table below is the single answer to "who may do this?".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from standing.errors import Forbidden


class Kind(StrEnum):
    STAFF = "staff"
    CONTACT = "contact"
    SERVICE = "service"


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    REVIEWER = "reviewer"
    AUDITOR = "auditor"
    ADMIN = "admin"


class Scope(StrEnum):
    """What a service client's token may do."""

    CHECK = "check"
    SCREEN = "screen"
    DECIDE = "decide"
    EXPORT = "export"
    METRICS = "metrics"


class Permission(StrEnum):
    PUBLIC = "public"  # anyone, without a credential
    AUTHENTICATED = "authenticated"  # any principal (who am I, sign out)
    READ = "read"  # decisions, statements, notices, hits, appeals, any standing
    CHECK = "check"  # the gate's check routes
    IMPORT_GRAPH = "graph.import"
    IMPORT_LIST = "lists.import"
    SCREEN = "screen"
    DECIDE = "decide"  # record and lift decisions
    REVIEW_HIT = "hits.review"  # confirm or dismiss a screening hit
    DECIDE_APPEAL = "appeals.decide"
    RECHECK = "decisions.recheck"  # confirm a decision without an end on re-examination
    FILE_APPEAL = "appeals.file"
    NOTE = "cases.note"  # write an internal note on a case of the review desk
    AUDIT = "audit"  # audit verify, DSA export, transparency report
    MANAGE_ACCESS = "access.manage"  # users and every token
    OWN_TOKENS = "tokens.own"  # a contact's own tokens
    METRICS = "metrics"


@dataclass(frozen=True)
class Grant:
    """Who holds a permission: staff roles, advertiser contacts (for their own things only),
    service scopes."""

    roles: frozenset[Role] = frozenset()
    contacts: bool = False
    scopes: frozenset[Scope] = frozenset()


STAFF = frozenset(Role)

#: DESIGN section 4b, row by row.
GRANTS: dict[Permission, Grant] = {
    Permission.READ: Grant(roles=STAFF, contacts=True),
    Permission.CHECK: Grant(scopes=frozenset({Scope.CHECK})),
    Permission.IMPORT_GRAPH: Grant(
        roles=frozenset({Role.ANALYST}), scopes=frozenset({Scope.SCREEN, Scope.DECIDE})
    ),
    Permission.IMPORT_LIST: Grant(
        roles=frozenset({Role.ANALYST}), scopes=frozenset({Scope.SCREEN})
    ),
    Permission.SCREEN: Grant(roles=frozenset({Role.ANALYST}), scopes=frozenset({Scope.SCREEN})),
    Permission.DECIDE: Grant(roles=frozenset({Role.ANALYST}), scopes=frozenset({Scope.DECIDE})),
    Permission.REVIEW_HIT: Grant(roles=frozenset({Role.ANALYST}), scopes=frozenset({Scope.DECIDE})),
    Permission.DECIDE_APPEAL: Grant(roles=frozenset({Role.REVIEWER})),
    Permission.RECHECK: Grant(roles=frozenset({Role.ANALYST, Role.REVIEWER})),
    Permission.FILE_APPEAL: Grant(contacts=True),
    Permission.NOTE: Grant(roles=frozenset({Role.ANALYST, Role.REVIEWER})),
    Permission.AUDIT: Grant(
        roles=frozenset({Role.AUDITOR, Role.ADMIN}), scopes=frozenset({Scope.EXPORT})
    ),
    Permission.MANAGE_ACCESS: Grant(roles=frozenset({Role.ADMIN})),
    Permission.OWN_TOKENS: Grant(roles=frozenset({Role.ADMIN}), contacts=True),
    Permission.METRICS: Grant(roles=STAFF, scopes=frozenset({Scope.METRICS})),
}

#: What a permission is called in messages ("... needs the role analyst or the scope decide").
DOING: dict[Permission, str] = {
    Permission.READ: "reading cases",
    Permission.CHECK: "gate checks",
    Permission.IMPORT_GRAPH: "importing the graph",
    Permission.IMPORT_LIST: "importing restriction lists",
    Permission.SCREEN: "screening",
    Permission.DECIDE: "recording and lifting decisions",
    Permission.REVIEW_HIT: "confirming and dismissing hits",
    Permission.DECIDE_APPEAL: "deciding appeals",
    Permission.RECHECK: "re-examining decisions",
    Permission.FILE_APPEAL: "filing appeals",
    Permission.NOTE: "writing internal notes on cases",
    Permission.AUDIT: "audit, export and reports",
    Permission.MANAGE_ACCESS: "managing users and tokens",
    Permission.OWN_TOKENS: "managing tokens",
    Permission.METRICS: "metrics",
}


@dataclass(frozen=True)
class Principal:
    """An authenticated actor: a staff user, an advertiser contact or a service client."""

    id: str
    kind: Kind
    name: str
    email: str | None = None
    roles: frozenset[Role] = frozenset()
    parties: frozenset[str] = frozenset()  # a contact's parties
    scopes: frozenset[Scope] = frozenset()  # a service token's scopes
    token: str | None = field(default=None, compare=False)  # the token id it came with

    @property
    def is_staff(self) -> bool:
        return self.kind is Kind.STAFF

    @property
    def is_contact(self) -> bool:
        return self.kind is Kind.CONTACT

    def may(self, permission: Permission) -> bool:
        if permission in (Permission.PUBLIC, Permission.AUTHENTICATED):
            return True
        grant = GRANTS[permission]
        if self.kind is Kind.STAFF:
            return bool(grant.roles & self.roles)
        if self.kind is Kind.CONTACT:
            return grant.contacts
        return bool(grant.scopes & self.scopes)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": str(self.kind),
            "name": self.name,
            "email": self.email,
            "roles": sorted(str(r) for r in self.roles),
            "parties": sorted(self.parties),
            "scopes": sorted(str(s) for s in self.scopes),
        }


#: standing itself, for the writes no person makes: the notify worker's transactions, the
#: receipts of a DSA submission, a policy version's first use on the audit log (the actor
#: ``standing`` that the log has always named for it). It holds no grant.
SYSTEM = Principal(id="standing", kind=Kind.SERVICE, name="standing")


def requirement(permission: Permission) -> str:
    """Who holds ``permission``, in words."""
    grant = GRANTS.get(permission)
    if grant is None:
        return "any principal"
    held = []
    if grant.roles:
        held.append("the role " + " or ".join(sorted(grant.roles)))
    if grant.contacts:
        held.append("an advertiser contact")
    if grant.scopes:
        held.append("a token with the scope " + " or ".join(sorted(grant.scopes)))
    return ", ".join(held) if held else "nobody"


def require(principal: Principal, permission: Permission) -> Principal:
    """``principal`` if it holds ``permission``; `Forbidden` saying what is needed otherwise."""
    if not principal.may(permission):
        raise Forbidden(
            f"{principal.id} may not do this: {DOING.get(permission, permission)} needs "
            f"{requirement(permission)}"
        )
    return principal
