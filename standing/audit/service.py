"""Reading the audit log for an auditor: verifying it against the stored state, and its head."""

from __future__ import annotations

from standing.access.model import Permission, Principal, require
from standing.audit.chain import Anchor
from standing.audit.log import Head, Verification, head_of
from standing.audit.state import verify_store
from standing.ports import Services


def verify_audit(services: Services, viewer: Principal, expect: Anchor | None) -> Verification:
    """The hash chain (against the anchor ``expect``, when given), then the state against it."""
    require(viewer, Permission.AUDIT)
    with services.read() as session:
        return verify_store(session, services.audit_keys, expect)


def audit_head(services: Services, viewer: Principal) -> Head:
    """The log's position and head hash, to keep outside the database as an anchor."""
    require(viewer, Permission.AUDIT)
    with services.read() as session:
        return head_of(session)
