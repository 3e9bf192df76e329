"""Alembic, driven from code: ``standing db upgrade`` and the test fixtures call these."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def check(engine: Engine) -> None:
    """Raise if the tables in code and the migrations disagree."""
    command.check(alembic_config(engine))


def is_current(engine: Engine) -> bool:
    """Whether the database is at the newest migration."""
    heads = set(ScriptDirectory.from_config(alembic_config(engine)).get_heads())
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
    return current == heads


def ensure_current(engine: Engine) -> bool:
    """Migrate the database to the newest revision if it is not there (a new database gets
    every table); returns whether anything was applied."""
    if is_current(engine):
        return False
    upgrade(engine)
    return True
