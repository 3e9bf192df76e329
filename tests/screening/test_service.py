"""Lists in, hits out, confirmed hits become decisions: on a real database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from standing.bootstrap import Services
from standing.decisions.service import get_statement, standing_of
from standing.errors import Conflict, Invalid
from standing.screening.match import Query
from standing.screening.model import HitView
from standing.screening.service import (
    hits,
    import_list,
    list_versions,
    review_hit,
    screen_parties,
    screen_queries,
)
from standing.store.screening_tables import HitRow, ListEntryRow, ListVersionRow
from tests.factories import written
from tests.fixtures.services import TestClock
from tests.principals import ANALYST, VIEWER

BOD = Path(__file__).resolve().parents[2] / "standing" / "demo" / "lists" / "us_dhs_bod_17_01.csv"
HEADER = "id,name,kind,aliases,countries,identifiers,program,listed_on,reference,notes\n"


def plain_list(tmp_path: Path, rows: list[str], name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def redated_bod(tmp_path: Path) -> Path:
    """The BOD list with AO Kaspersky Lab's entry changed (its listing date a day later)."""
    edited = tmp_path / "bod.csv"
    edited.write_text(
        BOD.read_text(encoding="utf-8").replace("2017-09-13", "2017-09-14", 1), encoding="utf-8"
    )
    return edited


def hit_for(services: Services, party: str, entry: str, status: str | None = "open") -> HitView:
    return next(h for h in hits(services, VIEWER, status) if h.party == party and h.entry == entry)


def test_import_reports_diff_and_rescreens_parties(demo_graph: Services, tmp_path: Path) -> None:
    first = import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    assert first.number == 1 and first.format == "plain_csv"
    assert "ao-kaspersky-lab" in first.diff.added and first.hits >= 4
    assert hit_for(demo_graph, "ao-kaspersky-lab", "ao-kaspersky-lab").score == 1.0

    changed = plain_list(
        tmp_path,
        [
            'ao-kaspersky-lab,AO Kaspersky Lab,organization,"previous_name:Kaspersky Lab ZAO",ru,,'
            "DHS BOD 17-01,2017-09-13,,",
            "new-vendor,Hangzhou Example Vision Co.,organization,,cn,,DHS BOD 99-01,2026-01-01,,",
        ],
    )
    second = import_list(demo_graph, "us_dhs_bod", [changed], None, ANALYST, allow_shrink=True)
    assert second.number == 2
    assert second.diff.added == ("new-vendor",)
    assert "ao-kaspersky-lab" in second.diff.changed
    assert "kaspersky-lab-inc" in second.diff.removed
    assert [v.version for v in list_versions(demo_graph)] == [1, 2]


def test_dismissed_hit_stays_dismissed_until_the_entry_changes(
    demo_graph: Services, tmp_path: Path
) -> None:
    import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    hit = hit_for(demo_graph, "ao-kaspersky-lab", "ao-kaspersky-lab")
    with pytest.raises(Invalid, match="note"):
        review_hit(demo_graph, str(hit.id), "dismiss", ANALYST)
    review_hit(demo_graph, str(hit.id), "dismiss", ANALYST, note="Testing the queue only.")
    with pytest.raises(Conflict, match="already dismissed"):
        review_hit(demo_graph, str(hit.id), "dismiss", ANALYST, note="again")
    screen_parties(demo_graph, ANALYST)  # a full re-screen does not reopen it
    assert not [
        h
        for h in hits(demo_graph, VIEWER)
        if h.party == "ao-kaspersky-lab" and h.entry == "ao-kaspersky-lab"
    ]
    text = BOD.read_text(encoding="utf-8").replace(
        "ao-kaspersky-lab,AO Kaspersky Lab,organization,",
        "ao-kaspersky-lab,AO Kaspersky Lab,organization,",
        1,
    )
    changed = tmp_path / "bod.csv"
    changed.write_text(
        text.replace("DHS BOD 17-01,2017-09-13", "DHS BOD 17-01,2017-09-14", 1), encoding="utf-8"
    )
    import_list(demo_graph, "us_dhs_bod", [changed], None, ANALYST)
    assert hit_for(demo_graph, "ao-kaspersky-lab", "ao-kaspersky-lab").status == "open"


