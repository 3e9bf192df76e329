from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from standing.bootstrap import Services
from standing.cli import app
from standing.decisions.service import get_statement
from standing.decisions.transparency import Disclosure
from standing.demo.seed import load_demo
from standing.errors import Invalid
from standing.graph.importer import import_files
from standing.store.tables import StatementRow
from standing.transparency.dsa import EEA, DsaRecordRefused, dsa_records, puid, territorial_scope
from standing.transparency.dsa_schema import validate_record
from standing.transparency.service import export_dsa
from standing.web.app import create_app
from tests.decisions.helpers import FACTS as HELPER_FACTS
from tests.decisions.helpers import record_vendor_decision
from tests.factories import written
from tests.fixtures.principals import Credential
from tests.fixtures.services import TestClock
from tests.principals import ANALYST, KASPERSKY, REVIEWER, VIEWER


def test_territorial_scope() -> None:
    assert territorial_scope([]) == list(EEA)
    assert territorial_scope(["DE", "US"]) == ["DE"]
    assert territorial_scope(["US"]) == []


def test_one_record_per_affected_account(demo_graph: Services, clock: TestClock) -> None:
    d = record_vendor_decision(demo_graph).decision
    records = list(export_dsa(demo_graph))
    assert {r["puid"] for r in records} == {
        f"{d.id}_{a}"
        for a in ("acct-kaspersky", "acct-kaspersky-us", "acct-kaspersky-de", "acct-kaspersky-jp")
    }
    r = records[0]
    assert all(validate_record(x) == [] for x in records)
    assert r["decision_ground"] == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    assert r["incompatible_content_illegal"] == "No"
    assert r["decision_provision"] == "DECISION_PROVISION_PARTIAL_TERMINATION"
    assert "decision_monetary" not in r and r["end_date_service_restriction"] is None
    assert r["incompatible_content_ground"].startswith("Advertising Policy 4.3")
    assert r["category"] == "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"
    assert r["category_specification"] == ["KEYWORD_GOODS_SERVICES_NOT_PERMITTED"]
    assert r["automated_decision"] == "AUTOMATED_DECISION_NOT_AUTOMATED"
    assert r["source_type"] == "SOURCE_VOLUNTARY" and "source_identity" not in r
    assert r["account_type"] == "ACCOUNT_TYPE_BUSINESS"
    assert r["territorial_scope"] == list(EEA) and r["application_date"] == "2026-01-01"
    assert {x["puid"].split("_", 1)[1]: x["content_date"] for x in records}["acct-kaspersky"] == (
        "2009-04-15"  # the account was opened then (createdAt)
    )
    version = demo_graph.policy.version.replace("+", "%2B")
    assert r["decision_ground_reference_url"] == (
        f"http://127.0.0.1:8000/policies?version={version}#government-barred-vendor"
    )
    assert "AO Kaspersky Lab" in r["decision_facts"]
    # the explanation is this case's, not the rule's criteria
    assert "AO Kaspersky Lab" in r["incompatible_content_explanation"]
    assert demo_graph.policy.rule("government-barred-vendor").criteria not in str(r)
    clock.advance(days=1)
    assert not list(export_dsa(demo_graph, since=clock.at))


def test_legal_ground_is_the_one_act_relied_on(demo_graph: Services, clock: TestClock) -> None:
    facts = "AO Kaspersky Lab is designated on the sanctions list under the entry numbered 12345."
    record_vendor_decision(
        demo_graph, rule="sanctioned-party", facts=facts, until=clock.at + timedelta(days=30)
    )
    [first, *_] = list(export_dsa(demo_graph))
    assert first["decision_ground"] == "DECISION_GROUND_ILLEGAL_CONTENT"
    assert first["decision_monetary"] == "DECISION_MONETARY_SUSPENSION"
    assert first["end_date_monetary_restriction"] == "2026-01-31"
    assert first["illegal_content_legal_ground"].startswith("Council Regulation (EU) No 269/2014")
    assert "31 CFR" not in first["illegal_content_legal_ground"]  # one regime, not every one
    assert "12345" in first["illegal_content_explanation"]
    assert "incompatible_content_ground" not in first


