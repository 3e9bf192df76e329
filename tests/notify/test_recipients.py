"""Mail goes to the advertiser contacts bound to the affected parties, and the desk's digest to
the active reviewers: the principals in the store."""

from __future__ import annotations

from standing.access.service import disable_user
from standing.bootstrap import Services
from standing.notify.recipients import recipients_for
from tests.fixtures.principals import Credential


def test_contacts_and_reviewers_come_from_the_store(
    demo_graph: Services, credentials: dict[str, Credential]
) -> None:
    recipients = recipients_for(demo_graph)
    found = recipients.addresses(["kaspersky-labs-japan", "brightdeal-shop", "ao-kaspersky-lab"])
    assert found == {
        "kaspersky-labs-japan": ["contact_a@advertiser.example"],
        "brightdeal-shop": ["contact_b@advertiser.example"],
    }
    assert recipients.reviewers() == ["reviewer@test.example"]
    disable_user(demo_graph, credentials["admin"].principal, "contact_b@advertiser.example")
    assert "brightdeal-shop" not in recipients.addresses(["brightdeal-shop"])
