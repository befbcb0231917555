"""Bad cases are refused with a message naming the field, the value and what is allowed."""

from __future__ import annotations

from typing import Any

import pytest

from nerveroot.case import loads_case_json, parse_case
from nerveroot.errors import CaseError


@pytest.mark.parametrize(
    ("payload", "path", "words"),
    [
        ({"weakness": {"left": {"great_toe_extension": 7}}}, "weakness.left.great_toe_extension", "0"),
        ({"weakness": {"left": {"big_toe_lift": 3}}}, "weakness.left", "big_toe_lift"),
        ({"pain": {"left": ["big_toe"]}}, "pain.left", "big_toe"),
        ({"pain": {"middle": ["heel"]}}, "pain", "middle"),
        ({"age": -3}, "age", "-3"),
        ({"age": 200}, "age", "200"),
        ({"duration_weeks": -1}, "duration_weeks", "-1"),
        ({"colour": "red"}, "colour", "colour"),
        ({"history": {"worse_sittting": True}}, "history.worse_sittting", "worse_sittting"),
        ({"reflexes": {"left": {"achilles": "gone"}}}, "reflexes.left.achilles", "gone"),
        ({"tests": {"left": {"straight_leg_raise": "yes"}}}, "tests.left.straight_leg_raise", "yes"),
        ({"age": 40, "age_at_onset": 50}, "age_at_onset", "50"),
        ({"pain": "left leg"}, "pain", "left leg"),
    ],
)
def test_bad_case_names_field_and_value(payload: dict[str, Any], path: str, words: str) -> None:
    with pytest.raises(CaseError) as info:
        parse_case(payload)
    text = str(info.value) + " " + " ".join(str(p) for p in info.value.problems)
    assert path in text, text
    assert words in text, text


def test_absent_is_unknown_not_no() -> None:
    case = parse_case({"history": {"worse_sitting": False}})
    assert case.history.worse_sitting is False
    assert case.history.worse_cough_sneeze is None


@pytest.mark.parametrize("grade", [0, 3, 5, "4+", "4-", True])
def test_accepted_grades(grade: Any) -> None:
    parse_case({"weakness": {"right": {"ankle_plantarflexion": grade}}})


def test_contradictions_are_refused_naming_both() -> None:
    with pytest.raises(CaseError) as info:
        loads_case_json('{"weakness": {"left": {"foot_inversion": 3, "foot_inversion": 5}}}', where="case")
    assert "conflicting" in str(info.value)
    [problem] = info.value.problems
    assert problem.path == "weakness.left.foot_inversion"
    assert "3" in problem.message and "5" in problem.message


@pytest.mark.parametrize("text", ["", "   ", "{", "[1, 2]", "null", '{"age": 40,}'])
def test_malformed_json_is_refused(text: str) -> None:
    with pytest.raises(CaseError) as info:
        parse_case(loads_case_json(text, where="case.json"))
    assert str(info.value)


@pytest.mark.parametrize(
    ("test", "movement"), [("heel_walk", "ankle_dorsiflexion"), ("toe_walk", "ankle_plantarflexion")]
)
def test_a_weak_functional_test_beside_full_manual_strength_is_a_case_not_a_contradiction(
    test: str, movement: str
) -> None:
    """Heel and toe walking load the muscle with the body's weight and find weakness a hand cannot (a 5/5
    tibialis anterior with a heel walk that fails is an ordinary examination), so both are kept and both
    count: the heel walk as evidence of weakness, the grade as the examiner found it."""
    case = parse_case({"tests": {"left": {test: "weak"}}, "weakness": {"left": {movement: 5}}})
    assert getattr(case.tests.left, test) == "weak"
    assert case.weakness.left == {movement: 5}
    from nerveroot.engine import assess

    assert assess(case).triage.level in (
        "prompt",
        "urgent",
    )  # a weak heel or toe walk is weakness: prompt at least
