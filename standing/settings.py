"""Configuration, read from ``STANDING_*`` environment variables and built where it is needed.

Nothing here runs at import: the CLI callback and ``create_app`` build a ``Settings`` and pass it
down, and tests build their own.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent
SHIPPED_POLICIES = PACKAGE_DIR.parent / "policies"
DEFAULT_DATABASE_URL = "sqlite:///./var/standing.db"


class Settings(BaseSettings):
    """Every setting of the service; see ``docs/settings.md``."""

    model_config = SettingsConfigDict(env_prefix="STANDING_", extra="ignore")

    database_url: str = Field(DEFAULT_DATABASE_URL, description="SQLAlchemy URL of the store.")
    policies: Path = Field(SHIPPED_POLICIES, description="Directory holding the policy YAML files.")
    gate_poll_interval_s: float = Field(
        0.1, description="How often a gate on SQLite polls the decision changelog (seconds)."
    )
    gate_stale_after_s: float = Field(
        5.0, description="A gate whose data is older than this is stale (seconds)."
    )
    gate_fail_closed: bool = Field(
        True, description="A stale gate denies every check (true) or keeps answering (false)."
    )
    gate_unknown_allowed: bool = Field(
        True, description="Whether an account the gate has never seen is allowed."
    )
    check_batch_limit: int = Field(
        100_000, description="Largest number of accounts one POST /api/v1/check may carry."
    )
    screening_cache: str = Field(
        "auto",
        description="Directory keeping built screeners; 'auto' beside a SQLite file, 'off'.",
    )
    public_url: str = Field(
        "http://127.0.0.1:8000",
        description="Where the public pages are served; links in exports start with it.",
    )
    api_token: str | None = Field(
        None,
        description="Retired: the check API takes service tokens (`standing tokens create "
        "--service NAME --scope check`); setting it is an error.",
    )
    smtp_url: str | None = Field(
        None,
        description="SMTP server for mail (smtp://host:port, smtps:// for TLS; user:password@ "
        "if it needs them); without it mail is written as .eml files under var/mail/.",
    )
    mail_from: str = Field(
        "standing <no-reply@standing.invalid>", description="The From address of mail sent."
    )
    mail_dir: str = Field(
        "auto",
        description="Where mail is written without an SMTP server; 'auto': beside a "
        "SQLite file (var/mail/), else ./var/mail/.",
    )
    oidc_issuer: str | None = Field(
        None, description="OpenID Connect issuer URL; staff may then sign in with it."
    )
    oidc_client_id: str | None = Field(None, description="OpenID Connect client id.")
    oidc_client_secret: str | None = Field(None, description="OpenID Connect client secret.")
    oidc_roles_claim: str = Field(
        "roles", description="The ID token claim whose values are standing roles."
    )

    @model_validator(mode="after")
    def _api_token_retired(self) -> Settings:
        if self.api_token:
            raise ValueError(
                "STANDING_API_TOKEN is retired: the check API takes service tokens; create one "
                "with `standing tokens create --service NAME --scope check` and unset it"
            )
        return self

    @model_validator(mode="after")
    def _oidc_complete(self) -> Settings:
        given = {
            "STANDING_OIDC_ISSUER": self.oidc_issuer,
            "STANDING_OIDC_CLIENT_ID": self.oidc_client_id,
            "STANDING_OIDC_CLIENT_SECRET": self.oidc_client_secret,
        }
        missing = [name for name, value in given.items() if not value]
        if self.oidc_issuer and missing:
            raise ValueError(
                f"OpenID Connect needs {' and '.join(missing)} with STANDING_OIDC_ISSUER"
            )
        if self.oidc_issuer and not self.oidc_issuer.startswith(("https://", "http://")):
            raise ValueError(f"STANDING_OIDC_ISSUER: {self.oidc_issuer!r} is not an http(s) URL")
        return self

    @model_validator(mode="after")
    def _stale_bound_leaves_room_for_polls(self) -> Settings:
        if self.gate_stale_after_s < 2 * self.gate_poll_interval_s:
            raise ValueError(
                f"gate_stale_after_s ({self.gate_stale_after_s:g}) must be at least twice "
                f"gate_poll_interval_s ({self.gate_poll_interval_s:g}), or a healthy gate would "
                "turn stale between two polls"
            )
        return self
