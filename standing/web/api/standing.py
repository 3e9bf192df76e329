from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from standing.decisions.service import standing_of
from standing.errors import NotFound
from standing.territories import territory_code
from standing.web.auth import Reader
from standing.web.deps import ServicesDep
from standing.web.schemas import ERRORS, TERRITORY_SCHEMA, DecisionOut

router = APIRouter(prefix="/api/v1", tags=["standing"], responses=ERRORS)


class PartySummaryOut(BaseModel):
    id: str
    kind: Literal["party"]
    schema_: str = Field(alias="schema")
    name: str
    countries: list[str]


class AccountSummaryOut(BaseModel):
    id: str
    kind: Literal["account"]
    name: str
    service: str
    username: str
    owner: str | None


class CapabilityOut(BaseModel):
    capability: str
    description: str
    allowed: bool
    decisions: list[str]
    via: list[str]


class ReasonOut(BaseModel):
    decision: str
    subject: str
    rule: str
    title: str
    facts: str
    remedy: str | None
    statement_url: str


class StandingOut(BaseModel):
    """Every capability of a subject, the decisions that deny any and why, and its
    decisions' history."""

    subject: PartySummaryOut | AccountSummaryOut = Field(discriminator="kind")
    territory: str | None
    as_of: str
    capabilities: list[CapabilityOut]
    reasons: list[ReasonOut]
    decisions: list[DecisionOut]


def _territory(value: str | None) -> str | None:
    return territory_code(value) if value else None


@router.get("/accounts/{account_id}/standing", response_model=StandingOut)
def account_standing(
    account_id: str,
    services: ServicesDep,
    viewer: Reader,
    territory: str | None = Query(None, max_length=16, json_schema_extra=TERRITORY_SCHEMA),
) -> StandingOut:
    """Every capability of an account, with the decisions and reasons that deny it."""
    result = standing_of(services, account_id, viewer, _territory(territory))
    if not result.is_account:
        raise NotFound(f"unknown account {account_id!r} ({account_id} is a party)")
    return StandingOut.model_validate(result.to_json())


@router.get("/parties/{party_id}/standing", response_model=StandingOut)
def party_standing(
    party_id: str,
    services: ServicesDep,
    viewer: Reader,
    territory: str | None = Query(None, max_length=16, json_schema_extra=TERRITORY_SCHEMA),
) -> StandingOut:
    """Every capability of a party, with the decisions and reasons that deny it."""
    result = standing_of(services, party_id, viewer, _territory(territory))
    if result.is_account:
        raise NotFound(f"unknown party {party_id!r} ({party_id} is an account)")
    return StandingOut.model_validate(result.to_json())
