"""The ownership chain between a decision's subject and the parties and accounts a case is
about, laid out in layers for drawing: owners above what they own, each edge with its share.
Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ChainNode:
    id: str
    label: str
    kind: str  # party | account
    role: str  # subject | appellant | between
    layer: int
    column: int


@dataclass(frozen=True, slots=True)
class ChainEdge:
    owner: str
    held: str
    share: float | None  # percent; None for an account and its holder


@dataclass(frozen=True, slots=True)
class Chain:
    nodes: tuple[ChainNode, ...]
    edges: tuple[ChainEdge, ...]
    connected: bool  # whether an ownership path joins the subject and the case's parties
    more_accounts: int = 0  # accounts of the case's parties left out of the drawing

    @property
    def layers(self) -> int:
        return 1 + max((n.layer for n in self.nodes), default=-1)

    @property
    def widest(self) -> int:
        return 1 + max((n.column for n in self.nodes), default=-1)

    def node(self, node_id: str) -> ChainNode:
        return next(n for n in self.nodes if n.id == node_id)

    def sentences(self) -> list[str]:
        """The chain in words, one sentence per edge, top down."""
        label = {n.id: n.label for n in self.nodes}
        out = []
        for e in self.edges:
            if e.share is None:
                said = f"{label[e.owner]} holds the account {label[e.held]}"
            else:
                said = f"{label[e.owner]} owns {share_text(e.share)} of {label[e.held]}"
            out.append(said if said.endswith(".") else said + ".")
        if self.more_accounts:
            out.append(f"{self.more_accounts} more account(s) are not drawn.")
        return out


def share_text(share: float) -> str:
    """``60 %``, ``33.3 %``."""
    return f"{share:.1f}".rstrip("0").rstrip(".") + " %"


def between(
    below_subject: set[str], above_targets: set[str], subject: str, targets: Iterable[str]
) -> set[str]:
    """The parties on some ownership path from ``subject`` down to one of ``targets``:
    those the subject holds (directly or not) that hold (or are) a target."""
    return (below_subject & above_targets) | {subject} | set(targets)


def layout(
    subject: str,
    labels: dict[str, str],
    ownerships: Sequence[tuple[str, str, float]],
    accounts: Sequence[tuple[str, str, str | None]],
    targets: Iterable[str],
    connected: bool,
    more_accounts: int = 0,
) -> Chain:
    """Lay out parties (``labels``: id to name) joined by ``ownerships`` (owner, held, share)
    and ``accounts`` (id, label, holder): each node one layer below the deepest of its
    owners (ownership cycles are cut where they close), in the order first met."""
    wanted = set(targets)
    parties = list(labels)
    edges = [(o, h, s) for o, h, s in ownerships if o in labels and h in labels and o != h]
    owners_of: dict[str, list[str]] = {p: [] for p in parties}
    for owner, held, _ in edges:
        owners_of[held].append(owner)
    layer: dict[str, int] = {}

    def depth(node: str, path: frozenset[str]) -> int:
        if node in layer:
            return layer[node]
        above = [o for o in owners_of[node] if o not in path]
        found = 1 + max((depth(o, path | {node}) for o in above), default=-1)
        layer[node] = found
        return found

    for p in parties:
        depth(p, frozenset())
    accounts_shown = [(a, label, holder) for a, label, holder in accounts]
    for a, _, holder in accounts_shown:
        layer[a] = layer[holder] + 1 if holder in layer else 0
    kinds = dict.fromkeys(parties, "party") | {a: "account" for a, _, _ in accounts_shown}
    names = dict(labels) | {a: label for a, label, _ in accounts_shown}
    above: dict[str, list[str]] = {n: list(owners_of.get(n, ())) for n in kinds}
    for a, _, holder in accounts_shown:
        above[a] = [holder] if holder in layer else []
    first = {n: i for i, n in enumerate([*parties, *(a for a, _, _ in accounts_shown)])}
    column: dict[str, int] = {}
    nodes = []
    for depth_at in sorted(set(layer.values())):
        here = [n for n in kinds if layer[n] == depth_at]

        def under(node: str) -> tuple[float, int, int]:
            # below its owners (the mean of their columns), the subject first, then as met
            placed = [column[o] for o in above[node] if o in column]
            mean = sum(placed) / len(placed) if placed else 0.0
            return (mean, node != subject, first[node])

        for i, node_id in enumerate(sorted(here, key=under)):
            column[node_id] = i
            role = (
                "subject" if node_id == subject else "appellant" if node_id in wanted else "between"
            )
            nodes.append(ChainNode(node_id, names[node_id], kinds[node_id], role, depth_at, i))
    chain_edges = [ChainEdge(o, h, s) for o, h, s in edges]
    chain_edges += [
        ChainEdge(holder, a, None) for a, _, holder in accounts_shown if holder in layer
    ]
    chain_edges.sort(key=lambda e: (layer[e.owner], layer[e.held], e.owner, e.held))
    return Chain(tuple(nodes), tuple(chain_edges), connected, more_accounts)
