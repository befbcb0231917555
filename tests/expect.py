"""Expected answers of the case files (shared/cases/public.json and tests/cases/*.json), one check per key.

Each expectation becomes its own test id, so a failure names the case and what it expected.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from nerveroot.assessment import Assessment

ORDER = ["self_care", "routine", "prompt", "urgent", "emergency"]
REPO = Path(__file__).resolve().parents[1]
# ../shared beside the repository (as on main), or where NERVEROOT_SHARED_CASES points (a worktree)
SHARED_CASES = Path(
    os.environ.get("NERVEROOT_SHARED_CASES", REPO.parent / "shared" / "cases" / "public.json")
)
OWN_CASES = REPO / "tests" / "cases"
# cases written blind by helpers who never saw the engine (tests/cases/blind): the engine's own tests read them;
# kept in a folder of their own because they use sections (imaging) that not every surface carries yet
BLIND_CASES = OWN_CASES / "blind"


def load_cases(path: Path) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return cases


def expectations(cases: list[dict[str, Any]], *, kind: str) -> list[tuple[str, dict[str, Any], str, Any]]:
    """(case id, case input, expectation key, expected value) for every expectation of every case of a kind."""
    out = []
    for c in cases:
        is_text = "text" in c
        if (kind == "text") != is_text:
            continue
        payload = {"text": c["text"]} if is_text else c["case"]
        out.extend((c["id"], payload, key, value) for key, value in c["expect"].items())
    return out


def check(a: Assessment, key: str, expected: Any) -> tuple[bool, Any]:
    """Whether the assessment meets one expectation, and what it gave."""
    roots = a.roots
    top = roots[0] if roots else None
    level = a.triage.level
    if key == "pattern":
        return a.pattern.label == expected, a.pattern.label
    if key == "pattern_in":
        return a.pattern.label in expected, a.pattern.label
    if key == "top_root_in":
        return top is not None and top.root in expected, top.root if top else None
    if key == "side":
        return top is not None and top.side == expected, top.side if top else None
    if key == "top_cause_in":
        return bool(a.causes) and a.causes[0].cause in expected, a.causes[0].cause if a.causes else None
    if key == "triage_min":
        return ORDER.index(level) >= ORDER.index(expected), level
    if key == "triage_max":
        return ORDER.index(level) <= ORDER.index(expected), level
    if key == "calibration":
        return top is None or top.probability <= 0.7, top.probability if top else None
    if key == "consistent":
        got = (top.root, top.probability) if top else None
        return top is not None and top.root == expected and top.probability > 0.8, got
    if key == "top_mimic_in":
        got = a.mimics[0].mimic if a.mimics else None
        return got in expected, got
    if key == "no_mimic":
        got = [m.mimic for m in a.mimics]
        return expected not in got, got
    raise AssertionError(f"unknown expectation key {key!r}")


def as_params(rows: list[tuple[str, dict[str, Any], str, Any]]) -> list[Any]:
    """Expectations as pytest parameters, each with a readable id "<case id>-<key>"."""
    import pytest

    return [pytest.param(*row, id=f"{row[0]}-{row[2]}") for row in rows]
