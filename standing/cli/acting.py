"""Who a command acts as: the ``--as`` option, and the principal a write or a read runs as."""

from __future__ import annotations

from typing import Annotated

import typer

from standing.access.model import Kind, Principal, Role
from standing.access.service import acting_as
from standing.bootstrap import Services
from standing.errors import Unauthorized

AsOpt = Annotated[
    str | None,
    typer.Option(
        "--as",
        envvar="STANDING_AS",
        help="Act as this user (email; or STANDING_AS): the audit log names them.",
        show_default=False,
    ),
]

#: Who reads when a read-only command is run without ``--as``: whoever can open the database
#: reads it anyway, so the console reads as staff (every case, audit and export); it can
#: write nothing.
CONSOLE = Principal(
    id="console",
    kind=Kind.STAFF,
    name="the database's operator",
    roles=frozenset({Role.VIEWER, Role.AUDITOR}),
)


def acting(services: Services, as_: str | None) -> Principal:
    """The principal a write command acts as: the active user named by ``--as``/STANDING_AS."""
    if as_ is None:
        raise Unauthorized(
            "who acts? give --as EMAIL (or set STANDING_AS) of a user holding the role; "
            "an admin adds users with `standing users add`"
        )
    return acting_as(services, as_)


def reading(services: Services, as_: str | None) -> Principal:
    """The principal a read command reads as: ``--as`` when given, else the console."""
    return CONSOLE if as_ is None else acting_as(services, as_)
