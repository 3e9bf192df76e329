"""The demo tells one story: whoever the shipped BOD 17-01 list matches is reached by the
demo's decision under that directive, and whoever its statement says is not affected is neither
listed nor matched."""

from __future__ import annotations

from pathlib import Path

from standing.bootstrap import Services
from standing.decisions.service import get_statement, standing_of
from standing.demo.seed import load_demo
from standing.screening.service import hits, import_list
from tests.principals import ANALYST, VIEWER

BOD = Path(__file__).resolve().parents[2] / "standing" / "demo" / "lists" / "us_dhs_bod_17_01.csv"


def _promote_allowed(services: Services, party: str) -> bool:
    caps = standing_of(services, party, VIEWER).capabilities
    return bool(next(c.allowed for c in caps if c.capability == "ads.promote"))


def test_the_bod_list_and_the_demo_decision_agree(services: Services) -> None:
    load_demo(services)
    import_list(services, "us_dhs_bod", [BOD], None, ANALYST)
    matched = {h.party for h in hits(services, VIEWER) if h.source == "us_dhs_bod"}
    assert "ao-kaspersky-lab" in matched
    for party in matched:
        assert not _promote_allowed(services, party), party
    decision = next(
        d for d in standing_of(services, "ao-kaspersky-lab", VIEWER).decisions if d.subject_id
    )
    facts = get_statement(services, decision.id, VIEWER).content["facts"]
    assert "Kaspersky Labs Limited (UK), which owns AO Kaspersky Lab, is not a subject" in facts
    assert "kaspersky-labs-limited" not in matched
    assert _promote_allowed(services, "kaspersky-labs-limited")
    assert "Kaspersky Labs Limited" not in BOD.read_text(encoding="utf-8")


def test_the_demo_shows_a_re_check_coming_due(services: Services) -> None:
    from standing.decisions.rechecks import list_rechecks

    load_demo(services)
    due = [r.recheck for r in list_rechecks(services, VIEWER)]
    assert [(r.decision.rule_id, r.recheck_days) for r in due] == [
        ("deceptive-business-practices", 28)
    ]
    assert [
        r.recheck.decision.rule_id for r in list_rechecks(services, VIEWER, within_days=400)
    ] == [
        "deceptive-business-practices",
        "government-barred-vendor",
        "state-controlled-media",
    ]
