"""Use cases for principals: users and contacts, service clients and their tokens, signing in
(passwords, one-time links, sessions), rate limits, and the scope of a contact's reads.

Every change to who may act is on the audit log, attributed to the principal who made it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from standing.access import secrets
from standing.access.model import Kind, Permission, Principal, Role, Scope, require
from standing.audit.tags import Action
from standing.documents import fields_json
from standing.errors import Conflict, Forbidden, Invalid, NotFound, Unauthorized
from standing.ids import new_id
from standing.ports import Services
from standing.store.access_tables import (
    AuthAttemptRow,
    PrincipalPartyRow,
    PrincipalRow,
    SignInLinkRow,
    TokenRow,
    WebSessionRow,
)
from standing.store.unit import UnitOfWork

#: How long a signed-in browser stays signed in without signing in again.
SESSION_TTL = timedelta(hours=12)
#: How long an emailed sign-in link is valid.
LINK_TTL = timedelta(minutes=15)
#: Rate limits on sign-in: attempts per window, per account and per client address.
ATTEMPT_WINDOW = timedelta(minutes=15)
ATTEMPTS_PER_ACCOUNT = 10
ATTEMPTS_PER_ADDRESS = 50
#: A token's last use is written at most this often (every check would be a write otherwise).
LAST_USE_RESOLUTION = timedelta(minutes=1)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SERVICE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
UNAUTHORIZED = "a valid credential is required"


def one_line(value: str, field: str, limit: int = 200) -> str:
    """A one-line field: no line breaks or control characters, trimmed, not empty."""
    if _CONTROL.search(value):
        raise Invalid(f"{field}: line breaks and control characters are not allowed")
    value = value.strip()
    if not value:
        raise Invalid(f"{field}: empty")
    if len(value) > limit:
        raise Invalid(f"{field}: {len(value)} characters; at most {limit}")
    return value


def normal_email(email: str, field: str = "email") -> str:
    email = one_line(email, field, 320).lower()
    if not _EMAIL.match(email):
        raise Invalid(f"{field}: {email!r} is not an email address")
    return email


E = TypeVar("E", bound=StrEnum)


def _members(kind: type[E], values: Iterable[str], field: str) -> frozenset[E]:
    """The enum members ``values`` name (any case); `Invalid` naming the field otherwise."""
    out = set()
    for value in values:
        try:
            out.add(kind(value.strip().lower()))
        except ValueError:
            known = ", ".join(m.value for m in kind)
            raise Invalid(f"{field}: {value!r} is not one of {known}") from None
    return frozenset(out)


def _roles(values: Iterable[str]) -> frozenset[Role]:
    return _members(Role, values, "role")


def _scopes(values: Iterable[str]) -> frozenset[Scope]:
    return _members(Scope, values, "scope")


# --- principals ------------------------------------------------------------------------------


def _principal(session: Session, row: PrincipalRow, token: TokenRow | None = None) -> Principal:
    parties: frozenset[str] = frozenset()
    if row.kind == Kind.CONTACT:
        parties = frozenset(
            session.scalars(
                select(PrincipalPartyRow.party_id).where(PrincipalPartyRow.principal_id == row.id)
            )
        )
    return Principal(
        id=row.id,
        kind=Kind(row.kind),
        name=row.name,
        email=row.email,
        roles=frozenset(Role(r) for r in row.roles),
        parties=parties,
        scopes=frozenset(Scope(s) for s in token.scopes) if token is not None else frozenset(),
        token=token.id if token is not None else None,
    )


def _by_email(session: Session, email: str) -> PrincipalRow | None:
    return session.scalar(select(PrincipalRow).where(PrincipalRow.email == email.lower()))


def has_admin(session: Session) -> bool:
    for roles in session.scalars(
        select(PrincipalRow.roles).where(
            PrincipalRow.kind == str(Kind.STAFF), PrincipalRow.active.is_(True)
        )
    ):
        if str(Role.ADMIN) in roles:
            return True
    return False


def acting_as(services: Services, email: str) -> Principal:
    """The active user with this email, for a command run with ``--as``."""
    address = normal_email(email, "--as")
    with services.read() as session:
        row = _by_email(session, address)
        if row is None or not row.active:
            state = "is disabled" if row is not None else "is not a user"
            raise Unauthorized(
                f"--as: {address} {state}; an admin adds users with `standing users add`"
            )
        return _principal(session, row)


@dataclass(frozen=True)
class NewUser:
    email: str
    roles: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()
    name: str | None = None
    password: str | None = None


def add_user(services: Services, actor: Principal | None, new: NewUser) -> Principal:
    """A staff user (``roles``) or an advertiser contact (``parties``). ``actor`` is None only
    to bootstrap: the first admin of a database with none."""
    email = normal_email(new.email)
    name = one_line(new.name, "name") if new.name is not None else email
    roles = _roles(new.roles)
    if bool(roles) == bool(new.parties):
        raise Invalid(
            "give --role for a staff user or --party for an advertiser contact (one of the two)"
        )
    if new.password is not None and (problem := secrets.password_problem(new.password)):
        raise Invalid(problem)
    now = services.clock.now()
    principal_id = new_id("usr")
    # without an actor, the first admin adds themself (the audit log names them)
    adding = actor or Principal(principal_id, Kind.STAFF, name, email, frozenset(roles))
    with services.write(adding) as work:
        session = work.session
        if actor is None:
            if has_admin(session):
                raise Unauthorized(
                    "this database has an admin: act as one (--as EMAIL or STANDING_AS)"
                )
            if roles != {Role.ADMIN}:
                raise Forbidden(
                    "this database has no admin yet: the first user must be an admin "
                    "(standing users add EMAIL --role admin)"
                )
        else:
            require(actor, Permission.MANAGE_ACCESS)
        if _by_email(session, email) is not None:
            raise Conflict(f"email: {email} is already a user")
        parties = []
        for party_id in dict.fromkeys(p.strip() for p in new.parties):
            if work.repo.get_party(party_id) is None:
                raise NotFound(f"party: unknown party {party_id!r}")
            parties.append(party_id)
        return _store_user(
            work, now, principal_id, email, name, roles, parties, password=new.password
        )


def set_password(services: Services, actor: Principal, email: str, password: str) -> None:
    """An admin sets anyone's password; every user may set their own."""
    address = normal_email(email)
    if address != actor.email:
        require(actor, Permission.MANAGE_ACCESS)
    if problem := secrets.password_problem(password):
        raise Invalid(problem)
    with services.write(actor) as work:
        row = _by_email(work.session, address)
        if row is None:
            raise NotFound(f"unknown user {address}")
        row.password_hash = secrets.hash_password(password)
        work.record(services.clock.now(), Action.USER_PASSWORD, row.id, {"user": row.id})


