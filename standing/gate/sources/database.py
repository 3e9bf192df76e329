"""The gate's only contact with the store: consistent reads of the graph, the decisions and the
changelog through SQLAlchemy, with PostgreSQL LISTEN (``listener``) for prompt wake-ups. Nothing
on the check path imports this."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, select

from standing.gate.model import Batch, Change, GateDecision, GraphData, Loaded, StoreChanged, epoch
from standing.gate.sources.listener import Listener
from standing.store.engine import file_identity, is_postgres, make_engine
from standing.store.tables import (
    AccountRow,
    ChangeRow,
    DecisionRow,
    LiftRow,
    OwnershipRow,
    PartyRow,
    StoreIdentityRow,
)

log = logging.getLogger("standing.gate")


def decision_from_row(row: Any, lifted_at: Any = None) -> GateDecision:
    end = epoch(row.ends_at)
    if lifted_at is not None:
        end = min(end, epoch(lifted_at))
    return GateDecision(
        id=row.id,
        subject_id=row.subject_id,
        subject_kind=row.subject_kind,
        restricts=tuple(row.restricts or ()),
        reach=row.reach,
        threshold=float(row.threshold),
        territories=tuple(row.territories or ()),
        starts_at=epoch(row.starts_at),
        ends_at=end,
        exempt=tuple(row.exempt or ()),
    )


_DECISION_COLUMNS = (
    DecisionRow.id,
    DecisionRow.subject_id,
    DecisionRow.subject_kind,
    DecisionRow.restricts,
    DecisionRow.reach,
    DecisionRow.threshold,
    DecisionRow.territories,
    DecisionRow.starts_at,
    DecisionRow.ends_at,
    DecisionRow.exempt,
)


class DatabaseSource:
    """Reads for a following gate, on SQLite (polling) or PostgreSQL (LISTEN/NOTIFY).

    Every poll also checks that the store is still the one loaded: a SQLite file replaced at
    its path (a restore by ``os.replace``), moved or removed; another database id; a changelog
    that went back (a restore of an older copy). Each is a ``StoreChanged`` for the follower,
    which reloads or turns the gate stale. While following, the loaded SQLite file is held
    open, so its inode cannot be reused by another file and identity by inode is sound.
    """

    def __init__(self, url: str | None = None, engine: Engine | None = None) -> None:
        if engine is None:
            if url is None:
                raise ValueError("give a database URL or an engine")
            engine = make_engine(url)
            self._owns_engine = True
        else:
            self._owns_engine = False
        self.engine = engine
        self._postgres = is_postgres(engine)
        self._poller: Connection | None = None
        database = engine.url.database
        self._path: str | None = None
        if not self._postgres and database and database != ":memory:":
            self._path = database if not database.startswith("file:") else None
        self._held: int | None = None  # a descriptor of the loaded SQLite file
        self._identity: tuple[int, int] | None = None
        self._database_id: str | None = None
        # Listening starts before the first read, so no notification is missed.
        self._listener = Listener(engine.url) if self._postgres else None

    @classmethod
    def for_engine(cls, engine: Engine) -> DatabaseSource:
        return cls(engine=engine)

    @property
    def listens(self) -> bool:
        return self._postgres

    # --- reads -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[Connection]:
        """One read transaction that sees a single committed state of the store."""
        with self.engine.connect() as conn:
            if self._postgres:
                conn.execution_options(isolation_level="REPEATABLE READ")
            else:
                conn.exec_driver_sql("BEGIN")  # pysqlite would not start one for reads
            try:
                yield conn
            finally:
                conn.rollback()

    def _hold(self) -> None:
        """Open the SQLite file at the path and keep it open; remember what it is."""
        self._release()
        if self._path is None:
            return
        try:
            fd = os.open(self._path, os.O_RDONLY)
        except FileNotFoundError:
            raise StoreChanged(f"database file {self._path} does not exist", False) from None
        st = os.fstat(fd)
        self._held, self._identity = fd, (st.st_dev, st.st_ino)

    def _release(self) -> None:
        if self._held is not None:
            with contextlib.suppress(OSError):
                os.close(self._held)
            self._held = None

    def _check_file(self) -> None:
        if self._path is None:
            return
        if self._identity is None:  # following from a snapshot: the first contact sets it
            self._hold()
            return
        now = file_identity(self._path)
        if now is None:
            raise StoreChanged(f"database file {self._path} was removed or moved away", False)
        if now != self._identity:
            raise StoreChanged(f"database file {self._path} was replaced by another file", True)

    def _check_store(self, conn: Connection, position: int) -> None:
        """The same database, not gone back: checked on the connection that polls."""
        database_id, head = conn.execute(
            select(
                select(StoreIdentityRow.database_id)
                .where(StoreIdentityRow.id == 1)
                .scalar_subquery(),
                select(func.coalesce(func.max(ChangeRow.seq), 0)).scalar_subquery(),
            )
        ).one()
        if self._database_id is None:  # following from a snapshot: the first contact sets it
            self._database_id = database_id
        if database_id != self._database_id:
            raise StoreChanged(
                f"the database is another one now (database id {database_id}, loaded "
                f"{self._database_id})",
                True,
            )
        if head < position:
            raise StoreChanged(
                f"the changelog went back from position {position} to {head} (an older copy "
                "was restored)",
                True,
            )

    def load(self) -> Loaded:
        """Read everything, and from now on check that it is this store that is followed."""
        self._drop_poller()
        if self._identity is not None and self._owns_engine:
            self.engine.dispose()  # a reload: no connection to the file loaded before is kept
        self._hold()
        with self._snapshot() as conn:
            self._database_id = conn.execute(
                select(StoreIdentityRow.database_id).where(StoreIdentityRow.id == 1)
            ).scalar()
            position = _head(conn)
            rows = conn.execute(
                select(*_DECISION_COLUMNS, LiftRow.lifted_at)
                .outerjoin(LiftRow, LiftRow.decision_id == DecisionRow.id)
                .order_by(DecisionRow.id)
            ).all()
            decisions = [decision_from_row(r, r.lifted_at) for r in rows]
            graph = _graph(conn)
        return Loaded(graph=graph, decisions=decisions, position=position)

    def poll(self, position: int, limit: int) -> Batch:
        """Changelog entries after ``position`` with what they need, in one statement on a
        connection kept open for polling (one round trip; a single statement reads one
        committed state). When a graph change is among them, the entries and the graph are read
        again together in one read transaction."""
        self._check_file()
        query = _poll_query(position, limit)
        try:
            if self._poller is None:
                self._poller = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
            self._check_store(self._poller, position)
            rows = self._poller.execute(query).all()
        except Exception:
            self._drop_poller()
            raise
        changes = _changes(rows)
        if not any(c.change == "graph" for c in changes):
            return Batch(changes)
        with self._snapshot() as conn:
            changes = _changes(conn.execute(query).all())
            return Batch(changes, _graph(conn))

    def _drop_poller(self) -> None:
        if self._poller is not None:
            with contextlib.suppress(Exception):
                self._poller.invalidate()
                self._poller.close()
            self._poller = None

    def head(self) -> int:
        with self._snapshot() as conn:
            return _head(conn)

    # --- waking ----------------------------------------------------------------------------

    def wait(self, timeout: float) -> None:
        """Return on the next NOTIFY or after ``timeout`` seconds (PostgreSQL only)."""
        if self._listener is not None:
            self._listener.wait(timeout)

    def close(self) -> None:
        self._release()
        if self._poller is not None:
            with contextlib.suppress(Exception):
                self._poller.close()
            self._poller = None
        if self._listener is not None:
            self._listener.close()
        if self._owns_engine:
            self.engine.dispose()


def _poll_query(position: int, limit: int) -> Any:
    return (
        select(
            ChangeRow.seq,
            ChangeRow.change,
            ChangeRow.decision_id,
            *_DECISION_COLUMNS,
            LiftRow.lifted_at,
        )
        .select_from(ChangeRow)
        .outerjoin(
            DecisionRow,
            and_(DecisionRow.id == ChangeRow.decision_id, ChangeRow.change == "recorded"),
        )
        .outerjoin(
            LiftRow,
            and_(LiftRow.decision_id == ChangeRow.decision_id, ChangeRow.change == "lifted"),
        )
        .where(ChangeRow.seq > position)
        .order_by(ChangeRow.seq)
        .limit(limit)
    )


def _changes(rows: Sequence[Any]) -> list[Change]:
    changes: list[Change] = []
    for r in rows:
        if r.change == "recorded":
            decision = None if r.id is None else decision_from_row(r)
            changes.append(Change(r.seq, r.change, decision=decision))
        elif r.change == "lifted":
            lifted_at = None if r.lifted_at is None else epoch(r.lifted_at)
            changes.append(Change(r.seq, r.change, decision_id=r.decision_id, lifted_at=lifted_at))
        else:
            changes.append(Change(r.seq, r.change))
    return changes


def _head(conn: Connection) -> int:
    from sqlalchemy import func

    return int(conn.execute(select(func.coalesce(func.max(ChangeRow.seq), 0))).scalar_one())


def _graph(conn: Connection) -> GraphData:
    parties: Sequence[str] = conn.execute(select(PartyRow.id).order_by(PartyRow.id)).scalars().all()
    ownerships = [
        (r.owner_id, r.asset_id, float(r.share))
        for r in conn.execute(
            select(OwnershipRow.owner_id, OwnershipRow.asset_id, OwnershipRow.share).order_by(
                OwnershipRow.id
            )
        )
    ]
    accounts = [
        (r.id, r.owner_id)
        for r in conn.execute(select(AccountRow.id, AccountRow.owner_id).order_by(AccountRow.id))
    ]
    return GraphData(parties=list(parties), ownerships=ownerships, accounts=accounts)
