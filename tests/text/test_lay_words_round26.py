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


def test_strength_lined_up_under_side_columns() -> None:
    """A trauma note's power chart lined up by spaces under "R" and "L": each column is that side's grades."""
    case = read_text(
        "Neuro:        R     L\n"
        "Hip flex      4     4\n"
        "Knee ext      3     4\n"
        "DF            3     2\n"
        "PF            4     4\n"
        "Reflexes: knee jerks reduced both sides, ankle jerks absent both sides."
    ).case
    assert (case.weakness.right or {}).get("knee_extension") == 3
    assert (case.weakness.left or {}).get("knee_extension") == 4
    assert (case.weakness.left or {}).get("ankle_dorsiflexion") == 2
    assert (case.weakness.right or {}).get("hip_flexion") == 4


@pytest.mark.parametrize("arrow", ["↓", "⬇", "dec"])
def test_a_knee_jerk_with_a_down_arrow_is_reduced(arrow: str) -> None:
    """ "KJ ↓ bilat" is reduced knee jerks on both sides, never brisk."""
    case = read_text(f"PF 4 4\nKJ {arrow} bilat, AJ 0 bilat.").case
    for side in (case.reflexes.left, case.reflexes.right):
        assert side is not None and side.patellar == "reduced"


@pytest.mark.parametrize(
    "text",
    [
        "Low back and buttock pain for two years, age 26. I wake up around 4am most nights aching and stiff, and "
        "the only thing that helps is getting up and walking about.",
        "Low back pain for two years, age 26. Most nights I wake up at about 5 with my back aching; once I'm up "
        "and moving it eases off.",
    ],
)
def test_night_pain_that_walking_about_eases_is_inflammatory_not_unrelenting(text: str) -> None:
    """Waking in the small hours with pain that getting up and moving eases is inflammatory back pain's night
    pain, not the unrelenting rest pain of a tumour or infection."""
    history = read_text(text).case.history
    assert history.pain_at_rest_unrelenting is not True
    assert history.night_pain_improves_on_getting_up is True


def test_an_epidural_haematoma_on_a_scan_is_an_epidural_mass() -> None:
    """A bleed in the epidural space after an injection compresses like any mass: the schema's epidural_mass."""
    case = read_text(
        "Woke with severe back pain the morning after a spinal injection. MRI: dorsal epidural haematoma from L2 "
        "to L4 compressing the thecal sac."
    ).case
    assert "epidural_mass" in {i.finding for i in case.imaging}


def test_progressive_stiffness_and_heaviness_of_both_legs_is_weakness_getting_worse() -> None:
    """ "4/12 progressive stiffness + heaviness both legs": the course covers both words, and heaviness is
    weakness."""
    case = read_text("HPC: 64M. 4/12 progressive stiffness + heaviness both legs, 2 falls.").case
    assert case.history.progressive_weakness is True


def test_an_examiner_pushing_against_the_feet_is_no_symptom_in_them() -> None:
    """ "She lifted my leg (that hurt) and pushed against my feet and toes": the feet are examined, not sore,
    and one sore leg is no new trouble in both."""
    case = read_text(
        "Right buttock and shin pain for three weeks after lifting a crate. The physio did lots of tests, lifting "
        "my leg up (that hurt at about halfway) and pushing against my feet and toes."
    ).case
    assert not case.pain.left
    assert case.history.bilateral_leg_symptoms_new is not True


@pytest.mark.parametrize(
    "text",
    [
        "Felt a sudden pop in the middle of the back of his right thigh while sprinting three weeks ago.",
        "On examination she has a thoracolumbar kyphosis and point tenderness at about L2.",
        "For about three months I've had a dull ache in my lower-middle back.",
    ],
)
def test_places_that_are_not_the_thoracic_spine(text: str) -> None:
    """The back of a thigh, a kyphosis's curve and the lower-middle back are not thoracic pain."""
    assert read_text(text).case.history.thoracic_pain is not True


def test_a_belt_worn_looser_by_choice_is_no_weight_loss() -> None:
    """ "I've started wearing the belt looser" is a choice against a squashed nerve, not clothes hanging off."""
    text = (
        "Burning on the outside of my right thigh for two months. I've started wearing the belt looser and braces "
        "instead for a week and I think it's slightly better."
    )
    assert read_text(text).case.history.unexplained_weight_loss is not True


def test_cannot_tell_you_about_sex_is_not_a_loss_of_it() -> None:
    """ "Sex life is not a priority, so I can't tell you about that one" leaves sexual function unsaid or unsure,
    never read as lost."""
    case = read_text(
        "Sciatica down both legs for a week. Peeing normal, nothing numb between my legs. Sex life is... well, not "
        "a priority at the moment with my back like this, so I can't tell you about that one honestly."
    ).case
    assert case.history.sexual_dysfunction is not True


def test_old_sphincter_symptoms_said_unchanged_after_a_review_are_old() -> None:
    """ "...needs to double-void; urology reviewed him in 2020 and these have been unchanged for over five
    years": the symptoms are long-standing and stable, so urgent, not an emergency (PRODUCT.md capability 4)."""
    reading = read_text(
        "He had an emergency discectomy for cauda equina syndrome in 2018. Since then he has had a numb patch on "
        "the left side of the perineum and needs to double-void; urology reviewed him in 2020 and these have "
        "been unchanged for over five years. Four weeks of new left sciatica to the outer foot."
    )
    assert (reading.case.history.ces_symptoms_onset_days or 0) > 14
    assert assess(reading.case).triage.level == "urgent"


def test_new_sphincter_symptoms_beside_an_unchanged_back_stay_an_emergency() -> None:
    """The stable words must be about the sphincter symptoms: an old back pain "the same as ever" beside a bladder
    that stopped two days ago leaves the bladder new."""
    reading = read_text(
        "Since Tuesday I can't feel when I need to wee and I have to strain to get it started. My back has "
        "been the same for years, it has been exactly the same since my op in 2015."
    )
    assert reading.case.history.ces_symptoms_onset_days is None
    assert assess(reading.case).triage.level == "emergency"
