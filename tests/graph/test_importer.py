from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from sqlalchemy import func, select

from standing.bootstrap import Services
from standing.errors import Invalid
from standing.graph.importer import import_files
from standing.store import repository as repo
from standing.store.tables import AccountRow, ChangeRow, EventRow, OwnershipRow, PartyRow
from tests.principals import ANALYST


def write(path: Path, entities: list[dict[str, object]], raw: list[str] | None = None) -> Path:
    lines = [orjson.dumps(e).decode() for e in entities] + (raw or [])
    path.write_text("\n".join(lines) + "\n")
    return path


def company(id: str, name: str, **props: list[str]) -> dict[str, object]:
    return {"id": id, "schema": "Company", "properties": {"name": [name], **props}}


def own(id: str, owner: str, asset: str, pct: str) -> dict[str, object]:
    return {
        "id": id,
        "schema": "Ownership",
        "properties": {"owner": [owner], "asset": [asset], "percentage": [pct]},
    }


def count(services: Services, table: type) -> int:
    with services.read() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def test_imports_parties_edges_accounts_and_counts_skips(
    services: Services, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "g.jsonl",
        [
            own("o1", "a", "b", "60%"),  # an edge may precede its parties
            company("a", "Alpha Holding AG", country=["de"]),
            company("b", "Beta GmbH", registrationNumber=["HRB 1"]),
            {
                "id": "acc",
                "schema": "UserAccount",
                "properties": {"owner": ["b"], "service": ["social"], "username": ["@beta"]},
            },
            {"id": "v", "schema": "Vessel", "properties": {"name": ["Sea Star"]}},
            {"id": "s", "schema": "Sanction", "properties": {}},
        ],
    )
    report = import_files(services, [path], ANALYST)
    assert report.totals() == {
        "lines": 6,
        "parties": 2,
        "ownerships": 1,
        "accounts": 1,
        "skipped": 2,
    }
    assert report.files[0].skipped == {"Vessel": 1, "Sanction": 1}
    with services.read() as session:
        party = repo.get_party(session, "b")
        assert party is not None and party.identifiers[0].value == "HRB 1"
        assert session.get(OwnershipRow, "o1").share == 60.0  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(ChangeRow)) == 1
        event = session.execute(select(EventRow)).scalar_one()
        assert event.action == "graph:import" and report.files[0].sha256 in event.payload


def test_reimport_updates_names_and_shares(services: Services, tmp_path: Path) -> None:
    first = write(
        tmp_path / "1.jsonl",
        [company("a", "Alpha"), company("b", "Beta"), own("o", "a", "b", "40")],
    )
    import_files(services, [first], ANALYST)
    second = write(
        tmp_path / "2.jsonl",
        [company("a", "Alpha Renamed", alias=["AR"]), own("o", "a", "b", "55.5")],
    )
    import_files(services, [second], ANALYST)
    with services.read() as session:
        party = repo.get_party(session, "a")
        assert party is not None and [n.value for n in party.names] == ["Alpha Renamed", "AR"]
        assert session.get(OwnershipRow, "o").share == 55.5  # type: ignore[union-attr]
    assert count(services, PartyRow) == 2


@pytest.mark.parametrize(
    ("entities", "raw", "message"),
    [
        ([company("a", "Alpha")], ["{broken json"], r"bad.jsonl:2: line: not valid JSON"),
        (
            [company("a", "Alpha"), own("o", "a", "zzz", "50")],
            [],
            r"bad.jsonl:2: properties.asset: refers to 'zzz'",
        ),
        (
            [company("a", "Alpha"), company("b", "B"), own("o", "a", "b", "150")],
            [],
            r"bad.jsonl:3: percentage: '150' is outside 0-100",
        ),
        (
            [
                company("a", "Alpha"),
                {"id": "x", "schema": "Company", "properties": {"nme": ["typo"]}},
            ],
            [],
            r"bad.jsonl:2: properties.nme: not a property of Company",
        ),
        (
            [
                {
                    "id": "acc",
                    "schema": "UserAccount",
                    "properties": {"owner": ["ghost"], "service": ["s"], "username": ["u"]},
                }
            ],
            [],
            r"bad.jsonl:1: properties.owner: refers to 'ghost'",
        ),
    ],
)
def test_bad_file_commits_nothing(
    services: Services,
    tmp_path: Path,
    entities: list[dict[str, object]],
    raw: list[str],
    message: str,
) -> None:
    good = write(tmp_path / "good.jsonl", [company("g", "Good Co")])
    bad = write(tmp_path / "bad.jsonl", entities, raw)
    with pytest.raises(Invalid, match=message):
        import_files(services, [good, bad], ANALYST)
    assert count(services, PartyRow) == 0
    assert count(services, AccountRow) == 0
    assert count(services, EventRow) == 0


