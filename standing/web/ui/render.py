"""Rendering the pages: one Jinja2 environment, and what every page knows (the version, who
is signed in, the CSRF token of its forms)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from standing import __version__
from standing.dates import human_date, human_moment, human_time

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))


TEMPLATES.env.filters["human_date"] = human_date
TEMPLATES.env.filters["human_time"] = human_time
TEMPLATES.env.filters["human_moment"] = human_moment


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    principal = request.state.principal if "principal" in request.state._state else None
    base = {
        "version": __version__,
        "principal": principal,
        "session_csrf": getattr(request.state, "csrf", None),
    }
    return TEMPLATES.TemplateResponse(request, name, {**base, **context}, status_code=status_code)