def test_confirming_a_hit_records_a_decision_citing_the_list(
    demo_graph: Services, clock: TestClock
) -> None:
    import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    hit = hit_for(demo_graph, "ao-kaspersky-lab", "ao-kaspersky-lab")
    view = review_hit(
        demo_graph, str(hit.id), "confirm", ANALYST, rule_id="government-barred-vendor"
    )
    assert view.status == "confirmed" and view.decision
    statement = get_statement(demo_graph, str(view.decision), VIEWER).content
    facts = statement["facts"]
    assert (
        "AO Kaspersky Lab" in facts and "entry ao-kaspersky-lab" in facts and "version 1" in facts
    )
    assert statement["automated_detection"] is True and statement["automated_decision"] is False
    assert any("sha256" in e for e in statement["evidence"])
    # the public record: a notification by the list's authority, decided with automated help
    public = statement["transparency"]
    assert public["source_type"] == "SOURCE_TYPE_OTHER_NOTIFICATION"
    assert public["source_identity"] == demo_graph.policy.source("us_dhs_bod").authority
    assert public["automated_decision"] == "PARTIALLY"
    # the parent's decision reaches its subsidiaries' accounts through propagation
    caps = standing_of(demo_graph, "acct-kaspersky-jp", VIEWER).capabilities
    assert not next(c.allowed for c in caps if c.capability == "ads.promote")


def test_rule_must_cover_the_source(demo_graph: Services) -> None:
    import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    hit = hit_for(demo_graph, "ao-kaspersky-lab", "ao-kaspersky-lab")
    with pytest.raises(Invalid, match="does not cover source"):
        review_hit(demo_graph, str(hit.id), "confirm", ANALYST, rule_id="state-controlled-media")


def test_identifier_match_under_an_automated_rule_is_decided_automatically(
    demo_graph: Services, tmp_path: Path
) -> None:
    listed = tmp_path / "sdn.csv"
    listed.write_text(
        '90001,"LABORATORIYA K",-0- ,"RUSSIA-EO14024",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        '"Tax ID No. 7713140469 (Russia)."\n',
        encoding="latin-1",
    )
    result = import_list(demo_graph, "us_ofac_sdn", [listed], None, ANALYST)
    assert len(result.decisions) == 1
    statement = get_statement(demo_graph, result.decisions[0], VIEWER).content
    assert statement["automated_decision"] is True and statement["rule"]["id"] == "sanctioned-party"
    caps = standing_of(demo_graph, "acct-kaspersky", VIEWER).capabilities
    assert not next(c.allowed for c in caps if c.capability == "marketplace.sell")


def test_malformed_list_stores_nothing(demo_graph: Services, tmp_path: Path) -> None:
    bad = plain_list(tmp_path, ["x1,Some Co,spaceship,,,,,,,"])
    with pytest.raises(Invalid, match=r"list.csv:2"):
        import_list(demo_graph, "us_dhs_bod", [bad], None, ANALYST)
    with demo_graph.read() as session:
        assert session.scalar(select(func.count()).select_from(ListVersionRow)) == 0
        assert session.scalar(select(func.count()).select_from(ListEntryRow)) == 0
    with pytest.raises(Invalid, match="unknown format"):
        import_list(demo_graph, "us_dhs_bod", [BOD], "pdf", ANALYST)


def test_screen_names_across_scripts(demo_graph: Services) -> None:
    import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    [found] = screen_queries(demo_graph, [Query.of("Лаборатория Касперского", schema="Company")])
    assert found and found[0].entry == "ao-kaspersky-lab" and found[0].match
    [none] = screen_queries(demo_graph, [Query.of("TechWire Media Ltd", country="gb")])
    assert not [h for h in none if h.match]


