"""The warning-sign page: the screen of nerveroot.warning_signs (built from questions.yaml), read from a form.

Each question is answered yes, no or not sure. An answer that makes it an emergency goes straight to what to
do now, whatever is still blank; otherwise every question needs an answer, and each one left blank is named.
"""

from __future__ import annotations

from collections.abc import Mapping

from nerveroot.warning_signs import ANSWERS, ScreenGroup, ScreenQuestion, screen, screen_questions

QUESTIONS: tuple[ScreenQuestion, ...] = screen_questions()
GROUPS: tuple[ScreenGroup, ...] = screen()

# headings of the page's sections, one per red-flag screen of questions.yaml (the questions come from there)
GROUP_TITLES = {
    "ces_screen": "Signs that the nerves at the base of the spine are squeezed",
    "nerve_screen": "Weakness, balance and your hands",
    "serious_screen": "Other warning signs",
}
LABELS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}


def read_answers(form: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """The answers given (question id -> yes, no or unsure), and an error for each answer not offered."""
    answers: dict[str, str] = {}
    errors: dict[str, str] = {}
    for q in QUESTIONS:
        answer = form.get(f"flag-{q.id}", "")
        if answer in ANSWERS:
            answers[q.id] = answer
        elif answer:
            errors[q.id] = f"'{answer}' is not an answer to “{q.text}” Choose yes, no or not sure."
    return answers, errors


def blank_errors(answers: Mapping[str, str]) -> dict[str, str]:
    """One message per question left blank, naming the question (a warning sign not asked is not "no")."""
    return {q.id: f"Answer “{q.text}” with yes, no or not sure." for q in QUESTIONS if q.id not in answers}
