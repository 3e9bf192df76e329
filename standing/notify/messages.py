"""The text of notification mail (no I/O): for one event and the parties one contact speaks
for, a subject line and a plain-text body naming the decision, what is restricted, why this
contact's accounts are covered, the deadline and the portal link."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from standing import dates
from standing.notify.events import EventType, portal_url
from standing.policies.model import redress_sentences

OUTCOME_WORDS = {
    "upheld": "upheld: the decision stands",
    "overturned": "overturned: the decision has ended",
    "modified": "modified: the decision was replaced by a narrower one",
    "exempted": "exempted: part of the decision no longer applies",
    "lifted": "lifted: the remedy is met and the decision has ended",
    "declined": "declined: the decision stands",
}


@dataclass(frozen=True, slots=True)
class Mail:
    subject: str
    body: str


def human_date(value: str | None) -> str:
    """``2027-05-31T00:00:00+00:00`` as people read it: ``31 May 2027``."""
    return dates.human_date(value) if value else "no end date"


def human_moment(value: str) -> str:
    """A deadline: the date, and the time with its zone (``31 May 2027, 14:05 UTC``)."""
    return dates.human_time(value)


def _capabilities(items: list[dict[str, str]]) -> list[str]:
    return [f"  - {c['capability']}: {c['description']}" for c in items] or ["  (none)"]


def _why(data: dict[str, Any], parties: Collection[str]) -> list[str]:
    """Why the decision covers this contact's parties and accounts, as the statement says."""
    affected = data["affected"]
    lines = [
        f"  - {p['name']} ({p['id']}): {p['why']}"
        for p in affected["parties"]
        if p["id"] in parties
    ]
    for a in affected["accounts"]:
        if a.get("owner") in parties or a["id"] == data["subject"]["id"]:
            handle = f"{a['username']} on {a['service']}" if a.get("username") else a["id"]
            lines.append(f"  - account {handle} ({a['id']}): {a['why']}")
    if not lines:
        subject = data["subject"]
        lines.append(f"  - {subject['name']} ({subject['id']}) is the subject of the decision")
    return lines


def _scope(data: dict[str, Any]) -> str:
    where = ", ".join(data["territories"]) or "worldwide"
    until = f"until {human_date(data['ends_at'])}" if data["ends_at"] else "until lifted"
    return f"{where}; from {human_date(data['starts_at'])}, {until}"


def _names(data: dict[str, Any], parties: Collection[str]) -> str:
    names = [p["name"] for p in data.get("affected", {}).get("parties", []) if p["id"] in parties]
    return ", ".join(names) if names else data["subject"]["name"]


def _restricted(data: dict[str, Any]) -> str:
    return ", ".join(c["capability"] for c in data["restricted"]) or "nothing"


def _statement_mail(
    data: dict[str, Any], parties: Collection[str], link: str, notice: bool
) -> Mail:
    decision = data["decision"]
    if notice:
        n = data["notice"]
        subject = (
            f"Notice {n['id']}: decision {decision} now covers account {n['account']} "
            f"({_restricted(data)} restricted)"
        )
        opening = (
            f"Decision {decision}, recorded on {human_date(data['issued_at'])}, now also "
            f"covers account {n['account']}: the ownership records changed. This notice "
            f"({n['id']}) is its statement of reasons for that account."
        )
    else:
        subject = f"Decision {decision}: {_restricted(data)} restricted for {_names(data, parties)}"
        opening = (
            f"Decision {decision} restricts what {_names(data, parties)} may do on the platform."
        )
    lines = [
        opening,
        "",
        "What is restricted:",
        *_capabilities(data["restricted"]),
        "",
        "What you may still do:",
        *_capabilities(data["not_restricted"]),
        "",
        "Why this covers you:",
        *_why(data, parties),
        "",
        f"Where and when: {_scope(data)}.",
        "",
        f"Rule: {data['rule']['title']} ({data['rule']['id']}).",
        f"Facts: {data['facts']}",
        "",
        f"What would restore eligibility: {data['remedy']}",
        "",
        f"You may dispute this decision until {human_moment(data['appeal_deadline'])}; a "
        "person who did not take it answers with reasons. If the remedy is met you may ask "
        "for reinstatement at any time.",
        "",
        f"Read the statement of reasons, appeal or ask for reinstatement: {link}",
    ]
    return Mail(subject, "\n".join(lines) + "\n")


