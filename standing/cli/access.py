"""``standing users`` and ``standing tokens``: who may act, and the credentials they act with."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Annotated

import typer
from rich.table import Table

from standing.access.service import (
    NewUser,
    add_user,
    create_token,
    disable_user,
    list_tokens,
    list_users,
    revoke_token,
    set_password,
)
from standing.cli.acting import AsOpt, acting
from standing.cli.database import DatabaseOpt, services_for
from standing.cli.moments import parse_when
from standing.cli.output import JsonOpt, answer, console, emit_json, fail
from standing.cli.root import command_group

PasswordStdinOpt = Annotated[
    bool,
    typer.Option(
        "--password-stdin",
        help="Read a password for signing in to the pages from standard input (one line).",
    ),
]


def _read_password() -> str:
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        fail("--password-stdin: no password on standard input")
    return password


def _table(*columns: str) -> Table:
    """A table whose cells wrap rather than cut: ids and emails are copied from it."""
    table = Table()
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


app = typer.Typer()

users = command_group(app, "users", "Staff users and advertiser contacts.")
tokens = command_group(app, "tokens", "Bearer tokens for the API.")


@users.command("add")
def users_add(
    email: Annotated[str, typer.Argument(help="The user's email (their sign-in name).")],
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role", help="Staff role: viewer, analyst, reviewer, auditor, admin (repeatable)."
        ),
    ] = None,
    party: Annotated[
        list[str] | None,
        typer.Option("--party", help="Party id an advertiser contact speaks for (repeatable)."),
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="Display name.")] = None,
    password_stdin: PasswordStdinOpt = False,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Add a staff user (--role) or an advertiser contact bound to parties (--party). On a
    database with no admin yet, the first admin needs no --as."""
    password = _read_password() if password_stdin else None
    with services_for(database, write=True) as services:
        actor = None if as_ is None else acting(services, as_)
        added = add_user(
            services,
            actor,
            NewUser(
                email=email,
                roles=tuple(role or ()),
                parties=tuple(party or ()),
                name=name,
                password=password,
            ),
        )
    if json:
        emit_json(added.to_json())
        return
    what = (
        "roles " + ", ".join(sorted(added.roles))
        if added.roles
        else "contact for " + ", ".join(sorted(added.parties))
    )
    console.print(f"added {added.email} ({added.id}), {what}")


@users.command("password")
def users_password(
    email: Annotated[str, typer.Argument(help="Whose password (an admin's or your own).")],
    as_: AsOpt = None,
    database: DatabaseOpt = None,
) -> None:
    """Set a password for signing in to the pages, read from standard input."""
    password = _read_password()
    with services_for(database, write=True) as services:
        set_password(services, acting(services, as_), email, password)
    console.print(f"password set for {email.strip().lower()}")


@users.command("list")
def users_list(as_: AsOpt = None, json: JsonOpt = False, database: DatabaseOpt = None) -> None:
    """Every staff user and contact."""
    with services_for(database) as services:
        rows = list_users(services, acting(services, as_))
    if json:
        emit_json({"users": [u.to_json() for u in rows]})
        return
    table = _table("email", "id", "kind", "roles / parties", "active")
    for u in rows:
        table.add_row(
            u.email,
            u.id,
            u.kind,
            ", ".join(u.roles or u.parties),
            "yes" if u.active else "[red]disabled[/]",
        )
    console.print(table)


@users.command("disable")
def users_disable(
    email: Annotated[str, typer.Argument(help="The user to disable.")],
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Disable a user: their sessions end and their tokens stop working."""
    with services_for(database, write=True) as services:
        row = disable_user(services, acting(services, as_), email)
    answer(json, row.to_json(), f"disabled {row.email}")


@tokens.command("create")
def tokens_create(
    user: Annotated[str | None, typer.Option("--user", help="A token acting as this user.")] = None,
    service: Annotated[
        str | None,
        typer.Option("--service", help="A token for this service client (created if new)."),
    ] = None,
    scope: Annotated[
        list[str] | None,
        typer.Option(
            "--scope",
            help="A service token's scope: check, screen, decide, export, metrics.",
        ),
    ] = None,
    expires: Annotated[
        str | None, typer.Option("--expires", help="Expiry date or moment (ISO 8601).")
    ] = None,
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Create a bearer token; it is printed once and only its hash is kept."""
    until = parse_when(expires, "--expires")
    with services_for(database, write=True) as services:
        issued = create_token(
            services,
            acting(services, as_),
            user=user,
            service=service,
            scopes=tuple(scope or ()),
            expires_at=until,
        )
    if json:
        emit_json({"id": issued.id, "token": issued.token, **issued.to_json()})
        return
    console.print(f"token {issued.id} for {issued.principal}; shown once, keep it safe:")
    typer.echo(issued.token)


@tokens.command("list")
def tokens_list(as_: AsOpt = None, json: JsonOpt = False, database: DatabaseOpt = None) -> None:
    """Tokens (never the secrets): every one for an admin, your own for a contact."""
    with services_for(database) as services:
        rows = list_tokens(services, acting(services, as_))
    if json:
        emit_json({"tokens": [t.to_json() for t in rows]})
        return
    table = _table("token", "for", "scopes", "state", "expires", "last used")
    for t in rows:
        table.add_row(
            t.id,
            t.name,
            ", ".join(t.scopes) or "(the user's roles)",
            t.state,
            _moment(t.expires_at),
            _moment(t.last_used_at),
        )
    console.print(table)


def _moment(value: datetime | None) -> str:
    """A moment to the second, as the token table shows it."""
    return value.isoformat()[:19] if value else "never"


@tokens.command("revoke")
def tokens_revoke(
    token: Annotated[str, typer.Argument(help="Token id (tok-...).")],
    as_: AsOpt = None,
    json: JsonOpt = False,
    database: DatabaseOpt = None,
) -> None:
    """Revoke a token: it stops working at once."""
    with services_for(database, write=True) as services:
        row = revoke_token(services, acting(services, as_), token)
    answer(json, row.to_json(), f"revoked {row.id}")
