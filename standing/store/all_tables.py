"""Imports every module that declares tables, so the metadata is complete."""

from standing.store import (  # noqa: F401
    access_tables,
    appeal_tables,
    desk_tables,
    notify_tables,
    screening_tables,
    tables,
    transparency_tables,
)