def test_nul_characters_in_a_list_are_removed_with_a_warning(
    services: Services, tmp_path: Path
) -> None:
    path = plain_list(tmp_path, ["v1,Null\x00 Vendor Ltd,organization,,cn,,BOD,,,"])
    result = import_list(services, "us_dhs_bod", [path], None, ANALYST)
    assert any("entry v1: NUL characters removed" in w for w in result.warnings)
    [found] = screen_queries(services, [Query.of("Null Vendor Ltd")])
    assert found[0].name == "Null Vendor Ltd" and found[0].match


def test_the_same_file_again_stores_nothing_unless_forced(demo_graph: Services) -> None:
    first = import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    again = import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    assert again.unchanged and again.number == first.number == 1
    assert again.to_json()["unchanged"] is True and again.to_json()["added"] == []
    assert [v.version for v in list_versions(demo_graph)] == [1]
    forced = import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST, force=True)
    assert not forced.unchanged and forced.number == 2
    assert forced.diff.added == forced.diff.removed == forced.diff.changed == ()


def test_a_new_version_closes_hits_on_removed_and_changed_entries(
    demo_graph: Services, tmp_path: Path
) -> None:
    import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    removed = str(hit_for(demo_graph, "kaspersky-lab-inc", "kaspersky-lab-inc").id)
    renamed = str(hit_for(demo_graph, "kaspersky-labs-gmbh", "kaspersky-labs-gmbh").id)
    text = BOD.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if not line.startswith("kaspersky-lab-inc,")]
    edited = "\n".join(rows).replace(
        "kaspersky-labs-gmbh,Kaspersky Labs GmbH,", "kaspersky-labs-gmbh,Securelist Research GmbH,"
    )
    path = tmp_path / "bod.csv"
    path.write_text(edited + "\n", encoding="utf-8")
    result = import_list(demo_graph, "us_dhs_bod", [path], None, ANALYST, allow_shrink=True)
    assert result.diff.removed == ("kaspersky-lab-inc",)
    assert "kaspersky-labs-gmbh" in result.diff.changed
    assert result.closed["delisted"] >= 1 and result.closed["superseded"] >= 1
    statuses = {h.id: h.status for h in hits(demo_graph, VIEWER, None)}
    assert statuses[removed] == "delisted"
    assert statuses[renamed] == "superseded"
    # the renamed entry no longer matches the German company: no new open hit for it
    assert not [
        h
        for h in hits(demo_graph, VIEWER)
        if h.party == "kaspersky-labs-gmbh" and h.entry == "kaspersky-labs-gmbh"
    ]
    with pytest.raises(Conflict, match="already delisted"):
        review_hit(demo_graph, removed, "confirm", ANALYST, rule_id="government-barred-vendor")


def test_a_hit_on_an_entry_that_changed_since_cannot_be_confirmed(
    demo_graph: Services, tmp_path: Path
) -> None:
    import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    hit = str(hit_for(demo_graph, "ao-kaspersky-lab", "ao-kaspersky-lab").id)
    import_list(demo_graph, "us_dhs_bod", [redated_bod(tmp_path)], None, ANALYST)
    with written(demo_graph) as session:  # as if the hit had stayed open through a race
        from standing.store.screening_tables import HitRow

        row = session.get(HitRow, hit)
        assert row is not None
        row.status = "open"
    with pytest.raises(Conflict, match="version 2 has changed entry ao-kaspersky-lab"):
        review_hit(demo_graph, hit, "confirm", ANALYST, rule_id="government-barred-vendor")


def test_a_changed_entry_is_not_reviewed_again_while_its_decision_stands(
    demo_graph: Services, tmp_path: Path
) -> None:
    import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    hit = str(hit_for(demo_graph, "ao-kaspersky-lab", "ao-kaspersky-lab").id)
    review_hit(demo_graph, hit, "confirm", ANALYST, rule_id="government-barred-vendor")
    import_list(demo_graph, "us_dhs_bod", [redated_bod(tmp_path)], None, ANALYST)
    assert not [
        h
        for h in hits(demo_graph, VIEWER)
        if h.party == "ao-kaspersky-lab" and h.entry == "ao-kaspersky-lab"
    ]


