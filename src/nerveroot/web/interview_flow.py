"""The interview on the page: one question at a time, carried in hidden fields, with an exact way back.

Contract of the interview engine (nerveroot.engine.interview, branch `interview`):
``next_step(case, asked) -> Step(question, assessment, asked, progress, done)`` and
``apply_answer(case, question_id, answer, asked) -> (case, asked)``, raising AnswerError for a bad answer.
Until that module is present, :func:`available` is false and the pages go from the body map to the result.
The trail keeps each earlier (case, asked) so "back" restores exactly what the person saw before.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from nerveroot.case import Case, case_json, parse_case
from nerveroot.errors import BadInput, Problem
from nerveroot.web.carry import read_case, read_json_list

MAX_TRAIL = 60


def _engine() -> Any | None:
    try:
        return importlib.import_module("nerveroot.engine.interview")
    except ModuleNotFoundError:
        return None


def available() -> bool:
    return _engine() is not None


@dataclass
class State:
    case: dict[str, Any]
    asked: list[str]
    trail: list[dict[str, Any]] = field(default_factory=list)
    question: Any = None
    progress: float = 0.0
    done: bool = False


def _as_dict(case: Any) -> dict[str, Any]:
    return case_json(case) if isinstance(case, Case) else dict(case)


def _step(case: dict[str, Any], asked: list[str], trail: list[dict[str, Any]]) -> State:
    engine = _engine()
    if engine is None:
        return State(case, asked, trail, done=True)
    step = engine.next_step(parse_case(case), list(asked))
    return State(
        case=case,
        asked=list(step.asked),
        trail=trail,
        question=step.question,
        progress=float(step.progress),
        done=bool(step.done) or step.question is None,
    )


def start(case: dict[str, Any]) -> State:
    return _step(case, [], [])


def from_form(form: FormData) -> State:
    """Rebuild the interview state from the hidden fields, validating each saved case again."""
    case = read_case(_str(form, "case"))
    asked = [str(a) for a in read_json_list(_str(form, "asked"), "asked")]
    trail_raw = read_json_list(_str(form, "trail"), "trail")[-MAX_TRAIL:]
    trail = []
    for i, entry in enumerate(trail_raw):
        if not isinstance(entry, dict) or not isinstance(entry.get("asked"), list):
            raise BadInput(
                "the saved answers could not be read", [Problem(f"trail[{i}]", "expected {case, asked}")]
            )
        trail.append(
            {"case": case_json(parse_case(entry.get("case", {}))), "asked": [str(a) for a in entry["asked"]]}
        )
    return _step(case, asked, trail)


def answer(state: State, form: FormData) -> State:
    """Apply the answer to the current question; AnswerError (a BadInput) when it does not fit."""
    engine = _engine()
    if engine is None or state.question is None:
        return state
    question_id = _str(form, "question_id")
    if question_id != state.question.id:
        raise BadInput(
            "the answer is for another question",
            [Problem("question_id", f"expected {state.question.id!r}", question_id)],
        )
    values = [str(v) for v in form.getlist("answer")]
    given: Any = (
        values if getattr(state.question, "kind", "") in MULTI_KINDS else (values[0] if values else "")
    )
    case, asked = engine.apply_answer(parse_case(state.case), question_id, given, list(state.asked))
    trail = [*state.trail, {"case": state.case, "asked": state.asked}][-MAX_TRAIL:]
    return _step(_as_dict(case), list(asked), trail)


def back(state: State) -> State | None:
    """The state before the last answer, or None when the first question is showing."""
    if not state.trail:
        return None
    previous = state.trail[-1]
    return _step(previous["case"], previous["asked"], state.trail[:-1])


MULTI_KINDS = frozenset({"multi", "regions", "multiple"})


def _str(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""
