from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from standing.bootstrap import Services
from standing.decisions.service import (
    DecisionRequest,
    account_standings,
    get_statement,
    lift_decision,
    record_decision,
    standing_of,
)
from standing.errors import Conflict, Invalid, NotFound
from standing.store.tables import ChangeRow, DecisionRow, EventRow, LiftRow
from standing.territories import country_codes
from tests.decisions.helpers import FACTS, record_vendor_decision
from tests.fixtures.services import TestClock
from tests.principals import ANALYST, VIEWER


def allowed(
    services: Services, subject: str, capability: str, territory: str | None = None
) -> bool:
    caps = standing_of(services, subject, VIEWER, territory).capabilities
    return next(c.allowed for c in caps if c.capability == capability)


def test_record_propagates_and_writes_everything_in_one_go(demo_graph: Services) -> None:
    services = demo_graph
    recorded = record_vendor_decision(services)
    d = recorded.decision
    assert d.id.startswith("dec-") and d.restricts == (
        "ads.promote",
        "ads.political",
        "ads.sponsored_content",
    )
    for account in (
        "acct-kaspersky",
        "acct-kaspersky-us",
        "acct-kaspersky-de",
        "acct-kaspersky-jp",
    ):
        assert not allowed(services, account, "ads.promote"), account
        assert allowed(services, account, "organic.post"), account
    # no upward spread, no spread below the threshold, the founder's own account untouched
    for account in ("acct-kaspersky-uk", "acct-e-kaspersky", "acct-nordic-threat", "acct-techwire"):
        assert allowed(services, account, "ads.promote"), account
    with services.read() as session:
        assert session.scalar(select(func.count()).select_from(DecisionRow)) == 1
        change = session.execute(
            select(ChangeRow).where(ChangeRow.change == "recorded")
        ).scalar_one()
        assert change.decision_id == d.id
        actions = list(session.execute(select(EventRow.action).order_by(EventRow.seq)).scalars())
        assert actions == ["graph:import", "policy:load", "decision:record"]


def test_statement_names_every_required_element(demo_graph: Services) -> None:
    d = record_vendor_decision(demo_graph).decision
    row = get_statement(demo_graph, d.id, VIEWER)
    s = row.content
    assert s["subject"]["id"] == "ao-kaspersky-lab"
    reached = {p["id"]: p["why"] for p in s["affected"]["parties"]}
    assert "75 %" in reached["kaspersky-labs-japan"]
    assert "kaspersky-labs-limited" not in reached
    assert {a["id"] for a in s["affected"]["accounts"]} == {
        "acct-kaspersky",
        "acct-kaspersky-us",
        "acct-kaspersky-de",
        "acct-kaspersky-jp",
    }
    assert "organic.post" in {c["capability"] for c in s["not_restricted"]}
    assert s["facts"] == FACTS["ao-kaspersky-lab"]
    assert s["rule"]["criteria"] and s["ground"]["reference"] and s["remedy"]
    assert s["evidence"] == ["DHS BOD 17-01, 82 FR 43782"]
    assert s["appeal"]["deadline"].startswith("2026-07-04")  # 184 days after 2026-01-01
    assert s["policy_version"] == demo_graph.policy.version
    for text in (row.text, row.html):
        assert "You may continue to post organically." in text
        assert "AO Kaspersky Lab" in text and "Kaspersky Labs Japan K.K." in text
        assert "4 July 2026, 00:00 UTC" in text  # as people read it
        assert "2026-07-04" not in text and "T00:00" not in text


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ("", "facts: empty"),
        ("AO Kaspersky Lab is barred.", "shorter than a sentence"),
        (
            "This company is barred by a directive of a government agency on security grounds.",
            "do not name the subject",
        ),
        (
            "AO Kaspersky Lab AO Kaspersky Lab AO Kaspersky Lab AO Kaspersky Lab.",
            "say little besides the subject's name",
        ),
    ],
)
def test_facts_must_be_specific(demo_graph: Services, facts: str, message: str) -> None:
    with pytest.raises(Invalid, match=message):
        record_vendor_decision(demo_graph, facts=facts)


