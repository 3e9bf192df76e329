"""A local stand-in for the DSA Transparency Database API, answering as its documentation
says: ``POST /api/v1/statements`` takes 1 to 100 statements whole or not at all (``201`` with
the statements and their uuids; ``422`` with ``errors.statement_<i>`` per refused statement,
validated with the database's rules), refuses a puid it already holds, and ``GET
/api/v1/statement/existing-puid/<puid>`` answers ``302`` or ``404``. ``fail_next`` makes the
next calls answer 429 or 5xx."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson

from standing.transparency.dsa_schema import MAX_PER_CALL, validate_record


class FakeDatabase:
    def __init__(self, token: str) -> None:
        self.token = token
        self.stored: dict[str, dict[str, Any]] = {}
        self.calls: list[int] = []  # statements per POST
        self.fail_next: list[int] = []
        self.lose_answer_once = False  # store, then answer 503 (the answer is lost)
        self.lock = threading.Lock()

    def handle(self, method: str, path: str, auth: str, body: bytes) -> tuple[int, Any]:
        with self.lock:
            if auth != f"Bearer {self.token}":
                return 401, {"message": "Unauthenticated."}
            if self.fail_next:
                return self.fail_next.pop(0), {"message": "busy"}
            if method == "GET" and path.startswith("/api/v1/statement/existing-puid/"):
                puid = path.rsplit("/", 1)[1]
                if puid in self.stored:
                    return 302, {"message": "statement of reason found", "puid": puid}
                return 404, {"message": "statement of reason not found", "puid": puid}
            if method != "POST" or path != "/api/v1/statements":
                return 404, {"message": "not found"}
            statements = orjson.loads(body).get("statements")
            if not isinstance(statements, list) or not 1 <= len(statements) <= MAX_PER_CALL:
                return 422, {"errors": {"statements": ["between 1 and 100 statements"]}}
            self.calls.append(len(statements))
            errors: dict[str, Any] = {}
            for i, statement in enumerate(statements):
                found: dict[str, list[str]] = {}
                for v in validate_record(statement):
                    found.setdefault(v.field, []).append(f"{v.rule}: {v.message}")
                if found:
                    errors[f"statement_{i}"] = found
            if errors:
                return 422, {"errors": errors}
            puids = [s["puid"] for s in statements]
            if len(set(puids)) != len(puids):
                message = "The platform identifier(s) are not all unique within this call."
                return 422, {"message": message, "errors": {"puid": [message]}}
            if any(p in self.stored for p in puids):
                return 422, {"message": "Integrity constraint violation", "errors": {}}
            out = []
            for statement in statements:
                created = dict(statement, uuid=str(uuid.uuid4()))
                self.stored[statement["puid"]] = created
                out.append(created)
            if self.lose_answer_once:
                self.lose_answer_once = False
                return 503, {"message": "gateway timeout"}
            return 201, {"statements": out}


@contextmanager
def serve(database: FakeDatabase) -> Iterator[str]:
    """Serve ``database`` on a free local port; yields the API's base URL."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            status, body = database.handle(
                method, self.path, self.headers.get("Authorization", ""), self.rfile.read(length)
            )
            data = orjson.dumps(body)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._answer("GET")

        def do_POST(self) -> None:
            self._answer("POST")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
