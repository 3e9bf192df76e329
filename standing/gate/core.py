"""``Gate``: answers "may account A use capability C now?" from memory.

The fast path, ``allowed``, is a dict lookup (capability, then territory) and a set lookup on the
current table of denied account ids; ``allowed_many`` is one numpy gather over an array of
answers; ``check`` explains (decision ids, position, why). The tables and the state they come
from are immutable and replaced by one assignment when the follower applies a change, so a
concurrent check sees either the old answers or the new ones.

This module answers from a state; it neither reads a store nor follows one. ``standing.gate.build``
makes gates (the ``from_*`` class methods delegate to it), and a follower keeps one current
through its public side: ``install`` a new state, ``set_stale``, ``attach`` itself.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from standing.clock import Clock, SystemClock
from standing.gate.graph import BoolArray, CompiledGraph, IntArray
from standing.gate.model import GateDecision, GateOptions, GraphData, Verdict
from standing.gate.state import GLOBAL, Context, GateState
from standing.territories import territory_code

if TYPE_CHECKING:
    from standing.gate.model import Source


class Following(Protocol):
    """What a gate asks of whatever keeps it current (``standing.gate.follower.Follower``):
    how old its data is, why it is stale when a read said so, and to stop."""

    @property
    def problem(self) -> str | None: ...

    def age(self) -> float: ...

    def stop(self) -> None: ...


class _DenyAll:
    """The table a stale gate failing closed answers from: every lookup denies."""

    def __getitem__(self, _key: object) -> _DenyAll:
        return self

    def __contains__(self, _item: object) -> bool:
        return True


class _DeniedOrUnknown:
    """Denied ids plus every account the gate does not know (``gate_unknown_allowed=false``)."""

    __slots__ = ("denied", "graph")

    def __init__(self, denied: frozenset[str], graph: CompiledGraph) -> None:
        self.denied = denied
        self.graph = graph

    def __contains__(self, account_id: object) -> bool:
        if account_id in self.denied:
            return True
        h = self.graph.account_index.get(account_id)  # type: ignore[call-overload]
        return h is None or not bool(self.graph.known[h])


_DENY_ALL = _DenyAll()
_NOTHING: frozenset[str] = frozenset()


class Gate:
    """In-process enforcement checks over a ``GateState``. Build with ``from_database``,
    ``from_snapshot`` or ``from_data``; ``options`` say how it answers (see ``GateOptions``)."""

    def __init__(self, state: GateState, options: GateOptions, clock: Clock | None = None) -> None:
        self.options = options
        self.clock: Clock = clock or SystemClock()
        self._lock = threading.Lock()  # serialises writers (follower, staleness); never readers
        self._stale = False
        self._follower: Following | None = None
        self._state = state
        self._tables: Any = self._tables_for(state)
        self._view: tuple[GateState, Any] = (state, self._tables)

    # --- construction (``standing.gate.build``) ---------------------------------------------

    @classmethod
    def from_database(
        cls,
        url: str,
        *,
        follow: bool = True,
        options: GateOptions | None = None,
        clock: Clock | None = None,
    ) -> Gate:
        """Load the graph and decisions from the store at ``url`` and, with ``follow``, keep
        applying the decision changelog in a background thread until ``close``. Without
        ``options``, the settings give them."""
        from standing.gate import build

        return build.from_database(url, follow=follow, options=options, clock=clock)

    @classmethod
    def from_engine(
        cls,
        engine: Any,  # a SQLAlchemy Engine
        *,
        follow: bool = True,
        options: GateOptions | None = None,
        clock: Clock | None = None,
    ) -> Gate:
        """As ``from_database``, reading through an existing SQLAlchemy engine."""
        from standing.gate import build

        return build.from_engine(engine, follow=follow, options=options, clock=clock)

    @classmethod
    def from_data(
        cls,
        graph: GraphData,
        decisions: Iterable[GateDecision],
        *,
        position: int = 0,
        options: GateOptions | None = None,
        clock: Clock | None = None,
    ) -> Gate:
        """A static gate over plain data (tests, tools, benchmarks)."""
        from standing.gate import build

        return build.from_data(graph, decisions, position=position, options=options, clock=clock)

    @classmethod
    def from_snapshot(
        cls,
        path: str | Path,
        *,
        follow: str | None = None,
        options: GateOptions | None = None,
        clock: Clock | None = None,
    ) -> Gate:
        """Load a snapshot written by ``save`` (``standing gate snapshot``). With ``follow`` (a
        database URL) the gate then applies the changelog from the snapshot's position on."""
        from standing.gate import build

        return build.from_snapshot(path, follow=follow, options=options, clock=clock)

    def follow(self, source: Source | None) -> None:
        """Start a follower thread on ``source`` (see ``standing.gate.follower``); with
        ``None`` the thread only applies decisions' start and end times."""
        from standing.gate import build

        build.start_following(self, source)

    def save(self, path: str | Path) -> None:
        """Write the current state as a snapshot file."""
        from standing.gate import build

        build.save(self, Path(path))

    def close(self) -> None:
        """Stop the follower (if any). The gate keeps answering from its last state."""
        follower, self._follower = self._follower, None
        if follower is not None:
            follower.stop()

    def __enter__(self) -> Gate:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- the checks ------------------------------------------------------------------------

    def allowed(self, account_id: str, capability: str, territory: str | None = None) -> bool:
        """May ``account_id`` use ``capability`` now (in ``territory``, if given)?"""
        try:
            return account_id not in self._tables[capability][territory]
        except KeyError:
            return self._allowed_slow(account_id, capability, territory)

    def _allowed_slow(self, account_id: str, capability: str, territory: str | None) -> bool:
        return account_id not in self._table(self._tables, capability, _code(territory))

    def _table(self, tables: Any, capability: str, territory: str | None) -> Any:
        """The container of denied ids for a capability and territory, with the fallbacks: an
        unseen territory counts global decisions only, an unrestricted capability denies no
        known account."""
        if not isinstance(tables, dict):  # stale and failing closed
            return tables
        by_territory = tables.get(capability)
        if by_territory is None:  # no active decision restricts this capability
            self._known(capability)
            if self.options.unknown_allowed:
                return _NOTHING
            return _DeniedOrUnknown(_NOTHING, self._state.graph)
        table = by_territory.get(territory)
        if table is None:
            table = by_territory.get(GLOBAL, _NOTHING)
        return table

    def _known(self, capability: str) -> None:
        catalogue = self.options.capabilities
        if catalogue and capability not in catalogue:
            raise ValueError(
                f"unknown capability {capability!r}; the catalogue has "
                + ", ".join(sorted(catalogue))
            )

    def batch_view(self, capability: str, territory: str | None = None) -> BatchView:
        """One consistent view for answering a batch (the HTTP route): the denied-id container,
        and explanations from the same state."""
        state, tables = self._view
        territory = _code(territory)
        return BatchView(
            state=state,
            table=self._table(tables, capability, territory),
            context=state.context(capability, territory),
            stale=self._stale,
            closed=not isinstance(tables, dict),
        )

    def check(self, account_id: str, capability: str, territory: str | None = None) -> Verdict:
        """``allowed`` with the reasons: denying decision ids, position, unknown, stale."""
        state = self._state
        territory = _code(territory)
        self._known(capability)
        handle = state.handle(account_id)
        stale = self.staleness()
        if handle is None:
            allowed = self.options.unknown_allowed
            decisions: tuple[str, ...] = ()
            reason = (
                "unknown account: no record in the gate's graph, so no decision against it; "
                + ("allowed" if allowed else "denied")
                + " by the gate_unknown_allowed setting"
            )
        else:
            ctx = state.context(capability, territory)
            if ctx is None or ctx.allowed[handle]:
                allowed, decisions = True, ()
                reason = f"no active decision restricts {capability} for this account"
            else:
                allowed = False
                decisions = ctx.decision_ids(state.graph, handle)
                reason = f"denied by {len(decisions)} active decision(s)"
        if stale is not None:
            _age, closed = stale
            why = self.stale_reason() or ""
            if closed:
                allowed = False
                reason = f"stale: {why}; failing closed"
            else:
                reason = f"stale: {why}; failing open; " + reason
        return Verdict(allowed, decisions, state.position, handle is None, reason)

    def allowed_many(
        self,
        accounts: Sequence[str] | Iterable[str] | IntArray,
        capability: str,
        territory: str | None = None,
    ) -> BoolArray:
        """Answers for many accounts at once, in input order, as a numpy bool array. Pass ids, or
        handles from ``handles`` (an integer array) to skip resolving ids: then it is one numpy
        gather."""
        state, tables = self._view
        territory = _code(territory)
        if not isinstance(accounts, np.ndarray) and _integers(accounts):
            accounts = np.asarray(accounts, np.int64)  # handles in a list
        if isinstance(accounts, np.ndarray) and accounts.dtype.kind in "iu":
            _check_handles(accounts, state.graph.n_accounts)
            if not isinstance(tables, dict):  # stale, failing closed
                self._known(capability)
                return np.zeros(len(accounts), np.bool_)
            if capability not in tables:
                self._known(capability)
            ctx = state.context(capability, territory)
            answers = state.base_allowed if ctx is None else ctx.allowed
            result: BoolArray = answers[accounts]
            return result
        if not isinstance(accounts, Sequence):
            accounts = list(accounts)
        table = self._table(tables, capability, territory)
        if type(table) is frozenset:
            # One lookup per id in the (small) denied set, at C speed; unknown ids are allowed.
            denied = np.fromiter(map(table.__contains__, accounts), np.bool_, len(accounts))
            return ~denied
        if not isinstance(tables, dict):
            return np.zeros(len(accounts), np.bool_)
        ctx = state.context(capability, territory)
        answers = state.base_allowed if ctx is None else ctx.allowed
        gathered: BoolArray = answers[self._resolve(state, accounts)]
        return gathered

    def handles(self, accounts: Sequence[str] | Iterable[str]) -> IntArray:
        """Integer handles for account ids (-1 for an unknown id). Handles stay valid for the life
        of the gate; ``allowed_many`` accepts them."""
        return self._resolve(self._state, accounts)

    @staticmethod
    def _resolve(state: GateState, accounts: Sequence[str] | Iterable[str]) -> IntArray:
        if not isinstance(accounts, Sequence):
            accounts = list(accounts)
        n = len(accounts)
        index = state.graph.account_index
        return np.fromiter(map(index.get, accounts, repeat(-1, n)), np.int64, n)

    # --- state -----------------------------------------------------------------------------

    @property
    def state(self) -> GateState:
        return self._state

    @property
    def position(self) -> int:
        return self._state.position

    def decision(self, decision_id: str) -> GateDecision | None:
        return self._state.decisions.get(decision_id)

    @property
    def stale(self) -> bool:
        return self._stale

    def wait_for(self, position: int, timeout: float = 5.0) -> bool:
        """Block until the gate reflects changelog ``position`` (tests, tools); True if it does."""
        deadline = time.monotonic() + timeout
        while self._state.position < position:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.002)
        return True

    def staleness(self) -> tuple[float, bool] | None:
        """``(age in seconds, failing closed)`` when stale, else ``None``."""
        if not self._stale or self._follower is None:
            return None
        return self._follower.age(), self.options.fail_closed

    def stale_reason(self) -> str | None:
        """Why the gate is stale, in words (None when it is not)."""
        if not self._stale or self._follower is None:
            return None
        if self._follower.problem:
            return self._follower.problem
        return (
            f"the gate's data is {self._follower.age():.1f} s old (bound "
            f"{self.options.stale_after_s:g} s)"
        )

    # --- kept current (the follower's side) ------------------------------------------------

    def attach(self, follower: Following) -> None:
        """Take ``follower`` as what keeps this gate current: its age and problem say how
        stale the gate is, and ``close`` stops it. A gate has one at most."""
        with self._lock:
            if self._follower is not None:
                raise RuntimeError("this gate already follows a source")
            self._follower = follower

    def install(self, state: GateState) -> None:
        """Answer from ``state`` from now on (one assignment: a check sees the old answers or
        the new ones)."""
        with self._lock:
            tables = self._tables_for(state)
            self._state = state
            self._tables = tables
            self._view = (state, tables)

    def set_stale(self, stale: bool) -> None:
        """Mark the data stale (a gate failing closed then denies every check) or fresh."""
        with self._lock:
            if stale == self._stale:
                return
            self._stale = stale
            self._tables = self._tables_for(self._state)
            self._view = (self._state, self._tables)

    def _tables_for(self, state: GateState) -> Any:
        if self._stale and self.options.fail_closed:
            return _DENY_ALL
        tables = state.tables()
        if not self.options.unknown_allowed:
            return {
                c: {t: _DeniedOrUnknown(s, state.graph) for t, s in by_t.items()}
                for c, by_t in tables.items()
            }
        return tables


