"""``standing appeal`` with a kind and a scope and ``standing review`` with every outcome, end
to end through the CLI; ``standing check`` and ``standing status`` follow an exemption."""

from __future__ import annotations

import json

from standing.demo.seed import SCENARIO
from tests.cli.test_cli import DECIDE_VENDOR, FACTS

CONTACT = "us-office@advertiser.example"
REPLY = (
    "The Delaware register extract of 2026-03-04 you sent shows Meridian Holdings bought "
    "Kaspersky Lab, Inc. on 2026-03-01; AO Kaspersky Lab no longer controls it, so the US "
    "company leaves this decision."
)
TEXT = "Kaspersky Lab, Inc. was sold to Meridian Holdings on 2026-03-01; the register shows it."


def test_a_scoped_dispute_exempted_from_the_cli(run) -> None:  # type: ignore[no-untyped-def]
    run("import", str(SCENARIO))
    decision = json.loads(run(*DECIDE_VENDOR, "--facts", FACTS, "--json"))["id"]
    run("users", "add", CONTACT, "--party", "kaspersky-lab-inc", "--as", "admin@test.example")
    as_contact = ("--as", CONTACT)
    out = run(
        "appeal", decision, "--text", TEXT, "--scope", "ao-kaspersky-lab", *as_contact, expect=2
    )
    assert "scope" in out and "none of your parties" in out
    out = run("appeal", decision, "--text", TEXT, "--kind", "complaint", *as_contact, expect=2)
    assert "--kind" in out or "complaint" in out
    filed = json.loads(
        run(
            "appeal",
            decision,
            "--text",
            TEXT,
            "--kind",
            "dispute",
            "--scope",
            "kaspersky-lab-inc",
            "--json",
            *as_contact,
        )
    )
    assert (filed["kind"], filed["scope"]) == ("dispute", "kaspersky-lab-inc")
    out = run(
        "appeal", decision, "--text", TEXT, "--scope", "kaspersky-lab-inc", *as_contact, expect=2
    )
    assert "still open" in out
    queue = run("appeals", "--as", "reviewer@test.example")
    assert "dispute for" in queue and "kaspersky-lab-inc" in queue

    reviewer = ("--as", "reviewer@test.example")
    out = run("review", filed["id"], "--outcome", "lifted", "--reply", REPLY, *reviewer, expect=2)
    assert "does not end a dispute" in out
    out = run(
        "review",
        filed["id"],
        "--outcome",
        "exempted",
        "--reply",
        REPLY,
        "--scope",
        "brightdeal-shop",
        *reviewer,
        expect=2,
    )
    assert "does not reach" in out
    run("check", "acct-kaspersky-us", "ads.promote", expect=1)
    decided = json.loads(
        run("review", filed["id"], "--outcome", "exempted", "--reply", REPLY, "--json", *reviewer)
    )
    assert decided["outcome"] == "exempted" and decided["new_decision"]
    run("check", "acct-kaspersky-us", "ads.promote", expect=0)
    run("check", "acct-kaspersky", "ads.promote", expect=1)
    status = json.loads(run("status", "acct-kaspersky-us", "--json"))
    assert all(c["allowed"] for c in status["capabilities"])
    text = run("statement", decided["new_decision"])
    assert "EXEMPTED ON APPEAL" in text and filed["id"] in text
    assert "intact" in run("audit", "verify", "--as", "auditor@test.example")
