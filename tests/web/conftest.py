"""Page tests drive the real app in-process with FastAPI's TestClient: real engine, real templates."""

from __future__ import annotations

import warnings
from collections.abc import Callable

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # starlette warns that its TestClient will move to httpx2; the client itself works as before
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from pageforms import all_flags

from nerveroot.web.app import create_app


@pytest.fixture(scope="session")
def client() -> TestClient:
    return TestClient(create_app(), raise_server_exceptions=False)


@pytest.fixture
def to_body_map(client: TestClient) -> Callable[..., str]:
    """Answer the red flags (all "no" unless overridden) and return the body-map page."""

    def go(**overrides: str) -> str:
        r = client.post("/check/red-flags", data=all_flags(**overrides))
        assert r.status_code == 200, r.text
        assert "Where do you feel it?" in r.text
        return r.text

    return go
