"""Audit actions, ``subject:action``."""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    POLICY_LOAD = "policy:load"
    GRAPH_IMPORT = "graph:import"
    DECISION_RECORD = "decision:record"
    DECISION_LIFT = "decision:lift"
    DECISION_NOTICE = "decision:notice"
    DECISION_RECHECK = "decision:recheck"
    LIST_IMPORT = "list:import"
    HIT_OPEN = "hit:open"
    HIT_REVIEW = "hit:review"
    APPEAL_FILE = "appeal:file"
    APPEAL_REVIEW = "appeal:review"
    APPEAL_ATTACH = "appeal:attach"
    CASE_CLAIM = "case:claim"
    CASE_RELEASE = "case:release"
    CASE_NOTE = "case:note"
    USER_ADD = "user:add"
    USER_DISABLE = "user:disable"
    USER_PASSWORD = "user:password"  # noqa: S105 - an action name, not a secret
    USER_ROLES = "user:roles"
    TOKEN_CREATE = "token:create"  # noqa: S105
    TOKEN_REVOKE = "token:revoke"  # noqa: S105
    DISPUTE_RECORD = "dispute:record"
    DISPUTE_SETTLE = "dispute:settle"
    WEBHOOK_ADD = "webhook:add"
    WEBHOOK_REMOVE = "webhook:remove"
    WEBHOOK_REPLAY = "webhook:replay"
