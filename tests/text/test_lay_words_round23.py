"""Round 23 of issue 13: misses of the development batches, each written here before its fix.

- A denial with "I haven't exactly been checking" (any one word between "haven't" and the checking) after it
  settles nothing.
- Feeling hot, or waking drenched, raises the infection topic: told with "but I haven't checked a temp", it
  is left unsure, never "no"; a hot feeling in a part of the body ("hot in my left foot") raises nothing.
- A weird or duller feeling when sitting on the loo raises the saddle.
"""

from __future__ import annotations

import pytest
from textread import check_read, check_unsure

from nerveroot.text import read_text


@pytest.mark.parametrize("adverb", ["exactly", "honestly", "ever", "particularly"])
def test_a_denial_with_any_one_word_before_the_checking_settles_nothing(adverb: str) -> None:
    check_unsure(
        "Pain down my left leg for three days. I haven't noticed anything numb down below but I haven't "
        f"{adverb} been checking.",
        "history.saddle_numbness",
    )


@pytest.mark.parametrize(
    "words",
    [
        "some nights i wake up drenched, wife says i feel hot but i havent checked a temp",
        "I've been feeling hot on and off but haven't taken my temperature",
        "woke up soaked through twice this week, not sure if I've had a temperature",
    ],
)
def test_feeling_hot_or_waking_drenched_raises_the_infection_topic(words: str) -> None:
    check_unsure(f"Back pain for 3 weeks, mid to lower back. {words}.", "history.fever")


@pytest.mark.parametrize(
    "words",
    ["I feel hot in my left foot at night, like it's burning", "he says he felt hot down his right shin"],
)
def test_a_hot_feeling_in_a_part_of_the_body_raises_no_infection(words: str) -> None:
    case = read_text(f"Sciatica down the leg for 3 weeks. {words}.").case
    assert "history.fever" not in {u.finding for u in case.unsure}
    assert case.history.fever is None


def test_a_weird_feeling_when_sitting_on_the_loo_raises_the_saddle() -> None:
    check_unsure(
        "I'm 33. Pain down my left calf for two weeks. For the last couple of days there's a slightly weird "
        "feeling when I sit on the loo, like my left bum cheek and a bit in between is less... there? Not numb "
        "exactly, just duller. Weeing is completely normal.",
        "history.saddle_numbness",
    )


@pytest.mark.parametrize(
    "words",
    [
        "loses her footing reaching for the kettle and sits down heavily on the kitchen floor",
        "was losing his footing on the wet deck and sat down really hard",
    ],
)
def test_losing_a_footing_or_sitting_down_heavily_is_a_minor_fall(words: str) -> None:
    case = read_text(
        f"An 81-year-old woman with osteoporosis {words}. Since then she has had back pain."
    ).case
    assert case.history.minor_trauma is True


@pytest.mark.parametrize(
    "course",
    [
        "Three days of increasing difficulty walking; today needs a frame.",
        "Progressive difficulty with the stairs over a fortnight.",
        "Her walking has become increasingly difficult this week.",
    ],
)
def test_increasing_difficulty_walking_with_weakness_found_is_progressive(course: str) -> None:
    check_read(
        f"58M, known lung cancer. {course} Hip flexion 3/5 on both sides.",
        {"history.progressive_weakness": True},
    )


def test_increasing_difficulty_walking_from_pain_alone_says_nothing_of_weakness() -> None:
    case = read_text(
        "Three days of increasing difficulty walking because of the pain. Left EHL 4/5, otherwise 5/5."
    ).case
    assert case.history.progressive_weakness is not True