def render_email(
    event: str, data: dict[str, Any], parties: Collection[str], public_url: str
) -> Mail:
    """The mail one contact, speaking for ``parties``, gets about one event (or a reviewer,
    for the desk's digest)."""
    if event == EventType.REVIEW_DIGEST:
        return _digest_mail(data, public_url)
    link = portal_url(public_url, data["decision"])
    decision = data["decision"]
    if event in (EventType.DECISION_RECORDED, EventType.NOTICE_ISSUED):
        return _statement_mail(data, parties, link, event == EventType.NOTICE_ISSUED)
    if event == EventType.DECISION_LIFTED:
        lines = [
            f"Decision {decision} ({data['rule']['title']}) was lifted on "
            f"{human_date(data['lifted_at'])}: {_restricted(data)} is no longer restricted "
            f"by it for {_names(data, parties)}.",
            "",
            f"Reason: {data['reason']}",
            "",
            f"The decision and its history: {link}",
        ]
        subject = f"Decision {decision} lifted"
    elif event == EventType.APPEAL_FILED:
        lines = [
            f"We received appeal {data['appeal']} against decision {decision} "
            f"({_restricted(data)} restricted) on {human_date(data['filed_at'])}.",
            "",
            f"A person who did not take the decision will answer with reasons by "
            f"{human_moment(data['due_at'])}.",
            "",
            f"Your appeal: {data['text']}",
            "",
            f"Follow the appeal: {link}",
        ]
        subject = f"Appeal {data['appeal']} received (decision {decision})"
    elif event == EventType.APPEAL_DECIDED:
        outcome = OUTCOME_WORDS.get(data["outcome"], data["outcome"])
        lines = [
            f"Appeal {data['appeal']} against decision {decision} ({_restricted(data)} "
            f"restricted for {_names(data, parties)}) was decided on "
            f"{human_date(data['decided_at'])}: {outcome}.",
            "",
            f"Reasons: {data['reply']}",
            "",
            *_now_allowed(data, parties),
        ]
        if data.get("new_decision"):
            lines += ["", f"The decision that now applies: {data['new_decision']}."]
        lines += [
            "",
            "If you disagree:",
            *(f"  - {line}" for line in redress_sentences(data.get("redress"))),
            "",
            f"The decision, the reply and what remains open: {link}",
        ]
        subject = f"Appeal {data['appeal']} decided: {data['outcome']} (decision {decision})"
    elif event == EventType.APPEAL_DEADLINE:
        notice = data.get("notice")
        lines = [
            f"The window to dispute decision {decision} ({_restricted(data)} restricted for "
            f"{_names(data, parties)}) "
            + (
                f"as notice {notice['id']} applies it to account {notice['account']} "
                if notice
                else ""
            )
            + f"closes on {human_moment(data['appeal_deadline'])}.",
            "",
            "After that you may still ask for reinstatement when the remedy is met.",
            "",
            f"Dispute the decision: {link}",
        ]
        subject = f"Decision {decision}: the appeal window closes on " + human_date(
            data["appeal_deadline"]
        )
    else:
        raise ValueError(f"no mail for event {event!r}")
    return Mail(subject, "\n".join(lines) + "\n")


def _now_allowed(data: dict[str, Any], parties: Collection[str]) -> list[str]:
    """What the outcome means for this contact: what it may do again, or that it stands."""
    outcome = data["outcome"]
    restricted = _restricted(data)
    if outcome in ("overturned", "lifted"):
        return [
            f"The decision has ended: {restricted} is allowed again for "
            f"{_names(data, parties)}, unless another decision restricts it."
        ]
    if outcome == "exempted":
        owners = {a["id"]: a.get("owner") for a in data["affected"]["accounts"]}
        mine = [
            r
            for r in data.get("released") or ()
            if r["id"] in parties or owners.get(r["id"]) in parties
        ]
        if mine:
            mine.sort(key=lambda r: r["id"] != data.get("exempted"))  # the exempt one first
            names = "; ".join(f"{r['name']} ({r['id']})" for r in mine)
            verb = "is" if len(data["restricted"]) == 1 else "are"
            return [
                f"No longer covered by the decision: {names}. {restricted} {verb} allowed "
                "again for them, unless another decision restricts it. The rest of the "
                "decision stands."
            ]
        carved = data.get("exempted")
        name = next((r["name"] for r in data.get("released") or () if r["id"] == carved), carved)
        return [
            f"{name} ({carved}) was exempted; the decision still applies to you "
            f"({restricted} restricted)."
        ]
    if outcome == "modified":
        return ["The decision was replaced by a narrower one; what remains is restricted."]
    if outcome == "declined":
        return [
            f"The decision stands ({restricted} restricted). You may ask for reinstatement "
            "again when the remedy is met."
        ]
    return [f"The decision stands ({restricted} restricted)."]


def _digest_mail(data: dict[str, Any], public_url: str) -> Mail:
    appeals = data["appeals"]
    overdue = [a for a in appeals if a["overdue"]]
    subject = f"Appeals due by {human_date(data['until'])}: {len(appeals)}" + (
        f", {len(overdue)} overdue" if overdue else ""
    )
    lines = [
        f"Open appeals whose reply is due by {human_moment(data['until'])}, earliest first:",
        "",
    ]
    for a in appeals:
        state = "OVERDUE since" if a["overdue"] else "due"
        lines.append(
            f"  - {a['appeal']} against decision {a['decision']}: {state} "
            f"{human_moment(a['due_at'])}"
        )
    lines += ["", f"The desk: {public_url.rstrip('/')}/review"]
    return Mail(subject, "\n".join(lines) + "\n")
