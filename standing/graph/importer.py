"""``standing import``: stream FollowTheMoney JSON lines into the store, all or nothing.

Lines are parsed in batches and written as they come, inside one transaction for all files;
references (an Ownership's owner and asset, a UserAccount's owner) are checked at the end, so
an edge may come before its parties. Any error rolls everything back and names the file, the
line and the field.

A line may be at most ``MAX_LINE`` bytes (1 MiB): a longer one is refused as soon as its first
MiB is read, never read whole. An id may come once per file (a repeated one names both lines;
a later file of the same import may update it). Files with no entity change nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from followthemoney import model
from followthemoney.exc import InvalidData
from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from standing.access.model import Permission, Principal, require
from standing.audit.tags import Action
from standing.decisions.service import issue_notices
from standing.errors import Invalid
from standing.graph.ftm import LineError, Skipped, decode, parse_entity, script_of
from standing.graph.model import Account, Ownership, Party
from standing.notify import outbox
from standing.ports import Services
from standing.store.changelog import append_change
from standing.store.screening_tables import ListVersionRow
from standing.store.tables import (
    AccountRow,
    OwnershipRow,
    PartyIdentifierRow,
    PartyNameRow,
    PartyRow,
)
from standing.store.upsert import upsert

BATCH = 5000
MAX_LINE = 2**20  # bytes in one line, its line ending not counted
Progress = Callable[[int], None]


@dataclass
class FileReport:
    file: str
    sha256: str = ""
    lines: int = 0
    parties: int = 0
    ownerships: int = 0
    accounts: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    renamed: list[str] = field(default_factory=list)  # new parties and parties whose names changed

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "sha256": self.sha256,
            "lines": self.lines,
            "parties": self.parties,
            "ownerships": self.ownerships,
            "accounts": self.accounts,
            "skipped": dict(sorted(self.skipped.items())),
        }


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import read, file by file, and the notices it issued (statements for
    accounts newly reached)."""

    files: tuple[FileReport, ...]
    notices: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """No party, ownership or account in any file: nothing was imported or recorded."""
        totals = self.totals()
        return not (totals["parties"] or totals["ownerships"] or totals["accounts"])

    @property
    def screen_ids(self) -> list[str]:
        """Parties that are new or whose names changed: they need screening."""
        return list(dict.fromkeys(i for f in self.files for i in f.renamed))

    def totals(self) -> dict[str, int]:
        return {
            "lines": sum(f.lines for f in self.files),
            "parties": sum(f.parties for f in self.files),
            "ownerships": sum(f.ownerships for f in self.files),
            "accounts": sum(f.accounts for f in self.files),
            "skipped": sum(sum(f.skipped.values()) for f in self.files),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "files": [f.to_json() for f in self.files],
            "totals": self.totals(),
            "notices": list(self.notices),
            "nothing_imported": self.empty,
        }


