"""Configuration, read from ``STANDING_*`` environment variables and built where it is needed.

Nothing here runs at import: the CLI callback and ``create_app`` build a ``Settings`` and pass it
down, and tests build their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
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
    gate_on_replaced: Literal["reload", "fail"] = Field(
        "reload",
        description=(
            "What a following gate does when its database is replaced under it (a SQLite file "
            "restored over it): reload from it, or fail (turn stale)."
        ),
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

    dsa_api_url: str | None = Field(
        None,
        description="Base URL of the DSA Transparency Database API (`standing export dsa "
        "--submit`), e.g. https://transparency.dsa.ec.europa.eu/api/v1.",
    )
    dsa_api_token: str | None = Field(
        None, description="The platform's token for the DSA Transparency Database API."
    )
    audit_key: SecretStr | None = Field(
        None,
        description=(
            "Secret that keys the audit chain (HMAC-SHA256); 'new,old' after a rotation. "
            "Never stored in the database."
        ),
    )
    smtp_url: str | None = Field(
        None,
        description="SMTP server for notification mail (smtp://, smtp+starttls://, smtps://); "
        "unset writes .eml files to mail_dir.",
    )
    mail_from: str = Field(
        "standing <standing@localhost>", description="The From address of notification mail."
    )
    mail_dir: str = Field(
        "auto",
        description="Where mail is written without smtp_url; 'auto' is mail/ beside a SQLite "
        "file, ./var/mail otherwise.",
    )
    webhook_allow_private: bool = Field(
        False, description="Allow webhook endpoints on private, loopback and link-local addresses."
    )
    webhook_timeout_s: float = Field(10.0, gt=0, description="Timeout of one webhook request.")
    notify_retry_schedule_s: tuple[float, ...] = Field(
        (5, 300, 1800, 7200, 18000, 36000, 36000),
        min_length=1,
        description="Delays before each retry of a failed delivery (seconds; jittered by 20 %); "
        "after the last one the delivery is dead-lettered.",
    )
    notify_poll_interval_s: float = Field(
        1.0, gt=0, description="How often a looping worker looks for due messages (seconds)."
    )
    notify_batch: int = Field(100, ge=1, description="Deliveries one worker claims at a time.")
    notify_lease_s: float = Field(
        120.0,
        gt=0,
        description="How long a claimed delivery is left to its worker before another may "
        "retry it (seconds).",
    )
    review_digest_days: int = Field(
        3,
        ge=0,
        description="Reviewers get a daily digest of open appeals due within this many days "
        "(and overdue ones); 0 sends none.",
    )
    appeal_reminder_days: int = Field(
        14,
        ge=1,
        description="Contacts are reminded this many days before the appeal window closes.",
    )
    desk_claim_minutes: float = Field(
        30.0,
        gt=0,
        le=24 * 60,
        description="How long a claim on a case of the review desk lasts (minutes).",
    )

    @model_validator(mode="after")
    def _retry_delays_are_not_negative(self) -> Settings:
        if any(delay < 0 for delay in self.notify_retry_schedule_s):
            raise ValueError("notify_retry_schedule_s: a delay is negative")
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
