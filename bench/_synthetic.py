"""Seeded synthetic data shared by the benchmarks: accounts owned by parties in a random
ownership forest, with a share of the parties restricted.

The forest is made of corporate groups (sizes 1..400, mostly small): inside a group every
company but the root is held by an earlier member, with a majority stake (50-100 %) three times
out of four and a minority one otherwise; 3 % of parties also hold a minority stake in a random
party elsewhere, and 0.5 % are joint ventures held 50/50 by two parties. Party ids are random
hex, so id order is unrelated to the tree. Restricted parties carry one ``controlled`` decision
(threshold 50) restricting ``ads.promote``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from standing.gate.graph import CompiledGraph
from standing.gate.model import GateDecision, GraphData

CAPABILITY = "ads.promote"


@dataclass
class Synthetic:
    party_ids: list[str]  # sorted
    edge_owner: np.ndarray
    edge_asset: np.ndarray
    edge_share: np.ndarray
    account_ids: list[str]
    account_owner: np.ndarray  # -1: no owner
    restricted: np.ndarray  # party indexes with a decision
    decisions: list[GateDecision]
    seed: int

    def compiled(self) -> CompiledGraph:
        return CompiledGraph.from_arrays(
            self.party_ids,
            self.edge_owner,
            self.edge_asset,
            self.edge_share,
            self.account_ids,
            self.account_owner,
        )

    def graph_data(self) -> GraphData:
        p = self.party_ids
        return GraphData(
            parties=p,
            ownerships=[
                (p[o], p[a], s)
                for o, a, s in zip(
                    self.edge_owner.tolist(),
                    self.edge_asset.tolist(),
                    self.edge_share.tolist(),
                    strict=True,
                )
            ],
            accounts=[
                (a, None if o < 0 else p[o])
                for a, o in zip(self.account_ids, self.account_owner.tolist(), strict=True)
            ],
        )


def decision_for(
    party_id: str, n: int, starts_at: float, reach: str = "controlled"
) -> GateDecision:
    return GateDecision(
        id=f"dec-{n:07d}",
        subject_id=party_id,
        subject_kind="party",
        restricts=(CAPABILITY,),
        reach=reach,
        threshold=50.0,
        territories=(),
        starts_at=starts_at,
    )


def generate(
    accounts: int = 1_000_000,
    parties: int = 200_000,
    restricted_share: float = 0.02,
    seed: int = 20181,
) -> Synthetic:
    rng = np.random.default_rng(seed)
    # Groups: sizes drawn from a truncated power law, laid out consecutively.
    sizes: list[int] = []
    total = 0
    while total < parties:
        s = int(min(400, max(1, rng.pareto(1.3) + 1)))
        s = min(s, parties - total)
        sizes.append(s)
        total += s
    starts = np.cumsum([0, *sizes[:-1]])
    owners: list[np.ndarray] = []
    assets: list[np.ndarray] = []
    for start, size in zip(starts.tolist(), sizes, strict=True):
        if size < 2:
            continue
        members = np.arange(start + 1, start + size)
        parents = start + (rng.random(size - 1) * (members - start)).astype(np.int64)
        owners.append(parents)
        assets.append(members)
    owner = np.concatenate(owners) if owners else np.zeros(0, np.int64)
    asset = np.concatenate(assets) if assets else np.zeros(0, np.int64)
    majority = rng.random(owner.size) < 0.75
    share = np.where(majority, rng.uniform(50, 100, owner.size), rng.uniform(1, 49, owner.size))
    # Cross holdings (minority) and joint ventures (50/50).
    n_cross = int(parties * 0.03)
    c_owner = rng.integers(0, parties, n_cross)
    c_asset = rng.integers(0, parties, n_cross)
    keep = c_owner != c_asset
    n_jv = int(parties * 0.005)
    jv_asset = rng.integers(0, parties, n_jv)
    jv_owner = rng.integers(0, parties, n_jv)
    owner = np.concatenate([owner, c_owner[keep], jv_owner])
    asset = np.concatenate([asset, c_asset[keep], jv_asset])
    share = np.concatenate([share, rng.uniform(1, 30, int(keep.sum())), np.full(n_jv, 50.0)])
    # Random ids; the node numbering above is permuted so id order is unrelated to structure.
    raw = rng.choice(2**48, size=parties, replace=False)
    names = [f"p-{x:012x}" for x in raw.tolist()]
    order = np.argsort(np.array(names))
    rank = np.empty(parties, np.int64)
    rank[order] = np.arange(parties)
    party_ids = [names[i] for i in order.tolist()]
    owner, asset = rank[owner], rank[asset]
    acc_owner = rng.integers(0, parties, accounts)
    acc_owner[rng.random(accounts) < 0.01] = -1
    account_ids = [f"acc-{i:07d}" for i in range(accounts)]
    restricted = np.sort(rng.choice(parties, size=int(parties * restricted_share), replace=False))
    t0 = datetime(2026, 1, 1, tzinfo=UTC).timestamp()
    decisions = [decision_for(party_ids[p], i, t0) for i, p in enumerate(restricted.tolist())]
    return Synthetic(
        party_ids=party_ids,
        edge_owner=owner.astype(np.int64),
        edge_asset=asset.astype(np.int64),
        edge_share=share,
        account_ids=account_ids,
        account_owner=acc_owner.astype(np.int64),
        restricted=restricted,
        decisions=decisions,
        seed=seed,
    )


def write_database(url: str, syn: Synthetic) -> None:
    """Create the schema and bulk-load the synthetic graph and decisions (one changelog entry per
    decision). Uses the drivers' bulk paths: executemany on SQLite, COPY on PostgreSQL."""
    import orjson

    from standing.store.engine import make_engine
    from standing.store.migrate import upgrade

    engine = make_engine(url)
    upgrade(engine)
    now = datetime.now(UTC)
    stamp = now.replace(tzinfo=None).isoformat(sep=" ") if engine.dialect.name == "sqlite" else now
    p = syn.party_ids
    parties = [(pid, "Company", pid, "[]", "{}", stamp) for pid in p]
    edges = [
        (f"own-{i:07d}", p[o], p[a], s, stamp)
        for i, (o, a, s) in enumerate(
            zip(
                syn.edge_owner.tolist(),
                syn.edge_asset.tolist(),
                syn.edge_share.tolist(),
                strict=True,
            )
        )
    ]
    accounts = [
        (aid, None if o < 0 else p[o], "social", aid, stamp)
        for aid, o in zip(syn.account_ids, syn.account_owner.tolist(), strict=True)
    ]
    decisions = []
    for d in syn.decisions:
        starts = datetime.fromtimestamp(d.starts_at, UTC)
        starts_v = (
            starts.replace(tzinfo=None).isoformat(sep=" ")
            if engine.dialect.name == "sqlite"
            else starts
        )
        decisions.append(
            (
                d.id,
                d.subject_id,
                d.subject_kind,
                "bench-rule",
                "bench",
                orjson.dumps(list(d.restricts)).decode(),
                d.reach,
                d.threshold,
                "synthetic",
                "[]",
                "[]",
                starts_v,
                None,
                False,
                False,
                "bench",
                stamp,
                None,
            )
        )
    changes = [("recorded", d.id, stamp) for d in syn.decisions]
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        if engine.dialect.name == "sqlite":
            cur.executemany("INSERT INTO parties VALUES (?,?,?,?,?,?)", parties)
            cur.executemany(
                "INSERT INTO ownerships (id, owner_id, asset_id, share, updated_at) "
                "VALUES (?,?,?,?,?)",
                edges,
            )
            cur.executemany(
                "INSERT INTO accounts (id, owner_id, service, username, updated_at) "
                "VALUES (?,?,?,?,?)",
                accounts,
            )
            cur.executemany(
                "INSERT INTO decisions (id, subject_id, subject_kind, rule_id, policy_version, "
                "restricts, reach, threshold, facts, evidence, territories, starts_at, ends_at, "
                "automated_detection, automated_decision, author, created_at, supersedes) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                decisions,
            )
            cur.executemany(
                "INSERT INTO changelog (change, decision_id, at) VALUES (?,?,?)", changes
            )
        else:

            def copy(sql: str, rows: list[tuple[object, ...]]) -> None:
                with cur.copy(sql) as cp:  # type: ignore[attr-defined]
                    for row in rows:
                        cp.write_row(row)

            copy(
                "COPY parties (id, schema, caption, countries, properties, updated_at) FROM STDIN",
                parties,
            )
            copy("COPY ownerships (id, owner_id, asset_id, share, updated_at) FROM STDIN", edges)
            copy("COPY accounts (id, owner_id, service, username, updated_at) FROM STDIN", accounts)
            copy(
                "COPY decisions (id, subject_id, subject_kind, rule_id, policy_version, restricts, "
                "reach, threshold, facts, evidence, territories, starts_at, ends_at, "
                "automated_detection, automated_decision, author, created_at, supersedes) "
                "FROM STDIN",
                decisions,
            )
            copy("COPY changelog (change, decision_id, at) FROM STDIN", changes)
        raw.commit()
    finally:
        raw.close()
        engine.dispose()


def timed(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - t
