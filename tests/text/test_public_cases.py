"""Every free-text case of the shared case file holds (mirrors tests/engine/test_cases.py)."""

from __future__ import annotations

from typing import Any

import pytest

from expect import SHARED_CASES, as_params, check, expectations, load_cases
from nerveroot.service import assess_payload

SHARED = expectations(load_cases(SHARED_CASES), kind="text") if SHARED_CASES.exists() else []


@pytest.mark.skipif(not SHARED, reason=f"shared cases not found at {SHARED_CASES}")
@pytest.mark.parametrize(("case_id", "payload", "key", "expected"), as_params(SHARED))
def test_public_text_case(case_id: str, payload: dict[str, Any], key: str, expected: Any) -> None:
    ok, got = check(assess_payload(payload), key, expected)
    assert ok, f"{case_id}: expected {key}={expected!r}, got {got!r}"


def test_the_shared_text_cases_are_all_read() -> None:
    if not SHARED_CASES.exists():
        pytest.skip("shared cases absent")
    texts = [c for c in load_cases(SHARED_CASES) if "text" in c]
    assert len({c for c, *_ in SHARED}) == len(texts) >= 8