def test_facts_identical_to_criteria_are_refused(demo_graph: Services) -> None:
    criteria = demo_graph.policy.rule("government-barred-vendor").criteria
    with pytest.raises(Invalid, match="criteria"):
        record_vendor_decision(demo_graph, facts=criteria)


def test_facts_may_name_subject_by_identifier(demo_graph: Services) -> None:
    facts = "The company with INN 7713140469 is named in DHS Binding Operational Directive 17-01."
    assert record_vendor_decision(demo_graph, facts=facts).decision.id


def test_unknown_subject_and_rule(demo_graph: Services) -> None:
    with pytest.raises(NotFound, match="unknown subject 'nobody'"):
        record_vendor_decision(demo_graph, subject="nobody", facts=FACTS["ao-kaspersky-lab"])
    with pytest.raises(NotFound, match="unknown rule 'no-such-rule'"):
        record_vendor_decision(demo_graph, rule="no-such-rule")


def test_dry_run_writes_nothing(demo_graph: Services) -> None:
    request = DecisionRequest(
        "ao-kaspersky-lab", "government-barred-vendor", FACTS["ao-kaspersky-lab"]
    )
    result = record_decision(demo_graph, request, ANALYST, dry_run=True)
    assert result.to_json()["dry_run"] is True
    assert "kaspersky-labs-japan" in {p["id"] for p in result.to_json()["reach"]["parties"]}
    with demo_graph.read() as session:
        assert session.scalar(select(func.count()).select_from(DecisionRow)) == 0
        assert session.scalar(select(func.count()).select_from(EventRow)) == 1  # the import only


def test_lift_is_a_new_record(demo_graph: Services, clock: TestClock) -> None:
    d = record_vendor_decision(demo_graph).decision
    clock.advance(hours=1)
    lifted = lift_decision(demo_graph, d.id, "BOD 17-01 was withdrawn for this company.", ANALYST)
    assert lifted.lifted_at == clock.at
    assert allowed(demo_graph, "acct-kaspersky-us", "ads.promote")
    with demo_graph.read() as session:
        row = session.get(DecisionRow, d.id)
        assert row is not None and row.facts == d.facts  # unchanged
        assert session.get(LiftRow, d.id) is not None
    with pytest.raises(Conflict, match="already lifted"):
        lift_decision(demo_graph, d.id, "Lifting it a second time.", ANALYST)
    with pytest.raises(NotFound):
        lift_decision(demo_graph, "dec-missing", "No such decision exists.", ANALYST)


def test_territories_and_end_date(demo_graph: Services, clock: TestClock) -> None:
    d = record_vendor_decision(
        demo_graph,
        subject="ano-tv-novosti",
        rule="state-controlled-media",
        territories=("de", "FR"),
        until=clock.at + timedelta(days=30),
    ).decision
    assert not allowed(demo_graph, "acct-rt", "ads.promote", "DE")
    assert allowed(demo_graph, "acct-rt", "ads.promote", "US")
    text = get_statement(demo_graph, d.id, VIEWER).text
    assert "From 1 January 2026, until 31 January 2026." in text
    assert not allowed(demo_graph, "acct-rt", "ads.promote")
    clock.advance(days=31)
    assert allowed(demo_graph, "acct-rt", "ads.promote", "DE")
    with pytest.raises(Conflict, match=r"already ended at .*nothing left to lift"):
        lift_decision(demo_graph, d.id, "The outlet left state ownership.", ANALYST)
    with pytest.raises(Invalid, match="territory"):
        record_vendor_decision(
            demo_graph, subject="ano-tv-novosti", rule="state-controlled-media", territories=("XX",)
        )


