"""Credentials: tokens, session ids and sign-in links (random, stored as SHA-256 digests) and
passwords (argon2id, through pwdlib)."""

from __future__ import annotations

import hashlib
import secrets
from functools import lru_cache

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

TOKEN_PREFIX = "stk_"  # noqa: S105 - the public prefix of every token
TOKEN_BYTES = 32


def new_token() -> str:
    """A bearer token: ``stk_`` and 32 random bytes, URL-safe base64."""
    return TOKEN_PREFIX + secrets.token_urlsafe(TOKEN_BYTES)


def new_secret() -> str:
    """A session id, CSRF token or sign-in link secret: 32 random bytes."""
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What the store keeps of a secret: its SHA-256, hex."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=1)
def _hasher() -> PasswordHash:
    return PasswordHash((Argon2Hasher(),))


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, hashed: str | None) -> bool:
    """Whether ``password`` matches; with no hash, a dummy verification of the same cost runs,
    so an unknown account takes as long as a wrong password."""
    if hashed is None:
        _hasher().verify(password, _dummy_hash())
        return False
    try:
        return _hasher().verify(password, hashed)
    except Exception:  # a malformed stored hash never signs anyone in
        return False


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password(secrets.token_urlsafe(16))


MIN_PASSWORD = 12
MAX_PASSWORD = 1024


def password_problem(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return f"password: at least {MIN_PASSWORD} characters"
    if len(password) > MAX_PASSWORD:
        return f"password: at most {MAX_PASSWORD} characters"
    return None
