"""The tables in code and the migrations agree (alembic check), on every backend."""

from __future__ import annotations

from standing.store.engine import make_engine
from standing.store.migrate import check


def test_models_match_migrations(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        check(engine)
    finally:
        engine.dispose()
