"""Exports for regulators: the DSA Transparency Database records of stored statements."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select

from standing.bootstrap import Services
from standing.store.tables import DecisionRow, StatementRow
from standing.transparency.dsa import dsa_records


def export_dsa(services: Services, since: datetime | None = None) -> Iterator[dict[str, Any]]:
    """DSA records for every statement issued at or after ``since``, oldest first."""
    with services.read() as session:
        query = (
            select(StatementRow.content, DecisionRow.rule_id)
            .join(DecisionRow, DecisionRow.id == StatementRow.decision_id)
            .order_by(StatementRow.created_at, StatementRow.decision_id)
        )
        if since is not None:
            query = query.where(StatementRow.created_at >= since)
        rows = session.execute(query).all()
    for content, rule_id in rows:
        rule = services.policy.rules.get(rule_id)
        category = rule.dsa_category if rule else "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE"
        yield from dsa_records(content, category, services.settings.public_url)
