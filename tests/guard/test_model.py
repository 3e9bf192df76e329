"""The specificity guard on its own: particulars, names taken out, generic text, templates and
replies that engage with the appeal."""

from __future__ import annotations

import pytest

from standing.errors import Invalid
from standing.guard.model import (
    Appealed,
    Earlier,
    Generic,
    Mentions,
    judge_facts,
    judge_reason,
    judge_reply,
    particulars,
    strip_subject,
)

ACME = Mentions(("Acme Ltd", "@acmeshop"), ("Acme",), ("acme", "dec-1"))
BUSINESS_MODEL = Generic(
    "the stock wording 'business-model'",
    "operates using a business model that inherently conflicts with acceptable advertising "
    "business practices",
)
STOCK = (
    BUSINESS_MODEL,
    Generic(
        "the stock wording 'violates-policies'",
        "has been found to violate our advertising policies after a careful review of its activity",
    ),
    Generic(
        "the stock wording 'reviewed-appeal-stands'",
        "we have reviewed your appeal and our decision stands because your account does not "
        "comply with our advertising policies",
    ),
)


def kinds(text: str) -> set[str]:
    return {p.kind for p in particulars(text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("between 2026-08-01 and 2026-10-31", "date"),
        ("on 13 September 2017", "date"),
        ("am 4. Juni 2026", "date"),
        ("le 1er juillet 2026", "date"),
        ("2026年9月12日に", "date"),
        ("in April", "date"),
        ("212 of 3,410 orders", "figure"),
        ("6.2 percent", "figure"),
        ("case MKT-2026-10-3381", "identifier"),
        ("entry 38211", "identifier"),
        ("https://www.fcc.gov/supplychain/coveredlist", "identifier"),
        ("named by the Consumer Affairs Agency", "name"),
        ("a directive of the DHS", "name"),
        ("sold to Meridian Holdings", "name"),
        ("消費者庁が命じた", "name"),
        ('promised "cancel anytime with one click"', "quote"),
        ("« offre expirant dans 10 minutes »", "quote"),
    ],
)
def test_particulars_of_each_kind(text: str, kind: str) -> None:
    assert kind in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "has been found to violate our advertising policies after a careful review",
        "Following an internal investigation, the account was restricted.",
        "Dear Customer, Our Advertising Policies apply.",
        "you may appeal within 180 days",  # the platform's procedure, not the case
        "Die Firma verstößt gegen unsere Werberichtlinien.",  # German nouns are capitalised
    ],
)
def test_no_particulars_in_stock_wording(text: str) -> None:
    assert particulars(text) == ()


def test_the_subject_is_taken_out_but_not_another_company_of_its_name() -> None:
    assert strip_subject("Acme Ltd's ads, run by @acmeshop (acme).", ACME) == "ads, run by ()."
    assert "Acme GmbH" in strip_subject("Acme GmbH bought Acme's stock.", ACME)
    assert strip_subject("Acme Limitedの広告", Mentions(("Acme Limited",))) == "の広告"


@pytest.mark.parametrize(
    "facts",
    [
        "Acme Ltd operates using a business model that inherently conflicts with acceptable "
        "advertising business practices.",
        "Acme Ltd has been found to violate our advertising policies after a careful review.",
        "Following an internal investigation, Acme Ltd was determined to be ineligible to "
        "advertise at this time.",
    ],
)
def test_boilerplate_with_the_name_in_front_is_refused(facts: str) -> None:
    with pytest.raises(Invalid, match="facts: no date, figure, document or list entry"):
        judge_facts(facts, ACME, STOCK)


def test_a_particular_does_not_save_stock_wording() -> None:
    facts = (
        "Acme Ltd operates, since 2024, using a business model that inherently conflicts with "
        "acceptable advertising business practices."
    )
    with pytest.raises(Invalid, match="close to the stock wording 'business-model'"):
        judge_facts(facts, ACME, STOCK)
    with pytest.raises(Invalid, match=r"besides 2026-06-01|close to the stock wording"):
        judge_facts("On 2026-06-01 Acme Ltd has been found to violate our policies.", ACME, STOCK)


