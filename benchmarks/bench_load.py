"""Bursts against a real server (issue 10), loopback only, bounded in requests and time.

1. The default install: one `nerveroot serve` process on SQLite. 200 concurrent slot reads, then 200
   concurrent bookings over 20 slots (ten people per slot), then one fresh request. Wanted: no 5xx, no
   time-out, no double booking, the fresh request answered within 5 s.
2. PostgreSQL with 4 workers: 1,000 bookings over 100 slots from 200 concurrent clients (each client
   books five times in a row). Wanted: exactly one booking per slot; p50/p95/p99 reported.

Rate limits are switched off for these runs (NERVEROOT_RATE_LIMITS=false): all the traffic comes from
one address here, and the point is the storage under a burst, not the limiter (tested separately).
"""

from __future__ import annotations

import asyncio
import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
from sqlalchemy import func, select

from nerveroot.store import Booking, Store
from nerveroot.store.migrate import upgrade
from nerveroot.store.slots import all_slots, open_slots

TIMEOUT_S = 60.0
TZ = ZoneInfo("Europe/London")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _open_slots(url: str, count: int) -> list[int]:
    store = Store(url)
    try:
        now = datetime.now(UTC)
        day = now.astimezone(TZ).date() + timedelta(days=2)
        end = (datetime.combine(day, clock(8, 0)) + timedelta(minutes=5 * count)).time()
        with store.write() as session:
            open_slots(session, day=day, start=clock(8, 0), end=end, minutes=5, tz=TZ, now=now)
        with store.read() as session:
            return [s.id for s in all_slots(session)]
    finally:
        store.dispose()


class Server:
    def __init__(self, url: str, folder: Path, workers: int) -> None:
        self.port = _free_port()
        env = {**os.environ, "NERVEROOT_DATABASE_URL": url, "NERVEROOT_SECRET_KEY": "bench-" + "k" * 40,
               "NERVEROOT_RATE_LIMITS": "false", "NERVEROOT_MAX_FUTURE_BOOKINGS": "0"}  # fmt: skip
        command = [sys.executable, "-m", "nerveroot", "serve", "--port", str(self.port), "--workers", str(workers),
                   "--log-level", "warning"]  # fmt: skip
        self.log = folder / "server.log"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(command, env=env, cwd=folder, stdout=out, stderr=subprocess.STDOUT)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start: {self.log.read_text()}")
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


async def _one(client: httpx.AsyncClient, method: str, path: str, **kw: object) -> tuple[int, float]:
    began = time.perf_counter()
    try:
        response = await client.request(method, path, **kw)  # type: ignore[arg-type]
        status = response.status_code
    except httpx.TimeoutException:
        status = -1  # a time-out
    except httpx.TransportError:
        status = -2  # the connection failed
    return status, time.perf_counter() - began


def _body(slot_id: int, n: int) -> dict[str, object]:
    return {"slot_id": slot_id, "name": f"Load {n}", "email": f"load{n}@example.org",
            "phone": f"+44 20 7946 {n % 10000:04d}", "consent": True}  # fmt: skip


async def _burst(url: str, requests: list[tuple[str, str, dict[str, object]]]) -> list[tuple[int, float]]:
    """Every request from its own client (its own connection), all released at once."""
    clients = [httpx.AsyncClient(base_url=url, timeout=TIMEOUT_S) for _ in requests]
    try:
        return await asyncio.gather(*(_one(c, m, p, **kw) for c, (m, p, kw) in zip(clients, requests, strict=True)))
    finally:
        await asyncio.gather(*(c.aclose() for c in clients))


async def _clients(url: str, slots: list[int], clients: int, each: int) -> list[tuple[int, float]]:
    """`clients` concurrent clients, each booking `each` times in a row (its own keep-alive connection)."""
    results: list[tuple[int, float]] = []

    async def client(c: int) -> None:
        async with httpx.AsyncClient(base_url=url, timeout=TIMEOUT_S) as http:
            for i in range(each):
                n = c * each + i
                slot = slots[n % len(slots)]
                key = {"Idempotency-Key": f"bench-{n:08d}"}
                results.append(await _one(http, "POST", "/api/v1/bookings", json=_body(slot, n), headers=key))

    await asyncio.gather(*(client(c) for c in range(clients)))
    return results


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _report(name: str, results: list[tuple[int, float]]) -> Counter[int]:
    statuses = Counter(s for s, _ in results)
    times = [t for _, t in results]
    print(f"   {name}: {len(results)} requests, statuses {dict(sorted(statuses.items()))}; "
          f"p50 {_pct(times, 0.5):.0f} ms, p95 {_pct(times, 0.95):.0f} ms, p99 {_pct(times, 0.99):.0f} ms, "
          f"max {max(times) * 1000:.0f} ms", flush=True)  # fmt: skip
    return statuses


