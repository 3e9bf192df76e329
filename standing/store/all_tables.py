"""Imports every module that declares tables, so the metadata is complete."""

from standing.store import appeal_tables, notify_tables, screening_tables, tables  # noqa: F401
