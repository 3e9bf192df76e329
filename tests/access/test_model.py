"""The permission table is DESIGN section 4b, row by row (pure)."""

from __future__ import annotations

import pytest

from standing.access.model import SYSTEM, Kind, Permission, Principal, Role, Scope, require
from standing.errors import Forbidden
from tests.principals import contact, service, staff

ROLES = list(Role)


def holders(permission: Permission) -> set[str]:
    out = {str(r) for r in Role if staff("x", r).may(permission)}
    if contact("c", "p").may(permission):
        out.add("contact")
    out |= {f"scope:{s}" for s in Scope if service("s", s).may(permission)}
    return out


@pytest.mark.parametrize(
    ("permission", "expected"),
    [
        (Permission.READ, {"viewer", "analyst", "reviewer", "auditor", "admin", "contact"}),
        (Permission.CHECK, {"scope:check"}),
        (Permission.IMPORT_GRAPH, {"analyst", "scope:screen", "scope:decide"}),
        (Permission.IMPORT_LIST, {"analyst", "scope:screen"}),
        (Permission.SCREEN, {"analyst", "scope:screen"}),
        (Permission.DECIDE, {"analyst", "scope:decide"}),
        (Permission.REVIEW_HIT, {"analyst", "scope:decide"}),
        (Permission.DECIDE_APPEAL, {"reviewer"}),
        (Permission.RECHECK, {"analyst", "reviewer"}),
        (Permission.FILE_APPEAL, {"contact"}),
        (Permission.AUDIT, {"auditor", "admin", "scope:export"}),
        (Permission.MANAGE_ACCESS, {"admin"}),
        (Permission.OWN_TOKENS, {"admin", "contact"}),
        (
            Permission.METRICS,
            {"viewer", "analyst", "reviewer", "auditor", "admin", "scope:metrics"},
        ),
    ],
)
def test_the_table_is_the_contract(permission: Permission, expected: set[str]) -> None:
    assert holders(permission) == expected


def test_refusals_say_what_is_needed() -> None:
    viewer = staff("v", Role.VIEWER)
    with pytest.raises(Forbidden, match="recording and lifting decisions needs the role analyst"):
        require(viewer, Permission.DECIDE)
    assert require(staff("a", Role.ANALYST), Permission.DECIDE).id == "usr-a"
    nobody = Principal(id="svc-x", kind=Kind.SERVICE, name="x")
    assert not any(
        nobody.may(p) for p in Permission if p not in (Permission.PUBLIC, Permission.AUTHENTICATED)
    )


def test_standing_itself_holds_no_grant() -> None:
    """The principal of what no person does: named ``standing`` on the log, allowed nothing."""
    assert SYSTEM.id == "standing"
    anyone = {Permission.PUBLIC, Permission.AUTHENTICATED}
    assert not [p for p in Permission if p not in anyone and SYSTEM.may(p)]
