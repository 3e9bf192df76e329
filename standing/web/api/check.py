"""The check API: ``POST /api/v1/check`` (batches, the ad servers' hot path) and
``GET /api/v1/check`` (one account, with reasons).

The POST route is a raw ASGI endpoint: the body is parsed with orjson and the answer assembled
from prebuilt fragments with ``str.join`` (FastAPI with a Pydantic body model costs about half the
throughput). The FastAPI route declared after it on the same path is never reached for POST; it
is there so the contract (request and response schemas) is in the OpenAPI document, and it
answers the same way if it ever is reached.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, MutableMapping
from itertools import compress
from typing import Annotated, Any
from weakref import WeakKeyDictionary

import orjson
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from standing.access.model import Permission
from standing.errors import CheckError, Invalid, Unauthorized, error_document
from standing.gate import Gate
from standing.gate.core import BatchView
from standing.gate.state import Context
from standing.territories import territory_code
from standing.web.auth import TokenCache, bearer, requires
from standing.web.schemas import ERRORS, TERRITORY_SCHEMA

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

PATH = "/api/v1/check"
MAX_ID_BYTES = 400  # generous bound per account id when sizing a request body
ALLOWED_TAIL = '","allowed":true,"decisions":[]},{"account":"'
DENIED_EMPTY_TAIL = '","allowed":false,"decisions":[]},{"account":"'
HEAD = '{"results":[{"account":"'
SEPARATOR = ',{"account":"'

router = APIRouter(tags=["check"], responses=ERRORS)


class CheckRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    capability: str = Field(
        min_length=1, max_length=200, description="Capability asked for.", examples=["ads.promote"]
    )
    accounts: list[str] = Field(description="Account ids, answered in this order.")
    territory: str | None = Field(
        None,
        min_length=1,
        max_length=16,
        description="ISO country code; global decisions and those naming it count.",
        examples=["DE"],
        json_schema_extra={"anyOf": [TERRITORY_SCHEMA, {"type": "null"}]},
    )


class CheckResult(BaseModel):
    account: str
    allowed: bool
    decisions: list[str] = Field(description="Ids of the active decisions that deny.")


class CheckResponse(BaseModel):
    results: list[CheckResult]
    as_of: int = Field(description="The decision changelog position the answers reflect.")
    stale: bool | None = Field(
        None, description="Present and true when the gate's data is older than its bound."
    )


class SingleCheck(CheckResult):
    as_of: int
    unknown: bool = Field(description="The account is not in the gate's graph.")
    reason: str


def publish_catalogue(app: FastAPI, capabilities: Collection[str]) -> None:
    """State the published catalogue in the OpenAPI document: a capability outside it is
    refused (422), so the document lists the names the routes accept."""
    build = app.openapi
    names = sorted(capabilities)

    def openapi() -> dict[str, Any]:
        document = build()
        request = document["components"]["schemas"]["CheckRequest"]["properties"]
        request["capability"]["enum"] = names
        for parameter in document["paths"][PATH]["get"]["parameters"]:
            if parameter["name"] == "capability":
                parameter["schema"]["enum"] = names
        return document

    app.openapi = openapi  # type: ignore[method-assign]


def _error_body(code: str, message: str) -> bytes:
    return orjson.dumps(error_document(code, message))


def authorise(tokens: TokenCache, header: bytes | None) -> None:
    """The caller's token must hold the scope ``check``: 401 without a valid token, 403
    for a token without the scope."""
    token = bearer(header)
    if not token:
        raise CheckError(401, "unauthorized", "a valid bearer token is required")
    try:
        principal = tokens.principal(token)
    except Unauthorized:
        raise CheckError(401, "unauthorized", "a valid bearer token is required") from None
    if not principal.may(Permission.CHECK):
        raise CheckError(
            403,
            "forbidden",
            f"{principal.id} may not check: checks need a token with the scope check",
        )


def require_capability(known: Collection[str], capability: str) -> None:
    """A capability outside the published catalogue is a client error, not an "allowed"."""
    if capability not in known:
        raise CheckError(
            422,
            "invalid",
            f"capability: {capability!r} is not in the published catalogue "
            f"({', '.join(sorted(known))})",
        )


def parse_request(body: bytes, limit: int) -> tuple[str, list[str], str | None]:
    """Validate a batch request; every problem is a ``CheckError`` with a clear message."""
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise CheckError(422, "invalid", f"body: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise CheckError(422, "invalid", "body: expected a JSON object")
    unknown = data.keys() - {"capability", "accounts", "territory"}
    if unknown:
        raise CheckError(422, "invalid", f"body: unknown field(s) {', '.join(sorted(unknown))}")
    capability = data.get("capability")
    if not isinstance(capability, str) or not capability:
        raise CheckError(422, "invalid", "capability: required, a non-empty string")
    if len(capability) > 200:
        raise CheckError(
            422, "invalid", f"capability: {len(capability)} characters; the longest is 200"
        )
    accounts = data.get("accounts")
    if not isinstance(accounts, list):
        raise CheckError(422, "invalid", "accounts: required, a list of account id strings")
    if len(accounts) > limit:
        raise CheckError(
            413,
            "too_large",
            f"accounts: {len(accounts)} accounts in one request; the limit is {limit} "
            "(check_batch_limit): split the batch",
        )
    # Item types are checked where the items are used (``answer``): free on the fast path.
    territory = data.get("territory")
    if territory is not None:
        if not isinstance(territory, str):
            raise CheckError(422, "invalid", "territory: a country code string, or null")
        territory = check_territory(territory)
    return capability, accounts, territory


def check_territory(value: str) -> str:
    """An ISO 3166-1 alpha-2 code, upper-cased; anything else is a client error (a check in
    a misspelt territory must not quietly count only global decisions)."""
    try:
        return territory_code(value[:64])
    except Invalid as exc:
        raise CheckError(422, "invalid", exc.message) from None


def _tail(decisions: tuple[str, ...]) -> str:
    if not decisions:
        return DENIED_EMPTY_TAIL
    return (
        '","allowed":false,"decisions":' + orjson.dumps(list(decisions)).decode() + "}" + SEPARATOR
    )


class Fragments:
    """The prebuilt denial fragments of the batch route, one cache per gate context. A context
    is immutable and shared by the states that keep it, so its fragments stay right as long as
    it lives; the cache holds it weakly and goes with it."""

    def __init__(self) -> None:
        self._by_context: WeakKeyDictionary[Context, dict[str, str]] = WeakKeyDictionary()

    def of(self, view: BatchView) -> dict[str, str]:
        """The cache for the view's context; a throwaway one when the answers are not the
        context's (no context, or a stale gate)."""
        context = view.context
        if context is None or view.closed or view.stale:
            return {}
        cache = self._by_context.get(context)
        if cache is None:
            cache = self._by_context[context] = {}
        return cache

    def __len__(self) -> int:
        """How many contexts have a cache (those still alive)."""
        return len(self._by_context)


