from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from standing.bootstrap import Services
from standing.web.app import create_app
from tests.fixtures.principals import Credential


@pytest.fixture
def client(demo_graph: Services, credentials: dict[str, Credential]) -> Iterator[TestClient]:
    """The app on the demo graph, called as an analyst (other principals: pass their
    ``credentials[...].headers``)."""
    app = create_app(services=demo_graph)
    with TestClient(
        app, raise_server_exceptions=False, headers=credentials["analyst"].headers
    ) as c:
        yield c
