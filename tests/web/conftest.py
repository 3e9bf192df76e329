from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from standing.access.model import Principal
from standing.access.service import NewUser, add_user
from standing.appeals.service import file_appeal
from standing.bootstrap import Services
from standing.decisions.service import DecisionRequest, record_decision
from standing.web.app import create_app
from tests.decisions.helpers import FACTS, record_vendor_decision
from tests.fixtures.principals import PASSWORD, Credential


@pytest.fixture
def client(demo_graph: Services, credentials: dict[str, Credential]) -> Iterator[TestClient]:
    """The app on the demo graph, called as an analyst (other principals: pass their
    ``credentials[...].headers``)."""
    app = create_app(services=demo_graph)
    with TestClient(
        app, raise_server_exceptions=False, headers=credentials["analyst"].headers
    ) as c:
        yield c


#: The app with a client that sends no credential, every principal's credentials, and the
#: ids of two decisions: ``kaspersky`` (reaching contact A's companies) and ``shop`` (contact
#: B's).
World = tuple[TestClient, dict[str, Credential], dict[str, str]]


@pytest.fixture
def world(demo_graph: Services, credentials: dict[str, Credential]) -> Iterator[World]:
    kaspersky = record_vendor_decision(demo_graph).decision.id
    shop = record_vendor_decision(
        demo_graph,
        subject="brightdeal-shop",
        rule="deceptive-business-practices",
        facts="BrightDeal Shop advertised 90 percent discounts on 2026-03-02 that no checkout "
        "applied, in 41 complaints to the Verbraucherzentrale.",
    ).decision.id
    with TestClient(create_app(services=demo_graph), raise_server_exceptions=False) as client:
        yield client, credentials, {"kaspersky": kaspersky, "shop": shop}


def own_decision_appealed(services: Services, admin: Principal) -> str:
    """Four eyes: an appeal against a decision that ``both@test.example`` (an analyst and a
    reviewer, password ``PASSWORD``) recorded itself; returns the appeal's id."""
    both = add_user(
        services,
        admin,
        NewUser("both@test.example", roles=("analyst", "reviewer"), password=PASSWORD),
    )
    media = add_user(
        services,
        admin,
        NewUser("media@advertiser.example", parties=("ano-tv-novosti",), password=PASSWORD),
    )
    request = DecisionRequest(
        subject="ano-tv-novosti",
        rule="state-controlled-media",
        facts=FACTS["ano-tv-novosti"],
        evidence=("Russian federal budget law 2026, line 1202",),
    )
    own = record_decision(services, request, both).decision.id
    return file_appeal(
        services,
        own,
        "ANO TV-Novosti has had an independent board since 2026-02-01; its minutes show it.",
        media,
    ).id
