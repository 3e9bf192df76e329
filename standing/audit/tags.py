"""Audit actions, ``subject:action``."""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    POLICY_LOAD = "policy:load"
    GRAPH_IMPORT = "graph:import"
    DECISION_RECORD = "decision:record"
    DECISION_LIFT = "decision:lift"
    DECISION_NOTICE = "decision:notice"
    LIST_IMPORT = "list:import"
    HIT_OPEN = "hit:open"
    HIT_REVIEW = "hit:review"
    APPEAL_FILE = "appeal:file"
    APPEAL_REVIEW = "appeal:review"
    WEBHOOK_ADD = "webhook:add"
    WEBHOOK_REMOVE = "webhook:remove"
    WEBHOOK_REPLAY = "webhook:replay"
