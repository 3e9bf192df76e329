"""The boilerplate guard's verdict on a reply being written, before it is sent: the same
judgement `review_appeal` applies, on the same case, with nothing stored."""

from __future__ import annotations

from dataclasses import dataclass

from standing.access.model import Permission, Principal, require
from standing.appeals.model import check_reply_length
from standing.decisions.service import decision_mentions
from standing.errors import Invalid, NotFound
from standing.guard import service as guard
from standing.guard.model import Appealed, Particular
from standing.ports import Services
from standing.store import repository as repo
from standing.store.appeal_tables import AppealRow


@dataclass(frozen=True, slots=True)
class ReplyVerdict:
    state: str  # empty | accepted | refused
    message: str
    particulars: tuple[Particular, ...] = ()


def reply_verdict(
    services: Services, appeal_id: str, reply: str, viewer: Principal
) -> ReplyVerdict:
    """What the guard says of ``reply`` to the appeal: accepted (with the particulars it
    found) or refused (with why)."""
    require(viewer, Permission.DECIDE_APPEAL)
    if not reply.strip():
        return ReplyVerdict("empty", "Write the reply; the guard judges it as you type.")
    with services.read() as session:
        row = session.get(AppealRow, appeal_id)
        if row is None:
            raise NotFound(f"unknown appeal {appeal_id!r}")
        decision = repo.get_decision(session, row.decision_id)
        if decision is None:
            raise NotFound(f"unknown decision {row.decision_id!r}")
        try:
            text = check_reply_length(reply)
            verdict = guard.check_reply(
                session,
                services.policy,
                services.policy.rules.get(decision.rule_id),
                text,
                decision_mentions(session, decision, row.id),
                Appealed(text=row.text, facts=decision.facts, evidence=decision.evidence),
            )
        except Invalid as exc:
            return ReplyVerdict("refused", exc.message)
    found = len(verdict.particulars)
    return ReplyVerdict(
        "accepted",
        f"The guard accepts this reply: it names {found} particular(s) of this case.",
        verdict.particulars,
    )
