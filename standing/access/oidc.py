"""OpenID Connect, as a relying party: the authorization code flow with PKCE (S256), for staff
signing in with their organisation's account.

Authlib builds the authorization request and checks the ID token's claims (issuer, audience,
expiry, nonce, authorized party, access token hash); joserfc, Authlib's JOSE layer, verifies
its signature with the provider's published keys. httpx carries the calls to the provider.

What the browser must bring back (state, nonce, PKCE verifier, where to go next) travels in a
short-lived cookie sealed with AES-GCM (a JWE) under a key derived from the client secret:
the browser can neither read nor forge it, and every app process can open it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx
from authlib.common.security import generate_token
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from authlib.oidc.core import CodeIDToken
from joserfc import jwe, jwt
from joserfc.errors import InvalidKeyIdError, JoseError
from joserfc.jwk import KeySet, OctKey

from standing.access.model import Role
from standing.settings import Settings

#: How long a sign-in started at the provider may take to come back.
STATE_TTL_S = 600
#: How long the provider's configuration and keys are kept before being read again.
METADATA_TTL_S = 3600
#: What is asked of the provider: an ID token with the user's email and name.
SCOPE = "openid email profile"
#: Clock skew allowed when checking the ID token's times, in seconds.
LEEWAY_S = 60
TIMEOUT = httpx.Timeout(10.0)
#: Signature algorithms taken for ID tokens: asymmetric only (never "none", never a MAC).
SIGNING_ALGORITHMS = (
    "RS256",
    "RS384",
    "RS512",
    "PS256",
    "PS384",
    "PS512",
    "ES256",
    "ES384",
    "ES512",
    "EdDSA",
)
#: What a call to the provider may fail with: no answer, or an address that cannot be used.
UNREACHABLE = (httpx.HTTPError, httpx.InvalidURL)
_SEAL = {"alg": "dir", "enc": "A256GCM"}
_SEAL_ALGORITHMS = ["dir", "A256GCM"]


class SignInFailed(Exception):
    """A sign-in with the provider that cannot go on: what to tell the person, and the
    status of the page that says it."""

    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message


def enabled(settings: Settings) -> bool:
    return bool(settings.oidc_issuer and settings.oidc_client_id and settings.oidc_client_secret)


def redirect_uri(settings: Settings) -> str:
    return f"{settings.public_url.rstrip('/')}/login/oidc/callback"


# --- the sealed state cookie -----------------------------------------------------------------


@dataclass(frozen=True)
class Pending:
    """A sign-in sent to the provider and not back yet."""

    state: str
    nonce: str
    verifier: str
    next: str


def _seal_key(settings: Settings) -> OctKey:
    secret = (settings.oidc_client_secret or "").encode("utf-8")
    key = hmac.new(secret, b"standing: OpenID Connect sign-in state", hashlib.sha256).digest()
    return OctKey.import_key(key)


def new_pending(target: str) -> Pending:
    return Pending(generate_token(43), generate_token(43), generate_token(64), target)


def seal(settings: Settings, pending: Pending, now: float) -> str:
    payload = {
        "state": pending.state,
        "nonce": pending.nonce,
        "verifier": pending.verifier,
        "next": pending.next,
        "exp": int(now) + STATE_TTL_S,
    }
    data = json.dumps(payload).encode("utf-8")
    return jwe.encrypt_compact(_SEAL, data, _seal_key(settings), algorithms=_SEAL_ALGORITHMS)


def unseal(settings: Settings, sealed: str | None, now: float) -> Pending | None:
    """The pending sign-in a cookie holds; None when it is missing, forged or expired."""
    if not sealed or len(sealed) > 4096:
        return None
    try:
        opened = jwe.decrypt_compact(sealed, _seal_key(settings), algorithms=_SEAL_ALGORITHMS)
        payload = json.loads(opened.plaintext or b"")
        if not isinstance(payload, dict) or int(payload["exp"]) < now:
            return None
        return Pending(
            str(payload["state"]), str(payload["nonce"]), str(payload["verifier"]), payload["next"]
        )
    except (JoseError, ValueError, KeyError, TypeError):
        return None


# --- the provider ----------------------------------------------------------------------------


def _unavailable(issuer: str, what: str, exc: Exception | str) -> SignInFailed:
    reason = exc if isinstance(exc, str) else (str(exc) or type(exc).__name__)
    return SignInFailed(
        502,
        "The sign-in provider is not available",
        f"Your organisation's sign-in service ({issuer}) could not be reached for {what}: "
        f"{reason}. Try again in a moment, or sign in with your password.",
    )


def _json(response: httpx.Response, issuer: str, what: str) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise _unavailable(issuer, what, f"HTTP {response.status_code}, not a JSON object")
    return data


class Provider:
    """One identity provider: its configuration and keys (read once an hour, keys again
    when a token names one not seen yet), the code exchange and the ID token's checks."""

    def __init__(self, issuer: str, client_id: str, client_secret: str) -> None:
        self.issuer = issuer.rstrip("/")
        self.client_id = client_id
        self.client_secret = client_secret
        self._lock = threading.Lock()
        self._metadata: tuple[dict[str, Any], float] | None = None
        self._keys: tuple[KeySet, float] | None = None

    def metadata(self) -> dict[str, Any]:
        with self._lock:
            if self._metadata and time.monotonic() - self._metadata[1] < METADATA_TTL_S:
                return self._metadata[0]
        url = f"{self.issuer}/.well-known/openid-configuration"
        what = "its configuration"
        try:
            response = httpx.get(url, timeout=TIMEOUT)
        except UNREACHABLE as exc:
            raise _unavailable(self.issuer, what, exc) from exc
        if response.status_code != 200:
            raise _unavailable(self.issuer, what, f"HTTP {response.status_code} from {url}")
        data = _json(response, self.issuer, what)
        if str(data.get("issuer", "")).rstrip("/") != self.issuer:
            raise _unavailable(
                self.issuer, what, f"it names itself {data.get('issuer')!r}, not {self.issuer!r}"
            )
        for name in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
            if not isinstance(data.get(name), str):
                raise _unavailable(self.issuer, what, f"it has no {name}")
        with self._lock:
            self._metadata = (data, time.monotonic())
        return data

    def keys(self, refresh: bool = False) -> KeySet:
        with self._lock:
            if not refresh and self._keys and time.monotonic() - self._keys[1] < METADATA_TTL_S:
                return self._keys[0]
        what = "its signing keys"
        try:
            response = httpx.get(self.metadata()["jwks_uri"], timeout=TIMEOUT)
        except UNREACHABLE as exc:
            raise _unavailable(self.issuer, what, exc) from exc
        if response.status_code != 200:
            raise _unavailable(self.issuer, what, f"HTTP {response.status_code}")
        try:
            found = KeySet.import_key_set(_json(response, self.issuer, what))  # type: ignore[arg-type]
        except (JoseError, ValueError, KeyError, TypeError) as exc:
            raise _unavailable(self.issuer, what, f"its key set is not usable ({exc})") from exc
        with self._lock:
            self._keys = (found, time.monotonic())
        return found

    def authorization_url(self, settings: Settings, pending: Pending) -> str:
        url: str = prepare_grant_uri(
            self.metadata()["authorization_endpoint"],
            client_id=self.client_id,
            response_type="code",
            redirect_uri=redirect_uri(settings),
            scope=SCOPE,
            state=pending.state,
            nonce=pending.nonce,
            code_challenge=create_s256_code_challenge(pending.verifier),
            code_challenge_method="S256",
        )
        return url

    def exchange(self, settings: Settings, code: str, pending: Pending) -> dict[str, Any]:
        """The tokens for an authorization code (with the PKCE verifier that goes with it)."""
        metadata = self.metadata()
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri(settings),
            "code_verifier": pending.verifier,
        }
        methods = metadata.get("token_endpoint_auth_methods_supported") or []
        basic = "client_secret_basic" in methods or "client_secret_post" not in methods
        auth = (self.client_id, self.client_secret) if basic else None
        if not basic:
            form |= {"client_id": self.client_id, "client_secret": self.client_secret}
        what = "the sign-in"
        try:
            response = httpx.post(
                metadata["token_endpoint"],
                data=form,
                auth=auth,
                headers={"Accept": "application/json"},
                timeout=TIMEOUT,
            )
        except UNREACHABLE as exc:
            raise _unavailable(self.issuer, what, exc) from exc
        tokens = _json(response, self.issuer, what)
        if response.status_code != 200 or "error" in tokens:
            raise SignInFailed(
                401,
                "Sign-in refused by the provider",
                f"Your organisation's sign-in service refused to complete the sign-in "
                f"({_provider_error(tokens)}). Start again from the sign-in page.",
            )
        if not isinstance(tokens.get("id_token"), str):
            raise _unavailable(self.issuer, what, "its answer has no ID token")
        return tokens

    def verify(self, tokens: dict[str, Any], pending: Pending) -> dict[str, Any]:
        """The ID token's claims, once its signature, issuer, audience, times and nonce check
        out. Times are compared with the wall clock, which is what the provider stamps."""
        metadata = self.metadata()
        offered = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
        algorithms = [a for a in offered if a in SIGNING_ALGORITHMS]
        if not algorithms:
            raise _unavailable(self.issuer, "the sign-in", f"it signs ID tokens with {offered}")
        raw = tokens["id_token"]
        try:
            try:
                token = jwt.decode(raw, self.keys(), algorithms=algorithms)
            except InvalidKeyIdError:  # the provider rotated its keys
                token = jwt.decode(raw, self.keys(refresh=True), algorithms=algorithms)
            params: dict[str, Any] = {"nonce": pending.nonce, "client_id": self.client_id}
            if isinstance(tokens.get("access_token"), str):
                params["access_token"] = tokens["access_token"]
            claims = CodeIDToken(
                token.claims,
                token.header,
                {
                    "iss": {"essential": True, "value": metadata["issuer"]},
                    "aud": {"essential": True, "value": self.client_id},
                    "nonce": {"essential": True, "value": pending.nonce},
                },
                params,
            )
            claims.validate(leeway=LEEWAY_S)
        except (JoseError, ValueError, TypeError, KeyError) as exc:
            raise SignInFailed(
                401,
                "Sign-in not verified",
                f"The identity your organisation's sign-in service sent could not be verified "
                f"({_reason(exc)}). Start again from the sign-in page.",
            ) from exc
        return dict(claims)

    def userinfo(self, access_token: str, subject: str) -> dict[str, Any]:
        """The provider's userinfo for the ID token's subject ({} when it has none)."""
        url = self.metadata().get("userinfo_endpoint")
        if not isinstance(url, str):
            return {}
        what = "your profile"
        try:
            response = httpx.get(
                url, headers={"Authorization": f"Bearer {access_token}"}, timeout=TIMEOUT
            )
        except UNREACHABLE as exc:
            raise _unavailable(self.issuer, what, exc) from exc
        if response.status_code != 200:
            raise _unavailable(self.issuer, what, f"HTTP {response.status_code}")
        info = _json(response, self.issuer, what)
        if info.get("sub") != subject:
            raise _unavailable(self.issuer, what, "it describes another user than the ID token")
        return info


