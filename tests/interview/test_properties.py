"""Invariants of the interview over random answer sequences (Hypothesis)."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nerveroot.engine.interview import Question, apply_answer, next_step, questions
from nerveroot.errors import AnswerError
from nerveroot.interview import evaluate, floor, flow

CHOOSABLE = [q for q in questions() if q.kind in ("yes_no", "choice", "grade")]
ORDER = ["self_care", "routine", "prompt", "urgent", "emergency"]
CES = {"saddle_numbness", "bowel_incontinence", "urinary_retention", "bilateral_leg_symptoms_new"}


@st.composite
def answers(draw: st.DrawFn) -> list[tuple[Question, Any]]:
    chosen = draw(st.lists(st.sampled_from(CHOOSABLE), min_size=1, max_size=8))
    return [(q, draw(st.sampled_from([o.value for o in q.options]))) for q in chosen]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers())
def test_answers_never_change_the_case_given_and_steps_are_repeatable(
    seq: list[tuple[Question, Any]],
) -> None:
    case: dict[str, Any] = {}
    asked: tuple[str, ...] = ()
    for q, value in seq:
        before = copy.deepcopy(case)
        try:
            new_case, new_asked = apply_answer(case, q.id, value, asked)
        except AnswerError:
            assert case == before
            continue
        assert case == before
        case, asked = new_case, new_asked
    first = next_step(case, asked)
    flow._step_cached.cache_clear()  # "repeatable": worked out again from scratch, not read from a cache
    evaluate._evaluate.cache_clear()
    floor._view.cache_clear()
    again = next_step(copy.deepcopy(case), tuple(asked))
    assert first.question == again.question and first.progress == again.progress
    assert 0.0 <= first.progress <= 1.0
    assert first.done == (first.question is None)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers(), st.sampled_from(sorted(CES)))
def test_a_cauda_equina_sign_keeps_the_triage_at_least_urgent_whatever_else_is_said(
    seq: list[tuple[Question, Any]], sign: str
) -> None:
    case, asked = apply_answer({}, sign, "yes")
    for q, value in seq:
        if q.id == sign:
            continue
        try:
            case, asked = apply_answer(case, q.id, value, asked)
        except AnswerError:
            continue
    if case.get("history", {}).get(sign) is True:
        assert ORDER.index(next_step(case, asked).assessment.triage.level) >= ORDER.index("urgent")
