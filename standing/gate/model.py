"""Plain data the gate works on: slim decisions, the graph as given, changelog entries.

Times are POSIX seconds (floats) inside the gate: comparisons on the follower's path stay cheap
and the snapshot stores them as numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

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
