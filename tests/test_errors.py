"""One error document for the HTTP API and the CLI's ``--json``, and one error hierarchy."""

from __future__ import annotations

from standing.errors import (
    CheckError,
    DatabaseProblem,
    NotFound,
    StandingError,
    error_document,
)


def test_the_error_document() -> None:
    assert error_document("not_found", "no decision dec-1") == {
        "error": {"code": "not_found", "message": "no decision dec-1"}
    }


def test_errors_carry_their_code_status_and_message() -> None:
    problem = DatabaseProblem("database_unavailable", "cannot open database x")
    refused = CheckError(413, "too_large", "accounts: 2 accounts; the limit is 1")
    missing = NotFound("no account acct-1")
    assert isinstance(problem, StandingError) and isinstance(refused, StandingError)
    assert (problem.code, problem.message) == ("database_unavailable", "cannot open database x")
    assert (refused.status, refused.http_status, refused.code) == (413, 413, "too_large")
    assert (missing.code, missing.http_status) == ("not_found", 404)
    assert NotFound.http_status == 404  # an instance's status does not leak into the class
    assert CheckError.http_status == 400
