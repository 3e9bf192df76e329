"""The advertiser's door (DESIGN section 4c): ``/standing``, a contact's home with the
standing of every party and account it may see, and ``/standing/decisions/{id}``, one
decision's statement and notices as issued, the appeals against it with their replies, and
two forms: dispute (within the rule's window) and request reinstatement (at any time), each
for the whole decision or one of the contact's parties or accounts it reaches. Staff may read
both (a party chosen with ``?party=``), without the forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from sqlalchemy import select

from standing.access.model import Permission, Principal
from standing.access.scope import own_subjects
from standing.appeals.attachments import MAX_BYTES, MAX_FILES, Upload, check_upload
from standing.appeals.model import Appeal, Window, appeal_window
from standing.appeals.service import (
    add_attachments,
    appeals_of,
    attachment_content,
    attachments_of,
    file_appeal,
)
from standing.bootstrap import Services
from standing.decisions.model import Decision
from standing.decisions.service import (
    account_standings,
    get_decision,
    get_statement,
    notices_of,
    standing_of,
)
from standing.decisions.statement import subject_summary
from standing.decisions.views import CapabilityStanding
from standing.errors import Invalid, NotFound, StandingError
from standing.graph.model import Account, Party
from standing.store import repository as repo
from standing.store.tables import AccountRow, NoticeRow, PartyRow, StatementRow
from standing.web.auth import CSRF_FIELD, csrf_ok, requires
from standing.web.deps import ServicesDep
from standing.web.schemas import TEXT_MAX
from standing.web.ui.login import CsrfRefused, form_page, read_form
from standing.web.ui.render import page

router = APIRouter(include_in_schema=False)

#: How many accounts of one party the home page lists in full.
ACCOUNTS_SHOWN = 200


@dataclass
class Capability:
    name: str
    description: str
    allowed: bool
    decisions: list[str]


@dataclass
class Covered:
    """Why one decision reaches one party or account: the ownership path, from the
    subject's own row up to the decision's subject, in the statement's words."""

    decision: Decision
    rule_title: str
    remedy: str | None
    path: list[str]
    window: Window
    status: str


@dataclass
class Standing:
    id: str
    kind: str  # party | account
    name: str
    capabilities: list[Capability]
    covered: list[Covered] = field(default_factory=list)
    accounts: list[Standing] = field(default_factory=list)
    more_accounts: int = 0


@dataclass(frozen=True)
class _Affected:
    """A statement's (or notice's) ``affected`` rows, indexed by id."""

    parties: dict[str, dict[str, Any]]
    accounts: dict[str, dict[str, Any]]

    @classmethod
    def of(cls, content: dict[str, Any]) -> _Affected:
        affected = content.get("affected", {})
        return cls(
            parties={p["id"]: p for p in affected.get("parties", ())},
            accounts={a["id"]: a for a in affected.get("accounts", ())},
        )


def _owner_path(affected: _Affected, subject_id: str) -> list[str]:
    """Why ``subject_id`` is reached, from a statement's (or notice's) ``affected`` rows: the
    account's own line, its owner's, then the lines of the parties that control the owner,
    up to the decision's subject (the statement names each holder by its name)."""
    parties, accounts = affected.parties, affected.accounts
    path: list[str] = []
    start: str | None = subject_id
    if subject_id in accounts:
        row = accounts[subject_id]
        handle = f"{row['username']} on {row['service']}" if row.get("username") else row["id"]
        path.append(_sentence(f"The account {handle}: {row['why']}"))
        start = row.get("owner")
    todo = [start] if start is not None and start in parties else []
    seen: set[str] = set()
    while todo:
        party_id = todo.pop(0)
        if party_id in seen:
            continue
        seen.add(party_id)
        row = parties[party_id]
        path.append(_sentence(f"{row['name']}: {row['why']}"))
        holders = [
            (row["why"].index(f"{o['name']} ("), other)
            for other, o in parties.items()
            if other not in seen and f"{o['name']} (" in row["why"]
        ]
        todo += [other for _, other in sorted(holders)]
    return path


def _sentence(text: str) -> str:
    return text if text.endswith(".") else text + "."


