"""Varied synthetic cases for benchmarks: every bundled case, re-drawn with a random age, duration, side
swap and a random subset of its findings, so no two lines repeat and no cache can help."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CASE_FILES = [REPO.parent / "shared" / "cases" / "public.json", *sorted((REPO / "tests" / "cases").glob("*.json"))]
PER_SIDE = ("pain", "numbness", "tingling", "sensation", "weakness", "reflexes", "tests")


def base_cases() -> list[dict[str, Any]]:
    out = []
    for path in CASE_FILES:
        if path.exists():
            out += [c["case"] for c in json.loads(path.read_text(encoding="utf-8"))["cases"] if "case" in c]
    return out


def _swap_sides(case: dict[str, Any]) -> dict[str, Any]:
    swapped = dict(case)
    for key in PER_SIDE:
        if key in case:
            swapped[key] = {("right" if s == "left" else "left"): v for s, v in case[key].items()}
    return swapped


def _thin(case: dict[str, Any], rnd: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in case.items():
        if key == "history" and isinstance(value, dict):
            kept = {k: v for k, v in value.items() if rnd.random() < 0.85}
            if kept:
                out[key] = kept
        elif rnd.random() < 0.92 or key in ("pain",):
            out[key] = value
    return out


def varied_cases(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    rnd = random.Random(seed)
    bases = base_cases()
    for _ in range(n):
        case = _thin(rnd.choice(bases), rnd)
        if rnd.random() < 0.5:
            case = _swap_sides(case)
        case["age"] = rnd.randint(18, 90)
        case.pop("age_at_onset", None)
        case["duration_weeks"] = round(rnd.uniform(0.5, 30), 1)
        yield case
