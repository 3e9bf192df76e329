"""Errors the domain raises; the web layer maps them to JSON errors, the CLI to messages.

Both speak one error document, `error_document`: ``{"error": {"code": ..., "message": ...}}``.
"""

from __future__ import annotations

from typing import Any


def error_document(code: str, message: str) -> dict[str, Any]:
    """The one shape of an error, in the HTTP API and in the CLI's ``--json`` output."""
    return {"error": {"code": code, "message": message}}


class StandingError(Exception):
    """Base class: a problem a user can understand and act on."""

    code = "error"
    http_status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(StandingError):
    code = "not_found"
    http_status = 404


class Invalid(StandingError):
    """The request or the input file is wrong; the message says where and why."""

    code = "invalid"
    http_status = 422


class Conflict(StandingError):
    code = "conflict"
    http_status = 409


class InvalidSpec(StandingError):
    """A policy or specification file is malformed (file, line and field in the message)."""

    code = "invalid_spec"
    http_status = 500


class Unauthorized(StandingError):
    """No credential, or one that is wrong, expired, revoked or of a disabled principal."""

    code = "unauthorized"
    http_status = 401


class Forbidden(StandingError):
    code = "forbidden"
    http_status = 403


class DatabaseProblem(StandingError):
    """The database is missing, unreachable, not migrated or refused a statement; ``code``
    says which (``database_unavailable``, ``database_not_migrated``, ``database_error``)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class CheckError(StandingError):
    """A refused request to the gate's check routes, with its HTTP status and error code."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = self.http_status = status
        self.code = code
