"""The interview's behaviour: warning signs first, going back, bad answers refused, emergencies end as such."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from nerveroot.engine.interview import NOT_SURE, Step, apply_answer, next_step, questions
from nerveroot.errors import AnswerError, CaseError

PHASE = {q.id: q.phase for q in questions()}


def _walk(answers: dict[str, Any], limit: int = 200) -> tuple[Step, list[str]]:
    """Run an interview answering from a table (anything else: not sure)."""
    case: dict[str, Any] = {}
    asked: tuple[str, ...] = ()
    shown: list[str] = []
    for _ in range(limit):
        step = next_step(case, asked)
        if step.done:
            return step, shown
        assert step.question is not None
        shown.append(step.question.id)
        case, asked = apply_answer(case, step.question.id, answers.get(step.question.id, NOT_SURE), asked)
    raise AssertionError("the interview did not end")


def test_the_first_question_is_the_cauda_equina_screen() -> None:
    step = next_step({})
    assert step.question is not None and step.question.id == "ces_screen"
    assert step.question.phase == "red_flags"
    assert not step.done and 0 <= step.progress < 1
    assert "not a diagnosis" in step.assessment.notice


def test_red_flags_come_first_and_every_screen_is_asked() -> None:
    step, shown = _walk({"pain_map": {"left": ["buttock", "posterior_thigh", "lateral_calf"]}})
    phases = [PHASE[s] for s in shown]
    first_other = phases.index("discriminate")
    assert set(phases[:first_other]) == {"red_flags"}
    assert not {"ces_screen", "nerve_screen", "serious_screen"} & set(shown[first_other:])
    assert {"ces_screen", "nerve_screen", "serious_screen", "progressive_weakness"} <= set(step.asked)
    assert step.done and step.progress == 1.0 and step.question is None


def test_red_flags_are_asked_even_when_the_case_is_already_clear() -> None:
    case = {
        "pain": {"left": ["low_back", "buttock", "posterior_thigh", "lateral_calf", "dorsum_foot"]},
        "weakness": {"left": {"great_toe_extension": 4, "hip_abduction": 4}},
        "tests": {"left": {"straight_leg_raise": "positive"}},
    }
    step = next_step(case)
    assert step.question is not None and step.question.id == "ces_screen"


@pytest.mark.parametrize(
    ("answers", "rule"),
    [
        ({"ces_screen": "yes", "saddle_numbness": "yes"}, "cauda_equina_recent"),
        ({"ces_screen": "yes", "bilateral_leg_symptoms_new": "yes"}, "cauda_equina_bilateral_new"),
        (
            {"serious_screen": "yes", "sudden_severe_pain": "yes", "faintness_or_collapse": "yes"},
            "aortic_aneurysm",
        ),
    ],
    ids=["saddle-numbness", "new-in-both-legs", "aneurysm"],
)
def test_an_emergency_answer_ends_in_an_emergency_assessment(answers: dict[str, Any], rule: str) -> None:
    step, _ = _walk(answers)
    assert step.assessment.triage.level == "emergency"
    assert rule in step.assessment.triage.rules


def test_the_emergency_shows_as_soon_as_it_is_answered() -> None:
    case, asked = apply_answer({}, "ces_screen", "yes")
    step = next_step(case, asked)
    assert step.question is not None and step.question.id == "saddle_numbness"
    case, asked = apply_answer(case, "saddle_numbness", "yes", asked)
    assert next_step(case, asked).assessment.triage.level == "emergency"


def test_a_screen_answered_no_records_each_sign_as_absent() -> None:
    case, asked = apply_answer({}, "ces_screen", "no")
    assert case["history"]["saddle_numbness"] is False and case["history"]["bowel_incontinence"] is False
    assert "saddle_numbness" in asked and "exam.anal_tone" not in str(case)
    assert next_step(case, asked).question.id == "nerve_screen"  # type: ignore[union-attr]


def test_a_screen_answered_yes_opens_its_questions_one_by_one() -> None:
    case, asked = apply_answer({}, "ces_screen", "yes")
    assert case == {} and asked == ("ces_screen",)
    assert next_step(case, asked).question.id == "saddle_numbness"  # type: ignore[union-attr]


def test_going_back_returns_the_same_question_and_a_new_answer_replaces_the_old() -> None:
    history: list[tuple[dict[str, Any], tuple[str, ...]]] = []
    case: dict[str, Any] = {}
    asked: tuple[str, ...] = ()
    for qid, answer in [("ces_screen", "no"), ("nerve_screen", "no"), ("serious_screen", "no")]:
        assert next_step(case, asked).question.id == qid  # type: ignore[union-attr]
        history.append((case, asked))
        case, asked = apply_answer(case, qid, answer, asked)
    back_case, back_asked = history[-1]
    again = next_step(back_case, back_asked)
    assert again.question is not None and again.question.id == "serious_screen"
    case, asked = apply_answer(back_case, "serious_screen", "yes", back_asked)
    assert next_step(case, asked).question.id == "history_of_cancer"  # type: ignore[union-attr]
    case, asked = apply_answer(case, "history_of_cancer", "yes", asked)
    case, asked = apply_answer(case, "history_of_cancer", "no", asked)  # changed her mind
    assert case["history"]["history_of_cancer"] is False and asked.count("history_of_cancer") == 1
    case, asked = apply_answer(case, "history_of_cancer", NOT_SURE, asked)
    assert "history_of_cancer" not in case.get("history", {})


@pytest.mark.parametrize(
    ("question_id", "answer", "allowed"),
    [
        ("ces_screen", "maybe", "'yes', 'no', 'not_sure'"),
        ("ces_screen", 1, "'yes', 'no', 'not_sure'"),
        ("sex", "unknown", "'female', 'male', 'other'"),
        ("heel_walk.left", True, "'normal', 'weak'"),
        ("age", "forty", "a number"),
        ("age", 300, "a number"),
        ("age", [40], "a number"),
        ("great_toe_extension.left", 7, "an MRC grade"),
        ("great_toe_extension.left", {"grade": 4}, "an MRC grade"),
        ("pain_map", ["buttock"], '"left"'),
        ("pain_map", {"left": ["elbow"]}, "region ids"),
        ("pain_map", {"middle": ["buttock"]}, '"left"'),
        ("sensation_loss.left", "dorsum_foot", "a list of region ids"),
    ],
)
def test_a_bad_answer_is_refused_naming_the_question_and_the_allowed_answers(
    question_id: str, answer: Any, allowed: str
) -> None:
    case = {"pain": {"left": ["buttock"]}}
    before = copy.deepcopy(case)
    with pytest.raises(AnswerError) as caught:
        apply_answer(case, question_id, answer, ("ces_screen",))
    assert question_id in caught.value.message
    assert any(p.path == question_id and allowed in p.message for p in caught.value.problems)
    assert case == before  # the interview goes on from where it was
    assert next_step(case, ("ces_screen",)).question is not None


def test_an_answer_that_contradicts_the_case_is_refused_naming_both() -> None:
    case, asked = apply_answer({}, "bladder_dysfunction", "no")
    with pytest.raises(AnswerError) as caught:
        apply_answer(case, "urinary_retention", "yes", asked)
    text = str(caught.value)
    assert "bladder_dysfunction" in text and "urinary_retention" in text


def test_an_unknown_question_is_refused() -> None:
    with pytest.raises(AnswerError, match="no question 'favourite_colour'"):
        apply_answer({}, "favourite_colour", "blue")


def test_an_invalid_case_is_refused_by_next_step() -> None:
    with pytest.raises(CaseError):
        next_step({"history": {"smokes": True}})


def test_the_foot_drop_look_alike_question_is_asked_when_the_foot_drops() -> None:
    """Issue 6: with a foot drop and no back pain, ask whether the foot still turns inwards."""
    answers: dict[str, Any] = {
        "ces_screen": "no",
        "serious_screen": "no",
        "nerve_screen": "no",
        "pain_map": {"right": ["lateral_calf", "dorsum_foot"]},
        "heel_walk.right": "weak",
        "ankle_dorsiflexion.right": 3,
        "knock_or_pressure_at_fibular_head": "yes",
    }
    _, shown = _walk(answers)
    assert "foot_inversion.right" in shown


def test_calf_pain_on_walking_brings_the_standing_still_question_first() -> None:
    """Issue 6: when vascular claudication is in play, ask whether standing still (not sitting) eases it."""
    answers: dict[str, Any] = {
        "ces_screen": "no",
        "nerve_screen": "no",
        "serious_screen": "no",
        "pain_map": {"left": ["posterior_calf"], "right": ["posterior_calf"]},
    }
    _, shown = _walk(answers)
    after_map = shown[shown.index("pain_map") + 1 :]
    assert after_map[:2] == ["age", "duration_weeks"]  # the intake, asked of everyone
    assert after_map[2] == "relieved_by_standing_still"


def test_after_a_yes_the_screen_asks_until_one_answer_explains_it() -> None:
    _, shown = _walk({"ces_screen": "no", "nerve_screen": "yes", "gait_unsteady": "yes"})
    opened = shown[shown.index("nerve_screen") + 1 : shown.index("serious_screen")]
    assert opened[:2] == ["progressive_weakness", "gait_unsteady"]  # the person's own, in order
    # unsteady walking already explains the screen, but clumsy hands beside it make the spinal cord a
    # contender whose urgency the result must carry, so it is still worth asking
    assert "hand_symptoms" in opened
    assert "clonus.left" in opened  # an examination sign that would make it urgent


@pytest.mark.parametrize("case_id", ["l5-exam-classic", "umn-clonus", "fibular-knock-classic"])
def test_a_person_is_never_asked_what_only_an_examination_can_tell(case_id: str) -> None:
    from expect import OWN_CASES, load_cases
    from nerveroot.engine.interview import _bank, answer_from_case, apply_answer, next_step

    full = next(c["case"] for p in OWN_CASES.glob("*.json") for c in load_cases(p) if c["id"] == case_id)
    case: dict[str, Any] = {}
    asked: tuple[str, ...] = ()
    shown = []
    for _ in range(80):
        step = next_step(case, asked, audience="person")
        if step.done or step.question is None:
            break
        shown.append(step.question.id)
        case, asked = apply_answer(case, step.question.id, answer_from_case(step.question.id, full), asked)
    assert shown, "the interview asked nothing"
    assert [q for q in shown if _bank().by_id[q].spec.who == "clinician"] == []


def test_weakness_found_is_graded_before_the_interview_stops() -> None:
    """A foot drop graded 3/5 is urgent; the interview must ask the grade, not stop at 'prompt'."""
    from expect import OWN_CASES, load_cases
    from nerveroot.engine.interview import answer_from_case, apply_answer, next_step

    full = next(
        c["case"]
        for p in OWN_CASES.glob("*.json")
        for c in load_cases(p)
        if c["id"] == "near-miss-l5-foot-drop-weak-inversion"
    )
    case: dict[str, Any] = {}
    asked: tuple[str, ...] = ()
    step = next_step(case, asked)
    for _ in range(80):
        if step.done or step.question is None:
            break
        case, asked = apply_answer(case, step.question.id, answer_from_case(step.question.id, full), asked)
        step = next_step(case, asked)
    assert step.done
    assert step.assessment.triage.level == "urgent"
    assert any(q.startswith(("ankle_dorsiflexion", "great_toe_extension")) for q in asked)