def test_a_third_countrys_act_is_applied_under_the_terms(
    demo_graph: Services, clock: TestClock
) -> None:
    facts = "AO Kaspersky Lab is designated on the OFAC SDN list under the entry numbered 777."
    record_vendor_decision(
        demo_graph,
        rule="sanctioned-party",
        facts=facts,
        disclosure=Disclosure(legal_ground="us-ofac"),
    )
    [first, *_] = list(export_dsa(demo_graph))
    assert first["decision_ground"] == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    assert "31 CFR" in first["incompatible_content_ground"]
    assert first["incompatible_content_illegal"] == "No"
    with pytest.raises(Invalid, match="does not rest on 'us-dhs'"):
        record_vendor_decision(
            demo_graph,
            rule="sanctioned-party",
            facts=facts,
            disclosure=Disclosure(legal_ground="us-dhs"),
        )


def test_a_platform_rule_backed_by_union_law_says_the_content_is_illegal_too(
    demo_graph: Services,
) -> None:
    record_vendor_decision(
        demo_graph,
        "ano-tv-novosti",
        "state-controlled-media",
        territories=("DE",),
        disclosure=Disclosure(legal_ground="eu-2022-350", content_language="ru"),
    )
    [r, *_] = list(export_dsa(demo_graph))
    assert r["decision_ground"] == "DECISION_GROUND_INCOMPATIBLE_CONTENT"
    assert r["incompatible_content_illegal"] == "Yes"
    assert "2022/350" in r["incompatible_content_ground"]
    assert r["content_language"] == "RU" and r["territorial_scope"] == ["DE"]


def test_source_and_automation_follow_how_the_decision_arose(demo_graph: Services) -> None:
    facts = "AO Kaspersky Lab matches entry EU.123.45 of the EU consolidated list by its name."
    d = record_vendor_decision(
        demo_graph,
        rule="sanctioned-party",
        facts=facts,
        automated_detection=True,
        screening_source="eu_fsf",
        disclosure=Disclosure(origin="screening", source_identity="European Commission (FISMA)"),
    ).decision
    directive = record_vendor_decision(
        demo_graph,
        disclosure=Disclosure(origin="authority", source_identity="US DHS (CISA), BOD 17-01"),
    ).decision
    by_decision = {r["puid"].split("_")[0]: r for r in export_dsa(demo_graph)}
    hit, order = by_decision[d.id], by_decision[directive.id]
    assert hit["source_type"] == "SOURCE_TYPE_OTHER_NOTIFICATION"
    assert hit["source_identity"] == "European Commission (FISMA)"
    assert hit["automated_decision"] == "AUTOMATED_DECISION_PARTIALLY"
    assert hit["automated_detection"] == "Yes"
    assert hit["illegal_content_legal_ground"].startswith("Council Regulation (EU) No 269/2014")
    assert order["source_type"] == "SOURCE_TYPE_OTHER_NOTIFICATION"
    assert order["source_identity"] == "US DHS (CISA), BOD 17-01"
    with pytest.raises(Invalid, match="source_identity: name the authority"):
        record_vendor_decision(demo_graph, disclosure=Disclosure(origin="authority"))


def test_categories_and_keywords_per_decision(demo_graph: Services) -> None:
    record_vendor_decision(
        demo_graph,
        disclosure=Disclosure(
            category="STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
            category_addition=("STATEMENT_CATEGORY_OTHER_VIOLATION_TC",),
            keywords=("KEYWORD_OTHER",),
        ),
    )
    [r, *_] = list(export_dsa(demo_graph))
    assert r["category"] == "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY"
    assert r["category_addition"] == ["STATEMENT_CATEGORY_OTHER_VIOLATION_TC"]
    assert r["category_specification"] == ["KEYWORD_OTHER"]
    with pytest.raises(Invalid, match="use STATEMENT_CATEGORY_OTHER_VIOLATION_TC"):
        record_vendor_decision(
            demo_graph,
            disclosure=Disclosure(category="STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE"),
        )
    with pytest.raises(Invalid, match="keyword: 'KEYWORD_FAKE'"):
        record_vendor_decision(demo_graph, disclosure=Disclosure(keywords=("KEYWORD_FAKE",)))
    with pytest.raises(Invalid, match="content_language"):
        record_vendor_decision(demo_graph, disclosure=Disclosure(content_language="english"))


