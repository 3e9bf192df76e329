"""``standing rechecks list|confirm`` on a real database."""

from __future__ import annotations

import json

from standing.demo.seed import SCENARIO
from tests.decisions.helpers import CONFIRM, SHOP_FACTS
from tests.fixtures.cli import Run


def test_list_and_confirm(run: Run) -> None:
    run("import", str(SCENARIO))
    assert "no re-checks due within 30 days" in run("rechecks", "list")
    shop = json.loads(
        run(
            "decide",
            "--subject",
            "brightdeal-shop",
            "--rule",
            "deceptive-business-practices",
            "--facts",
            SHOP_FACTS,
            "--json",
        )
    )["id"]
    listed = json.loads(run("rechecks", "list", "--json"))
    assert [r["decision"] for r in listed["rechecks"]] == [shop]
    assert listed["rechecks"][0]["recheck_days"] == 28
    table = run("rechecks", "list")
    assert shop in table and "28 days" in table
    due = listed["rechecks"][0]["due_at"][:10]
    assert due not in table  # the date in words, as people read it

    # the acting principal confirms: an analyst by STANDING_AS, a reviewer with --as
    out = run("rechecks", "confirm", shop, "--reason", "still holds", expect=2)
    assert "reason: say what was examined again" in out
    out = run(
        "rechecks", "confirm", shop, "--reason", CONFIRM, "--as", "viewer@test.example", expect=2
    )
    assert "re-examining decisions needs the role" in out.replace("\n", " ")
    done = json.loads(
        run(
            "rechecks",
            "confirm",
            shop,
            "--reason",
            CONFIRM,
            "--as",
            "reviewer@test.example",
            "--json",
        )
    )
    assert done["outcome"] == "confirmed" and done["rechecked_by"].startswith("usr-")
    assert "confirmed on re-examination" in run("rechecks", "confirm", shop, "--reason", CONFIRM)
    assert "intact" in run("audit", "verify", "--as", "auditor@test.example")
    out = run("rechecks", "list", "--within", "-1", expect=2)
    assert "--within" in out
