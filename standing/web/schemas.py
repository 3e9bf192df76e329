"""Request and response bodies of the JSON API (Pydantic lives at the edges only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictBool

from standing.clock import parse_moment
from standing.errors import Invalid
from standing.territories import country_codes

#: Bounds on free text: generous for prose, tight for names; a statement stays readable.
TEXT_MAX = 20_000
NAME_MAX = 200
REF_MAX = 2_000
LIST_MAX = 300  # territories (there are about 250) or evidence references


def _moment(value: object) -> datetime:
    """A date or date-time as an ISO 8601 string, read as the CLI reads it (a bare number is
    not taken for a Unix timestamp)."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError("give an ISO 8601 date or date-time string (e.g. 2027-01-31)")
    try:
        return parse_moment(value, "value")
    except Invalid as exc:
        raise ValueError(exc.message.removeprefix("value: ")) from None


#: The OpenAPI statement of a territory: an ISO 3166-1 alpha-2 code that decisions know (the
#: routes also read lower case and surrounding spaces; the document names the codes).
TERRITORY_SCHEMA: dict[str, Any] = {"enum": sorted(country_codes())}
#: A territory in a body.
Territory = Annotated[str, Field(max_length=10, json_schema_extra=TERRITORY_SCHEMA)]
#: A character every regular expression engine involved (Python's, the Rust one Pydantic
#: validates with, ECMAScript's in clients) and ``str.split`` agree is not white space: no
#: control characters and none of the Unicode spaces.
NONBLANK = r"[^\s\x00-\x1f\x7f-\xa0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]"
#: At least two words (a reason a person gives, not a token).
TWO_WORDS = NONBLANK + r"[ \t\n\r]+" + NONBLANK

#: A moment given to the API: an ISO 8601 date (midnight UTC) or date-time (naive means UTC).
Moment = Annotated[datetime, BeforeValidator(_moment)]


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: str = Field(min_length=1, max_length=REF_MAX, examples=["ao-kaspersky-lab"])
    rule: str = Field(min_length=1, max_length=NAME_MAX, examples=["government-barred-vendor"])
    facts: str = Field(
        max_length=TEXT_MAX, examples=["AO Kaspersky Lab is named in DHS BOD 17-01 ..."]
    )
    evidence: list[Annotated[str, Field(max_length=REF_MAX)]] = Field(
        default_factory=list, max_length=LIST_MAX
    )
    territories: list[Territory] = Field(
        default_factory=list, max_length=LIST_MAX, examples=[["DE"]]
    )
    until: Moment | None = None
    # flags are JSON true or false, never "yes" or 1
    automated_detection: StrictBool = False
    automated_decision: StrictBool = False
    dry_run: StrictBool = False
    # the public record (DSA Transparency Database); left out, it is derived
    public_facts: str | None = Field(None, max_length=TEXT_MAX)
    legal_ground: str | None = Field(None, max_length=NAME_MAX)
    category: str | None = Field(None, max_length=NAME_MAX)
    category_addition: list[Annotated[str, Field(max_length=NAME_MAX)]] | None = Field(
        None, max_length=LIST_MAX
    )
    keywords: list[Annotated[str, Field(max_length=NAME_MAX)]] | None = Field(
        None, max_length=LIST_MAX
    )
    content_language: str | None = Field(None, max_length=10)
    origin: Literal["own_initiative", "authority"] = "own_initiative"
    source_identity: str | None = Field(None, max_length=500)


class LiftIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(
        min_length=3,
        max_length=TEXT_MAX,
        pattern=TWO_WORDS,
        description="Why the decision ends, in at least two words.",
    )


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
    401: _error("No valid credential (send Authorization: Bearer stk_...)"),
    403: _error("The principal's roles or scopes do not allow this"),
    404: _error("An id in the path or body is unknown"),
    409: _error("The request conflicts with the record's state (e.g. already decided)"),
    422: _error("The input is invalid; the message names the field and why"),
}


# --- responses shared by several routes ------------------------------------------------------


class SourceOut(BaseModel):
    """A restriction list the platform screens against (``Source.to_public``)."""

    id: str
    title: str
    authority: str
    format: str
    accepts: list[str]
    threshold: float
    url: str


class SettlementBodyOut(BaseModel):
    id: str
    name: str
    country: str
    url: str
    certified_by: str


class CourtOut(BaseModel):
    id: str
    name: str
    description: str
    url: str


class RedressOut(BaseModel):
    """Where an affected party may turn beyond the platform (``Redress.to_public``)."""

    settlement_bodies: list[SettlementBodyOut]
    courts: list[CourtOut]
    register_url: str


class DecisionFields(BaseModel):
    """A decision's own fields, as ``decision_json`` gives them."""

    id: str
    subject: str
    subject_kind: str
    rule: str
    policy_version: str
    restricts: list[str]
    reach_rule: str
    threshold: float
    facts: str
    evidence: list[str]
    territories: list[str]
    starts_at: str
    ends_at: str | None
    automated_detection: bool
    automated_decision: bool
    author: str
    created_at: str
    lifted_at: str | None
    lift_reason: str | None
    supersedes: str | None
    exempt: list[str]


class DecisionOut(DecisionFields):
    """A decision as the API gives it; ``status`` is its status now."""

    status: str


class RecordedOut(DecisionFields):
    """A decision just recorded, with whom it reaches and the public record's facts; a dry
    run has no id and no statement yet."""

    id: str | None  # type: ignore[assignment]
    reach: dict[str, list[dict[str, Any]]]
    warnings: list[str]
    public_facts: str | None
    dry_run: bool | None = None
    statement_url: str | None = None
