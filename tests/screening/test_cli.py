"""`standing lists`, `standing screen`, `standing hits` end to end on a real database."""

from __future__ import annotations

import json
from pathlib import Path

from standing.demo.seed import SCENARIO

BOD = Path(__file__).resolve().parents[2] / "standing" / "demo" / "lists" / "us_dhs_bod_17_01.csv"


def test_lists_import_screen_and_review(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    imported = json.loads(run("lists", "import", "--source", "us_dhs_bod", str(BOD), "--json"))
    assert imported["version"] == 1 and "ao-kaspersky-lab" in imported["added"]
    assert imported["hits"] == 0  # no parties yet
    overview = json.loads(run("lists", "--json"))
    assert overview["versions"][0]["source"] == "us_dhs_bod"

    # importing parties after the list screens the new ones
    counts = json.loads(run("import", str(SCENARIO), "--json"))
    assert counts["screening"]["parties"] == 13 and counts["screening"]["hits"] >= 4

    single = json.loads(
        run("screen", "АО Лаборатория Касперского", "--schema", "Company", "--json")
    )
    assert single["hits"][0]["entry"] == "ao-kaspersky-lab" and single["hits"][0]["match"] is True

    # a brand inside the listed name: the table says which words matched and which were left
    brand = json.loads(run("screen", "Kaspersky", "--schema", "Company", "--json"))["hits"][0]
    said = brand["features"]["name"]["brand"]
    assert said["matched"] == ["kaspersky"] and said["left_over"]
    table = run("screen", "Kaspersky", "--schema", "Company")
    assert "brand:" in table and "left over:" in table

    names = tmp_path / "names.csv"
    names.write_text(
        "name,country,schema,id\nKaspersky Lab ZAO,Russia,Company,q1\nTechWire Media Ltd,GB,,q2\n"
    )
    lines = [json.loads(x) for x in run("screen", "--file", str(names), "--json").splitlines()]
    assert [x["query"]["id"] for x in lines] == ["q1", "q2"]
    assert [x["query"]["country"] for x in lines] == ["Russia", "GB"]  # as given
    assert lines[0]["hits"][0]["source"] == "us_dhs_bod" and lines[0]["hits"][0]["match"]
    assert not [h for h in lines[1]["hits"] if h["match"]]
    hit = lines[0]["hits"][0]
    assert set(hit) == {"source", "entry", "name", "score", "match", "features"}  # as contracted
    assert hit["features"]["listing"]["version"] == 1

    queue = json.loads(run("hits", "--json"))["hits"]
    hit = next(
        h for h in queue if h["party"] == "ao-kaspersky-lab" and h["entry"] == "ao-kaspersky-lab"
    )
    confirmed = json.loads(
        run("hits", "confirm", hit["id"], "--rule", "government-barred-vendor", "--json")
    )
    assert confirmed["decision"].startswith("dec-")
    other = next(h for h in queue if h["id"] != hit["id"])
    run("hits", "dismiss", other["id"], "--note", "A sibling company, not the listed party.")
    assert (
        json.loads(run("hits", "--status", "dismissed", "--json"))["hits"][0]["id"] == other["id"]
    )
    summary = json.loads(run("screen", "--all", "--json"))
    assert summary["parties"] == 13 and summary["hits"] == 0  # nothing new, nothing reopened


def test_screen_errors(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert "exactly one of" in run("screen", expect=2)
    assert "--schema" in run("screen", "X", "--schema", "Robot", expect=2)
    bad = tmp_path / "bad.csv"
    bad.write_text("nom,pays\nX,fr\n")
    out = run("screen", "--file", str(bad), expect=2)
    assert "bad.csv:1: the header lacks the column(s) name (found: nom, pays)" in out
    bad.write_text("name,schema\nACME,Robot\n")
    assert f"{bad.name}:2: schema" in run("screen", "--file", str(bad), expect=2).replace("\n", "")
    bad.write_text("name,country\nACME,Russia\nACME,Narnia\n")
    out = run("screen", "--file", str(bad), expect=2).replace("\n", "")
    assert f"{bad.name}:3: country: 'Narnia' is not a country" in out
    out = run("screen", "ACME", "--country", "Narnia", expect=2).replace("\n", "")
    assert "--country: 'Narnia' is not a country" in out
    assert "unknown source 'nope'" in run("lists", "import", "--source", "nope", str(BOD), expect=2)
    assert "no such file" in run(
        "lists", "import", "--source", "us_dhs_bod", str(tmp_path / "x"), expect=2
    )


def test_lists_import_refuses_another_lists_file_and_a_mass_removal(  # type: ignore[no-untyped-def]
    run, tmp_path: Path
) -> None:
    wrong = run("lists", "import", "--source", "us_ofac_sdn", str(BOD), expect=2)
    assert "reads as plain_csv" in wrong and "ofac_csv, ofac_xml" in wrong
    assert json.loads(run("lists", "--json"))["versions"] == []
    run("lists", "import", "--source", "us_dhs_bod", str(BOD))
    fewer = tmp_path / "bod.csv"
    fewer.write_text("".join(BOD.read_text(encoding="utf-8").splitlines(True)[:2]))
    refused = run("lists", "import", "--source", "us_dhs_bod", str(fewer), expect=2)
    assert "from 4 to 1 entries (3 removed, 0 added" in " ".join(refused.split())
    assert "--allow-shrink" in refused
    shrunk = run("lists", "import", "--source", "us_dhs_bod", str(fewer), "--allow-shrink")
    assert "version 2: 1 entries" in shrunk
    again = run("lists", "import", "--source", "us_dhs_bod", str(fewer), "--allow-shrink")
    assert "unchanged" in again
