"""The snapshot file: a compiled graph and the decisions, loadable in well under a second.

Layout: the 8-byte magic ``STGATE01``, an 8-byte little-endian header length, a JSON header
(position, decisions, and for each block its dtype, length and offset), then the blocks, each
aligned to 8 bytes: raw little-endian numpy arrays, and the party and account ids as UTF-8 joined
by NUL. Loading reads the file once and maps the arrays onto it without copying; only the id
lists and their dicts are built in Python.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import orjson

from standing.gate.graph import CompiledGraph
from standing.gate.model import GateDecision
from standing.gate.state import GateState

MAGIC = b"STGATE01"
SEP = "\x00"
_ARRAYS = (
    "out_ptr",
    "out_asset",
    "in_ptr",
    "in_owner",
    "in_share",
    "account_owner",
    "known",
    "acc_ptr",
    "acc_order",
)


class SnapshotError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Snapshot:
    graph: CompiledGraph
    decisions: list[GateDecision]
    position: int


def _ids_blob(ids: list[str], what: str) -> bytes:
    blob = SEP.join(ids)
    if blob.count(SEP) != max(len(ids) - 1, 0):
        raise SnapshotError(f"a {what} id contains a NUL character; it cannot be stored")
    return blob.encode("utf-8")


def write_snapshot(state: GateState, path: Path) -> None:
    graph = state.graph
    blocks: list[tuple[str, str, int, bytes]] = [
        ("party_ids", "str", graph.n_parties, _ids_blob(graph.party_ids, "party")),
        ("account_ids", "str", graph.n_accounts, _ids_blob(graph.account_ids, "account")),
    ]
    for name in _ARRAYS:
        arr = np.ascontiguousarray(getattr(graph, name))
        arr = arr.astype(arr.dtype.newbyteorder("<"), copy=False)
        blocks.append((name, arr.dtype.str, int(arr.size), arr.tobytes()))
    layout: dict[str, Any] = {}
    offset = 0
    for name, dtype, count, data in blocks:
        layout[name] = {"dtype": dtype, "count": count, "offset": offset, "nbytes": len(data)}
        offset += len(data) + (-len(data)) % 8
    header = orjson.dumps(
        {
            "format": 1,
            "position": state.position,
            "decisions": [d.to_json() for d in state.decisions.values()],
            "blocks": layout,
        }
    )
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as out:
        out.write(MAGIC)
        out.write(len(header).to_bytes(8, "little"))
        out.write(header)
        out.write(b"\x00" * ((-len(header)) % 8))
        for _, _, _, data in blocks:
            out.write(data)
            out.write(b"\x00" * ((-len(data)) % 8))
    os.replace(tmp, path)


def read_snapshot(path: Path) -> Snapshot:
    data = path.read_bytes()
    if data[:8] != MAGIC:
        raise SnapshotError(f"{path}: not a gate snapshot (bad magic)")
    size = int.from_bytes(data[8:16], "little")
    try:
        header = orjson.loads(data[16 : 16 + size])
        base = 16 + size + (-size) % 8
        blocks = header["blocks"]
        if header.get("format") != 1:
            raise SnapshotError(f"{path}: unsupported snapshot format {header.get('format')!r}")

        def ids(name: str) -> list[str]:
            b = blocks[name]
            if b["count"] == 0:
                return []
            raw = data[base + b["offset"] : base + b["offset"] + b["nbytes"]]
            out = raw.decode("utf-8").split(SEP)
            if len(out) != b["count"]:
                raise SnapshotError(f"{path}: {name} holds {len(out)} ids, expected {b['count']}")
            return out

        arrays = {}
        for name in _ARRAYS:
            b = blocks[name]
            arrays[name] = np.frombuffer(
                data, dtype=np.dtype(b["dtype"]), count=b["count"], offset=base + b["offset"]
            )
        party_ids = ids("party_ids")
        account_ids = ids("account_ids")
        decisions = [GateDecision.from_json(d) for d in header["decisions"]]
        position = int(header["position"])
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, SnapshotError):
            raise
        raise SnapshotError(f"{path}: damaged snapshot: {exc}") from exc
    graph = CompiledGraph(
        party_ids=party_ids,
        party_index=dict(zip(party_ids, range(len(party_ids)), strict=True)),
        account_ids=account_ids,
        account_index=dict(zip(account_ids, range(len(account_ids)), strict=True)),
        **arrays,
    )
    return Snapshot(graph=graph, decisions=decisions, position=position)
