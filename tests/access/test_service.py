"""Users, tokens, sign-in and sessions on a real database; every change on the audit log and
checked against it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from standing.access.model import Principal, Role
from standing.access.service import (
    NewUser,
    acting_as,
    add_user,
    authenticate_token,
    consume_signin_link,
    create_signin_link,
    create_token,
    disable_user,
    revoke_token,
    session_principal,
    sign_in_oidc,
    sign_in_password,
    start_session,
)
from standing.audit.log import stored_events
from standing.audit.state import check_state
from standing.bootstrap import Services
from standing.errors import Conflict, Forbidden, Invalid, NotFound, Unauthorized
from tests.fixtures.principals import PASSWORD, Credential
from tests.fixtures.services import TestClock


def test_bootstrap_needs_an_admin_first(services: Services) -> None:
    with pytest.raises(Forbidden, match="first user must be an admin"):
        add_user(services, None, NewUser("ana@x.example", roles=("analyst",)))
    admin = add_user(services, None, NewUser("root@x.example", roles=("admin",)))
    with pytest.raises(Unauthorized, match="has an admin"):
        add_user(services, None, NewUser("eve@x.example", roles=("admin",)))
    with pytest.raises(Conflict):
        add_user(services, admin, NewUser("ROOT@x.example", roles=("viewer",)))
    with pytest.raises(Invalid, match="line breaks"):
        add_user(services, admin, NewUser("a@x.example", roles=("viewer",), name="A\nB"))
    with pytest.raises(Invalid, match="role: 'boss'"):
        add_user(services, admin, NewUser("b@x.example", roles=("boss",)))
    with pytest.raises(NotFound, match="party"):
        add_user(services, admin, NewUser("c@x.example", parties=("nope",)))
    with pytest.raises(Invalid, match="one of the two"):
        add_user(services, admin, NewUser("d@x.example"))


def test_tokens_work_until_revoked_expired_or_disabled(
    services: Services, clock: TestClock, credentials: dict[str, Credential]
) -> None:
    admin = credentials["admin"].principal
    analyst = credentials["analyst"]
    assert authenticate_token(services, analyst.token).id == analyst.principal.id
    issued = create_token(
        services,
        admin,
        service="pipeline",
        scopes=("screen",),
        expires_at=clock.at + timedelta(days=1),
    )
    assert issued.token.startswith("stk_") and len(issued.token) > 40
    with services.read() as session:  # only the digest is kept
        stored = session.execute(text("SELECT digest FROM tokens WHERE id = :i"), {"i": issued.id})
        assert issued.token not in str(stored.scalar_one())
    assert authenticate_token(services, issued.token).scopes == {"screen"}
    clock.advance(days=2)
    with pytest.raises(Unauthorized):
        authenticate_token(services, issued.token)
    revoke_token(
        services,
        admin,
        credentials["viewer"].principal.token or _token_id(services, credentials["viewer"]),
    )
    with pytest.raises(Unauthorized):
        authenticate_token(services, credentials["viewer"].token)
    disable_user(services, admin, analyst.email)
    with pytest.raises(Unauthorized):
        authenticate_token(services, analyst.token)
    with pytest.raises(Unauthorized, match="disabled"):
        acting_as(services, analyst.email)
    with pytest.raises(Unauthorized):
        authenticate_token(services, "stk_" + "x" * 43)
    with pytest.raises(Forbidden):
        create_token(services, credentials["reviewer"].principal, service="x", scopes=("check",))
    with services.read() as session:
        assert check_state(session).count == 0  # users and tokens match their events


def _token_id(services: Services, credential: Credential) -> str:
    with services.read() as session:
        return str(
            session.execute(
                text("SELECT id FROM tokens WHERE principal_id = :p"),
                {"p": credential.principal.id},
            ).scalar_one()
        )


def test_a_role_granted_behind_the_log_is_caught(
    services: Services, credentials: dict[str, Credential]
) -> None:
    with services.sessions() as session, session.begin():
        session.execute(
            text("UPDATE principals SET roles = :r WHERE id = :i"),
            {"r": '["admin"]', "i": credentials["viewer"].principal.id},
        )
    with services.read() as session:
        found = check_state(session)
    assert found.count == 1
    assert found.mismatches[0].table == "principals" and "roles" in found.mismatches[0].reason


def test_passwords_links_and_sessions(
    demo_graph: Services, clock: TestClock, credentials: dict[str, Credential]
) -> None:
    services = demo_graph
    viewer = sign_in_password(services, "Viewer@Test.Example", PASSWORD, "10.0.0.1")
    assert viewer.id == credentials["viewer"].principal.id
    for email, password in (("viewer@test.example", "wrong"), ("nobody@test.example", PASSWORD)):
        with pytest.raises(Unauthorized, match="the email or the password is wrong"):
            sign_in_password(services, email, password, "10.0.0.1")
    for _ in range(8):
        with pytest.raises(Unauthorized):
            sign_in_password(services, "viewer@test.example", "wrong", "10.0.0.2")
    with pytest.raises(Unauthorized, match="too many"):  # the account's limit, any address
        sign_in_password(services, "viewer@test.example", PASSWORD, "10.0.0.3")
    assert create_signin_link(services, "viewer@test.example", "10.0.0.4") is None  # staff
    issued = create_signin_link(services, "contact_a@advertiser.example", "10.0.0.4")
    assert issued is not None
    contact, secret = issued
    assert consume_signin_link(services, secret).id == contact.id
    with pytest.raises(Unauthorized, match="was used, has expired"):
        consume_signin_link(services, secret)
    again = create_signin_link(services, "contact_a@advertiser.example", "10.0.0.4")
    assert again is not None
    clock.advance(minutes=16)
    with pytest.raises(Unauthorized):
        consume_signin_link(services, again[1])
    sid, csrf = start_session(services, contact)
    found = session_principal(services, sid)
    assert found is not None and found[0].parties == contact.parties and found[1] == csrf
    clock.advance(hours=13)
    assert session_principal(services, sid) is None


def test_a_provider_sign_in_raced_by_the_users_creation_acts_as_the_user_created(
    services: Services, credentials: dict[str, Credential], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user is added between the sign-in's read and its write: it reads again and changes
    the roles as that user, as a sign-in after the user was added does."""
    admin = credentials["admin"].principal
    reads = services.read
    added: list[Principal] = []

    @contextmanager
    def read_then_add() -> Iterator[Session]:
        with reads() as session:
            yield session
        if not added:
            added.append(add_user(services, admin, NewUser("late@x.example", roles=("viewer",))))

    monkeypatch.setattr(services, "read", read_then_add)
    signed_in = sign_in_oidc(services, "https://idp.example", "late@x.example", None, ANALYST)
    monkeypatch.undo()
    assert signed_in.id == added[0].id and signed_in.roles == ANALYST
    with services.read() as session:
        events = list(stored_events(session, frozenset({"user:add", "user:roles"})))
    assert [(e.actor, e.action, e.subject) for e in events[-2:]] == [
        (admin.id, "user:add", added[0].id),
        (added[0].id, "user:roles", added[0].id),
    ]


ANALYST = frozenset({Role.ANALYST})
