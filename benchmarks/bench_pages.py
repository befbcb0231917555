"""Server-side time of the patient pages, in-process (no network): what rendering costs per request.

Each page is requested REQUESTS times in a row through Starlette's test client against the real app
(real engine, real templates); the figures are p50 and p99 latency and the sequential request rate.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

from starlette.exceptions import StarletteDeprecationWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

REQUESTS = 300


def _client() -> TestClient:
    import secrets

    from nerveroot.settings import Settings
    from nerveroot.store.migrate import upgrade
    from nerveroot.web.app import create_app

    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    upgrade(url)  # each step of the check is kept in the database (web/journey.py)
    return TestClient(create_app(Settings(database_url=url, secret_key=secrets.token_urlsafe(48))))


def _measure(name: str, call: Callable[[], int]) -> None:
    for _ in range(10):
        call()
    times = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        status = call()
        times.append(time.perf_counter() - started)
        assert status < 500, f"{name} answered {status}"
    cuts = statistics.quantiles(times, n=100)
    print(
        f"   {name:<34} p50 {cuts[49] * 1000:6.1f} ms   p99 {cuts[98] * 1000:6.1f} ms"
        f"   {REQUESTS / sum(times):6.0f} req/s"
    )


def main() -> None:
    from nerveroot.web.screening import QUESTIONS

    client = _client()
    flags = {f"flag-{q.id}": "no" for q in QUESTIONS}
    history = {q.path.removeprefix("history."): False for q in QUESTIONS}
    case = {
        "age": 44,
        "pain": {"left": ["buttock", "lateral_calf"]},
        "numbness": {"left": ["dorsum_foot", "great_toe"]},
        "history": history,
    }
    marks = ["pain.left.buttock", "pain.left.lateral_calf", "numbness.left.great_toe"]
    body_map = {"case": json.dumps({"history": history}), "mark": marks, "go": "continue"}
    pages: dict[str, Callable[[], int]] = {
        "GET / (home)": lambda: client.get("/").status_code,
        "GET /check/red-flags": lambda: client.get("/check/red-flags").status_code,
        "POST /check/red-flags -> body map": lambda: client.post("/check/red-flags", data=flags).status_code,
        "POST /check/body-map -> next step": lambda: (
            client.post("/check/body-map", data=body_map).status_code
        ),
        "POST /check/result": lambda: (
            client.post("/check/result", data={"case": json.dumps(case)}).status_code
        ),
        "GET /learn/nerve-roots": lambda: client.get("/learn/nerve-roots").status_code,
    }
    print(f"   {REQUESTS} sequential requests per page, in-process")
    for name, call in pages.items():
        _measure(name, call)
