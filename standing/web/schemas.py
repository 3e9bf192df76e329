"""Request and response bodies of the JSON API (Pydantic lives at the edges only)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: str = Field(min_length=1, examples=["ao-kaspersky-lab"])
    rule: str = Field(min_length=1, examples=["government-barred-vendor"])
    facts: str = Field(examples=["AO Kaspersky Lab is named in DHS BOD 17-01 ..."])
    evidence: list[str] = Field(default_factory=list)
    territories: list[str] = Field(default_factory=list, examples=[["DE"]])
    until: datetime | None = None
    author: str = Field("api", min_length=1)
    # flags are JSON true or false, never "yes" or 1
    automated_detection: StrictBool = False
    automated_decision: StrictBool = False
    dry_run: StrictBool = False


class LiftIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str
    author: str = Field("api", min_length=1)


class ErrorDetail(BaseModel):
    code: str = Field(examples=["invalid"])
    message: str = Field(examples=["facts: do not name the subject; mention it by ..."])


class ErrorOut(BaseModel):
    """Every error of the API: a code and a message that says what is wrong and where."""

    error: ErrorDetail


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


#: The error responses every JSON route may give, for the OpenAPI document.
ERRORS: dict[int | str, dict[str, Any]] = {
    404: _error("An id in the path or body is unknown"),
    409: _error("The request conflicts with the record's state (e.g. already decided)"),
    422: _error("The input is invalid; the message names the field and why"),
}
