"""The JSON document of a value that services return: its fields, as the API and the CLI's
``--json`` print them."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def fields_json(view: DataclassInstance) -> dict[str, Any]:
    """``view``'s fields in their order: dates and times in ISO 8601, tuples as lists, the rest
    as they are."""
    return {f.name: _plain(getattr(view, f.name)) for f in fields(view)}


def _plain(value: Any) -> Any:
    if isinstance(value, date):  # a datetime is a date too
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value
