"""The engine in-process (median, p99 per assessment) and `nerveroot batch` over many cases against the
floor of merely parsing and serialising the same lines with the json module."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.cases import varied_cases
from nerveroot.case import parse_case
from nerveroot.engine import assess

BATCH_CASES = int(os.environ.get("NERVEROOT_BENCH_CASES", "100000"))


def in_process(n: int = 5000) -> None:
    cases = [parse_case(c) for c in varied_cases(n, seed=11)]
    for c in cases[:200]:
        assess(c)  # warm caches
    times = []
    for c in cases:
        started = time.perf_counter_ns()
        assess(c)
        times.append((time.perf_counter_ns() - started) / 1e6)
    times.sort()
    p99 = times[int(len(times) * 0.99)]
    print(f"   assess() in-process, {n} varied cases: median {statistics.median(times):.3f} ms, p99 {p99:.3f} ms")


def batch() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cases.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for case in varied_cases(BATCH_CASES):
                fh.write(json.dumps(case) + "\n")
        started = time.perf_counter()
        with open(os.devnull, "w") as sink:
            for line in path.read_text(encoding="utf-8").splitlines():
                sink.write(json.dumps(json.loads(line)) + "\n")
        floor = time.perf_counter() - started
        out = Path(tmp) / "out.jsonl"
        started = time.perf_counter()
        with out.open("w") as fh:
            subprocess.run(
                [sys.executable, "-m", "nerveroot", "batch", str(path), "--json", "--no-progress"],
                stdout=fh, stderr=subprocess.DEVNULL, check=True,
            )  # fmt: skip
        wall = time.perf_counter() - started
        rows = sum(1 for _ in out.open())
    assert rows == BATCH_CASES, f"batch wrote {rows} rows for {BATCH_CASES} cases"
    print(f"   json floor (parse + serialise {BATCH_CASES} lines): {floor:.2f} s")
    print(
        f"   nerveroot batch --json over {BATCH_CASES} cases ({os.cpu_count()} cores): {wall:.2f} s, "
        f"{BATCH_CASES / wall:,.0f} cases/s, {wall / floor:.1f}x the json floor"
    )


def main() -> None:
    in_process()
    batch()
