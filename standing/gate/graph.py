"""The ownership graph compiled into arrays: dense party and account indexes, CSR adjacency.

Parties are numbered in sorted id order (answers never depend on it: propagation is a
fixpoint). Accounts are numbered in the order they
were first seen and keep their number for the life of a gate: a handle from ``Gate.handles`` stays
valid across graph reloads (an account that disappears becomes unknown, it is not renumbered).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from standing.gate.model import GraphData

IntArray = npt.NDArray[np.int64]
I32Array = npt.NDArray[np.int32]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


def csr(keys: npt.NDArray[np.integer], size: int) -> tuple[IntArray, IntArray]:
    """Group positions by key: ``order[ptr[k]:ptr[k+1]]`` are the positions holding key ``k``,
    in their original order (stable)."""
    order = np.argsort(keys, kind="stable").astype(np.int64)
    counts = np.bincount(keys, minlength=size)
    ptr = np.zeros(size + 1, np.int64)
    np.cumsum(counts, out=ptr[1:])
    return ptr, order


def gather(ptr: IntArray, nodes: IntArray) -> tuple[IntArray, IntArray]:
    """Positions ``ptr[n]..ptr[n+1]`` for every node, concatenated, and for each position the
    index (into ``nodes``) of the node it came from."""
    starts = ptr[nodes]
    counts = ptr[nodes + 1] - starts
    total = int(counts.sum())
    seg = np.repeat(np.arange(nodes.size, dtype=np.int64), counts)
    offsets = np.cumsum(counts) - counts
    pos = np.arange(total, dtype=np.int64) + np.repeat(starts - offsets, counts)
    return pos, seg


@dataclass(frozen=True, slots=True, eq=False)
class CompiledGraph:
    party_ids: list[str]
    party_index: dict[str, int]
    # holdings (owner -> assets), edges grouped by owner
    out_ptr: IntArray
    out_asset: IntArray
    # holders (asset -> owners), edges grouped by asset in original edge order
    in_ptr: IntArray
    in_owner: IntArray
    in_share: FloatArray
    account_ids: list[str]
    account_index: dict[str, int]
    account_owner: IntArray  # party index, -1 for none
    known: BoolArray  # accounts currently in the graph (handles are never reused)
    acc_ptr: IntArray  # accounts grouped by owning party
    acc_order: IntArray

    @property
    def n_parties(self) -> int:
        return len(self.party_ids)

    @property
    def n_accounts(self) -> int:
        return len(self.account_ids)

    @property
    def n_edges(self) -> int:
        return int(self.in_owner.size)

    # Python-level adjacency for the incremental sweep and explanations (small walks only).
    def holders(self, party: int) -> list[tuple[int, float]]:
        lo, hi = int(self.in_ptr[party]), int(self.in_ptr[party + 1])
        return list(zip(self.in_owner[lo:hi].tolist(), self.in_share[lo:hi].tolist(), strict=True))

    def assets(self, party: int) -> list[int]:
        lo, hi = int(self.out_ptr[party]), int(self.out_ptr[party + 1])
        result: list[int] = self.out_asset[lo:hi].tolist()
        return result

    def accounts_of(self, party: int) -> IntArray:
        return self.acc_order[int(self.acc_ptr[party]) : int(self.acc_ptr[party + 1])]

    @classmethod
    def from_arrays(
        cls,
        party_ids: list[str],
        edge_owner: npt.NDArray[np.integer],
        edge_asset: npt.NDArray[np.integer],
        edge_share: npt.NDArray[np.floating],
        account_ids: list[str],
        account_owner: npt.NDArray[np.integer],
        account_index: dict[str, int] | None = None,
        known: BoolArray | None = None,
    ) -> CompiledGraph:
        """Build from dense arrays; ``party_ids`` must be sorted and unique."""
        n_parties = len(party_ids)
        owner = np.asarray(edge_owner, np.int64)
        asset = np.asarray(edge_asset, np.int64)
        share = np.asarray(edge_share, np.float64)
        out_ptr, out_order = csr(owner, n_parties)
        in_ptr, in_order = csr(asset, n_parties)
        acc_owner = np.asarray(account_owner, np.int64)
        owned = np.flatnonzero(acc_owner >= 0)
        acc_ptr, acc_pos = csr(acc_owner[owned], n_parties)
        if account_index is None:
            account_index = {a: i for i, a in enumerate(account_ids)}
        return cls(
            party_ids=party_ids,
            party_index={p: i for i, p in enumerate(party_ids)},
            out_ptr=out_ptr,
            out_asset=asset[out_order],
            in_ptr=in_ptr,
            in_owner=owner[in_order],
            in_share=share[in_order],
            account_ids=account_ids,
            account_index=account_index,
            account_owner=acc_owner,
            known=np.ones(len(account_ids), np.bool_) if known is None else known,
            acc_ptr=acc_ptr,
            acc_order=owned[acc_pos],
        )

    @classmethod
    def build(
        cls,
        data: GraphData,
        extra_parties: Sequence[str] = (),
        previous: CompiledGraph | None = None,
    ) -> CompiledGraph:
        """Compile ``data``. Parties named only by edges, accounts or ``extra_parties`` (decision
        subjects) are included. With ``previous``, account handles are kept and new accounts are
        appended."""
        names = set(data.parties)
        names.update(extra_parties)
        for edge_owner, edge_asset, _ in data.ownerships:
            names.add(edge_owner)
            names.add(edge_asset)
        for _, account_owner_id in data.accounts:
            if account_owner_id is not None:
                names.add(account_owner_id)
        party_ids = sorted(names)
        pidx = {p: i for i, p in enumerate(party_ids)}
        n_edges = len(data.ownerships)
        e_owner = np.fromiter((pidx[o] for o, _, _ in data.ownerships), np.int64, n_edges)
        e_asset = np.fromiter((pidx[a] for _, a, _ in data.ownerships), np.int64, n_edges)
        e_share = np.fromiter((s for _, _, s in data.ownerships), np.float64, n_edges)
        if previous is None:
            account_ids = [a for a, _ in data.accounts]
            account_index = {a: i for i, a in enumerate(account_ids)}
            if len(account_index) != len(account_ids):
                raise ValueError("duplicate account ids in the graph")
            owners = np.fromiter(
                (-1 if o is None else pidx[o] for _, o in data.accounts), np.int64, len(account_ids)
            )
            return cls.from_arrays(party_ids, e_owner, e_asset, e_share, account_ids, owners)
        account_ids = list(previous.account_ids)
        account_index = dict(previous.account_index)
        for new_id, _ in data.accounts:
            if new_id not in account_index:
                account_index[new_id] = len(account_ids)
                account_ids.append(new_id)
        owners = np.full(len(account_ids), -1, np.int64)
        known = np.zeros(len(account_ids), np.bool_)
        for account_id, owner_id in data.accounts:
            handle = account_index[account_id]
            known[handle] = True
            if owner_id is not None:
                owners[handle] = pidx[owner_id]
        return cls.from_arrays(
            party_ids, e_owner, e_asset, e_share, account_ids, owners, account_index, known
        )
