"""Request and response bodies of the JSON API (Pydantic lives at the edges only)."""

from __future__ import annotations

from datetime import datetime

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
