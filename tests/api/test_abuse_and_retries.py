"""Retries never book twice and never answer a saved booking with an error; abuse meets limits (issue 10)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from nerveroot.settings import Settings
from nerveroot.store import Booking, Slot, Store
from nerveroot.web.app import create_app
from store.databases import open_test_slots

SECRET = "test-secret-" + "x" * 40


def _body(slot_id: int, n: int = 0, email: str | None = None, phone: str | None = None) -> dict[str, object]:
    return {"slot_id": slot_id, "name": f"Person {n}", "email": email or f"p{n}@example.org",
            "phone": phone or f"+44 20 7946 {n:04d}", "consent": True}  # fmt: skip


def _app(database_url: str, **settings: object) -> TestClient:
    values: dict[str, object] = {"database_url": database_url, "secret_key": SECRET, "rate_limits": False}
    return TestClient(create_app(Settings(**{**values, **settings})))  # type: ignore[arg-type]


@pytest.fixture
def open_client(database_url: str) -> Iterator[TestClient]:
    with _app(database_url, max_future_bookings=0) as client:
        yield client


def test_a_retry_with_the_same_key_returns_the_same_booking(open_client: TestClient, store: Store) -> None:
    slot_id = open_test_slots(store, count=2)[0]
    headers = {"Idempotency-Key": "retry-0000-0001"}
    first = open_client.post("/api/v1/bookings", json=_body(slot_id), headers=headers)
    again = open_client.post("/api/v1/bookings", json=_body(slot_id), headers=headers)
    assert first.status_code == again.status_code == 201, again.text
    assert again.json() == first.json()  # the same reference and the same cancel token
    assert again.headers["idempotent-replayed"] == "true"
    token = again.json()["cancel_token"]
    assert (
        open_client.delete(
            f"/api/v1/bookings/{first.json()['reference']}", headers={"X-Cancel-Token": token}
        ).status_code
        == 204
    )
    with store.read() as session:
        assert len(session.scalars(select(Booking)).all()) == 1


def test_the_same_key_with_other_details_is_refused(open_client: TestClient, store: Store) -> None:
    first, second = open_test_slots(store, count=2)
    headers = {"Idempotency-Key": "retry-0000-0002"}
    assert open_client.post("/api/v1/bookings", json=_body(first), headers=headers).status_code == 201
    other = open_client.post("/api/v1/bookings", json=_body(second), headers=headers)
    assert other.status_code == 409 and other.json()["problems"][0]["path"] == "Idempotency-Key"
    with store.read() as session:
        assert session.get_one(Slot, second).status == "open"


def test_simultaneous_retries_make_one_booking(database_url: str, store: Store) -> None:
    slot_id = open_test_slots(store, count=1)[0]
    statuses: list[tuple[int, str]] = []
    barrier = threading.Barrier(8)
    with _app(database_url) as client:

        def send() -> None:
            barrier.wait()
            r = client.post(
                "/api/v1/bookings", json=_body(slot_id), headers={"Idempotency-Key": "twin-000000"}
            )
            statuses.append((r.status_code, r.json().get("reference", "")))

        threads = [threading.Thread(target=send) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert {s for s, _ in statuses} == {201} and len({ref for _, ref in statuses}) == 1, statuses


def test_one_client_in_a_loop_meets_429_with_retry_after(database_url: str, store: Store) -> None:
    ids = open_test_slots(store, count=12)
    with _app(database_url, rate_limits=True, rate_limit_booking="3/minute", max_future_bookings=0) as client:
        statuses = [client.post("/api/v1/bookings", json=_body(i, n)).status_code for n, i in enumerate(ids)]
        refused = client.post("/api/v1/bookings", json=_body(ids[-1], 99))
    assert statuses[:3] == [201, 201, 201] and set(statuses[3:]) == {429}
    assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.json()["error"].startswith("too many requests")


def test_slot_reads_and_cancels_are_limited_too(database_url: str) -> None:
    with _app(
        database_url, rate_limits=True, rate_limit_slots="5/minute", rate_limit_cancel="2/minute"
    ) as client:
        assert Counter(client.get("/api/v1/slots").status_code for _ in range(8)) == {200: 5, 429: 3}
        cancels = [client.delete("/api/v1/bookings/NR-2222-2222", headers={"X-Cancel-Token": "x"}).status_code
                   for _ in range(4)]  # fmt: skip
    assert cancels == [404, 404, 429, 429]


def test_at_most_n_upcoming_bookings_per_email_or_phone(database_url: str, store: Store) -> None:
    ids = open_test_slots(store, count=6)
    with _app(database_url, max_future_bookings=2) as client:
        same_email = [
            client.post("/api/v1/bookings", json=_body(i, n, email="Ada@Example.org"))
            for n, i in enumerate(ids[:3])
        ]
        same_phone = client.post("/api/v1/bookings", json=_body(ids[3], 7, phone="+44 (0)20 7946 0001"))
        other = client.post("/api/v1/bookings", json=_body(ids[4], 8))
        assert [r.status_code for r in same_email] == [201, 201, 409]
        assert same_email[2].json()["problems"][0]["path"] == "email"
        first = same_email[0].json()
        client.delete(
            f"/api/v1/bookings/{first['reference']}", headers={"X-Cancel-Token": first["cancel_token"]}
        )
        again = client.post("/api/v1/bookings", json=_body(ids[5], 9, email="ada@example.org"))
    assert same_phone.status_code == 201  # another phone number and email: a different person
    assert other.status_code == 201
    assert again.status_code == 201  # a cancelled booking no longer counts


def test_the_whole_diary_cannot_be_taken_by_one_person(database_url: str, store: Store) -> None:
    """The issue's probe: one client looping over every free slot with the same name and email."""
    ids = open_test_slots(store, count=20)
    with _app(database_url, rate_limits=True) as client:
        made = [client.post("/api/v1/bookings", json=_body(i, 1)).status_code for i in ids]
    assert made.count(201) == 2 and set(made) <= {201, 409, 429}
