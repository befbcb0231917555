"""The interview moved to its own package beside the engine (nerveroot.interview); this name is kept so that
callers written before the move keep working."""

from nerveroot.interview import (
    NOT_SURE,
    Option,
    Question,
    Step,
    answer_from_case,
    apply_answer,
    load_questions_from,
    next_step,
    questions,
)
from nerveroot.interview.bank import _bank

__all__ = [
    "NOT_SURE",
    "Option",
    "Question",
    "Step",
    "_bank",
    "answer_from_case",
    "apply_answer",
    "load_questions_from",
    "next_step",
    "questions",
]
