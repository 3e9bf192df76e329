"""``standing import``: stream FollowTheMoney JSON lines into the store, all or nothing.

Lines are parsed in batches and written as they come, inside one transaction for all files;
references (an Ownership's owner and asset, a UserAccount's owner) are checked at the end, so
an edge may come before its parties. Any error rolls everything back and names the file, the
line and the field.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from standing.audit.log import append
from standing.audit.tags import Action
from standing.bootstrap import Services
from standing.errors import Invalid
from standing.graph.ftm import LineError, Skipped, decode, parse_entity, script_of
from standing.graph.model import Account, Ownership, Party
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


@dataclass
class ImportReport:
    files: list[FileReport]

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
        return {"files": [f.to_json() for f in self.files], "totals": self.totals()}


class _Batch:
    def __init__(self, session: Session, now: datetime, renamed: list[str] | None) -> None:
        self.session, self.now, self.renamed = session, now, renamed
        self.parties: list[Party] = []
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

    def flush(self) -> None:
        session, now = self.session, self.now
        if self.parties:
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
                            "updated_at": now,
                        }
                        for a in self.accounts
                    }.values()
                ),
            )
        self.parties, self.ownerships, self.accounts = [], [], []


def _lines(path: Path, digest: Any, progress: Progress | None) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            digest.update(line)
            if progress is not None:
                progress(len(line))
            if line.strip():
                yield number, line


def _read_file(
    path: Path, session: Session, now: datetime, progress: Progress | None, screening: bool
) -> FileReport:
    report = FileReport(file=str(path))
    digest = hashlib.sha256()
    batch = _Batch(session, now, report.renamed if screening else None)
    for number, line in _lines(path, digest, progress):
        report.lines = number
        try:
            parsed = parse_entity(decode(line))
        except LineError as exc:
            raise Invalid(f"{path}:{number}: {exc}") from None
        if isinstance(parsed, Skipped):
            report.skipped[parsed.schema] += 1
        elif isinstance(parsed, Party):
            batch.parties.append(parsed)
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
    report.sha256 = digest.hexdigest()
    return report


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


def _locate(paths: Sequence[Path], entity_id: str) -> str:
    """Where ``entity_id`` was defined (only used to word an error)."""
    needle = f'"id": "{entity_id}"'.encode()
    compact = f'"id":"{entity_id}"'.encode()
    for path in paths:
        with path.open("rb") as handle:
            for number, line in enumerate(handle, start=1):
                if needle in line or compact in line:
                    return f"{path}:{number}"
    return f"(entity {entity_id})"


def import_files(
    services: Services,
    paths: Sequence[Path],
    actor: str,
    progress: Progress | None = None,
) -> ImportReport:
    for path in paths:
        if not path.is_file():
            raise Invalid(f"{path}: no such file")
    now = services.clock.now()
    with services.write() as session:
        _defer_references(session)
        # new and renamed parties are screened after the import, when there are lists to screen
        # against; otherwise they are not even tracked
        screening = session.execute(select(ListVersionRow.id).limit(1)).first() is not None
        report = ImportReport([_read_file(p, session, now, progress, screening) for p in paths])
        missing = _missing_references(session)
        if missing:
            entity_id, field_name, target = missing[0]
            more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
            raise Invalid(
                f"{_locate(paths, entity_id)}: properties.{field_name}: refers to {target!r}, "
                f"which is neither in the import nor in the database{more}"
            )
        append_change(session, "graph", None, now)
        append(session, now, actor, Action.GRAPH_IMPORT, "graph", report.to_json())
    return report
