"""The compiled, immutable state a gate answers from, and how changes produce the next one.

A ``GateState`` is never modified: applying changelog entries (or the passing of time) builds a
new one that shares whatever did not change, and the gate swaps it in with one assignment, so a
check reads either the old state or the new one, never a mix.

Per capability and *territory context* there is a ``Context`` with the decisions that count
there, the propagation outcome and the answers:
- ``(capability, None)``: a check without a territory, every active decision counts;
- ``(capability, GLOBAL)``: decisions without territories only (a check naming a territory no
  decision names);
- ``(capability, T)``: global decisions and those naming T.
Contexts with the same decisions share one object.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from standing.gate import exempt as carving
from standing.gate import propagate
from standing.gate.graph import BoolArray, CompiledGraph
from standing.gate.model import FOREVER, Change, GateDecision
from standing.gate.propagate import PartyState

NO: frozenset[str] = frozenset()
GLOBAL = "\x00global"  # territory key of the context that counts global decisions only
ContextKey = tuple[str, str | None]
# Above this many changed subjects in one context, recompute it fully instead of sweeping.
SWEEP_LIMIT = 512


@dataclass(frozen=True, slots=True, eq=False, weakref_slot=True)
class Context:
    """The decisions that count for one capability in one territory context, and the answers
    they give. Compared and hashed by identity; a reader may keep a weak reference to one
    (a cache that lives exactly as long as the context)."""

    capability: str
    decisions: frozenset[str]
    spread: dict[int, float]  # party -> lowest threshold of its controlled decisions
    controlled: dict[int, tuple[str, ...]]  # party -> its controlled decision ids
    party_subjects: dict[int, tuple[str, ...]]  # party -> every decision on it
    account_subjects: dict[int, tuple[str, ...]]  # account handle -> decisions on it
    parties: PartyState
    restricted: BoolArray  # per party: subject of a decision or spreading
    allowed: BoolArray  # per account handle, plus one last entry for unknown accounts
    denied: frozenset[str]  # ids of known accounts denied (the fast path's set)
    #: The decisions here that exempt someone.
    exempting: frozenset[str] = frozenset()
    #: Parties whose state exemptions changed -> the ids they inherit through control.
    inherited: dict[int, frozenset[str]] = field(default_factory=dict)
    #: Account handle -> the ids of the decisions it is exempt from.
    account_exempt: dict[int, frozenset[str]] = field(default_factory=dict)
    #: The parties' state without the exemptions (``None``: ``parties`` is it), from which a
    #: change is swept before the exemptions are applied again.
    upper: PartyState | None = None

    @property
    def base(self) -> PartyState:
        return self.parties if self.upper is None else self.upper

    def decision_ids(self, graph: CompiledGraph, handle: int) -> tuple[str, ...]:
        """Why account ``handle`` is denied here (empty when it is allowed)."""
        ids: set[str] = set(self.account_subjects.get(handle, ()))
        owner = int(graph.account_owner[handle])
        if owner >= 0 and self.restricted[owner]:
            ids.update(self.party_decision_ids(graph, owner) - self.account_exempt.get(handle, NO))
        return tuple(sorted(ids))

    def party_decision_ids(self, graph: CompiledGraph, party: int) -> frozenset[str]:
        return _party_ids(
            graph, self.parties, self.controlled, self.party_subjects, self.inherited, party
        )


def _party_ids(
    graph: CompiledGraph,
    parties: PartyState,
    controlled: Mapping[int, tuple[str, ...]],
    party_subjects: Mapping[int, tuple[str, ...]],
    inherited: Mapping[int, frozenset[str]],
    party: int,
) -> frozenset[str]:
    """The decisions that restrict ``party``: those on it, and what it inherits through
    control (as exemptions left it, where they changed it)."""
    ids = set(party_subjects.get(party, ()))
    if party in inherited:
        ids |= inherited[party]
    elif int(parties.rnd[party]) >= 1:
        ids |= propagate.spreading_ids(graph, parties, controlled, party)
    return frozenset(ids)


def _account_denied(
    graph: CompiledGraph,
    h: int,
    restricted: BoolArray,
    account_subjects: Mapping[int, object],
    account_exempt: Mapping[int, frozenset[str]],
    party_ids: Callable[[int], frozenset[str]],
) -> bool:
    """Whether account ``h`` is denied: the subject of a decision, or its owner restricted by a
    decision it is not exempt from."""
    if h in account_subjects:
        return True
    owner = int(graph.account_owner[h])
    if owner < 0 or not restricted[owner]:
        return False
    exempt = account_exempt.get(h)
    return exempt is None or bool(party_ids(owner) - exempt)


@dataclass(frozen=True, slots=True, eq=False)
class GateState:
    position: int  # the changelog position this state reflects
    graph: CompiledGraph
    decisions: dict[str, GateDecision]  # every known decision that is not over yet
    by_subject: dict[str, tuple[str, ...]]  # subject id -> ids of its decisions
    now: float  # the time activity was evaluated at
    next_change_at: float  # the earliest start or end after ``now``
    contexts: dict[ContextKey, Context]
    unknown_allowed: bool
    base_allowed: BoolArray  # answers for a capability no decision restricts
    stats: dict[str, float] = field(default_factory=dict)

    def context(self, capability: str, territory: str | None) -> Context | None:
        ctx = self.contexts.get((capability, territory))
        if ctx is None and territory is not None:
            ctx = self.contexts.get((capability, GLOBAL))
        return ctx

    def tables(self) -> dict[str, dict[str | None, frozenset[str]]]:
        """capability -> territory -> denied account ids, for the fast path. A territory that is
        missing means "global decisions only" (the gate falls back to ``GLOBAL``)."""
        out: dict[str, dict[str | None, frozenset[str]]] = {}
        for (capability, territory), ctx in self.contexts.items():
            out.setdefault(capability, {})[territory] = ctx.denied
        return out

    def handle(self, account_id: str) -> int | None:
        h = self.graph.account_index.get(account_id)
        if h is None or not self.graph.known[h]:
            return None
        return h


# --- building --------------------------------------------------------------------------------


def _index_subjects(decisions: Iterable[GateDecision]) -> dict[str, tuple[str, ...]]:
    by: defaultdict[str, list[str]] = defaultdict(list)
    for d in decisions:
        by[d.subject_id].append(d.id)
    return {k: tuple(v) for k, v in by.items()}


def _next_change(decisions: Iterable[GateDecision], now: float) -> float:
    nxt = FOREVER
    for d in decisions:
        if d.starts_at > now:
            nxt = min(nxt, d.starts_at)
        if now < d.ends_at < nxt:
            nxt = d.ends_at
    return nxt


def _keys_for(active: Iterable[GateDecision]) -> dict[ContextKey, set[str]]:
    """Every context key the active decisions need, with the decision ids counting there."""
    territories: defaultdict[str, set[str]] = defaultdict(set)
    active = list(active)
    for d in active:
        for c in d.restricts:
            territories[c].update(d.territories)
    keys: dict[ContextKey, set[str]] = {}
    for c, terrs in territories.items():
        keys[(c, None)] = set()
        keys[(c, GLOBAL)] = set()
        for t in terrs:
            keys[(c, t)] = set()
    for d in active:
        for c in d.restricts:
            keys[(c, None)].add(d.id)
            if not d.territories:
                for t in territories[c]:
                    keys[(c, t)].add(d.id)
                keys[(c, GLOBAL)].add(d.id)
            else:
                for t in d.territories:
                    keys[(c, t)].add(d.id)
    return keys


def _subject_maps(
    graph: CompiledGraph, decisions: Iterable[GateDecision]
) -> tuple[
    dict[int, float],
    dict[int, tuple[str, ...]],
    dict[int, tuple[str, ...]],
    dict[int, tuple[str, ...]],
]:
    spread: dict[int, float] = {}
    controlled: defaultdict[int, list[str]] = defaultdict(list)
    parties: defaultdict[int, list[str]] = defaultdict(list)
    accounts: defaultdict[int, list[str]] = defaultdict(list)
    for d in decisions:
        if d.subject_kind == "party":
            p = graph.party_index.get(d.subject_id)
            if p is None:
                continue  # a party the graph does not hold owns nothing and no account
            parties[p].append(d.id)
            if d.reach == "controlled":
                spread[p] = min(spread.get(p, d.threshold), d.threshold)
                controlled[p].append(d.id)
        elif d.subject_kind == "account":
            h = graph.account_index.get(d.subject_id)
            if h is not None and graph.known[h]:
                accounts[h].append(d.id)
    freeze = {k: tuple(v) for k, v in parties.items()}
    return (
        spread,
        {k: tuple(v) for k, v in controlled.items()},
        freeze,
        {k: tuple(v) for k, v in accounts.items()},
    )


def _account_answers(
    graph: CompiledGraph,
    restricted: BoolArray,
    account_subjects: Mapping[int, object],
    unknown_allowed: bool,
) -> tuple[BoolArray, frozenset[str]]:
    n = graph.n_accounts
    ext = np.zeros(graph.n_parties + 1, np.bool_)
    ext[:-1] = restricted
    denied = ext[graph.account_owner]  # owner -1 reads the trailing False
    if account_subjects:
        denied[np.fromiter(account_subjects.keys(), np.int64, len(account_subjects))] = True
    denied &= graph.known
    allowed = np.empty(n + 1, np.bool_)
    np.logical_not(denied, out=allowed[:n])
    if not unknown_allowed:
        allowed[:n] &= graph.known
    allowed[n] = unknown_allowed
    ids = graph.account_ids
    denied_ids = frozenset([ids[i] for i in np.flatnonzero(denied).tolist()])
    return allowed, denied_ids


def build_context(
    graph: CompiledGraph, capability: str, decisions: Sequence[GateDecision], unknown_allowed: bool
) -> Context:
    spread, controlled, party_subjects, account_subjects = _subject_maps(graph, decisions)
    upper = propagate.full(graph, spread)
    exempt = carving.exemptions(graph, decisions)
    parties = upper
    inherited: dict[int, frozenset[str]] = {}
    if exempt.parties:
        thresholds = {d.id: d.threshold for d in decisions}
        parties, inherited = carving.carve(
            graph, upper, thresholds.__getitem__, controlled, exempt.parties
        )
    restricted = parties.spreading.copy()
    if party_subjects:
        restricted[np.fromiter(party_subjects.keys(), np.int64, len(party_subjects))] = True
    allowed, denied = _account_answers(graph, restricted, account_subjects, unknown_allowed)
    if exempt.accounts:
        spared = [
            h
            for h in exempt.accounts
            if not allowed[h]
            and not _account_denied(
                graph,
                h,
                restricted,
                account_subjects,
                exempt.accounts,
                lambda p: _party_ids(graph, parties, controlled, party_subjects, inherited, p),
            )
        ]
        if spared:
            allowed = allowed.copy()
            allowed[spared] = True
            denied = denied.difference(graph.account_ids[h] for h in spared)
    return Context(
        capability=capability,
        decisions=frozenset(d.id for d in decisions),
        spread=spread,
        controlled=controlled,
        party_subjects=party_subjects,
        account_subjects=account_subjects,
        parties=parties,
        restricted=restricted,
        allowed=allowed,
        denied=denied,
        exempting=frozenset(d.id for d in decisions if d.exempt),
        inherited=inherited,
        account_exempt=exempt.accounts,
        upper=None if parties is upper else upper,
    )


def base_answers(graph: CompiledGraph, unknown_allowed: bool) -> BoolArray:
    n = graph.n_accounts
    allowed = np.empty(n + 1, np.bool_)
    allowed[:n] = True if unknown_allowed else graph.known
    allowed[n] = unknown_allowed
    return allowed


def compile_state(
    graph: CompiledGraph,
    decisions: Iterable[GateDecision],
    position: int,
    now: float,
    unknown_allowed: bool = True,
) -> GateState:
    """Everything from scratch: one full propagation per distinct context."""
    live = {d.id: d for d in decisions if d.ends_at > now}
    active = [d for d in live.values() if d.active_at(now)]
    by_id = {d.id: d for d in active}
    contexts: dict[ContextKey, Context] = {}
    shared: dict[tuple[str, frozenset[str]], Context] = {}
    for key, ids in _keys_for(active).items():
        frozen = frozenset(ids)
        ctx = shared.get((key[0], frozen))
        if ctx is None:
            ctx = build_context(graph, key[0], [by_id[i] for i in sorted(ids)], unknown_allowed)
            shared[(key[0], frozen)] = ctx
        contexts[key] = ctx
    return GateState(
        position=position,
        graph=graph,
        decisions=live,
        by_subject=_index_subjects(live.values()),
        now=now,
        next_change_at=_next_change(live.values(), now),
        contexts=contexts,
        unknown_allowed=unknown_allowed,
        base_allowed=base_answers(graph, unknown_allowed),
    )


# --- changing --------------------------------------------------------------------------------


def derive_context(
    graph: CompiledGraph,
    old: Context,
    decisions: frozenset[str],
    known: Mapping[str, GateDecision],
    by_subject: Mapping[str, tuple[str, ...]],
    unknown_allowed: bool,
) -> Context:
    """``old`` with a different set of decisions, swept incrementally."""
    delta = decisions ^ old.decisions
    if not delta:
        return old
    parties: set[int] = set()
    accounts: set[int] = set()
    subjects: set[str] = set()
    for i in delta:
        d = known[i]
        subjects.add(d.subject_id)
        if d.subject_kind == "party":
            p = graph.party_index.get(d.subject_id)
            if p is not None:
                parties.add(p)
        elif d.subject_kind == "account":
            h = graph.account_index.get(d.subject_id)
            if h is not None and graph.known[h]:
                accounts.add(h)
    if len(parties) > SWEEP_LIMIT:
        return build_context(
            graph, old.capability, [known[i] for i in sorted(decisions)], unknown_allowed
        )
    relevant = [known[i] for s in sorted(subjects) for i in by_subject.get(s, ()) if i in decisions]
    spread_new, controlled_new, psub_new, asub_new = _subject_maps(graph, relevant)
    spread = dict(old.spread)
    controlled = dict(old.controlled)
    party_subjects = dict(old.party_subjects)
    account_subjects = dict(old.account_subjects)
    seeds = []
    for p in parties:
        before = spread.pop(p, None)
        controlled.pop(p, None)
        party_subjects.pop(p, None)
        if p in spread_new:
            spread[p] = spread_new[p]
            controlled[p] = controlled_new[p]
        if p in psub_new:
            party_subjects[p] = psub_new[p]
        if before != spread.get(p):
            seeds.append(p)
    for h in accounts:
        account_subjects.pop(h, None)
        if h in asub_new:
            account_subjects[h] = asub_new[h]
    overlay = propagate.update(graph, old.base, spread, seeds) if seeds else {}
    upper = old.base.with_changes(overlay)
    exempting = (old.exempting & decisions) | {i for i in delta & decisions if known[i].exempt}
    exempt = carving.exemptions(graph, [known[i] for i in sorted(exempting)])
    new_parties = upper
    inherited: dict[int, frozenset[str]] = {}
    if exempt.parties:
        new_parties, inherited = carving.carve(
            graph, upper, lambda i: known[i].threshold, controlled, exempt.parties
        )
    flips: list[int] = []
    for p in parties | overlay.keys() | old.inherited.keys() | inherited.keys():
        now_restricted = p in party_subjects or int(new_parties.rnd[p]) >= 0
        if bool(old.restricted[p]) != now_restricted:
            flips.append(p)
    restricted = old.restricted
    if flips:
        restricted = restricted.copy()
        for p in flips:
            restricted[p] = not restricted[p]
    touched: set[int] = set(accounts) | old.account_exempt.keys() | exempt.accounts.keys()
    for p in flips:
        touched.update(graph.accounts_of(p).tolist())
    allowed = old.allowed
    denied = old.denied
    if touched:
        allowed = allowed.copy()
        now_denied: list[str] = []
        now_allowed: list[str] = []
        ids = graph.account_ids

        def party_ids(p: int) -> frozenset[str]:
            return _party_ids(graph, new_parties, controlled, party_subjects, inherited, p)

        for h in touched:
            if not graph.known[h]:
                continue
            is_denied = _account_denied(
                graph, h, restricted, account_subjects, exempt.accounts, party_ids
            )
            if is_denied == (not allowed[h]):
                continue
            allowed[h] = not is_denied
            (now_denied if is_denied else now_allowed).append(ids[h])
        if now_allowed:
            denied = denied.difference(now_allowed)
        if now_denied:
            denied = denied.union(now_denied)
    return Context(
        capability=old.capability,
        decisions=decisions,
        spread=spread,
        controlled=controlled,
        party_subjects=party_subjects,
        account_subjects=account_subjects,
        parties=new_parties,
        restricted=restricted,
        allowed=allowed,
        denied=denied,
        exempting=frozenset(exempting),
        inherited=inherited,
        account_exempt=exempt.accounts,
        upper=None if new_parties is upper else upper,
    )


def empty_context(graph: CompiledGraph, capability: str, unknown_allowed: bool) -> Context:
    return Context(
        capability=capability,
        decisions=frozenset(),
        spread={},
        controlled={},
        party_subjects={},
        account_subjects={},
        parties=PartyState.empty(graph.n_parties),
        restricted=np.zeros(graph.n_parties, np.bool_),
        allowed=base_answers(graph, unknown_allowed),
        denied=frozenset(),
    )


def advance(
    state: GateState,
    changes: Sequence[Change],
    now: float,
    graph: CompiledGraph | None = None,
) -> GateState:
    """The state after ``changes`` (in changelog order) at time ``now``. With ``graph`` (after a
    ``graph`` entry) everything is recompiled on the new graph. Otherwise the work is
    proportional to what changed: the contexts of the capabilities a changed decision
    restricts are derived from the old ones by an incremental sweep."""
    decisions = dict(state.decisions)
    position = state.position
    touched: set[str] = set()
    for change in changes:
        position = max(position, change.seq)
        if change.change == "recorded" and change.decision is not None:
            decisions[change.decision.id] = change.decision
            touched.add(change.decision.id)
        elif change.change == "lifted" and change.decision_id is not None:
            d = decisions.get(change.decision_id)
            if d is not None and change.lifted_at is not None:
                decisions[d.id] = d.lifted(change.lifted_at)
                touched.add(d.id)
    if graph is not None:
        return compile_state(
            graph, decisions.values(), position, now, unknown_allowed=state.unknown_allowed
        )
    time_moved = now >= state.next_change_at or now < state.now
    if time_moved:
        touched.update(decisions)  # time passed a start or an end: re-check every one
    flips: list[str] = []
    for i in touched:
        old = state.decisions.get(i)
        was = old is not None and old.active_at(state.now)
        if was != decisions[i].active_at(now):
            flips.append(i)
    if time_moved:
        live = {i: d for i, d in decisions.items() if d.ends_at > now}
        by_subject = _index_subjects(live.values())
        next_change_at = _next_change(live.values(), now)
    else:
        live = decisions
        by_subject = state.by_subject
        added = [i for i in touched if i not in state.decisions]
        if added:
            by_subject = dict(by_subject)
            for i in sorted(added):
                subject = decisions[i].subject_id
                by_subject[subject] = (*by_subject.get(subject, ()), i)
        next_change_at = min(
            state.next_change_at, _next_change((decisions[i] for i in touched), now)
        )
    contexts = state.contexts
    if flips:
        contexts = _advance_contexts(state, decisions, by_subject, flips, now)
    return GateState(
        position=position,
        graph=state.graph,
        decisions=live,
        by_subject=by_subject,
        now=now,
        next_change_at=next_change_at,
        contexts=contexts,
        unknown_allowed=state.unknown_allowed,
        base_allowed=state.base_allowed,
    )


def _applies(d: GateDecision, territory: str | None) -> bool:
    if territory is None:
        return True
    if territory == GLOBAL:
        return not d.territories
    return not d.territories or territory in d.territories


def _advance_contexts(
    state: GateState,
    known: Mapping[str, GateDecision],
    by_subject: Mapping[str, tuple[str, ...]],
    flips: Sequence[str],
    now: float,
) -> dict[ContextKey, Context]:
    """New contexts for the capabilities the flipped decisions restrict: each context's set of
    decisions changes by exactly the flipped ones that count there."""
    contexts = dict(state.contexts)
    capabilities = sorted({c for i in flips for c in known[i].restricts})
    for capability in capabilities:
        old_sets = {k: ctx.decisions for k, ctx in contexts.items() if k[0] == capability}
        if not old_sets:
            old_sets = {(capability, None): frozenset(), (capability, GLOBAL): frozenset()}
        relevant = [known[i] for i in flips if capability in known[i].restricts]
        for d in relevant:
            for t in d.territories:
                old_sets.setdefault((capability, t), old_sets[(capability, GLOBAL)])
        made: dict[frozenset[str], Context] = {}
        for key, old_set in old_sets.items():
            add = {d.id for d in relevant if _applies(d, key[1]) and d.active_at(now)}
            remove = {d.id for d in relevant if _applies(d, key[1]) and not d.active_at(now)}
            new_set = old_set
            if remove & old_set:
                new_set = new_set.difference(remove)
            if add - new_set:
                new_set = new_set.union(add)
            ctx = made.get(new_set)
            if ctx is None:
                base = (
                    contexts.get(key)
                    or contexts.get((capability, GLOBAL))
                    or empty_context(state.graph, capability, state.unknown_allowed)
                )
                ctx = derive_context(
                    state.graph, base, new_set, known, by_subject, state.unknown_allowed
                )
                made[new_set] = ctx
            contexts[key] = ctx
    return contexts
