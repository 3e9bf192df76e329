"""Signing in through the real ``/login`` form and reading a page's CSRF token, for the page
tests."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.fixtures.principals import PASSWORD


def csrf_of(html: str) -> str:
    return html.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]


def sign_in(client: TestClient, email: str) -> None:
    """A session for ``email`` on ``client`` (its cookie jar), through the login form."""
    token = csrf_of(client.get("/login").text)
    done = client.post(
        "/login",
        data={"email": email, "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