class _Batch:
    def __init__(
        self, session: Session, now: datetime, renamed: list[str] | None, errors: _Errors
    ) -> None:
        self.session, self.now, self.renamed, self.errors = session, now, renamed, errors
        self.parties: list[Party] = []
        self.where: list[str] = []  # "FILE:LINE" of each party
        self.ownerships: list[Ownership] = []
        self.accounts: list[Account] = []

    def __len__(self) -> int:
        return len(self.parties) + len(self.ownerships) + len(self.accounts)

    def _track_renames(self, latest: dict[str, Party]) -> None:
        assert self.renamed is not None
        before: dict[str, set[str]] = {}
        for party_id, value in self.session.execute(
            select(PartyNameRow.party_id, PartyNameRow.value).where(
                PartyNameRow.party_id.in_(list(latest))
            )
        ):
            before.setdefault(party_id, set()).add(value)
        self.renamed.extend(
            p.id for p in latest.values() if before.get(p.id) != {n.value for n in p.names}
        )

    def _check_schemata(self) -> None:
        """One id may come on several lines (a later line updates it), but not as a company
        on one line and a person on another within one import."""
        seen: dict[str, tuple[str, str]] = {}
        ids = list({p.id for p in self.parties})
        for start in range(0, len(ids), 1000):
            rows = self.session.execute(
                select(PartyRow.id, PartyRow.schema).where(
                    PartyRow.id.in_(ids[start : start + 1000]), PartyRow.updated_at == self.now
                )
            )
            seen.update((i, (schema, "an earlier line of this import")) for i, schema in rows)
        for party, where in zip(self.parties, self.where, strict=True):
            before = seen.get(party.id)
            if before is not None and before[0] != party.schema:
                try:
                    model.common_schema(before[0], party.schema)
                except InvalidData:
                    self.errors.add(
                        f"{where}: schema: {party.id!r} is a {party.schema} here but a "
                        f"{before[0]} on {before[1]}; one id is one party"
                    )
                    continue
            seen[party.id] = (party.schema, where)

    def flush(self) -> None:
        if self.errors:  # nothing will be committed: only keep reading for more errors
            self.parties, self.where, self.ownerships, self.accounts = [], [], [], []
            return
        session, now = self.session, self.now
        if self.parties:
            self._check_schemata()
            if self.errors:
                self.parties, self.where, self.ownerships, self.accounts = [], [], [], []
                return
            latest = {p.id: p for p in self.parties}  # a later line for the same id wins
            ids = list(latest)
            if self.renamed is not None:
                self._track_renames(latest)
            session.execute(delete(PartyNameRow).where(PartyNameRow.party_id.in_(ids)))
            session.execute(delete(PartyIdentifierRow).where(PartyIdentifierRow.party_id.in_(ids)))
            upsert(
                session,
                PartyRow.__table__,  # type: ignore[arg-type]
                [
                    {
                        "id": p.id,
                        "schema": p.schema,
                        "caption": p.caption,
                        "countries": list(p.countries),
                        "properties": {},
                        "updated_at": now,
                    }
                    for p in latest.values()
                ],
            )
            session.execute(
                insert(PartyNameRow),
                [
                    {
                        "party_id": p.id,
                        "kind": n.kind,
                        "value": n.value,
                        "lang": n.lang,
                        "script": script_of(n.value),
                    }
                    for p in latest.values()
                    for n in p.names
                ],
            )
            identifiers = [
                {"party_id": p.id, "scheme": i.scheme, "value": i.value}
                for p in latest.values()
                for i in p.identifiers
            ]
            if identifiers:
                session.execute(insert(PartyIdentifierRow), identifiers)
        if self.ownerships:
            upsert(
                session,
                OwnershipRow.__table__,  # type: ignore[arg-type]
                list(
                    {
                        o.id: {
                            "id": o.id,
                            "owner_id": o.owner,
                            "asset_id": o.asset,
                            "share": o.share,
                            "updated_at": now,
                        }
                        for o in self.ownerships
                    }.values()
                ),
            )
        if self.accounts:
            upsert(
                session,
                AccountRow.__table__,  # type: ignore[arg-type]
                list(
                    {
                        a.id: {
                            "id": a.id,
                            "owner_id": a.owner,
                            "service": a.service,
                            "username": a.username,
                            "created_at": a.created_at,
                            "updated_at": now,
                        }
                        for a in self.accounts
                    }.values()
                ),
            )
        self.parties, self.where, self.ownerships, self.accounts = [], [], [], []


class _Errors:
    """Problems found so far; reading goes on (writing stops) so that one run names many."""

    LIMIT = 20

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.more = 0

    def __bool__(self) -> bool:
        return bool(self.messages)

    def add(self, message: str) -> None:
        if len(self.messages) < self.LIMIT:
            self.messages.append(message)
        else:
            self.more += 1

    def raise_if_any(self) -> None:
        if not self.messages:
            return
        text = "\n".join(self.messages)
        if self.more:
            text += f"\n... and {self.more} more"
        if len(self.messages) > 1 or self.more:
            text = f"{len(self.messages) + self.more} problems; nothing was imported:\n" + text
        raise Invalid(text)