@dataclass(frozen=True, slots=True)
class UserView:
    """A staff user or an advertiser contact as the admin's list gives it (never a secret:
    ``password`` says only whether one is set)."""

    id: str
    kind: str
    email: str | None
    name: str | None
    roles: tuple[str, ...]
    parties: tuple[str, ...]
    active: bool
    password: bool
    created_at: datetime

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


def _user(session: Session, row: PrincipalRow) -> UserView:
    principal = _principal(session, row)
    return UserView(
        id=row.id,
        kind=row.kind,
        email=row.email,
        name=row.name,
        roles=tuple(row.roles),
        parties=tuple(sorted(principal.parties)),
        active=row.active,
        password=row.password_hash is not None,
        created_at=row.created_at,
    )


def list_users(services: Services, actor: Principal) -> list[UserView]:
    require(actor, Permission.MANAGE_ACCESS)
    with services.read() as session:
        rows = session.scalars(
            select(PrincipalRow)
            .where(PrincipalRow.kind != str(Kind.SERVICE))
            .order_by(PrincipalRow.email)
        )
        return [_user(session, r) for r in rows]


def disable_user(services: Services, actor: Principal, email: str) -> UserView:
    require(actor, Permission.MANAGE_ACCESS)
    address = normal_email(email)
    now = services.clock.now()
    with services.write(actor) as work:
        session = work.session
        row = _by_email(session, address)
        if row is None:
            raise NotFound(f"unknown user {address}")
        if not row.active:
            raise Conflict(f"{address} is already disabled")
        if row.id == actor.id:
            raise Invalid("an admin cannot disable themselves; ask another admin")
        row.active, row.disabled_at = False, now
        session.execute(delete(WebSessionRow).where(WebSessionRow.principal_id == row.id))
        work.record(now, Action.USER_DISABLE, row.id, {"user": row.id})
        return _user(session, row)


