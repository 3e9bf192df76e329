"""``standing audit``: verifying the tamper-evident audit log, and its head to keep as an anchor."""

from __future__ import annotations

from typing import Annotated, Any, NoReturn

import typer

from standing.audit.chain import Anchor
from standing.audit.log import Verification
from standing.audit.service import audit_head, verify_audit
from standing.cli.acting import AsOpt, reading
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.output import EXIT_ERROR, JsonOpt, console, emit_json, fail
from standing.cli.root import command_group

app = typer.Typer()

audit = command_group(app, "audit", "The tamper-evident audit log.")


@audit.command("verify")
def verify(
    expect: Annotated[
        str | None,
        typer.Option(
            "--expect",
            metavar="HASH@N",
            help="An anchor kept outside the database (`standing audit head`): fail when "
            "the log up to event N differs.",
        ),
    ] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Verify the hash chain and that the stored decisions, statements, lifts, appeals,
    hits and list versions match their events; exit 1 naming the first difference."""
    anchor: Anchor | None = None
    if expect is not None:
        try:
            anchor = Anchor.parse(expect)
        except ValueError as exc:
            fail(f"--expect: {exc}")
    with services_for(database) as services:
        found = verify_audit(services, reading(services, as_), anchor)
    if json:
        emit_json(_verification_document(found, anchor))
    elif found.ok:
        _print_intact(found, anchor)
    if not found.ok:
        _fail_verification(found, json)


def _verification_document(found: Verification, anchor: Anchor | None) -> dict[str, Any]:
    broken = found.broken
    document: dict[str, Any] = {
        "ok": found.ok,
        "events": found.events,
        "keyed_from": found.keyed_from,
        "broken": None if broken is None else {"seq": broken.seq, "reason": broken.reason},
        "state": {
            "checked": found.checked,
            "mismatches": found.mismatch_count,
            "first": [
                {"table": m.table, "key": m.key, "event": m.seq, "reason": m.reason}
                for m in found.mismatches
            ],
        },
    }
    if anchor is not None:
        document["expect"] = str(anchor)
    return document


def _print_intact(found: Verification, anchor: Anchor | None) -> None:
    keyed = f"; keyed from event {found.keyed_from}" if found.keyed_from else ""
    anchored = f"; matches the anchor at event {anchor.seq}" if anchor else ""
    rows = sum(found.checked.values())
    console.print(
        f"audit log intact: {found.events} events{keyed}{anchored}; the state matches "
        f"them ({rows} records in {len(found.checked)} tables)",
        highlight=False,
    )
    if anchor is None and found.keyed_from is None:
        console.print(
            "note: the log is neither keyed (STANDING_AUDIT_KEY) nor checked against an "
            "anchor (--expect HASH@N, from `standing audit head`): whoever can write the "
            "database could rewrite it consistently",
            style="dim",
            highlight=False,
        )


def _fail_verification(found: Verification, json: bool) -> NoReturn:
    """Exit 1 naming the first difference (2 when the log cannot be verified at all)."""
    broken = found.broken
    code = EXIT_ERROR if broken is not None and broken.unverifiable else 1
    if json:
        raise typer.Exit(code)
    problems = []
    if broken is not None:
        problems.append(f"audit log broken at event {broken.seq}: {broken.reason}")
    if found.mismatches:
        more = found.mismatch_count - 1
        problems.append(
            f"state differs from the audit log: {found.mismatches[0]}"
            + (f" (and {more} more)" if more else "")
        )
    fail("\n".join(problems), code=code, error_code="tampered")


@audit.command("head")
def head(as_: AsOpt = None, json: JsonOpt = False, database: DatabaseOpt = None) -> None:
    """Print the audit log's position and head hash as HASH@N: keep it outside the
    database and check the log against it later with `audit verify --expect HASH@N`."""
    with services_for(database) as services:
        found = audit_head(services, reading(services, as_))
    if json:
        emit_json(
            {
                "seq": found.seq,
                "hash": found.hash,
                "anchor": found.anchor,
                "key_id": found.key_id,
            }
        )
    else:
        console.print(found.anchor, highlight=False, soft_wrap=True)