def _lines(path: Path, digest: Any, progress: Progress | None) -> Iterator[tuple[int, bytes]]:
    """Every line with its number, blank ones included (the caller skips them). A line over
    ``MAX_LINE`` bytes is refused when its first ``MAX_LINE + 1`` bytes are read."""
    with path.open("rb") as handle:
        number = 0
        while line := handle.readline(MAX_LINE + 1):
            number += 1
            if len(line) > MAX_LINE and not line.endswith(b"\n"):
                raise Invalid(
                    f"{path}:{number}: line: longer than {MAX_LINE:,} bytes (1 MiB), the most "
                    "one entity may take; nothing was imported"
                )
            digest.update(line)
            if progress is not None:
                progress(len(line))
            yield number, line


def _repeated_ids(path: Path, hashes: array[int], errors: _Errors) -> None:
    """A repeated id in one file is an error naming both lines. ``hashes`` holds the hash of
    each entity's id in line order (8 bytes an entity); only when two are equal is the file
    read again, to find the lines and to rule out a mere hash collision."""
    if len(hashes) < 2:
        return
    ordered = np.sort(np.frombuffer(hashes, dtype=np.int64))
    twice = ordered[1:][ordered[1:] == ordered[:-1]]
    if not twice.size:
        return
    wanted = set(twice.tolist())
    first: dict[str, int] = {}
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                parsed = parse_entity(decode(line))
            except LineError:
                continue
            if isinstance(parsed, Skipped) or hash(parsed.id) not in wanted:
                continue
            if parsed.id in first:
                errors.add(
                    f"{path}:{number}: id: {parsed.id!r} is repeated; line {first[parsed.id]} "
                    "gives it already (an id may come once per file)"
                )
            else:
                first[parsed.id] = number


def _read_file(
    path: Path,
    session: Session,
    now: datetime,
    progress: Progress | None,
    screening: bool,
    errors: _Errors,
    assets: dict[str, tuple[FileReport, str]],
) -> FileReport:
    report = FileReport(file=str(path))
    digest = hashlib.sha256()
    batch = _Batch(session, now, report.renamed if screening else None, errors)
    hashes: array[int] = array("q")  # of each entity's id, to find repeated ones
    for number, line in _lines(path, digest, progress):
        report.lines = number
        if not line.strip():
            continue
        try:
            parsed = parse_entity(decode(line))
        except LineError as exc:
            errors.add(f"{path}:{number}: {exc}")
            continue
        if isinstance(parsed, Skipped):
            report.skipped[parsed.schema] += 1
            schema = model.get(parsed.schema)
            if parsed.id is not None and schema is not None and schema.is_a("Asset"):
                assets[parsed.id] = (report, parsed.schema)  # a vessel, a plane...
            continue
        hashes.append(hash(parsed.id))
        if isinstance(parsed, Party):
            batch.parties.append(parsed)
            batch.where.append(f"{path}:{number}")
            report.parties += 1
        elif isinstance(parsed, Ownership):
            batch.ownerships.append(parsed)
            report.ownerships += 1
        else:
            batch.accounts.append(parsed)
            report.accounts += 1
        if len(batch) >= BATCH:
            batch.flush()
    batch.flush()
    _repeated_ids(path, hashes, errors)
    report.sha256 = digest.hexdigest()
    return report


def _leave_out_edges_to(session: Session, assets: dict[str, tuple[FileReport, str]]) -> None:
    """Ownership of things that are not parties (a Vessel, an Airplane: left out of the
    import) is left out too, counted beside the thing in its file's report."""
    ids = list(assets)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(OwnershipRow.id, OwnershipRow.asset_id).where(
                OwnershipRow.asset_id.in_(chunk), OwnershipRow.asset_id.not_in(select(PartyRow.id))
            )
        ).all()
        if not rows:
            continue
        session.execute(delete(OwnershipRow).where(OwnershipRow.id.in_([r[0] for r in rows])))
        for _, asset in rows:
            file_report, schema = assets[asset]
            file_report.skipped[f"Ownership (of a {schema})"] += 1


