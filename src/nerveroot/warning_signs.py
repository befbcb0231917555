"""The warning-sign screen and "not sure", one source for the web pages, the CLI interview and the API.

The questions come from the interview's own file (knowledge/questions.yaml): every question a person can
answer yes or no that one of its red-flag screens covers, in the file's order, grouped by screen. Their
wording, hints (`instructions`) and reasons (`why`) are read from there, never copied.

"Not sure" is never "no" (PRODUCT.md capability 4): an unsettled warning sign is recorded in the case's
``unsure`` list, which the engine reads (red_flags.yaml `topics`): urgent for a cauda equina feature, at
least prompt for any other. A later yes or no settles it. When two answers contradict, the newer, more
specific one wins, and a warning sign said to be present is never dropped for one said to be absent.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from nerveroot.case import BLADDER_KINDS, WHERE, value_at
from nerveroot.engine import interview as engine
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.errors import AnswerError, BadInput, Problem

ANSWERS = ("yes", "no", "unsure")
NOT_SURE = engine.NOT_SURE


@dataclass(frozen=True)
class ScreenQuestion:
    id: str  # the interview question id in questions.yaml, e.g. "saddle_numbness"
    path: str  # the case path it answers, e.g. "history.saddle_numbness"
    text: str
    hint: str | None  # the question's `instructions`
    why: str
    screen: str  # the red-flag screen that covers it: ces_screen, nerve_screen or serious_screen
    topic: str | None  # its warning-sign topic in red_flags.yaml (None: asked, but in no topic)
    cauda_equina: bool


@dataclass(frozen=True)
class ScreenGroup:
    id: str  # the screen's question id
    why: str  # why these questions are asked, from the screen itself
    questions: tuple[ScreenQuestion, ...]


def topic_of(path: str) -> str | None:
    """The warning-sign topic (red_flags.yaml) a finding answers, if any."""
    for name, topic in load_knowledge().red_flags.topics.items():
        if path in topic.findings:
            return name
    return None


@cache
def screen() -> tuple[ScreenGroup, ...]:
    """The warning-sign screen: each red-flag screen with the yes/no questions a person answers under it."""
    topics = load_knowledge().red_flags.topics
    by_path = {q.answers: q for q in engine.questions() if q.kind == "yes_no"}
    groups = []
    for s in engine.questions():
        if s.phase != "red_flags" or "," not in s.answers:
            continue
        asked = []
        for path in s.answers.split(","):
            q = by_path.get(path)
            if q is None or not path.startswith("history."):
                continue  # examination findings and numbers are not for this screen
            topic = topic_of(path)
            cauda = topic is not None and topics[topic].cauda_equina
            asked.append(ScreenQuestion(q.id, path, q.text, q.instructions, q.why, s.id, topic, cauda))
        groups.append(ScreenGroup(s.id, s.why, tuple(asked)))
    return tuple(groups)


def screen_questions() -> tuple[ScreenQuestion, ...]:
    return tuple(q for g in screen() for q in g.questions)


def screen_paths() -> set[str]:
    return {q.path for q in screen_questions()}


# ------------------------------------------------------------------------------------------ unsure
def unsure_paths(case: Mapping[str, Any]) -> list[str]:
    """The findings the case records as "not sure" (entries are {finding, words} or plain strings)."""
    out = []
    for item in case.get("unsure", []) or []:
        finding = (
            item if isinstance(item, str) else item.get("finding") if isinstance(item, Mapping) else None
        )
        if isinstance(finding, str):
            out.append(finding)
    return out


def with_unsure(case: Mapping[str, Any], path: str, sure: bool) -> dict[str, Any]:
    """A copy of the case with `path` marked "not sure" (sure=False) or that mark taken away (sure=True)."""
    out = copy.deepcopy(dict(case))
    kept = [i for i in out.get("unsure", []) if _finding(i) != path]
    if not sure:
        kept.append({"finding": path})
    if kept:
        out["unsure"] = kept
    else:
        out.pop("unsure", None)
    return out


def _finding(item: Any) -> Any:
    return item.get("finding") if isinstance(item, Mapping) else item


# ------------------------------------------------------------------------------------------ the screen
def apply_screen(case: Mapping[str, Any], answers: Mapping[str, str]) -> dict[str, Any]:
    """The case with the screen's answers (question id -> yes, no or unsure) in place of earlier ones.

    Yes and no set the history field; "unsure" leaves it absent and records it as not sure; a question
    left blank leaves it absent (not asked). Earlier answers to the screen's questions are replaced."""
    out = copy.deepcopy(dict(case))
    history = dict(out.get("history", {}))
    for q in screen_questions():
        name = q.path.removeprefix("history.")
        history.pop(name, None)
        out = with_unsure(out, q.path, sure=True)
        answer = answers.get(q.id, "")
        if answer in ("yes", "no"):
            history[name] = answer == "yes"
        elif answer == "unsure":
            out = with_unsure(out, q.path, sure=False)
    out["history"] = history
    return reconcile(out, newer=())


