"""Use cases for decisions: record (or dry-run), lift, read, and the standing of a subject.

Each write commits the decision record, its statement of reasons, the changelog entry the gate
follows and the audit event in one transaction.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from rigour.names import remove_org_types
from sqlalchemy import select
from sqlalchemy.orm import Session

from standing.access.model import Permission, Principal, require
from standing.access.scope import (
    own_subjects,
    visible_decision,
    visible_decisions_query,
    visible_subject,
)
from standing.audit.log import ensure_policy_recorded
from standing.audit.tags import Action
from standing.clock import to_utc
from standing.decisions import statement as sor
from standing.decisions.model import (
    Decision,
    DecisionPage,
    IssuedStatement,
    decision_json,
    validate_facts,
)
from standing.decisions.propagation import (
    GraphIndex,
    Restriction,
    applicable,
    reach_of,
    restriction,
)
from standing.decisions.transparency import (
    Disclosure,
    build_transparency,
    personal_data,
    redact,
)
from standing.decisions.views import AccountStanding, CapabilityStanding, Reason, Standing
from standing.errors import Conflict, Invalid, NotFound
from standing.graph.model import Account, Party
from standing.guard import service as guard
from standing.guard.model import Mentions
from standing.ids import new_id
from standing.notify import outbox
from standing.policies.model import Capability, Policy
from standing.ports import Services
from standing.store import repository as repo
from standing.store.access_tables import ReachRow
from standing.store.changelog import append_change
from standing.store.tables import LiftRow, NoticeRow, StatementRow
from standing.store.unit import UnitOfWork
from standing.territories import territory_code


@dataclass(frozen=True)
class DecisionRequest:
    subject: str
    rule: str
    facts: str
    evidence: tuple[str, ...] = ()
    territories: tuple[str, ...] = ()
    starts_at: datetime | None = None
    until: datetime | None = None
    automated_detection: bool = False
    automated_decision: bool = False
    #: What the public record says and how the decision arose (see ``Disclosure``).
    disclosure: Disclosure = field(default_factory=Disclosure)
    #: The restriction list whose screening hit led to the decision, if one did.
    screening_source: str | None = None
    #: A person decided with automated help (a proposed match), short of a fully automated one.
    partially_automated: bool = False
    #: Parties and accounts carved out of the decision (with those of the one it supersedes).
    exempt: tuple[str, ...] = ()
    #: Why the last of ``exempt`` was carved out: ``{"entity", "appeal", "reason"}``.
    exemption: dict[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Recorded:
    """A decision recorded (or, in a dry run, as it would be) with its statement of reasons
    (the issued document, stored as it is) and what the author should know."""

    decision: Decision
    statement: dict[str, Any]
    dry_run: bool = False
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        d = decision_json(self.decision)
        d["reach"] = self.statement["affected"]
        d["warnings"] = list(self.warnings)
        transparency = self.statement.get("transparency") or {}
        d["public_facts"] = transparency.get("public_facts")
        if self.dry_run:
            d["dry_run"] = True
            d["id"] = None
        else:
            d["statement_url"] = f"/decisions/{self.decision.id}/statement"
        return d


#: What ``list_decisions`` filters on: a decision's status now.
STATUSES = ("active", "scheduled", "expired", "lifted")


def list_decisions(
    services: Services,
    viewer: Principal,
    subject: str | None = None,
    rule: str | None = None,
    status: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> DecisionPage:
    """Decisions newest first, filtered by subject, rule and status; ``total`` before paging.
    A contact gets the decisions that reach its parties or their accounts."""
    require(viewer, Permission.READ)
    if status is not None and status not in STATUSES:
        raise Invalid(f"status: {status!r} is not one of {', '.join(STATUSES)}")
    now = services.clock.now()
    with services.read() as session:
        found = repo.find_decisions(session, subject, rule, visible_decisions_query(viewer))
    if status is not None:
        found = [d for d in found if d.status_at(now) == status]
    page = found[offset : offset + limit]
    return DecisionPage(len(found), tuple(page), now)


def resolve_subject(session: Session, subject_id: str) -> Party | Account:
    party = repo.get_party(session, subject_id)
    if party is not None:
        return party
    account = repo.get_account(session, subject_id)
    if account is not None:
        return account
    raise NotFound(f"unknown subject {subject_id!r}: no party or account has this id")


def _mentions(
    session: Session, subject: Party | Account
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """How facts may name the subject: its names and identifiers (an account also by its
    username and its owner's); the names without their legal form ("Acme" for "Acme GmbH"),
    which count unless another legal form follows them; and its id, as it is written."""
    if isinstance(subject, Party):
        return subject.mentions(), short_names(subject.mentions()), (subject.id,)
    names: tuple[str, ...] = (subject.username,)
    short: tuple[str, ...] = ()
    if subject.owner:
        owner = repo.get_party(session, subject.owner)
        if owner is not None:
            names += owner.mentions()
            short = short_names(owner.mentions())
    return names, short, (subject.id,)


def subject_mentions(session: Session, subject: Party | Account, *ids: str) -> Mentions:
    """Everything that names ``subject`` in prose, for the specificity guard: its names and
    identifiers, the names without legal form, its id and those of its accounts, their
    usernames, and ``ids`` (the decision's, an appeal's)."""
    names, short, own = _mentions(session, subject)
    accounts = (
        repo.accounts_owned_by(session, [subject.id]) if isinstance(subject, Party) else [subject]
    )
    usernames = tuple(a.username for a in accounts if a.username)
    return Mentions(
        names + usernames,
        short,
        tuple(dict.fromkeys((*own, *(a.id for a in accounts), *ids))),
    )


def short_names(mentions: tuple[str, ...]) -> tuple[str, ...]:
    """The names without their legal form ("Acme" for "Acme GmbH"), where that differs."""
    short = (" ".join(remove_org_types(m, replacement="").split()) for m in mentions)
    return tuple(dict.fromkeys(s for s in short if len(s) >= 3 and s not in mentions))


def with_short_names(mentions: tuple[str, ...]) -> tuple[str, ...]:
    """The mentions and the names without their legal form."""
    return mentions + short_names(mentions)


def _territories(values: tuple[str, ...]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        code = territory_code(value)
        if code not in out:
            out.append(code)
    return tuple(out)


def _prepare(
    services: Services, session: Session, req: DecisionRequest, actor: Principal
) -> Recorded:
    policy = services.policy
    rule = policy.rule(req.rule)
    subject = resolve_subject(session, req.subject)
    facts = validate_facts(req.facts, rule.criteria, *_mentions(session, subject))
    # facts a screening hit writes cite the list entry and version: one entry confirmed for two
    # parties (namesakes in the graph) gives them the same sentence, and that is no template
    guard.check_facts(
        session,
        policy,
        rule,
        facts,
        subject_mentions(session, subject),
        subject.id,
        templates=not req.automated_detection,
    )
    evidence = tuple(e.strip() for e in req.evidence if e.strip())
    now = services.clock.now()
    starts_at = to_utc(req.starts_at, "starts_at") if req.starts_at else now
    until = to_utc(req.until, "until") if req.until is not None else None
    if until is not None and until <= starts_at:
        raise Invalid(f"until: {until.isoformat()} is not after the start {starts_at.isoformat()}")
    if req.automated_decision and not rule.automated_decision:
        raise Invalid(f"rule {rule.id!r} does not allow fully automated decisions")
    decision = Decision(
        id=new_id("dec"),
        subject_id=subject.id,
        subject_kind="party" if isinstance(subject, Party) else "account",
        rule_id=rule.id,
        policy_version=policy.version,
        restricts=rule.restricts,
        reach=rule.reach,
        threshold=rule.threshold,
        facts=facts,
        evidence=evidence,
        territories=_territories(req.territories),
        starts_at=starts_at,
        ends_at=until,
        automated_detection=req.automated_detection,
        automated_decision=req.automated_decision,
        author=actor.id,
        created_at=now,
        exempt=tuple(dict.fromkeys(e for e in req.exempt if e != subject.id)),
    )
    graph, accounts, others = _surroundings(session, subject, decision.reach)
    reach = reach_of(decision, [d for d in others if d.active_at(now)], graph, now)
    party_ids = {p for r in reach.values() for p in r.parties}
    party_ids |= {o for r in reach.values() for a in r.accounts.values() if (o := a.owner)}
    party_ids |= {o for r in reach.values() for pr in r.parties.values() for o, _ in pr.via}
    if isinstance(subject, Account) and subject.owner:
        party_ids.add(subject.owner)  # who holds it: a natural person's account is private
    parties = repo.parties_by_id(session, party_ids | {subject.id})
    content = sor.build_statement(
        decision, rule, policy, subject, sor.affected(decision, reach, parties, accounts)
    )
    reached_accounts = [accounts[a] for r in reach.values() for a in r.accounts if a in accounts]
    if isinstance(subject, Account):
        reached_accounts.append(subject)
    if req.disclosure.origin == "screening" and req.screening_source is None:
        raise Invalid(
            "origin: 'screening' is given by confirming a screening hit (standing hits confirm); "
            "a decision recorded directly is own_initiative or authority"
        )
    # the natural persons who own the subject, directly or up the chain, stay out of the
    # public text as well
    start = subject.id if isinstance(subject, Party) else subject.owner
    owners = repo.graph_above(session, [start])[1] if start else set()
    persons = [
        p
        for p in repo.parties_by_id(session, owners - set(parties)).values()
        if p.schema == "Person"
    ]
    transparency = build_transparency(
        rule,
        subject,
        facts,
        personal_data(
            subject,
            [*parties.values(), *persons],
            [*reached_accounts, *repo.accounts_owned_by(session, [p.id for p in persons])],
        ),
        req.disclosure
        if req.screening_source is None or req.disclosure.origin != "own_initiative"
        else dataclasses.replace(req.disclosure, origin="screening"),
        req.screening_source,
    )
    transparency["automated_decision"] = (
        "FULLY"
        if req.automated_decision
        else "PARTIALLY"
        if req.partially_automated or transparency["origin"] == "screening"
        else "NOT_AUTOMATED"
    )
    content["transparency"] = transparency
    if transparency["legal_ground"] is not None:
        content["ground"]["relied_on"] = transparency["legal_ground"]["act"]
    warnings = []
    if not evidence:
        warnings.append("no evidence recorded; the statement will say so")
    return Recorded(decision, content, warnings=tuple(warnings))


def _surroundings(
    session: Session, subject: Party | Account, reach: str
) -> tuple[GraphIndex, dict[str, Account], list[Decision]]:
    """The part of the graph a new decision on ``subject`` can reach, and what it needs to know
    there: the parties it may reach (the subject and, for ``controlled`` reach, everything the
    subject holds shares in), all their owners up the chain (their shares add up), the accounts
    of the reachable parties, and the decisions on any of them."""
    if isinstance(subject, Account):
        graph = GraphIndex.build((), (subject,))
        return graph, {subject.id: subject}, repo.decisions_on(session, [subject.id])
    reachable = repo.parties_below(session, subject.id) if reach == "controlled" else {subject.id}
    graph, above = repo.graph_above(session, reachable)
    accounts = {a.id: a for a in repo.accounts_owned_by(session, reachable)}
    for account in accounts.values():
        graph.account_owner[account.id] = account.owner
        if account.owner is not None:
            graph.accounts_of.setdefault(account.owner, []).append(account.id)
    return graph, accounts, repo.decisions_on(session, above | set(accounts))


def record_decision(
    services: Services,
    req: DecisionRequest,
    actor: Principal,
    dry_run: bool = False,
) -> Recorded:
    """Record a decision as ``actor`` (its author) in a unit of work of its own."""
    require(actor, Permission.DECIDE)
    if dry_run:
        with services.read() as read_session:
            prepared = _prepare(services, read_session, req, actor)
        return dataclasses.replace(prepared, dry_run=True)
    with services.write(actor) as work:
        return write_decision(services, work, req)


def write_decision(
    services: Services, work: UnitOfWork, req: DecisionRequest, supersedes: str | None = None
) -> Recorded:
    """Write a decision whose author, the unit's actor, was authorised by the caller (an
    analyst deciding, a reviewer modifying on appeal, an analyst confirming a hit)."""
    session = work.session
    if supersedes is not None and req.disclosure == Disclosure():
        req = dataclasses.replace(req, disclosure=_inherited(session, supersedes))
    prepared = _prepare(services, session, req, work.actor)
    ensure_policy_recorded(
        session, prepared.decision.created_at, services.policy.version, list(services.policy.rules)
    )
    if supersedes is not None:
        decision = dataclasses.replace(prepared.decision, supersedes=supersedes)
        prepared = dataclasses.replace(prepared, decision=decision)
    d = prepared.decision
    session.add(repo.decision_row(d))
    content = prepared.statement
    if supersedes is not None:
        content["supersedes"] = supersedes  # its public records name the ones they replace
        if d.exempt:
            content["exempted"] = _exempted(session, supersedes, content, req)
    session.add(
        StatementRow(
            decision_id=d.id,
            content=content,
            text=sor.render_text(content),
            html=sor.render_html(content),
            digest=sor.digest(content),
            created_at=d.created_at,
        )
    )
    session.flush()
    record_reach(session, d.id, {d.subject_id} | reached_ids(content["affected"]))
    append_change(session, "recorded", d.id, d.created_at)
    work.record(
        d.created_at,
        Action.DECISION_RECORD,
        d.id,
        {"decision": decision_json(d), "statement_digest": sor.digest(content)},
    )
    outbox.decision_recorded(session, content, d.created_at)
    return prepared


def _exempted(
    session: Session, supersedes: str, content: dict[str, Any], req: DecisionRequest
) -> list[dict[str, Any]]:
    """What a superseding decision's statement says was carved out: the exemptions of the one
    it replaces, and the new one with its appeal, its reasons, and what it takes out of reach
    (the entity and what only it brought in)."""
    before = session.get(StatementRow, supersedes)
    earlier: list[dict[str, Any]] = list((before.content.get("exempted") or []) if before else [])
    if req.exemption is None:
        return earlier
    entity = req.exemption["entity"]
    carved: Party | Account | None = repo.get_party(session, entity) or repo.get_account(
        session, entity
    )
    reached_before = reached_ids(before.content["affected"]) if before else set()
    released = sorted((reached_before | {entity}) - reached_ids(content["affected"]))
    names = {p.id: p.caption for p in repo.parties_by_id(session, set(released)).values()}
    for other in set(released) - set(names):
        found = repo.get_account(session, other)
        if found is not None:
            names[other] = sor.subject_summary(found)["name"]
    return [
        *earlier,
        {
            "id": entity,
            "kind": "account" if isinstance(carved, Account) else "party",
            "name": sor.subject_summary(carved)["name"] if carved else entity,
            "appeal": req.exemption["appeal"],
            "reason": req.exemption["reason"],
            "released": [{"id": r, "name": names.get(r, r)} for r in released],
        },
    ]


def _inherited(session: Session, decision_id: str) -> Disclosure:
    """A superseding decision's public record keeps what the one it replaces said of the act
    relied on, the categories, the language and where the information came from."""
    row = session.get(StatementRow, decision_id)
    t = (row.content.get("transparency") if row is not None else None) or {}
    if not t:
        return Disclosure()
    identity = t.get("source_identity")
    return Disclosure(
        legal_ground=(t.get("legal_ground") or {}).get("id"),
        category=t.get("category"),
        category_addition=tuple(t.get("category_addition") or ()),
        keywords=tuple(t.get("keywords") or ()),
        content_language=t.get("content_language"),
        origin="authority" if identity else "own_initiative",
        source_identity=identity,
    )


def lift_decision(services: Services, decision_id: str, reason: str, actor: Principal) -> Decision:
    require(actor, Permission.DECIDE)
    author = actor.id
    reason = " ".join(reason.split())
    if len(reason.split()) < 2:
        raise Invalid("reason: say why the decision ends (at least two words)")
    with services.write(actor) as work:
        session = work.session
        decision = work.repo.get_decision(decision_id)
        if decision is None:
            raise NotFound(f"unknown decision {decision_id!r}")
        if decision.lifted_at is not None:
            raise Conflict(
                f"decision {decision_id} was already lifted at {decision.lifted_at.isoformat()}"
            )
        now = services.clock.now()
        if decision.ends_at is not None and decision.ends_at <= now:
            raise Conflict(
                f"decision {decision_id} already ended at {decision.ends_at.isoformat()}; "
                "there is nothing left to lift"
            )
        guard.check_reason(
            services.policy,
            services.policy.rules.get(decision.rule_id),
            reason,
            decision_mentions(session, decision),
        )
        session.add(LiftRow(decision_id=decision_id, reason=reason, author=author, lifted_at=now))
        session.flush()
        append_change(session, "lifted", decision_id, now)
        work.record(
            now,
            Action.DECISION_LIFT,
            decision_id,
            {"decision": decision_id, "reason": reason},
        )
        outbox.decision_lifted(session, decision_id, reason, now)
        lifted = work.repo.get_decision(decision_id)
    assert lifted is not None
    return lifted


def decision_mentions(session: Session, decision: Decision, *ids: str) -> Mentions:
    """What names a decision's subject (see ``subject_mentions``), and the decision's id."""
    try:
        subject = resolve_subject(session, decision.subject_id)
    except NotFound:  # a subject since removed from the graph: its id is all there is
        return Mentions(ids=(decision.subject_id, decision.id, *ids))
    return subject_mentions(session, subject, decision.id, *ids)


def get_decision(services: Services, decision_id: str, viewer: Principal) -> Decision:
    require(viewer, Permission.READ)
    with services.read() as session:
        decision = repo.get_decision(session, decision_id)
        if decision is not None and not visible_decision(session, viewer, decision_id):
            decision = None
    if decision is None:
        raise NotFound(f"unknown decision {decision_id!r}")
    return decision


def get_statement(services: Services, decision_id: str, viewer: Principal) -> IssuedStatement:
    require(viewer, Permission.READ)
    with services.read() as session:
        row = session.get(StatementRow, decision_id)
        if row is not None and not visible_decision(session, viewer, decision_id):
            row = None
    if row is None:
        raise NotFound(f"unknown decision {decision_id!r}: no statement of reasons")
    return IssuedStatement(row.decision_id, row.content, row.text, row.html, row.digest)


def _restrictions(
    policy: Policy,
    decisions: list[Decision],
    graph: GraphIndex,
    territory: str | None,
    now: datetime,
) -> list[tuple[Capability, Restriction]]:
    """Each capability with what the decisions in force restrict of it over ``graph``."""
    return [
        (c, restriction(applicable(decisions, c.name, territory, now), graph))
        for c in policy.capabilities.values()
    ]


def _capabilities(
    results: list[tuple[Capability, Restriction]], subject: Party | Account
) -> tuple[CapabilityStanding, ...]:
    """Each capability of ``subject``: allowed or not, by which decisions, through whom."""
    out: list[CapabilityStanding] = []
    for capability, result in results:
        if isinstance(subject, Party):
            reached = result.parties.get(subject.id)
            ids = sorted(reached.decisions) if reached else []
            via = [o for o, _ in reached.via] if reached else []
        else:
            acc = result.accounts.get(subject.id)
            ids = sorted(acc.decisions) if acc else []
            via = [acc.owner] if acc and acc.owner else []
        out.append(
            CapabilityStanding(
                capability.name, capability.description, not ids, tuple(ids), tuple(via)
            )
        )
    return tuple(out)


def _reason(policy: Policy, d: Decision) -> Reason:
    rule = policy.rules.get(d.rule_id)
    return Reason(
        decision=d.id,
        subject=d.subject_id,
        rule=d.rule_id,
        title=rule.title if rule else d.rule_id,
        facts=d.facts,
        remedy=rule.remedy if rule else None,
        statement_url=f"/decisions/{d.id}/statement",
    )


def standing_of(
    services: Services, subject_id: str, viewer: Principal, territory: str | None = None
) -> Standing:
    """Every capability of a party or account: allowed or not, and the decisions and reasons.
    A contact sees its own parties and their accounts only."""
    require(viewer, Permission.READ)
    now = services.clock.now()
    policy = services.policy
    with services.read() as session:
        if not visible_subject(session, viewer, subject_id):
            raise NotFound(f"unknown subject {subject_id!r}: no party or account has this id")
        subject = resolve_subject(session, subject_id)
        start = subject.id if isinstance(subject, Party) else subject.owner
        graph, above = repo.graph_above(session, [start] if start else [])
        if isinstance(subject, Account):
            graph.account_owner[subject.id] = subject.owner
            if subject.owner:
                graph.accounts_of[subject.owner] = [subject.id]
        decisions = repo.decisions_on(session, above | {subject.id})
        capabilities = _capabilities(
            _restrictions(policy, decisions, graph, territory, now), subject
        )
        denying = {d for c in capabilities for d in c.decisions}
        by_id = {d.id: d for d in decisions}
        reasons = tuple(_reason(policy, by_id[d]) for d in sorted(denying))
        history = tuple(repo.decisions_about(session, subject.id))
    return Standing(subject, territory, now, capabilities, reasons, history)


def account_standings(
    services: Services, owner_id: str, account_ids: Sequence[str], viewer: Principal
) -> list[AccountStanding]:
    """For many accounts of one party: each account and its capabilities, as `standing_of`
    gives them, from one read of the graph above the owner (a party with a thousand accounts
    is one propagation per capability, not one per account)."""
    require(viewer, Permission.READ)
    now = services.clock.now()
    with services.read() as session:
        if not visible_subject(session, viewer, owner_id):
            raise NotFound(f"unknown subject {owner_id!r}: no party or account has this id")
        accounts = [a for a in repo.accounts_by_id(session, account_ids) if a.owner == owner_id]
        graph, above = repo.graph_above(session, [owner_id])
        graph.accounts_of[owner_id] = [a.id for a in accounts]
        for account in accounts:
            graph.account_owner[account.id] = owner_id
        decisions = repo.decisions_on(session, above | {a.id for a in accounts})
    results = _restrictions(services.policy, decisions, graph, None, now)
    return [AccountStanding(a, _capabilities(results, a)) for a in accounts]


# --- notices: accounts reached after the decision --------------------------------------------


def issue_notices(services: Services, work: UnitOfWork, now: datetime) -> list[str]:
    """Give every account that an active decision on a party reaches now, but that neither its
    statement of reasons nor an earlier notice names, a statement of its own (a new account of
    a restricted party, a company that came under control). Run in the transaction that
    changed the graph, after its writes; returns the new notices' ids."""
    session = work.session
    active = [
        d for d in work.repo.find_decisions() if d.subject_kind == "party" and d.active_at(now)
    ]
    if not active:
        return []
    ids = [d.id for d in active]
    covered: dict[str, set[str]] = {i: set() for i in ids}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for decision_id, content in session.execute(
            select(StatementRow.decision_id, StatementRow.content).where(
                StatementRow.decision_id.in_(chunk)
            )
        ):
            covered[decision_id] |= {a["id"] for a in content["affected"]["accounts"]}
        for decision_id, account_id in session.execute(
            select(NoticeRow.decision_id, NoticeRow.account_id).where(
                NoticeRow.decision_id.in_(chunk)
            )
        ):
            covered[decision_id].add(account_id)
    created: list[dict[str, str]] = []
    for decision in active:
        rule = services.policy.rules.get(decision.rule_id)
        subject = work.repo.get_party(decision.subject_id)
        if rule is None or subject is None:
            continue  # a rule since withdrawn from the policy: its statement stands as issued
        graph, accounts, others = _surroundings(session, subject, decision.reach)
        present = [o for o in others if o.id != decision.id and o.active_at(now)]
        reach = reach_of(decision, present, graph, now)
        reached = {a for r in reach.values() for a in r.accounts}
        for account_id in sorted(reached - covered[decision.id]):
            created.append(
                _write_notice(
                    services, session, now, decision, rule, subject, reach, accounts, account_id
                )
            )
    if created:
        subject_text = created[0]["notice"] if len(created) == 1 else f"{len(created)} notices"
        work.record(now, Action.DECISION_NOTICE, subject_text, {"notices": created})
    return [c["notice"] for c in created]


