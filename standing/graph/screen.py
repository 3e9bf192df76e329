"""After an import: new and renamed parties are screened against the latest lists."""

from __future__ import annotations

from standing.access.model import Principal
from standing.ports import Services


def screen_imported(services: Services, ids: list[str], actor: Principal) -> dict[str, object]:
    """New and renamed parties are screened against the latest lists, if any are loaded."""
    from standing.screening.service import loaded_versions, screen_parties

    if not ids or not loaded_versions(services):
        return {"parties": 0, "hits": 0, "decisions": []}
    count, hits, decided = screen_parties(services, actor, ids)
    return {"parties": count, "hits": hits, "decisions": decided}