def test_missing_file(services: Services, tmp_path: Path) -> None:
    with pytest.raises(Invalid, match="no such file"):
        import_files(services, [tmp_path / "nope.jsonl"], ANALYST)
    with pytest.raises(Invalid, match="is a directory"):
        import_files(services, [tmp_path], ANALYST)


def test_nul_characters_are_refused_with_their_field(services: Services, tmp_path: Path) -> None:
    """No text column can hold NUL (PostgreSQL refuses it): the line says where it is."""
    bad = write(
        tmp_path / "bad.jsonl",
        [company("a", "Alpha"), company("b", "Be\x00ta"), company("c\x00", "Gamma")],
    )
    with pytest.raises(Invalid) as caught:
        import_files(services, [bad], ANALYST)
    assert "bad.jsonl:2: properties.name: contains a NUL character" in caught.value.message
    assert "bad.jsonl:3: id: contains a NUL character" in caught.value.message
    assert count(services, PartyRow) == 0


def test_every_malformed_line_is_reported(services: Services, tmp_path: Path) -> None:
    bad = write(
        tmp_path / "bad.jsonl",
        [company("a", "Alpha"), company("b", "Beta"), own("o", "a", "b", "150")],
        raw=["{not json", '{"id": "x", "schema": "Company", "properties": {}}'],
    )
    with pytest.raises(Invalid) as caught:
        import_files(services, [bad], ANALYST)
    lines = caught.value.message.splitlines()
    assert lines[0] == "3 problems; nothing was imported:"
    assert [line.split(": ")[0] for line in lines[1:]] == [
        f"{bad}:3",
        f"{bad}:4",
        f"{bad}:5",
    ]
    assert count(services, PartyRow) == 0


def test_an_id_is_a_party_or_an_account(services: Services, tmp_path: Path) -> None:
    account = {
        "id": "acct-a",
        "schema": "UserAccount",
        "properties": {"owner": ["a"], "service": ["social"], "username": ["@a"]},
    }
    import_files(services, [write(tmp_path / "1.jsonl", [company("a", "Alpha"), account])], ANALYST)
    clash = write(tmp_path / "2.jsonl", [company("acct-a", "Clash Ltd")])
    with pytest.raises(Invalid, match=r"2.jsonl:1: id: 'acct-a' names both a party and an"):
        import_files(services, [clash], ANALYST)
    assert count(services, PartyRow) == 1


def test_one_id_cannot_be_a_company_and_a_person_in_one_import(
    services: Services, tmp_path: Path
) -> None:
    person = {"id": "a", "schema": "Person", "properties": {"name": ["Alpha Person"]}}
    legal = {"id": "b", "schema": "LegalEntity", "properties": {"name": ["Beta"]}}
    first = write(tmp_path / "first.jsonl", [company("a", "Alpha"), legal])
    bad = write(tmp_path / "bad.jsonl", [person])
    with pytest.raises(Invalid, match=r"bad.jsonl:1: schema: 'a' is a Person here but a Company"):
        import_files(services, [first, bad], ANALYST)
    # a more specific schema for the same id in a later file is an update (LegalEntity, then
    # Company)
    ok = write(tmp_path / "ok.jsonl", [company("b", "Beta")])
    import_files(services, [first, ok], ANALYST)
    with services.read() as session:
        assert session.get(PartyRow, "b").schema == "Company"


def test_reference_to_existing_party_in_database(services: Services, tmp_path: Path) -> None:
    import_files(services, [write(tmp_path / "1.jsonl", [company("a", "Alpha")])], ANALYST)
    import_files(
        services,
        [write(tmp_path / "2.jsonl", [company("b", "Beta"), own("o", "a", "b", "51")])],
        ANALYST,
    )
    assert count(services, OwnershipRow) == 1


