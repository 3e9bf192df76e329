"""``GET /api/v1/me``: who the caller is."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from standing.access.model import Permission, Principal
from standing.web.auth import Requires
from standing.web.schemas import ERRORS

router = APIRouter(prefix="/api/v1", tags=["access"], responses=ERRORS)
Caller = Annotated[Principal, Depends(Requires(Permission.AUTHENTICATED))]


class PrincipalOut(BaseModel):
    id: str
    kind: str
    name: str
    email: str | None
    roles: list[str]
    parties: list[str]
    scopes: list[str]


@router.get("/me", response_model=PrincipalOut)
def me(caller: Caller) -> PrincipalOut:
    """The caller: ``{"id", "kind", "roles", "parties", ...}``."""
    return PrincipalOut.model_validate(caller.to_json())