def test_an_end_after_2038_is_stated_in_the_text(
    demo_graph: Services, database_url: str, cli_as: object
) -> None:
    result = CliRunner().invoke(
        app,
        [
            "decide",
            "--subject",
            "ao-kaspersky-lab",
            "--rule",
            "government-barred-vendor",
            "--facts",
            FACTS,
            "--until",
            "2039-03-01",
            "--database",
            database_url,
        ],
    )
    assert result.exit_code == 0, result.output
    [r, *_] = list(export_dsa(demo_graph))
    assert r["decision_provision"] == "DECISION_PROVISION_PARTIAL_SUSPENSION"
    assert r["end_date_service_restriction"] is None
    assert "2039-03-01" in r["decision_facts"]
    assert validate_record(r) == []


def test_cli_and_api(
    demo_graph: Services, database_url: str, credentials: dict[str, Credential]
) -> None:
    record_vendor_decision(demo_graph)
    result = CliRunner().invoke(app, ["export", "dsa", "--database", database_url])
    assert result.exit_code == 0, result.output
    lines = [orjson.loads(x) for x in result.output.splitlines()]
    assert len(lines) == 4
    as_analyst = ["export", "dsa", "--database", database_url, "--as", "analyst@test.example"]
    refused = CliRunner().invoke(app, as_analyst)
    assert refused.exit_code == 2 and "auditor" in refused.output
    with TestClient(create_app(services=demo_graph)) as client:
        assert client.get("/api/v1/export/dsa").status_code == 401
        forbidden = client.get("/api/v1/export/dsa", headers=credentials["analyst"].headers)
        assert forbidden.status_code == 403
        client.headers.update(credentials["auditor"].headers)
        response = client.get("/api/v1/export/dsa")
        assert response.headers["content-type"].startswith("application/x-ndjson")
        assert len(response.text.splitlines()) == 4
        assert client.get("/api/v1/export/dsa", params={"since": "2030-01-01"}).text == ""
        assert client.get("/api/v1/export/dsa", params={"since": "yesterday"}).status_code == 422


FACTS = HELPER_FACTS["ao-kaspersky-lab"]


def _edge(id: str, owner: str, asset: str) -> dict[str, object]:
    props = {"owner": [owner], "asset": [asset], "percentage": ["30"]}
    return {"id": id, "schema": "Ownership", "properties": props}


JOINT = [
    {"id": "p", "schema": "Company", "properties": {"name": ["Ralpha Parent Holdings Ltd"]}},
    {"id": "q", "schema": "Company", "properties": {"name": ["Rbeta Parent Holdings Ltd"]}},
    {"id": "z", "schema": "Company", "properties": {"name": ["Rgamma Venture Ltd"]}},
    _edge("o1", "p", "z"),
    _edge("o2", "q", "z"),
    {
        "id": "acc-z",
        "schema": "UserAccount",
        "properties": {"owner": ["z"], "service": ["social"], "username": ["@rz"]},
    },
]


def test_joint_reach_in_one_territory_is_stated_and_exported_there_only(
    services: Services, tmp_path: Path
) -> None:
    path = tmp_path / "joint.jsonl"
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in JOINT))
    import_files(services, [path], ANALYST)
    facts = "{} is designated on the sanctions list under the entry numbered {}."
    record_vendor_decision(
        services,
        "p",
        "sanctioned-party",
        facts=facts.format("Ralpha Parent Holdings", 777),
        territories=("DE",),
    )
    world = record_vendor_decision(
        services, "q", "sanctioned-party", facts=facts.format("Rbeta Parent Holdings", 778)
    )
    (account,) = world.statement["affected"]["accounts"]
    assert account["id"] == "acc-z" and account["territories"] == ["DE"]
    assert "in DE only" in account["why"]
    (z,) = [p for p in world.statement["affected"]["parties"] if p["id"] == "z"]
    assert "Ralpha Parent Holdings Ltd (30 %)" in z["why"]  # the other owner, by name
    assert "in DE only" in get_statement(services, world.decision.id, VIEWER).text
    records = [r for r in export_dsa(services) if r["puid"].startswith(world.decision.id)]
    assert [(r["puid"], r["territorial_scope"]) for r in records] == [
        (f"{world.decision.id}_acc-z", ["DE"])
    ]


def test_puids_keep_to_the_databases_alphabet() -> None:
    assert puid("dec-1", "acct_a-1") == "dec-1_acct_a-1"
    odd = puid("dec-1", "@acme:social")
    assert re.fullmatch(r"[A-Za-z0-9_-]+", odd) and odd != puid("dec-1", "@acme:socia1")


