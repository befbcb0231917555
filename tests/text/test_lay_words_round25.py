"""Twenty-fifth round: a cancer in the past is still a history of cancer (docs/reader.md)."""

from __future__ import annotations

import pytest

from nerveroot.engine import assess
from nerveroot.text import read_text


@pytest.mark.parametrize(
    "text",
    [
        "Left buttock and calf pain for 4 weeks now. Back in 2019 I had chemo and a mastectomy on the left side.",
        "Left buttock and calf pain for 4 weeks now. Back in 2019 I had chemo and a mastectomy on the left side, "
        "been fine since then, no other problems.",
        "Left buttock and calf pain 4 weeks. Was treated for a lump in my breast a few years ago, all clear now "
        "they said.",
    ],
)
def test_a_cancer_treated_years_ago_is_not_over(text: str) -> None:
    """Words of cancer told in the past ("back in 2019 I had chemo") are a history, not an episode that ended, and
    being well since ("been fine since", "all clear now") does not deny it: the topic is at least unsure, and the
    triage at least prompt (PRODUCT.md: a cancer history)."""
    a = assess(read_text(text).case)
    assert "cancer" in {u.topic for u in a.unresolved} or read_text(text).case.history.history_of_cancer
    assert a.triage.level == "prompt"


@pytest.mark.parametrize(
    "text",
    [
        "Left sciatica 4 weeks. My mum had chemo years ago, all clear now.",
        "Left sciatica 4 weeks. Never had cancer, been fine since the op on my knee.",
        "Left sciatica 4 weeks. No history of cancer.",
    ],
)
def test_someone_elses_cancer_or_a_denied_one_raises_nothing(text: str) -> None:
    reading = read_text(text)
    assert "cancer" not in {u.topic for u in assess(reading.case).unresolved}
    assert reading.case.history.history_of_cancer is not True


@pytest.mark.parametrize(
    "text",
    [
        "Since 4pm my left foot has gone cold and white and numb and the calf is very painful.",
        "Since about 5 o'clock her right foot has been cold and pale, she cant feel it and her calf hurts.",
        "This afternoon about 2, watching telly, my left foot went strange. Cold as ice, and the toes a bit blue.",
    ],
)
def test_a_foot_gone_cold_since_a_clock_time_today_is_an_emergency(text: str) -> None:
    """A clock time ("since 4pm", "since about 5 o'clock") is today, and "went strange" after "this afternoon"
    is the change dated; "toes a bit blue" is a foot's colour: acute limb ischaemia (PRODUCT.md: emergency)."""
    reading = read_text(text)
    assert reading.case.history.cold_feet is True
    assert reading.case.duration_weeks is not None and reading.case.duration_weeks < 1
    assert assess(reading.case).triage.level == "emergency"


def test_age_in_years_then_sex_is_not_a_duration() -> None:
    """ "Pt: 58 yrs / F" is her age and sex; "× 3 days" (a multiplication sign) is the symptoms' time."""
    reading = read_text("Pt: 58 yrs / F, teacher.\nC/o: LBP radiating to both lower limbs × 3 days.")
    assert (reading.case.age, reading.case.sex) == (58, "female")
    assert reading.case.duration_weeks == pytest.approx(3 / 7, abs=0.01)
    assert reading.case.history.bilateral_leg_symptoms_new is True


@pytest.mark.parametrize(
    "text",
    [
        "My husband is 79. For six weeks he has been staggering like he's had a few, and his shirt buttons take "
        "him forever now. He dropped three mugs last week. His back aches as always.",
        "I am 66 years man. Two months my walking is like drunk man, I hold the wall. My fingers became like "
        "wood and I cannot close the buttons of my coat. My handwriting is like a child.",
    ],
)
def test_unsteady_walking_with_clumsy_hands_is_urgent(text: str) -> None:
    """Unsteady walking with hands that fumble buttons, drop cups or feel wooden is the picture of pressure on
    the cord in the neck: urgent (REFERENCE.md, Sheffield red flags: widespread neurology with altered hand
    function), with no reflexes needed, since a person cannot know their own."""
    reading = read_text(text)
    assert reading.case.history.gait_unsteady is True
    assert reading.case.history.hand_symptoms is True
    a = assess(reading.case)
    assert a.triage.level == "urgent"
    assert any("hands" in r for r in a.triage.reasons)


def test_a_trip_caused_by_a_foot_that_would_not_lift_is_weakness_not_an_injury() -> None:
    """ "Tripped ... because the toes didn't come up" is foot drop told by what it did: weakness of the ankle's
    lift, and the trip its consequence (no minor trauma, so no fracture route at 80); "lifting the knee high to
    clear the step" is a high-stepping walk."""
    text = (
        "I'm 80 and my back has ached for a month, with pain down the outside of the right leg. Last week I "
        "tripped on the rug because the toes on my right foot didn't come up, and now I'm lifting the knee high "
        "to clear the step."
    )
    reading = read_text(text)
    assert (reading.case.weakness.right or {}).get("ankle_dorsiflexion", 5) <= 3
    assert reading.case.history.minor_trauma is not True
    assert assess(reading.case).triage.level == "urgent"


def test_the_fingers_of_the_foot_are_its_toes() -> None:
    """Said through a translator: "I cannot stand on the fingers of the left foot, on the right foot I can"."""
    reading = read_text(
        "Two weeks my left leg burns from the back of the thigh to the heel. I cannot stand on the fingers of the "
        "left foot, on the right foot I can."
    )
    assert (reading.case.weakness.left or {}).get("ankle_plantarflexion", 5) < 5
    assert assess(reading.case).triage.level in ("prompt", "urgent")


def test_years_of_kneeling_at_work_are_not_the_symptoms_time() -> None:
    """ "Been on my knees for twenty years" is a tiler's trade; the sciatica's own four weeks are its time."""
    reading = read_text(
        "Tiler, 42, self employed, been on my knees for twenty years so I suppose this was coming. Sciatica in "
        "the right leg for about four weeks, started after laying a big porcelain floor."
    )
    assert reading.case.duration_weeks == pytest.approx(4, abs=0.5)
