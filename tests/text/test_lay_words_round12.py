"""Round 12 of issue 13: warning signs raised and left open, in words the reader settled too soon.

- A person's answer reported with its doubt ("fine as far as she can tell", "OK as far as he knows") settles
  nothing; a doubt named later about a topic denied earlier ("not sure she would notice a change in her bladder")
  reopens it: not sure is never no.
- "An accident in my pants" is a change in bowel or bladder control, never an injury.
- The toilet seat that "feels... different" is the saddle, whatever punctuation sits between.
"""

from __future__ import annotations

import pytest
from textread import ABSENT, WEAK, check_read, check_unsure


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Her bladder is fine as far as she can tell. No saddle numbness.", "history.bladder_dysfunction"),
        ("Waterworks OK as far as he knows, bowels open daily.", "history.bladder_dysfunction"),
        (
            "Asked about the bladder she said it was fine. She has been on codeine and is not sure she would "
            "notice any change in her bladder or bowels.",
            "history.bladder_dysfunction",
        ),
        (
            "No problems with my waterworks. To be honest I'm not sure whether I'd notice a change in my bladder "
            "at the moment with all the painkillers.",
            "history.bladder_dysfunction",
        ),
    ],
)
def test_a_doubt_about_a_topic_leaves_it_unsure(text: str, finding: str) -> None:
    check_unsure(text, finding)


@pytest.mark.parametrize(
    "text",
    [
        "Since the laxatives I've had two small accidents in my underwear and I'm not sure I felt them coming.",
        "Had an accident in my pants yesterday, first time ever, didn't feel it happen.",
    ],
)
def test_an_accident_in_the_pants_is_no_injury_and_raises_continence(text: str) -> None:
    from nerveroot.text import read_text

    case = read_text(text).case
    assert case.history.significant_trauma is not True and case.history.minor_trauma is not True, case
    unsure = {u.finding for u in case.unsure}
    raised = unsure | {
        f for f in ("history.bowel_incontinence", "history.urinary_incontinence")
        if getattr(case.history, f.split(".")[1]) is True
    }  # fmt: skip
    assert raised & {"history.bowel_incontinence", "history.urinary_incontinence", "history.bladder_dysfunction"}


@pytest.mark.parametrize(
    "text",
    [
        "When I sit on the toilet seat it feels... different? Not numb exactly.",
        "Sitting on the loo it feels - odd, hard to describe.",
    ],
)
def test_a_toilet_seat_that_feels_different_raises_the_saddle(text: str) -> None:
    check_unsure(text, "history.saddle_numbness")


def test_a_plain_denial_still_settles() -> None:
    check_read("Bladder and bowels normal, no numbness in the saddle area.", {"history.bladder_dysfunction": False})
    check_read("No accidents with my bladder or bowels.", {"history.bowel_incontinence": ABSENT})


def test_pushing_up_off_the_toilet_is_no_bladder_answer() -> None:
    """Getting up off the loo by pushing on the sink says nothing of passing urine; the doubt after it stands."""
    text = (
        "On Monday I couldn't get up off the loo without pushing on the sink with my arms. I always take ages to "
        "pee; I don't think that's any different, but I haven't been paying much attention."
    )
    check_read(text, {"history.urinary_retention": ABSENT})
    check_unsure(text, "history.bladder_dysfunction")


@pytest.mark.parametrize(
    "text",
    [
        "S/E: legs stiff and heavy. B&B: some urgency for months?? - pt unsure whether new. O/E: gait broad-based.",
        "B&B: frequency/urgency 'a bit worse but I drink a lot of tea'. No SA.",
    ],
)
def test_a_bladder_and_bowel_field_raises_the_bladder(text: str) -> None:
    """'B&B:' is the bladder and bowel field: a trouble written in it is the bladder's, never unread."""
    from nerveroot.text import read_text

    case = read_text(text).case
    unsure = {u.finding for u in case.unsure}
    assert case.history.bladder_dysfunction is True or "history.bladder_dysfunction" in unsure, case


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time that opens its sentence, as other languages say it
        ("From 2 hours my right leg is very cold and white, much pain in the calf.", {"duration_weeks": 0.012}),
        ("For 3 days my back hurts. I can sit for 2 hours.", {"duration_weeks": 0.429}),
        ("c/o L calf and foot pain since ~5am today (woke with it).", {"duration_weeks": 0.143, "onset": "sudden"}),
        ("I'm 41 and I use. Injecting, on and off.", {"history.intravenous_drug_use": True}),
        ("My nurse at the needle exchange said it matters for back pain.", {"history.intravenous_drug_use": True}),
    ],
)
def test_round12_reading(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "From 2 hours my right leg is very cold and white colour, very much pain in the calf, I cannot move the "
        "toes good.",
        "70M. L calf and foot pain since ~5am today (woke with it). Foot pale and mottled, cold to the ankle. DP/PT "
        "absent L.",
    ],
)
def test_a_leg_gone_cold_within_hours_is_an_emergency(text: str) -> None:
    from nerveroot.service import assess_text

    assert assess_text(text).triage.level == "emergency"


