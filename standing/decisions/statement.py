"""The statement of reasons: built once when a decision is recorded, then rendered as plain
text, HTML and JSON. It carries the elements of DSA Article 17: the restriction and its scope,
the facts, the ground (contractual or legal, with the reference), the use of automation, the
remedy and the redress available, with its deadline."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

import orjson
from jinja2 import Environment, PackageLoader, select_autoescape

from standing.dates import human_date, human_moment, human_time
from standing.decisions.model import Decision
from standing.decisions.propagation import Restriction
from standing.graph.model import Account, Party
from standing.policies.model import Policy, Rule, redress_sentences

GROUND_LABELS = {
    "platform_policy": "the platform's published advertising policy (contractual ground)",
    "legal_obligation": "a legal obligation of the platform (legal ground)",
}


def _date(value: datetime | None) -> str | None:  # the record keeps ISO 8601
    return value.isoformat() if value else None


def subject_summary(subject: Party | Account) -> dict[str, Any]:
    if isinstance(subject, Party):
        return {
            "id": subject.id,
            "kind": "party",
            "schema": subject.schema,
            "name": subject.caption,
            "countries": list(subject.countries),
        }
    return {
        "id": subject.id,
        "kind": "account",
        "name": f"{subject.username} on {subject.service}",
        "service": subject.service,
        "username": subject.username,
        "owner": subject.owner,
    }


def affected(
    decision: Decision,
    reach: dict[str, Restriction],
    parties: dict[str, Party],
    accounts: dict[str, Account],
) -> dict[str, list[dict[str, Any]]]:
    """Every reached party and account, with why each is reached."""
    party_rows: dict[str, dict[str, Any]] = {}
    account_rows: dict[str, dict[str, Any]] = {}
    for capability, restriction in reach.items():
        for party_id, pr in restriction.parties.items():
            row = party_rows.setdefault(
                party_id,
                {
                    "id": party_id,
                    "name": parties[party_id].caption if party_id in parties else party_id,
                    "why": _party_why(decision, party_id, pr.via, parties)
                    + _only_in(pr.territories),
                    "territories": _territory_list(pr.territories),
                    "capabilities": [],
                },
            )
            row["capabilities"].append(capability)
        for account_id, ar in restriction.accounts.items():
            account = accounts.get(account_id)
            owner = ar.owner or (account.owner if account else None)
            why = (
                "it is the subject of the decision"
                if account_id == decision.subject_id
                else f"it is owned by {parties[owner].caption if owner in parties else owner}"
            )
            row = account_rows.setdefault(
                account_id,
                {
                    "id": account_id,
                    "service": account.service if account else None,
                    "username": account.username if account else None,
                    "owner": owner,
                    # who holds it: a natural person's account is a private one
                    "holder": (
                        ("person" if parties[owner].schema == "Person" else "organisation")
                        if owner in parties
                        else None
                    ),
                    # when the account was opened: the "content" of a DSA record
                    "since": (
                        account.created_at.isoformat() if account and account.created_at else None
                    ),
                    "why": why + _only_in(ar.territories),
                    "territories": _territory_list(ar.territories),
                    "capabilities": [],
                },
            )
            row["capabilities"].append(capability)
    return {
        "parties": sorted(
            party_rows.values(), key=lambda r: (r["id"] != decision.subject_id, r["name"])
        ),
        "accounts": sorted(account_rows.values(), key=lambda r: r["id"]),
    }


def _territory_list(territories: frozenset[str] | None) -> list[str] | None:
    """Where an entry is reached, when that is narrower than the decision's own scope."""
    return None if territories is None else sorted(territories)


def _only_in(territories: frozenset[str] | None) -> str:
    if territories is None:
        return ""
    return (
        f"; this holds in {', '.join(sorted(territories))} only, where the decisions whose "
        "shares add up apply together"
    )


