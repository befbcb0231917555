from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nerveroot.store import Store
from nerveroot.store.migrate import upgrade
from store.databases import BACKENDS, fresh_database


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database, once on SQLite and once on PostgreSQL."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A migrated database."""
    upgrade(database_url)
    db = Store(database_url)
    yield db
    db.dispose()
