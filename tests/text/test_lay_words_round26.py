"""Twenty-sixth round: a sign in brackets, toes that grip the floor, a side said to be fine (docs/reader.md)."""

from __future__ import annotations

import pytest

from nerveroot.engine import assess
from nerveroot.text import read_text


@pytest.mark.parametrize(
    ("text", "side", "sign"),
    [
        ("SLR R 45 (+), L 80 (-). Pain down the right leg to the foot for 3 weeks.", "right", "positive"),
        ("O/E: SLR L 35 (+ve). Pain in the left buttock and calf.", "left", "positive"),
        ("SLR R 85 (-ve). Low back pain only.", "right", "negative"),
    ],
)
def test_a_straight_leg_raise_sign_in_brackets_after_its_angle(text: str, side: str, sign: str) -> None:
    """A physio writes the sign in brackets after the angle, with or without degrees: "SLR R 45 (+)"."""
    tests = getattr(read_text(text).case.tests, side)
    assert tests is not None and tests.straight_leg_raise == sign


def test_toes_that_cannot_grip_the_floor_are_not_hands() -> None:
    """Gripping the floor with the toes is the foot's flexors (S1), not clumsy hands (a cord sign)."""
    case = read_text(
        "Pain down my left leg for 3 weeks and this morning I couldn't grip the floor with my toes on that side."
    ).case
    assert not case.history.hand_symptoms


def test_a_side_said_to_be_fine_lends_itself_to_no_later_symptom() -> None:
    """ "The left is fine" (no noun) is the well leg: the next sentence's numb foot is the right one said before."""
    case = read_text(
        "My right foot has been slapping down when I walk for a fortnight, and now it won't point up at all. "
        "The left is fine. Top of the foot feels a little like it belongs to someone else."
    ).case
    assert "dorsum_foot" not in (case.numbness.left or [])


@pytest.mark.parametrize(
    "text",
    [
        "Pain from my left buttock into the front of the thigh for a month. Ten days ago the left knee felt weak "
        "on the stairs. This week it has given way twice and I nearly fell.",
        "Front of thigh pain on the right, 5 weeks. A fortnight ago I noticed the right leg was a little weak "
        "getting out of the car; this week I can't squat down on that side at all.",
    ],
)
def test_a_weakness_dated_then_failing_this_week_is_getting_worse(text: str) -> None:
    """A weakness dated once ("ten days ago ... weak") and a failure told this week (the knee giving way, a squat
    that cannot be done) is the weakness getting worse (PRODUCT.md: progressive weakness is urgent)."""
    reading = read_text(text)
    assert reading.case.history.progressive_weakness is True
    assert assess(reading.case).triage.level == "urgent"
