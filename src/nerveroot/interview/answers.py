"""Answers: checking one against its question, writing it into the case, and reading it back from a case."""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping, Sequence
from typing import Any

from nerveroot.case import REGIONS, SIDES, back_pain_from_map, parse_case, put_back_pain, value_at
from nerveroot.errors import AnswerError, CaseError, Problem
from nerveroot.interview.bank import _Q, NOT_SURE, _Bank, _bank
from nerveroot.interview.evaluate import _evaluate, _key


# ------------------------------------------------------------------------------------------ answers
def _allowed(q: _Q) -> str:
    kind = q.spec.kind
    if kind == "grade":
        return "an MRC grade 0-5, '4+', '4-', true (weaker, not graded) or 'not_sure'"
    if kind == "number":
        return "a number, or 'not_sure'"
    if kind == "regions":
        shape = "a list of region ids" if q.side else 'an object like {"left": ["buttock"], "right": []}'
        return f"{shape} (region ids: {', '.join(REGIONS)}), or 'not_sure'"
    return ", ".join(repr(o.value) for o in q.public.options)


def _refuse(q: _Q, answer: Any, why: str) -> AnswerError:
    return AnswerError(
        f"the answer to question {q.id!r} does not fit: {why}",
        [Problem(q.id, f"expected {_allowed(q)}", answer)],
    )


def _to_value(q: _Q, answer: Any) -> Any:
    """The value to write into the case, or NOT_SURE; raises AnswerError naming the allowed answers."""
    if answer is None or answer == NOT_SURE:
        return NOT_SURE
    kind = q.spec.kind
    if kind == "yes_no":
        table = {"yes": True, "no": False, True: True, False: False}
        if isinstance(answer, str | bool) and answer in table:
            return table[answer]
        raise _refuse(q, answer, "not one of the options")
    if kind == "choice":
        for o in q.options:
            if answer == o.value and type(answer) is type(o.value):
                return o.value
        raise _refuse(q, answer, "not one of the options")
    if kind == "grade":
        if isinstance(answer, bool | int | float | str):
            return answer
        raise _refuse(q, answer, "not a strength grade")
    if kind == "number":
        if isinstance(answer, str):
            try:
                answer = float(answer)
            except ValueError:
                raise _refuse(q, answer, "not a number") from None
        if isinstance(answer, bool) or not isinstance(answer, int | float) or not math.isfinite(answer):
            raise _refuse(q, answer, "not a number")
        return answer
    return _regions_value(q, answer)


def _regions_value(q: _Q, answer: Any) -> Any:
    def check(items: Any) -> list[str]:
        if not isinstance(items, list) or not all(isinstance(r, str) for r in items):
            raise _refuse(q, answer, "expected a list of region ids")
        unknown = [r for r in items if r not in REGIONS]
        if unknown:
            raise _refuse(q, answer, f"unknown region id(s) {', '.join(unknown)}")
        return list(dict.fromkeys(items))

    if q.side is not None:
        return check(answer)
    if not isinstance(answer, Mapping) or not set(answer) <= set(SIDES):
        raise _refuse(q, answer, "expected an object with 'left' and/or 'right'")
    return {side: check(answer[side]) for side in SIDES if side in answer}


def _write(case: Mapping[str, Any], q: _Q, value: Any, *, share: bool = False) -> dict[str, Any]:
    """A copy of the case with the question's path set to the value (or removed, for NOT_SURE). Only the
    mappings along the path are copied when `share` is set (a trial answer, read and thrown away)."""
    out = dict(case) if share else copy.deepcopy(dict(case))
    keys = q.path.split(".")
    if value is not NOT_SURE and q.spec.kind == "regions" and keys[0] == "sensation":
        value = dict.fromkeys(value, "reduced")
    node: dict[str, Any] = out
    trail: list[dict[str, Any]] = []
    for key in keys[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            if value is NOT_SURE:
                return out
            child = {}
        child = dict(child)
        node[key] = child
        trail.append(node)
        node = child
    if value is NOT_SURE:
        node.pop(keys[-1], None)
        for parent, key in zip(reversed(trail), reversed(keys[:-1]), strict=True):
            if not parent[key]:
                del parent[key]
    else:
        node[keys[-1]] = value
    if keys == ["pain"]:  # the map asked where it hurts: marks only in the leg say there is no back pain
        put_back_pain(out, back_pain_from_map(value) if value is not NOT_SURE else None)
    return out


def apply_answer(
    case: Mapping[str, Any], question_id: str, answer: Any, asked: Sequence[str] = ()
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Record one answer: (new case, new asked). The case given is never changed.

    "not_sure" (or None) leaves the field absent. Raises AnswerError naming the question and the allowed
    answers when the answer does not fit (wrong type, unknown option, or a contradiction with the case).
    """
    bank = _bank()
    q = bank.by_id.get(question_id)
    if q is None:
        raise AnswerError(
            f"there is no question {question_id!r}",
            [Problem("question_id", "expected an id from questions(), such as 'ces_screen'", question_id)],
        )
    parse_case(case)
    value = _to_value(q, answer)
    new_asked = list(asked) if question_id in asked else [*asked, question_id]
    if q.spec.covers:
        new = copy.deepcopy(dict(case))
        if value is not True:  # "no" or "not sure": the screen answers for each question it covers
            for sub in bank.covered(q):
                if value is False and sub.spec.kind == "yes_no" and value_at(new, sub.path) is None:
                    new = _write(new, sub, False)
                if sub.id not in new_asked:
                    new_asked.append(sub.id)
    else:
        new = _write(case, q, value)
    try:
        parse_case(new)
    except CaseError as exc:
        raise AnswerError(
            f"the answer to question {q.id!r} does not fit the case: {exc.message}",
            [Problem(q.id, f"expected {_allowed(q)}", answer), *exc.problems],
        ) from None
    return new, tuple(new_asked)


def answer_from_case(question_id: str, case: Mapping[str, Any]) -> Any:
    """What a person whose full case this is would answer: the recorded value, or "not_sure" when the case
    does not say. A screen is "yes" when any warning sign it covers is recorded, "no" when all are recorded
    and none is a warning sign. Used to replay a known case, and by the simulated people of the tests."""
    bank = _bank()
    q = bank.by_id[question_id]
    if q.spec.covers:
        if any(value_at(case, s.path) is True for s in bank.covered(q)) or _warning_recorded(q, case, bank):
            return "yes"
        known = [answer_from_case(s.id, case) for s in bank.covered(q)]
        return "no" if all(a != NOT_SURE for a in known) else NOT_SURE
    value = value_at(case, q.path)
    if value is None:
        return NOT_SURE
    if q.spec.kind == "yes_no":
        return "yes" if value else "no"
    if q.spec.kind == "regions":
        if q.side is not None:
            if isinstance(value, Mapping):
                return [r for r, level in value.items() if level in ("reduced", "absent")]
            return list(value)
        given = {s: list(value[s]) for s in SIDES if value.get(s)}
        return given or NOT_SURE
    return value


def _warning_recorded(screen: _Q, case: Mapping[str, Any], bank: _Bank) -> bool:
    """Whether the case records a warning sign the screen covers: its covered fields alone fire a red flag."""
    alone: dict[str, Any] = {}
    for sub in bank.covered(screen):
        value = value_at(case, sub.path)
        if value is not None:
            alone = _write(alone, sub, value)
    found = _evaluate(_key(alone)) if alone else None
    return found is not None and bool(found.fired)


def _known(case: Mapping[str, Any], q: _Q) -> bool:
    value = value_at(case, q.path)
    return value is not None and value not in ([], {})