def screen_answers(case: Mapping[str, Any]) -> dict[str, str]:
    """The screen's answers as the case records them (for showing the form again)."""
    history = case.get("history", {})
    unsure = set(unsure_paths(case))
    out: dict[str, str] = {}
    for q in screen_questions():
        value = history.get(q.path.removeprefix("history."))
        if value is True:
            out[q.id] = "yes"
        elif value is False:
            out[q.id] = "no"
        elif q.path in unsure:
            out[q.id] = "unsure"
    return out


# ------------------------------------------------------------------------------------------ contradictions
def reconcile(case: Mapping[str, Any], newer: Sequence[str]) -> dict[str, Any]:
    """Settle answers that contradict each other, so that a person never meets a contradiction error.

    A specific bladder problem said to be present outweighs "no change in passing urine" (the warning
    sign is kept, whichever came first). A home test and a strength answer about the same movement, or an
    age and a duration: the newer answer (a path in `newer`) wins and the older one is dropped."""
    out = copy.deepcopy(dict(case))
    history = out.get("history", {})
    if history.get("bladder_dysfunction") is False and any(history.get(k) for k in BLADDER_KINDS):
        history["bladder_dysfunction"] = True
    for side in WHERE:
        tests = out.get("tests", {}).get(side, {})
        grades = out.get("weakness", {}).get(side, {})
        for (test, bad), (movement, weak) in (
            (("heel_walk", "weak"), ("ankle_dorsiflexion", False)),
            (("toe_walk", "weak"), ("ankle_plantarflexion", False)),
        ):
            if tests.get(test) == bad and movement in grades and _is_weak(grades[movement]) == weak:
                if f"tests.{side}.{test}" in newer:
                    del grades[movement]
                else:
                    del tests[test]
    age, onset_age, weeks = out.get("age"), out.get("age_at_onset"), out.get("duration_weeks")
    if isinstance(age, int | float) and isinstance(onset_age, int | float) and onset_age > age:
        out.pop("age" if "age_at_onset" in newer else "age_at_onset")
    if isinstance(age, int | float) and isinstance(weeks, int | float) and weeks > (age + 1) * 52.2:
        out.pop("age" if "duration_weeks" in newer else "duration_weeks")
    return _prune(out)


def _is_weak(grade: Any) -> bool:
    if grade is True:
        return True
    if isinstance(grade, str):
        return grade.strip() != "5"
    return isinstance(grade, int | float) and grade < 5


def _prune(node: dict[str, Any]) -> dict[str, Any]:
    for key in list(node):
        value = node[key]
        if isinstance(value, dict):
            node[key] = _prune(value)
            if not node[key]:
                del node[key]
    return node


# ------------------------------------------------------------------------------------------ the interview
def is_screen(question_id: str) -> bool:
    return any(g.id == question_id for g in screen())


def record_answer(
    case: Mapping[str, Any], question_id: str, answer: Any, asked: Sequence[str] = ()
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The interview's apply_answer, with "not sure" kept as "not sure" and contradictions settled.

    - "not sure" to a screen (several warning signs in one question) opens it: its questions are then asked
      one at a time, so the person can say which one they are unsure of;
    - "not sure" to a warning-sign question records the finding in ``unsure``; a later yes or no settles it;
    - an answer that contradicts an earlier one replaces it (the earlier question may be asked again).
    Raises AnswerError for an answer that does not fit the question.
    """
    question = next((q for q in engine.questions() if q.id == question_id), None)
    not_sure = answer is None or answer == NOT_SURE
    if question is not None and not_sure and is_screen(question_id):
        return engine.apply_answer(case, question_id, "yes", asked)
    try:
        new, now_asked = engine.apply_answer(case, question_id, answer, asked)
    except AnswerError as exc:
        if question is None or not any("contradict" in p.message for p in exc.problems):
            raise
        new, now_asked = _replace_contradicted(case, question, answer, asked)
    one_sign = question is not None and question.phase == "red_flags" and question.kind == "yes_no"
    if (
        one_sign
        and question is not None
        and question.answers.startswith("history.")
        and "," not in question.answers
    ):
        new = with_unsure(new, question.answers, sure=not not_sure)
    return new, now_asked


def _replace_contradicted(
    case: Mapping[str, Any], question: engine.Question, answer: Any, asked: Sequence[str]
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Apply an answer on a case without the earlier answers it contradicts, and ask those again later."""
    probe, _ = engine.apply_answer({}, question.id, answer, ())
    merged = _merge(case, probe)
    settled = reconcile(merged, newer=[question.answers])
    dropped = {
        q.id
        for q in engine.questions()
        if value_at(case, q.answers) is not None and value_at(settled, q.answers) is None
    }
    try:
        from nerveroot.case import case_json, parse_case

        fixed = case_json(parse_case(settled))
    except BadInput as exc:
        raise AnswerError(
            f"the answer to question {question.id!r} contradicts an earlier answer",
            [Problem(question.id, "change the earlier answer first, or answer 'not sure'", answer)],
        ) from exc
    again = [a for a in asked if a not in dropped]
    return fixed, (*again, *([] if question.id in again else [question.id]))


def _merge(base: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(dict(base))
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out
