"""The adaptive interview, beside the engine: the question bank (data), answers, the engine's view of a case,
what a question is worth, the floor the red-flag rules set, and the choice of the next question.

Pure: the case so far and the ids already asked go in, the next question (or none) and the assessment so far
come out. See flow.py for the order of the questions and the stop rule.
"""

from nerveroot.interview.answers import answer_from_case, apply_answer
from nerveroot.interview.bank import NOT_SURE, Option, Question, Step, load_questions_from, questions
from nerveroot.interview.flow import next_step

__all__ = [
    "NOT_SURE",
    "Option",
    "Question",
    "Step",
    "answer_from_case",
    "apply_answer",
    "load_questions_from",
    "next_step",
    "questions",
]
