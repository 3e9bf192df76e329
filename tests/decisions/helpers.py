from __future__ import annotations

from standing.bootstrap import Services
from standing.decisions.service import DecisionRequest, Recorded, record_decision
from tests.principals import DECIDER

FACTS = {
    "ao-kaspersky-lab": (
        "AO Kaspersky Lab is named in DHS Binding Operational Directive 17-01 of 13 September "
        "2017, which bars its products from US federal networks."
    ),
    "ano-tv-novosti": (
        "ANO TV-Novosti is funded from the Russian federal budget and its editor is appointed "
        "without an independent board."
    ),
}


def record_vendor_decision(
    services: Services,
    subject: str = "ao-kaspersky-lab",
    rule: str = "government-barred-vendor",
    **extra: object,
) -> Recorded:
    request = DecisionRequest(
        subject=subject,
        rule=rule,
        facts=str(extra.pop("facts", FACTS.get(subject, ""))),
        evidence=("DHS BOD 17-01, 82 FR 43782",),
        **extra,  # type: ignore[arg-type]
    )
    return record_decision(services, request, DECIDER)


#: A deceptive-practices decision on the demo's shop, and a re-examination that keeps it.
SHOP_FACTS = (
    "BrightDeal Shop advertised 90 percent discounts on 2026-03-02 that no checkout applied, "
    "in 41 complaints to the Verbraucherzentrale."
)
CONFIRM = (
    "BrightDeal Shop's chargeback rate for January 2026 was 3.4 percent on 1,212 orders, "
    "still above the 2 percent the decision rests on."
)
