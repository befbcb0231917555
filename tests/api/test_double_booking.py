"""No double booking: 50 people press "book" for the same slot at the same moment.

A real server (`nerveroot serve`, four worker processes) on a real database, driven by 50 real threads
released together by a barrier. Exactly one gets 201; the other 49 get 409.
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


def test_fifty_simultaneous_bookings_of_one_slot_give_one_booking(server: str, store: Store) -> None:
    slot_id = open_test_slots(store, count=2)[0]
    barrier = threading.Barrier(PEOPLE)
    statuses: list[int] = []
    lock = threading.Lock()

    def book(n: int) -> None:
        body = {
            "slot_id": slot_id, "name": f"Person {n}", "email": f"p{n}@example.org",
            "phone": f"+44 20 7946 {n:04d}", "consent": True,
        }  # fmt: skip
        with httpx.Client(base_url=server, timeout=60) as http:
            barrier.wait()
            status = http.post("/api/v1/bookings", json=body).status_code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=book, args=(n,)) for n in range(PEOPLE)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert Counter(statuses) == {201: 1, 409: PEOPLE - 1}
    with store.write() as session:
        active = session.scalars(select(Booking).where(Booking.slot_id == slot_id)).all()
        assert len(active) == 1
        assert session.get_one(Slot, slot_id).status == "booked"
