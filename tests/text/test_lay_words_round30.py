"""Thirtieth round: a telephone answer's "they" for the legs a question named, legs that nearly went from under
someone (docs/reader.md)."""

from __future__ import annotations

import pytest

from nerveroot.service import assess_text
from nerveroot.text import read_text

_CALL = (
    'CA: Any problem with your legs? C: "They\'ve gone to jelly since Thursday. This morning they went from under '
    'me." CA: Any numbness? C: "No."'
)


def test_an_answers_they_is_the_legs_the_question_named() -> None:
    """A triage call asks of the legs and the caller answers "They've gone ...": nothing in the answer named a
    leg, so both legs failing since Thursday (an emergency) were read as nothing at all."""
    case = read_text(_CALL).case
    assert case.history.bilateral_leg_symptoms_new is True
    assert (case.weakness.left or {}).get("leg") is not None
    assert (case.weakness.right or {}).get("leg") is not None
    assert assess_text(_CALL).triage.level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        'Q: Any problem with your legs? A: "They said I was all clear." ',  # not a leg symptom of its own
        'Q: Any history of cancer? A: "They said I was all clear." My legs are fine.',
    ],
)
def test_an_answers_they_names_no_legs_of_its_own(text: str) -> None:
    case = read_text(text).case
    assert not (case.weakness.left or case.weakness.right)
    assert case.history.bilateral_leg_symptoms_new is not True


@pytest.mark.parametrize(
    "text",
    ["This morning my legs nearly went from under me.", "His legs almost gave way on the stairs yesterday."],
)
def test_legs_that_nearly_went_from_under_someone_are_weak(text: str) -> None:
    case = read_text(text).case
    assert (case.weakness.left or {}).get("leg") is not None
    assert (case.weakness.right or {}).get("leg") is not None


def test_legs_gone_funny_like_jelly_since_a_day() -> None:
    """The jelly came after the time ("gone funny since Thursday, like jelly"); only "gone to jelly" was read."""
    case = read_text("My legs have gone funny since Thursday, like jelly.").case
    assert case.history.bilateral_leg_symptoms_new is True
    assert (case.weakness.left or {}).get("leg") is not None