FRAGMENTS = Fragments()


def _not_strings() -> CheckError:
    return CheckError(422, "invalid", "accounts: every item must be an account id string")


def answer(
    gate: Gate, capability: str, accounts: list[str], territory: str | None, raw: bytes
) -> bytes:
    """The response body for a batch, from one consistent view of the gate. ``raw`` is the
    request body: without a backslash in it, no id needs JSON escaping, and ids are spliced
    into prebuilt fragments as they are."""
    view = gate.batch_view(capability, territory)
    as_of = view.as_of
    stale = ',"stale":true' if view.stale else ""
    n = len(accounts)
    if n == 0:
        return f'{{"results":[],"as_of":{as_of}{stale}}}'.encode()
    table = view.table
    try:
        flags = list(map(table.__contains__, accounts))
    except TypeError:  # an unhashable item
        raise _not_strings() from None
    if b"\\" in raw:  # some id needs escaping: take the general road
        if set(map(type, accounts)) != {str}:
            raise _not_strings()
        results = []
        for account_id, denied in zip(accounts, flags, strict=True):
            decisions: list[str] = []
            if denied:
                decisions = list(view.decisions(account_id))
            results.append({"account": account_id, "allowed": not denied, "decisions": decisions})
        document: dict[str, Any] = {"results": results, "as_of": as_of}
        if stale:
            document["stale"] = True
        return orjson.dumps(document)
    tails = [ALLOWED_TAIL] * n
    if True in flags:
        fragments = FRAGMENTS.of(view)
        for i in compress(range(n), flags):
            account_id = accounts[i]
            tail = fragments.get(account_id)
            if tail is None:
                tail = fragments[account_id] = _tail(view.decisions(account_id))
            tails[i] = tail
    # head, id, tail, id, tail, ...; the last tail closes the document instead of opening an item
    parts: list[str] = [""] * (2 * n + 1)
    parts[0] = HEAD
    parts[1::2] = accounts
    parts[2::2] = tails
    parts[-1] = parts[-1][: -len(SEPARATOR)] + f'],"as_of":{as_of}{stale}}}'
    try:
        text = "".join(parts)  # raises TypeError for any item that is not a string
    except TypeError:
        raise _not_strings() from None
    return text.encode()


