"""``standing status`` (``standing_of``) on the audit's case of mixed thresholds: the answer
does not depend on how the party ids sort."""

from __future__ import annotations

import pytest

from standing.bootstrap import Services
from standing.decisions.service import standing_of
from standing.decisions.views import CapabilityStanding
from tests.gate import factories
from tests.principals import VIEWER

EDGES = [("s1", "m1", 90.0), ("m2", "m1", 10.0), ("s2", "m2", 100.0), ("m1", "y", 30.0)]


@pytest.mark.parametrize("swapped", [False, True])
def test_status_of_y_does_not_depend_on_id_order(services: Services, swapped: bool) -> None:
    rename = {"m1": "m2", "m2": "m1"} if swapped else {}
    m1 = rename.get("m1", "m1")
    factories.add_graph(
        services,
        parties=["s1", "s2", "m1", "m2", "y"],
        ownerships=[(rename.get(o, o), rename.get(a, a), s) for o, a, s in EDGES],
        accounts=[("ay", "y")],
    )
    factories.record(services, factories.decision("dec-high", "s1", threshold=75.0))
    factories.record(services, factories.decision("dec-low", "s2", threshold=25.0))
    for subject, via in (("y", [m1]), ("ay", ["y"])):
        caps = standing_of(services, subject, VIEWER).capabilities
        promote = next(c for c in caps if c.capability == "ads.promote")
        assert promote.allowed is False, subject
        assert list(promote.decisions) == ["dec-high", "dec-low"], subject
        assert list(promote.via) == via, subject


def test_a_decision_on_a_controlled_party_keeps_its_holdings_restricted(services: Services) -> None:
    """x is held 100 % by p (controlled decision at 25 %) and holds 30 % of y; a decision at 75 %
    on x itself does not stop y (and its account) being restricted."""
    factories.add_graph(
        services,
        parties=["p", "x", "y"],
        ownerships=[("p", "x", 100.0), ("x", "y", 30.0)],
        accounts=[("ay", "y")],
    )
    factories.record(services, factories.decision("dec-parent", "p", threshold=25.0))

    def promote(subject: str) -> CapabilityStanding:
        return standing_of(services, subject, VIEWER).capability("ads.promote")

    for subject in ("y", "ay"):
        assert list(promote(subject).decisions) == ["dec-parent"], subject
    factories.record(services, factories.decision("dec-x", "x", threshold=75.0))
    x = promote("x")
    assert x.allowed is False
    assert list(x.decisions) == ["dec-parent", "dec-x"]
    assert list(x.via) == ["p"]
    for subject, via in (("y", ["x"]), ("ay", ["y"])):
        got = promote(subject)
        assert got.allowed is False, subject
        assert list(got.decisions) == ["dec-parent", "dec-x"], subject
        assert list(got.via) == via, subject
