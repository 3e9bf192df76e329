"""Exports for regulators: the DSA Transparency Database records of stored statements.

Every record is checked against the database's rules as it is built; a refused one raises
``DsaRecordRefused`` (record, field, rule), so a caller that collects the records before
writing never writes part of an export."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import select

from standing.ports import Services
from standing.store.tables import DecisionRow, LiftRow, NoticeRow, StatementRow
from standing.transparency.dsa import dsa_records


def export_dsa(services: Services, since: datetime | None = None) -> Iterator[dict[str, Any]]:
    """DSA records for every statement issued at or after ``since``, oldest first; a notice
    (the statement for an account a decision reached later) counts from its own issue. A
    decision lifted before the export gives its records the day it ended."""
    with services.read() as session:
        statements = (
            select(StatementRow.content, DecisionRow.rule_id, StatementRow.created_at)
            .add_columns(LiftRow.lifted_at)
            .join(DecisionRow, DecisionRow.id == StatementRow.decision_id)
            .outerjoin(LiftRow, LiftRow.decision_id == StatementRow.decision_id)
        )
        notices = (
            select(NoticeRow.content, DecisionRow.rule_id, NoticeRow.created_at)
            .add_columns(LiftRow.lifted_at)
            .join(DecisionRow, DecisionRow.id == NoticeRow.decision_id)
            .outerjoin(LiftRow, LiftRow.decision_id == NoticeRow.decision_id)
        )
        if since is not None:
            statements = statements.where(StatementRow.created_at >= since)
            notices = notices.where(NoticeRow.created_at >= since)
        rows = [tuple(r) for r in session.execute(statements).all()]
        rows += [tuple(r) for r in session.execute(notices).all()]
    rows.sort(key=lambda row: (row[2], row[0]["decision_id"]))
    for content, rule_id, _, lifted_at in rows:
        rule = services.policy.rules.get(rule_id)
        # a statement from before decisions carried their public record: the rule's category,
        # or the database's "other violation of the terms" for a rule since withdrawn
        category = rule.dsa_category if rule else "STATEMENT_CATEGORY_OTHER_VIOLATION_TC"
        yield from dsa_records(
            content,
            category,
            services.settings.public_url,
            lifted_at=lifted_at.isoformat() if lifted_at else None,
        )
