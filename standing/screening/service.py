"""Use cases for restriction lists and screening.

``import_list`` parses a list file with its source's parser, stores the new version and its
entries atomically (nothing when the file is malformed), reports what was added, removed and
changed, and re-screens every party against the new and changed entries only. Screening a
party against the latest version of every source yields hits; those at or above the source's
threshold go to the review queue. Confirming a hit records a decision under a rule that covers
the source, with facts that cite the list, its version, the entry and the matched names.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import orjson
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from standing.access.model import Permission, Principal, require
from standing.audit.tags import Action
from standing.decisions.service import DecisionRequest, write_decision
from standing.decisions.transparency import Disclosure
from standing.desk.service import settle_claim
from standing.errors import Conflict, Invalid, NotFound
from standing.graph.model import Party
from standing.ids import new_id
from standing.policies.model import Rule, Source
from standing.ports import Services
from standing.screening import sources as parsers
from standing.screening.cache import ScreenerCache, cache_dir, cache_key
from standing.screening.match import MatchResult, PartyIndex, Query, Screener
from standing.screening.model import (
    HIT_ACTIONS,
    Entry,
    EntryIdentifier,
    HitAction,
    HitStatus,
    HitView,
    ListVersion,
    ScreenHit,
)
from standing.screening.versions import (
    ListDiff,
    diff,
    entry_digest,
    entry_from_json,
    entry_to_json,
    merge_duplicates,
)
from standing.store import repository as repo
from standing.store.screening_tables import HitRow, ListEntryRow, ListVersionRow
from standing.store.tables import PartyRow
from standing.store.unit import UnitOfWork

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class ListImport:
    """A list version imported (or found unchanged): what changed, the hits it opened and
    closed, and the automatic decisions it led to."""

    source: str
    number: int
    version_id: int
    file: str
    sha256: str
    format: str
    entries: int
    diff: ListDiff
    warnings: tuple[str, ...] = ()
    skipped: int = 0
    hits: int = 0
    decisions: tuple[str, ...] = ()
    unchanged: bool = False  # the same file as the latest version: nothing was stored
    closed: dict[str, int] = field(default_factory=dict)  # open hits closed, by new status

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "version": self.number,
            "unchanged": self.unchanged,
            "file": self.file,
            "sha256": self.sha256,
            "format": self.format,
            "entries": self.entries,
            "added": list(self.diff.added),
            "removed": list(self.diff.removed),
            "changed": list(self.diff.changed),
            "warnings": list(self.warnings),
            "skipped": self.skipped,
            "hits": self.hits,
            "hits_closed": self.closed,
            "decisions": list(self.decisions),
        }


class LoadedVersion:
    """The latest version of a source: its facts at once, its screener when first needed
    (importing a list re-screens parties without building the other lists' indexes)."""

    def __init__(
        self,
        source: Source,
        version_id: int,
        number: int,
        imported_at: datetime,
        file_name: str,
        sha256: str,
        digests: dict[str, str],
        build: Callable[[], Screener],
    ) -> None:
        self.source = source
        self.version_id = version_id
        self.number = number
        self.imported_at = imported_at
        self.file_name = file_name
        self.sha256 = sha256
        self.digests = digests
        self._build = build
        self._screener: Screener | None = None
        self._lock = threading.Lock()

    @property
    def screener(self) -> Screener:
        screener = self._screener
        if screener is None:
            with self._lock:
                if self._screener is None:
                    self._screener = self._build()
                    gc.freeze()  # a long-lived index: keep it out of the collector's scans
                screener = self._screener
        return screener


# --- parties as screening queries ----------------------------------------------------------


def party_query(party: Party) -> Query:
    return Query(
        names=tuple(n.value for n in party.names),
        schema=party.schema,
        countries=party.countries,
        identifiers=tuple(
            EntryIdentifier(i.scheme, i.value) for i in party.identifiers if i.scheme != "website"
        ),
        id=party.id,
    )


def _all_parties(session: Session) -> list[Party]:
    ids = list(session.execute(select(PartyRow.id).order_by(PartyRow.id)).scalars())
    parties = repo.parties_by_id(session, ids)
    return [parties[i] for i in ids if i in parties]


# --- list versions ---------------------------------------------------------------------------


def _latest_versions(session: Session) -> dict[str, ListVersionRow]:
    newest = (
        select(ListVersionRow.source, func.max(ListVersionRow.number).label("number"))
        .group_by(ListVersionRow.source)
        .subquery()
    )
    rows = session.execute(
        select(ListVersionRow).join(
            newest,
            (ListVersionRow.source == newest.c.source) & (ListVersionRow.number == newest.c.number),
        )
    ).scalars()
    return {r.source: r for r in rows}


def _entries_of(session: Session, version_id: int) -> list[tuple[Entry, str]]:
    rows = session.execute(
        select(ListEntryRow.data, ListEntryRow.digest)
        .where(ListEntryRow.version_id == version_id)
        .order_by(ListEntryRow.entry_id)
    )
    return [(entry_from_json(data), digest) for data, digest in rows]


def loaded_versions(services: Services) -> dict[str, LoadedVersion]:
    """The latest version of every source; each screener is built (or read back from the
    screening cache) once per version, when first screened against."""
    cache: dict[int, LoadedVersion] = services.cache.setdefault("screeners", {})
    out: dict[str, LoadedVersion] = {}
    with services.read() as session:
        for source_id, row in _latest_versions(session).items():
            source = services.policy.sources.get(source_id)
            if source is None:
                continue
            loaded = cache.get(row.id)
            if loaded is None:
                digests = dict(
                    session.execute(
                        select(ListEntryRow.entry_id, ListEntryRow.digest).where(
                            ListEntryRow.version_id == row.id
                        )
                    ).all()
                )
                loaded = LoadedVersion(
                    source=source,
                    version_id=row.id,
                    number=row.number,
                    imported_at=row.imported_at,
                    file_name=row.file_name,
                    sha256=row.sha256,
                    digests=digests,
                    build=partial(_build_screener, services, row.id, source.threshold, digests),
                )
                cache[row.id] = loaded
            out[source_id] = loaded
    return out


def _build_screener(
    services: Services, version_id: int, threshold: float, digests: dict[str, str]
) -> Screener:
    directory = cache_dir(services.settings.screening_cache, services.settings.database_url)
    disk = ScreenerCache(directory) if directory is not None else None
    key = cache_key(threshold, digests)
    if disk is not None:
        screener = disk.load(key)
        if screener is not None:
            return screener
    with services.read() as session:
        entries = [e for e, _ in _entries_of(session, version_id)]
    screener = Screener(entries, threshold=threshold)
    if disk is not None:
        disk.store(key, screener)
    return screener


#: A new version may remove at most this share of the latest version's entries unless the
#: import is told that the list has shrunk (``allow_shrink``).
SHRINK_LIMIT = 0.2


def _format_for(source: Source, path: Path, fmt: str | None) -> str:
    """The format to read ``path`` in: the one given, else the one its content shows, else the
    source's. A file whose format is not one the source is published in is refused, so that a
    file of another list never replaces this one's entries."""
    given = fmt is not None
    if fmt is None:
        with path.open("rb") as handle:
            fmt = parsers.detect_format(path, handle.read(parsers.HEAD_BYTES)) or source.format
    if fmt not in parsers.FORMATS:
        known = ", ".join(sorted(parsers.FORMATS))
        raise Invalid(f"--format: unknown format {fmt!r}; known: {known}")
    if fmt not in source.formats:
        accepted = ", ".join(source.formats)
        how = f"--format {fmt}" if given else f"{path.name}: the file reads as {fmt}"
        raise Invalid(
            f"{how}, which is not a format of source {source.id!r} (it accepts: {accepted}); "
            "is this the right file for this source?"
        )
    return fmt


@dataclass(frozen=True)
class ListFiles:
    """The files of one import: the list file first, then its companions; the format they
    are read in and the SHA-256 of their bytes together."""

    paths: list[Path]
    format: str
    sha256: str

    @property
    def main(self) -> Path:
        return self.paths[0]

    @property
    def name(self) -> str:
        return " + ".join(p.name for p in self.paths)


@dataclass(frozen=True)
class ParsedList:
    """A list file's entries (duplicates merged, NUL characters removed) and their digests."""

    entries: list[Entry]
    digests: dict[str, str]
    warnings: list[str]
    skipped: int


@dataclass(frozen=True)
class VersionChanges:
    """What a parsed list changes against the source's latest version (none: the first)."""

    latest: ListVersionRow | None
    previous: dict[str, str]
    diff: ListDiff

    @property
    def number(self) -> int:
        return self.latest.number + 1 if self.latest is not None else 1


def import_list(
    services: Services,
    source_id: str,
    paths: Sequence[Path],
    fmt: str | None,
    actor: Principal,
    progress: Progress | None = None,
    force: bool = False,
    allow_shrink: bool = False,
) -> ListImport:
    """Import a new version of ``source_id`` from ``paths`` (the list file, then any companion
    files its format reads, such as OFAC's ALT.CSV). The same files as the latest version
    store nothing (``unchanged``), unless ``force``.

    The steps: the files are located and parsed, the entries diffed against the latest
    version, then the version stored and its new and changed entries screened. The version,
    its entries, the hits it closes and the hits it opens commit in one transaction: a run
    stopped at any point leaves either nothing or the whole version. The automatic decisions
    on hits matched by identifier follow; a run that stops among them leaves open hits that
    the next import of the source (even of the same files) decides.
    A version that removes more than `SHRINK_LIMIT` of the latest version's entries is
    refused unless ``allow_shrink``."""
    require(actor, Permission.IMPORT_LIST)
    source = services.policy.source(source_id)
    files = _list_files(source, paths, fmt)
    with services.read() as session:
        latest = _latest_versions(session).get(source_id)
    if latest is not None and not force and _same_files(latest, files):
        return _unchanged_import(services, latest, files, actor)
    parsed = _parse_list(source_id, files)
    now = services.clock.now()
    with services.write(actor) as work:
        changes = _diff_list(work.session, source_id, files, parsed, allow_shrink)
        version, closed = _store_version(work, now, source_id, files, parsed, changes)
        new = NewVersion(source, version.id, version.number, parsed.digests)
        created = _screen_version(work, now, new, parsed, changes.diff, progress)
        result = ListImport(
            source=source_id,
            number=version.number,
            version_id=version.id,
            file=files.name,
            sha256=files.sha256,
            format=files.format,
            entries=len(parsed.entries),
            diff=changes.diff,
            warnings=tuple(parsed.warnings),
            skipped=parsed.skipped,
            hits=len(created),
            closed=closed,
        )
    decisions = tuple(_pending_decisions(services, source_id, actor))
    _keep_index(services, source_id)
    return dataclasses.replace(result, decisions=decisions)


def _list_files(source: Source, paths: Sequence[Path], fmt: str | None) -> ListFiles:
    """The files to import, checked to exist, with OFAC's companion files found beside the
    list file when only it is given, the format to read them in and their digest."""
    if not paths:
        raise Invalid("give the list file to import")
    for p in paths:
        if not p.is_file():
            raise Invalid(f"{p}: no such file")
    path = paths[0]
    fmt = _format_for(source, path, fmt)
    if len(paths) == 1 and parsers.FORMATS[fmt].companions:
        # OFAC's SDN.CSV alone: its ALT.CSV beside it holds the strong aliases
        paths = [path, *parsers.ofac_companions(path)]
    digest = hashlib.sha256()
    for p in paths:
        digest.update(p.read_bytes())
    return ListFiles(paths=list(paths), format=fmt, sha256=digest.hexdigest())


def _same_files(latest: ListVersionRow, files: ListFiles) -> bool:
    return latest.sha256 == files.sha256 and latest.format == files.format


def _unchanged_import(
    services: Services, latest: ListVersionRow, files: ListFiles, actor: Principal
) -> ListImport:
    """The list has not changed since its latest version: no new version, no event; what an
    earlier run left undecided is decided now."""
    return ListImport(
        source=latest.source,
        number=latest.number,
        version_id=latest.id,
        file=latest.file_name,
        sha256=latest.sha256,
        format=files.format,
        entries=latest.entries,
        diff=diff({}, {}),
        unchanged=True,
        decisions=tuple(_pending_decisions(services, latest.source, actor)),
    )


def _parse_list(source_id: str, files: ListFiles) -> ParsedList:
    """Parse step: the entries of the files, duplicates merged and NUL characters removed;
    a file with no entries is refused."""
    path = files.main
    parsed = parsers.parse(path, files.format, source=source_id, companions=files.paths[1:])
    entries, warnings = merge_duplicates(parsed.entries)
    warnings = list(parsed.warnings) + warnings
    entries = _without_nul(entries, path, warnings)
    if not entries:
        raise Invalid(
            f"{path}: no entries found for format {files.format}; is this the right file?"
        )
    return ParsedList(
        entries=entries,
        digests={e.entry_id: entry_digest(e) for e in entries},
        warnings=warnings,
        skipped=len(parsed.skipped),
    )


def _diff_list(
    session: Session, source_id: str, files: ListFiles, parsed: ParsedList, allow_shrink: bool
) -> VersionChanges:
    """Diff step, in the storing transaction: the entries added, removed and changed since
    the latest version; a version that removes too many entries is refused."""
    latest = _latest_versions(session).get(source_id)
    previous: dict[str, str] = {}
    if latest is not None:
        previous = dict(
            session.execute(
                select(ListEntryRow.entry_id, ListEntryRow.digest).where(
                    ListEntryRow.version_id == latest.id
                )
            ).all()
        )
    changes = diff(previous, parsed.digests)
    if (
        latest is not None
        and not allow_shrink
        and len(changes.removed) > SHRINK_LIMIT * len(previous)
    ):
        raise Invalid(
            f"{files.main.name}: {source_id} would shrink from {len(previous)} to "
            f"{len(parsed.entries)} entries ({len(changes.removed)} removed, "
            f"{len(changes.added)} added, more than {SHRINK_LIMIT:.0%} of version "
            f"{latest.number} removed); if the list really shrank, import it again with "
            "--allow-shrink. Nothing was stored."
        )
    return VersionChanges(latest=latest, previous=previous, diff=changes)


def _store_version(
    work: UnitOfWork,
    now: datetime,
    source_id: str,
    files: ListFiles,
    parsed: ParsedList,
    changes: VersionChanges,
) -> tuple[ListVersionRow, dict[str, int]]:
    """Store step: close the open hits on removed and changed entries, store the version and
    its entries, and record the import as the unit's actor; returns the version and the hits
    closed by status."""
    session = work.session
    closed = _close_hits(session, source_id, changes.diff)
    version = ListVersionRow(
        source=source_id,
        number=changes.number,
        format=files.format,
        file_name=files.name,
        sha256=files.sha256,
        entries=len(parsed.entries),
        added=len(changes.diff.added),
        removed=len(changes.diff.removed),
        changed=len(changes.diff.changed),
        imported_at=now,
        actor=work.actor.id,
    )
    session.add(version)
    session.flush()
    _insert_entries(session, version.id, parsed)
    work.record(
        now,
        Action.LIST_IMPORT,
        f"{source_id}#{version.number}",
        {
            "source": source_id,
            "version": version.number,
            "file": files.name,
            "sha256": files.sha256,
            "format": files.format,
            "entries": len(parsed.entries),
            "added": len(changes.diff.added),
            "removed": len(changes.diff.removed),
            "changed": len(changes.diff.changed),
            "hits_closed": closed,
        },
    )
    return version, closed


def _insert_entries(
    session: Session, version_id: int, parsed: ParsedList, batch: int = 2000
) -> None:
    entries = parsed.entries
    for start in range(0, len(entries), batch):
        session.execute(
            insert(ListEntryRow),
            [
                {
                    "version_id": version_id,
                    "entry_id": e.entry_id,
                    "kind": e.kind,
                    "caption": e.caption[:1000],
                    "data": entry_to_json(e),
                    "digest": parsed.digests[e.entry_id],
                }
                for e in entries[start : start + batch]
            ],
        )


def _screen_version(
    work: UnitOfWork,
    now: datetime,
    version: NewVersion,
    parsed: ParsedList,
    changes: ListDiff,
    progress: Progress | None,
) -> list[str]:
    """Screen step, in the storing transaction: every party against the version's new and
    changed entries; returns the ids of the hits opened."""
    touched = set(changes.added) | set(changes.changed)
    fresh = [e for e in parsed.entries if e.entry_id in touched]
    if not fresh:
        return []
    return _rescreen_entries(work, now, version, fresh, progress)


def _keep_index(services: Services, source_id: str) -> None:
    """With a screening cache, build the new version's index now and keep it, so that the
    first screening after an import reads it back rather than building it."""
    if cache_dir(services.settings.screening_cache, services.settings.database_url) is not None:
        loaded_versions(services)[source_id].screener  # noqa: B018


#: What an open hit becomes when a new list version no longer supports it as it stands.
DELISTED = HitStatus.delisted.value  # the entry is no longer on the list
SUPERSEDED = HitStatus.superseded.value  # the entry changed; it is screened again as it now reads


def _close_hits(session: Session, source_id: str, changes: ListDiff) -> dict[str, int]:
    """Close the open hits on entries a new version removed or changed, in its transaction;
    a changed entry that still matches gets a new hit when it is re-screened."""
    closed: dict[str, int] = {}
    for status, ids in ((DELISTED, changes.removed), (SUPERSEDED, changes.changed)):
        count = 0
        for start in range(0, len(ids), 500):
            result = session.execute(
                update(HitRow)
                .where(
                    HitRow.source == source_id,
                    HitRow.status == HitStatus.open,
                    HitRow.entry_id.in_(ids[start : start + 500]),
                )
                .values(status=status)
            )
            count += result.rowcount  # type: ignore[attr-defined]
        if count:
            closed[status] = count
    return closed


def _without_nul(entries: list[Entry], path: Path, warnings: list[str]) -> list[Entry]:
    """NUL characters removed from an entry's text (no name holds one, and no database
    column can), with a warning naming the entry."""
    out: list[Entry] = []
    for entry in entries:
        body = entry_to_json(entry)
        if b"\\u0000" in orjson.dumps(body):
            entry = entry_from_json(_strip_nul(body))
            warnings.append(f"{path.name}: entry {entry.entry_id}: NUL characters removed")
        out.append(entry)
    return out


def _strip_nul(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {_strip_nul(k): _strip_nul(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_strip_nul(v) for v in value]
    return value


def list_versions(services: Services) -> list[ListVersion]:
    """Every imported version, by source and number."""
    with services.read() as session:
        rows = session.execute(
            select(ListVersionRow).order_by(ListVersionRow.source, ListVersionRow.number)
        ).scalars()
        versions = [
            ListVersion(
                source=r.source,
                version=r.number,
                file=r.file_name,
                sha256=r.sha256,
                format=r.format,
                entries=r.entries,
                added=r.added,
                removed=r.removed,
                changed=r.changed,
                imported_at=r.imported_at,
                actor=r.actor,
            )
            for r in rows
        ]
    return versions


# --- screening -------------------------------------------------------------------------------


def _screen_hit(result: MatchResult, loaded: LoadedVersion) -> ScreenHit:
    """A hit as the contract gives it; what the list says of the entry (kind, programmes)
    and the list version are in the features' ``listing``."""
    listing = {
        "kind": result.entry.kind,
        "programs": list(result.entry.programs),
        "version": loaded.number,
    }
    return ScreenHit(
        source=loaded.source.id,
        entry=result.entry.entry_id,
        name=result.matched_name,
        score=result.score,
        match=result.score >= loaded.source.threshold,
        features={**result.features, "listing": listing},
    )


def screen_queries(
    services: Services, queries: Sequence[Query], limit: int = 10
) -> list[list[ScreenHit]]:
    """Screen names against the latest version of every source; best hits first."""
    versions = loaded_versions(services)
    out: list[list[ScreenHit]] = []
    for query in queries:
        if not any(n.strip() for n in query.names):
            raise Invalid("name: empty")
        hits: list[ScreenHit] = []
        for loaded in versions.values():
            for result in loaded.screener.screen(query, limit=limit):
                hits.append(_screen_hit(result, loaded))
        hits.sort(key=lambda h: -h.score)
        out.append(hits[:limit])
    return out


def _by_identifier(result: MatchResult) -> bool:
    identifier = result.features.get("identifier")
    return isinstance(identifier, dict) and bool(identifier.get("equal"))


class VersionRef(Protocol):
    """What storing a hit needs of a list version: stored (`LoadedVersion`) or being stored
    (`NewVersion`)."""

    @property
    def source(self) -> Source: ...
    @property
    def version_id(self) -> int: ...
    @property
    def number(self) -> int: ...
    @property
    def digests(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class NewVersion:
    """A list version inside the transaction that stores it."""

    source: Source
    version_id: int
    number: int
    digests: dict[str, str]


def _store_hits(
    services: Services,
    found: Sequence[tuple[str, MatchResult, VersionRef]],
    actor: Principal,
) -> list[str]:
    """Record new matches in the review queue, in a transaction of their own."""
    if not found:
        return []
    with services.write(actor) as work:
        return _store_hits_in(work, services.clock.now(), found)


def _store_hits_in(
    work: UnitOfWork, now: datetime, found: Sequence[tuple[str, MatchResult, VersionRef]]
) -> list[str]:
    """Record new matches in the review queue in ``work``, opened by its actor; returns the
    ids of new hits. A hit already known for the same party, entry and entry content (open,
    dismissed or confirmed) is not repeated."""
    session = work.session
    created: list[str] = []
    opened: list[dict[str, Any]] = []
    for party_id, result, loaded in found:
        digest = loaded.digests.get(result.entry.entry_id, "")
        existing = session.execute(
            select(HitRow.id, HitRow.entry_digest, HitRow.status).where(
                HitRow.party_id == party_id,
                HitRow.source == loaded.source.id,
                HitRow.entry_id == result.entry.entry_id,
            )
        ).all()
        if any(d == digest for _, d, _ in existing):
            continue
        if _decided(session, party_id, loaded.source.id, result.entry.entry_id, now):
            continue
        stale = [i for i, d, s in existing if s == HitStatus.open and d != digest]
        if stale:
            session.execute(
                update(HitRow).where(HitRow.id.in_(stale)).values(status=HitStatus.superseded)
            )
        hit_id = new_id("hit")
        session.add(
            HitRow(
                id=hit_id,
                party_id=party_id,
                source=loaded.source.id,
                entry_id=result.entry.entry_id,
                version_id=loaded.version_id,
                entry_digest=digest,
                score=result.score,
                matched_name=result.matched_name[:1000],
                features=result.features,
                by_identifier=_by_identifier(result),
                status=HitStatus.open,
                created_at=now,
            )
        )
        created.append(hit_id)
        opened.append(
            {
                "hit": hit_id,
                "party": party_id,
                "source": loaded.source.id,
                "version": loaded.number,
                "entry": result.entry.entry_id,
                "score": round(result.score, 4),
            }
        )
    if opened:
        subject = opened[0]["hit"] if len(opened) == 1 else f"{len(opened)} hits"
        work.record(now, Action.HIT_OPEN, subject, {"hits": opened})

    return created


def _decided(session: Session, party_id: str, source: str, entry_id: str, now: datetime) -> bool:
    """Whether a confirmed hit on this entry already stands as a decision in force (a changed
    entry is not put to review again while the party is restricted for it)."""
    decision_ids = session.scalars(
        select(HitRow.decision_id).where(
            HitRow.party_id == party_id,
            HitRow.source == source,
            HitRow.entry_id == entry_id,
            HitRow.status == HitStatus.confirmed,
            HitRow.decision_id.is_not(None),
        )
    ).all()
    for decision_id in decision_ids:
        decision = repo.get_decision(session, decision_id) if decision_id else None
        if decision is not None and decision.active_at(now):
            return True
    return False


def _automatic_decisions(services: Services, hit_ids: Sequence[str], actor: Principal) -> list[str]:
    """Hits matched by identifier under a source whose single covering rule allows automated
    decisions become decisions without review, by the principal whose screening found them
    (marked fully automated; each in its own transaction; a hit decided or gone stale
    meanwhile is left as it is)."""
    decided: list[str] = []
    with services.read() as session:
        rows = session.execute(
            select(HitRow.id, HitRow.source).where(
                HitRow.id.in_(list(hit_ids)),
                HitRow.by_identifier.is_(True),
                HitRow.status == HitStatus.open,
            )
        ).all()
    for hit_id, source_id in rows:
        rules = services.policy.rules_covering(source_id)
        if len(rules) == 1 and rules[0].automated_decision:
            try:
                result = review_hit(
                    services, hit_id, HitAction.confirm, actor, rule_id=rules[0].id, automated=True
                )
            except Conflict:
                continue
            if result.decision:
                decided.append(result.decision)
    return decided


def _pending_decisions(services: Services, source_id: str, actor: Principal) -> list[str]:
    """The automatic decisions a stopped run of an import or screening left to take: every
    open hit of the source matched by identifier is decided as it would have been."""
    with services.read() as session:
        pending = list(
            session.scalars(
                select(HitRow.id)
                .where(
                    HitRow.source == source_id,
                    HitRow.status == HitStatus.open,
                    HitRow.by_identifier.is_(True),
                )
                .order_by(HitRow.id)
            )
        )
    return _automatic_decisions(services, pending, actor) if pending else []


def _rescreen_entries(
    work: UnitOfWork,
    now: datetime,
    version: NewVersion,
    entries: Sequence[Entry],
    progress: Progress | None,
) -> list[str]:
    """Screen every party against the new and changed entries of a version being stored and
    open the hits in its unit of work, as its actor; returns the new hits' ids."""
    parties = _all_parties(work.session)
    if not parties:
        return []
    index = PartyIndex([party_query(p) for p in parties], threshold=version.source.threshold)
    found: list[tuple[str, MatchResult, VersionRef]] = []
    for entry in entries:
        for query, result in index.screen_entry(entry):
            assert query.id is not None
            found.append((query.id, result, version))
        if progress is not None:
            progress(1)
    return _store_hits_in(work, now, found)


def screen_parties(
    services: Services,
    actor: Principal,
    party_ids: Sequence[str] | None = None,
    progress: Progress | None = None,
) -> tuple[int, int, list[str]]:
    """Screen parties (all when ``party_ids`` is None) against every source's latest version,
    as ``actor``; new hits go to the review queue.
    Returns (parties screened, new hits, automatic decisions). New parties are screened as
    part of the graph import that brought them, by its importer."""
    if not actor.may(Permission.IMPORT_GRAPH):
        require(actor, Permission.SCREEN)
    versions = loaded_versions(services)
    with services.read() as session:
        if party_ids is None:
            parties = _all_parties(session)
        else:
            found_parties = repo.parties_by_id(session, party_ids)
            parties = [found_parties[i] for i in party_ids if i in found_parties]
    found: list[tuple[str, MatchResult, VersionRef]] = []
    for party in parties:
        query = party_query(party)
        for loaded in versions.values():
            for result in loaded.screener.screen(query):
                if result.score >= loaded.source.threshold:
                    found.append((party.id, result, loaded))
        if progress is not None:
            progress(1)
    created = _store_hits(services, found, actor)
    return len(parties), len(created), _automatic_decisions(services, created, actor)


# --- the review queue ------------------------------------------------------------------------


def _hit_view(row: HitRow, caption: str | None) -> HitView:
    return HitView(
        id=row.id,
        party=row.party_id,
        party_name=caption,
        source=row.source,
        entry=row.entry_id,
        name=row.matched_name,
        score=row.score,
        by_identifier=row.by_identifier,
        features=row.features,
        status=row.status,
        created_at=row.created_at,
        reviewed_by=row.reviewed_by,
        reviewed_at=row.reviewed_at,
        note=row.review_note,
        decision=row.decision_id,
    )


def hits(
    services: Services,
    viewer: Principal,
    status: str | None = HitStatus.open,
    party: str | None = None,
) -> list[HitView]:
    """The review queue, best score first; a contact's own parties' hits only."""
    require(viewer, Permission.READ)
    with services.read() as session:
        query = select(HitRow, PartyRow.caption).join(PartyRow, PartyRow.id == HitRow.party_id)
        if viewer.is_contact:
            query = query.where(HitRow.party_id.in_(sorted(viewer.parties)))
        if status:
            query = query.where(HitRow.status == status)
        if party:
            query = query.where(HitRow.party_id == party)
        rows = session.execute(query.order_by(HitRow.score.desc(), HitRow.id)).all()
        return [_hit_view(row, caption) for row, caption in rows]


def _covering_rule(services: Services, source_id: str, rule_id: str | None) -> Rule:
    rules = services.policy.rules_covering(source_id)
    if rule_id is not None:
        rule = services.policy.rule(rule_id)
        if rule not in rules:
            names = ", ".join(r.id for r in rules) or "none"
            raise Invalid(
                f"rule {rule_id!r} does not cover source {source_id!r} (rules that do: {names})"
            )
        return rule
    if len(rules) != 1:
        names = ", ".join(r.id for r in rules) or "none"
        raise Invalid(
            f"source {source_id!r} is covered by several rules or none ({names}); "
            "name one with --rule"
        )
    return rules[0]


def hit_facts(
    party: Party, hit: HitRow, entry: Entry, version: ListVersionRow, source: Source
) -> str:
    names = "; ".join(n.value for n in entry.names[:4])
    programs = ", ".join(entry.programs) or "not stated"
    listed = f", listed on {entry.listed_on}" if entry.listed_on else ""
    feature = hit.features.get("name", {}) if isinstance(hit.features, dict) else {}
    method = (
        feature.get("method", "name comparison") if isinstance(feature, dict) else "name comparison"
    )
    how = "an equal identifier" if hit.by_identifier else f"{method} (score {hit.score:.2f})"
    return (
        f"{party.caption} ({party.id}) matches entry {entry.entry_id} of the {source.title} "
        f"published by the {source.authority}, version {version.number} imported "
        f"{version.imported_at.date().isoformat()} from {version.file_name} (sha256 "
        f"{version.sha256[:16]}), by {how}: the listed name {hit.matched_name!r} (entry names: "
        f"{names}); programmes: {programs}{listed}."
    )


def review_hit(
    services: Services,
    hit_id: str,
    action: str,
    actor: Principal,
    rule_id: str | None = None,
    note: str | None = None,
    automated: bool = False,
) -> HitView:
    """Confirm (record a decision) or dismiss an open hit, as ``actor``. ``automated``: the
    confirmation is the system's own, for a hit matched by identifier."""
    require(actor, Permission.REVIEW_HIT if not automated else Permission.SCREEN)
    if action not in HIT_ACTIONS:
        raise Invalid(f"action: {action!r} is not {' or '.join(HIT_ACTIONS)}")
    with services.read() as session:
        hit = session.get(HitRow, hit_id)
        if hit is None:
            raise NotFound(f"unknown hit {hit_id!r}")
        if hit.status != HitStatus.open:
            raise Conflict(f"hit {hit_id} is already {hit.status}")
        version = session.get(ListVersionRow, hit.version_id)
        entry_row = session.get(ListEntryRow, (hit.version_id, hit.entry_id))
        party = repo.get_party(session, hit.party_id)
        latest = _latest_versions(session).get(hit.source)
        current = (
            session.get(ListEntryRow, (latest.id, hit.entry_id)) if latest is not None else None
        )
    assert version is not None and entry_row is not None and party is not None
    if action == HitAction.confirm and (current is None or current.digest != hit.entry_digest):
        assert latest is not None
        state = "no longer lists" if current is None else "has changed"
        raise Conflict(
            f"hit {hit_id}: {hit.source} version {latest.number} {state} entry "
            f"{hit.entry_id} as it was matched; screen the party again"
        )
    now = services.clock.now()
    if action == HitAction.dismiss and not (note or "").strip():
        raise Invalid("note: say why the hit is dismissed (e.g. a different date of birth)")
    with services.write(actor) as work:
        row = work.session.get(HitRow, hit_id)
        assert row is not None
        if row.status != HitStatus.open:
            raise Conflict(f"hit {hit_id} is already {row.status}")
        settle_claim(work, hit_id, now)  # the desk's claim ends with the review
        decision_id: str | None = None
        if action == HitAction.confirm:
            source = services.policy.source(hit.source)
            rule = _covering_rule(services, hit.source, rule_id)
            entry = entry_from_json(entry_row.data)
            automatic = automated and hit.by_identifier and rule.automated_decision
            recorded = write_decision(
                services,
                work,
                DecisionRequest(
                    subject=party.id,
                    rule=rule.id,
                    facts=hit_facts(party, hit, entry, version, source),
                    evidence=(
                        f"{source.title} ({source.authority}) {source.url}".strip(),
                        f"list version {source.id}#{version.number}, file {version.file_name}, "
                        f"sha256 {version.sha256}",
                        f"entry {entry.entry_id}: {entry.caption}",
                        f"screening hit {hit.id}, score {hit.score:.2f}",
                    ),
                    automated_detection=True,
                    automated_decision=automatic,
                    disclosure=Disclosure(origin="screening", source_identity=source.authority),
                    screening_source=source.id,
                ),
            )
            decision_id = recorded.decision.id
        row.status = HitStatus.confirmed if action == HitAction.confirm else HitStatus.dismissed
        row.reviewed_by, row.reviewed_at, row.review_note = actor.id, now, note
        row.decision_id = decision_id
        work.record(
            now,
            Action.HIT_REVIEW,
            hit_id,
            {"hit": hit_id, "action": action, "note": note, "decision": decision_id},
        )
        view = _hit_view(row, party.caption)
    return view
