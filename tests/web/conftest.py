"""Page tests drive the real app in-process with FastAPI's TestClient: real engine, real templates, a real
(temporary, migrated) SQLite database for the pages of the check, and nothing written into the checkout."""

from __future__ import annotations

import secrets
import warnings
from collections.abc import Callable, Iterator

import pytest
from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    # starlette warns that its TestClient will move to httpx2; the client itself works as before
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

from pageforms import all_flags

from nerveroot.settings import Settings
from nerveroot.store.migrate import upgrade
from nerveroot.web.app import create_app


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web-db') / 'nerveroot.db'}"
    upgrade(url)
    return url


@pytest.fixture(scope="session")
def client(database_url: str) -> Iterator[TestClient]:
    settings = Settings(database_url=database_url, secret_key=secrets.token_urlsafe(48))
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def to_body_map(client: TestClient) -> Callable[..., str]:
    """Answer the red flags (all "no" unless overridden) and return the body-map page."""

    def go(**overrides: str) -> str:
        r = client.post("/check/red-flags", data=all_flags(**overrides))
        assert r.status_code == 200, r.text
        assert "Where do you feel it?" in r.text
        return r.text

    return go
