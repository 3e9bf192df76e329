"""ASGI entry point for uvicorn workers: ``uvicorn --factory standing.web.asgi:create``."""

from __future__ import annotations

from fastapi import FastAPI

from standing.settings import Settings
from standing.web.app import create_app


def create() -> FastAPI:
    return create_app(Settings())
