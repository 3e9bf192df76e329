"""Date options (``--until``, ``--since``, ``--submitted``): read as the domain reads them, a
bad one failing the command with the option's name."""

from __future__ import annotations

from datetime import datetime

from standing.cli.output import fail
from standing.clock import parse_moment
from standing.errors import StandingError


def parse_when(value: str | None, option: str) -> datetime | None:
    """An ISO date (midnight UTC) or date-time; a time without a zone is taken as UTC."""
    if value is None:
        return None
    try:
        return parse_moment(value, option)
    except StandingError as exc:
        fail(exc.message, error_code=exc.code)
