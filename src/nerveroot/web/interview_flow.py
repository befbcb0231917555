"""The interview on the page: one question at a time, carried in hidden fields, with an exact way back.

The interview engine (nerveroot.engine.interview) chooses the questions: ``next_step(case, asked)`` and
``apply_answer(case, question_id, answer, asked)``, raising AnswerError for an answer that does not fit.

The way back is a trail of small undo records (the asked list before the answer, the case values the
answer changed, the answer itself and the progress shown), not whole copies of the case, so the form stays
far below the 64 KB body limit; going back shows the earlier question with its answer still chosen.

Answers go through nerveroot.warning_signs.record_answer: "not sure" about a warning sign is recorded as
not sure (never "no"), and an answer that contradicts an earlier one replaces it. The progress shown never
goes backwards while the person moves forward.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import FormData

from nerveroot import safe_json
from nerveroot.assessment import Assessment
from nerveroot.engine import interview as engine
from nerveroot.engine.interview import Question
from nerveroot.errors import BadInput, Problem
from nerveroot.warning_signs import record_answer, screen, screen_answers
from nerveroot.web import carry
from nerveroot.web.body_form import form_str
from nerveroot.web.carry import read_case, read_json_list

MAX_TRAIL = 80
NOT_SURE = "not_sure"
SIDES = ("left", "right")


@dataclass(frozen=True)
class Choice:
    value: str  # the option's value as JSON, so "true", "4" and "normal" come back as the right type
    label: str


@dataclass
class State:
    case: dict[str, Any]
    asked: list[str]
    trail: list[dict[str, Any]] = field(default_factory=list)
    question: Question | None = None
    assessment: Assessment | None = None
    progress: float = 0.0
    done: bool = False
    previous: Any = None  # the answer given before, shown chosen when the person comes back to it

    @property
    def choices(self) -> list[Choice]:
        """The options to show as radio buttons (not for numbers and body maps, which have their own input)."""
        if self.question is None or self.question.kind in ("number", "regions"):
            return []
        return [Choice(json.dumps(o.value), o.label) for o in self.question.options]

    @property
    def regions(self) -> dict[str, str]:
        if self.question is None or self.question.kind != "regions":
            return {}
        return {o.value: o.label for o in self.question.options if o.value != NOT_SURE}

    @property
    def sided(self) -> bool:
        """Whether a body-map question is about one leg (its id ends in .left or .right)."""
        return self.question is not None and self.question.id.rsplit(".", 1)[-1] in SIDES


def _step(case: dict[str, Any], asked: list[str], trail: list[dict[str, Any]], floor: float = 0.0) -> State:
    """The next question; the progress shown is never below `floor` (what was shown before), nor 100% early."""
    step = engine.next_step(case, list(asked), audience="person")
    done = bool(step.done) or step.question is None
    progress = 1.0 if done else min(0.99, max(floor, float(step.progress)))
    return State(
        case=case,
        asked=list(step.asked),
        trail=trail,
        question=step.question,
        assessment=step.assessment,
        progress=round(progress, 3),
        done=done,
    )


def resume(case: dict[str, Any], asked: list[str], trail: list[dict[str, Any]], progress: float) -> State:
    """The interview as it was at a kept page: the same question, with the progress it showed then."""
    state = _step(case, asked, trail, progress)
    if not state.done:
        state.progress = progress
    return state


def start(case: dict[str, Any]) -> State:
    """Begin the interview after the warning-sign page, which asked every question of the red-flag screens.

    A screen whose questions the page asked is not asked again, nor are its questions. Where the page
    recorded a yes, the questions the page does not ask (when the symptoms began; examination findings) stay
    open to the interview; where it recorded no or not sure, nothing more is asked: "not sure" is in the
    case's ``unsure`` list, never turned into "no".
    """
    answered = screen_answers(case)
    history = case.get("history", {})
    by_path: dict[str, list[str]] = {}
    for q in engine.questions():
        by_path.setdefault(q.answers, []).append(q.id)
    screens = {q.id: q for q in engine.questions()}
    asked: list[str] = []
    for group in screen():
        if not group.questions or any(q.id not in answered for q in group.questions):
            continue
        any_yes = any(history.get(q.path.removeprefix("history.")) is True for q in group.questions)
        covered = [qid for path in screens[group.id].answers.split(",") for qid in by_path.get(path, [])]
        asked.append(group.id)
        asked.extend([q.id for q in group.questions] if any_yes else covered)
    return _step(case, list(dict.fromkeys(asked)), [])


def from_form(form: FormData) -> State:
    """Rebuild the interview state from the hidden fields, validating the case again."""
    case = read_case(form_str(form, "case"))
    asked = [str(a) for a in read_json_list(form_str(form, "asked"), "asked")]
    trail = read_json_list(form_str(form, "trail"), "trail")[-MAX_TRAIL:]
    try:
        floor = min(0.99, max(0.0, float(form_str(form, "progress") or 0)))
    except ValueError:
        floor = 0.0
    for i, entry in enumerate(trail):
        ok = (
            isinstance(entry, dict)
            and isinstance(entry.get("asked"), int | list)
            and isinstance(entry.get("before"), dict)
        )
        if not ok or not isinstance(entry.get("added"), list):
            raise BadInput(
                "the saved answers could not be read",
                [Problem(f"trail[{i}]", "expected an object with 'asked', 'before' and 'added'")],
            )
    return _step(case, asked, trail, floor)


def _answer_value(state: State, q: Question, form: FormData, go: str) -> Any:
    if go == NOT_SURE:
        return NOT_SURE
    if q.kind == "regions":
        if state.sided:
            return [str(v) for v in form.getlist("region")]
        return {side: [str(v) for v in form.getlist(f"region-{side}")] for side in SIDES}
    raw = form_str(form, "answer")
    if q.kind == "number":
        return raw.strip().replace(",", ".") or None
    if not raw:
        return None
    try:
        return safe_json.loads(raw)
    except json.JSONDecodeError:  # also a number too long or a lone surrogate: the question refuses it
        return raw


def answer(state: State, form: FormData, go: str = "answer") -> State:
    """Apply the answer to the current question; AnswerError (a BadInput) when it does not fit."""
    if state.question is None:
        return state
    question_id = form_str(form, "question_id")
    if question_id != state.question.id:
        raise BadInput(
            "the answer is for another question",
            [Problem("question_id", f"expected {state.question.id!r}", question_id)],
        )
    value = _answer_value(state, state.question, form, go)
    if value is None:
        raise BadInput("no answer", [Problem(question_id, "Choose an answer, or press “Not sure”.")])
    case, asked_now = record_answer(state.case, question_id, value, list(state.asked))
    before, after = carry.flatten(state.case), carry.flatten(case)
    asked = list(asked_now)
    # the asked list only grows, so the undo record keeps its earlier length rather than a copy
    earlier: int | list[str] = len(state.asked) if asked[: len(state.asked)] == state.asked else state.asked
    undo = {
        "asked": earlier,
        "before": {p: v for p, v in before.items() if after.get(p, NOT_SURE) != v},
        "added": [p for p in after if p not in before],
        "answer": value,
        "progress": state.progress,
    }
    return _step(case, asked, [*state.trail, undo][-MAX_TRAIL:], state.progress)


def back(state: State) -> State | None:
    """The state before the last answer, or None when the first question is showing."""
    if not state.trail:
        return None
    undo = state.trail[-1]
    leaves = {p: v for p, v in carry.flatten(state.case).items() if p not in set(undo["added"])}
    leaves.update(undo["before"])
    case = read_case(carry.dump_case(carry.merge({}, leaves)))
    earlier = undo["asked"]
    asked = state.asked[:earlier] if isinstance(earlier, int) else [str(a) for a in earlier]
    previous = _step(case, asked, state.trail[:-1])
    shown = undo.get("progress")
    if isinstance(shown, int | float) and not previous.done:
        previous.progress = float(shown)
    previous.previous = undo.get("answer")
    return previous
