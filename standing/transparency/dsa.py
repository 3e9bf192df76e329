"""Statements of reasons in the DSA Transparency Database API schema (pure).

One statement is submitted per affected recipient of the service, so a decision that reaches
four accounts yields four records, each with its own platform unique identifier
(``puid`` = ``<decision id>_<account id>``, in the database's alphabet ``[A-Za-z0-9_-]``; the
id of a natural person's account, or one with other characters, is replaced by a digest). A
notice (an account reached later) names an account its decision's statement does not, so no
puid is ever used twice; its application date is the day the decision reached the account.
Each record states what is restricted for its account. Restricting paid reach is a partial
restriction of the provision of the service; restricting payouts restricts monetary payments.

Every record is built from the decision's public record (``transparency`` in the statement:
the public text without personal data, the act relied on, categories and keywords, the source,
the automation) and checked against the database's own rules (``dsa_schema.validate_record``)
and for personal data before it is returned: a record the database would refuse is never
produced; ``DsaRecordRefused`` names the record, the field and the rule.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from standing.decisions.transparency import found_personal_data, personal_pattern
from standing.errors import Invalid
from standing.transparency.dsa_schema import (
    EEA,
    FIRST_CONTENT_DATE,
    LAST_DATE,
    MAX_EXPLANATION,
    MAX_FACTS,
    MAX_GROUND,
    Violation,
    validate_record,
)

__all__ = ["EEA", "DsaRecordRefused", "dsa_records", "puid", "territorial_scope"]

MONETARY = frozenset({"payments.receive"})
_PUID_SAFE = re.compile(r"[A-Za-z0-9_-]+")
#: The fields that carry free text, searched for personal data before a record is written.
TEXT_FIELDS = (
    "decision_facts",
    "illegal_content_legal_ground",
    "illegal_content_explanation",
    "incompatible_content_ground",
    "incompatible_content_explanation",
    "content_type_other",
    "source_identity",
    "decision_ground_reference_url",
    "puid",
)


class DsaRecordRefused(Invalid):
    """A record the DSA Transparency Database would refuse, or one holding personal data."""

    def __init__(self, record_puid: str, violations: list[Violation]) -> None:
        self.puid = record_puid
        self.violations = violations
        detail = "; ".join(str(v) for v in violations)
        super().__init__(f"DSA record {record_puid}: {detail}")


def _day(value: str | None) -> date | None:
    return datetime.fromisoformat(value).date() if value else None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def puid(decision_id: str, account_id: str, private: bool = False) -> str:
    """The platform unique identifier of one record: decision and account, in ``[A-Za-z0-9_-]``.
    A natural person's account is named by a digest of its id (an id may carry the name)."""
    if private or not _PUID_SAFE.fullmatch(account_id):
        account_id = "h" + hashlib.sha256(account_id.encode()).hexdigest()[:24]
    return f"{decision_id}_{account_id}"


def territorial_scope(territories: list[str]) -> list[str]:
    """EEA states where the decision applies (all of them for a worldwide decision)."""
    if not territories:
        return list(EEA)
    return [t for t in territories if t in EEA]


def reference_url(base_url: str, statement: dict[str, Any]) -> str:
    """The published rule as applied: the policy page, naming the policy version."""
    version = quote(statement["policy_version"], safe="")
    return f"{base_url.rstrip('/')}/policies?version={version}#{statement['rule']['id']}"


def _legacy_transparency(statement: dict[str, Any], category: str) -> dict[str, Any]:
    """The public record of a statement issued before decisions carried one: the facts as they
    were written (the export still refuses them if they name a natural person)."""
    return {
        "public_facts": statement["facts"],
        "legal_ground": None,
        "category": category,
        "category_addition": [],
        "keywords": [],
        "content_language": None,
        "source_type": "SOURCE_VOLUNTARY",
        "source_identity": None,
        "personal_data": [],
        "automated_decision": "FULLY" if statement["automated_decision"] else "NOT_AUTOMATED",
    }


def _ground(statement: dict[str, Any], t: dict[str, Any], public: str) -> dict[str, Any]:
    """The ground actually relied on: illegal under an act of the Union or an EEA state, or
    incompatible with the published terms (a third country's act is applied under them)."""
    rule = statement["rule"]
    act = t.get("legal_ground")
    why = (
        f'{public} This meets the published criteria of the rule "{rule["title"]}" '
        f"({rule['id']}, policy version {statement['policy_version']})."
    )
    if act is not None and act["european"] and statement["ground"]["type"] == "legal_obligation":
        return {
            "decision_ground": "DECISION_GROUND_ILLEGAL_CONTENT",
            "illegal_content_legal_ground": _clip(act["act"], MAX_GROUND),
            "illegal_content_explanation": _clip(
                f"{why} The platform may not provide the restricted services under {act['act']}.",
                MAX_EXPLANATION,
            ),
        }
    terms = f"{statement['ground']['reference']} (rule {rule['id']})"
    if act is not None:
        terms = f"{rule['title']} (rule {rule['id']}); act relied on: {act['act']}"
    return {
        "decision_ground": "DECISION_GROUND_INCOMPATIBLE_CONTENT",
        "incompatible_content_ground": _clip(terms, MAX_GROUND),
        "incompatible_content_explanation": _clip(why, MAX_EXPLANATION),
        "incompatible_content_illegal": "Yes" if act is not None and act["european"] else "No",
    }