def test_a_checklist_cross_denies_its_item() -> None:
    check_read(
        "Red flags: ✗ B&B, ✗ saddle, ✗ wt loss, ✗ hx Ca, ✗ night pain.",
        {"history.saddle_numbness": False, "history.unexplained_weight_loss": False,
         "history.history_of_cancer": False},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RF: SA x, B&B x, wt loss x, night pain x, hx Ca x.",
         {"history.bladder_dysfunction": False, "history.pain_at_rest_unrelenting": False,
          "history.history_of_cancer": False}),
        ("Pain x 3 days, night pain. Hx Ca x.", {"history.pain_at_rest_unrelenting": True}),
        ("CES screen: B&B nml.", {"history.bladder_dysfunction": False}),
        ("RF: B/B Ø change, SA Ø, Ø Ca, Ø wt loss, Ø fever.", {"history.bladder_dysfunction": False}),
    ],
)  # fmt: skip
def test_a_physio_checklist_denies(text: str, expected: dict[str, object]) -> None:
    """A checklist's "x", "nml" and "Ø change" after its item deny it; "x 3 days" is a time, not a denial."""
    check_read(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "Red flags screened ⊖ (B&B, saddle, fever, Ca hx).",
        "RF: all -ve (B&B, SA, Ca, wt, fever, trauma, night pain).",
        "SQ all neg (B&B, saddle, UWL, hx CA, steroids, trauma).",
        "Red flags: none (B/B/saddle checked).",
    ],
)
def test_a_denial_before_a_bracketed_list_denies_its_items(text: str) -> None:
    from nerveroot.text import read_text

    case = read_text(text).case
    assert not case.unsure, case.unsure
    assert case.history.bladder_dysfunction is False, case


def test_an_exception_in_the_bracket_is_not_denied() -> None:
    from nerveroot.text import read_text

    # unsure, never denied: the bladder, or (round 13, "maybe a bit slow to start") its retention
    case = read_text("RF all neg (except ?bladder - maybe a bit slow to start).").case
    unsure = {u.finding for u in case.unsure}
    assert unsure & {"history.bladder_dysfunction", "history.urinary_retention"}, case
    assert case.history.bladder_dysfunction is not False and case.history.urinary_retention is not False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Embarrassing, but things in the bedroom department have stopped working properly.",
         {"history.sexual_dysfunction": True}),
        ("My waterworks have stopped working properly.", {"history.bladder_dysfunction": True}),
        ("Things in the bedroom are fine.", {"history.sexual_dysfunction": False}),
        ("Sciatica in my left leg for two weeks, buttock to calf. Since Wednesday the right leg has joined in, "
         "not as bad.", {"pain.right.leg": True, "history.bilateral_leg_symptoms_new": True}),
    ],
)  # fmt: skip
def test_stopped_working_and_a_leg_that_joined_in(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "My lower back started aching, right in the middle. It's constant. Doesn't matter how I lie.",
        "He presented with ten days of low back pain that had become constant.",
        "It's got worse every day. It's constant now, the hot water bottle does nothing, lying down does nothing.",
    ],
)
def test_constant_pain_that_lying_does_not_ease(text: str) -> None:
    check_read(text, {"history.pain_at_rest_unrelenting": True})


def test_between_the_shoulders_and_a_lost_vertebral_height() -> None:
    from nerveroot.text import read_text

    check_read("Back aching between my shoulders and low down too.", {"history.thoracic_pain": True})
    imaging = read_text("MRI: T8: 30% loss of vertebral body height with epidural extension.").case.imaging
    assert ("fracture", "T8") in [(i.finding, i.level) for i in imaging], imaging


