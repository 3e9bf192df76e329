"""The guard in the services: decisions' facts, appeal replies and lift reasons are judged
with the subject taken out and against earlier texts; refusals reach the CLI and the API; what
passed is what the statement and the DSA export show."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from standing.appeals.service import file_appeal, review_appeal
from standing.bootstrap import Services
from standing.cli import app
from standing.decisions.service import get_statement, lift_decision
from standing.demo.seed import load_demo
from standing.errors import Conflict, Invalid
from standing.graph.importer import import_files
from standing.transparency.service import export_dsa
from standing.web.app import create_app
from tests.decisions.helpers import record_vendor_decision
from tests.fixtures.principals import Credential
from tests.principals import ANALYST, KASPERSKY, REVIEWER, RT, VIEWER

MISSING = "no date, figure, document or list entry of this case"
ISSUE_EXAMPLES = [
    "AO Kaspersky Lab operates using a business model that inherently conflicts with "
    "acceptable advertising business practices.",
    "AO Kaspersky Lab has been found to violate our advertising policies after a careful "
    "review of its activity.",
    "Following an internal investigation, AO Kaspersky Lab was determined to be ineligible to "
    "advertise at this time.",
    "AO Kaspersky Lab is a vendor barred by a government on national-security grounds.",
]


@pytest.mark.parametrize("facts", ISSUE_EXAMPLES)
def test_boilerplate_with_the_subjects_name_is_refused(demo_graph: Services, facts: str) -> None:
    with pytest.raises(Invalid, match=MISSING):
        record_vendor_decision(demo_graph, facts=facts)


def test_the_same_facts_for_another_subject_are_a_template(demo_graph: Services) -> None:
    template = "{} is named in a directive of 2017-09-13, BOD 17-01, barring its products."
    first = record_vendor_decision(demo_graph, facts=template.format("AO Kaspersky Lab"))
    with pytest.raises(Invalid, match=f"the same text as decision {first.decision.id}"):
        record_vendor_decision(
            demo_graph, subject="kaspersky-labs-limited", facts=template.format("Kaspersky Labs")
        )
    # the same subject may be decided on again with its facts (another rule, a new period)
    again = record_vendor_decision(
        demo_graph,
        rule="sanctioned-party",
        facts=template.format("AO Kaspersky Lab"),
    )
    assert again.decision.facts == first.decision.facts
    # a screening hit's facts cite the entry: namesakes confirmed against one entry share them
    hit = record_vendor_decision(
        demo_graph,
        subject="kaspersky-labs-limited",
        facts=template.format("Kaspersky Labs"),
        automated_detection=True,
    )
    assert hit.decision.automated_detection


def test_statement_and_export_show_the_text_that_passed(demo_graph: Services) -> None:
    facts = (
        "AO Kaspersky Lab (INN 7713140469) is named in BOD 17-01 of 13 September 2017, "
        'which calls its products "a security risk".'
    )
    d = record_vendor_decision(demo_graph, facts=facts).decision
    assert d.facts == facts
    statement = get_statement(demo_graph, d.id, VIEWER)
    assert statement.content["facts"] == facts and facts in statement.text
    assert {r["decision_facts"] for r in export_dsa(demo_graph)} == {facts}


def test_the_demo_scenario_and_the_readme_tour_pass(services: Services, tmp_path: Path) -> None:
    assert "3 decisions" in load_demo(services)
    path = tmp_path / "acme.jsonl"
    path.write_text(
        '{"id": "acme", "schema": "Company", "properties": {"name": ["Acme Trading GmbH"]}}\n'
    )
    import_files(services, [path], ANALYST)
    facts = "Acme Trading GmbH sold one-euro trials that silently became 49 euro subscriptions."
    d = record_vendor_decision(
        services, subject="acme", rule="deceptive-business-practices", facts=facts
    ).decision
    reason = "Refunds made and offers corrected, chargebacks below 1 %."
    assert lift_decision(services, d.id, reason, ANALYST).lift_reason == reason


def test_a_lift_reason_needs_a_particular(demo_graph: Services) -> None:
    d = record_vendor_decision(demo_graph).decision
    with pytest.raises(Invalid, match=f"reason: {MISSING}"):
        lift_decision(demo_graph, d.id, "The restriction is no longer necessary.", ANALYST)
    lift_decision(demo_graph, d.id, "DHS withdrew BOD 17-01 on 2026-05-04.", ANALYST)
    with pytest.raises(Conflict, match="already lifted"):  # before the reason is judged
        lift_decision(demo_graph, d.id, "Lifting it again.", ANALYST)


def test_replies_are_judged_against_the_appeal_and_earlier_replies(
    demo_graph: Services,
) -> None:
    d = record_vendor_decision(demo_graph).decision
    appeal = file_appeal(
        demo_graph,
        d.id,
        "Kaspersky Lab, Inc. was sold to Meridian Holdings on 2026-03-01.",
        KASPERSKY,
    )
    stock = (
        "Dear AO Kaspersky Lab, we have reviewed your appeal and our decision stands because "
        "your account does not comply with our advertising policies."
    )
    with pytest.raises(Invalid, match=f"reply: {MISSING}"):
        review_appeal(demo_graph, appeal.id, "upheld", stock, REVIEWER)
    unrelated = (
        "AO Kaspersky Lab sold 4,000 licences in Austria in 2025 and its products remain "
        "barred, so the decision on its accounts stands as it was recorded."
    )
    with pytest.raises(Invalid, match="takes up nothing the appellant wrote"):
        review_appeal(demo_graph, appeal.id, "upheld", unrelated, REVIEWER)
    reply = (
        "The register of 2026-04-02 still shows AO Kaspersky Lab holding 100 percent of "
        "Kaspersky Lab, Inc.; the sale to Meridian Holdings has not completed, so it stands."
    )
    review_appeal(demo_graph, appeal.id, "upheld", reply, REVIEWER)
    other = record_vendor_decision(
        demo_graph, subject="ano-tv-novosti", rule="state-controlled-media"
    )
    second = file_appeal(
        demo_graph, other.decision.id, "ANO TV-Novosti was sold to Meridian Holdings.", RT
    )
    with pytest.raises(
        Invalid, match=f"repeats an earlier reply \\(the reply to appeal {appeal.id}"
    ):
        review_appeal(
            demo_graph,
            second.id,
            "upheld",
            reply.replace("AO Kaspersky Lab", "ANO TV-Novosti"),
            REVIEWER,
        )


def test_refusals_say_what_is_missing_on_the_api_and_the_cli(
    demo_graph: Services, database_url: str, cli_as: dict[str, Credential]
) -> None:
    body = {
        "subject": "ao-kaspersky-lab",
        "rule": "government-barred-vendor",
        "facts": ISSUE_EXAMPLES[0],
    }
    with TestClient(create_app(services=demo_graph)) as client:
        response = client.post("/api/v1/decisions", json=body, headers=cli_as["analyst"].headers)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid" and MISSING in error["message"]
    result = CliRunner().invoke(
        app,
        [
            "decide",
            "--subject",
            "ao-kaspersky-lab",
            "--rule",
            "government-barred-vendor",
            "--facts",
            ISSUE_EXAMPLES[1],
            "--database",
            database_url,
        ],
    )
    assert result.exit_code == 2 and MISSING in " ".join(result.output.split())


def test_a_template_is_caught_in_japanese_too(demo_graph: Services, tmp_path: Path) -> None:
    path = tmp_path / "jp.jsonl"
    path.write_text(
        '{"id": "jp1", "schema": "Company", "properties": {"name": ["株式会社ヒカリ通販"]}}\n'
        '{"id": "jp2", "schema": "Company", "properties": {"name": ["株式会社ミドリ商事"]}}\n',
        encoding="utf-8",
    )
    import_files(demo_graph, [path], ANALYST)
    facts = "{}は2026年7月に「本日限り50%オフ」と表示した広告を毎日配信した。"
    first = record_vendor_decision(
        demo_graph,
        subject="jp1",
        rule="deceptive-business-practices",
        facts=facts.format("株式会社ヒカリ通販"),
    )
    with pytest.raises(Invalid, match=f"the same text as decision {first.decision.id}"):
        record_vendor_decision(
            demo_graph,
            subject="jp2",
            rule="deceptive-business-practices",
            facts=facts.format("株式会社ミドリ商事"),
        )
