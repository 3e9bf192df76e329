"""Re-examining decisions without an end, on the store (SQLite and PostgreSQL): the list due,
confirming one (guarded, audited, restarting the cycle), lifting one instead."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from standing.audit.state import verify_store
from standing.bootstrap import Services
from standing.decisions.rechecks import confirm_recheck, list_rechecks, rechecks_of
from standing.decisions.service import lift_decision
from standing.errors import Conflict, Forbidden, Invalid, NotFound
from standing.store.tables import EventRow, RecheckRow
from tests.decisions.helpers import CONFIRM, SHOP_FACTS, record_vendor_decision
from tests.fixtures.services import TestClock
from tests.principals import ANALYST, REVIEWER, VIEWER, contact


def shop_decision(services: Services, **extra: object) -> str:
    return record_vendor_decision(
        services,
        subject="brightdeal-shop",
        rule="deceptive-business-practices",
        facts=SHOP_FACTS,
        **extra,
    ).decision.id


def counts(services: Services) -> tuple[int, int]:
    with services.read() as session:
        rechecks = session.scalar(select(func.count()).select_from(RecheckRow)) or 0
        events = session.scalar(select(func.count()).select_from(EventRow)) or 0
    return rechecks, events


def test_a_decision_without_an_end_comes_back_on_its_cycle(
    demo_graph: Services, clock: TestClock
) -> None:
    services = demo_graph
    shop = shop_decision(services)  # deceptive-business-practices: every 28 days
    vendor = record_vendor_decision(services).decision.id  # government-barred-vendor: 180
    with_end = shop_decision(services, until=datetime(2027, 1, 1))
    assert services.policy.rule("deceptive-business-practices").recheck_days == 28
    due = [r.to_json() for r in list_rechecks(services, REVIEWER)]
    assert [r["decision"] for r in due] == [shop]  # due in 28 days: within the 30 ahead
    assert due[0]["overdue"] is False and due[0]["due_at"].startswith("2026-01-29")
    assert due[0]["rule_title"] == "Deceptive or unacceptable business practices"
    wide = [r.to_json() for r in list_rechecks(services, VIEWER, within_days=200)]
    assert [r["decision"] for r in wide] == [shop, vendor]
    assert with_end not in {r["decision"] for r in wide}
    clock.advance(days=40)
    (overdue,) = [r.to_json() for r in list_rechecks(services, ANALYST, within_days=0)]
    assert overdue["decision"] == shop and overdue["overdue"] is True


def test_confirming_restarts_the_cycle_and_is_audited(
    demo_graph: Services, clock: TestClock
) -> None:
    services = demo_graph
    shop = shop_decision(services)
    clock.advance(days=29)
    done = confirm_recheck(services, shop, CONFIRM, REVIEWER).to_json()
    assert done["outcome"] == "confirmed" and done["rechecked_by"] == REVIEWER.id
    assert done["next_due_at"].startswith("2026-02-27")  # 28 days after the re-examination
    assert list_rechecks(services, REVIEWER, within_days=27) == []
    history = rechecks_of(services, shop, REVIEWER).to_json()
    assert [r["reason"] for r in history["done"]] == [CONFIRM]
    assert history["next"]["due_at"] == done["next_due_at"]
    # an analyst may confirm too; the cycle counts from the latest
    clock.advance(days=20)
    again = confirm_recheck(
        services,
        shop,
        "BrightDeal Shop still shows the 90 percent banner on its checkout page of 2026-02-19.",
        ANALYST,
    )
    assert again.next_due_at.isoformat().startswith("2026-03-19")
    with services.read() as session:
        found = verify_store(session)
    assert found.broken is None and found.mismatches == []
    assert found.checked["rechecks"] == 2


@pytest.mark.parametrize(
    ("reason", "refusal"),
    [
        ("It still holds.", r"reason: say what was examined again"),
        (
            "We reviewed your account and determined that it violates our policies.",
            r"reason: ",
        ),
    ],
)
def test_a_vague_confirmation_is_refused_and_nothing_stored(
    demo_graph: Services, reason: str, refusal: str
) -> None:
    services = demo_graph
    shop = shop_decision(services)
    before = counts(services)
    with pytest.raises(Invalid, match=refusal):
        confirm_recheck(services, shop, reason, REVIEWER)
    assert counts(services) == before


def test_who_may_re_examine_and_what(demo_graph: Services) -> None:
    services = demo_graph
    shop = shop_decision(services)
    with_end = shop_decision(services, until=datetime(2027, 1, 1))
    unverified = record_vendor_decision(
        services,
        subject="brightdeal-shop",
        rule="unverified-advertiser",
        facts="BrightDeal Shop spent 14,200 EUR on promotion in 2025 without verifying "
        "its identity.",
    ).decision.id
    before = counts(services)
    with pytest.raises(Forbidden, match="re-examining decisions needs the role"):
        confirm_recheck(services, shop, CONFIRM, VIEWER)
    shop_contact = contact("shop", "brightdeal-shop")
    with pytest.raises(Forbidden):
        confirm_recheck(services, shop, CONFIRM, shop_contact)
    with pytest.raises(Forbidden, match="staff"):
        list_rechecks(services, shop_contact)
    with pytest.raises(NotFound):
        confirm_recheck(services, "dec-unknown", CONFIRM, REVIEWER)
    with pytest.raises(Conflict, match="only a decision without an end"):
        confirm_recheck(services, with_end, CONFIRM, REVIEWER)
    with pytest.raises(Conflict, match="sets no re-examination cycle"):
        confirm_recheck(services, unverified, CONFIRM, REVIEWER)
    with pytest.raises(Invalid, match="within"):
        list_rechecks(services, REVIEWER, within_days=-1)
    assert counts(services) == before


def test_lifting_ends_the_cycle(demo_graph: Services) -> None:
    services = demo_graph
    shop = shop_decision(services)
    lift_decision(
        services,
        shop,
        "BrightDeal Shop refunded all 41 complainants and its chargeback rate fell to 0.4 "
        "percent in February 2026.",
        ANALYST,
    )
    assert list_rechecks(services, REVIEWER, within_days=400) == []
    assert rechecks_of(services, shop, REVIEWER).next is None
    with pytest.raises(Conflict, match="was lifted"):
        confirm_recheck(services, shop, CONFIRM, REVIEWER)