def test_account_subject(demo_graph: Services) -> None:
    facts = (
        "The marketplace account brightdeal sold 14 subscriptions disguised as one-euro trials "
        "between 2026-08-01 and 2026-10-31."
    )
    d = record_vendor_decision(
        demo_graph, subject="acct-brightdeal", rule="deceptive-business-practices", facts=facts
    )
    assert d.decision.subject_kind == "account"
    assert not allowed(demo_graph, "acct-brightdeal", "marketplace.sell")
    assert allowed(demo_graph, "acct-brightdeal-social", "marketplace.sell")


def test_standing_reads_only_the_owners_above_yet_agrees_with_the_whole_graph(
    services: Services, tmp_path: Path
) -> None:
    """Status looks only at a subject's owners (all the way up); on a random graph with
    chains, cycles and several restricted owners it agrees with propagation over everything."""
    import random

    from standing.decisions.propagation import applicable, restriction
    from standing.graph.importer import import_files
    from standing.store import repository as repo

    rng = random.Random(5)
    lines = [
        f'{{"id": "p{i}", "schema": "Company", "properties": {{"name": ["Company {i} Ltd"]}}}}'
        for i in range(30)
    ]
    for k in range(45):
        owner, asset = rng.sample(range(30), 2)
        share = rng.choice(["20", "30", "51", "60", "100"])
        lines.append(
            f'{{"id": "o{k}", "schema": "Ownership", "properties": {{"owner": ["p{owner}"], '
            f'"asset": ["p{asset}"], "percentage": ["{share}"]}}}}'
        )
    lines += [
        f'{{"id": "a{i}", "schema": "UserAccount", "properties": {{"owner": ["p{i}"], '
        f'"service": ["social"], "username": ["@c{i}"]}}}}'
        for i in range(30)
    ]
    path = tmp_path / "random.jsonl"
    path.write_text("\n".join(lines) + "\n")
    import_files(services, [path], ANALYST)
    for subject in rng.sample(range(30), 4):
        record_vendor_decision(
            services,
            subject=f"p{subject}",
            facts=f"Company {subject} Ltd is named in directive GD-{subject} barring its products.",
        )
    now = services.clock.now()
    with services.read() as session:
        full = restriction(
            applicable(repo.all_decisions(session), "ads.promote", None, now),
            repo.graph_index(session),
        )
    for i in range(30):
        for subject in (f"p{i}", f"a{i}"):
            caps = standing_of(services, subject, VIEWER).capabilities
            promote = next(c for c in caps if c.capability == "ads.promote")
            reached = (
                full.parties.get(subject) if subject.startswith("p") else full.accounts.get(subject)
            )
            assert promote.allowed == (reached is None), subject
            assert list(promote.decisions) == (sorted(reached.decisions) if reached else []), (
                subject
            )
        # many accounts of one party at once (the advertiser's home page) say the same
        [batch] = account_standings(services, f"p{i}", [f"a{i}"], VIEWER)
        assert batch.account.id == f"a{i}"
        assert batch.capabilities == standing_of(services, f"a{i}", VIEWER).capabilities, i
    assert 4 < len(full.parties) < 30  # control spread beyond the subjects, not to everyone
    # a new decision's reach, computed on the part of the graph below and above its subject,
    # is the reach over the whole graph
    from standing.decisions.propagation import reach_of

    with services.read() as session:
        everything = repo.graph_index(session)
        active = [d for d in repo.all_decisions(session) if d.active_at(now)]
    for i in range(30):
        request = DecisionRequest(
            f"p{i}",
            "government-barred-vendor",
            f"Company {i} Ltd is named in directive GD-{i} barring its products.",
        )
        dry = record_decision(services, request, ANALYST, dry_run=True)
        expected = reach_of(dry.decision, active, everything, now)["ads.promote"]
        got = dry.to_json()["reach"]
        assert {p["id"] for p in got["parties"]} == set(expected.parties), i
        assert {a["id"] for a in got["accounts"]} == set(expected.accounts), i


@pytest.mark.parametrize(
    "facts",
    [
        "Kaspersky Lab sold counterfeit licences in Germany.",  # the name without "AO"
        "AO Kaspersky Lab sold 40 counterfeit licences.",  # a short sentence is one
    ],
)
def test_short_specific_facts_naming_the_subject_are_enough(
    demo_graph: Services, facts: str
) -> None:
    d = record_vendor_decision(demo_graph, rule="deceptive-business-practices", facts=facts)
    assert d.decision.facts == facts