def dsa_records(
    statement: dict[str, Any],
    category: str = "",
    base_url: str = "",
    lifted_at: str | None = None,
) -> list[dict[str, Any]]:
    """The DSA records of one stored statement (or notice): one per affected account in the
    EEA, each validated. ``category`` serves statements issued before decisions carried their
    own public record; ``base_url`` is where the policy pages are public; ``lifted_at`` is when
    the decision was lifted, if it was (it then ended that day; lifted before it applied, it
    restricted nothing and has no record)."""
    scope = territorial_scope(statement["territorial_scope"])
    if not scope:
        return []
    t = statement.get("transparency") or _legacy_transparency(statement, category)
    notice = statement.get("notice")
    restricted = {c["capability"] for c in statement["restricted"]}
    # Application: when the decision applied to the account; for a notice, when it reached it.
    start = _day(statement["starts_at"])
    assert start is not None
    if notice is not None:
        start = max(start, _day(statement["issued_at"]) or start)
    end = _day(statement["ends_at"])
    temporary = end is not None
    public = t["public_facts"]
    lifted = _day(lifted_at)
    if lifted is not None and lifted < start:
        return []  # lifted before it applied: nothing was restricted
    if lifted is not None and (end is None or lifted < end):
        public += f" The decision was lifted on {lifted.isoformat()}."
        end, temporary = lifted, True
    if end is not None and end > LAST_DATE:
        # The database takes no end after 2038-01-01: the date field stays empty and the text
        # states the real end.
        public += (
            f" The restriction ends on {end.isoformat()}, a date later than the last the "
            f"database records ({LAST_DATE.isoformat()})."
        )
        end = None
    elif end is not None:
        public += f" The restriction ends on {end.isoformat()}."
    base: dict[str, Any] = {
        "decision_ground_reference_url": reference_url(base_url, statement) if base_url else None,
        "category": t["category"],
        "content_type": ["CONTENT_TYPE_OTHER"],
        "content_type_other": "Advertiser account and its paid services",
        "decision_facts": _clip(public, MAX_FACTS),
        "source_type": t["source_type"],
        "automated_detection": "Yes" if statement["automated_detection"] else "No",
        "automated_decision": f"AUTOMATED_DECISION_{t['automated_decision']}",
        "application_date": start.isoformat(),
        **_ground(statement, t, t["public_facts"]),
    }
    if base["decision_ground_reference_url"] is None:
        del base["decision_ground_reference_url"]
    if t["category_addition"]:
        base["category_addition"] = list(t["category_addition"])
    if t["keywords"]:
        base["category_specification"] = list(t["keywords"])
    if t["content_language"]:
        base["content_language"] = t["content_language"]
    if t["source_type"] != "SOURCE_VOLUNTARY" and t.get("source_identity"):
        base["source_identity"] = _clip(t["source_identity"], 500)
    personal = personal_pattern(t.get("personal_data", []))
    searched: dict[str, list[str]] = {}  # the records of a statement share most of their text
    records = []
    for account in statement["affected"]["accounts"]:
        if notice is not None and account["id"] != notice["account"]:
            continue
        where = account.get("territories")  # reached in part of the decision's scope only
        account_scope = scope if where is None else territorial_scope(where)
        reached = restricted & set(account.get("capabilities") or restricted)
        if not (account_scope and reached):
            continue
        since = _day(account.get("since"))
        record = {
            **base,
            **_restrictions(reached, end, temporary=temporary),
            "account_type": (
                "ACCOUNT_TYPE_PRIVATE"
                if account.get("holder") == "person"
                else "ACCOUNT_TYPE_BUSINESS"
            ),
            # The "content" is the account and its paid reach: it exists since the account
            # began (when the import says so), at the latest since the decision applies.
            "content_date": max(min(since or start, start), FIRST_CONTENT_DATE).isoformat(),
            "territorial_scope": account_scope,
            "puid": puid(
                statement["decision_id"], account["id"], private=account.get("holder") == "person"
            ),
        }
        if statement.get("supersedes"):
            replaced = puid(
                statement["supersedes"], account["id"], private=account.get("holder") == "person"
            )
            record["decision_facts"] = _clip(
                f"{record['decision_facts']} This statement replaces statement {replaced}, "
                "after an appeal.",
                MAX_FACTS,
            )
        check(record, personal, searched)
        records.append(record)
    return records


def check(
    record: dict[str, Any],
    personal: re.Pattern[str] | list[str] | None,
    searched: dict[str, list[str]] | None = None,
) -> None:
    """Refuse a record the database would refuse, or one naming a natural person
    (``searched`` keeps what texts already searched contain)."""
    violations = validate_record(record)
    searched = {} if searched is None else searched
    for field in TEXT_FIELDS:
        value = record.get(field)
        if isinstance(value, str):
            if value not in searched:
                searched[value] = found_personal_data(value, personal)
            for found in searched[value]:
                violations.append(
                    Violation(field, "personal_data", f"names a natural person ({found!r})")
                )
    if violations:
        raise DsaRecordRefused(str(record.get("puid")), violations)


def _restrictions(restricted: set[str], end: date | None, temporary: bool) -> dict[str, Any]:
    """What is restricted for one account: the provision of the service (paid reach) and/or
    monetary payments, terminated (no end) or suspended (until ``end``, or until an end later
    than the database records)."""
    provision = bool(restricted - MONETARY)
    monetary = bool(restricted & MONETARY)
    until = end.isoformat() if end else None
    out: dict[str, Any] = {}
    if provision:
        out["decision_provision"] = (
            "DECISION_PROVISION_PARTIAL_SUSPENSION"
            if temporary
            else "DECISION_PROVISION_PARTIAL_TERMINATION"
        )
        out["end_date_service_restriction"] = until
    if monetary:
        out["decision_monetary"] = (
            "DECISION_MONETARY_SUSPENSION" if temporary else "DECISION_MONETARY_TERMINATION"
        )
        out["end_date_monetary_restriction"] = until
    return out