def _check_one_per_slot(url: str, slots: int) -> tuple[int, int]:
    store = Store(url)
    try:
        with store.read() as session:
            rows = session.execute(
                select(Booking.slot_id, func.count()).where(Booking.cancelled_at.is_(None)).group_by(Booking.slot_id)
            ).all()
    finally:
        store.dispose()
    doubles = sum(1 for _, n in rows if n > 1)
    print(f"   slots booked: {len(rows)} of {slots}; slots with more than one booking: {doubles}", flush=True)
    return len(rows), doubles


def sqlite_burst() -> bool:
    folder = Path(tempfile.mkdtemp(prefix="nerveroot-load-"))
    url = f"sqlite:///{folder / 'clinic.db'}"
    upgrade(url)
    slots = _open_slots(url, 20)
    server = Server(url, folder, workers=1)
    try:
        print("== SQLite, one process: 200 concurrent slot reads, then 200 concurrent bookings over 20 slots")
        reads = _report("slot reads", asyncio.run(_burst(server.url, [("GET", "/api/v1/slots", {})] * 200)))
        requests = [("POST", "/api/v1/bookings", {"json": _body(slots[n % 20], n),
                     "headers": {"Idempotency-Key": f"burst-{n:06d}"}}) for n in range(200)]  # fmt: skip
        books = _report("bookings", asyncio.run(_burst(server.url, requests)))
        began = time.perf_counter()
        fresh = httpx.get(f"{server.url}/api/v1/slots", timeout=TIMEOUT_S).status_code
        after = time.perf_counter() - began
        print(f"   a fresh request after the burst: {fresh} in {after * 1000:.0f} ms", flush=True)
        booked, doubles = _check_one_per_slot(url, 20)
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
    bad = [s for s in (reads + books) if s < 0 or s >= 500]
    ok = not bad and books[201] == 20 and booked == 20 and doubles == 0 and fresh == 200 and after < 5
    print(f"   {'met' if ok else 'NOT MET'}: no 5xx or time-out, one booking per slot, fresh answer < 5 s")
    return ok


def postgres_clients() -> bool:
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bins:
        print("== PostgreSQL: skipped (no server binaries; make system-deps installs them)")
        return True
    folder = Path(tempfile.mkdtemp(prefix="nerveroot-pg-", dir="/tmp"))
    as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    port = _free_port()
    pg = Path(bins[-1])
    data = str(folder / "data")
    try:
        subprocess.run([*as_pg, str(pg / "initdb"), "-D", data, "-U", "nerveroot", "--auth=trust", "-E", "UTF8"],
                       check=True, capture_output=True)  # fmt: skip
        subprocess.run([*as_pg, str(pg / "pg_ctl"), "-D", data, "-l", str(folder / "log"), "-w", "-o",
                        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=100", "start"],
                       check=True, capture_output=True)  # fmt: skip
        url = f"postgresql+psycopg://nerveroot@127.0.0.1:{port}/postgres"
        upgrade(url)
        slots = _open_slots(url, 100)
        server = Server(url, folder, workers=4)
        try:
            print("== PostgreSQL, 4 workers: 1,000 bookings over 100 slots from 200 concurrent clients")
            began = time.perf_counter()
            results = asyncio.run(_clients(server.url, slots, clients=200, each=5))
            took = time.perf_counter() - began
            statuses = _report("bookings", results)
            print(f"   {len(results) / took:.0f} bookings answered per second ({took:.1f} s)", flush=True)
            booked, doubles = _check_one_per_slot(url, 100)
        finally:
            server.stop()
    finally:
        subprocess.run([*as_pg, str(pg / "pg_ctl"), "-D", data, "-m", "fast", "stop"], check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
    bad = [s for s in statuses if s < 0 or s >= 500]
    ok = not bad and statuses[201] == 100 and booked == 100 and doubles == 0
    print(f"   {'met' if ok else 'NOT MET'}: exactly one booking per slot, no 5xx or time-out")
    return ok


def main() -> None:
    sqlite_ok = sqlite_burst()
    postgres_ok = postgres_clients()
    if not (sqlite_ok and postgres_ok):
        print("   load targets NOT MET")


if __name__ == "__main__":
    main()