def _party_why(
    decision: Decision,
    party_id: str,
    via: tuple[tuple[str, float], ...],
    parties: dict[str, Party],
) -> str:
    # The decision's own subject keeps the subject wording, even when it is also controlled by
    # restricted parties (its ``via`` is then not empty).
    if party_id == decision.subject_id or not via:
        return "it is the subject of the decision"
    holders = ", ".join(
        f"{parties[o].caption if o in parties else o} ({share:g} %)" for o, share in via
    )
    total = sum(share for _, share in via)
    return (
        f"it is controlled by restricted parties: {holders} hold {total:g} % in aggregate, "
        f"at or above the rule's {decision.threshold:g} % threshold"
    )


def build_statement(
    decision: Decision,
    rule: Rule,
    policy: Policy,
    subject: Party | Account,
    affected_: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    appeal_by = decision.created_at + timedelta(days=rule.appeal_window_days)
    return {
        "decision_id": decision.id,
        "issued_at": decision.created_at.isoformat(),
        "policy_version": decision.policy_version,
        "subject": subject_summary(subject),
        "affected": affected_,
        "restricted": [
            {"capability": c, "description": policy.capabilities[c].description}
            for c in decision.restricts
            if c in policy.capabilities
        ],
        "not_restricted": [
            {"capability": c, "description": policy.capabilities[c].description}
            for c in policy.capabilities
            if c not in decision.restricts
        ],
        "facts": decision.facts,
        "rule": {
            "id": rule.id,
            "title": rule.title,
            "criteria": rule.criteria,
            "reach": decision.reach,
            "threshold": decision.threshold,
        },
        "ground": {
            "type": rule.ground,
            "label": GROUND_LABELS[rule.ground],
            "reference": rule.reference,
        },
        "evidence": list(decision.evidence),
        "automated_detection": decision.automated_detection,
        "automated_decision": decision.automated_decision,
        "territorial_scope": list(decision.territories),
        "starts_at": _date(decision.starts_at),
        "ends_at": _date(decision.ends_at),
        "remedy": rule.remedy,
        "appeal": {
            "deadline": appeal_by.isoformat(),
            "review_days": rule.review_days,
            "how": (
                "Appeal free of charge on your advertiser page for this decision, "
                f"/standing/decisions/{decision.id} on this platform (sign in with your "
                "account, or with a sign-in link sent to your email address). "
                "Say what is wrong in the facts or what has changed, and attach evidence. "
                f"A person who did not take this decision answers within {rule.review_days} "
                "days with reasons. You may also turn to a certified out-of-court dispute "
                "settlement body or to the courts, named below, at any time."
            ),
        },
        "redress": policy.redress.to_public(),
        **_recheck(decision, rule),
        "author": decision.author,
    }


def _recheck(decision: Decision, rule: Rule) -> dict[str, Any]:
    """When a decision without an end is examined again (the rule's ``recheck_days``)."""
    if rule.recheck_days is None or decision.ends_at is not None:
        return {}
    first = decision.created_at + timedelta(days=rule.recheck_days)
    return {"recheck": {"days": rule.recheck_days, "first_due": first.isoformat()}}


def recheck_sentence(s: dict[str, Any]) -> str | None:
    """The statement's promise of re-examination, in words."""
    recheck = s.get("recheck")
    if not recheck:
        return None
    return (
        f"This decision has no end date, so a person examines it again every {recheck['days']} "
        f"days, first by {human_date(recheck['first_due'])}, and ends it when it no longer holds."
    )


def _capability_line(item: dict[str, str]) -> str:
    return f"  - {item['capability']}: {item['description']}"


def render_text(s: dict[str, Any]) -> str:
    subject = s["subject"]
    scope = ", ".join(s["territorial_scope"]) or "worldwide"
    until = f"until {human_moment(s['ends_at'])}" if s["ends_at"] else "until lifted"
    notice = s.get("notice")
    lines = [
        f"STATEMENT OF REASONS — decision {s['decision_id']}"
        + (f", notice {notice['id']}" if notice else ""),
        f"Issued {human_time(s['issued_at'])} under policy version {s['policy_version']}.",
    ]
    if notice:
        lines.append(
            f"The decision was recorded on {human_date(notice['decision_issued_at'])}; "
            f"{notice['why']} "
            f"({notice['account']})."
        )
    lines += [
        "",
        "WHO IS AFFECTED",
        f"Subject: {subject['name']} ({subject['id']}).",
    ]
    for p in s["affected"]["parties"]:
        if p["id"] != subject["id"]:
            lines.append(f"  - party {p['name']} ({p['id']}): {p['why']}")
    for a in s["affected"]["accounts"]:
        handle = f"{a['username']} on {a['service']}" if a["username"] else a["id"]
        lines.append(f"  - account {handle} ({a['id']}): {a['why']}")
    for e in s.get("exempted") or ():
        lines += [
            "",
            "EXEMPTED ON APPEAL",
            f"  - {e['kind']} {e['name']} ({e['id']}) is no longer covered by this decision "
            f"(appeal {e['appeal']}). Reasons: {e['reason']}",
        ]
        others = [r for r in e.get("released", ()) if r["id"] != e["id"]]
        if others:
            lines.append(
                "    No longer covered with it (reached only through it): "
                + "; ".join(f"{r['name']} ({r['id']})" for r in others)
                + "."
            )
    if s.get("supersedes"):
        lines += ["", f"This decision replaces decision {s['supersedes']}."]
    lines += ["", "WHAT IS RESTRICTED"]
    lines += [_capability_line(c) for c in s["restricted"]]
    lines += ["", "WHAT IS NOT RESTRICTED (you may continue to use these)"]
    lines += [_capability_line(c) for c in s["not_restricted"]]
    if any(c["capability"] == "organic.post" for c in s["not_restricted"]):
        lines.append("  You may continue to post organically.")
    lines += [
        "",
        "FACTS",
        s["facts"],
        "",
        f"RULE: {s['rule']['title']} ({s['rule']['id']})",
        f"Public criteria: {s['rule']['criteria']}",
        f"Reach: {s['rule']['reach']}"
        + (
            f" (also every party controlled {s['rule']['threshold']:g} % or more, and its accounts)"
            if s["rule"]["reach"] == "controlled"
            else " (the subject and the accounts it owns directly)"
        ),
        "",
        f"GROUND: {s['ground']['label']}",
        f"Reference: {s['ground']['reference']}",
        *([f"Act relied on: {s['ground']['relied_on']}"] if s["ground"].get("relied_on") else []),
        "",
        "EVIDENCE",
    ]
    lines += [f"  - {e}" for e in s["evidence"]] or ["  (none recorded)"]
    lines += [
        "",
        "AUTOMATION",
        f"Detected by automated means: {'yes' if s['automated_detection'] else 'no'}. "
        f"Decided by automated means: {'yes' if s['automated_decision'] else 'no'}.",
        "",
        "SCOPE AND DURATION",
        f"Territory: {scope}. From {human_moment(s['starts_at'])}, {until}.",
        *([line] if (line := recheck_sentence(s)) else []),
        "",
        "WHAT WOULD RESTORE ELIGIBILITY (REMEDY)",
        s["remedy"],
        "",
        "HOW AND BY WHEN TO APPEAL",
        f"Deadline: {human_time(s['appeal']['deadline'])}.",
        s["appeal"]["how"],
        "",
        "OUT-OF-COURT DISPUTE SETTLEMENT AND COURTS",
        *redress_sentences(s.get("redress")),
        "",
        f"Decision recorded by: {s['author']}.",
    ]
    return "\n".join(lines) + "\n"


_ENV: Environment | None = None


def _env() -> Environment:
    global _ENV
    if _ENV is None:
        _ENV = Environment(
            loader=PackageLoader("standing.decisions", "templates"),
            autoescape=select_autoescape(["html"]),
        )
        _ENV.filters["human_date"] = human_date
        _ENV.filters["human_time"] = human_time
        _ENV.filters["human_moment"] = human_moment
        _ENV.globals["recheck_sentence"] = recheck_sentence
    return _ENV


def render_html(s: dict[str, Any]) -> str:
    """A self-contained HTML fragment (the pages wrap it in the site layout)."""
    return _env().get_template("statement.html").render(s=s)


def digest(s: dict[str, Any]) -> str:
    return hashlib.sha256(orjson.dumps(s, option=orjson.OPT_SORT_KEYS)).hexdigest()
