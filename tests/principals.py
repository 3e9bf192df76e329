"""Principals for tests that call the services directly (in memory; the services trust the
principal they are given, the CLI and the web layer authenticate it)."""

from __future__ import annotations

from standing.access.model import Kind, Principal, Role, Scope


def staff(name: str, *roles: Role) -> Principal:
    return Principal(
        id=f"usr-{name}",
        kind=Kind.STAFF,
        name=name,
        email=f"{name}@test.example",
        roles=frozenset(roles),
    )


def contact(name: str, *parties: str) -> Principal:
    return Principal(
        id=f"usr-{name}",
        kind=Kind.CONTACT,
        name=name,
        email=f"{name}@advertiser.example",
        parties=frozenset(parties),
    )


def service(name: str, *scopes: Scope) -> Principal:
    return Principal(id=f"svc-{name}", kind=Kind.SERVICE, name=name, scopes=frozenset(scopes))


ANALYST = staff("analyst", Role.ANALYST)
REVIEWER = staff("reviewer", Role.REVIEWER)
VIEWER = staff("viewer", Role.VIEWER)
AUDITOR = staff("auditor", Role.AUDITOR)
ADMIN = staff("admin", Role.ADMIN)
#: Records decisions and also reviews: the four-eyes rule must stop them on their own cases.
DECIDER = staff("decider", Role.ANALYST, Role.REVIEWER)
#: The contact of the demo's Kaspersky group companies in the US and Japan.
KASPERSKY = contact("kaspersky", "kaspersky-lab-inc", "kaspersky-labs-japan")
#: The contact of the demo's state broadcaster.
RT = contact("rt", "ano-tv-novosti")
