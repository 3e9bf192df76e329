"""Statements of reasons in the DSA Transparency Database API schema (pure).

One statement is submitted per affected recipient of the service, so a decision that reaches
four accounts yields four records, each with its own platform unique identifier
(``puid`` = ``<decision id>:<account id>``). Restricting paid reach is a partial restriction of
the provision of the service; restricting payouts is a restriction of monetary payments.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

EEA = (
    "AT",
    "BE",
    "BG",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GR",
    "HR",
    "HU",
    "IE",
    "IS",
    "IT",
    "LI",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "NO",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
)
MONETARY = frozenset({"payments.receive"})
MAX_TEXT = 5000


def _date(value: str | None) -> str | None:
    return datetime.fromisoformat(value).date().isoformat() if value else None


def _clip(text: str) -> str:
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def territorial_scope(territories: list[str]) -> list[str]:
    """EEA member states where the decision applies (all of them for a worldwide decision)."""
    if not territories:
        return list(EEA)
    return [t for t in territories if t in EEA]


def dsa_records(
    statement: dict[str, Any], category: str, base_url: str = ""
) -> list[dict[str, Any]]:
    """The DSA records of one stored statement: one per affected account. Decisions that apply
    only outside the EEA produce none."""
    scope = territorial_scope(statement["territorial_scope"])
    if not scope:
        return []
    restricted = {c["capability"] for c in statement["restricted"]}
    indefinite = statement["ends_at"] is None
    provision = restricted - MONETARY
    legal = statement["ground"]["type"] == "legal_obligation"
    end = _date(statement["ends_at"])
    base: dict[str, Any] = {
        "decision_visibility": [],
        "decision_provision": (
            (
                "DECISION_PROVISION_PARTIAL_TERMINATION"
                if indefinite
                else "DECISION_PROVISION_PARTIAL_SUSPENSION"
            )
            if provision
            else None
        ),
        "decision_monetary": (
            ("DECISION_MONETARY_TERMINATION" if indefinite else "DECISION_MONETARY_SUSPENSION")
            if restricted & MONETARY
            else None
        ),
        "decision_account": None,
        "account_type": "ACCOUNT_TYPE_BUSINESS",
        "decision_ground": "DECISION_GROUND_ILLEGAL_CONTENT"
        if legal
        else "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        "decision_ground_reference_url": f"{base_url}/policies#{statement['rule']['id']}",
        "category": category,
        "territorial_scope": scope,
        "content_type": ["CONTENT_TYPE_OTHER"],
        "content_type_other": "Advertiser account and its paid services",
        "application_date": _date(statement["starts_at"]),
        "end_date_service_restriction": end if provision else None,
        "end_date_monetary_restriction": end if restricted & MONETARY else None,
        "decision_facts": _clip(statement["facts"]),
        "source_type": "SOURCE_VOLUNTARY",
        "automated_detection": "Yes" if statement["automated_detection"] else "No",
        "automated_decision": (
            "AUTOMATED_DECISION_FULLY"
            if statement["automated_decision"]
            else "AUTOMATED_DECISION_NOT_AUTOMATED"
        ),
    }
    if legal:
        base["illegal_content_legal_ground"] = _clip(statement["ground"]["reference"])
        base["illegal_content_explanation"] = _clip(statement["rule"]["criteria"])
    else:
        base["incompatible_content_ground"] = _clip(statement["ground"]["reference"])
        base["incompatible_content_explanation"] = _clip(statement["rule"]["criteria"])
        base["incompatible_content_illegal"] = "No"
    records = []
    for account in statement["affected"]["accounts"]:
        where = account.get("territories")  # reached in part of the decision's scope only
        account_scope = scope if where is None else territorial_scope(where)
        if account_scope:
            records.append(
                {
                    **base,
                    "territorial_scope": account_scope,
                    "puid": f"{statement['decision_id']}:{account['id']}",
                }
            )
    return records
