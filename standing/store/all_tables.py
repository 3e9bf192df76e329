"""Imports every module that declares tables, so the metadata is complete."""

from standing.store import access_tables, appeal_tables, screening_tables, tables  # noqa: F401
