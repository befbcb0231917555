"""The interview as a FHIR Questionnaire, and a case as the QuestionnaireResponse that answers it.

Every item's linkId is a case path (export/schema.py), so the response is the case, losslessly: a response
turns back into the same case (:func:`case_from_response`). The wording comes from the interview's question
bank (knowledge/questions.yaml) where a question asks that field; the warning-sign screens, which ask about
several fields at once and are recorded through them, come first. Each answerable item carries its
Observation code and the SDC observation-extract flag: every answer also becomes an Observation.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from nerveroot import __version__
from nerveroot.case import WHERE, Case, case_json, parse_case
from nerveroot.engine.interview import Question, questions
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.export import codes
from nerveroot.export.schema import Field, by_path, case_fields, grade_code, grade_value

_FHIR_TYPE = {"group": "group", "boolean": "boolean", "decimal": "decimal", "integer": "integer",
              "choice": "choice", "string": "string"}  # fmt: skip
_SIDE_WORDS = {"left": "left", "right": "right", "unknown": "side not given"}


@cache
def _asked() -> tuple[dict[str, Question], list[Question], dict[str, int]]:
    """(question by the case path it fills, the screens, the order in which the interview asks paths)."""
    fields = by_path()
    by_answer: dict[str, Question] = {}
    screens: list[Question] = []
    order: dict[str, int] = {}
    for i, q in enumerate(questions()):
        targets = [q.answers] if q.answers in fields else []
        if q.answers in ("pain", "numbness", "tingling"):
            targets = [f"{q.answers}.{side}" for side in WHERE]
        if not targets:
            screens.append(q)
            continue
        for path in targets:
            by_answer.setdefault(path, q)
            order.setdefault(path, i)
    return by_answer, screens, order


def _human(path: str) -> str:
    parts = [_SIDE_WORDS.get(p, p.replace("_", " ")) for p in path.split(".")]
    words = ", ".join(parts)
    return words[0].upper() + words[1:]


def label(path: str) -> str:
    """A field in words: the interview's question where it asks it, else the knowledge base's label."""
    kb = load_knowledge()
    question = _asked()[0].get(path)
    side = next((s for s in WHERE if f".{s}." in f".{path}."), None)
    if question is not None:
        text = question.text
        if side and path.split(".", maxsplit=1)[0] in ("pain", "numbness", "tingling"):
            text = f"{text} ({_SIDE_WORDS[side]})"
        return text
    if path in kb.red_flags.labels:
        text = kb.red_flags.labels[path]
        return text[0].upper() + text[1:]
    leaf = path.rsplit(".", 1)[-1]
    if leaf in kb.regions and side:
        return f"{_human(path.split('.', maxsplit=1)[0])}, {_SIDE_WORDS[side]}: {kb.regions[leaf].label}"
    return _human(path)


def option_display(field: Field, code: str) -> str:
    """The words for one answer code; the same in the Questionnaire and in every response."""
    question = _asked()[0].get(field.path)
    if question is not None and question.kind != "regions":
        for option in question.options:
            value = grade_code(option.value) if field.grade else str(option.value)
            if value == code:
                return option.label
    if field.value_set == "region":
        region = load_knowledge().regions.get(code)
        if region is not None:
            return region.label
    if field.grade:
        return "weak, not graded" if code == "weak" else f"MRC grade {code} of 5"
    return code.replace("_", " ")


def answer_coding(field: Field, code: str) -> dict[str, Any]:
    return codes.coding(codes.value_set(field.value_set), code, option_display(field, code))


def ordered(fields: Sequence[Field]) -> list[Field]:
    """Fields in the order the interview asks them (red flags first), the rest in the case's order."""
    order = _asked()[2]

    def first_asked(f: Field) -> int:
        return min((order.get(leaf.path, 10**6) for leaf in f.leaves()), default=10**6)

    return sorted(fields, key=lambda f: (first_asked(f), fields.index(f)))


