"""Who a decision reaches: the exact propagation semantics of DESIGN.md section 4.

For capability C the *restricted parties* are the subjects of active decisions restricting C,
closed under control. The closure is the least fixpoint of a monotone operator, so it does not
depend on the order parties are visited in (or on how their ids sort):

- A party's *spreading value* (theta, the decision ids it passes on) combines two parts. Its
  own: when it is the subject of ``controlled`` decisions, theta = the lowest threshold among
  them and their ids. What it inherits: when the shares of X held directly by spreading parties
  (its own shares in itself excluded) add up to at least the lowest theta among those owners
  (EPSILON tolerance; every shipped rule uses 50 %), that theta and the union of those owners'
  ids. X spreads when either part applies, with the lower theta and the union of the ids: a
  subject is controlled by its restricted owners regardless of its own decisions, so a decision
  on X never makes X spread less far.
- X is restricted when it is the subject of a decision or spreads. Its denying decisions are the
  decisions on X itself (any reach) plus, when it inherits, the ids it inherits; ``via`` then
  lists its spreading owners (also for a subject that is controlled).
- Decisions with reach ``subject`` restrict their subject only: they never spread, and the
  shares their subjects hold never count, unless the subject inherits through control (it then
  spreads what reached it, not its own subject-reach decisions).

Exemptions (an appeal's outcome ``exempted``: a decision's ``exempt`` parties and accounts,
never its own subject): a party exempt from decision d neither inherits d nor passes it on. An
owner counts for X with the ids it passes on less those X is exempt from, and only when some
remain; theta is then the lowest threshold among those ids. So the exempt party, its accounts and
whatever only its shares brought to the threshold leave d's reach, and the rest stays. An
account exempt from d is not denied by d.

Adding a spreading owner only raises the sum and lowers the minimum, and lowering an owner's
theta only lowers X's, so the operator is monotone. It is iterated from the subjects with a
worklist: whenever a party joins, lowers its theta or passes on more ids, the parties it holds
are evaluated again (those already restricted, subjects included) until nothing changes. Chains
and cycles are handled; shares held by unrestricted parties never count and nothing spreads
upwards to owners. An account is denied C when it is the subject of an active decision
restricting C or its owner is a restricted party.

This module is the readable reference: plain dicts, with the reason each party is reached. The
gate compiles the same semantics into arrays (``standing.gate.propagate``).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from standing.decisions.model import Decision
from standing.graph.model import Account, Ownership

EPSILON = 1e-9


@dataclass(slots=True)
class GraphIndex:
    """Adjacency of the ownership graph and account ownership."""

    holdings: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # owner -> assets
    holders: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # asset -> owners
    accounts_of: dict[str, list[str]] = field(default_factory=dict)  # party -> account ids
    account_owner: dict[str, str | None] = field(default_factory=dict)

    @classmethod
    def build(cls, ownerships: Iterable[Ownership], accounts: Iterable[Account]) -> GraphIndex:
        index = cls()
        holdings: defaultdict[str, list[tuple[str, float]]] = defaultdict(list)
        holders: defaultdict[str, list[tuple[str, float]]] = defaultdict(list)
        for edge in ownerships:
            holdings[edge.owner].append((edge.asset, edge.share))
            holders[edge.asset].append((edge.owner, edge.share))
        accounts_of: defaultdict[str, list[str]] = defaultdict(list)
        for account in accounts:
            index.account_owner[account.id] = account.owner
            if account.owner is not None:
                accounts_of[account.owner].append(account.id)
        index.holdings, index.holders, index.accounts_of = (
            dict(holdings),
            dict(holders),
            dict(accounts_of),
        )
        return index


@dataclass(frozen=True, slots=True)
class PartyReach:
    """Why a party is restricted: it is a subject, controlled through ``via``, or both."""

    party_id: str
    decisions: frozenset[str]
    via: tuple[tuple[str, float], ...] = ()  # (restricted owner, share) that added up
    territories: frozenset[str] | None = None  # where, when narrower than the decision's scope

    @property
    def is_subject(self) -> bool:
        """Restricted only as a subject (not controlled by restricted owners)."""
        return not self.via


@dataclass(frozen=True, slots=True)
class AccountReach:
    account_id: str
    decisions: frozenset[str]
    owner: str | None  # set when the account is reached through its restricted owner
    territories: frozenset[str] | None = None  # where, when narrower than the decision's scope


@dataclass(frozen=True, slots=True)
class Restriction:
    """The outcome of propagation for one capability (and territory)."""

    parties: Mapping[str, PartyReach]
    accounts: Mapping[str, AccountReach]


def applicable(
    decisions: Iterable[Decision], capability: str, territory: str | None, now: datetime
) -> list[Decision]:
    return [
        d
        for d in decisions
        if capability in d.restricts and d.active_at(now) and d.applies_in(territory)
    ]


def exemptions(decisions: Iterable[Decision]) -> dict[str, frozenset[str]]:
    """Party or account id -> the ids of the decisions it is exempt from (never its own
    subject's: a decision always reaches its subject)."""
    out: defaultdict[str, set[str]] = defaultdict(set)
    for d in decisions:
        for entity in d.exempt:
            if entity != d.subject_id:
                out[entity].add(d.id)
    return {k: frozenset(v) for k, v in out.items()}


def restricted_parties(decisions: Sequence[Decision], graph: GraphIndex) -> dict[str, PartyReach]:
    """Close the party subjects of ``decisions`` (already filtered to one capability, active,
    applicable) under control: the least fixpoint described in the module docstring.

    A party exempt from a decision neither inherits that decision nor passes it on: an owner
    counts for X with the ids it passes on less those X is exempt from, and only when some
    remain (so an exempt subsidiary's shares no longer bring in what only it controlled)."""
    subject_of: defaultdict[str, set[str]] = defaultdict(set)
    own: dict[str, frozenset[str]] = {}  # controlled subject -> its controlled ids
    threshold_of: dict[str, float] = {}
    for d in decisions:
        if d.subject_kind != "party":
            continue
        subject_of[d.subject_id].add(d.id)
        if d.reach == "controlled":
            own[d.subject_id] = own.get(d.subject_id, frozenset()) | {d.id}
            threshold_of[d.id] = d.threshold
    exempt = exemptions(decisions)
    # Every spreading party: the controlled decision ids it passes on (its theta is the lowest
    # threshold among them).
    spreading: dict[str, frozenset[str]] = dict(own)
    via: dict[str, tuple[tuple[str, float], ...]] = {}
    work = deque(sorted({asset for p in own for asset, _ in graph.holdings.get(p, ())}))
    queued = set(work)
    none: frozenset[str] = frozenset()
    while work:
        party = work.popleft()
        queued.discard(party)
        shielded = exempt.get(party, none)
        owners: list[tuple[str, float]] = []
        passed: set[str] = set()
        for owner, share in graph.holders.get(party, ()):
            if owner == party or owner not in spreading:
                continue
            ids = spreading[owner] - shielded
            if ids:
                owners.append((owner, share))
                passed |= ids
        if not owners:
            continue
        threshold = min(threshold_of[i] for i in passed)
        if sum(share for _, share in owners) + EPSILON < threshold:
            continue
        via[party] = tuple(owners)  # every spreading owner counts, whichever joined first
        value = frozenset(passed) | own.get(party, none)
        if spreading.get(party) == value:
            continue
        spreading[party] = value  # joined or passes on more ids: tell what it holds
        for asset, _ in graph.holdings.get(party, ()):
            if asset not in queued:
                queued.add(asset)
                work.append(asset)
    result: dict[str, PartyReach] = {}
    for party in set(subject_of) | set(spreading):
        reached_by = set(subject_of.get(party, ()))
        if party in via:
            reached_by |= spreading[party]
        result[party] = PartyReach(party, frozenset(reached_by), via.get(party, ()))
    return result


def restriction(decisions: Sequence[Decision], graph: GraphIndex) -> Restriction:
    """Restricted parties and denied accounts for one capability's applicable decisions. An
    account exempt from a decision is not denied by it."""
    parties = restricted_parties(decisions, graph)
    exempt = exemptions(decisions)
    none: frozenset[str] = frozenset()
    accounts: dict[str, AccountReach] = {}
    for party, reach in parties.items():
        for account in graph.accounts_of.get(party, ()):
            ids = reach.decisions - exempt.get(account, none)
            if ids:
                accounts[account] = AccountReach(account, ids, party)
    for d in decisions:
        if d.subject_kind == "account" and d.subject_id in graph.account_owner:
            prior = accounts.get(d.subject_id)
            ids = (prior.decisions if prior else frozenset()) | {d.id}
            accounts[d.subject_id] = AccountReach(d.subject_id, ids, prior.owner if prior else None)
    return Restriction(parties, accounts)


def reach_of(
    decision: Decision, others: Sequence[Decision], graph: GraphIndex, now: datetime
) -> dict[str, Restriction]:
    """What ``decision`` reaches, per capability it restricts, together with the other active
    decisions (aggregate shares count across decisions). Only entries that ``decision`` takes
    part in are kept.

    Shares add up only between decisions that apply in the same place, so the reach is worked
    out per territory: for a decision limited to territories, in each of them (with the global
    decisions and those naming it); for a global one, with the other global decisions (reached
    everywhere) and then in each territory another decision names (reached there only). An
    entry reached in only part of the decision's scope carries those ``territories``."""
    scopes: list[str | None] = (
        [*sorted(decision.territories)]
        if decision.territories
        else [None, *sorted({t for d in others for t in d.territories})]
    )
    out: dict[str, Restriction] = {}
    for capability in decision.restricts:
        parties: dict[str, PartyReach] = {}
        accounts: dict[str, AccountReach] = {}
        party_where: defaultdict[str, set[str | None]] = defaultdict(set)
        account_where: defaultdict[str, set[str | None]] = defaultdict(set)
        for scope in scopes:
            present = applicable(others, capability, scope, now)
            if scope is None:  # the decision's own worldwide scope: global decisions only
                present = [d for d in present if not d.territories]
            full = restriction([decision, *present], graph)
            for p, r in full.parties.items():
                if decision.id in r.decisions:
                    parties.setdefault(p, r)
                    party_where[p].add(scope)
            for a, ar in full.accounts.items():
                if decision.id in ar.decisions:
                    accounts.setdefault(a, ar)
                    account_where[a].add(scope)
        out[capability] = Restriction(
            {
                p: replace(r, territories=_narrower(party_where[p], scopes))
                for p, r in parties.items()
            },
            {
                a: replace(r, territories=_narrower(account_where[a], scopes))
                for a, r in accounts.items()
            },
        )
    return out


def _narrower(where: set[str | None], scopes: list[str | None]) -> frozenset[str] | None:
    """``None`` when reached throughout the decision's scope, else the territories."""
    if None in where or where >= set(scopes):
        return None
    return frozenset(t for t in where if t is not None)
