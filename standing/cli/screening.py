"""``standing lists``, ``screen`` and ``hits``: restriction lists, screening, the review queue."""

from __future__ import annotations

import sys
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from rich.table import Table

from standing.access.model import Principal
from standing.bootstrap import Services
from standing.cli.acting import AsOpt, acting, reading
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.output import JsonOpt, console, emit_json, err_console, fail
from standing.cli.progress import count_bar, progress_enabled
from standing.errors import Invalid
from standing.screening.countries import query_country
from standing.screening.match import Query, explain_name
from standing.screening.model import ScreenHit, hit_view_json
from standing.screening.service import (
    ListImport,
    hits,
    import_list,
    list_versions,
    review_hit,
    screen_parties,
    screen_queries,
)
from standing.screening.sources._common import (
    csv_records,
    decode_text,
    invalid,
    read_source,
)

SCHEMATA = ("Person", "Company", "Organization", "LegalEntity", "Vessel", "Airplane")


class HitStatus(StrEnum):
    open = "open"
    confirmed = "confirmed"
    dismissed = "dismissed"
    superseded = "superseded"
    delisted = "delisted"
    all = "all"


def read_queries(path: Path) -> list[tuple[Query, dict[str, Any]]]:
    """A UTF-8 CSV with a header row: ``name`` (required), ``country``, ``schema``, ``id``;
    each row's query and the row as given (echoed in the output).

    Errors name the file and line, as ``standing lists import`` does: ``file:line: reason``.
    """
    data, filename = read_source(path, str(path))
    queries: list[tuple[Query, dict[str, Any]]] = []
    for line, cells in csv_records(decode_text(data, filename), filename, required=("name",)):
        name = cells.get("name", "")
        if not name:
            raise invalid(filename, line, "name: empty")
        schema = cells.get("schema") or None
        if schema is not None and schema not in SCHEMATA:
            raise invalid(filename, line, f"schema: {schema!r} is not one of {', '.join(SCHEMATA)}")
        given = cells.get("country") or None
        try:
            country = query_country(given) if given is not None else None
        except Invalid as exc:
            raise invalid(filename, line, exc.message) from None
        query_id = cells.get("id") or None
        queries.append(
            (
                Query.of(name, country=country, schema=schema, id=query_id),
                {"name": name, "country": given, "schema": schema, "id": query_id},
            )
        )
    return queries


def _print_hits(query: Query, found: list[ScreenHit]) -> None:
    table = Table(title=f"screening {query.names[0]!r}")
    for column in ("source", "entry", "listed name", "score", "match", "why"):
        table.add_column(column, overflow="fold")  # ids whole: they are what review takes
    for h in found:
        why = explain_name(h.features.get("name", {}))
        table.add_row(h.source, h.entry, h.name, f"{h.score:.2f}", "yes" if h.match else "", why)
    console.print(table if found else f"no hits for {query.names[0]!r}")


def _review(
    database: str | None,
    json: bool,
    hit: str,
    action: str,
    as_: str | None,
    rule: str | None,
    note: str | None,
) -> None:
    with services_for(database, write=True) as services:
        view = hit_view_json(review_hit(services, hit, action, acting(services, as_), rule, note))
    if json:
        emit_json(view)
    elif view["decision"]:
        console.print(f"confirmed {hit}: decision {view['decision']}")
    else:
        console.print(f"dismissed {hit}")


app = typer.Typer()

lists = typer.Typer(help="Restriction lists: sources and versions.", invoke_without_command=True)
app.add_typer(lists, name="lists")


@lists.callback()
def lists_overview(ctx: typer.Context, json: JsonOpt = False, database: DatabaseOpt = None) -> None:
    """Show the declared sources and their imported versions."""
    if ctx.invoked_subcommand is not None:
        return
    with services_for(database) as services:
        versions = list_versions(services)
        sources = [s.to_public() for s in services.policy.sources.values()]
    if json:
        emit_json({"sources": sources, "versions": [v.to_json() for v in versions]})
        return
    latest = {v.source: v for v in versions}
    table = Table("source", "title", "threshold", "version", "entries", "imported")
    for s in sources:
        v = latest.get(str(s["id"]))
        table.add_row(
            str(s["id"]),
            str(s["title"]),
            f"{s['threshold']:.2f}",
            str(v.version) if v else "-",
            str(v.entries) if v else "-",
            v.imported_at.isoformat()[:19] if v else "never",
        )
    console.print(table)


@lists.command("import")
def lists_import(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="The list file in its own format, then any companion file (OFAC ALT.CSV)."
        ),
    ],
    source: Annotated[str, typer.Option("--source", help="Source id (see `standing lists`).")],
    format: Annotated[
        str | None, typer.Option("--format", help="Parser; default: the source's.")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Store a new version even if the files equal the latest one's."
        ),
    ] = False,
    as_: AsOpt = None,
    allow_shrink: Annotated[
        bool,
        typer.Option(
            "--allow-shrink",
            help="Store the version even if it removes more than a fifth of the entries.",
        ),
    ] = False,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Import a new version of a restriction list; print what was added, removed, changed.
    The same files as the latest version store nothing (unless --force). A file in a
    format the source is not published in, or one that removes more than a fifth of the
    latest version's entries (unless --allow-shrink), is refused and nothing is stored."""
    with services_for(database, write=True) as services:
        actor = acting(services, as_)
        if progress_enabled(json):
            with count_bar("re-screening new and changed entries") as bar:
                task = bar.add_task("screen", total=None)
                progress = partial(bar.advance, task)
                result = import_list(
                    services,
                    source,
                    files,
                    format,
                    actor,
                    progress,
                    force=force,
                    allow_shrink=allow_shrink,
                )
        else:
            result = import_list(
                services, source, files, format, actor, force=force, allow_shrink=allow_shrink
            )
    if json:
        emit_json(result.to_json())
    elif result.unchanged:
        _print_unchanged(result)
    else:
        _print_list_version(result)


