"""Fresh databases for tests: a SQLite file, and a new PostgreSQL database per test on the throwaway
cluster that scripts/test.sh starts (NERVEROOT_TEST_POSTGRES_URL); PostgreSQL is skipped only when
that variable is unset."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from nerveroot.store import Store
from nerveroot.store.slots import open_slots

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
TZ = ZoneInfo("Europe/London")


@contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'nerveroot-test.db'}"
        return
    base = os.environ.get("NERVEROOT_TEST_POSTGRES_URL")
    if not base:
        pytest.skip("NERVEROOT_TEST_POSTGRES_URL is unset: run bash scripts/test.sh for PostgreSQL")
    name = f"nr_{uuid.uuid4().hex[:16]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def open_test_slots(store: Store, *, count: int = 4, days_ahead: int = 2, minutes: int = 30) -> list[int]:
    """Open `count` slots of `minutes` from 09:00 `days_ahead` days from now; return their ids."""
    from nerveroot.store.slots import all_slots

    now = datetime.now(UTC)
    day = now.astimezone(TZ).date() + timedelta(days=days_ahead)
    end = (datetime.combine(day, time(9, 0)) + timedelta(minutes=minutes * count)).time()
    with store.write() as session:
        open_slots(session, day=day, start=time(9, 0), end=end, minutes=minutes, tz=TZ, now=now)
        return [s.id for s in all_slots(session) if s.start.astimezone(TZ).date() == day]
