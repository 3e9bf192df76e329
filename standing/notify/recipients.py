"""Who is mailed about a party: the contacts bound to it.

The worker asks a `Recipients` for the addresses of the affected parties' contacts. Contacts
are principals (DESIGN 4b); `recipients_for` is the one place that chooses the implementation
the CLI and the server use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from sqlalchemy import select

from standing.ports import Services
from standing.store.access_tables import PrincipalPartyRow, PrincipalRow


class Recipients(Protocol):
    def addresses(self, party_ids: Sequence[str]) -> Mapping[str, Sequence[str]]:
        """For each of ``party_ids`` that has contacts, their email addresses."""
        ...

    def reviewers(self) -> Sequence[str]:
        """The email addresses of the staff who decide appeals (the desk's digest)."""
        ...


class MappingRecipients:
    """Contacts given as a mapping from party id to addresses."""

    def __init__(
        self, contacts: Mapping[str, Sequence[str]], reviewers: Sequence[str] = ()
    ) -> None:
        self.contacts = {party: tuple(emails) for party, emails in contacts.items() if emails}
        self.staff = tuple(reviewers)

    def addresses(self, party_ids: Sequence[str]) -> Mapping[str, Sequence[str]]:
        return {p: self.contacts[p] for p in party_ids if p in self.contacts}

    def reviewers(self) -> Sequence[str]:
        return self.staff


class StoreRecipients:
    """The active advertiser contacts bound to each party, and the active reviewers, from the
    principals in the store."""

    def __init__(self, services: Services) -> None:
        self.services = services

    def addresses(self, party_ids: Sequence[str]) -> Mapping[str, Sequence[str]]:
        wanted = sorted(set(party_ids))
        out: dict[str, list[str]] = {}
        with self.services.read() as session:
            for start in range(0, len(wanted), 500):
                rows = session.execute(
                    select(PrincipalPartyRow.party_id, PrincipalRow.email)
                    .join(PrincipalRow, PrincipalRow.id == PrincipalPartyRow.principal_id)
                    .where(
                        PrincipalPartyRow.party_id.in_(wanted[start : start + 500]),
                        PrincipalRow.active.is_(True),
                        PrincipalRow.kind == "contact",
                    )
                    .order_by(PrincipalRow.email)
                )
                for party_id, email in rows:
                    if email:
                        out.setdefault(party_id, []).append(email)
        return out

    def reviewers(self) -> Sequence[str]:
        with self.services.read() as session:
            rows = session.execute(
                select(PrincipalRow.email, PrincipalRow.roles).where(
                    PrincipalRow.active.is_(True), PrincipalRow.kind == "staff"
                )
            )
            return sorted(email for email, roles in rows if email and "reviewer" in roles)


def recipients_for(services: Services) -> Recipients:
    """The contacts of the store's parties and its reviewers (the principals of DESIGN 4b)."""
    return StoreRecipients(services)
