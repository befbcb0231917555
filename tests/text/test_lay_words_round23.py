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

from nerveroot.service import assess_text
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


DAVIE = (
    "hiya its Davie Munro. wee question. ma sciatica wis just the left leg but since thursday its in baith legs "
    "noo and when ah wipe ma bum ah cannae really feel it, like its no ma bum. is that normal wi sciatica?"
)


def test_a_scots_message_of_saddle_numbness_is_read() -> None:
    """Scots words (cannae, baith, noo, ma) are read as the English ones; "wee question" is no bladder. (Both
    legs are not read here: a second "my bum" in the sentence loses them, left for a later round.)"""
    assert read_text(DAVIE).case.history.saddle_numbness is True
    assessment = assess_text(DAVIE)
    assert assessment.triage.level == "emergency"
    assert "bladder" not in {u.topic for u in assessment.unresolved}


def test_dialect_words_keep_their_own_offsets_in_the_evidence() -> None:
    read = read_text(DAVIE)
    spans = {e.text for e in read.evidence}
    assert "cannae really feel" in spans or any("cannae" in s for s in spans)


@pytest.mark.parametrize(
    "words",
    [
        "like it's not my bum",
        "as if it's not part of me",
        "like it isn't my bottom at all",
        "like its no ma bum",
    ],
)
def test_a_likeness_told_with_not_describes_the_numbness_and_does_not_deny_it(words: str) -> None:
    check_read(
        f"Left sciatica for three weeks. When I wipe my bum I can't really feel it, {words}.",
        {"history.saddle_numbness": True},
    )


def test_ma_before_a_relative_s_word_stays_the_mother() -> None:
    """ "ma" is "my" only before a part of the body: "my ma had cancer" is the mother's."""
    case = read_text("ma back's been sore for two weeks. my ma had cancer of the bowel.").case
    assert case.history.history_of_cancer is not True


def test_call_me_back_is_not_my_back() -> None:
    """"me" is "my" before a part of the body, but not after a verb that takes it ("call me back")."""
    text = (
        "Please can someone call me back urgently. My dad is 79, he normally has sciatica in his left leg but "
        "this afternoon the leg suddenly got really painful and now his foot is cold and white and he says its "
        "numb. He can barely move his toes."
    )
    assert read_text(text).case.history.cold_feet is True
    assert assess_text(text).triage.level == "emergency"


def test_if_it_is_not_my_bladder_is_still_a_denial_of_the_bladder() -> None:
    case = read_text(
        "Both legs ache since Saturday. I can pee fine, I can feel it. I feel like if it's not my bladder I'm ok?"
    ).case
    assert "history.bladder_dysfunction" not in {u.finding for u in case.unsure}
