"""The red-flag screen: plain questions asked before anything else, each mapped to case fields.

A question is answered yes, no or not sure. "Yes" and "no" set the fields; "not sure" leaves them
absent, which the engine reads as unknown (never as "no"). The engine's triage rules decide what is an
emergency; this module only turns answers into case fields and back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ANSWERS = ("yes", "no", "unsure")


@dataclass(frozen=True)
class FlagQuestion:
    id: str
    text: str
    hint: str
    fields: tuple[str, ...]  # history fields a "yes" sets to true and a "no" sets to false
    group: str


QUESTIONS: tuple[FlagQuestion, ...] = (
    FlagQuestion(
        "saddle_numbness",
        "Is there numbness or a strange feeling between your legs, around your back passage or genitals?",
        "The area that would touch a bicycle saddle.",
        ("saddle_numbness",),
        "base",
    ),
    FlagQuestion(
        "bladder",
        "Has passing urine changed: trouble starting or emptying, leaking, or not feeling when you go?",
        "Include not noticing that your bladder is full.",
        ("bladder_dysfunction",),
        "base",
    ),
    FlagQuestion(
        "bowel",
        "Have you lost control of your bowels, or not felt when you open them?",
        "",
        ("bowel_incontinence",),
        "base",
    ),
    FlagQuestion(
        "sexual",
        "Has there been a new change in sexual feeling or function?",
        "For example numbness of the genitals, or problems with erection or ejaculation.",
        ("sexual_dysfunction",),
        "base",
    ),
    FlagQuestion(
        "both_legs",
        "Have pain, numbness, tingling or weakness come on in both legs in the last few days?",
        "Answer no if both legs have been like this for months.",
        ("bilateral_leg_symptoms_new",),
        "base",
    ),
    FlagQuestion(
        "weakness_worse",
        "Is weakness in your leg or foot getting worse, or has a foot started to drop or slap?",
        "",
        ("progressive_weakness",),
        "base",
    ),
    FlagQuestion(
        "aorta",
        "Did very severe pain in your back or belly come on suddenly, with feeling faint or collapsing?",
        "",
        ("sudden_severe_pain", "faintness_or_collapse"),
        "general",
    ),
    FlagQuestion(
        "fever",
        "Do you have a fever, or feel hot, shivery and unwell along with the back pain?",
        "",
        ("fever",),
        "general",
    ),
    FlagQuestion(
        "cancer",
        "Have you ever had cancer?",
        "",
        ("history_of_cancer",),
        "general",
    ),
    FlagQuestion(
        "weight_loss",
        "Have you lost weight recently without trying?",
        "",
        ("unexplained_weight_loss",),
        "general",
    ),
    FlagQuestion(
        "trauma",
        "Did the pain start after a fall, an accident or another hard knock?",
        "",
        ("significant_trauma",),
        "general",
    ),
    FlagQuestion(
        "bones",
        "Do you have thin bones (osteoporosis), or have you taken steroid tablets for months?",
        "",
        ("osteoporosis_or_steroid_use",),
        "general",
    ),
    FlagQuestion(
        "immune",
        "Is your immune system weakened, by an illness or by medicines?",
        "",
        ("immunosuppression",),
        "general",
    ),
    FlagQuestion(
        "infection",
        "Have you had an infection recently, such as a urine or chest infection, or a wound infection?",
        "",
        ("recent_infection",),
        "general",
    ),
    FlagQuestion(
        "spine_surgery",
        "Have you ever had an operation on your spine?",
        "",
        ("previous_spinal_surgery",),
        "general",
    ),
    FlagQuestion(
        "injecting",
        "Have you ever injected drugs?",
        "We ask because it raises the risk of an infection near the spine. Your answer stays private.",
        ("intravenous_drug_use",),
        "general",
    ),
    FlagQuestion(
        "night_pain",
        "Is the pain constant and severe even when you lie still, day and night?",
        "",
        ("pain_at_rest_unrelenting",),
        "general",
    ),
)

GROUPS = {
    "base": "Signs that nerves at the base of the spine are squeezed",
    "general": "Other warning signs",
}


def answers_to_history(form: Mapping[str, str]) -> tuple[dict[str, bool], dict[str, str]]:
    """Turn ``flag-<id>`` answers into history fields; unanswered or invalid questions become errors."""
    history: dict[str, bool] = {}
    errors: dict[str, str] = {}
    for q in QUESTIONS:
        answer = form.get(f"flag-{q.id}", "")
        if answer not in ANSWERS:
            errors[q.id] = (
                "Choose yes, no or not sure for this question."
                if not answer
                else f"'{answer}' is not an answer here; choose yes, no or not sure."
            )
            continue
        if answer != "unsure":
            history.update({field: answer == "yes" for field in q.fields})
    return history, errors


def history_to_answers(history: Mapping[str, Any], *, screened: bool) -> dict[str, str]:
    """The answers as the form shows them again; once screened, an absent field was "not sure"."""
    answers: dict[str, str] = {}
    for q in QUESTIONS:
        values = [history.get(f) for f in q.fields]
        if any(v is True for v in values) and all(v is not False for v in values):
            answers[q.id] = "yes"
        elif all(v is False for v in values):
            answers[q.id] = "no"
        elif screened:
            answers[q.id] = "unsure"
    return answers


def field_names() -> set[str]:
    return {f for q in QUESTIONS for f in q.fields}
