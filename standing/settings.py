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
        None, description="Bearer token machine clients must present on the check API, if set."
    )
    audit_key: SecretStr | None = Field(
        None,
        description=(
            "Secret that keys the audit chain (HMAC-SHA256); 'new,old' after a rotation. "
            "Never stored in the database."
        ),
    )

    @model_validator(mode="after")
    def _stale_bound_leaves_room_for_polls(self) -> Settings:
        if self.gate_stale_after_s < 2 * self.gate_poll_interval_s:
            raise ValueError(
                f"gate_stale_after_s ({self.gate_stale_after_s:g}) must be at least twice "
                f"gate_poll_interval_s ({self.gate_poll_interval_s:g}), or a healthy gate would "
                "turn stale between two polls"
            )
        return self
