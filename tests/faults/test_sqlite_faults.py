"""The default install (one `nerveroot serve` on SQLite) when its database file becomes read-only or is
deleted while serving: 503 with a message and Retry-After, never 500; the service comes back by itself
when the file does, without a restart; no booking answered 201 is ever lost (issue 10)."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from nerveroot.store import Booking, Store
from nerveroot.store.migrate import upgrade
from serving import booking_body, serve
from store.databases import open_test_slots

SLOTS = 24


@pytest.fixture
def database(tmp_path: Path) -> tuple[str, Path, list[int]]:
    path = tmp_path / "clinic.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    store = Store(url)
    try:
        ids = open_test_slots(store, count=SLOTS)
    finally:
        store.dispose()
    return url, path, ids


def _book(http: httpx.Client, slot_id: int, n: int) -> httpx.Response:
    return http.post(
        "/api/v1/bookings", json=booking_body(slot_id, n), headers={"Idempotency-Key": f"key-{n:08d}"}
    )


def _unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert int(response.headers["retry-after"]) > 0
    assert "database" in response.json()["error"] or "paused" in response.json()["error"]


def _until_booked(http: httpx.Client, slot_id: int, n: int, seconds: float = 15) -> httpx.Response:
    """The service recovers by itself: retry (same key) until the booking is made, within `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        response = _book(http, slot_id, n)
        if response.status_code != 503 or time.monotonic() > deadline:
            return response
        time.sleep(0.2)


def _stored_references(url: str) -> set[str]:
    store = Store(url)
    try:
        with store.read() as session:
            return set(session.scalars(select(Booking.reference)))
    finally:
        store.dispose()


def test_a_read_only_database_pauses_bookings_and_they_resume(
    database: tuple[str, Path, list[int]], tmp_path: Path
) -> None:
    url, path, ids = database
    confirmed: set[str] = set()
    with (
        serve(url, tmp_path, drop_root_override=True) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        for n in range(3):
            made = _book(http, ids[n], n)
            assert made.status_code == 201, made.text
            confirmed.add(made.json()["reference"])
        path.chmod(0o444)
        try:
            for n in range(3, 6):
                _unavailable(_book(http, ids[n], n))
            assert http.get("/api/v1/slots").status_code == 200  # reading still works
            page = http.post(
                "/api/v1/bookings", json=booking_body(ids[6], 6), headers={"accept": "text/html"}
            )
            assert page.status_code == 503
        finally:
            path.chmod(0o644)
        first = _until_booked(http, ids[3], 3)
        assert first.status_code == 201, first.text
        confirmed.add(first.json()["reference"])
        for n in range(7, 12):  # recovered: every request succeeds, no restart
            made = _book(http, ids[n], n)
            assert made.status_code == 201, made.text
            confirmed.add(made.json()["reference"])
        assert "Traceback" not in server.log_text()
    assert confirmed <= _stored_references(url)


def test_a_deleted_database_is_noticed_not_written_into_and_a_restore_resumes(
    database: tuple[str, Path, list[int]], tmp_path: Path
) -> None:
    url, path, ids = database
    backup = tmp_path / "backup.db"
    confirmed: set[str] = set()
    with serve(url, tmp_path) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        for n in range(3):
            made = _book(http, ids[n], n)
            assert made.status_code == 201, made.text
            confirmed.add(made.json()["reference"])
        with sqlite3.connect(path) as source, sqlite3.connect(backup) as copy:
            source.backup(copy)  # what `nerveroot db backup` does
        path.unlink()
        for n in range(3, 8):
            _unavailable(_book(http, ids[n], n))
        _unavailable(http.get("/api/v1/slots"))
        assert http.get("/readyz").status_code == 503 and http.get("/healthz").status_code == 200
        assert not path.exists(), "serving must never create an empty database in place of the lost one"
        assert not Path(f"{path}-wal").exists(), (
            "the deleted file's journal is closed, not left for a restore"
        )

        backup.rename(path)  # the operator restores the file
        first = _until_booked(http, ids[3], 3)
        assert first.status_code == 201, first.text
        confirmed.add(first.json()["reference"])
        for n in range(8, 12):
            made = _book(http, ids[n], n)
            assert made.status_code == 201, made.text
            confirmed.add(made.json()["reference"])
        assert http.get("/readyz").status_code == 200
        assert "Traceback" not in server.log_text()
    assert confirmed <= _stored_references(url)
