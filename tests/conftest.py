"""Shared fixtures.

Strategy: pure modules are tested without any fixture. Anything that touches the store takes
``database_url``, which is parametrised over SQLite (always) and PostgreSQL (when
``STANDING_TEST_POSTGRES_URL`` is set; an unreachable server then fails the run, it is never
skipped). Each test gets a freshly migrated database: a copy of a migrated SQLite file, or a
PostgreSQL database created from a migrated template.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

pytest_plugins = [
    "tests.fixtures.databases",
    "tests.fixtures.services",
    "tests.fixtures.principals",
    "tests.fixtures.cli",
]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real public list files in ``../shared/data`` (read-only, never copied here)."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"the real list files are not present at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def test_data() -> Path:
    """Small fixtures written for this project (``tests/data``)."""
    return Path(__file__).resolve().parent / "data"