# --- tokens ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IssuedToken:
    id: str
    token: str
    principal: str
    scopes: tuple[str, ...]
    expires_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


def create_token(
    services: Services,
    actor: Principal,
    *,
    user: str | None = None,
    service: str | None = None,
    scopes: Iterable[str] = (),
    expires_at: datetime | None = None,
) -> IssuedToken:
    """A bearer token for a user (acting with the user's roles or bindings) or for a service
    client (acting with the token's scopes; the service is created on its first token).
    Only the token's digest is stored: the token is shown once."""
    if (user is None) == (service is None):
        raise Invalid("give --user EMAIL or --service NAME (one of the two)")
    wanted = _scopes(scopes)
    now = services.clock.now()
    if expires_at is not None and expires_at <= now:
        raise Invalid(f"expires: {expires_at.isoformat()} is not in the future")
    with services.write(actor) as work:
        session = work.session
        if user is not None:
            address = normal_email(user, "--user")
            row = _by_email(session, address)
            if address != actor.email or not actor.may(Permission.OWN_TOKENS):
                require(actor, Permission.MANAGE_ACCESS)
            if row is None or not row.active:
                raise NotFound(f"--user: {address} is not an active user")
            if wanted:
                raise Invalid(
                    "--scope is for service tokens; a user's token acts with the user's roles"
                )
        else:
            require(actor, Permission.MANAGE_ACCESS)
            assert service is not None
            name = one_line(service, "--service", 100)
            if not _SERVICE_NAME.match(name):
                raise Invalid(f"--service: {name!r}: letters, digits, '.', '_' and '-', up to 100")
            if not wanted:
                known = ", ".join(s.value for s in Scope)
                raise Invalid(f"a service token needs at least one --scope ({known})")
            row = session.scalar(
                select(PrincipalRow).where(
                    PrincipalRow.kind == str(Kind.SERVICE), PrincipalRow.name == name
                )
            )
            if row is None:
                row = PrincipalRow(
                    id=new_id("svc"),
                    kind=str(Kind.SERVICE),
                    email=None,
                    name=name,
                    roles=[],
                    password_hash=None,
                    active=True,
                    created_at=now,
                    created_by=actor.id,
                )
                session.add(row)
                session.flush()
        raw = secrets.new_token()
        token = TokenRow(
            id=new_id("tok"),
            principal_id=row.id,
            digest=secrets.digest(raw),
            scopes=sorted(str(s) for s in wanted),
            created_at=now,
            created_by=actor.id,
            expires_at=expires_at,
        )
        session.add(token)
        session.flush()
        work.record(
            now,
            Action.TOKEN_CREATE,
            token.id,
            {
                "token": token.id,
                "principal": row.id,
                "service": row.name if row.kind == str(Kind.SERVICE) else None,
                "scopes": token.scopes,
                "expires_at": expires_at.isoformat() if expires_at else None,
            },
        )
        return IssuedToken(token.id, raw, row.id, tuple(token.scopes), expires_at)


@dataclass(frozen=True, slots=True)
class TokenView:
    """A bearer token as listed (never its secret): whom it acts for and its state now
    (active, revoked, expired, or disabled with its principal)."""

    id: str
    principal: str
    kind: str
    name: str | None
    scopes: tuple[str, ...]
    state: str
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return fields_json(self)


def _token(token: TokenRow, owner: PrincipalRow, now: datetime) -> TokenView:
    state = "active"
    if token.revoked_at is not None:
        state = "revoked"
    elif token.expires_at is not None and token.expires_at <= now:
        state = "expired"
    elif not owner.active:
        state = "disabled"
    return TokenView(
        id=token.id,
        principal=owner.id,
        kind=owner.kind,
        name=owner.email or owner.name,
        scopes=tuple(token.scopes),
        state=state,
        created_at=token.created_at,
        expires_at=token.expires_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
    )


