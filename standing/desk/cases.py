"""Reading one case of the desk that has no reader of its own elsewhere: a screening hit."""

from __future__ import annotations

from standing.access.model import Principal
from standing.errors import Forbidden, NotFound
from standing.ports import Services
from standing.screening.model import HitView
from standing.screening.service import hits
from standing.store.screening_tables import HitRow


def hit_case(services: Services, hit_id: str, viewer: Principal) -> HitView:
    """One screening hit as the review queue gives it (staff only)."""
    if not viewer.is_staff:
        raise Forbidden(f"{viewer.id} may not do this: the review desk is for staff")
    with services.read() as session:
        row = session.get(HitRow, hit_id)
        if row is None:
            raise NotFound(f"unknown hit {hit_id!r}")
        party = row.party_id
    return next(h for h in hits(services, viewer, None, party) if h.id == hit_id)
