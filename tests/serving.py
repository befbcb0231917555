"""A real `nerveroot serve` in a subprocess on a free loopback port, for fault, load and log tests.

Traffic goes to 127.0.0.1 only; every helper is bounded in count and time.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

SECRET = "s" * 40
# Root is never refused a write by file modes; without these two capabilities it is, like anyone else.
AS_ORDINARY_ROOT = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search",
                    "--inh-caps", "-dac_override,-dac_read_search", "--"]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Server:
    url: str
    log: Path
    process: subprocess.Popen[bytes]

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def serve(
    database_url: str,
    folder: Path,
    *,
    workers: int = 1,
    env: dict[str, str] | None = None,
    log_level: str = "info",
    drop_root_override: bool = False,
) -> Iterator[Server]:
    port = free_port()
    environment = {
        **os.environ,
        "NERVEROOT_DATABASE_URL": database_url,
        "NERVEROOT_SECRET_KEY": SECRET,
        "NERVEROOT_RATE_LIMITS": "false",
        **(env or {}),
    }
    prefix: Sequence[str] = AS_ORDINARY_ROOT if drop_root_override and os.geteuid() == 0 else []
    command = [*prefix, sys.executable, "-m", "nerveroot", "serve", "--port", str(port),
               "--workers", str(workers), "--log-level", log_level]  # fmt: skip
    log = folder / f"server-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=folder, env=environment, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    server = Server(url, log, process)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {server.log_text()}")
            time.sleep(0.1)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def booking_body(slot_id: int, n: int) -> dict[str, object]:
    return {
        "slot_id": slot_id, "name": f"Person {n}", "email": f"person{n}@example.org",
        "phone": f"+44 20 7946 {n % 10000:04d}", "consent": True,
    }  # fmt: skip