def _provider_error(answer: dict[str, Any]) -> str:
    code = str(answer.get("error", "no error code"))[:100]
    description = answer.get("error_description")
    return f"{code}: {str(description)[:300]}" if description else code


def provider_error(code: str, description: str | None) -> str:
    return _provider_error({"error": code, "error_description": description})


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return re.sub(r"[\x00-\x1f\x7f]", " ", text)[:300]


_providers: dict[tuple[str, str], Provider] = {}
_providers_lock = threading.Lock()


def provider(settings: Settings) -> Provider:
    """The provider the settings name, kept across requests (its configuration and keys)."""
    assert settings.oidc_issuer and settings.oidc_client_id and settings.oidc_client_secret
    key = (settings.oidc_issuer.rstrip("/"), settings.oidc_client_id)
    with _providers_lock:
        found = _providers.get(key)
        if found is None or found.client_secret != settings.oidc_client_secret:
            found = Provider(*key, settings.oidc_client_secret)
            _providers[key] = found
        return found


# --- who the provider says it is -------------------------------------------------------------


@dataclass(frozen=True)
class Identity:
    email: str
    name: str | None
    roles: frozenset[Role]


def claim(claims: dict[str, Any], name: str) -> object:
    """A claim by name; a dotted name also reaches into objects (``realm_access.roles``)."""
    if name in claims:
        return claims[name]
    value: object = claims
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def roles_from(value: object) -> frozenset[Role]:
    """The standing roles among a claim's values (a list, or one string of names separated by
    spaces or commas); other names are ignored, as providers put groups of every kind there."""
    if isinstance(value, str):
        names: list[object] = list(re.split(r"[\s,]+", value))
    elif isinstance(value, list | tuple):
        names = list(value)
    else:
        return frozenset()
    known = {r.value: r for r in Role}
    found = (known.get(n.strip().lower()) for n in names if isinstance(n, str))
    return frozenset(r for r in found if r is not None)


def identity(claims: dict[str, Any], roles_claim: str) -> Identity:
    email = claims.get("email")
    if not isinstance(email, str) or not email.strip():
        raise SignInFailed(
            403,
            "No email address",
            "Your organisation's sign-in service did not say your email address, which is how "
            "standing knows its users; ask your administrator to release the email claim.",
        )
    if claims.get("email_verified") in (False, "false"):
        raise SignInFailed(
            403,
            "Email address not verified",
            f"Your organisation's sign-in service has not verified {email.strip()[:320]}; "
            "standing only takes a verified address.",
        )
    name = claims.get("name")
    return Identity(
        email.strip(),
        name if isinstance(name, str) else None,
        roles_from(claim(claims, roles_claim)),
    )