class _Reasons:
    """What the coverage of many parties and accounts needs from one page's decisions, read
    once per decision: the decision, its statement's rows and the notices it issued (a page
    for a party with a thousand accounts reads each statement once, not once per account)."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self._decisions: dict[str, Decision | None] = {}
        self._statements: dict[str, _Affected] = {}
        self._notices: dict[str, dict[str, _Affected]] = {}

    def _load(self, decision_id: str) -> None:
        with self.services.read() as session:
            self._decisions[decision_id] = repo.get_decision(session, decision_id)
            statement = session.get(StatementRow, decision_id)
            self._statements[decision_id] = _Affected.of(statement.content if statement else {})
            self._notices[decision_id] = {
                notice.account_id: _Affected.of(notice.content)
                for notice in session.scalars(
                    select(NoticeRow).where(NoticeRow.decision_id == decision_id)
                )
            }

    def decision(self, decision_id: str) -> Decision | None:
        if decision_id not in self._decisions:
            self._load(decision_id)
        return self._decisions[decision_id]

    def statement(self, decision_id: str) -> _Affected:
        self.decision(decision_id)
        return self._statements[decision_id]

    def notices(self, decision_id: str) -> dict[str, _Affected]:
        """The rows of each notice the decision issued, by the account it went to."""
        self.decision(decision_id)
        return self._notices[decision_id]

    def affected(self, decision_id: str, subject_id: str) -> _Affected:
        """The rows that say why the decision reaches the subject: the subject's notice's if
        one was issued to it, else the statement's."""
        self.decision(decision_id)
        notice = self._notices[decision_id].get(subject_id)
        return notice if notice is not None else self._statements[decision_id]


def _coverage(
    services: Services, reasons: _Reasons, subject_id: str, decisions: set[str]
) -> list[Covered]:
    now = services.clock.now()
    out: list[Covered] = []
    for decision_id in sorted(decisions):
        # it restricts the viewer's own party or account: what it is may be shown even
        # before a notice has recorded that it reaches it
        decision = reasons.decision(decision_id)
        if decision is None:
            continue
        rule = services.policy.rules.get(decision.rule_id)
        path = _owner_path(reasons.affected(decision_id, subject_id), subject_id)
        if not path and subject_id == decision.subject_id:
            path = ["It is the subject of the decision."]
        out.append(
            Covered(
                decision=decision,
                rule_title=rule.title if rule else decision.rule_id,
                remedy=rule.remedy if rule else None,
                path=path,
                window=appeal_window(
                    decision.created_at, rule.appeal_window_days if rule else 180, now
                ),
                status=decision.status_at(now),
            )
        )
    return out


def _view(
    services: Services,
    reasons: _Reasons,
    subject: Party | Account,
    found: tuple[CapabilityStanding, ...],
) -> Standing:
    summary = subject_summary(subject)
    capabilities = [
        Capability(c.capability, c.description, c.allowed, list(c.decisions)) for c in found
    ]
    denying = {d for c in capabilities for d in c.decisions}
    return Standing(
        id=summary["id"],
        kind=summary["kind"],
        name=summary["name"],
        capabilities=capabilities,
        covered=_coverage(services, reasons, summary["id"], denying),
    )


def _parties_of(services: Services, viewer: Principal, party: str | None) -> list[str]:
    """The parties the home page shows: a contact's (or the one asked for among them);
    for staff, the party asked for."""
    with services.read() as session:
        if viewer.is_contact:
            mine = sorted(viewer.parties)
            if party is None:
                return mine
            if party not in mine:
                raise NotFound(f"unknown party {party!r}")
            return [party]
        if party is None:
            return []
        if session.get(PartyRow, party) is None:
            raise NotFound(f"unknown party {party!r}")
        return [party]


def _accounts_of(services: Services, party_id: str) -> tuple[list[str], int]:
    with services.read() as session:
        ids = list(
            session.scalars(
                select(AccountRow.id).where(AccountRow.owner_id == party_id).order_by(AccountRow.id)
            )
        )
    return ids[:ACCOUNTS_SHOWN], max(len(ids) - ACCOUNTS_SHOWN, 0)