def list_tokens(services: Services, actor: Principal) -> list[TokenView]:
    """Every token for an admin; a contact's own otherwise."""
    require(actor, Permission.OWN_TOKENS)
    now = services.clock.now()
    with services.read() as session:
        query = select(TokenRow, PrincipalRow).join(
            PrincipalRow, PrincipalRow.id == TokenRow.principal_id
        )
        if not actor.may(Permission.MANAGE_ACCESS):
            query = query.where(TokenRow.principal_id == actor.id)
        rows = session.execute(query.order_by(TokenRow.created_at, TokenRow.id)).all()
        return [_token(t, p, now) for t, p in rows]


def revoke_token(services: Services, actor: Principal, token_id: str) -> TokenView:
    require(actor, Permission.OWN_TOKENS)
    now = services.clock.now()
    with services.write(actor) as work:
        session = work.session
        token = session.get(TokenRow, token_id.strip())
        if token is None or (
            not actor.may(Permission.MANAGE_ACCESS) and token.principal_id != actor.id
        ):
            raise NotFound(f"unknown token {token_id!r}")
        if token.revoked_at is not None:
            raise Conflict(f"token {token.id} was already revoked")
        token.revoked_at = now
        work.record(now, Action.TOKEN_REVOKE, token.id, {"token": token.id})
        owner = session.get(PrincipalRow, token.principal_id)
        assert owner is not None
        return _token(token, owner, now)


def authenticate_token(services: Services, raw: str) -> Principal:
    """The principal a bearer token stands for; `Unauthorized` for a token that is unknown,
    expired, revoked or whose principal is disabled (all alike: no hint which)."""
    if not raw.startswith(secrets.TOKEN_PREFIX) or len(raw) > 200:
        raise Unauthorized(UNAUTHORIZED)
    now = services.clock.now()
    with services.read() as session:
        found = session.execute(
            select(TokenRow, PrincipalRow)
            .join(PrincipalRow, PrincipalRow.id == TokenRow.principal_id)
            .where(TokenRow.digest == secrets.digest(raw))
        ).first()
        if found is None:
            raise Unauthorized(UNAUTHORIZED)
        token, owner = found
        if (
            token.revoked_at is not None
            or (token.expires_at is not None and token.expires_at <= now)
            or not owner.active
        ):
            raise Unauthorized(UNAUTHORIZED)
        principal = _principal(session, owner, token)
        stale_use = token.last_used_at is None or now - token.last_used_at >= LAST_USE_RESOLUTION
    if stale_use:
        _note_use(services, token.id, now)
    return principal


def _note_use(services: Services, token_id: str, now: datetime) -> None:
    # not an act of anyone: no audit event, and no audit lock (``read`` + own commit)
    with services.sessions() as session, session.begin():
        row = session.get(TokenRow, token_id)
        if row is not None:
            row.last_used_at = now


# --- signing in ------------------------------------------------------------------------------


def _throttle(session: Session, keys: list[tuple[str, int]], now: datetime) -> None:
    """Record an attempt under each key; refuse when a key has had its limit in the window."""
    since = now - ATTEMPT_WINDOW
    for key, limit in keys:
        count = session.scalar(
            select(func.count())
            .select_from(AuthAttemptRow)
            .where(AuthAttemptRow.key == key, AuthAttemptRow.at > since)
        )
        if (count or 0) >= limit:
            raise RateLimited(
                "too many sign-in attempts; wait "
                f"{int(ATTEMPT_WINDOW.total_seconds() // 60)} minutes and try again"
            )
    for key, _limit in keys:
        session.add(AuthAttemptRow(key=key[:400], at=now))
    session.execute(delete(AuthAttemptRow).where(AuthAttemptRow.at <= since))


class RateLimited(Unauthorized):
    code = "rate_limited"
    http_status = 429


