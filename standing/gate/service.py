"""Wiring for the web app: one following gate per worker, built from the services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from standing.gate.build import options_from_settings
from standing.gate.core import Gate

if TYPE_CHECKING:
    from standing.ports import Services


def start_gate(services: Services) -> Gate:
    """Load the gate from the services' store and start following its changelog."""
    return Gate.from_engine(
        services.engine,
        follow=True,
        options=options_from_settings(services.settings),
        clock=services.clock,
    )
