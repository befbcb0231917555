"""POST /api/v1/interview: the case so far (and an answer) in; the next question or the final assessment out.

Stateless: the caller keeps `case` and `asked` and sends them back with each answer, so any worker can
serve any step and nothing about the person is stored until they choose to book. Answers are recorded as
the web pages and the CLI record them (nerveroot.warning_signs): "not sure" about a warning sign goes into
the case's `unsure` list, never "no".
"""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from nerveroot.api.jsonbody import SafeJsonRoute
from nerveroot.api.openapi import responses
from nerveroot.case import parse_case
from nerveroot.engine.interview import next_step
from nerveroot.errors import AnswerError, BadInput, Problem
from nerveroot.warning_signs import record_answer

router = APIRouter(tags=["interview"], route_class=SafeJsonRoute)
MAX_ASKED = 200


class Answer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="the id of the question being answered")
    value: Any = Field(description="the answer: one of the question's option values, a grade, a number")


class InterviewRequest(BaseModel):
    """The case so far, the ids of the questions asked so far, and the answer to the last one (or null)."""

    model_config = ConfigDict(extra="forbid")

    case: dict[str, Any] = Field(default_factory=dict)
    asked: list[str] = Field(default_factory=list, max_length=MAX_ASKED)
    answer: Answer | None = None


class InterviewStep(BaseModel):
    case: dict[str, Any]
    asked: list[str]
    question: dict[str, Any] | None
    assessment: dict[str, Any]
    done: bool
    progress: float


def _in_answer(exc: AnswerError) -> AnswerError:
    """Name the request's fields: the unknown question as answer.question, a misfit as answer.value."""
    problems = [
        Problem("answer.question" if p.path == "question_id" else "answer.value", p.message, p.value)
        for p in exc.problems
    ]
    return AnswerError(exc.message, problems)


def _in_case(exc: BadInput) -> BadInput:
    problems = [Problem(f"case.{p.path}" if p.path else "case", p.message, p.value) for p in exc.problems]
    return type(exc)(exc.message, problems)


@router.post("/interview", responses=responses(422))
def create_interview_step(body: InterviewRequest) -> InterviewStep:
    """Apply the answer (if any) and return the next question, or the final assessment when done."""
    try:
        parse_case(body.case)
    except BadInput as exc:
        raise _in_case(exc) from None
    case, asked = dict(body.case), tuple(body.asked)
    if body.answer is not None:
        try:
            case, asked = record_answer(case, body.answer.question, body.answer.value, asked)
        except AnswerError as exc:
            raise _in_answer(exc) from None
    step = next_step(case, asked)
    return InterviewStep(
        case=case,
        asked=list(step.asked),
        question=dataclasses.asdict(step.question) if step.question is not None else None,
        assessment=step.assessment.model_dump(mode="json"),
        done=step.done,
        progress=step.progress,
    )
