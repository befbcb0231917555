"""Round 14 of issue 13: misses of the development batches, each written here before its fix.

- Inflammatory back pain told in a person's words: long morning stiffness without a "more than" ("stiff every
  morning for like an hour", "mornings take well over an hour to loosen"), exercise that helps ("a gym session
  helps"), rest that does not ("lying on the sofa all Sunday makes it worse"), and waking in the early hours
  eased by getting up told over two sentences. Without them the engine's routine referral for suspected
  inflammatory back pain never fires.
"""

from __future__ import annotations

import pytest
from textread import ABSENT, check_read


@pytest.mark.parametrize(
    "text",
    [
        "hi im 27 and my lower back has been stiff every morning for like an hour, for months now.",
        "It's worst first thing: I'm stiff as a plank for an hour and a half, maybe more.",
        "Low back pain for eight months; mornings take well over an hour to loosen.",
        "It takes me a good hour to loosen up in the mornings.",
        "Early-morning stiffness lasting about 45 minutes, back pain for a year.",
        "My back is stiff for two hours after I wake up.",
    ],
)
def test_long_morning_stiffness_in_a_persons_words(text: str) -> None:
    check_read(text, {"history.morning_stiffness_over_30_min": True})


@pytest.mark.parametrize(
    "text",
    [
        "A bit stiff for five minutes in the morning, then fine.",
        "It takes me ten minutes to loosen up in the mornings.",
        "Stiff for an hour after the long drive on Monday.",
    ],
)
def test_short_or_other_stiffness_is_not_long_morning_stiffness(text: str) -> None:
    check_read(text, {"history.morning_stiffness_over_30_min": ABSENT})


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Low back pain for eight months. A gym session helps, a lazy weekend makes it worse.",
         "history.improves_with_exercise"),
        ("Low back pain for eight months. A gym session helps, a lazy weekend makes it worse.",
         "history.no_improvement_with_rest"),
        ("Back ache for months. Lying on the sofa all Sunday makes it worse.", "history.no_improvement_with_rest"),
        ("Back ache for months. Swimming really helps it.", "history.improves_with_exercise"),
        (
            "For about eight months I've had a deep ache low in my back. Lately it wakes me at about 4 am. "
            "If I get up and walk around it's much better.",
            "history.night_pain_improves_on_getting_up",
        ),
    ],
)
def test_inflammatory_features_in_a_persons_words(text: str, finding: str) -> None:
    check_read(text, {finding: True})


def test_early_waking_eased_by_getting_up_is_not_unrelenting_night_pain() -> None:
    check_read(
        "For about eight months I've had a deep ache low in my back. Lately it wakes me at about 4 am. "
        "If I get up and walk around it's much better.",
        {"history.pain_at_rest_unrelenting": ABSENT},
    )


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Pain started at 26, wakes him around 4 am and is better after a hot shower and moving about.",
         "history.night_pain_improves_on_getting_up"),
        ("Stiff for 90 minutes every morning. Better at the gym, rest does nothing.",
         "history.improves_with_exercise"),
        ("Stiff for 90 minutes every morning. Better at the gym, rest does nothing.",
         "history.no_improvement_with_rest"),
    ],
)
def test_inflammatory_features_in_a_triage_note(text: str, finding: str) -> None:
    check_read(text, {finding: True})


@pytest.mark.parametrize(
    "text",
    [
        # the rest that eases it, told after its cue
        "Severe low back pain, which catches him when he gets up from a chair or turns in bed; lying still "
        "eases it.",
        # the night cue belongs to a sentence about the leg, told after the back pain
        "For the last few weeks I've had an ache between my shoulder blades. I assumed it's from sleeping in "
        "the recliner because lying flat hurt my leg.",
    ],
)
def test_mechanical_pain_told_over_two_sentences_is_not_unrelenting(text: str) -> None:
    check_read(text, {"history.pain_at_rest_unrelenting": ABSENT})
