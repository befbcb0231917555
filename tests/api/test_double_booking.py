"""No double booking: 50 people press "book" for the same slot at the same moment.

A real server (`nerveroot serve`, four worker processes) on a real database, driven by 50 real threads
released together by a barrier. Exactly one gets 201; the other 49 get 409.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from nerveroot.store import Booking, Slot, Store
from store.databases import open_test_slots

PEOPLE = 50


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {
        **os.environ, "NERVEROOT_DATABASE_URL": database_url, "NERVEROOT_SECRET_KEY": "s" * 40,
        "NERVEROOT_RATE_LIMITS": "false",  # 50 bookings from one address: this test is about the slot
    }  # fmt: skip
    command = [
        sys.executable,
        "-m",
        "nerveroot",
        "serve",
        "--port",
        str(port),
        "--workers",
        "4",
        "--log-level",
        "warning",
    ]
    log = tmp_path / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {log.read_text()}")
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=15)


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
