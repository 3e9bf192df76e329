from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from standing.decisions.service import standing_of
from standing.errors import NotFound
from standing.territories import territory_code
from standing.web.auth import Reader
from standing.web.deps import ServicesDep
from standing.web.schemas import ERRORS, TERRITORY_SCHEMA

router = APIRouter(prefix="/api/v1", tags=["standing"], responses=ERRORS)


def _territory(value: str | None) -> str | None:
    return territory_code(value) if value else None


@router.get("/accounts/{account_id}/standing")
def account_standing(
    account_id: str,
    services: ServicesDep,
    viewer: Reader,
    territory: str | None = Query(None, max_length=16, json_schema_extra=TERRITORY_SCHEMA),
) -> dict[str, Any]:
    """Every capability of an account, with the decisions and reasons that deny it."""
    result = standing_of(services, account_id, viewer, _territory(territory))
    if result["subject"]["kind"] != "account":
        raise NotFound(f"unknown account {account_id!r} ({account_id} is a party)")
    return result


@router.get("/parties/{party_id}/standing")
def party_standing(
    party_id: str,
    services: ServicesDep,
    viewer: Reader,
    territory: str | None = Query(None, max_length=16, json_schema_extra=TERRITORY_SCHEMA),
) -> dict[str, Any]:
    """Every capability of a party, with the decisions and reasons that deny it."""
    result = standing_of(services, party_id, viewer, _territory(territory))
    if result["subject"]["kind"] != "party":
        raise NotFound(f"unknown party {party_id!r} ({party_id} is an account)")
    return result
