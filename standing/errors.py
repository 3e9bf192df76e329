"""Errors the domain raises; the web layer maps them to JSON errors, the CLI to messages."""

from __future__ import annotations


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
