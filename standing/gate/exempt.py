"""Exemptions over the compiled graph: the reference's semantics
(``standing.decisions.propagation.restricted_parties``) for the parties they can change.

A party exempt from a decision neither inherits it nor passes it on, so exemptions only ever take
away. The propagation without them (``propagate.full``) is an upper bound that is already exact
outside the *region*: the exempt parties and what they hold, transitively, through parties that
spread in that bound (a party outside it has no chain of spreading holders from an exempt one).
Inside the region the least fixpoint is worked out again with decision ids, from the parties'
own controlled decisions upwards, reading the parties outside as they are. An owner counts for X
with the ids it passes on less those X is exempt from, and only when some remain.

The context keeps the bound (``Context.upper``): a change is swept into it incrementally
(``propagate.update``) and the exemptions applied again over their region, so a context with
exemptions costs about what one without does (plain Python over the region, which is as small
as what the exempt parties hold).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from standing.decisions.propagation import EPSILON
from standing.gate import propagate
from standing.gate.graph import CompiledGraph
from standing.gate.model import GateDecision
from standing.gate.propagate import BOTH, INF, JOINED, NOT_SPREADING, SUBJECT, PartyState

NONE: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Exemptions:
    """Per party and per account handle, the ids of the decisions it is exempt from."""

    parties: dict[int, frozenset[str]]
    accounts: dict[int, frozenset[str]]

    def __bool__(self) -> bool:
        return bool(self.parties or self.accounts)


def exemptions(graph: CompiledGraph, decisions: Iterable[GateDecision]) -> Exemptions:
    """The exemptions ``decisions`` carry, on the entities the graph holds (never a decision's
    own subject: a decision always reaches it)."""
    parties: defaultdict[int, set[str]] = defaultdict(set)
    accounts: defaultdict[int, set[str]] = defaultdict(set)
    for d in decisions:
        for entity in d.exempt:
            if entity == d.subject_id:
                continue
            h = graph.account_index.get(entity)
            if h is not None and graph.known[h]:
                accounts[h].add(d.id)
                continue
            p = graph.party_index.get(entity)
            if p is not None:
                parties[p].add(d.id)
    return Exemptions(
        {p: frozenset(v) for p, v in parties.items()},
        {h: frozenset(v) for h, v in accounts.items()},
    )


def carve(
    graph: CompiledGraph,
    upper: PartyState,
    threshold_of: Callable[[str], float],
    controlled: Mapping[int, tuple[str, ...]],
    exempt: Mapping[int, frozenset[str]],
) -> tuple[PartyState, dict[int, frozenset[str]]]:
    """The parties' state with the exemptions ``exempt`` (party -> decision ids) applied to
    ``upper``, the fixpoint without them; and for every party of the region the ids it inherits
    through control (empty when it no longer does). ``threshold_of``: a decision's threshold."""
    spreading = upper.rnd >= 0
    region: set[int] = set()
    stack = [p for p in exempt if spreading[p]]
    while stack:
        p = stack.pop()
        if p in region:
            continue
        region.add(p)
        for a in graph.assets(p):
            if a not in region and spreading[a]:
                stack.append(a)
    if not region:
        return upper, {}
    memo: dict[int, frozenset[str]] = {}

    def outside(o: int) -> frozenset[str]:
        if not spreading[o]:
            return NONE
        return propagate.spreading_ids(graph, upper, controlled, o, memo)

    own = {p: frozenset(controlled.get(p, ())) for p in region}
    value: dict[int, frozenset[str]] = dict(own)  # what each party of the region passes on
    passed: dict[int, frozenset[str]] = dict.fromkeys(region, NONE)
    work = deque(sorted(region))
    queued = set(work)
    while work:
        p = work.popleft()
        queued.discard(p)
        shielded = exempt.get(p, NONE)
        held = 0.0
        got: set[str] = set()
        for o, share in graph.holders(p):
            if o == p:
                continue
            ids = (value[o] if o in region else outside(o)) - shielded
            if ids:
                held += share
                got |= ids
        if not got or held + EPSILON < min(threshold_of(i) for i in got):
            continue
        new = own[p] | got
        if new == value[p] and passed[p] == got:
            continue
        value[p], passed[p] = new, frozenset(got)
        for a in graph.assets(p):
            if a in region and a not in queued:
                queued.add(a)
                work.append(a)
    rnd, thr = upper.rnd.copy(), upper.thr.copy()
    for p in region:
        ids = value[p]
        if own[p]:
            rnd[p] = BOTH if passed[p] else SUBJECT
        else:
            rnd[p] = JOINED if passed[p] else NOT_SPREADING
        thr[p] = min((threshold_of(i) for i in ids), default=INF)
    return PartyState(rnd, thr), passed
