"""Every structured case with an expected answer holds: the shared public cases and our own."""

from __future__ import annotations

from typing import Any

import pytest

from expect import BLIND_CASES, OWN_CASES, SHARED_CASES, as_params, check, expectations, load_cases
from nerveroot.service import assess_payload

SHARED = expectations(load_cases(SHARED_CASES), kind="structured") if SHARED_CASES.exists() else []
OWN = [
    e for path in sorted(OWN_CASES.glob("*.json")) for e in expectations(load_cases(path), kind="structured")
]
BLIND = [
    e
    for path in sorted(BLIND_CASES.glob("*.json"))
    for e in expectations(load_cases(path), kind="structured")
]


@pytest.mark.skipif(not SHARED, reason=f"shared cases not found at {SHARED_CASES}")
@pytest.mark.parametrize(("case_id", "payload", "key", "expected"), as_params(SHARED))
def test_public_case(case_id: str, payload: dict[str, Any], key: str, expected: Any) -> None:
    ok, got = check(assess_payload(payload), key, expected)
    assert ok, f"{case_id}: expected {key}={expected!r}, got {got!r}"


@pytest.mark.parametrize(("case_id", "payload", "key", "expected"), as_params(OWN))
def test_own_case(case_id: str, payload: dict[str, Any], key: str, expected: Any) -> None:
    ok, got = check(assess_payload(payload), key, expected)
    assert ok, f"{case_id}: expected {key}={expected!r}, got {got!r}"


@pytest.mark.parametrize(("case_id", "payload", "key", "expected"), as_params(BLIND))
def test_blind_case(case_id: str, payload: dict[str, Any], key: str, expected: Any) -> None:
    """The blind development cases of issue 14 (the batch the triage rules were tuned on)."""
    ok, got = check(assess_payload(payload), key, expected)
    assert ok, f"{case_id}: expected {key}={expected!r}, got {got!r}"


def test_the_blind_cases_are_all_read() -> None:
    assert len({c for c, *_ in BLIND}) >= 150


def test_the_shared_cases_are_all_read() -> None:
    if not SHARED_CASES.exists():
        pytest.skip("shared cases absent")
    structured = [c for c in load_cases(SHARED_CASES) if "case" in c]
    assert len({c for c, *_ in SHARED}) == len(structured) > 10
