"""Making gates: from a database (and following its changelog), from a snapshot file, or from
plain data; and the options the settings give.

This is where the gate's rooms meet: it reads through a source, compiles a state, hands it to a
``Gate`` and starts its ``Follower``. The ``Gate.from_*`` class methods delegate here. A gate
built without options takes them from ``standing.settings`` (the environment is read there
only); the database source (SQLAlchemy) is imported only when a database is read, so loading a
snapshot stays light.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from standing.clock import Clock, SystemClock
from standing.gate.core import Gate
from standing.gate.follower import Follower
from standing.gate.graph import CompiledGraph
from standing.gate.model import GateDecision, GateOptions, GraphData, Source, epoch
from standing.gate.state import compile_state

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from standing.settings import Settings


def options_from_settings(settings: Settings) -> GateOptions:
    """The options ``settings`` give (``gate_*`` and the policy's capability catalogue)."""
    from standing.policies.loader import load_policy

    return GateOptions(
        unknown_allowed=bool(settings.gate_unknown_allowed),
        fail_closed=bool(settings.gate_fail_closed),
        stale_after_s=float(settings.gate_stale_after_s),
        poll_interval_s=float(settings.gate_poll_interval_s),
        # On PostgreSQL the follower wakes on NOTIFY and also polls at the same interval.
        listen_timeout_s=float(settings.gate_poll_interval_s),
        capabilities=frozenset(load_policy(settings.policies).capabilities),
        on_replaced=str(settings.gate_on_replaced),
    )


def from_database(
    url: str,
    *,
    follow: bool = True,
    options: GateOptions | None = None,
    clock: Clock | None = None,
) -> Gate:
    """Load the graph and decisions from the store at ``url`` and, with ``follow``, keep
    applying the decision changelog in a background thread until ``close``."""
    from standing.gate.sources.database import DatabaseSource

    return _load(DatabaseSource(url), follow, options, clock)


def from_engine(
    engine: Engine,
    *,
    follow: bool = True,
    options: GateOptions | None = None,
    clock: Clock | None = None,
) -> Gate:
    """As ``from_database``, reading through an existing SQLAlchemy engine."""
    from standing.gate.sources.database import DatabaseSource

    return _load(DatabaseSource.for_engine(engine), follow, options, clock)


def from_data(
    graph: GraphData,
    decisions: Iterable[GateDecision],
    *,
    position: int = 0,
    options: GateOptions | None = None,
    clock: Clock | None = None,
) -> Gate:
    """A static gate over plain data (tests, tools, benchmarks); decisions still start and
    end on time."""
    options, clock = _resolve(options, clock)
    decisions = list(decisions)
    compiled = CompiledGraph.build(graph, _party_subjects(decisions))
    state = compile_state(
        compiled, decisions, position, epoch(clock.now()), options.unknown_allowed
    )
    gate = Gate(state, options, clock)
    start_following(gate, None)
    return gate


def from_snapshot(
    path: str | Path,
    *,
    follow: str | None = None,
    options: GateOptions | None = None,
    clock: Clock | None = None,
) -> Gate:
    """Load a snapshot written by ``save``. With ``follow`` (a database URL) the gate then
    applies the changelog from the snapshot's position on."""
    from standing.gate.sources.snapshot import read_snapshot

    options, clock = _resolve(options, clock)
    snap = read_snapshot(Path(path))
    state = compile_state(
        snap.graph,
        snap.decisions,
        snap.position,
        epoch(clock.now()),
        unknown_allowed=options.unknown_allowed,
    )
    gate = Gate(state, options, clock)
    if follow is not None:
        from standing.gate.sources.database import DatabaseSource

        start_following(gate, DatabaseSource(follow))
    else:
        start_following(gate, None)  # no changelog, but decisions still end on time
    return gate


def start_following(gate: Gate, source: Source | None) -> None:
    """Start a follower thread keeping ``gate`` current from ``source``; with ``None`` it only
    applies decisions' start and end times."""
    follower = Follower(gate, source)
    gate.attach(follower)
    follower.start()


def save(gate: Gate, path: Path) -> None:
    """Write the gate's current state as a snapshot file."""
    from standing.gate.sources.snapshot import write_snapshot

    write_snapshot(gate.state, path)


def _load(source: Source, follow: bool, options: GateOptions | None, clock: Clock | None) -> Gate:
    """Build from ``source``; keep it for following, or close it."""
    try:
        gate = _from_source(source, options, clock)
    except BaseException:
        source.close()
        raise
    if follow:
        start_following(gate, source)
    else:
        source.close()
    return gate


def _from_source(source: Source, options: GateOptions | None, clock: Clock | None) -> Gate:
    options, clock = _resolve(options, clock)
    loaded = source.load()
    graph = CompiledGraph.build(loaded.graph, _party_subjects(loaded.decisions))
    state = compile_state(
        graph,
        loaded.decisions,
        loaded.position,
        epoch(clock.now()),
        unknown_allowed=options.unknown_allowed,
    )
    return Gate(state, options, clock)


def _resolve(options: GateOptions | None, clock: Clock | None) -> tuple[GateOptions, Clock]:
    """The options given, or the settings'; the clock given, or the system's."""
    if options is None:
        from standing.settings import Settings

        options = options_from_settings(Settings())
    return options, clock or SystemClock()


def _party_subjects(decisions: Iterable[GateDecision]) -> list[str]:
    return [d.subject_id for d in decisions if d.subject_kind == "party"]
