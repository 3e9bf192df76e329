"""The review desk's acts through the API: claim and release a case (an appeal, a screening
hit), and the staff's internal notes on it. A claim lasts ``desk_claim_minutes``; while it
lasts, nobody else may claim or decide the case (409). Notes are never shown to advertisers:
contacts are refused (403)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from standing.access.model import Permission, Principal
from standing.desk.model import NOTE_MAX, Claim, Note
from standing.desk.service import add_note, claim_case, find_case, notes_on, release_case
from standing.web.auth import Reader, Requires
from standing.web.deps import ServicesDep
from standing.web.schemas import ERRORS

router = APIRouter(prefix="/api/v1", tags=["desk"], responses=ERRORS)
Reviewer = Annotated[Principal, Depends(Requires(Permission.DECIDE_APPEAL))]
HitReviewer = Annotated[Principal, Depends(Requires(Permission.REVIEW_HIT))]
Annotator = Annotated[Principal, Depends(Requires(Permission.NOTE))]


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=NOTE_MAX)


class ClaimOut(BaseModel):
    case: str
    kind: str
    held_by: str
    claimed_at: str
    expires_at: str
    released: bool

    @classmethod
    def of(cls, claim: Claim, released: bool = False) -> ClaimOut:
        return cls(
            case=claim.case_id,
            kind=claim.case_kind,
            held_by=claim.held_by,
            claimed_at=claim.claimed_at.isoformat(),
            expires_at=claim.expires_at.isoformat(),
            released=released,
        )


class NoteOut(BaseModel):
    id: str
    case: str
    kind: str
    author: str
    text: str
    written_at: str

    @classmethod
    def of(cls, note: Note) -> NoteOut:
        return cls(
            id=note.id,
            case=note.case_id,
            kind=note.case_kind,
            author=note.author,
            text=note.text,
            written_at=note.written_at.isoformat(),
        )


class NotesOut(BaseModel):
    notes: list[NoteOut]


@router.post("/appeals/{appeal_id}/claim", response_model=ClaimOut)
def claim_appeal(appeal_id: str, services: ServicesDep, actor: Reviewer) -> ClaimOut:
    """Claim an open appeal for the calling reviewer (renewed when already theirs)."""
    return ClaimOut.of(claim_case(services, appeal_id, actor, "appeal"))


@router.post("/appeals/{appeal_id}/release", response_model=ClaimOut)
def release_appeal(appeal_id: str, services: ServicesDep, actor: Reviewer) -> ClaimOut:
    """Release the caller's claim on an appeal."""
    return ClaimOut.of(release_case(services, appeal_id, actor, "appeal"), released=True)


@router.post("/hits/{hit_id}/claim", response_model=ClaimOut)
def claim_hit(hit_id: str, services: ServicesDep, actor: HitReviewer) -> ClaimOut:
    """Claim an open screening hit for the calling analyst (renewed when already theirs)."""
    return ClaimOut.of(claim_case(services, hit_id, actor, "hit"))


@router.post("/hits/{hit_id}/release", response_model=ClaimOut)
def release_hit(hit_id: str, services: ServicesDep, actor: HitReviewer) -> ClaimOut:
    """Release the caller's claim on a screening hit."""
    return ClaimOut.of(release_case(services, hit_id, actor, "hit"), released=True)


def _notes(services: ServicesDep, case_id: str, kind: str, viewer: Principal) -> NotesOut:
    find_case(services, case_id, kind)
    return NotesOut(notes=[NoteOut.of(n) for n in notes_on(services, [case_id], viewer)])


@router.get("/appeals/{appeal_id}/notes", response_model=NotesOut)
def appeal_notes(appeal_id: str, services: ServicesDep, viewer: Reader) -> NotesOut:
    """The internal notes on an appeal, oldest first (staff only)."""
    return _notes(services, appeal_id, "appeal", viewer)


@router.post("/appeals/{appeal_id}/notes", status_code=201, response_model=NoteOut)
def note_appeal(appeal_id: str, body: NoteIn, services: ServicesDep, actor: Annotator) -> NoteOut:
    """Write an internal note on an appeal (analysts and reviewers)."""
    return NoteOut.of(add_note(services, appeal_id, body.text, actor, "appeal"))


@router.get("/hits/{hit_id}/notes", response_model=NotesOut)
def hit_notes(hit_id: str, services: ServicesDep, viewer: Reader) -> NotesOut:
    """The internal notes on a screening hit, oldest first (staff only)."""
    return _notes(services, hit_id, "hit", viewer)


@router.post("/hits/{hit_id}/notes", status_code=201, response_model=NoteOut)
def note_hit(hit_id: str, body: NoteIn, services: ServicesDep, actor: Annotator) -> NoteOut:
    """Write an internal note on a screening hit (analysts and reviewers)."""
    return NoteOut.of(add_note(services, hit_id, body.text, actor, "hit"))
