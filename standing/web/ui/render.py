"""Rendering the pages: one Jinja2 environment, and what every page knows (the version, who
is signed in, the CSRF token of its forms)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from standing import __version__

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))


def human_date(value: date | datetime | str | None) -> str:
    """A date as people read it: ``31 May 2027`` (ISO strings accepted; empty for None)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


def human_time(value: datetime | str | None) -> str:
    """A moment as people read it: ``31 May 2027, 14:05 UTC`` (never microseconds)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    zone = value.tzname() or "UTC"
    return f"{human_date(value)}, {value:%H:%M} {zone}"


TEMPLATES.env.filters["human_date"] = human_date
TEMPLATES.env.filters["human_time"] = human_time


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    principal = request.state.principal if "principal" in request.state._state else None
    base = {
        "version": __version__,
        "principal": principal,
        "session_csrf": getattr(request.state, "csrf", None),
    }
    return TEMPLATES.TemplateResponse(request, name, {**base, **context}, status_code=status_code)
