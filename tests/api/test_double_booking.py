"""No double booking: 50 people press "book" for the same slot at the same moment.

A real server (`nerveroot serve`, four worker processes) on a real database, driven by 50 real threads
released together by a barrier. Exactly one gets 201; the other 49 get 409. The same for one person
booking many slots at once: the cap on upcoming bookings per email holds under the race.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from nerveroot.store import Booking, Slot, Store
from serving import serve
from store.databases import open_test_slots

PEOPLE = 50


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[str]:
    """Four worker processes; rate limits off (serve's default here): 50 bookings from one address, and this
    test is about the slot."""
    with serve(database_url, tmp_path, workers=4, log_level="warning") as running:
        yield running.url


def _book_together(server: str, bodies: list[dict[str, object]]) -> Counter[int]:
    """POST every body at the same moment (one thread each, released by a barrier); the status codes."""
    barrier = threading.Barrier(len(bodies))
    statuses: list[int] = []
    lock = threading.Lock()

    def book(body: dict[str, object]) -> None:
        with httpx.Client(base_url=server, timeout=60) as http:
            barrier.wait()
            status = http.post("/api/v1/bookings", json=body).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=book, args=(body,)) for body in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Counter(statuses)


def test_fifty_simultaneous_bookings_of_one_slot_give_one_booking(server: str, store: Store) -> None:
    slot_id = open_test_slots(store, count=2)[0]
    bodies: list[dict[str, object]] = [
        {"slot_id": slot_id, "name": f"Person {n}", "email": f"p{n}@example.org",
         "phone": f"+44 20 7946 {n:04d}", "consent": True}
        for n in range(PEOPLE)
    ]  # fmt: skip

    assert _book_together(server, bodies) == {201: 1, 409: PEOPLE - 1}
    with store.write() as session:
        active = session.scalars(select(Booking).where(Booking.slot_id == slot_id)).all()
        assert len(active) == 1
        assert session.get_one(Slot, slot_id).status == "booked"


def test_one_person_booking_many_slots_at_once_gets_no_more_than_the_cap(database_url: str, tmp_path: Path,
                                                                          store: Store) -> None:  # fmt: skip
    """The cap (NERVEROOT_MAX_FUTURE_BOOKINGS=2) is counted under a lock on the contact, so twenty racing
    requests from one email address, each for its own slot, leave two bookings, not one per worker."""
    ids = open_test_slots(store, count=20)
    bodies: list[dict[str, object]] = [
        {"slot_id": slot_id, "name": "Ada", "email": "ada@example.org", "phone": f"+44 20 7946 {n:04d}",
         "consent": True}
        for n, slot_id in enumerate(ids)
    ]  # fmt: skip
    env = {"NERVEROOT_MAX_FUTURE_BOOKINGS": "2"}
    with serve(database_url, tmp_path, workers=4, log_level="warning", env=env) as running:
        statuses = _book_together(running.url, bodies)

    assert statuses == {201: 2, 409: 18}
    with store.write() as session:
        assert len(session.scalars(select(Booking).where(Booking.email_key == "ada@example.org")).all()) == 2
