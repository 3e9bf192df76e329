"""A brute-force statement of the propagation semantics (DESIGN.md section 4), for tests.

The restricted set is the least fixpoint of a monotone operator, computed naively: start from the
subjects, then apply the operator to *every* party at once (from the previous pass's values) and
repeat until a pass changes nothing. No worklist, no visiting order, nothing incremental.

Per party X the operator combines two parts:
- own: when X is the subject of ``controlled`` decisions, the lowest of their thresholds and
  their ids;
- inherited: when X's spreading direct holders (self-holdings excluded) hold a total share >= the
  lowest threshold ``m`` among them (EPSILON tolerance), ``m`` and the union of their ids.
X spreads when either applies, with the lower threshold and the union of the ids (a subject is
controlled by its restricted owners regardless of its own decisions). A party is restricted when
it is the subject of a decision or spreads; its denying decisions are those on it plus, when it
inherits, the ids it inherits.

Exemptions: X exempt from decision d (d's ``exempt``, never d's own subject) takes nothing of d
from its holders: an owner counts for X with the ids it passes on less those X is exempt from
(its theta then the lowest threshold among those), and only when some remain. An account exempt
from d is not denied by d.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from hypothesis import strategies as st

from standing.decisions.model import Decision

EPSILON = 1e-9


def least_fixpoint(
    parties: Iterable[str],
    edges: Sequence[tuple[str, str, float]],
    decisions: Sequence[Decision],
) -> tuple[dict[str, frozenset[str]], dict[str, float], dict[str, tuple[tuple[str, float], ...]]]:
    """For ``decisions`` already filtered to one capability (active, applicable): every
    restricted party with its denying decision ids, every spreading party's threshold, and for
    each party that joined through control the (owner, share) pairs that count."""
    names = set(parties) | {o for o, _, _ in edges} | {a for _, a, _ in edges}
    names |= {d.subject_id for d in decisions if d.subject_kind == "party"}
    on: defaultdict[str, set[str]] = defaultdict(set)
    own_theta: dict[str, float] = {}
    own_ids: defaultdict[str, set[str]] = defaultdict(set)
    for d in decisions:
        if d.subject_kind != "party":
            continue
        on[d.subject_id].add(d.id)
        if d.reach == "controlled":
            own_theta[d.subject_id] = min(own_theta.get(d.subject_id, d.threshold), d.threshold)
            own_ids[d.subject_id].add(d.id)
    threshold = {d.id: d.threshold for d in decisions}
    shielded: defaultdict[str, set[str]] = defaultdict(set)
    for d in decisions:
        for entity in d.exempt:
            if entity != d.subject_id:
                shielded[entity].add(d.id)
    theta: dict[str, float] = dict(own_theta)
    passes: dict[str, frozenset[str]] = {p: frozenset(ids) for p, ids in own_ids.items()}
    while True:
        new_theta = dict(own_theta)
        new_passes = {p: frozenset(ids) for p, ids in own_ids.items()}
        inherited: dict[str, frozenset[str]] = {}
        for x in sorted(names):
            got = _inherit(x, edges, passes, threshold, shielded[x])
            if got is None:
                continue
            m, ids = got
            inherited[x] = ids
            new_theta[x] = min(m, new_theta.get(x, m))
            new_passes[x] = new_passes.get(x, frozenset()) | ids
        if new_theta == theta and new_passes == passes:
            break
        theta, passes = new_theta, new_passes
    denying: dict[str, frozenset[str]] = {}
    via: dict[str, tuple[tuple[str, float], ...]] = {}
    for p in sorted(set(on) | set(theta)):
        ids = set(on.get(p, ()))
        got = _inherit(p, edges, passes, threshold, shielded[p])
        if got is not None:
            ids |= got[1]
            via[p] = tuple(
                sorted(
                    (o, s)
                    for o, a, s in edges
                    if a == p and o != p and o in passes and passes[o] - shielded[p]
                )
            )
        denying[p] = frozenset(ids)
    return denying, theta, via


def _inherit(
    x: str,
    edges: Sequence[tuple[str, str, float]],
    passes: dict[str, frozenset[str]],
    threshold: dict[str, float],
    shielded: set[str],
) -> tuple[float, frozenset[str]] | None:
    """What ``x`` inherits through control from the spreading parties (those in ``passes``),
    if anything: the lowest threshold among what its spreading holders pass on to it (less
    what it is exempt from) and the union of those ids."""
    owners = [
        (s, passes[o] - shielded)
        for o, a, s in edges
        if a == x and o != x and o in passes and passes[o] - shielded
    ]
    if not owners:
        return None
    ids = frozenset().union(*(i for _, i in owners))
    m = min(threshold[i] for i in ids)
    if sum(s for s, _ in owners) + EPSILON < m:
        return None
    return m, ids


def denied_accounts(
    accounts: Iterable[tuple[str, str | None]],
    decisions: Sequence[Decision],
    denying: dict[str, frozenset[str]],
) -> dict[str, frozenset[str]]:
    """Account id -> denying decision ids, for every denied account."""
    out: dict[str, frozenset[str]] = {}
    shielded: defaultdict[str, set[str]] = defaultdict(set)
    for d in decisions:
        for entity in d.exempt:
            if entity != d.subject_id:
                shielded[entity].add(d.id)
    for account, owner in accounts:
        ids = set(denying.get(owner, ())) - shielded[account] if owner is not None else set()
        ids |= {d.id for d in decisions if d.subject_kind == "account" and d.subject_id == account}
        if ids:
            out[account] = frozenset(ids)
    return out


def decision_specs(nodes: int, max_size: int) -> st.SearchStrategy[list[tuple[int, str, float]]]:
    """Random decisions on ``nodes`` parties: (party index, reach, threshold), thresholds mixed."""
    return st.lists(
        st.tuples(
            st.integers(0, nodes - 1),
            st.sampled_from(["controlled", "controlled", "subject"]),
            st.sampled_from([25.0, 50.0, 75.0]),
        ),
        min_size=1,
        max_size=max_size,
    )
