"""Gate benchmark: in-process checks, batches, HTTP (with bearer-token authentication),
freshness, snapshot load, memory, and pycasbin / cedarpy on an equivalent policy.

Synthetic data (``bench/_synthetic.py``, seeded): 1,000,000 accounts owned by 200,000 parties
in a random ownership forest, 2 % of parties restricted for ``ads.promote`` with ``controlled``
reach. Prints one JSON document on stdout and a summary table on stderr. See bench/README.md.

    .venv/bin/python bench/gate.py [--postgres URL] [--skip-http] [--skip-freshness] ...
    .venv/bin/python bench/gate.py --only-http      # the HTTP figures alone
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from itertools import compress
from pathlib import Path
from typing import Any

import numpy as np
import orjson

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._scratch import drop_database, free_port, scratch_database  # noqa: E402
from bench._synthetic import CAPABILITY, Synthetic, generate, write_database  # noqa: E402

PYTHON = sys.executable
POLL_S = 0.1  # gate_poll_interval_s: writes land at a uniformly random phase of the polling
TARGETS = {
    "allowed_ratio_max": 2.0,
    "many_str_ratio_max": 1.5,
    "many_handle_ns_per_id_max": 5.0,
    "http_checks_per_s_min": 5_000_000,
    "http_floor_ratio_min": 0.7,
    "freshness_sqlite_p99_ms_max": 250.0,
    "freshness_postgresql_p99_ms_max": 50.0,
    "snapshot_load_s_max": 1.0,
    "engines_slower_min": 100.0,
}


def best(fn: Callable[[], object], repeat: int, number: int = 1) -> float:
    """Smallest wall time of ``repeat`` runs of ``number`` calls (seconds per call)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - t) / number)
    return min(times)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


# --- in process ------------------------------------------------------------------------------

DENIED: frozenset[str] = frozenset()


def floor(account: str, capability: str, territory: str | None = None) -> bool:
    """The practical floor of any per-call API: one set lookup."""
    return account not in DENIED


def in_process(syn: Synthetic) -> dict[str, Any]:
    global DENIED
    from standing.gate import Gate
    from standing.gate.build import options_from_settings
    from standing.gate.state import compile_state
    from standing.settings import Settings

    now = syn.decisions[0].starts_at + 1
    t = time.perf_counter()
    graph = syn.compiled()
    state = compile_state(graph, syn.decisions, len(syn.decisions), now)
    compile_s = time.perf_counter() - t
    gate = Gate(state, options_from_settings(Settings()))
    ctx = state.context(CAPABILITY, None)
    assert ctx is not None
    DENIED = ctx.denied
    rng = np.random.default_rng(syn.seed)
    sample = [syn.account_ids[i] for i in rng.integers(0, len(syn.account_ids), 10_000).tolist()]

    def floor_loop() -> None:
        f = floor
        for a in sample:
            f(a, CAPABILITY)

    def gate_loop() -> None:
        allowed = gate.allowed
        for a in sample:
            allowed(a, CAPABILITY)

    def gate_method_loop() -> None:
        g = gate
        for a in sample:
            g.allowed(a, CAPABILITY)

    for a in sample[:1000]:  # same answers
        assert gate.allowed(a, CAPABILITY) == floor(a, CAPABILITY)
    gc.collect()
    floor_ns = best(floor_loop, 200) / len(sample) * 1e9
    allowed_ns = best(gate_method_loop, 200) / len(sample) * 1e9
    allowed_bound_ns = best(gate_loop, 200) / len(sample) * 1e9

    ids = sample[:10_000]
    index = graph.account_index
    dict_loop_ns = best(lambda: [index[x] for x in ids], 30) / len(ids) * 1e9
    many_str_ns = best(lambda: gate.allowed_many(ids, CAPABILITY), 30) / len(ids) * 1e9
    handles = gate.handles(ids)
    many_handle_ns = best(lambda: gate.allowed_many(handles, CAPABILITY), 300) / len(ids) * 1e9
    answers = ctx.allowed
    gather_ns = best(lambda: answers[handles], 300) / len(ids) * 1e9
    assert gate.allowed_many(handles, CAPABILITY).tolist() == [floor(a, CAPABILITY) for a in ids]
    return {
        "gate": gate,
        "compile_s": round(compile_s, 3),
        "denied_accounts": len(ctx.denied),
        "floor_ns": round(floor_ns, 1),
        "allowed_ns": round(allowed_ns, 1),
        "allowed_bound_method_ns": round(allowed_bound_ns, 1),
        "allowed_ratio": round(allowed_ns / floor_ns, 2),
        "many_str_ns_per_id": round(many_str_ns, 2),
        "dict_loop_ns_per_id": round(dict_loop_ns, 2),
        "many_str_ratio": round(many_str_ns / dict_loop_ns, 2),
        "many_handle_ns_per_id": round(many_handle_ns, 2),
        "numpy_gather_ns_per_id": round(gather_ns, 2),
    }