def test_specific_facts_pass_and_keep_their_text() -> None:
    facts = "Acme Ltd sold 212 one-euro trials that became 49 euro subscriptions in May 2026."
    verdict = judge_facts(facts, ACME, STOCK)
    assert {"figure", "date"} <= set(verdict.kinds)


def test_the_rules_own_thresholds_are_not_the_cases_figures() -> None:
    criteria = "Chargeback rates above 2 percent over 90 days."
    facts = "Acme Ltd had chargebacks above 2 percent over 90 days."
    with pytest.raises(Invalid, match="no date, figure"):
        judge_facts(facts, ACME, STOCK, rule_texts=(criteria,))
    ok = "Acme Ltd had chargebacks of 6.4 percent over 90 days."
    judge_facts(ok, ACME, STOCK, rule_texts=(criteria,))


def test_a_template_sent_to_another_subject_is_refused_naming_the_earlier_decision() -> None:
    earlier = [Earlier("decision dec-0", "Zeta Corp was named in directive 17-01 of 2017.")]
    with pytest.raises(Invalid, match="the same text as decision dec-0 on another subject"):
        judge_facts("Acme Ltd was named in directive 17-01 of 2017.", ACME, STOCK, earlier=earlier)
    # the same form with particulars of its own is no template: a list entry's facts
    judge_facts("Acme Ltd was named in directive 17-02 of 2018.", ACME, STOCK, earlier=earlier)


APPEALED = Appealed(
    text="We refunded every customer by 15 June 2026; our chargeback rate in June was 0.8 percent.",
    facts="Acme Ltd sold 188 trials that became subscriptions, case MKT-2026-05-1177.",
    evidence=("Chargeback report MKT-2026-05-1177",),
)


@pytest.mark.parametrize(
    "reply",
    [
        "Acme Ltd: after careful review, we have determined that the original decision was "
        "correct and the restriction will remain in place.",
        "Dear Acme Ltd, we have reviewed your appeal and our decision stands because your "
        "account does not comply with our advertising policies.",
    ],
)
def test_stock_replies_with_the_name_are_refused(reply: str) -> None:
    with pytest.raises(Invalid, match="reply: no date, figure, document or list entry"):
        judge_reply(reply, ACME, APPEALED, STOCK)


def test_a_reply_must_engage_with_the_appeal() -> None:
    ignores = (
        "Our records show Acme Ltd sold to 4,200 customers in Austria, so the decision stands."
    )
    with pytest.raises(Invalid, match="takes up nothing the appellant wrote"):
        judge_reply(ignores, ACME, APPEALED, STOCK)
    for engaged in (
        "The 0.8 percent you cite covers June only, so we will re-check on 2026-08-15.",
        "Case MKT-2026-05-1177 lists 188 chargebacks; your refund file covers 171, so it stands.",
        'You say you "refunded every customer", but 17 customers of May 2026 are still waiting.',
    ):
        judge_reply(engaged, ACME, APPEALED, STOCK)


def test_a_reply_repeating_an_earlier_one_names_it() -> None:
    reply = "The 0.8 percent you cite covers June only, so we will re-check on 2026-08-15."
    other = [Earlier("the reply to appeal apl-0", reply.replace("2026-08-15", "2026-09-15"))]
    judge_reply(reply, ACME, APPEALED, STOCK, earlier=other)  # a date of its own
    same = [Earlier("the reply to appeal apl-0", reply.replace("re-check", "check again"))]
    with pytest.raises(Invalid, match=r"repeats an earlier reply \(the reply to appeal apl-0\)"):
        judge_reply(reply, ACME, APPEALED, STOCK, earlier=same)


def test_a_lift_reason_needs_a_particular() -> None:
    with pytest.raises(Invalid, match="reason: no date, figure"):
        judge_reason("The issue has been resolved for Acme Ltd.", ACME, STOCK)
    judge_reason("Refunds made and offers corrected, chargebacks below 1 %.", ACME, STOCK)
