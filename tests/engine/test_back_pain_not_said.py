"""Back pain that was not said is not "no back pain" (case.py: an absent field is unknown, never "no").

Words and JSON cases that name only the leg say nothing of the back; a body map that asked where it hurts
says "no back pain" itself (history.back_pain false), and so does a person who says it.
"""

from __future__ import annotations

from nerveroot.case import parse_case
from nerveroot.engine import assess
from nerveroot.engine.interview import apply_answer

LEG_ONLY = {
    "age": 45,
    "duration_weeks": 2,
    "pain": {"right": ["posterior_thigh", "posterior_calf", "lateral_foot"]},
}


def _pattern_reasons(case: dict[str, object]) -> set[str]:
    return {e.reason for e in assess(parse_case(case)).explanation if e.conclusion == "pattern"}


def test_leg_pain_alone_says_nothing_of_the_back() -> None:
    assert "no back or buttock pain" not in _pattern_reasons(LEG_ONLY)


def test_back_pain_said_to_be_absent_counts() -> None:
    said = {**LEG_ONLY, "history": {"back_pain": False}}
    assert "no back or buttock pain" in _pattern_reasons(said)


def test_the_interview_pain_map_says_no_back_pain_when_only_the_leg_is_marked() -> None:
    case, _ = apply_answer({}, "pain_map", {"left": ["posterior_calf"], "right": []})
    assert case["history"]["back_pain"] is False
    case, _ = apply_answer({}, "pain_map", {"left": ["low_back", "posterior_calf"], "right": []})
    assert "back_pain" not in case.get("history", {})