def test_texts_are_cut_to_the_databases_limits(demo_graph: Services) -> None:
    statement = dict(record_vendor_decision(demo_graph).statement)
    statement["ground"] = dict(statement["ground"])
    statement["rule"] = dict(statement["rule"])
    statement["ground"]["reference"] = "r" * 600
    statement["transparency"] = dict(statement["transparency"])
    statement["transparency"]["public_facts"] = "The advertiser did this. " * 300
    record = dsa_records(statement)[0]
    assert len(record["incompatible_content_ground"]) == 500
    assert len(record["incompatible_content_explanation"]) == 2000
    assert len(record["decision_facts"]) == 5000


def test_each_record_says_what_is_restricted_for_its_account() -> None:
    statement = {
        "decision_id": "dec-1",
        "territorial_scope": [],
        "restricted": [{"capability": "ads.promote"}, {"capability": "payments.receive"}],
        "ground": {"type": "platform_policy", "reference": "Policy 1"},
        "rule": {"id": "r", "title": "A rule", "criteria": "Criteria."},
        "policy_version": "1+abc",
        "starts_at": "2026-01-01T00:00:00+00:00",
        "ends_at": None,
        "facts": "Facts.",
        "automated_detection": False,
        "automated_decision": False,
        "affected": {
            "accounts": [
                {"id": "a", "capabilities": ["ads.promote", "payments.receive"]},
                {"id": "b", "capabilities": ["ads.promote"]},
            ]
        },
    }
    a, b = dsa_records(statement, "STATEMENT_CATEGORY_OTHER_VIOLATION_TC")
    assert a["decision_monetary"] == "DECISION_MONETARY_TERMINATION"
    assert "decision_monetary" not in b and "end_date_monetary_restriction" not in b
    assert b["decision_provision"] == "DECISION_PROVISION_PARTIAL_TERMINATION"


PERSON = [
    {"id": "jdoe", "schema": "Person", "properties": {"name": ["Jana Dvořáková"]}},
    {
        "id": "acc-jdoe",
        "schema": "UserAccount",
        "properties": {"owner": ["jdoe"], "service": ["social"], "username": ["@jana.dvo"]},
    },
]
PERSON_FACTS = (
    "Jana Dvořáková (@jana.dvo) spent 14,200 EUR on political ads in 2026 without completing "
    "advertiser verification."
)


def _person(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "person.jsonl"
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in PERSON))
    import_files(services, [path], ANALYST)


def test_a_natural_person_is_named_by_role_only(services: Services, tmp_path: Path) -> None:
    _person(services, tmp_path)
    recorded = record_vendor_decision(services, "jdoe", "unverified-advertiser", facts=PERSON_FACTS)
    public = recorded.statement["transparency"]["public_facts"]
    assert public.startswith("The advertiser (the advertiser's account) spent 14,200 EUR")
    assert recorded.to_json()["public_facts"] == public
    assert "Jana Dvořáková" in get_statement(services, recorded.decision.id, VIEWER).text  # to her
    (r,) = list(export_dsa(services))
    assert r["account_type"] == "ACCOUNT_TYPE_PRIVATE"
    text = orjson.dumps(r).decode()
    assert "Dvořáková" not in text and "jana.dvo" not in text and "jdoe" not in text
    assert r["puid"] == puid(recorded.decision.id, "acc-jdoe", private=True)
    assert r["puid"].startswith(f"{recorded.decision.id}_h")


def test_a_public_text_naming_the_person_is_refused(services: Services, tmp_path: Path) -> None:
    _person(services, tmp_path)
    with pytest.raises(Invalid, match="public_facts: names a natural person"):
        record_vendor_decision(
            services,
            "acc-jdoe",
            "unverified-advertiser",
            facts=PERSON_FACTS,
            disclosure=Disclosure(public_facts="The account @jana.dvo spent 14,200 EUR on ads."),
        )
    recorded = record_vendor_decision(
        services,
        "acc-jdoe",
        "unverified-advertiser",
        facts=PERSON_FACTS,
        disclosure=Disclosure(
            public_facts="The advertiser spent 14,200 EUR on political ads without verification."
        ),
    )
    (r,) = list(export_dsa(services))
    assert r["decision_facts"].startswith("The advertiser spent 14,200 EUR")
    assert r["account_type"] == "ACCOUNT_TYPE_PRIVATE"
    assert recorded.decision.subject_kind == "account"