def _print_unchanged(result: ListImport) -> None:
    console.print(
        f"{result.source}: unchanged, the same file as version {result.number} "
        f"(sha256 {result.sha256[:12]}...); nothing stored"
        + (
            f"; {len(result.decisions)} automatic decisions left by an earlier run taken"
            if result.decisions
            else ""
        )
    )


def _print_list_version(result: ListImport) -> None:
    console.print(
        f"{result.source} version {result.number}: {result.entries} entries "
        f"([green]+{len(result.diff.added)}[/] [red]-{len(result.diff.removed)}[/] "
        f"[yellow]~{len(result.diff.changed)}[/]); {result.hits} new hits"
        + (f", {len(result.decisions)} automatic decisions" if result.decisions else "")
    )
    if result.closed:
        console.print(
            "  open hits closed: "
            + ", ".join(f"{n} {status}" for status, n in sorted(result.closed.items()))
        )
    for label, ids in (
        ("added", result.diff.added),
        ("removed", result.diff.removed),
        ("changed", result.diff.changed),
    ):
        if ids:
            shown = ", ".join(ids[:20]) + (f" ... (+{len(ids) - 20})" if len(ids) > 20 else "")
            console.print(f"  {label}: {shown}")
    for warning in result.warnings[:20]:
        err_console.print(f"[yellow]warning:[/] {warning}")


@app.command("screen")
def screen(
    name: Annotated[str | None, typer.Argument(help="A name to screen.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO country code.")] = None,
    schema: Annotated[
        str | None, typer.Option("--schema", help=f"One of {', '.join(SCHEMATA)}.")
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="CSV of names (header: name, country, schema, id)."),
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Re-screen every party; hits go to the review queue.")
    ] = False,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Screen one name, a CSV of names, or every party against the latest lists."""
    if [name is not None, file is not None, all_].count(True) != 1:
        fail("give exactly one of NAME, --file FILE or --all")
    if schema is not None and schema not in SCHEMATA:
        fail(f"--schema: {schema!r} is not one of {', '.join(SCHEMATA)}")
    code: str | None = None
    if country is not None:
        try:
            code = query_country(country, "--country")
        except Invalid as exc:
            fail(exc.message)
    with services_for(database, write=True) as services:
        if all_:
            _screen_all(services, acting(services, as_), json)
            return
        if file is not None:
            rows = read_queries(file)
        else:
            given = {"name": name, "country": country, "schema": schema, "id": None}
            rows = [(Query.of(name or "", country=code, schema=schema), given)]
        results = screen_queries(services, [query for query, _ in rows])
    if json and file is not None:
        for (_, given), found in zip(rows, results, strict=True):
            hits = [h.to_json() for h in found]
            sys.stdout.buffer.write(orjson.dumps({"query": given, "hits": hits}) + b"\n")
        return
    if json:
        emit_json({"query": rows[0][1], "hits": [h.to_json() for h in results[0]]})
        return
    for (query, _), found in zip(rows, results, strict=True):
        _print_hits(query, found)


def _screen_all(services: Services, actor: Principal, json: bool) -> None:
    """Re-screen every party; hits go to the review queue."""
    if progress_enabled(json):
        with count_bar("screening parties") as bar:
            task = bar.add_task("screen", total=None)
            count, new_hits, decided = screen_parties(
                services, actor, None, partial(bar.advance, task)
            )
    else:
        count, new_hits, decided = screen_parties(services, actor, None)
    if json:
        emit_json({"parties": count, "hits": new_hits, "decisions": decided})
    else:
        console.print(
            f"screened {count} parties: {new_hits} new hits, {len(decided)} automatic decisions"
        )


hits_app = typer.Typer(help="The review queue of screening hits.", invoke_without_command=True)
app.add_typer(hits_app, name="hits")


@hits_app.callback()
def hits_list(
    ctx: typer.Context,
    status: Annotated[
        HitStatus,
        typer.Option("--status", help="open, confirmed, dismissed, superseded, delisted or all."),
    ] = HitStatus.open,
    party: Annotated[str | None, typer.Option("--party")] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """List hits (open ones by default), best score first."""
    if ctx.invoked_subcommand is not None:
        return
    with services_for(database) as services:
        found = [
            hit_view_json(h)
            for h in hits(
                services,
                reading(services, as_),
                None if status is HitStatus.all else status.value,
                party,
            )
        ]
    if json:
        emit_json({"hits": found})
        return
    table = Table("party", "source", "entry", "listed name", "score", "status")
    table.add_column("hit", no_wrap=True, min_width=20)  # whole: it is what review takes
    for h in found:
        table.add_row(
            h["party_name"] or h["party"],
            h["source"],
            h["entry"],
            h["name"],
            f"{h['score']:.2f}",
            h["status"],
            h["id"],
        )
    console.print(table)


@hits_app.command("confirm")
def hits_confirm(
    hit: Annotated[str, typer.Argument(help="Hit id.")],
    rule: Annotated[
        str | None, typer.Option("--rule", help="Rule (when several cover the source).")
    ] = None,
    note: Annotated[str | None, typer.Option("--note")] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Confirm a hit: record a decision under the rule covering its source."""
    _review(database, json, hit, "confirm", as_, rule, note)


@hits_app.command("dismiss")
def hits_dismiss(
    hit: Annotated[str, typer.Argument(help="Hit id.")],
    note: Annotated[str, typer.Option("--note", help="Why it is not the listed party.")],
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Dismiss a hit; it stays dismissed until the list entry changes."""
    _review(database, json, hit, "dismiss", as_, None, note)