def sign_in_password(services: Services, email: str, password: str, address: str) -> Principal:
    """The principal for an email and password; the same `Unauthorized` for an unknown email,
    a wrong password or a disabled user. Rate-limited per account and per address, in the
    store so the limit holds across processes."""
    try:
        account = normal_email(email)
    except Invalid:
        account = email.strip().lower()[:320]
    now = services.clock.now()
    with services.sessions() as session, session.begin():
        _throttle(
            session,
            [
                (f"password:{account}", ATTEMPTS_PER_ACCOUNT),
                (f"addr:{address}", ATTEMPTS_PER_ADDRESS),
            ],
            now,
        )
    with services.read() as session:
        row = _by_email(session, account)
        ok = secrets.verify_password(
            password[: secrets.MAX_PASSWORD], row.password_hash if row else None
        )
        if row is None or not ok or not row.active:
            raise Unauthorized("the email or the password is wrong")
        return _principal(session, row)


def create_signin_link(
    services: Services, email: str, address: str
) -> tuple[Principal, str] | None:
    """A one-time sign-in link's secret for an active contact (None for anyone else: the page
    says the same either way). Rate-limited like passwords."""
    account = normal_email(email)
    now = services.clock.now()
    with services.sessions() as session, session.begin():
        _throttle(
            session,
            [(f"link:{account}", ATTEMPTS_PER_ACCOUNT), (f"addr:{address}", ATTEMPTS_PER_ADDRESS)],
            now,
        )
        row = _by_email(session, account)
        if row is None or not row.active or row.kind != str(Kind.CONTACT):
            return None
        secret = secrets.new_secret()
        session.add(
            SignInLinkRow(
                digest=secrets.digest(secret),
                principal_id=row.id,
                created_at=now,
                expires_at=now + LINK_TTL,
            )
        )
        return _principal(session, row), secret


def consume_signin_link(services: Services, secret: str) -> Principal:
    """The contact a link signs in; a link works once, within its time."""
    now = services.clock.now()
    with services.sessions() as session, session.begin():
        link = session.get(SignInLinkRow, secrets.digest(secret), with_for_update=True)
        if link is None or link.used_at is not None or link.expires_at <= now:
            raise Unauthorized(
                "this sign-in link is not valid: it was used, has expired or is unknown; "
                "ask for a new one"
            )
        link.used_at = now
        row = session.get(PrincipalRow, link.principal_id)
        if row is None or not row.active:
            raise Unauthorized("this sign-in link is not valid; ask for a new one")
        return _principal(session, row)


def sign_in_oidc(
    services: Services, issuer: str, email: str, name: str | None, roles: frozenset[Role]
) -> Principal:
    """The staff user an identity provider vouches for (its verified email).

    An active staff user signs in; when the provider's roles claim names standing roles, they
    replace the user's (the provider is where staff are managed). An email that is not a user
    yet becomes a staff user when the claim names at least one role. A contact, a disabled
    user, or a new email without a role is refused (`Forbidden`): no one gets in on an email
    alone. Role changes and new users are on the audit log, by the user the provider named."""
    address = normal_email(email, "the provider's email claim")
    display = name.strip() if name and not _CONTROL.search(name) and name.strip() else None
    now = services.clock.now()
    for _attempt in range(2):
        with services.read() as session:
            row = _by_email(session, address)
            known = _principal(session, row) if row is not None else None
        label = (display or address)[:200]
        newcomer = Principal(new_id("usr"), Kind.STAFF, label, address, frozenset(roles))
        with services.write(known or newcomer) as work:
            signed_in = _oidc_sign_in(work, known is not None, issuer, address, label, roles, now)
        if signed_in is not None:
            return signed_in
    raise Conflict(f"{address} changed while signing in; sign in again")


def _oidc_sign_in(
    work: UnitOfWork,
    known: bool,
    issuer: str,
    address: str,
    label: str,
    roles: frozenset[Role],
    now: datetime,
) -> Principal | None:
    """`sign_in_oidc` as the user signing in (``known``, or new with the unit's actor's id);
    None when the user was added since it was read (the caller reads again)."""
    row = _by_email(work.session, address)
    if (row.id if row is not None else None) != (work.actor.id if known else None):
        return None
    if row is not None:
        return _oidc_known(work, row, issuer, roles, now)
    return _oidc_new(work, issuer, address, label, roles, now)