def test_the_dry_run_shows_the_public_text(
    services: Services, tmp_path: Path, database_url: str, cli_as: object
) -> None:
    _person(services, tmp_path)
    args = ["decide", "--subject", "jdoe", "--rule", "unverified-advertiser"]
    args += ["--facts", PERSON_FACTS, "--dry-run", "--database", database_url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Public text for the DSA Transparency Database" in result.output
    assert "The advertiser (the advertiser's account) spent" in " ".join(result.output.split())
    result = CliRunner().invoke(app, [*args, "--json"])
    assert orjson.loads(result.output)["public_facts"].startswith("The advertiser")


def test_a_record_still_naming_a_person_is_never_written(
    services: Services, tmp_path: Path, database_url: str
) -> None:
    _person(services, tmp_path)
    recorded = record_vendor_decision(services, "jdoe", "unverified-advertiser", facts=PERSON_FACTS)
    statement = dict(recorded.statement)
    statement["transparency"] = dict(statement["transparency"], public_facts=PERSON_FACTS)
    with pytest.raises(DsaRecordRefused) as refused:
        dsa_records(statement, base_url="https://ads.example.com")
    record_puid = puid(recorded.decision.id, "acc-jdoe", private=True)
    assert refused.value.puid == record_puid
    assert {(v.field, v.rule) for v in refused.value.violations} >= {
        ("decision_facts", "personal_data"),
        ("incompatible_content_explanation", "personal_data"),
    }
    assert f"DSA record {record_puid}: decision_facts: personal_data" in str(refused.value)


def test_the_export_writes_nothing_when_a_record_would_be_refused(
    demo_graph: Services, database_url: str, tmp_path: Path
) -> None:
    d = record_vendor_decision(demo_graph).decision
    with written(demo_graph) as session:  # a statement stored by an earlier release
        row = session.get(StatementRow, d.id)
        assert row is not None
        content = dict(row.content)
        content["transparency"] = dict(content["transparency"], category="STATEMENT_CATEGORY_FAKE")
        row.content = content
    out = tmp_path / "dsa.jsonl"
    args = ["export", "dsa", "--out", str(out), "--database", database_url]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0
    message = " ".join(result.output.split())
    assert f"DSA record {d.id}_acct-kaspersky" in message and "category: in:" in message
    assert not out.exists()


def test_the_demo_exports_only_records_the_database_accepts(services: Services) -> None:
    load_demo(services)
    records = list(export_dsa(services))
    assert records and all(validate_record(r) == [] for r in records)
    kaspersky = [r for r in records if r["puid"].endswith("_acct-kaspersky")]
    assert kaspersky[0]["source_type"] == "SOURCE_TYPE_OTHER_NOTIFICATION"
    assert "Binding Operational Directive 17-01" in kaspersky[0]["source_identity"]
    assert kaspersky[0]["content_date"] == "2009-04-15"  # the account's createdAt
    rt = [r for r in records if "2022/350" in r.get("incompatible_content_ground", "")]
    assert rt and rt[0]["incompatible_content_illegal"] == "Yes"


def test_a_modified_decision_names_the_statement_it_replaces(demo_graph: Services) -> None:
    from standing.appeals.service import file_appeal, review_appeal

    decision = record_vendor_decision(
        demo_graph, disclosure=Disclosure(origin="authority", source_identity="US DHS (CISA)")
    ).decision
    appeal = file_appeal(
        demo_graph, decision.id, "We only sell in the United States market now.", KASPERSKY
    )
    reply = (
        'You write that you "only sell in the United States market now", yet AO Kaspersky Lab '
        "still holds 100 percent of Kaspersky Labs GmbH, which sells paid placements in "
        "Germany, so the restriction now applies in Germany only."
    )
    modified = review_appeal(
        demo_graph, appeal.id, "modified", reply, REVIEWER, territories=("DE",)
    )
    assert modified.new_decision_id
    new = [r for r in export_dsa(demo_graph) if r["puid"].startswith(modified.new_decision_id)]
    assert new and all(r["territorial_scope"] == ["DE"] for r in new)
    for r in new:
        account = r["puid"].removeprefix(f"{modified.new_decision_id}_")
        assert f"replaces statement {decision.id}_{account}" in r["decision_facts"]
        assert r["source_identity"] == "US DHS (CISA)"
        assert validate_record(r) == []


def test_content_date_is_when_the_account_was_opened(services: Services, tmp_path: Path) -> None:
    accounts = [
        {"id": "co", "schema": "Company", "properties": {"name": ["Opened Things Ltd"]}},
        {
            "id": "acc-old",
            "schema": "UserAccount",
            "properties": {
                "owner": ["co"],
                "service": ["social"],
                "username": ["@old"],
                "createdAt": ["2014-05-02T10:00:00"],
            },
        },
        {
            "id": "acc-ancient",
            "schema": "UserAccount",
            "properties": {
                "owner": ["co"],
                "service": ["social"],
                "username": ["@ancient"],
                "createdAt": ["1998"],
            },
        },
        {
            "id": "acc-new",
            "schema": "UserAccount",
            "properties": {"owner": ["co"], "service": ["social"], "username": ["@new"]},
        },
    ]
    path = tmp_path / "accounts.jsonl"
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in accounts))
    import_files(services, [path], ANALYST)
    facts = "Opened Things Ltd sold subscriptions as one-euro trials on 14 listed offers."
    d = record_vendor_decision(services, "co", "deceptive-business-practices", facts=facts)
    dates = {r["puid"]: r["content_date"] for r in export_dsa(services)}
    assert dates == {
        f"{d.decision.id}_acc-old": "2014-05-02",
        f"{d.decision.id}_acc-ancient": "2000-01-01",  # the database's first day
        f"{d.decision.id}_acc-new": "2026-01-01",  # not known: the day it applies from
    }
    bad = tmp_path / "bad.jsonl"
    accounts[1]["properties"]["createdAt"] = ["last spring"]  # type: ignore[index]
    bad.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in accounts))
    with pytest.raises(Invalid, match=r"bad.jsonl:2: properties.createdAt: 'last spring'"):
        import_files(services, [bad], ANALYST)


