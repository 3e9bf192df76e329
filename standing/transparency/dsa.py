"""Statements of reasons in the DSA Transparency Database API schema (pure).

One statement is submitted per affected recipient of the service, so a decision that reaches
four accounts yields four records, each with its own platform unique identifier
(``puid`` = ``<decision id>_<account id>``, in the database's alphabet ``[A-Za-z0-9_-]``; an
account id with other characters is replaced by a digest of it). Each record states what is
restricted for its account (an account reached for some of the rule's capabilities only says
those). Restricting paid reach is a partial restriction of the provision of the service;
restricting payouts is a restriction of monetary payments. Text fields are cut to the
database's limits.
"""

from __future__ import annotations

import hashlib
import re
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
#: The database's limits on free text: the facts, the explanations, the grounds.
MAX_TEXT = 5000
MAX_EXPLANATION = 2000
MAX_GROUND = 500
_PUID_SAFE = re.compile(r"[A-Za-z0-9_-]+")


def _date(value: str | None) -> str | None:
    return datetime.fromisoformat(value).date().isoformat() if value else None


def _clip(text: str, limit: int = MAX_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def puid(decision_id: str, account_id: str) -> str:
    """The platform unique identifier of one record: decision and account, in ``[A-Za-z0-9_-]``."""
    if not _PUID_SAFE.fullmatch(account_id):
        account_id = "h" + hashlib.sha256(account_id.encode()).hexdigest()[:24]
    return f"{decision_id}_{account_id}"


def territorial_scope(territories: list[str]) -> list[str]:
    """EEA member states where the decision applies (all of them for a worldwide decision)."""
    if not territories:
        return list(EEA)
    return [t for t in territories if t in EEA]


def dsa_records(
    statement: dict[str, Any], category: str, base_url: str = ""
) -> list[dict[str, Any]]:
    """The DSA records of one stored statement: one per affected account. Decisions that apply
    only outside the EEA produce none. ``base_url`` is where the policy pages are public."""
    scope = territorial_scope(statement["territorial_scope"])
    if not scope:
        return []
    restricted = {c["capability"] for c in statement["restricted"]}
    legal = statement["ground"]["type"] == "legal_obligation"
    start = _date(statement["starts_at"])
    base: dict[str, Any] = {
        "decision_visibility": [],
        "decision_account": None,
        "account_type": "ACCOUNT_TYPE_BUSINESS",
        "decision_ground": "DECISION_GROUND_ILLEGAL_CONTENT"
        if legal
        else "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        "decision_ground_reference_url": (
            f"{base_url.rstrip('/')}/policies#{statement['rule']['id']}"
        ),
        "category": category,
        "content_type": ["CONTENT_TYPE_OTHER"],
        "content_type_other": "Advertiser account and its paid services",
        # The "content" is the account's paid reach, restricted from the decision's start.
        "content_date": start,
        "application_date": start,
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
        base["illegal_content_legal_ground"] = _clip(statement["ground"]["reference"], MAX_GROUND)
        base["illegal_content_explanation"] = _clip(statement["rule"]["criteria"], MAX_EXPLANATION)
    else:
        base["incompatible_content_ground"] = _clip(statement["ground"]["reference"], MAX_GROUND)
        base["incompatible_content_explanation"] = _clip(
            statement["rule"]["criteria"], MAX_EXPLANATION
        )
        base["incompatible_content_illegal"] = "No"
    records = []
    for account in statement["affected"]["accounts"]:
        where = account.get("territories")  # reached in part of the decision's scope only
        account_scope = scope if where is None else territorial_scope(where)
        reached = restricted & set(account.get("capabilities") or restricted)
        if account_scope and reached:
            records.append(
                {
                    **base,
                    **_restrictions(reached, _date(statement["ends_at"])),
                    "territorial_scope": account_scope,
                    "puid": puid(statement["decision_id"], account["id"]),
                }
            )
    return records


def _restrictions(restricted: set[str], end: str | None) -> dict[str, Any]:
    """What is restricted for one account: the provision of the service (paid reach) and/or
    monetary payments, terminated (no end) or suspended (until ``end``)."""
    provision = bool(restricted - MONETARY)
    monetary = bool(restricted & MONETARY)
    return {
        "decision_provision": (
            (
                "DECISION_PROVISION_PARTIAL_SUSPENSION"
                if end
                else "DECISION_PROVISION_PARTIAL_TERMINATION"
            )
            if provision
            else None
        ),
        "decision_monetary": (
            ("DECISION_MONETARY_SUSPENSION" if end else "DECISION_MONETARY_TERMINATION")
            if monetary
            else None
        ),
        "end_date_service_restriction": end if provision else None,
        "end_date_monetary_restriction": end if monetary else None,
    }