@router.get("/standing", response_class=HTMLResponse, dependencies=[requires(Permission.READ)])
def standing_home(
    request: Request,
    services: ServicesDep,
    party: str | None = Query(None, max_length=200),
) -> HTMLResponse:
    """A contact's home: every party and account it may see, capability by capability."""
    viewer: Principal = request.state.principal
    views: list[Standing] = []
    reasons = _Reasons(services)
    for party_id in _parties_of(services, viewer, party):
        found = standing_of(services, party_id, viewer)
        view = _view(services, reasons, found.subject, found.capabilities)
        accounts, more = _accounts_of(services, party_id)
        view.accounts = [
            _view(services, reasons, a.account, a.capabilities)
            for a in account_standings(services, party_id, accounts, viewer)
        ]
        view.more_accounts = more
        views.append(view)
    return page(
        request,
        "standing.html",
        views=views,
        party=party,
        now=services.clock.now(),
    )


# --- one decision ----------------------------------------------------------------------------


def _own_reach(
    services: Services, decision: Decision, viewer: Principal
) -> tuple[list[Standing], int]:
    """For a contact: its parties and accounts this decision reaches, and why (the first
    `ACCOUNTS_SHOWN` of them, parties first), and how many more there are."""
    if not viewer.is_contact:
        return [], 0
    reasons = _Reasons(services)
    statement = reasons.statement(decision.id)
    notices = reasons.notices(decision.id)
    reached = {pid: ("party", p["name"]) for pid, p in statement.parties.items()}
    for aid, a in statement.accounts.items():
        handle = f"{a['username']} on {a['service']}" if a.get("username") else aid
        reached[aid] = ("account", handle)
    with services.read() as session:
        mine = own_subjects(session, viewer)
        unnamed = sorted(a for a in notices if a not in reached and a in mine)
        for chunk in range(0, len(unnamed), 500):
            for account in session.scalars(
                select(AccountRow).where(AccountRow.id.in_(unnamed[chunk : chunk + 500]))
            ):
                reached[account.id] = ("account", f"{account.username} on {account.service}")
        for account_id in unnamed:
            reached.setdefault(account_id, ("account", account_id))
    own = [(s, kind, name) for s, (kind, name) in reached.items() if s in mine]
    own.sort(key=lambda row: (row[1] != "party", row[0]))
    return [
        Standing(
            id=subject_id,
            kind=kind,
            name=name,
            capabilities=[],
            covered=_coverage(services, reasons, subject_id, {decision.id}),
        )
        for subject_id, kind, name in own[:ACCOUNTS_SHOWN]
    ], max(len(own) - ACCOUNTS_SHOWN, 0)


def _decision_page(
    request: Request,
    services: Services,
    decision_id: str,
    status: int = 200,
    **extra: Any,
) -> HTMLResponse:
    viewer: Principal = request.state.principal
    decision = get_decision(services, decision_id, viewer)
    statement = get_statement(services, decision_id, viewer)
    notices = notices_of(services, decision_id, viewer)
    appeals = appeals_of(services, decision_id, viewer)
    now = services.clock.now()
    rule = services.policy.rules.get(decision.rule_id)
    window = appeal_window(decision.created_at, rule.appeal_window_days if rule else 180, now)
    open_appeals = [a for a in appeals if a.status == "open"]
    may_file = viewer.may(Permission.FILE_APPEAL) and viewer.is_contact
    reach, more_reach = _own_reach(services, decision, viewer)
    context: dict[str, Any] = {
        "decision": decision,
        "status_now": decision.status_at(now),
        "rule_title": rule.title if rule else decision.rule_id,
        "remedy": rule.remedy if rule else None,
        "review_days": rule.review_days if rule else None,
        "statement": Markup(statement.html),  # rendered with autoescape when recorded  # noqa: S704
        "digest": statement.digest,
        "notices": [Markup(n.html) for n in notices],  # noqa: S704 - autoescaped when issued
        "appeals": appeals,
        "attachments": attachments_of(services, [a.id for a in appeals], viewer),
        "window": window,
        "redress": services.policy.redress.to_public(),
        "open_appeals": open_appeals,
        "may_dispute": may_file and window.open and not decision.lifted_at,
        "may_reinstate": may_file and not decision.lifted_at,
        "is_contact": viewer.is_contact,
        "reach": reach,
        "more_reach": more_reach,
        "scopes": [
            (r.id, f"{r.name} ({'party' if r.kind == 'party' else 'account'})") for r in reach
        ],
        "names": {r.id: r.name for r in reach},
        "text": "",
        "scope": "",
        "error": None,
        "error_kind": None,
        "filed": None,
        "now": now,
    }
    context.update(extra)
    return form_page(request, "standing_decision.html", status=status, **context)