def test_a_lifted_decision_ends_the_day_it_was_lifted(
    demo_graph: Services, clock: TestClock
) -> None:
    from standing.decisions.service import lift_decision

    d = record_vendor_decision(demo_graph).decision
    clock.advance(days=10)
    lift_decision(demo_graph, d.id, "The directive was withdrawn on 2026-01-10.", ANALYST)
    records = list(export_dsa(demo_graph))
    assert len(records) == 4
    for r in records:
        assert r["decision_provision"] == "DECISION_PROVISION_PARTIAL_SUSPENSION"
        assert r["end_date_service_restriction"] == "2026-01-11"
        assert "lifted on 2026-01-11" in r["decision_facts"]
        assert validate_record(r) == []
    later = record_vendor_decision(
        demo_graph, starts_at=clock.at + timedelta(days=30)
    ).decision  # scheduled, then lifted before it applied: it restricted nothing
    lift_decision(
        demo_graph,
        later.id,
        "Recorded against the wrong company: register entry HRB 12345 names another firm.",
        ANALYST,
    )
    assert not [r for r in export_dsa(demo_graph) if r["puid"].startswith(later.id)]


def test_the_statement_names_the_act_relied_on(demo_graph: Services) -> None:
    facts = "AO Kaspersky Lab is designated on the OFAC SDN list under the entry numbered 777."
    d = record_vendor_decision(
        demo_graph,
        rule="sanctioned-party",
        facts=facts,
        disclosure=Disclosure(legal_ground="us-ofac"),
    ).decision
    row = get_statement(demo_graph, d.id, VIEWER)
    assert "Act relied on: 31 CFR chapter V" in row.text
    assert "Act relied on: 31 CFR chapter V" in row.html
    with pytest.raises(Invalid, match="standing hits confirm"):
        record_vendor_decision(demo_graph, disclosure=Disclosure(origin="screening"))


def test_an_owner_who_is_a_person_stays_out_of_the_public_text(demo_graph: Services) -> None:
    facts = (
        "AO Kaspersky Lab, whose group Eugene Kaspersky (@e_kaspersky) founded and ultimately "
        "owns, is named in DHS Binding Operational Directive 17-01 of 13 September 2017."
    )
    recorded = record_vendor_decision(demo_graph, facts=facts)
    public = recorded.statement["transparency"]["public_facts"]
    assert "Eugene Kaspersky" not in public and "a natural person concerned" in public
    assert "e_kaspersky" not in public and "an account of a natural person" in public
    assert all("Eugene" not in r["decision_facts"] for r in export_dsa(demo_graph))