def _defer_references(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET CONSTRAINTS ALL DEFERRED"))
    else:
        session.execute(text("PRAGMA defer_foreign_keys = ON"))


def _missing_references(session: Session) -> list[tuple[str, str, str]]:
    """(entity id, field, missing id) for every edge or account whose party does not exist."""
    parties = select(PartyRow.id)
    found: list[tuple[str, str, str]] = []
    for column, field_name in ((OwnershipRow.owner_id, "owner"), (OwnershipRow.asset_id, "asset")):
        rows = session.execute(
            select(OwnershipRow.id, column).where(column.not_in(parties)).limit(20)
        )
        found += [(r[0], field_name, r[1]) for r in rows]
    rows = session.execute(
        select(AccountRow.id, AccountRow.owner_id)
        .where(AccountRow.owner_id.is_not(None), AccountRow.owner_id.not_in(parties))
        .limit(20)
    )
    found += [(r[0], "owner", r[1]) for r in rows if r[1] is not None]
    return found


def _locate(paths: Sequence[Path], entity_id: str, schemata: tuple[str, ...] | None) -> str:
    """Where ``entity_id`` was last given (as one of ``schemata``, if given) -- the line that
    was imported (only used to word an error)."""
    key = entity_id.encode()
    found = f"(entity {entity_id})"
    for path in paths:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                if key not in line and b"\\u" not in line:  # escapes may spell the id
                    continue
                try:
                    data = decode(line)
                except LineError:
                    continue
                if data.get("id") == entity_id and (
                    schemata is None or data.get("schema") in schemata
                ):
                    found = f"{path}:{number}"
    return found


def _shared_ids(session: Session) -> list[tuple[str, str]]:
    """Ids that name both a party and an account, with the account's owner."""
    rows = session.execute(
        select(AccountRow.id, AccountRow.owner_id)
        .where(AccountRow.id.in_(select(PartyRow.id)))
        .limit(20)
    )
    return [(r[0], r[1] or "") for r in rows]


def import_files(
    services: Services,
    paths: Sequence[Path],
    actor: Principal,
    progress: Progress | None = None,
) -> ImportReport:
    """Import FollowTheMoney JSON lines as ``actor``: every file or nothing."""
    require(actor, Permission.IMPORT_GRAPH)
    for path in paths:
        if path.is_dir():
            raise Invalid(f"{path}: is a directory; give the JSON-lines files to import")
        if not path.is_file():
            raise Invalid(f"{path}: no such file")
    now = services.clock.now()
    with services.write(actor) as work:
        session = work.session
        _defer_references(session)
        # new and renamed parties are screened after the import, when there are lists to screen
        # against; otherwise they are not even tracked
        screening = session.execute(select(ListVersionRow.id).limit(1)).first() is not None
        errors = _Errors()
        assets: dict[str, tuple[FileReport, str]] = {}  # left-out things that can be owned
        report = ImportReport(
            tuple(_read_file(p, session, now, progress, screening, errors, assets) for p in paths)
        )
        errors.raise_if_any()
        if report.empty:  # nothing to import: no event, no changelog entry
            return report
        _leave_out_edges_to(session, assets)
        shared = _shared_ids(session)
        if shared:
            entity_id = shared[0][0]
            more = f" (and {len(shared) - 1} more)" if len(shared) > 1 else ""
            where = _locate(paths, entity_id, ("UserAccount",))
            if where.startswith("(entity"):  # the account is older: the party line is new
                where = _locate(paths, entity_id, None)
            raise Invalid(
                f"{where}: id: {entity_id!r} names both a party and an account; an id is one "
                f"or the other{more}"
            )
        missing = _missing_references(session)
        if missing:
            entity_id, field_name, target = missing[0]
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            raise Invalid(
                f"{_locate(paths, entity_id, ('Ownership', 'UserAccount'))}: "
                f"properties.{field_name}: refers to {target!r}, "
                f"which is neither in the import nor in the database{more}"
            )
        append_change(session, "graph", None, now)
        work.record(now, Action.GRAPH_IMPORT, "graph", report.to_json())
        session.flush()
        # accounts the graph change brings under active decisions get their statement now
        report = dataclasses.replace(report, notices=tuple(issue_notices(services, work, now)))
        outbox.notices_issued(session, report.notices, now)
    return report