def _write_notice(
    services: Services,
    session: Session,
    now: datetime,
    decision: Decision,
    rule: Any,
    subject: Party,
    reach: dict[str, Restriction],
    accounts: dict[str, Account],
    account_id: str,
) -> dict[str, str]:
    mine = {
        capability: Restriction(
            {p: r for p, r in restriction.parties.items() if p != decision.subject_id},
            {a: r for a, r in restriction.accounts.items() if a == account_id},
        )
        for capability, restriction in reach.items()
        if account_id in restriction.accounts
    }
    owner = next(r.accounts[account_id].owner for r in mine.values())
    chain = {p for r in mine.values() for p in r.parties}
    party_ids = chain | {o for r in mine.values() for pr in r.parties.values() for o, _ in pr.via}
    parties = repo.parties_by_id(session, party_ids | {subject.id} | ({owner} if owner else set()))
    affected = sor.affected(decision, mine, parties, accounts)
    # the account's own chain of control, not every party the decision reaches
    wanted = _chain_of(owner, mine)
    affected["parties"] = [p for p in affected["parties"] if p["id"] in wanted]
    notice_id = new_id("ntc")
    content = sor.build_statement(decision, rule, services.policy, subject, affected)
    original = session.get(StatementRow, decision.id)
    transparency = (original.content.get("transparency") if original is not None else None) or {}
    if transparency:
        # the decision's public record, with this account's holder kept out of it as well
        known = dict.fromkeys(transparency.get("personal_data", []), "a natural person concerned")
        reached = [accounts[account_id]] if account_id in accounts else []
        personal = known | personal_data(subject, parties.values(), reached)
        transparency = dict(transparency)
        transparency["public_facts"] = redact(transparency["public_facts"], personal)
        transparency["personal_data"] = sorted(personal)
        content["transparency"] = transparency
        if transparency.get("legal_ground"):
            content["ground"]["relied_on"] = transparency["legal_ground"]["act"]
    content["issued_at"] = now.isoformat()
    content["appeal"]["deadline"] = (now + timedelta(days=rule.appeal_window_days)).isoformat()
    content["notice"] = {
        "id": notice_id,
        "account": account_id,
        "decision_issued_at": decision.created_at.isoformat(),
        "why": (
            "the ownership graph changed after the decision was recorded, and the decision now "
            "reaches this account"
        ),
    }
    session.add(
        NoticeRow(
            id=notice_id,
            decision_id=decision.id,
            account_id=account_id,
            content=content,
            text=sor.render_text(content),
            html=sor.render_html(content),
            digest=sor.digest(content),
            created_at=now,
        )
    )
    record_reach(session, decision.id, {account_id} | wanted)
    return {"notice": notice_id, "decision": decision.id, "account": account_id}