@router.get(
    "/standing/decisions/{decision_id}",
    response_class=HTMLResponse,
    dependencies=[requires(Permission.READ)],
)
def standing_decision(
    request: Request,
    decision_id: str,
    services: ServicesDep,
    filed: str | None = Query(None, max_length=40),
) -> HTMLResponse:
    """The statement and notices as issued, the appeals and replies, and the dispute form."""
    return _decision_page(request, services, decision_id, filed=filed)


def appeal_text(fields: dict[str, str]) -> str:
    text = fields.get("text", "")
    if len(text) > TEXT_MAX:
        raise Invalid(f"text: {len(text)} characters; at most {TEXT_MAX} are taken")
    return text


async def read_dispute(request: Request) -> tuple[dict[str, str], list[tuple[str, bytes]]]:
    """The dispute form's fields and files (name, bytes); like `read_form` (a form with the
    right CSRF token), with up to `MAX_FILES` files. A file input left empty is no file."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "multipart/form-data":
        return await read_form(request), []
    files: list[tuple[str, bytes]] = []
    async with request.form(max_files=MAX_FILES, max_fields=50) as form:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        if not csrf_ok(request, fields.get(CSRF_FIELD)):
            raise CsrfRefused(
                "the form has expired or did not come from this site; reload the page"
            )
        for value in form.getlist("attachments"):
            if isinstance(value, str):
                continue
            content = await value.read(MAX_BYTES + 1)
            if value.filename or content:
                files.append((value.filename or "", content))
    return fields, files


@router.post(
    "/standing/decisions/{decision_id}/dispute",
    response_class=HTMLResponse,
    dependencies=[requires(Permission.FILE_APPEAL)],
)
async def dispute(request: Request, decision_id: str, services: ServicesDep) -> Response:
    """Dispute the decision (within the rule's window) as the signed-in contact, for the
    whole decision or one of its parties or accounts, with its evidence."""
    return await _file(request, decision_id, services, "dispute")


@router.post(
    "/standing/decisions/{decision_id}/reinstatement",
    response_class=HTMLResponse,
    dependencies=[requires(Permission.FILE_APPEAL)],
)
async def reinstatement(request: Request, decision_id: str, services: ServicesDep) -> Response:
    """Ask for reinstatement (the remedy is met; at any time) as the signed-in contact."""
    return await _file(request, decision_id, services, "reinstatement")


async def _file(request: Request, decision_id: str, services: Services, kind: str) -> Response:
    """File an appeal of ``kind``; a refusal is shown on the page beside the form it came
    from, with what was typed, and nothing is stored."""
    viewer: Principal = request.state.principal
    get_decision(services, decision_id, viewer)  # another party's decision: 404, as a read
    fields: dict[str, str] = {}
    try:
        fields, files = await read_dispute(request)
        uploads: list[Upload] = [check_upload(name, content) for name, content in files]
        filed: Appeal = file_appeal(
            services,
            decision_id,
            appeal_text(fields),
            viewer,
            kind,
            fields.get("scope") or None,
        )
    except (NotFound, CsrfRefused):
        raise
    except StandingError as exc:
        return _decision_page(
            request,
            services,
            decision_id,
            status=exc.http_status,
            error=exc.message,
            error_kind=kind,
            text=fields.get("text", "")[:TEXT_MAX],
            scope=fields.get("scope", "")[:200],
        )
    if uploads:
        add_attachments(services, filed.id, uploads, viewer)
    return RedirectResponse(
        f"/standing/decisions/{decision_id}?filed={filed.id}#appeals", status_code=303
    )


@router.get(
    "/standing/attachments/{attachment_id}",
    dependencies=[requires(Permission.READ)],
)
def attachment(request: Request, attachment_id: str, services: ServicesDep) -> Response:
    """An appeal's attachment, as a download (its appellant's and staff's only)."""
    viewer: Principal = request.state.principal
    described, content = attachment_content(services, attachment_id, viewer)
    name = quote(described.filename)
    return Response(
        content,
        media_type=described.media_type,
        headers={
            "content-disposition": f"attachment; filename*=UTF-8''{name}",
            "x-content-type-options": "nosniff",
        },
    )
