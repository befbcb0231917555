"""The interview does not stop below a red-flag rule it has not asked about (issue 14).

Each person answers from their full case ("not sure" where it does not say); the interview's triage must reach
the full case's. The near misses must not be raised by the extra questions.
"""

from __future__ import annotations

from typing import Any

import pytest
from simulate import simulate

from nerveroot.case import parse_case
from nerveroot.engine import assess
from nerveroot.engine.interview import next_step
from nerveroot.interview.evaluate import _evaluate, _key
from nerveroot.interview.floor import floor_questions
from nerveroot.interview.flow import _bank, _open_questions

BACK = {"pain": {"left": ["low_back"], "right": ["low_back"]}}

PEOPLE = [
    # the review's example: after "no" to a significant injury, steroids were never asked
    (
        "steroids-78-sudden",
        {**BACK, "age": 78, "onset": "sudden", "duration_weeks": 1,
         "history": {"significant_trauma": False, "osteoporosis_or_steroid_use": True}},
        "prompt",
    ),
    ("near-miss-30-no-steroids", {**BACK, "age": 30, "onset": "sudden", "duration_weeks": 1,
                                  "history": {"significant_trauma": False, "osteoporosis_or_steroid_use": False}}, "self_care"),
    ("fall-from-standing-78", {**BACK, "age": 78, "duration_weeks": 1, "history": {"minor_trauma": True}}, "prompt"),
    ("thoracic-pain-63", {**BACK, "age": 63, "duration_weeks": 4, "history": {"thoracic_pain": True}}, "prompt"),
    ("near-miss-thoracic-35", {**BACK, "age": 35, "duration_weeks": 4, "history": {"thoracic_pain": True}}, "self_care"),
]  # fmt: skip


@pytest.mark.parametrize(("full", "level"), [pytest.param(c, lv, id=i) for i, c, lv in PEOPLE])
def test_the_interview_reaches_the_floor_of_the_full_case(full: dict[str, Any], level: str) -> None:
    assert assess(parse_case(full)).triage.level == level
    run = simulate("person", full)
    assert run.interview[3] == level, run.shown


def test_the_floor_comes_from_the_rules_not_a_list() -> None:
    """With the age known to be 78, the fracture rule needs only a fall: that question is within reach."""
    case = {**BACK, "age": 78, "duration_weeks": 1, "history": {"significant_trauma": False}}
    asked = (
        "ces_screen",
        "nerve_screen",
        "serious_screen",
        "significant_trauma",
        "pain_map",
        "age",
        "duration_weeks",
    )
    now = _evaluate(_key(case))
    assert now is not None
    open_qs = _open_questions(case, asked, now, _bank(), False)
    found = {(rule, q.id) for _, rule, q in floor_questions(case, asked, now, open_qs, every_level=True)}
    assert ("suspected_fracture", "minor_trauma") in found
    young = {**case, "age": 30}
    now_young = _evaluate(_key(young))
    assert now_young is not None
    found_young = {q.id for _, _, q in floor_questions(young, asked, now_young, open_qs, every_level=True)}
    assert "minor_trauma" not in found_young


def test_a_question_answered_not_sure_twice_is_not_chased() -> None:
    step = next_step({**BACK, "age": 40}, ("ces_screen", "nerve_screen", "serious_screen", "pain_map", "age"))
    assert step.question is not None  # the interview goes on, but ends (covered by the simulated people)


def test_cannot_lift_it_at_all_is_a_grade_of_2_and_urgent() -> None:
    """'Can't lift at all' is 2/5 or less, in the interview as in the reader (issue 14)."""
    from nerveroot.engine.interview import apply_answer, questions

    q = next(q for q in questions() if q.id == "ankle_dorsiflexion.left")
    option = next(o for o in q.options if "at all" in o.label and "cannot" in o.label)
    case, _ = apply_answer({"pain": {"left": ["lateral_calf", "dorsum_foot"]}}, q.id, option.value)
    assert option.value == 2
    assert assess(parse_case(case)).triage.level == "urgent"
