"""Who is mailed about a party: the contacts bound to it.

The worker asks a `Recipients` for the addresses of the affected parties' contacts. Contacts
are principals (DESIGN 4b); `recipients_for` is the one place that chooses the implementation
the CLI and the server use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from standing.bootstrap import Services


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


def recipients_for(services: Services) -> Recipients:
    """The contacts of the store's parties and its reviewers. None is recorded yet: mail is
    addressed to nobody, and webhooks carry every event."""
    del services
    return MappingRecipients({})
