"""Readers and writers at the same time, on SQLite and PostgreSQL: reads never wait for the write lock,
writers queue instead of failing, and every slot ends with at most one booking (issue 10)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import func, select

from nerveroot.errors import Conflict
from nerveroot.store import Booking, Slot, Store
from nerveroot.store.bookings import Contact, create_booking
from nerveroot.store.slots import free_slots
from store.databases import open_test_slots

WRITERS = 12
READERS = 12
ROUNDS = 15


def test_concurrent_reads_and_writes(store: Store) -> None:
    ids = open_test_slots(store, count=20, minutes=15)
    outcomes: Counter[str] = Counter()
    read_times: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(WRITERS + READERS)

    def writer(w: int) -> None:
        start.wait()
        for r in range(ROUNDS):
            contact = Contact(f"W{w}", f"w{w}.{r}@example.org", f"0207946{w:02d}{r:02d}")
            try:
                with store.write() as session:
                    create_booking(
                        session, slot_id=ids[(w + r) % len(ids)], contact=contact, now=datetime.now(UTC)
                    )
                    time.sleep(0.002)  # hold the write lock a moment, as a real request would
                outcome = "booked"
            except Conflict:
                outcome = "taken"
            with lock:
                outcomes[outcome] += 1

    def reader() -> None:
        start.wait()
        for _ in range(ROUNDS):
            began = time.perf_counter()
            with store.read() as session:
                free_slots(session, start=datetime.now(UTC), end=datetime(2100, 1, 1, tzinfo=UTC))
            with lock:
                read_times.append(time.perf_counter() - began)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    threads += [threading.Thread(target=reader) for _ in range(READERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert sum(outcomes.values()) == WRITERS * ROUNDS  # every write answered: booked or taken, never an error
    assert outcomes["booked"] == len(ids)
    assert len(read_times) == READERS * ROUNDS
    # A read holds no write lock, so it never queues behind all the writers (12 x 15 x 2 ms = 0.36 s).
    assert sorted(read_times)[len(read_times) // 2] < 0.2
    with store.read() as session:
        per_slot = session.execute(select(Booking.slot_id, func.count()).group_by(Booking.slot_id)).all()
        assert all(count == 1 for _, count in per_slot) and len(per_slot) == len(ids)
        assert session.scalar(select(func.count()).select_from(Slot).where(Slot.status == "booked")) == len(
            ids
        )


def test_a_read_takes_no_write_lock_on_sqlite(tmp_path: object) -> None:
    """While a read transaction is open, a writer in another connection commits at once."""
    from pathlib import Path

    from nerveroot.store.migrate import upgrade

    url = f"sqlite:///{Path(str(tmp_path)) / 'x.db'}"
    upgrade(url)
    reader, writer = Store(url), Store(url)
    try:
        ids = open_test_slots(writer, count=2)
        with reader.read() as session:
            assert (
                len(free_slots(session, start=datetime.now(UTC), end=datetime(2100, 1, 1, tzinfo=UTC))) == 2
            )
            began = time.perf_counter()
            with writer.write() as other:
                create_booking(other, slot_id=ids[0], contact=Contact("A", "a@example.org", "0123456789"),
                               now=datetime.now(UTC))  # fmt: skip
            assert time.perf_counter() - began < 1
    finally:
        reader.dispose()
        writer.dispose()
