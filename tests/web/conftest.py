from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from standing.bootstrap import Services
from standing.web.app import create_app


@pytest.fixture
def client(demo_graph: Services) -> Iterator[TestClient]:
    with TestClient(create_app(services=demo_graph), raise_server_exceptions=False) as c:
        yield c
