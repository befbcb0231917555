"""Throughput and latency of POST /api/v1/assess against GET /healthz on one uvicorn worker.

The server runs as a subprocess (`nerveroot serve --workers 1`, SQLite in a temporary folder); the load
comes from this process: `CONCURRENCY` keep-alive connections driven by asyncio streams, for
`SECONDS` per endpoint (in alternating rounds) after a warm-up. Assess cycles through the public example cases, so the engine
does real, varied work. Target: assess at 70% or more of healthz throughput.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

CONCURRENCY = int(os.environ.get("BENCH_API_CONCURRENCY", "16"))
SECONDS = float(os.environ.get("BENCH_API_SECONDS", "10"))
ROUNDS = 5
WARMUP_SECONDS = 2.0
TARGET_RATIO = 0.70
CASES = Path(__file__).resolve().parents[1] / "tests" / "cases" / "core.json"


def _cases() -> list[bytes]:
    data = json.loads(CASES.read_text(encoding="utf-8"))
    rows = data["cases"] if isinstance(data, dict) else data
    bodies = [json.dumps(row["case"]).encode() for row in rows if isinstance(row, dict) and "case" in row]
    if not bodies:
        raise SystemExit(f"no cases found in {CASES}")
    return bodies


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _start_server(folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {
        **os.environ,
        "NERVEROOT_DATABASE_URL": f"sqlite:///{folder / 'bench.db'}",
        "NERVEROOT_SECRET_KEY": "bench-" + "k" * 40,
    }
    nerveroot = [sys.executable, "-m", "nerveroot"]
    subprocess.run([*nerveroot, "db", "upgrade"], env=env, cwd=folder, check=True, capture_output=True)
    command = [*nerveroot, "serve", "--port", str(port), "--workers", "1", "--log-level", "warning"]
    process = subprocess.Popen(command, env=env, cwd=folder)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return process, port
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the server did not start within 30 s")


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes) -> int:
    """Send one keep-alive HTTP/1.1 request and read the whole response; return its status."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    await reader.readexactly(length)
    return status


async def _load(port: int, requests: list[bytes], seconds: float) -> tuple[list[float], int]:
    """CONCURRENCY connections, each sending requests back to back for `seconds`: (latencies ms, errors).

    A lean asyncio client (pre-built requests, no client library per request) so that the load generator,
    not the server, is not what limits the figures on a small machine.
    """
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def worker(n: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        i = n
        try:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                status = await _exchange(reader, writer, requests[i % len(requests)])
                latencies.append((time.perf_counter() - started) * 1000)
                errors += status != 200
                i += CONCURRENCY
        finally:
            writer.close()
            await writer.wait_closed()

    await asyncio.gather(*(worker(n) for n in range(CONCURRENCY)))
    return latencies, errors


def _measure(port: int, endpoints: dict[str, list[bytes]]) -> dict[str, dict[str, float]]:
    """Alternate the endpoints in ROUNDS short windows, so a busy neighbour on the machine weighs on
    both alike and their ratio stays fair."""
    for requests in endpoints.values():
        asyncio.run(_load(port, requests, WARMUP_SECONDS))
    latencies: dict[str, list[float]] = {name: [] for name in endpoints}
    errors = dict.fromkeys(endpoints, 0)
    elapsed = dict.fromkeys(endpoints, 0.0)
    for _ in range(ROUNDS):
        for name, requests in endpoints.items():
            started = time.perf_counter()
            window, failed = asyncio.run(_load(port, requests, SECONDS / ROUNDS))
            elapsed[name] += time.perf_counter() - started
            latencies[name] += window
            errors[name] += failed
    rows = {}
    for name, values in latencies.items():
        cuts = statistics.quantiles(values, n=100)
        row = {"rps": len(values) / elapsed[name], "p50": cuts[49], "p99": cuts[98], "errors": errors[name]}
        print(
            f"   {name:<22} {row['rps']:8.0f} req/s   p50 {row['p50']:6.2f} ms   p99 {row['p99']:6.2f} ms"
            f"   ({len(values)} requests, {errors[name]} errors)",
            flush=True,
        )
        rows[name] = row
    return rows


def _post(path: str, body: bytes) -> bytes:
    head = f"POST {path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
    return head.encode() + f"content-length: {len(body)}\r\n\r\n".encode() + body


def main() -> None:
    bodies = _cases()
    healthz = [b"GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n"]
    assess = [_post("/api/v1/assess", body) for body in bodies]
    with tempfile.TemporaryDirectory(prefix="nerveroot-bench-") as folder:
        process, port = _start_server(Path(folder))
        try:
            print(f"   one uvicorn worker, {CONCURRENCY} concurrent connections, {SECONDS:g} s each, "
                  f"{len(bodies)} distinct cases, {os.cpu_count()} CPU(s)", flush=True)  # fmt: skip
            rows = _measure(port, {"GET /healthz": healthz, "POST /api/v1/assess": assess})
        finally:
            process.terminate()
            process.wait(timeout=15)
    ratio = rows["POST /api/v1/assess"]["rps"] / rows["GET /healthz"]["rps"]
    verdict = "meets" if ratio >= TARGET_RATIO else "below"
    print(
        f"   assess/healthz throughput ratio {ratio:.2f} ({verdict} the {TARGET_RATIO:.0%} target)",
        flush=True,
    )
