from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from standing.web.auth import public
from standing.web.deps import ServicesDep
from standing.web.schemas import ERRORS

router = APIRouter(prefix="/api/v1", tags=["policies"], responses=ERRORS)


@router.get("/policies", dependencies=[public()])
def policies(services: ServicesDep) -> dict[str, Any]:
    """The published rules (criteria, remedy, reach) and the capability catalogue."""
    return services.policy.to_public()