def _chain_of(owner: str | None, reach: dict[str, Restriction]) -> set[str]:
    """The parties from ``owner`` up to the subject through which the decision reaches it."""
    out: set[str] = set()
    todo = [owner] if owner else []
    while todo:
        party = todo.pop()
        if party in out:
            continue
        out.add(party)
        for r in reach.values():
            if party in r.parties:
                todo.extend(o for o, _ in r.parties[party].via)
    return out


def notices_of(services: Services, decision_id: str, viewer: Principal) -> list[IssuedStatement]:
    """The notices issued for a decision, oldest first; a contact's own accounts' only."""
    require(viewer, Permission.READ)
    with services.read() as session:
        if not visible_decision(session, viewer, decision_id):
            return []
        query = select(NoticeRow).where(NoticeRow.decision_id == decision_id)
        if viewer.is_contact:
            query = query.where(NoticeRow.account_id.in_(sorted(own_subjects(session, viewer))))
        rows = session.scalars(query.order_by(NoticeRow.created_at, NoticeRow.id))
        return [
            IssuedStatement(r.decision_id, r.content, r.text, r.html, r.digest, r.id, r.account_id)
            for r in rows
        ]


def reached_ids(affected: dict[str, Any]) -> set[str]:
    """The parties and accounts a statement's ``affected`` names, and the accounts' owners."""
    out = {p["id"] for p in affected.get("parties", ())}
    out |= {a["id"] for a in affected.get("accounts", ())}
    out |= {o for a in affected.get("accounts", ()) if (o := a.get("owner"))}
    return out


def record_reach(session: Session, decision_id: str, subject_ids: set[str]) -> None:
    """Note what a decision reaches (how a contact's reads are scoped)."""
    known = set(
        session.scalars(select(ReachRow.subject_id).where(ReachRow.decision_id == decision_id))
    )
    for subject_id in sorted(subject_ids - known):
        session.add(ReachRow(decision_id=decision_id, subject_id=subject_id))
    session.flush()
