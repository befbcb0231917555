"""POST /api/v1/interview: the case so far (and an answer) in; the next question or the final assessment out.

Stateless: the caller keeps `case` and `asked` and sends them back with each answer, so any worker can
serve any step and nothing about the person is stored until they choose to book.
"""

from __future__ import annotations

import dataclasses
import importlib
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from nerveroot.case import parse_case
from nerveroot.errors import BadInput, NerverootError, Problem

router = APIRouter(tags=["interview"])
MAX_ASKED = 200


class NotAvailable(NerverootError):
    """This build has no interview engine."""

    exit_code = 1
    http_status = 501


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


def _in_case(exc: BadInput) -> BadInput:
    problems = [Problem(f"case.{p.path}" if p.path else "case", p.message, p.value) for p in exc.problems]
    return type(exc)(exc.message, problems)


@router.post(
    "/interview", responses={422: {"description": "a field or the answer is wrong; the response names it"}}
)
def create_interview_step(body: InterviewRequest) -> InterviewStep:
    """Apply the answer (if any) and return the next question, or the final assessment when done."""
    try:
        engine = importlib.import_module("nerveroot.engine.interview")
    except ModuleNotFoundError:
        raise NotAvailable("the interview is not available in this build", []) from None
    try:
        parse_case(body.case)
    except BadInput as exc:
        raise _in_case(exc) from None
    case, asked = dict(body.case), tuple(body.asked)
    if body.answer is not None:
        case, asked = engine.apply_answer(case, body.answer.question, body.answer.value, asked)
    step = engine.next_step(case, asked)
    return InterviewStep(
        case=case,
        asked=list(step.asked),
        question=dataclasses.asdict(step.question) if step.question is not None else None,
        assessment=step.assessment.model_dump(mode="json"),
        done=step.done,
        progress=step.progress,
    )
