"""Rendering the pages: one Jinja2 environment, and what every page knows (the version, who
is signed in, the CSRF token of its forms)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from standing import __version__

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    principal = request.state.principal if "principal" in request.state._state else None
    base = {
        "version": __version__,
        "principal": principal,
        "session_csrf": getattr(request.state, "csrf", None),
    }
    return TEMPLATES.TemplateResponse(request, name, {**base, **context}, status_code=status_code)
