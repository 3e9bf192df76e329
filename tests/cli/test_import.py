"""`standing import` at the edges: an empty file says so and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_audit import cli


def test_an_empty_file_says_there_was_nothing_to_import(
    database_url: str, tmp_path: Path, cli_operator: object
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    out = cli(database_url, "import", str(empty)).stdout
    assert "nothing to import: no party, ownership or account in" in out
    assert "the database is unchanged" in " ".join(out.split())
    doc = json.loads(cli(database_url, "import", str(empty), "--json").stdout)
    assert doc["nothing_imported"] is True and doc["totals"]["lines"] == 0
    head = json.loads(cli(database_url, "audit", "head", "--json").stdout)
    assert head["seq"] == 2  # the two users added before: the import added nothing