def test_a_disc_that_lost_height_is_no_fracture() -> None:
    from nerveroot.text import read_text

    imaging = read_text("MRI: L4-5 disc desiccation and loss of height with Modic type 1 change.").case.imaging
    assert "fracture" not in [i.finding for i in imaging], imaging


@pytest.mark.parametrize(
    "text",
    [
        "She told me the golden rules: if I ever got numbness in the saddle area, or couldn't pee or couldn't hold "
        "it, go straight to A&E. Thankfully none of that.",
        "Go to A&E if you get numbness around your bottom, trouble passing urine or loss of bowel control.",
    ],
)
def test_a_safety_net_however_long_names_nothing_that_happened(text: str) -> None:
    check_read(text, {"history.urinary_retention": ABSENT, "history.urinary_incontinence": ABSENT,
                      "history.saddle_numbness": ABSENT, "history.bowel_incontinence": ABSENT})  # fmt: skip


def test_what_follows_a_safety_net_is_the_persons_own() -> None:
    check_read(
        "If the numbness spreads to both legs I'll ring 999, but right now my left foot is numb.",
        {"numbness.left.foot": True},
    )


def test_a_rabbit_hole_about_tumours_is_no_cancer() -> None:
    check_read("My dad had prostate cancer so I went down a rabbit hole about tumours.",
               {"history.history_of_cancer": ABSENT})  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Red flags: cleared – saddle, B&B, fever, wt loss, Ca, trauma all neg.",
         {"history.saddle_numbness": False, "history.fever": False, "history.unexplained_weight_loss": False}),
        ("RF: saddle, B&B, fever, wt loss all -ve. Pain L buttock.", {"history.fever": False, "pain.left.buttock": True}),
        ("Fever, sweats. Red flags: saddle, B&B all neg.", {"history.fever": True, "history.saddle_numbness": False}),
        ("Red flags: numbness in saddle but B&B, fever all neg.",
         {"history.saddle_numbness": True, "history.fever": False}),
        ("Specifically asked re saddle numbness: denies. Bowels unchanged.", {"history.saddle_numbness": False}),
        ("Bladder: weak stream.", {"history.urinary_retention": True, "weakness": ABSENT}),
    ],
)  # fmt: skip
def test_a_checklist_denied_after_its_items(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Both legs go heavy and tingly from my backside down to the calves.",
         {"history.saddle_numbness": ABSENT, "tingling.left.buttock": True}),
        ("Tingling around my bum when I wipe.", {"history.saddle_numbness": True}),
    ],
)  # fmt: skip
def test_the_start_of_a_path_down_the_leg_is_the_buttock(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_numb_from_the_bottom_down_the_inner_thighs_is_the_saddle() -> None:
    check_read("I'm numb from my bottom down the insides of both thighs, like sitting on nothing.",
               {"history.saddle_numbness": True})  # fmt: skip


def test_sexual_function_not_asked_is_unsure() -> None:
    check_unsure("Special Qs: saddle - a bit numb when I wipe. SD not asked - pt declined.", "history.sexual_dysfunction")
    check_read("SD nil.", {"history.sexual_dysfunction": False})


def test_night_waking_told_with_a_doubt_is_unsure_rest_pain() -> None:
    check_unsure(
        "I've been waking at 3 or 4 most nights but I honestly can't tell you if it's the back that wakes me, my "
        "dodgy knee, or the dog.",
        "history.pain_at_rest_unrelenting",
    )


def test_night_pain_told_plainly_raises_no_doubt() -> None:
    from nerveroot.text import read_text

    case = read_text("Four weeks of severe right anterior thigh pain, worse at night. It wakes me up.").case
    assert "history.pain_at_rest_unrelenting" not in {u.finding for u in case.unsure}, case.unsure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday both his legs went weak and heavy. By Wednesday he couldn't get up the stairs without me "
         "pushing him.", {"history.progressive_weakness": True}),
        ("Two days later her legs felt weak and wobbly; today she cannot walk without the help of two people.",
         {"history.progressive_weakness": True}),
        ("On Monday my right foot went weak. Today I can't walk far because of the pain.",
         {"history.progressive_weakness": ABSENT}),
        ("My foot is weak. I can't walk far.", {"history.progressive_weakness": ABSENT}),
    ],
)  # fmt: skip
def test_weakness_told_as_a_dated_sequence(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_a_background_paragraph_dated_lately_is_todays_story() -> None:
    text = (
        "Background: I've had a bad back on and off since my twenties. Last Friday (six days ago) it flared after I "
        "bent down, and since Saturday I've had sciatica down BOTH legs, backs of the thighs and calves."
    )
    check_read(text, {"pain.left.leg": True, "pain.right.leg": True, "history.bilateral_leg_symptoms_new": True})
    check_read("PMH: L4/5 discectomy 2014 with a foot drop, which recovered. Asthma.",
               {"weakness.left.ankle_dorsiflexion": ABSENT, "weakness.unknown.ankle_dorsiflexion": ABSENT})  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It came on over about ten minutes while I was watching the snooker.", {"onset": "sudden"}),
        ("The paramedic couldn't find a pulse anywhere in that foot.", {"tests.unknown.pedal_pulses": "absent"}),
        ("No pulse in the right foot.", {"tests.right.pedal_pulses": "absent"}),
        ("The right dorsalis pedis and posterior tibial pulses cannot be felt.", {"tests.right.pedal_pulses": "absent"}),
    ],
)  # fmt: skip
def test_a_pulse_not_found_and_an_onset_over_minutes(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Red flags: saddle anaes −, B&B −, wt loss −, fever −, Ca hx −.",
         {"history.fever": False, "history.history_of_cancer": False, "history.unexplained_weight_loss": False}),
        ("Ca hx: nil known.", {"history.history_of_cancer": False}),
        ("I am concerned about an underlying malignancy, possibly myeloma, and would value prompt imaging.",
         {"history.history_of_cancer": ABSENT}),
        ("Hx: breast cancer 2019 - treated.", {"history.history_of_cancer": True}),
        ("L buttock pain - lat thigh -, calf.", {"pain.left.lateral_thigh": True}),
    ],
)  # fmt: skip
def test_a_minus_after_the_item_and_a_concern_are_no_history(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_a_sequence_of_weekdays_with_help_needed_later() -> None:
    check_read(
        "Tuesday I struggled to get up off the loo and my legs felt like jelly on the stairs. Today (Thursday) I had "
        "to haul myself up the stairs on the banister with both hands.",
        {"history.progressive_weakness": True},
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PR: ↓tone, ↓voluntary squeeze.", {"exam.anal_tone": "reduced"}),
        ("Also numb around the back hole.", {"history.saddle_numbness": True, "numbness.unknown.low_back": ABSENT}),
        ("Pain in my back.", {"pain.unknown.low_back": True}),
    ],
)  # fmt: skip
def test_a_rectal_field_and_the_back_hole(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_a_denial_he_had_not_really_thought_about_is_unsure() -> None:
    check_unsure(
        "He denies numbness in the saddle, though he admits he had not really thought about it until I asked.",
        "history.saddle_numbness",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28 f. numb between my legs since yesterday", {"age": 28, "sex": "female"}),
        ("51 (f). My back went nine days ago.", {"age": 51, "sex": "female"}),
        ("Bit of background: 45, bloke, desk job in logistics.", {"age": 45, "sex": "male"}),
        ("I'm 39, mum of two, and I've had a bad back since Christmas.", {"age": 39, "sex": "female"}),
        ("I'm 34 and about 30 weeks pregnant with our first.", {"age": 34, "sex": "female"}),
        ("My wife is 30 weeks pregnant and I've hurt my back.", {"sex": ABSENT}),
    ],
)  # fmt: skip
def test_a_messages_age_and_sex(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clinical: 27M motorcyclist, collision with car at ~50 mph 2 h ago.", {"duration_weeks": 0.012}),
        ("Pulled something in my lower back lifting the sofa yesterday when we were moving it.",
         {"duration_weeks": 0.143}),
        ("I lifted my son yesterday and my back has hurt for 3 weeks.", {"duration_weeks": 3.0}),
        ("A 34-year-old lifted her toddler yesterday and felt a catch in her lower back. The pain stays above her "
         "belt; nothing goes into her legs.",
         {"pain.left.leg": ABSENT, "pain.right.leg": ABSENT, "history.bilateral_leg_symptoms_new": ABSENT}),
    ],
)  # fmt: skip
def test_the_strain_dates_the_pain_and_nothing_goes_into_the_legs(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_nothing_radiates_into_the_legs() -> None:
    check_read("She slipped three days ago. Nothing radiates into the legs.",
               {"pain.left.leg": ABSENT, "history.bilateral_leg_symptoms_new": ABSENT})  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is it normal to have numbness with sciatica?? ive had it in my right leg for 2 wks.", {"pain.right.leg": True}),
        ("No numbness. I get it in my left leg when I walk.", {"numbness.left.leg": ABSENT}),
    ],
)  # fmt: skip
def test_it_had_in_a_leg_is_the_symptom_named_before(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_the_intimate_area_is_the_saddle() -> None:
    check_unsure("Since three days I don't feel well my intimate part, when I wash myself it is like it is not my body.",
                 "history.saddle_numbness")  # fmt: skip
    check_read("Numbness in my intimate area since yesterday.", {"history.saddle_numbness": True})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toe ext L 4/5, R 5/5.", {"weakness.left.great_toe_extension": 4, "weakness.right.great_toe_extension": 5}),
        ("The toes went numb and I couldn't wiggle them properly.", {"weakness.unknown.toe_flexion": WEAK}),
        ("I can't wiggle my left toes.", {"weakness.left.great_toe_extension": 0}),
    ],
)  # fmt: skip
def test_toes_that_will_not_move(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


# What the held-back (twenty-ninth) batch missed, after its measurement: four emergencies, each told by its hour.
@pytest.mark.parametrize(
    "text",
    [
        "A 58-year-old woman calls an ambulance at 07:40, having woken at 05:00 with her right calf screaming and the "
        "foot numb. Three hours after onset the right foot is white and cold, with no popliteal, dorsalis pedis or "
        "posterior tibial pulses on the right.",
        "my left leg went cold and white about 2hrs ago, cant feel my toes properly and the calf is agony. had "
        "sciatica in that leg last month",
        "A 66-year-old rings her GP at 09:30: since she woke at 06:00 her right leg has felt dead from the calf down. "
        "The right foot is cold and mottled; neither dorsalis pedis nor posterior tibial pulse can be felt; the "
        "popliteal pulse is also absent.",
        "HPC: 24M motorcyclist, came off at ~40 mph on the bypass 2 h ago, thrown onto the verge. C/o central lumbar "
        "pain 7/10. Midline tenderness L1-L2.",
    ],
)
def test_an_emergency_told_by_its_hour(text: str) -> None:
    from nerveroot.service import assess_text

    assert assess_text(text).triage.level == "emergency"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three hours after onset the right foot is white.", {"duration_weeks": 0.018}),
        ("my left leg went cold and white about 2hrs ago", {"duration_weeks": 0.012}),
        ("Since she woke at 06:00 her right leg has felt dead.", {"onset": "sudden"}),
        ("Neither dorsalis pedis nor posterior tibial pulse can be felt.", {"tests.unknown.pedal_pulses": "absent"}),
        ("Had a heart bypass in 2019; sciatica 2 weeks.", {"duration_weeks": 2.0}),
    ],
)  # fmt: skip
def test_the_hour_of_an_emergency(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_a_fall_nobody_remembers_and_the_toilet_unwatched_are_unsure() -> None:
    check_unsure("Had a lot to drink. I genuinely can't remember whether I fell.", "history.significant_trauma")
    check_unsure("No problems with the toilet so far, though I haven't really been paying attention.",
                 "history.bladder_dysfunction")  # fmt: skip
    check_read("No problems with the toilet.", {"history.bladder_dysfunction": False})


def test_a_queried_fall_the_patient_is_unsure_of() -> None:
    check_unsure('PWID. 2/52 constant lumbar pain. ?fall 1/52 ago - pt unsure, "might have".', "history.significant_trauma")


def test_used_to_inject_and_still_do_is_injecting_drugs() -> None:
    from nerveroot.service import assess_text

    text = ("hi im on methadone, used to inject and still do sometimes if im honest. back pain 2 weeks, doesnt stop "
            "even lying down, cant get comfy at all.")  # fmt: skip
    check_read(text, {"history.intravenous_drug_use": True})
    assert assess_text(text).triage.level == "urgent"
    check_read("I still inject insulin twice a day.", {"history.intravenous_drug_use": ABSENT})