# --- pycasbin and cedarpy --------------------------------------------------------------------

CASBIN_MODEL = """
[request_definition]
r = sub, act

[policy_definition]
p = sub, act, eft

[role_definition]
g = _, _

[policy_effect]
e = !some(where (p.eft == deny))

[matchers]
m = g(r.sub, p.sub) && r.act == p.act
"""


def policy_engines(seed: int, tmp: Path, allowed_ns: float) -> dict[str, Any]:
    """The same question asked of pycasbin and cedarpy on a smaller sample (10,000 accounts,
    2,000 parties, 2 % restricted): accounts are members of their owning party, and every party
    the propagation restricts carries a deny/forbid rule (neither engine can add up shares)."""
    from standing.gate.state import compile_state

    syn = generate(accounts=10_000, parties=2_000, seed=seed)
    state = compile_state(syn.compiled(), syn.decisions, 0, syn.decisions[0].starts_at + 1)
    ctx = state.context(CAPABILITY, None)
    assert ctx is not None
    restricted = [syn.party_ids[p] for p in np.flatnonzero(ctx.restricted).tolist()]
    owners = {
        a: syn.party_ids[o]
        for a, o in zip(syn.account_ids, syn.account_owner.tolist(), strict=True)
        if o >= 0
    }
    rng = random.Random(seed)
    sample = rng.sample(sorted(owners), 2000)
    out: dict[str, Any] = {"engines_sample": {"accounts": 10_000, "parties": 2_000, "checks": 2000}}
    try:
        import casbin

        model = tmp / "casbin.conf"
        model.write_text(CASBIN_MODEL)
        policy = tmp / "casbin.csv"
        lines = [f"p, {p}, {CAPABILITY}, deny" for p in restricted]
        lines += [f"g, {a}, {o}" for a, o in owners.items()]
        policy.write_text("\n".join(lines) + "\n")
        enforcer = casbin.Enforcer(str(model), str(policy))
        for a in sample[:200]:
            assert enforcer.enforce(a, CAPABILITY) == bool(a not in ctx.denied)
        t = time.perf_counter()
        for a in sample:
            enforcer.enforce(a, CAPABILITY)
        out["casbin_ns"] = round((time.perf_counter() - t) / len(sample) * 1e9)
        out["casbin_slower_x"] = round(out["casbin_ns"] / allowed_ns)
    except ImportError as exc:
        out["casbin_ns"] = None
        out["casbin_note"] = f"pycasbin not installed (uv sync --group bench): {exc}"
    try:
        import cedarpy

        text = "permit(principal, action, resource);\n" + "\n".join(
            f'forbid(principal in Party::"{p}", action == Action::"{CAPABILITY}", resource);'
            for p in restricted
        )
        policies = cedarpy.PolicySet.from_str(text)
        entities_list: list[dict[str, Any]] = [
            {"uid": {"type": "Party", "id": p}, "attrs": {}, "parents": []} for p in syn.party_ids
        ]
        entities_list += [
            {
                "uid": {"type": "Account", "id": a},
                "attrs": {},
                "parents": [{"type": "Party", "id": o}],
            }
            for a, o in owners.items()
        ]
        entities = cedarpy.Entities.from_json_str(orjson.dumps(entities_list).decode())

        def ask(a: str) -> bool:
            request = {
                "principal": f'Account::"{a}"',
                "action": f'Action::"{CAPABILITY}"',
                "resource": 'Platform::"ads"',
                "context": {},
            }
            result = cedarpy.is_authorized(request, policies, entities)
            return bool(result.decision == cedarpy.Decision.Allow)

        for a in sample[:200]:
            assert ask(a) == bool(a not in ctx.denied)
        t = time.perf_counter()
        for a in sample:
            ask(a)
        out["cedar_ns"] = round((time.perf_counter() - t) / len(sample) * 1e9)
        out["cedar_slower_x"] = round(out["cedar_ns"] / allowed_ns)
    except ImportError as exc:
        out["cedar_ns"] = None
        out["cedar_note"] = f"cedarpy not installed (uv sync --group bench): {exc}"
    return out


