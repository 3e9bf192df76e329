"""Plain data the gate works on: slim decisions, the graph as given, changelog entries, what a
source reads (and the ``Source`` protocol), the gate's options and its verdicts.

Times are POSIX seconds (floats) inside the gate: comparisons on the follower's path stay cheap
and the snapshot stores them as numbers. Nothing here imports another module of the gate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

FOREVER = float("inf")


def epoch(at: datetime | None) -> float:
    """POSIX seconds of an aware datetime; ``None`` (no end) is infinity."""
    if at is None:
        return FOREVER
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.timestamp()


@dataclass(frozen=True, slots=True)
class GateDecision:
    """What the gate needs of a decision: who, what it restricts, how far, where and when.

    ``ends_at`` is the effective end: the earlier of the planned end and the lift.
    """

    id: str
    subject_id: str
    subject_kind: str  # "party" | "account"
    restricts: tuple[str, ...]
    reach: str  # "subject" | "controlled"
    threshold: float
    territories: tuple[str, ...]
    starts_at: float
    ends_at: float = FOREVER
    exempt: tuple[str, ...] = ()  # parties and accounts carved out on appeal

    def active_at(self, now: float) -> bool:
        return self.starts_at <= now < self.ends_at

    def applies_in(self, territory: str | None) -> bool:
        return territory is None or not self.territories or territory in self.territories

    def lifted(self, at: float) -> GateDecision:
        return replace(self, ends_at=min(self.ends_at, at))

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "subject_id": self.subject_id,
            "subject_kind": self.subject_kind,
            "restricts": list(self.restricts),
            "reach": self.reach,
            "threshold": self.threshold,
            "territories": list(self.territories),
            "starts_at": self.starts_at,
            "ends_at": None if self.ends_at == FOREVER else self.ends_at,
            "exempt": list(self.exempt),
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> GateDecision:
        ends = data.get("ends_at")
        return cls(
            id=str(data["id"]),
            subject_id=str(data["subject_id"]),
            subject_kind=str(data["subject_kind"]),
            restricts=tuple(str(c) for c in _seq(data["restricts"])),
            reach=str(data["reach"]),
            threshold=float(_num(data["threshold"])),
            territories=tuple(str(t) for t in _seq(data["territories"])),
            starts_at=float(_num(data["starts_at"])),
            ends_at=FOREVER if ends is None else float(_num(ends)),
            exempt=tuple(str(e) for e in _seq(data.get("exempt", []))),
        )


def _seq(value: object) -> Sequence[object]:
    if not isinstance(value, list | tuple):
        raise ValueError(f"expected a list, got {value!r}")
    return value


def _num(value: object) -> float:
    if not isinstance(value, int | float):
        raise ValueError(f"expected a number, got {value!r}")
    return float(value)


@dataclass(frozen=True, slots=True)
class GraphData:
    """The ownership graph as read from the store, in a stable order.

    ``ownerships`` keeps the order edges are summed in (the reference sums shares in the same
    order, so float sums agree bit for bit).
    """

    parties: Sequence[str]
    ownerships: Sequence[tuple[str, str, float]]  # (owner, asset, share in percent)
    accounts: Sequence[tuple[str, str | None]]  # (account id, owning party or None)


@dataclass(frozen=True, slots=True)
class Change:
    """One changelog entry with what the follower needs to apply it.

    ``recorded`` carries the decision (with its lift folded in if it was already lifted),
    ``lifted`` the decision id and the lift time, ``graph`` nothing: the graph is re-read.
    """

    seq: int
    change: str  # "recorded" | "lifted" | "graph"
    decision: GateDecision | None = None
    decision_id: str | None = None
    lifted_at: float | None = None


# --- what a source reads ---------------------------------------------------------------------


class StoreChanged(Exception):
    """The store followed is not the one loaded any more; ``reloadable`` when there is a
    store to load again (replaced, another database, gone back), not when it is gone."""

    def __init__(self, message: str, reloadable: bool) -> None:
        super().__init__(message)
        self.reloadable = reloadable


@dataclass(frozen=True, slots=True)
class Loaded:
    """A consistent read of the store: graph, decisions (lifts folded in) and the position."""

    graph: GraphData
    decisions: Sequence[GateDecision]
    position: int


@dataclass(frozen=True, slots=True)
class Batch:
    """Changelog entries after a position, read in one transaction; ``graph`` is the graph as of
    the last of them when one of them is a ``graph`` entry."""

    changes: Sequence[Change]
    graph: GraphData | None = None


class Source(Protocol):
    """Where a follower reads from (``standing.gate.sources.database.DatabaseSource``; fakes in
    tests). Any read may raise ``StoreChanged``."""

    @property
    def listens(self) -> bool:
        """True when ``wait`` returns early on a notification (PostgreSQL LISTEN)."""
        ...

    def load(self) -> Loaded: ...

    def poll(self, position: int, limit: int) -> Batch: ...

    def wait(self, timeout: float) -> None: ...

    def close(self) -> None: ...


# --- the gate's options and answers ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GateOptions:
    """How a gate behaves. A gate built without options takes them from the settings
    (``standing.gate.build.options_from_settings``: ``STANDING_GATE_*`` and the policy's
    capability catalogue; see ``docs/settings.md``).

    ``poll_interval_s`` is how often a follower polls a database it cannot listen to (SQLite);
    ``listen_timeout_s`` how long it waits for a PostgreSQL NOTIFY before polling anyway
    (the settings give the poll interval for both). ``stale_after_s`` must leave room for
    at least two polls, or a healthy gate would flap between stale and fresh. With
    ``capabilities`` (the catalogue) a check of any other capability is a ``ValueError``, so a
    misspelt capability never reads as "nothing restricts it". ``on_replaced`` says what a
    following gate does when its store is replaced under it (a SQLite file restored, another
    database, a changelog gone back): ``reload`` from it, or ``fail`` (turn stale at once); a
    removed or moved file always turns it stale.
    """

    unknown_allowed: bool = True
    fail_closed: bool = True
    stale_after_s: float = 5.0
    poll_interval_s: float = 0.1
    listen_timeout_s: float = 0.1
    capabilities: frozenset[str] = frozenset()
    on_replaced: str = "reload"

    def __post_init__(self) -> None:
        if self.on_replaced not in ("reload", "fail"):
            raise ValueError(
                f"gate options: on_replaced must be 'reload' or 'fail', not {self.on_replaced!r}"
            )
        wait = max(self.poll_interval_s, self.listen_timeout_s)
        if not wait > 0:
            raise ValueError("gate options: poll_interval_s and listen_timeout_s must be > 0")
        if self.stale_after_s < 2 * wait:
            raise ValueError(
                f"gate options: stale_after_s ({self.stale_after_s:g} s) must be at least twice "
                f"the poll interval or listen timeout ({wait:g} s), or a healthy gate would "
                "turn stale between two polls"
            )


@dataclass(frozen=True, slots=True)
class Verdict:
    """The gate's answer with its reasons.

    ``decisions`` are the ids of the active decisions that deny (empty when allowed); ``as_of``
    is the changelog position the answer reflects; ``unknown`` says the account is not in the
    gate's graph; ``reason`` says in words why, including "stale" when the gate's data is older
    than its bound.
    """

    allowed: bool
    decisions: tuple[str, ...]
    as_of: int
    unknown: bool = False
    reason: str = ""

    def to_json(self, account: str) -> dict[str, Any]:
        return {
            "account": account,
            "allowed": self.allowed,
            "decisions": list(self.decisions),
            "as_of": self.as_of,
            "unknown": self.unknown,
            "reason": self.reason,
        }
