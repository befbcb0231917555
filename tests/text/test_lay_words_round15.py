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
