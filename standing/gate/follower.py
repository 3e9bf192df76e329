"""The follower: keeps a gate's state in step with the decision changelog.

One thread reads changelog entries after the gate's position and applies them (incrementally
for decisions and lifts, a recompile for graph changes), also when a decision's start or end time
passes; it wakes on PostgreSQL NOTIFY or polls. A second thread watches the age of the data:
past ``stale_after`` the gate turns stale and fails closed or open as configured. Transitions
are logged once, and exported as Prometheus gauges.

The follower changes the gate only through its public side (``install``, ``set_stale``).

A store that is no longer the one loaded (``StoreChanged``: a SQLite file replaced, moved or
removed, another database, a changelog gone back) is noticed on the next poll: the follower
reloads from what is there now (``on_replaced="reload"``, when there is something to reload)
or turns the gate stale at once, saying why, until the store is back.
"""

from __future__ import annotations

import logging
import threading
import time

from standing.gate import metrics
from standing.gate.core import Gate
from standing.gate.graph import CompiledGraph
from standing.gate.model import Source, StoreChanged, epoch
from standing.gate.state import advance, compile_state

log = logging.getLogger("standing.gate")

BATCH = 5000


class Follower:
    """Follows ``source``; with ``source=None`` it only keeps time (a snapshot or data gate:
    decisions still start and end on schedule, and the gate never turns stale)."""

    def __init__(self, gate: Gate, source: Source | None) -> None:
        self.gate = gate
        self.source = source
        self._stop = threading.Event()
        self._last_ok = time.monotonic()
        self._failing = False
        self.problem: str | None = None  # why the gate is stale, when a poll said so
        self._thread = threading.Thread(
            target=self._run, name="standing-gate-follower", daemon=True
        )
        self._watchdog = threading.Thread(
            target=self._watch, name="standing-gate-watchdog", daemon=True
        )

    def start(self) -> None:
        self._thread.start()
        if self.source is not None:
            metrics.changelog_position.set(self.gate.position)
            self._watchdog.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.gate.options.listen_timeout_s + 5.0)
        if self.source is not None:
            self._watchdog.join(timeout=5.0)
            self.source.close()

    def age(self) -> float:
        return time.monotonic() - self._last_ok

    # --- follower thread -------------------------------------------------------------------

    def _run(self) -> None:
        options = self.gate.options
        source = self.source
        while not self._stop.is_set():
            try:
                self.sync()
                self._ok()
                listens = source is not None and source.listens
                timeout = options.listen_timeout_s if listens else options.poll_interval_s
                until_change = self.gate.state.next_change_at - epoch(self.gate.clock.now())
                timeout = max(0.0, min(timeout, until_change))
                if source is not None and listens:
                    source.wait(timeout)
                else:
                    self._stop.wait(timeout)
            except StoreChanged as exc:
                self._store_changed(exc)
                self._stop.wait(options.poll_interval_s)
            except Exception as exc:  # any failure means "cannot sync": log once, retry
                self._failed(exc)
                self._stop.wait(min(1.0, max(options.poll_interval_s, 0.05)))

    def sync(self) -> None:
        """Apply every changelog entry after the gate's position, and the passing of time."""
        while True:
            state = self.gate.state
            if self.source is None:
                now = epoch(self.gate.clock.now())
                if not state.now <= now < state.next_change_at:
                    self.gate.install(advance(state, (), now))
                return
            batch = self.source.poll(state.position, BATCH)
            now = epoch(self.gate.clock.now())
            if not batch.changes and state.now <= now < state.next_change_at:
                return
            graph = None
            if batch.graph is not None:
                subjects = [d.subject_id for d in state.decisions.values()]
                subjects += [c.decision.subject_id for c in batch.changes if c.decision is not None]
                graph = CompiledGraph.build(batch.graph, subjects, previous=state.graph)
            new = advance(state, batch.changes, now, graph)
            self.gate.install(new)
            metrics.changelog_position.set(new.position)
            if len(batch.changes) < BATCH:
                return

    def reload(self) -> None:
        """Load the store afresh and install it (account handles stay valid)."""
        assert self.source is not None
        loaded = self.source.load()
        state = self.gate.state
        subjects = [d.subject_id for d in loaded.decisions if d.subject_kind == "party"]
        graph = CompiledGraph.build(loaded.graph, subjects, previous=state.graph)
        new = compile_state(
            graph,
            loaded.decisions,
            loaded.position,
            epoch(self.gate.clock.now()),
            unknown_allowed=self.gate.options.unknown_allowed,
        )
        self.gate.install(new)
        metrics.changelog_position.set(new.position)

    def _store_changed(self, exc: StoreChanged) -> None:
        if exc.reloadable and self.gate.options.on_replaced == "reload":
            try:
                self.reload()
            except StoreChanged as again:
                exc = again
            except Exception as failed:
                self._failed(failed)
                return
            else:
                log.warning(
                    "gate reloaded: %s; now at changelog position %d", exc, self.gate.position
                )
                self._ok()
                return
        problem = str(exc)
        if problem != self.problem:
            self.problem = problem
            log.warning(
                "gate stale: %s; %s",
                problem,
                "failing closed (denying every check)"
                if self.gate.options.fail_closed
                else "failing open (answering from old data)",
            )
        if not self.gate.stale:
            self.gate.set_stale(True)
            metrics.stale.set(1)

    def _ok(self) -> None:
        self.problem = None
        self._last_ok = time.monotonic()
        if self._failing:
            self._failing = False
            log.info("gate follower: reading the changelog again")
        if self.gate.stale:
            self.gate.set_stale(False)
            log.warning("gate fresh again at changelog position %d", self.gate.position)

    def _failed(self, exc: Exception) -> None:
        if not self._failing:
            self._failing = True
            log.warning("gate follower cannot read the changelog: %s", exc)

    # --- watchdog thread -------------------------------------------------------------------

    def _watch(self) -> None:
        options = self.gate.options
        tick = max(0.01, min(0.25, options.stale_after_s / 4))
        while not self._stop.wait(tick):
            age = self.age()
            metrics.staleness_seconds.set(age)
            if age > options.stale_after_s and not self.gate.stale:
                self.gate.set_stale(True)
                metrics.stale.set(1)
                log.warning(
                    "gate stale: no contact with the changelog for %.1f s (bound %g s); %s",
                    age,
                    options.stale_after_s,
                    "failing closed (denying every check)"
                    if options.fail_closed
                    else "failing open (answering from old data)",
                )
            elif not self.gate.stale:
                metrics.stale.set(0)
