from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends
from fastapi import Query as QueryParam
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from standing.access.model import Permission, Principal
from standing.errors import Invalid
from standing.screening.countries import query_country
from standing.screening.match import Query
from standing.screening.model import hit_view_json
from standing.screening.service import hits, list_versions, review_hit, screen_queries
from standing.web.auth import Reader, Requires, requires
from standing.web.deps import ServicesDep
from standing.web.schemas import ERRORS, NONBLANK, TERRITORY_SCHEMA, SourceOut

router = APIRouter(prefix="/api/v1", tags=["screening"], responses=ERRORS)
HitReviewer = Annotated[Principal, Depends(Requires(Permission.REVIEW_HIT))]
MAX_QUERIES = 1000


def _country(value: str | None) -> str | None:
    """Checked here, kept as given (the answer echoes the query); read by `query_country`."""
    if value is None:
        return None
    try:
        query_country(value, "value")
    except Invalid as exc:
        raise ValueError(exc.message.removeprefix("value: ")) from None
    return value


#: A country: an ISO 3166-1 alpha-2 code in any case, or the country's name ("Russia"); the
#: OpenAPI document names the codes.
Country = Annotated[
    str | None,
    Field(max_length=100, json_schema_extra={"anyOf": [TERRITORY_SCHEMA, {"type": "null"}]}),
    AfterValidator(_country),
]


class NameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(
        min_length=1, max_length=1000, pattern=NONBLANK, examples=["AO Kaspersky Lab"]
    )
    country: Country = Field(None, examples=["ru"])
    schema_: (
        Literal["Person", "Company", "Organization", "LegalEntity", "Vessel", "Airplane"] | None
    ) = Field(None, alias="schema")
    id: str | None = None


class ScreenIn(BaseModel):
    """One name (``name``, ``country``, ``schema``) or many (``queries``)."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        json_schema_extra={
            "oneOf": [
                {
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}, "queries": {"type": "null"}},
                },
                {
                    "required": ["queries"],
                    "properties": {"queries": {"type": "array"}, "name": {"type": "null"}},
                },
            ]
        },
    )

    name: str | None = Field(None, min_length=1, max_length=1000, pattern=NONBLANK)
    country: Country = None
    schema_: (
        Literal["Person", "Company", "Organization", "LegalEntity", "Vessel", "Airplane"] | None
    ) = Field(None, alias="schema")
    queries: list[NameIn] | None = Field(None, min_length=1, max_length=MAX_QUERIES)

    @model_validator(mode="after")
    def _one_form(self) -> ScreenIn:
        if (self.name is None) == (self.queries is None):
            raise ValueError("give either name or queries")
        return self

    def names(self) -> list[NameIn]:
        """The names to screen: ``queries``, or the one name, validated above by the same rules."""
        if self.name is None:  # then queries were given (see _one_form)
            return self.queries or []
        return [NameIn.model_construct(name=self.name, country=self.country, schema_=self.schema_)]


class ReviewIn(BaseModel):
    """Confirm a hit (optionally under a rule) or dismiss it, saying why."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "if": {"properties": {"action": {"const": "dismiss"}}},
            "then": {
                "required": ["note"],
                "properties": {"note": {"type": "string", "pattern": NONBLANK}},
            },
        },
    )

    action: Literal["confirm", "dismiss"]
    rule: str | None = Field(None, min_length=1, max_length=200)
    note: str | None = Field(None, max_length=20_000)


class QueryOut(BaseModel):
    name: str
    country: str | None
    schema_: str | None = Field(alias="schema")
    id: str | None


class ScreenHitOut(BaseModel):
    source: str
    entry: str
    name: str
    score: float
    match: bool
    features: dict[str, Any]


class ScreenResultOut(BaseModel):
    query: QueryOut
    hits: list[ScreenHitOut]


class ScreenOut(BaseModel):
    results: list[ScreenResultOut]


class ListVersionOut(BaseModel):
    source: str
    version: int
    file: str
    sha256: str
    format: str
    entries: int
    added: int
    removed: int
    changed: int
    imported_at: str
    actor: str


class ListsOut(BaseModel):
    sources: list[SourceOut]
    versions: list[ListVersionOut]


class HitOut(BaseModel):
    id: str
    party: str
    party_name: str | None
    source: str
    entry: str
    name: str
    score: float
    by_identifier: bool
    features: dict[str, Any]
    status: str
    created_at: str
    reviewed_by: str | None
    reviewed_at: str | None
    note: str | None
    decision: str | None


class HitsOut(BaseModel):
    hits: list[HitOut]


@router.post("/screen", response_model=ScreenOut, dependencies=[requires(Permission.SCREEN)])
def screen(body: ScreenIn, services: ServicesDep) -> ScreenOut:
    """Screen one or many names against the latest version of every list."""
    items = body.names()
    queries = [
        Query.of(
            i.name,
            country=query_country(i.country) if i.country else None,
            schema=i.schema_,
            id=i.id,
        )
        for i in items
    ]
    results = screen_queries(services, queries)
    return ScreenOut.model_validate(
        {
            "results": [
                {
                    "query": {
                        "name": i.name,
                        "country": i.country,
                        "schema": i.schema_,
                        "id": i.id,
                    },
                    "hits": [h.to_json() for h in found],
                }
                for i, found in zip(items, results, strict=True)
            ]
        }
    )


@router.get("/lists", response_model=ListsOut, dependencies=[requires(Permission.READ)])
def lists(services: ServicesDep) -> ListsOut:
    return ListsOut.model_validate(
        {
            "sources": [s.to_public() for s in services.policy.sources.values()],
            "versions": [v.to_json() for v in list_versions(services)],
        }
    )


@router.get("/hits", response_model=HitsOut)
def list_hits(
    services: ServicesDep,
    viewer: Reader,
    status: str = QueryParam(
        "open", pattern="^(open|confirmed|dismissed|superseded|delisted|all)$"
    ),
    party: str | None = QueryParam(None, min_length=1, max_length=200),
) -> HitsOut:
    found = hits(services, viewer, None if status == "all" else status, party)
    return HitsOut.model_validate({"hits": [hit_view_json(h) for h in found]})


@router.post("/hits/{hit_id}/review", response_model=HitOut)
def review(hit_id: str, body: ReviewIn, services: ServicesDep, actor: HitReviewer) -> HitOut:
    if body.action == "dismiss" and not (body.note or "").strip():
        raise Invalid("note: say why the hit is dismissed")
    reviewed = review_hit(services, hit_id, body.action, actor, body.rule, body.note)
    return HitOut.model_validate(hit_view_json(reviewed))
