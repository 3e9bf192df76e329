from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from standing.web.auth import public
from standing.web.deps import ServicesDep
from standing.web.schemas import ERRORS, RedressOut, SourceOut

router = APIRouter(prefix="/api/v1", tags=["policies"], responses=ERRORS)


class LegalGroundOut(BaseModel):
    id: str
    act: str
    jurisdiction: str
    sources: list[str]
    url: str


class RuleOut(BaseModel):
    id: str
    title: str
    criteria: str
    remedy: str
    ground: str
    reference: str
    restricts: list[str]
    reach: str
    threshold: float
    appeal_window_days: int
    review_days: int
    dsa_category: str
    sources: list[str]
    automated_decision: bool
    dsa_category_addition: list[str]
    dsa_keywords: list[str]
    legal_grounds: list[LegalGroundOut]
    recheck_days: int | None


class PoliciesOut(BaseModel):
    version: str
    rules: list[RuleOut]
    capabilities: dict[str, str]
    sources: list[SourceOut]
    redress: RedressOut


@router.get("/policies", response_model=PoliciesOut, dependencies=[public()])
def policies(services: ServicesDep) -> PoliciesOut:
    """The published rules (criteria, remedy, reach) and the capability catalogue."""
    return PoliciesOut.model_validate(services.policy.to_public())
