"""Prometheus metrics of the gate. They live in the default registry, which ``/metrics``
exposes; ``metrics_registry`` names it for code that wants to expose them elsewhere."""

from __future__ import annotations

from prometheus_client import REGISTRY, Gauge

metrics_registry = REGISTRY

staleness_seconds = Gauge(
    "standing_gate_staleness_seconds",
    "Seconds since the gate last confirmed it is up to date with the decision changelog.",
    registry=metrics_registry,
)
changelog_position = Gauge(
    "standing_gate_changelog_position",
    "The decision changelog position the gate's answers reflect.",
    registry=metrics_registry,
)
stale = Gauge(
    "standing_gate_stale",
    "1 while the gate's data is older than gate_stale_after_s, else 0.",
    registry=metrics_registry,
)