# ------------------------------------------------------------------------------------------ Questionnaire
def _question_item(field: Field) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": field.path, "text": label(field.path), "type": _FHIR_TYPE[field.kind]}
    if field.repeats:
        item["repeats"] = True
    if field.kind == "group":
        item["item"] = [_question_item(c) for c in ordered(field.children)]
        return item
    item["code"] = [codes.coding(codes.FINDING, field.path, label(field.path))]
    item["extension"] = [{"url": codes.OBSERVATION_EXTRACT, "valueBoolean": True}]
    if field.kind == "choice":
        item["answerOption"] = [{"valueCoding": answer_coding(field, c)} for c in field.options]
    return item


def questionnaire() -> dict[str, Any]:
    """The interview as a Questionnaire (a plain dict; validated by the FHIR models in fhir.py and tests)."""
    _, screens, _ = _asked()
    screen_items = [
        {"linkId": f"screen.{q.id}", "text": q.text, "type": "boolean"} for q in screens if q.kind == "yes_no"
    ]
    items = [_question_item(f) for f in ordered(case_fields())]
    if screen_items:
        text = "Warning-sign screens: a yes opens the questions they cover, which record the answer"
        items.insert(0, {"linkId": "screen", "text": text, "type": "group", "item": screen_items})
    return {
        "resourceType": "Questionnaire",
        "id": "nerveroot-interview",
        "url": codes.QUESTIONNAIRE,
        "version": __version__,
        "name": "NerverootInterview",
        "title": "nerveroot: pain, numbness or weakness from the lower back",
        "status": "active",
        "subjectType": ["Patient"],
        "description": "The case nerveroot assesses. Every field is optional: an unanswered item is "
        "'not asked / unknown', never 'no'. A 'not sure' is recorded in the 'unsure' group.",
        "item": items,
    }


# ------------------------------------------------------------------------------ QuestionnaireResponse
def _answer(field: Field, value: Any) -> dict[str, Any]:
    if field.kind == "boolean":
        return {"valueBoolean": bool(value)}
    if field.kind == "integer":
        return {"valueInteger": int(value)}
    if field.kind == "decimal":
        return {"valueDecimal": float(value)}
    if field.kind == "choice":
        code = grade_code(value) if field.grade else str(value)
        return {"valueCoding": answer_coding(field, code)}
    return {"valueString": str(value)}


def _response_items(fields: Sequence[Field], data: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    for field in ordered(fields):
        if field.name not in data or data[field.name] is None:
            continue
        value = data[field.name]
        if field.kind == "group":
            groups = value if field.repeats else [value]
            for one in groups:
                children = list(_response_items(field.children, one))
                if children:
                    yield {"linkId": field.path, "item": children}
        else:
            values = value if field.repeats else [value]
            if values:
                yield {"linkId": field.path, "answer": [_answer(field, v) for v in values]}


def response_items(case: Case | Mapping[str, Any]) -> list[dict[str, Any]]:
    """The case as QuestionnaireResponse items (only what is known; unknown stays absent)."""
    data = case_json(case if isinstance(case, Case) else parse_case(case))
    return list(_response_items(case_fields(), data))


def _value(field: Field, answer: Mapping[str, Any]) -> Any:
    if "valueCoding" in answer:
        code = answer["valueCoding"]["code"]
        return grade_value(code) if field.grade else code
    for key in ("valueBoolean", "valueInteger", "valueDecimal", "valueString"):
        if key in answer:
            return answer[key]
    raise ValueError(f"{field.path}: an answer without a value")


def _case_part(fields: Mapping[str, Field], items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        field = fields.get(item["linkId"])
        if field is None:
            continue  # the screens: recorded through the fields they cover
        if field.kind == "group":
            children = {c.path: c for c in field.children}
            part = _case_part(children, item.get("item", []))
            if field.repeats:
                out.setdefault(field.name, []).append(part)
            else:
                out[field.name] = part
        else:
            values = [_value(field, a) for a in item.get("answer", [])]
            out[field.name] = values if field.repeats else values[0]
    return out


def case_from_response(response: Mapping[str, Any]) -> dict[str, Any]:
    """The case a QuestionnaireResponse of this Questionnaire records (the inverse of the response)."""
    top = {f.path: f for f in case_fields()}
    return _case_part(top, response.get("item", []))
