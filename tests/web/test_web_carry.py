"""The hidden case field: flattening to findings and merging back loses nothing (Back depends on it)."""

from __future__ import annotations

from typing import Any

import pytest

from expect import OWN_CASES, SHARED_CASES, load_cases
from nerveroot.case import case_json, parse_case
from nerveroot.errors import BadInput
from nerveroot.web import carry

CASES = [
    c
    for path in [*sorted(OWN_CASES.glob("*.json")), *([SHARED_CASES] if SHARED_CASES.exists() else [])]
    for c in load_cases(path)
    if "case" in c
]


@pytest.mark.parametrize("entry", CASES, ids=[c["id"] for c in CASES])
def test_flatten_then_merge_gives_the_same_case(entry: dict[str, Any]) -> None:
    case = case_json(parse_case(entry["case"]))
    rebuilt = carry.merge({}, carry.flatten(case))
    assert case_json(parse_case(rebuilt)) == case


def test_the_case_field_round_trips_and_refuses_an_unknown_field_by_name() -> None:
    case = {"age": 50, "pain": {"right": ["heel"]}, "history": {"fever": False}}
    assert carry.read_case(carry.dump_case(case)) == case
    with pytest.raises(BadInput) as err:
        carry.read_case('{"pain": {"right": ["heal"]}}')
    assert [p.path for p in err.value.problems] == ["case.pain.right.0"]