@pytest.mark.parametrize("code", ["EU", "ZZ", "GB-SCT", "SU", "UN"])
def test_a_territory_is_a_current_country_code(demo_graph: Services, code: str) -> None:
    with pytest.raises(Invalid, match=f"territory: '{code}' is not an ISO 3166-1 alpha-2"):
        record_vendor_decision(
            demo_graph, subject="ano-tv-novosti", rule="state-controlled-media", territories=(code,)
        )


def test_territory_codes_include_dependent_territories_and_kosovo() -> None:
    assert {"HK", "PR", "GU", "XK", "DE", "GB"} <= country_codes()


def test_criteria_with_the_subjects_name_added_are_refused(demo_graph: Services) -> None:
    criteria = demo_graph.policy.rule("deceptive-business-practices").criteria
    for facts in (f"AO Kaspersky Lab: {criteria}", f"{criteria} This is AO Kaspersky Lab."):
        with pytest.raises(Invalid, match="repeat the rule's criteria"):
            record_vendor_decision(demo_graph, rule="deceptive-business-practices", facts=facts)


def test_facts_in_a_script_written_without_spaces(demo_graph: Services, tmp_path: Path) -> None:
    from standing.graph.importer import import_files

    path = tmp_path / "jp.jsonl"
    path.write_text(
        '{"id": "jp1", "schema": "Company", "properties": {"name": ["株式会社カスペルスキー"]}}\n',
        encoding="utf-8",
    )
    import_files(demo_graph, [path], ANALYST)
    facts = (
        "株式会社カスペルスキーは、米国国土安全保障省の指令17-01で"
        "名指しされた会社の日本法人である。"
    )
    d = record_vendor_decision(demo_graph, subject="jp1", facts=facts)
    assert d.decision.facts == facts
    with pytest.raises(Invalid, match="say little besides"):
        record_vendor_decision(demo_graph, subject="jp1", facts="株式会社カスペルスキーである。")


def test_a_name_without_its_legal_form_followed_by_another_is_another_company(
    demo_graph: Services,
) -> None:
    facts = "Kaspersky Labs GmbH is named in a directive of 2026-03-01 barring its software."
    with pytest.raises(Invalid, match="do not name the subject"):
        record_vendor_decision(demo_graph, subject="kaspersky-labs-limited", facts=facts)
    ok = "Kaspersky Labs, the UK holding company, sold the group's licences in breach."
    d = record_vendor_decision(demo_graph, subject="kaspersky-labs-limited", facts=ok)
    assert d.decision.facts == ok


def test_an_equivalent_legal_form_names_the_subject(demo_graph: Services) -> None:
    facts = "Kaspersky Labs Ltd is named in a directive of 2026-03-01 barring its software."
    d = record_vendor_decision(demo_graph, subject="kaspersky-labs-limited", facts=facts)
    assert d.decision.facts == facts


def test_an_id_counts_as_written_not_as_a_word(demo_graph: Services, tmp_path: Path) -> None:
    from standing.graph.importer import import_files

    path = tmp_path / "vela.jsonl"
    path.write_text(
        '{"id": "vela", "schema": "Company", "properties": {"name": ["Vela Cyber Ltd"]}}\n'
        '{"id": "vela-de", "schema": "Company", "properties": {"name": ["Vela Cyber GmbH"]}}\n',
        encoding="utf-8",
    )
    import_files(demo_graph, [path], ANALYST)
    by_id = "The party vela is named in a directive of 2026-03-01 barring its software."
    assert record_vendor_decision(demo_graph, subject="vela", facts=by_id)
    with pytest.raises(Invalid, match="do not name the subject"):
        record_vendor_decision(
            demo_graph,
            subject="vela",
            facts="Vela Cyber GmbH is named in a directive of 2026-03-01 barring its software.",
        )