# --- snapshot --------------------------------------------------------------------------------


def save_snapshot(syn: Synthetic, path: Path) -> None:
    """The snapshot the HTTP floor loads, without the in-process measurements."""
    from standing.gate import Gate
    from standing.gate.build import options_from_settings
    from standing.gate.state import compile_state
    from standing.settings import Settings

    now = syn.decisions[0].starts_at + 1
    state = compile_state(syn.compiled(), syn.decisions, len(syn.decisions), now)
    Gate(state, options_from_settings(Settings())).save(path)


LOAD_SCRIPT = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
t = time.perf_counter()
from standing.gate import Gate
imported = time.perf_counter() - t
t = time.perf_counter()
gate = Gate.from_snapshot({path!r})
load = time.perf_counter() - t
assert gate.allowed_many(gate.handles(["acc-0000000"]), "ads.promote").size == 1
rss = int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024
gate.close()
print(json.dumps({{"load_s": load, "import_s": imported, "rss_mb": rss}}))
"""


def snapshot_load(gate: Any, tmp: Path) -> dict[str, Any]:
    path = tmp / "gate.snap"
    t = time.perf_counter()
    gate.save(path)
    save_s = time.perf_counter() - t
    runs = []
    for _ in range(3):
        proc = subprocess.run(
            [PYTHON, "-c", LOAD_SCRIPT.format(root=str(ROOT), path=str(path))],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        runs.append(orjson.loads(proc.stdout))
    return {
        "snapshot_path": path,
        "snapshot_mb": round(path.stat().st_size / 2**20, 1),
        "snapshot_save_s": round(save_s, 3),
        "snapshot_load_s": round(min(r["load_s"] for r in runs), 3),
        "rss_mb": round(min(r["rss_mb"] for r in runs), 1),
    }


# --- HTTP ------------------------------------------------------------------------------------


#: Where the service token the HTTP loads send is handed to the load generator.
TOKEN_ENV = "STANDING_BENCH_TOKEN"


def service_token(url: str) -> str:
    """A real service token with the scope ``check``, made the way an operator makes one (the
    first admin, then ``tokens create --service adserver --scope check``)."""
    from standing.access.service import NewUser, add_user, create_token
    from standing.bootstrap import Services
    from standing.settings import Settings

    services = Services.build(Settings(database_url=url))
    try:
        admin = add_user(services, None, NewUser("admin@bench.example", roles=("admin",)))
        return create_token(services, admin, service="adserver", scopes=("check",)).token
    finally:
        services.close()


def floor_app() -> Any:
    """A bare ASGI app doing the same token check and the same lookups, and writing the same
    JSON (uvicorn factory; the snapshot path comes from STANDING_BENCH_SNAPSHOT, the store from
    STANDING_DATABASE_URL). The token check is the route's, with nothing around it: the
    ``Authorization: Bearer`` header's token looked up in a dict, re-read from the store
    (``authenticate_token``) once it is a second old, and its scope ``check`` asked for."""
    from standing.access.model import Scope as TokenScope
    from standing.access.service import authenticate_token
    from standing.bootstrap import Services
    from standing.errors import Unauthorized
    from standing.gate import Gate
    from standing.settings import Settings
    from standing.web.api.check import ALLOWED_TAIL, HEAD, SEPARATOR, _tail

    gate = Gate.from_snapshot(os.environ["STANDING_BENCH_SNAPSHOT"])
    services = Services.build(Settings(database_url=os.environ["STANDING_DATABASE_URL"]))
    view = gate.batch_view(CAPABILITY)
    denied = view.table
    tails = {a: _tail(view.decisions(a)) for a in denied}
    as_of = view.as_of
    known: dict[bytes, tuple[frozenset[TokenScope], float]] = {}
    check_scope = TokenScope.CHECK

    def authorised(header: bytes | None) -> int:
        """200, or the status refusing the request."""
        if header is None or header[:7].lower() != b"bearer ":
            return 401
        token = header[7:].strip()
        found = known.get(token)
        now = time.monotonic()
        if found is None or now - found[1] >= 1.0:
            try:
                principal = authenticate_token(services, token.decode("latin-1"))
            except Unauthorized:
                known.pop(token, None)
                return 401
            found = known[token] = (principal.scopes, now)
        return 200 if check_scope in found[0] else 403

    async def refuse(send: Any, status: int) -> None:
        body = b'{"error":{"code":"unauthorized","message":"a valid bearer token is required"}}'
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                kind = message["type"].replace("lifespan.", "")
                await send({"type": f"lifespan.{kind}.complete"})
                if kind == "shutdown":
                    return
        auth = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                auth = value
        status = authorised(auth)
        if status != 200:
            await refuse(send, status)
            return
        chunks = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        ids = orjson.loads(b"".join(chunks))["accounts"]
        flags = list(map(denied.__contains__, ids))
        out = [ALLOWED_TAIL] * len(ids)
        for i in compress(range(len(ids)), flags):
            out[i] = tails[ids[i]]
        parts = [""] * (2 * len(ids))
        parts[0::2] = ids
        parts[1::2] = out
        body = (HEAD + "".join(parts)[: -len(SEPARATOR)] + f'],"as_of":{as_of}}}').encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    return app


@contextlib.contextmanager
def server(factory: str, env: dict[str, str], token: str) -> Iterator[int]:
    port = free_port()
    proc = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "uvicorn",
            "--factory",
            factory,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--no-access-log",
            "--log-level",
            "warning",
            "--app-dir",
            str(ROOT),
        ],
        env={**os.environ, **env},
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 180
        body = orjson.dumps({"capability": CAPABILITY, "accounts": ["acc-0000000"]})
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{factory} exited with {proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
                    s.sendall(
                        b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
                        b"Content-Length: %d\r\n\r\n%s" % (token.encode(), len(body), body)
                    )
                    if s.recv(100).startswith(b"HTTP/1.1 200"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{factory} did not start")
            time.sleep(0.5)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


async def _load(
    port: int, duration: float, connections: int, accounts: int, seed: int
) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    token = os.environ[TOKEN_ENV].encode()
    requests = []
    for _ in range(64):
        ids = [f"acc-{i:07d}" for i in rng.integers(0, accounts, 1000).tolist()]
        body = orjson.dumps({"capability": CAPABILITY, "accounts": ids})
        requests.append(
            b"POST /api/v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Authorization: Bearer %s\r\nContent-Length: %d\r\n\r\n%s" % (token, len(body), body)
        )
    counts = {"ok": 0, "errors": 0}
    measuring = {"on": False}
    stop = {"at": float("inf")}

    async def worker(k: int) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        i = k
        while time.monotonic() < stop["at"]:
            writer.write(requests[i % len(requests)])
            i += 1
            head = await reader.readuntil(b"\r\n\r\n")
            length = int(head.split(b"content-length: ", 1)[1].split(b"\r\n", 1)[0])
            await reader.readexactly(length)
            if measuring["on"]:
                counts["ok" if head.startswith(b"HTTP/1.1 200") else "errors"] += 1
        writer.close()

    stop["at"] = time.monotonic() + 1.0 + duration
    tasks = [asyncio.create_task(worker(k)) for k in range(connections)]
    await asyncio.sleep(1.0)  # warm-up, not counted
    measuring["on"] = True
    t = time.monotonic()
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - t
    return {
        "requests": counts["ok"],
        "errors": counts["errors"],
        "seconds": round(elapsed, 3),
        "checks_per_s": round(counts["ok"] * 1000 / elapsed),
    }


def loadgen(
    port: int, duration: float, connections: int, accounts: int, seed: int, token: str
) -> dict[str, Any]:
    """Run the load generator in its own process (one core for the server, one for this);
    every request carries ``token``."""
    proc = subprocess.run(
        [
            PYTHON,
            str(Path(__file__).resolve()),
            "--loadgen",
            str(port),
            "--duration",
            str(duration),
            "--connections",
            str(connections),
            "--accounts",
            str(accounts),
            "--seed",
            str(seed),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 120,
        env={**os.environ, TOKEN_ENV: token},
    )
    result: dict[str, Any] = orjson.loads(proc.stdout)
    return result


def status_of(port: int, headers: bytes) -> int:
    """The status of one small batch request sent with ``headers``."""
    body = orjson.dumps({"capability": CAPABILITY, "accounts": ["acc-0000000"]})
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(
            b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\n%sContent-Length: %d\r\n\r\n%s"
            % (headers, len(body), body)
        )
        return int(s.recv(100).split(b" ", 2)[1])


def http(
    snapshot: Path, database_url: str, accounts: int, seed: int, duration: float
) -> dict[str, Any]:
    """The check route under load with a real service token, next to the bare ASGI floor
    doing the same token check."""
    out: dict[str, Any] = {}
    token = service_token(database_url)
    env = {"STANDING_DATABASE_URL": database_url, "STANDING_BENCH_SNAPSHOT": str(snapshot)}
    # Both servers up (an idle one costs nothing) and the loads alternated, best of three
    # each: a slow spell of the machine then cannot favour one side of the ratio.
    app_runs: list[dict[str, Any]] = []
    floor_runs: list[dict[str, Any]] = []
    with (
        server("standing.web.app:create_app", env, token) as app_port,
        server("bench.gate:floor_app", env, token) as floor_port,
    ):
        for port in (app_port, floor_port):  # both really check the token
            statuses = (
                status_of(port, b""),
                status_of(port, b"Authorization: Bearer stk_not-a-token\r\n"),
            )
            if statuses != (401, 401):
                raise RuntimeError(f"port {port}: {statuses} without a valid token, not 401")
        for _ in range(3):
            app_runs.append(loadgen(app_port, duration, 4, accounts, seed, token))
            floor_runs.append(loadgen(floor_port, duration, 4, accounts, seed, token))
    app_run = max(app_runs, key=lambda r: r["checks_per_s"])
    floor_run = max(floor_runs, key=lambda r: r["checks_per_s"])
    out["http_checks_per_s"] = app_run["checks_per_s"]
    out["http_floor_checks_per_s"] = floor_run["checks_per_s"]
    out["http_ratio"] = round(app_run["checks_per_s"] / floor_run["checks_per_s"], 2)
    out["http_detail"] = {
        "app": app_run,
        "floor": floor_run,
        "app_runs_checks_per_s": [r["checks_per_s"] for r in app_runs],
        "floor_runs_checks_per_s": [r["checks_per_s"] for r in floor_runs],
        "batch": 1000,
        "connections": 4,
        "auth": "Authorization: Bearer <service token, scope check> on every request",
    }
    return out


# --- freshness -------------------------------------------------------------------------------


def freshness(url: str, syn: Synthetic, samples: int, seed: int) -> dict[str, Any]:
    """Decision committed -> a following gate in this process denies (and lifted -> allows).
    The clock starts before the write transaction begins."""
    from sqlalchemy import text

    from standing.gate import Gate, GateOptions
    from standing.store.changelog import append_change
    from standing.store.engine import make_engine, make_sessionmaker
    from standing.store.tables import DecisionRow, LiftRow

    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    t = time.perf_counter()
    gate = Gate.from_database(url, options=GateOptions(stale_after_s=120))
    load_s = time.perf_counter() - t
    rng = random.Random(seed)
    ctx = gate.state.context(CAPABILITY, None)
    assert ctx is not None
    free_parties = np.flatnonzero(~ctx.restricted).tolist()
    graph = gate.state.graph
    recorded: list[float] = []
    lifted: list[float] = []
    try:
        for k in range(samples):
            while True:
                p = rng.choice(free_parties)
                accs = graph.accounts_of(p)
                if accs.size:
                    break
            account = graph.account_ids[int(accs[0])]
            assert gate.allowed(account, CAPABILITY)
            decision_id = f"dec-fresh-{uuid.uuid4().hex[:12]}"
            now = datetime.now(UTC)
            # The previous answer changed right after a poll: wait a uniformly random part of
            # one interval so that writes land at every phase of the polling cycle.
            time.sleep(rng.random() * POLL_S)
            t0 = time.perf_counter()
            with sessions() as s, s.begin():
                s.execute(text("UPDATE audit_head SET seq = seq WHERE id = 1"))
                s.add(
                    DecisionRow(
                        id=decision_id,
                        subject_id=graph.party_ids[p],
                        subject_kind="party",
                        rule_id="bench",
                        policy_version="bench",
                        restricts=[CAPABILITY],
                        reach="controlled",
                        threshold=50.0,
                        facts="bench",
                        evidence=[],
                        territories=[],
                        starts_at=now,
                        ends_at=None,
                        automated_detection=False,
                        automated_decision=False,
                        author="bench",
                        created_at=now,
                    )
                )
                s.flush()
                append_change(s, "recorded", decision_id, now)
            deadline = t0 + 10
            while gate.allowed(account, CAPABILITY) and time.perf_counter() < deadline:
                time.sleep(0.0002)
            recorded.append(time.perf_counter() - t0)
            time.sleep(rng.random() * POLL_S)
            t0 = time.perf_counter()
            with sessions() as s, s.begin():
                s.execute(text("UPDATE audit_head SET seq = seq WHERE id = 1"))
                s.add(
                    LiftRow(
                        decision_id=decision_id,
                        reason="bench",
                        author="bench",
                        lifted_at=datetime.now(UTC),
                    )
                )
                s.flush()
                append_change(s, "lifted", decision_id, datetime.now(UTC))
            deadline = t0 + 10
            while not gate.allowed(account, CAPABILITY) and time.perf_counter() < deadline:
                time.sleep(0.0002)
            lifted.append(time.perf_counter() - t0)
            del k
    finally:
        gate.close()
        engine.dispose()
    both = recorded + lifted
    return {
        "p50_ms": round(pct(both, 50) * 1e3, 1),
        "p99_ms": round(pct(both, 99) * 1e3, 1),
        "max_ms": round(max(both) * 1e3, 1),
        "recorded_p99_ms": round(pct(recorded, 99) * 1e3, 1),
        "lifted_p99_ms": round(pct(lifted, 99) * 1e3, 1),
        "samples": len(both),
        "gate_load_s": round(load_s, 2),
    }


@contextlib.contextmanager
def scratch_postgres(base: str) -> Iterator[str]:
    name, url = scratch_database(base, "standing_bench")
    try:
        yield url
    finally:
        drop_database(base, name)


# --- main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--accounts", type=int, default=1_000_000)
    parser.add_argument("--parties", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=20181)
    parser.add_argument(
        "--postgres",
        default="postgresql://postgres@127.0.0.1:5432/test",
        help="PostgreSQL server for the freshness run (a scratch database is created and "
        "dropped); '' to skip",
    )
    parser.add_argument("--freshness-samples", type=int, default=50)
    parser.add_argument("--http-seconds", type=float, default=5.0)
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--skip-freshness", action="store_true")
    parser.add_argument(
        "--only-http",
        action="store_true",
        help="measure only the HTTP route and its floor (the data, snapshot and SQLite "
        "database are still built)",
    )
    parser.add_argument("--loadgen", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--duration", type=float, default=5.0, help=argparse.SUPPRESS)
    parser.add_argument("--connections", type=int, default=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.loadgen:
        import uvloop

        result = uvloop.run(
            _load(args.loadgen, args.duration, args.connections, args.accounts, args.seed)
        )
        sys.stdout.write(orjson.dumps(result).decode())
        return

    syn = generate(args.accounts, args.parties, seed=args.seed)
    out: dict[str, Any] = {"accounts": args.accounts, "parties": args.parties, "seed": args.seed}
    with tempfile.TemporaryDirectory(prefix="standing-bench-") as tmp_name:
        tmp = Path(tmp_name)
        if args.only_http:
            snapshot = tmp / "gate.snap"
            save_snapshot(syn, snapshot)
        else:
            measured = in_process(syn)
            gate = measured.pop("gate")
            out.update(measured)
            out.update(policy_engines(args.seed, tmp, out["allowed_ns"]))
            snap = snapshot_load(gate, tmp)
            snapshot = snap.pop("snapshot_path")
            out.update(snap)
            del gate
        gc.collect()
        sqlite_url = f"sqlite:///{tmp / 'bench.db'}"
        t = time.perf_counter()
        write_database(sqlite_url, syn)
        out["sqlite_write_s"] = round(time.perf_counter() - t, 1)
        if args.only_http or not args.skip_http:
            out.update(http(snapshot, sqlite_url, args.accounts, args.seed, args.http_seconds))
        if not (args.only_http or args.skip_freshness):
            fresh = {"sqlite": freshness(sqlite_url, syn, args.freshness_samples, args.seed)}
            if args.postgres:
                with scratch_postgres(args.postgres) as pg_url:
                    write_database(pg_url, syn)
                    fresh["postgresql"] = freshness(pg_url, syn, args.freshness_samples, args.seed)
            out["freshness_p50_ms"] = {k: v["p50_ms"] for k, v in fresh.items()}
            out["freshness_p99_ms"] = {k: v["p99_ms"] for k, v in fresh.items()}
            out["freshness_detail"] = fresh
    out["targets"] = TARGETS
    out["meets"] = meets(out)
    sys.stdout.write(orjson.dumps(out, option=orjson.OPT_INDENT_2).decode() + "\n")
    summary(out)


def meets(out: dict[str, Any]) -> dict[str, bool | None]:
    def get(*path: str) -> Any:
        value: Any = out
        for p in path:
            if not isinstance(value, dict) or p not in value:
                return None
            value = value[p]
        return value

    def check(value: Any, ok: Callable[[Any], bool]) -> bool | None:
        return None if value is None else ok(value)

    floor_http = get("http_floor_checks_per_s")
    return {
        "allowed": check(get("allowed_ratio"), lambda v: v <= TARGETS["allowed_ratio_max"]),
        "many_str": check(get("many_str_ratio"), lambda v: v <= TARGETS["many_str_ratio_max"]),
        "many_handle": check(
            get("many_handle_ns_per_id"), lambda v: v <= TARGETS["many_handle_ns_per_id_max"]
        ),
        "http": check(get("http_checks_per_s"), lambda v: v >= TARGETS["http_checks_per_s_min"]),
        "http_floor": check(
            get("http_checks_per_s"),
            lambda v: floor_http is not None and v >= TARGETS["http_floor_ratio_min"] * floor_http,
        ),
        "freshness_sqlite": check(
            get("freshness_p99_ms", "sqlite"), lambda v: v <= TARGETS["freshness_sqlite_p99_ms_max"]
        ),
        "freshness_postgresql": check(
            get("freshness_p99_ms", "postgresql"),
            lambda v: v <= TARGETS["freshness_postgresql_p99_ms_max"],
        ),
        "snapshot_load": check(
            get("snapshot_load_s"), lambda v: v <= TARGETS["snapshot_load_s_max"]
        ),
        "casbin": check(get("casbin_slower_x"), lambda v: v >= TARGETS["engines_slower_min"]),
        "cedar": check(get("cedar_slower_x"), lambda v: v >= TARGETS["engines_slower_min"]),
    }


def summary(out: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    title = f"gate ({out['accounts']:,} accounts / {out['parties']:,} parties / 2 %)"
    table = Table("measure", "value", "target", "met", title=title)
    m = out["meets"]

    def row(name: str, value: Any, target: str, key: str | None = None) -> None:
        met = "" if key is None or m.get(key) is None else ("yes" if m[key] else "NO")
        table.add_row(name, str(value), target, met)

    if "floor_ns" in out:
        row("floor: one set lookup per call", f"{out['floor_ns']} ns", "")
        row(
            "allowed()",
            f"{out['allowed_ns']} ns ({out['allowed_ratio']}x)",
            "<= 2x floor",
            "allowed",
        )
        row(
            "allowed_many, string ids",
            f"{out['many_str_ns_per_id']} ns/id ({out['many_str_ratio']}x)",
            "<= 1.5x dict loop",
            "many_str",
        )
        row("  dict-lookup loop", f"{out['dict_loop_ns_per_id']} ns/id", "")
        row(
            "allowed_many, handles",
            f"{out['many_handle_ns_per_id']} ns/id",
            "<= 5 ns/id",
            "many_handle",
        )
        row("  numpy gather", f"{out['numpy_gather_ns_per_id']} ns/id", "")
    if "http_checks_per_s" in out:
        row(
            "HTTP batch route (1,000 ids, bearer token)",
            f"{out['http_checks_per_s']:,} checks/s",
            ">= 5 M",
            "http",
        )
        row(
            "  bare ASGI floor, same token check",
            f"{out['http_floor_checks_per_s']:,} checks/s",
            "",
        )
        row("  route / floor", f"{out['http_ratio']}x", ">= 0.7x", "http_floor")
    for backend, target in (("sqlite", 250), ("postgresql", 50)):
        p99 = out.get("freshness_p99_ms", {}).get(backend)
        if p99 is not None:
            row(
                f"freshness {backend} p50 / p99",
                f"{out['freshness_p50_ms'][backend]} / {p99} ms",
                f"p99 <= {target} ms",
                f"freshness_{backend}",
            )
    if "snapshot_load_s" in out:
        row(
            "snapshot load",
            f"{out['snapshot_load_s']} s ({out['snapshot_mb']} MB)",
            "<= 1 s",
            "snapshot_load",
        )
        row("RSS with the gate loaded", f"{out['rss_mb']} MB", "")
    for engine in ("casbin", "cedar"):
        if out.get(f"{engine}_ns") is not None:
            row(
                f"{engine} per check",
                f"{out[f'{engine}_ns']:,} ns ({out[f'{engine}_slower_x']}x allowed)",
                ">= 100x",
                engine,
            )
        elif f"{engine}_note" in out:
            row(f"{engine}", out[f"{engine}_note"], "")
    Console(stderr=True).print(table)


if __name__ == "__main__":
    main()
