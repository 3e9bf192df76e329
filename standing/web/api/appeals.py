from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Query, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from standing.access.model import Permission, Principal
from standing.appeals.attachments import MAX_BYTES, MAX_FILES, check_upload
from standing.appeals.model import AppealView
from standing.appeals.service import (
    add_attachments,
    file_appeal,
    get_appeal,
    list_appeals,
    review_appeal,
)
from standing.errors import Invalid
from standing.web.auth import Reader, Requires
from standing.web.deps import ServicesDep
from standing.web.schemas import (
    ERRORS,
    LIST_MAX,
    REF_MAX,
    TEXT_MAX,
    Moment,
    RedressOut,
    Territory,
)

router = APIRouter(prefix="/api/v1/appeals", tags=["appeals"], responses=ERRORS)
Appellant = Annotated[Principal, Depends(Requires(Permission.FILE_APPEAL))]
Reviewer = Annotated[Principal, Depends(Requires(Permission.DECIDE_APPEAL))]


class AppealIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    decision: str = Field(min_length=1, max_length=REF_MAX)
    text: str = Field(min_length=1, max_length=TEXT_MAX)
    kind: Literal["dispute", "reinstatement"] = Field(
        "dispute",
        description="dispute: the decision is wrong (within the rule's appeal window); "
        "reinstatement: the remedy is met (at any time)",
    )
    scope: str | None = Field(
        None,
        min_length=1,
        max_length=REF_MAX,
        description="one of the caller's parties or accounts the decision reaches, when the "
        "appeal is about it only (absent: the whole decision)",
    )


class ReviewIn(BaseModel):
    """The outcome and the reply. A dispute ends ``upheld``, ``overturned``, ``modified`` or
    ``exempted``; a request for reinstatement ``lifted``, ``exempted`` or ``declined``.
    ``territories`` and ``until`` narrow a decision, so they come with the outcome
    ``modified`` (at least one of them) and with no other; ``scope`` (the party or account to
    carve out, by default the appeal's) comes with ``exempted`` only."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "allOf": [
                {
                    "if": {"properties": {"outcome": {"const": "modified"}}},
                    "then": {
                        "anyOf": [
                            {
                                "required": ["territories"],
                                "properties": {"territories": {"type": "array", "minItems": 1}},
                            },
                            {"required": ["until"], "properties": {"until": {"type": "string"}}},
                        ]
                    },
                    "else": {
                        "properties": {"territories": {"maxItems": 0}, "until": {"type": "null"}}
                    },
                },
                {
                    "if": {"properties": {"outcome": {"const": "exempted"}}},
                    "then": {},
                    "else": {"properties": {"scope": {"type": "null"}}},
                },
            ]
        },
    )

    outcome: Literal["upheld", "overturned", "modified", "exempted", "lifted", "declined"]
    reply: str = Field(min_length=1, max_length=TEXT_MAX)
    territories: list[Territory] | None = Field(None, max_length=LIST_MAX)
    until: Moment | None = None
    scope: str | None = Field(None, min_length=1, max_length=REF_MAX)


class AppealOut(BaseModel):
    """An appeal (``AppealView``): ``overdue`` where judged as of now, ``redress`` once
    decided."""

    id: str
    decision: str
    kind: str
    scope: str | None
    text: str
    filed_by: str
    filed_at: str
    due_at: str
    status: str
    outcome: str | None
    reply: str | None
    decided_by: str | None
    decided_at: str | None
    new_decision: str | None
    # only sometimes there (the routes leave out what is unset)
    overdue: bool | None = None
    redress: RedressOut | None = None


class AppealsOut(BaseModel):
    appeals: list[AppealOut]


class AttachmentOut(BaseModel):
    attachment: str
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: str
    url: str


class AttachmentsOut(BaseModel):
    attachments: list[AttachmentOut]


def _out(view: AppealView) -> AppealOut:
    """The appeal's document; what it leaves out stays unset (``overdue``, ``redress``)."""
    return AppealOut.model_validate(view.to_json())


@router.get("", response_model=AppealsOut, response_model_exclude_unset=True)
def appeals(
    services: ServicesDep,
    viewer: Reader,
    status: str = Query("open", pattern="^(open|decided|all)$"),
) -> AppealsOut:
    """The appeal queue, earliest deadline first (a contact's own appeals)."""
    found = list_appeals(services, viewer, None if status == "all" else status)
    return AppealsOut.model_validate({"appeals": [a.to_json() for a in found]})


@router.post("", status_code=201, response_model=AppealOut, response_model_exclude_unset=True)
def create(body: AppealIn, services: ServicesDep, actor: Appellant) -> AppealOut:
    """File an appeal, as the advertiser contact calling, against a decision reaching it: a
    dispute within the rule's window or a request for reinstatement at any time, about the
    whole decision or one of the caller's parties or accounts (``scope``)."""
    filed = file_appeal(services, body.decision, body.text, actor, body.kind, body.scope)
    return _out(AppealView.of(filed, services.clock.now()))


@router.get("/{appeal_id}", response_model=AppealOut, response_model_exclude_unset=True)
def read(appeal_id: str, services: ServicesDep, viewer: Reader) -> AppealOut:
    found = get_appeal(services, appeal_id, viewer)
    return _out(AppealView.of(found, services.clock.now(), services.policy.redress))


@router.post("/{appeal_id}/review", response_model=AppealOut, response_model_exclude_unset=True)
def review(appeal_id: str, body: ReviewIn, services: ServicesDep, actor: Reviewer) -> AppealOut:
    decided = review_appeal(
        services,
        appeal_id,
        body.outcome,
        body.reply,
        actor,
        tuple(body.territories) if body.territories else None,
        body.until,
        body.scope,
    )
    return _out(AppealView.of(decided, services.clock.now(), services.policy.redress))


@router.post("/{appeal_id}/attachments", status_code=201, response_model=AttachmentsOut)
async def attach(
    appeal_id: str,
    services: ServicesDep,
    actor: Appellant,
    files: Annotated[list[UploadFile], File(description="PDF, PNG or JPEG, 10 MB each")],
) -> AttachmentsOut:
    """Attach evidence to the caller's own open appeal (multipart, field ``files``); the type
    is judged by the bytes, each file is stored once by its SHA-256, recorded on the audit
    log. Any file refused: none is stored."""
    if len(files) > MAX_FILES:
        raise Invalid(f"attachments: {len(files)} files; at most {MAX_FILES} per appeal")
    uploads = [check_upload(f.filename or "", await f.read(MAX_BYTES + 1)) for f in files]
    added = add_attachments(services, appeal_id, uploads, actor)
    return AttachmentsOut.model_validate({"attachments": [a.to_json() for a in added]})
