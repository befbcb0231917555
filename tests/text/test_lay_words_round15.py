"""Round 15 of issue 13: misses of the development batches, each written here before its fix.

- A grade from before written in a bracket after today's ("dorsiflexion 4/5 (both 5/5 at his 2-week wound
  check)", "PF 4/5 bilat (5/5 at IA)") is not today's grade, and a lower grade today is weakness getting worse.
"""

from __future__ import annotations

import pytest
from textread import ABSENT, check_read, check_unsure

from nerveroot.text import read_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Right EHL 3/5 and dorsiflexion 4/5 (both 5/5 at his 2-week wound check).",
            {"weakness.right.ankle_dorsiflexion": 4, "weakness.right.great_toe_extension": 3,
             "history.progressive_weakness": True},
        ),
        (
            "Dorsiflexion 4/5 (5/5 at last review).",
            {"weakness.unknown.ankle_dorsiflexion": 4, "history.progressive_weakness": True},
        ),
        (
            "PF 4/5 bilat (5/5 at IA).",
            {"weakness.left.ankle_plantarflexion": 4, "weakness.right.ankle_plantarflexion": 4,
             "history.progressive_weakness": True},
        ),
        (
            "Quads 3/5 on the left (4/5 at her clinic appointment last month).",
            {"weakness.left.knee_extension": 3, "history.progressive_weakness": True},
        ),
    ],
)
def test_a_grade_from_before_in_a_bracket_is_not_todays(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Dorsiflexion 4/5 (5/5 on the right).",
        "EHL 4/5 on assessment today, previously full.",
    ],
)
def test_a_bracket_without_an_earlier_time_is_not_a_grade_from_before(text: str) -> None:
    check_read(text, {"history.progressive_weakness": ABSENT})


def test_pain_noticed_more_in_bed_with_a_doubt_leaves_night_pain_unsure() -> None:
    check_unsure(
        "I had bowel cancer. Nagging ache in my lower back for three weeks. I notice it more in bed, I think.",
        "history.pain_at_rest_unrelenting",
    )


def test_pain_more_in_bed_without_a_doubt_raises_nothing() -> None:
    text = "Nagging ache in my lower back for three weeks, more in bed."
    assert not read_text(text).case.unsure


@pytest.mark.parametrize(
    "text",
    [
        # the other leg that has begun, for the first time
        "Left-sided sciatica for about five weeks, from the buttock down the back of the thigh and calf. "
        "On direct questioning the right calf has also begun to tingle for the first time.",
        # a doubt told after another warning sign is that sign's, not the leg's
        "ive had sciatica in my left leg for couple of weeks but since yesterday the right one has started as "
        "well and when i wipe after the toilet i cant really feel it?? like my bum is numb.",
        # the time said two sentences before, in the same paragraph
        "Three weeks ago my back went and since then I've had sciatica down the left leg.\n"
        "Since the weekend there's been something else going on. My undercarriage feels odd. The inside tops "
        "of both thighs feel a bit numb.",
    ],
)
def test_the_other_leg_joining_lately_is_new_in_both_legs(text: str) -> None:
    check_read(text, {"history.bilateral_leg_symptoms_new": True})


def test_a_time_two_paragraphs_back_does_not_make_both_legs_new() -> None:
    text = (
        "Since the weekend my back has been sore again.\n\nI have had numb feet for years. Both feet feel numb "
        "in the mornings."
    )
    check_read(text, {"history.bilateral_leg_symptoms_new": ABSENT})
