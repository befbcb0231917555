"""PostgreSQL stopped and started under a running server with several workers and clients booking at
the same time: 503 (never 500) while it is down, service back without a restart of ours, and the
bookings in the database are exactly those some client was told 201 about: none lost, none a ghost.

The test runs its own small cluster (it stops it), on loopback, bounded in requests and time.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from nerveroot.store import Booking, Store
from nerveroot.store.migrate import upgrade
from serving import booking_body, free_port, serve
from store.databases import open_test_slots

pytestmark = pytest.mark.postgres
CLIENTS = 6
PER_CLIENT = 8


class Cluster:
    def __init__(self, folder: Path) -> None:
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
        if not bins:
            pytest.skip("no PostgreSQL server binaries (scripts/install-system-deps.sh installs them)")
        self.bin = Path(bins[-1])
        self.folder = folder
        self.port = free_port()
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres")
        self._run("initdb", "-D", str(folder / "data"), "-U", "nerveroot", "--auth=trust", "-E", "UTF8")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run(
            [*self.as_postgres, str(self.bin / tool), *args], check=True, capture_output=True, timeout=60
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            "pg_ctl",
            "-D",
            str(self.folder / "data"),
            "-l",
            str(self.folder / "log"),
            "-w",
            "-o",
            options,
            "start",
        )

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://nerveroot@127.0.0.1:{self.port}/postgres"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    folder = Path(tempfile.mkdtemp(prefix="nerveroot-pg-", dir="/tmp"))  # the postgres user must reach it
    try:
        db = Cluster(folder)
        db.start()
        try:
            yield db
        finally:
            subprocess.run([*db.as_postgres, str(db.bin / "pg_ctl"), "-D", str(folder / "data"), "-m",
                            "immediate", "stop"], check=False, capture_output=True, timeout=60)  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_postgresql_stopped_and_started_mid_run(cluster: Cluster, tmp_path: Path) -> None:
    upgrade(cluster.url)
    store = Store(cluster.url)
    try:
        ids = open_test_slots(store, count=CLIENTS * PER_CLIENT, minutes=10)
    finally:
        store.dispose()
    told_201: set[str] = set()
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    stop_at = time.monotonic() + 90

    def client(c: int, url: str) -> None:
        with httpx.Client(base_url=url, timeout=30) as http:
            for i in range(PER_CLIENT):
                n = c * PER_CLIENT + i
                while time.monotonic() < stop_at:  # retry with the same key until answered for good
                    try:
                        response = http.post("/api/v1/bookings", json=booking_body(ids[n], n),
                                             headers={"Idempotency-Key": f"restart-{n:06d}"})  # fmt: skip
                    except httpx.TransportError:
                        with lock:
                            statuses[0] += 1
                        time.sleep(0.2)
                        continue
                    with lock:
                        statuses[response.status_code] += 1
                    if response.status_code == 201:
                        with lock:
                            told_201.add(response.json()["reference"])
                        break
                    assert response.status_code == 503, response.text
                    assert response.headers["retry-after"]
                    time.sleep(0.2)
                time.sleep(0.15)

    with serve(cluster.url, tmp_path, workers=2) as server:
        threads = [threading.Thread(target=client, args=(c, server.url)) for c in range(CLIENTS)]
        for t in threads:
            t.start()
        time.sleep(1.0)
        cluster.stop()
        time.sleep(2.0)
        with httpx.Client(base_url=server.url, timeout=30) as http:
            down = http.get("/api/v1/slots")
            assert down.status_code == 503 and down.headers["retry-after"], down.text
            assert http.get("/readyz").status_code == 503
        cluster.start()
        for t in threads:
            t.join(timeout=120)
        assert not any(t.is_alive() for t in threads)
        log = server.log_text()
    assert statuses[503] > 0, statuses  # the outage was seen
    assert set(statuses) <= {0, 201, 503}, statuses  # never a 500
    assert "Traceback" not in log
    store = Store(cluster.url)
    try:
        with store.read() as session:
            stored = set(session.scalars(select(Booking.reference)))
            per_slot = session.execute(select(Booking.slot_id, func.count()).group_by(Booking.slot_id)).all()
    finally:
        store.dispose()
    assert len(told_201) == CLIENTS * PER_CLIENT
    assert stored == told_201  # none lost, no ghost
    assert all(count == 1 for _, count in per_slot)
