"""Back up, erase, restore: the same records come back (docs/deploy.md), on SQLite with `nerveroot db
backup|restore` and on PostgreSQL with pg_dump and pg_restore as the deploy guide says."""

from __future__ import annotations

import glob
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from nerveroot.store import Store
from nerveroot.store.bookings import Contact, create_booking
from nerveroot.store.migrate import upgrade
from store.databases import open_test_slots

NERVEROOT = [sys.executable, "-m", "nerveroot"]


def _records(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            return {table: [tuple(row) for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
                    for table in ("slots", "bookings")}  # fmt: skip
    finally:
        engine.dispose()


def _fill(url: str) -> None:
    upgrade(url)
    store = Store(url)
    try:
        ids = open_test_slots(store, count=5)
        with store.write() as session:
            for n, slot_id in enumerate(ids[:3]):
                create_booking(session, slot_id=slot_id, contact=Contact(f"P{n}", f"p{n}@example.org", "0123456789"),
                               now=datetime.now(UTC), case={"age": 40 + n}, assessment={"triage": {"level": "routine"}})  # fmt: skip
    finally:
        store.dispose()


def test_sqlite_back_up_erase_restore(tmp_path: Path) -> None:
    path = tmp_path / "var" / "clinic.db"
    url = f"sqlite:///{path}"
    _fill(url)
    before = _records(url)
    assert len(before["bookings"]) == 3
    env = {"NERVEROOT_DATABASE_URL": url, "PATH": "/usr/bin:/bin"}
    backup = tmp_path / "backup.db"

    def db(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*NERVEROOT, "db", *args], check=False, env=env, capture_output=True, text=True, timeout=60
        )

    made = db("backup", str(backup))
    assert made.returncode == 0, made.stderr
    path.unlink()  # erased
    Path(f"{path}-wal").unlink(missing_ok=True)
    restored = db("restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert _records(url) == before
    again = db("backup", str(backup))
    assert again.returncode == 2 and "exists already" in again.stderr


@pytest.mark.postgres
def test_postgresql_back_up_erase_restore(tmp_path: Path) -> None:
    from store.databases import fresh_database

    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bins:
        pytest.skip("no PostgreSQL client tools")
    with fresh_database("postgresql", tmp_path) as url:
        _fill(url)
        before = _records(url)
        parsed = make_url(url)
        conn = [
            "-h",
            str(parsed.host),
            "-p",
            str(parsed.port),
            "-U",
            str(parsed.username),
            "-d",
            str(parsed.database),
        ]
        dump = tmp_path / "clinic.dump"
        subprocess.run([f"{bins[-1]}/pg_dump", "-Fc", "-f", str(dump), *conn], check=True, timeout=60)
        engine = create_engine(url)
        with engine.begin() as connection:  # erased
            connection.exec_driver_sql("DROP SCHEMA public CASCADE")
            connection.exec_driver_sql("CREATE SCHEMA public")
        engine.dispose()
        subprocess.run([f"{bins[-1]}/pg_restore", "--no-owner", *conn, str(dump)], check=True, timeout=60)
        assert _records(url) == before
        assert len(before["bookings"]) == 3
