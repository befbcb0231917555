"""Both legs and the cause: lasting two-sided claudication is stenosis's picture (suri_2010); both legs taken
within days, with the cauda equina's signs, is a large central disc's (findings.yaml bilateral_legs_new)."""

from __future__ import annotations

from typing import Any

from nerveroot.case import parse_case
from nerveroot.engine import assess

LEGS = {"left": ["posterior_thigh", "posterior_calf"], "right": ["posterior_thigh", "posterior_calf"]}


def _top_cause(case: dict[str, Any]) -> str:
    return assess(parse_case(case)).causes[0].cause


def test_both_legs_taken_within_days_with_saddle_numbness_at_40_is_a_disc() -> None:
    case = {
        "age": 40,
        "duration_weeks": 1,
        "pain": {**LEGS, "unknown": ["low_back"]},
        "history": {"bilateral_leg_symptoms_new": True, "saddle_numbness": True, "urinary_retention": True},
    }
    assert _top_cause(case) == "disc_herniation"


def test_two_years_of_claudication_in_both_legs_at_72_is_stenosis() -> None:
    case = {
        "age": 72,
        "duration_weeks": 104,
        "pain": LEGS,
        "history": {
            "bilateral_leg_symptoms_new": False,
            "worse_walking": True,
            "relieved_by_sitting_or_bending_forward": True,
        },
    }
    assert _top_cause(case) == "spinal_stenosis"
