from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nerveroot.settings import Settings
from nerveroot.store import Store
from nerveroot.store.migrate import upgrade
from nerveroot.web.app import create_app
from store.databases import BACKENDS, fresh_database

SECRET = "test-secret-" + "x" * 40


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        upgrade(url)
        yield url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    db = Store(database_url)
    yield db
    db.dispose()


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """The real app on a real, migrated database (SQLite and PostgreSQL)."""
    app = create_app(Settings(database_url=database_url, secret_key=SECRET))
    with TestClient(app) as test_client:
        yield test_client