def test_ownership_of_a_vessel_is_left_out_with_the_vessel(
    services: Services, tmp_path: Path
) -> None:
    vessel = {"id": "boat", "schema": "Vessel", "properties": {"name": ["Boaty"]}}
    body = {"id": "ministry", "schema": "PublicBody", "properties": {"name": ["Ministry of X"]}}
    path = write(
        tmp_path / "fleet.jsonl",
        [
            own("own-before", "shipco", "boat", "100"),  # the vessel comes later
            company("shipco", "Ship Co"),
            vessel,
            own("own-after", "shipco", "boat", "100"),
            body,
            own("own-body", "ministry", "shipco", "60"),
        ],
    )
    report = import_files(services, [path], ANALYST)
    (file,) = report.files
    assert file.skipped == {"Vessel": 1, "Ownership (of a Vessel)": 2}
    assert count(services, OwnershipRow) == 1  # the public body's share in the company
    assert count(services, PartyRow) == 2


def test_a_missing_reference_names_the_line_that_was_imported(
    services: Services, tmp_path: Path
) -> None:
    account = {
        "id": "acct-y",
        "schema": "UserAccount",
        "properties": {"owner": ["c1"], "service": ["s"], "username": ["@y"]},
    }
    moved = {**account, "properties": {"owner": ["ghost"], "service": ["s"], "username": ["@y"]}}
    path = write(tmp_path / "a.jsonl", [company("c1", "C One"), account])
    later = write(tmp_path / "later.jsonl", [moved])
    with pytest.raises(Invalid, match=r"later\.jsonl:1: properties\.owner: refers to 'ghost'"):
        import_files(services, [path, later], ANALYST)
    spaced = write(
        tmp_path / "b.jsonl",
        [company("c1", "C One")],
        raw=[
            '{"schema": "Ownership", "properties": {"owner": ["c1"], "asset": ["ghost"], '
            '"percentage": ["60"]}, "id" : "own-x"}'
        ],
    )
    with pytest.raises(Invalid, match=r"b\.jsonl:2: properties\.asset: refers to 'ghost'"):
        import_files(services, [spaced], ANALYST)


def test_a_line_over_a_mebibyte_is_refused_at_once(services: Services, tmp_path: Path) -> None:
    path = write(tmp_path / "big.jsonl", [company("a", "Alpha")])
    with path.open("a") as handle:
        handle.write('{"id": "b", "schema": "Company", "properties": {"name": ["' + "x" * 2**21)
        handle.write('"]}}\n')
        handle.write(orjson.dumps(company("c", "Gamma")).decode() + "\n")
    read: list[int] = []
    with pytest.raises(Invalid) as caught:
        import_files(services, [path], ANALYST, progress=read.append)
    assert caught.value.message.startswith(f"{path}:2: line: longer than 1,048,576 bytes (1 MiB)")
    assert sum(read) < 2**20  # the long line was not read whole (nor what follows it)
    assert count(services, PartyRow) == 0
    # a line of exactly the limit is fine (as far as its length goes)
    exact = tmp_path / "exact.jsonl"
    entity = orjson.dumps(company("d", "Delta")).decode()
    exact.write_text(entity[:-1] + " " * (2**20 - len(entity)) + "}\n")
    import_files(services, [exact], ANALYST)
    assert count(services, PartyRow) == 1


def test_a_repeated_id_in_one_file_names_both_lines(services: Services, tmp_path: Path) -> None:
    path = write(
        tmp_path / "dup.jsonl",
        [
            company("o1", "Owner One"),
            company("o2", "Owner Two"),
            own("own-1", "o1", "o2", "60"),
            own("own-1", "o2", "o1", "70"),
            company("o1", "Owner One Again"),
        ],
    )
    with pytest.raises(Invalid) as caught:
        import_files(services, [path], ANALYST)
    lines = caught.value.message.splitlines()
    assert lines[0] == "2 problems; nothing was imported:"
    assert f"{path}:4: id: 'own-1' is repeated; line 3 gives it already" in lines[1]
    assert f"{path}:5: id: 'o1' is repeated; line 1 gives it already" in lines[2]
    assert count(services, PartyRow) == 0 and count(services, OwnershipRow) == 0


def test_an_empty_file_changes_nothing(services: Services, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n")
    other = write(tmp_path / "other.jsonl", [{"id": "v", "schema": "Vessel", "properties": {}}])
    report = import_files(services, [empty, blank, other], ANALYST)
    assert report.empty and report.to_json()["nothing_imported"] is True
    assert report.totals()["skipped"] == 1
    assert count(services, EventRow) == 0 and count(services, ChangeRow) == 0