class BatchCheck:
    """``POST /api/v1/check`` as a raw ASGI endpoint."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = scope["app"]
        settings = app.state.services.settings
        status, body = 200, b""
        try:
            auth = None
            length = None
            for name, value in scope["headers"]:
                if name == b"authorization":
                    auth = value
                elif name == b"content-length":
                    length = value
            authorise(app.state.tokens, auth)
            limit = int(settings.check_batch_limit)
            max_bytes = limit * MAX_ID_BYTES + 4096
            if length is not None and length.isdigit() and int(length) > max_bytes:
                raise CheckError(
                    413, "too_large", f"body: over {max_bytes} bytes; the batch limit is {limit}"
                )
            chunks = []
            size = 0
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > max_bytes:
                    raise CheckError(
                        413,
                        "too_large",
                        f"body: over {max_bytes} bytes; the batch limit is {limit}",
                    )
                chunks.append(chunk)
                more = message.get("more_body", False)
            raw = chunks[0] if len(chunks) == 1 else b"".join(chunks)
            capability, accounts, territory = parse_request(raw, limit)
            require_capability(app.state.services.policy.capabilities, capability)
            body = answer(app.state.gate, capability, accounts, territory, raw)
        except CheckError as exc:
            status, body = exc.status, _error_body(exc.code, exc.message)
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        if status == 401:
            headers.append((b"www-authenticate", b"Bearer"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


# Raw, no response model: the batch check is the hot path; it answers from the request's bytes
# with orjson, and validating a model per answer would cost more than the checks themselves.
router.add_route(
    PATH,
    BatchCheck(),  # type: ignore[arg-type]  # an ASGI app: Starlette routes to it directly
    methods=["POST"],
    include_in_schema=False,
)


@router.post(
    PATH,
    response_model=CheckResponse,
    response_model_exclude_none=True,
    summary="Check many accounts for one capability",
    responses={413: {"description": "More accounts than check_batch_limit"}},
    dependencies=[requires(Permission.CHECK)],
)
async def check_many(request: Request, body: CheckRequest) -> Response:
    """May each account use the capability now? Answers in input order, with the ids of the
    decisions that deny. (Served by the raw endpoint above; declared here for the schema.)"""
    raw = await request.body()
    try:
        capability, accounts, territory = parse_request(
            raw, int(request.app.state.services.settings.check_batch_limit)
        )
        require_capability(request.app.state.services.policy.capabilities, capability)
    except CheckError as exc:
        return Response(
            _error_body(exc.code, exc.message), exc.status, media_type="application/json"
        )
    gate: Gate = request.app.state.gate
    return Response(
        answer(gate, capability, accounts, territory, raw), media_type="application/json"
    )


@router.get(
    PATH,
    response_model=SingleCheck,
    summary="Check one account for one capability",
    dependencies=[requires(Permission.CHECK)],
)
def check_one(
    request: Request,
    account: Annotated[str, Query(min_length=1, max_length=400, description="Account id.")],
    capability: Annotated[str, Query(min_length=1, max_length=200, description="Capability.")],
    territory: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=16,
            description="ISO country code.",
            json_schema_extra=TERRITORY_SCHEMA,
        ),
    ] = None,
) -> Response:
    """May this account use the capability now, and if not, which decisions deny it?"""
    try:
        require_capability(request.app.state.services.policy.capabilities, capability)
        if territory is not None:
            territory = check_territory(territory)
    except CheckError as exc:
        return Response(
            _error_body(exc.code, exc.message), exc.status, media_type="application/json"
        )
    gate: Gate = request.app.state.gate
    verdict = gate.check(account, capability, territory)
    # the model documents the answer; the gate's verdict is written as is, as the batch's are
    return Response(orjson.dumps(verdict.to_json(account)), media_type="application/json")