def _oidc_known(
    work: UnitOfWork, row: PrincipalRow, issuer: str, roles: frozenset[Role], now: datetime
) -> Principal:
    """A known user signs in; the provider's roles, when it names any, replace theirs."""
    if row.kind != str(Kind.STAFF):
        raise Forbidden(
            f"{row.email} is an advertiser's contact: contacts sign in with a link "
            "emailed to them, not with an organisation account"
        )
    if not row.active:
        raise Forbidden(f"{row.email} is disabled in standing; ask an admin")
    wanted = sorted(str(r) for r in roles)
    if roles and wanted != sorted(row.roles):
        before = sorted(row.roles)
        row.roles = wanted
        work.record(
            now,
            Action.USER_ROLES,
            row.id,
            {"user": row.id, "roles": wanted, "before": before, "issuer": issuer},
        )
    return _principal(work.session, row)


def _oidc_new(
    work: UnitOfWork, issuer: str, address: str, label: str, roles: frozenset[Role], now: datetime
) -> Principal:
    """A new staff user, the unit's actor, when the provider names a role for them."""
    if not roles:
        known_roles = ", ".join(r.value for r in Role)
        raise Forbidden(
            f"{address} is not a standing user, and your organisation's account names no "
            f"standing role ({known_roles}); ask an admin to add you or to grant you a role"
        )
    return _store_user(work, now, work.actor.id, address, label, roles, [], issuer=issuer)


def _store_user(
    work: UnitOfWork,
    now: datetime,
    principal_id: str,
    email: str,
    name: str | None,
    roles: Iterable[Role],
    parties: list[str],
    *,
    password: str | None = None,
    issuer: str | None = None,
) -> Principal:
    """Store a new user and the parties a contact acts for, and record it: the event says
    whether a password was set and, for a user an identity provider vouched for, which."""
    wanted = sorted(str(r) for r in roles)
    session = work.session
    session.add(
        PrincipalRow(
            id=principal_id,
            kind=str(Kind.STAFF if wanted else Kind.CONTACT),
            email=email,
            name=name,
            roles=wanted,
            password_hash=secrets.hash_password(password) if password else None,
            active=True,
            created_at=now,
            created_by=work.actor.id,
        )
    )
    session.flush()
    for party_id in parties:
        session.add(PrincipalPartyRow(principal_id=principal_id, party_id=party_id))
    session.flush()
    payload: dict[str, Any] = {
        "user": principal_id,
        "email": email,
        "name": name,
        "roles": wanted,
        "parties": parties,
        "password": password is not None,
    }
    if issuer is not None:
        payload["issuer"] = issuer
    work.record(now, Action.USER_ADD, principal_id, payload)
    row = session.get(PrincipalRow, principal_id)
    assert row is not None
    return _principal(session, row)


def start_session(services: Services, principal: Principal) -> tuple[str, str]:
    """A new browser session: ``(session id, CSRF token)``; only the id's digest is kept."""
    sid, csrf = secrets.new_secret(), secrets.new_secret()
    now = services.clock.now()
    with services.sessions() as session, session.begin():
        session.add(
            WebSessionRow(
                digest=secrets.digest(sid),
                principal_id=principal.id,
                csrf=csrf,
                created_at=now,
                expires_at=now + SESSION_TTL,
            )
        )
        session.execute(delete(WebSessionRow).where(WebSessionRow.expires_at <= now))
    return sid, csrf


def session_principal(services: Services, sid: str) -> tuple[Principal, str] | None:
    """The principal and CSRF token of a live session, or None."""
    if not sid or len(sid) > 200:
        return None
    now = services.clock.now()
    with services.read() as session:
        found = session.execute(
            select(WebSessionRow, PrincipalRow)
            .join(PrincipalRow, PrincipalRow.id == WebSessionRow.principal_id)
            .where(WebSessionRow.digest == secrets.digest(sid))
        ).first()
        if found is None:
            return None
        web, owner = found
        if web.expires_at <= now or not owner.active:
            return None
        return _principal(session, owner), web.csrf


def end_session(services: Services, sid: str) -> None:
    with services.sessions() as session, session.begin():
        session.execute(delete(WebSessionRow).where(WebSessionRow.digest == secrets.digest(sid)))