def test_ofac_alt_file_beside_the_primary_file_is_imported_with_it(
    demo_graph: Services, tmp_path: Path, shared_data: Path
) -> None:
    primary = tmp_path / "CONS_PRIM.CSV"
    shutil.copyfile(shared_data / "us_ofac_cons_prim_2025-12.csv", primary)
    (tmp_path / "CONS_ALT.CSV").write_bytes(b'9639,1,"aka","HANIYEH, Ismail",-0- \r\n\x1a')
    result = import_list(demo_graph, "us_ofac_cons", [primary], None, ANALYST)
    assert result.file == "CONS_PRIM.CSV + CONS_ALT.CSV"
    (found,) = screen_queries(demo_graph, [Query.of("Ismail Haniyeh", schema="Person")])
    assert any(h.entry == "9639" and h.match for h in found)


def test_opening_hits_is_on_the_audit_log(demo_graph: Services) -> None:
    import json

    from standing.store.tables import EventRow

    result = import_list(demo_graph, "us_dhs_bod", [BOD], None, ANALYST)
    with demo_graph.read() as session:
        rows = session.scalars(select(EventRow).where(EventRow.action == "hit:open")).all()
    assert len(rows) == 1 and rows[0].actor == ANALYST.id  # who imported the list
    opened = json.loads(rows[0].payload)["hits"]
    assert len(opened) == result.hits
    assert {h["hit"] for h in opened} == {h.id for h in hits(demo_graph, VIEWER)}
    assert {"party", "source", "version", "entry", "score"} <= set(opened[0])


def test_a_file_of_another_format_is_refused_and_nothing_stored(
    demo_graph: Services, shared_data: Path
) -> None:
    sdn = shared_data / "us_ofac_sdn_2024-05-03.csv"
    with pytest.raises(Invalid, match=r"us_dhs_bod_17_01.csv: the file reads as plain_csv.*"):
        import_list(demo_graph, "us_ofac_sdn", [BOD], None, ANALYST)
    with pytest.raises(Invalid, match=r"--format plain_csv.*accepts: ofac_csv, ofac_xml"):
        import_list(demo_graph, "us_ofac_sdn", [BOD], "plain_csv", ANALYST)
    with pytest.raises(Invalid, match=r"reads as ofac_csv.*'us_dhs_bod'"):
        import_list(demo_graph, "us_dhs_bod", [sdn], None, ANALYST)
    with demo_graph.read() as session:
        assert session.scalar(select(func.count()).select_from(ListVersionRow)) == 0
        assert session.scalar(select(func.count()).select_from(HitRow)) == 0


def test_a_version_removing_more_than_a_fifth_needs_allow_shrink(
    demo_graph: Services, tmp_path: Path
) -> None:
    rows = [f"v{i},Vendor Number {i} Ltd,organization,,cn,,BOD,,," for i in range(10)]
    rows[0] = "v0,Kaspersky Lab,organization,,ru,,BOD,,,"
    first = import_list(demo_graph, "us_dhs_bod", [plain_list(tmp_path, rows)], None, ANALYST)
    opened = hits(demo_graph, VIEWER)
    assert opened
    with pytest.raises(Invalid, match=r"from 10 to 7 entries \(3 removed, 0 added.*--allow-shrink"):
        import_list(demo_graph, "us_dhs_bod", [plain_list(tmp_path, rows[3:])], None, ANALYST)
    assert [v.version for v in list_versions(demo_graph)] == [first.number]
    assert hits(demo_graph, VIEWER) == opened  # no hit closed as delisted
    two_gone = import_list(
        demo_graph, "us_dhs_bod", [plain_list(tmp_path, rows[2:])], None, ANALYST
    )
    assert len(two_gone.diff.removed) == 2  # a fifth may go
    assert two_gone.closed == {"delisted": len(opened)}
    shrunk = import_list(
        demo_graph, "us_dhs_bod", [plain_list(tmp_path, rows[5:])], None, ANALYST, allow_shrink=True
    )
    assert shrunk.number == 3 and len(shrunk.diff.removed) == 3
