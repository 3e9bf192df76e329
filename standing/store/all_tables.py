"""Imports every module that declares tables, so the metadata is complete."""

from standing.store import tables  # noqa: F401