@dataclass(frozen=True, slots=True)
class BatchView:
    state: GateState
    table: Any  # supports ``account_id in table`` -> denied
    context: Context | None
    stale: bool
    closed: bool

    @property
    def as_of(self) -> int:
        return self.state.position

    def decisions(self, account_id: str) -> tuple[str, ...]:
        """The denying decision ids of an account this view denies."""
        if self.closed or self.context is None:
            return ()
        handle = self.state.handle(account_id)
        if handle is None:
            return ()
        return self.context.decision_ids(self.state.graph, handle)


def _code(territory: str | None) -> str | None:
    """Territories are kept as upper-case ISO codes; a check may give "de" (never fail open
    on the spelling of a code). Anything but two letters ("", "DEU", "Germany") is refused:
    read as "some other territory", it would fail open."""
    return None if territory is None else territory_code(territory, listed=False)


def _integers(accounts: object) -> bool:
    """Whether a sequence (not an array) holds handles rather than ids."""
    return (
        isinstance(accounts, Sequence)
        and not isinstance(accounts, str)
        and len(accounts) > 0
        and isinstance(accounts[0], int | np.integer)
    )


def _check_handles(handles: IntArray, n_accounts: int) -> None:
    """Handles are -1 (unknown) or 0..n-1; anything else would read another account."""
    if len(handles) and (int(handles.min()) < -1 or int(handles.max()) >= n_accounts):
        raise ValueError(
            f"handles must be -1 (unknown) or 0..{n_accounts - 1}, as `handles` gives them; "
            f"got values from {int(handles.min())} to {int(handles.max())}"
        )
