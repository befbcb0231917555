"""Thirtieth round: a telephone answer's "they" for the legs a question named, legs that nearly went from under
someone (docs/reader.md)."""

from __future__ import annotations

import pytest

from nerveroot.service import assess_text
from nerveroot.text import read_text

_CALL = (
    "CA: Any problem with your legs? C: \"They've gone to jelly since Thursday. This morning they went from under "
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


def test_an_old_scare_that_went_completely_is_not_this_episode() -> None:
    """ "Three years ago ... I got numb 'down there' ... the numbness went completely within a couple of days":
    "went completely" was not read as an episode over, so the old numbness outvoted today's "everything down
    below feels normal" and the post was an emergency."""
    text = (
        'Three years ago I had a horrible episode where my back went and I got numb "down there". The scan was '
        "clear and the numbness went completely within a couple of days. This time, two weeks of pain down the "
        "right leg. Everything down below feels normal when I wipe, and I'm weeing normally."
    )
    assert read_text(text).case.history.saddle_numbness is False
    assert assess_text(text).triage.level != "emergency"


def test_a_leg_that_went_completely_numb_is_not_an_episode_over() -> None:
    text = "Two days ago my left leg went completely numb and my bottom is numb too."
    assert read_text(text).case.history.saddle_numbness is True


def test_a_leg_gone_cold_and_white_hours_ago_is_acute_limb_ischaemia() -> None:
    text = (
        "im 81 and my left leg went funny about 2 hours ago, its gone cold and white from the knee down and i cant "
        "feel my toes properly. i do get sciatica in that leg so maybe its just that?"
    )
    assert read_text(text).case.history.cold_feet is True
    assert assess_text(text).triage.level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "this week noticed i cant press the accelerator properly with my right foot, theres no push in it",
        "up on tiptoes the right side just gives",
        "My right calf has gone lazy since the sciatica started.",
        "We do heel raises and on the right I just can't get up properly.",
    ],
)
def test_a_weak_calf_told_by_what_it_no_longer_does(text: str) -> None:
    assert (read_text(text).case.weakness.right or {}).get("ankle_plantarflexion") is not None


def test_a_knee_gone_from_under_her_is_a_weak_quadriceps() -> None:
    text = "Twice her right knee has just gone from under her on the stairs."
    assert (read_text(text).case.weakness.right or {}).get("knee_extension") is not None


def test_nigerian_pidgin_both_legs_weak_since_yesterday() -> None:
    text = "Since yesterday my two legs don dey weak, I no fit waka well at all. My back dey pain me since last week."
    case = read_text(text).case
    assert case.history.bilateral_leg_symptoms_new is True
    assert assess_text(text).triage.level == "emergency"


def test_pulses_listed_after_their_side() -> None:
    case = read_text("O/E: L foot cold. No pulses L popliteal/DP/PT; R DP/PT present.").case
    assert case.tests.left.pedal_pulses == "absent"
    assert case.tests.right.pedal_pulses == "normal"


@pytest.mark.parametrize(
    ("text", "saddle"),
    [
        ("He say the place where he sit is no feeling.", True),
        ("Since yesterday my buttocks and my under are numb.", True),
    ],
)
def test_the_saddle_told_in_other_words(text: str, saddle: bool) -> None:
    assert read_text(text).case.history.saddle_numbness is saddle


def test_both_buttocks_numb_since_yesterday_is_never_reassured() -> None:
    """Numbness of both buttocks is next to the saddle: it was read as two leg regions, and self-care."""
    a = assess_text("Since yesterday my buttocks are numb.")
    assert "saddle" in {u.topic for u in a.unresolved}
    assert a.triage.level != "self_care"


def test_paper_that_feels_like_it_is_not_there_is_numbness_not_a_denial() -> None:
    text = 'Back pain. The toilet paper "feels odd, like it\'s not there" when he wipes.'
    assert read_text(text).case.history.saddle_numbness is True
    assert assess_text(text).triage.level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "A: L L4 radiculopathy, quads 4/5. P: prompt MRI. Progressive weakness / CES safety-net given.",
        "P: education, nerve glides. CES + progressive weakness safety-net given verbally and written.",
    ],
)
def test_a_safety_net_named_after_its_warnings_is_advice(text: str) -> None:
    assert read_text(text).case.history.progressive_weakness is not True


def test_csf_obliterated_around_the_cauda_equina_is_compression() -> None:
    text = "MRI: large central L4-5 disc extrusion with complete obliteration of CSF around the cauda equina at L4-5."
    assert [i.compresses for i in read_text(text).case.imaging] == ["cauda_equina"]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("i can still walk but feel wobbly", "gait_unsteady"),
        ("havent been 4 a wee since 2day tbh", "urinary_retention"),
        ("i cant feel myself weein, like i know its going", "altered_bladder_sensation"),
        ("DLBCL on R-CHOP, cycle 4.", "history_of_cancer"),
    ],
)
def test_words_read_this_round(text: str, path: str) -> None:
    assert getattr(read_text(text).case.history, path) is True


def test_a_husband_named_by_name_had_the_bladder_trouble() -> None:
    """ "My husband Richard had cauda equina syndrome ... he ended up in surgery at 2 a.m. and still has some
    bladder issues": the name hid the relative from the family words, and "a.m." ended the sentence."""
    text = (
        "I'm 64 and my right leg aches when I stand in a queue. My husband Richard had cauda equina syndrome in "
        "2010 from a huge disc - he ended up in surgery at 2 a.m. and still has some bladder issues. I have none "
        "of that: bladder is fine, bowels fine."
    )
    assert read_text(text).case.history.bladder_dysfunction is not True
    assert assess_text(text).triage.level != "emergency"


def test_years_now_both_legs_on_walking_is_not_new() -> None:
    """ "For going on three years now both my legs ache ... when I walk": the "now" ends the duration; it was read
    as "now both legs", new symptoms in both legs, and a claudicant of three years was sent to emergency."""
    text = "I'm 71. For three years now both my legs ache and go numb when I walk a ways. Sitting eases it."
    assert read_text(text).case.history.bilateral_leg_symptoms_new is False
    assert assess_text(text).triage.level != "emergency"


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Sciatica R leg. Saddle: 'no, nothing like this'.", {"saddle"}),
        ("Sciatica R leg. Zero bladder or bowel stuff.", {"bladder", "bowel"}),
        (
            "Sciatica R leg. He asked if I have problem with urinating, or numbness in my private area - no, no and no.",
            {"bladder", "saddle"},
        ),
        ("Sciatica R leg.\nDr: Bowels?\nPt: Regular as clockwork.", {"bowel"}),
        ("Sciatica R leg.\nQ: Lost any weight?\nA: Wish I had.", {"weight_loss"}),
    ],
)
def test_denials_told_in_other_words_leave_nothing_unsure(text: str, topics: set[str]) -> None:
    """Each was left unsure, and the unsure cauda equina topics made a routine sciatica urgent."""
    a = assess_text(text)
    assert not topics & {u.topic for u in a.unresolved}
    assert a.triage.level == "routine"


@pytest.mark.parametrize(
    "text",
    [
        "my back been messed up since like thanksgiving so 2 months give or take and now when i walk like 2 blocks "
        "my legs go numb n heavy, both of em. gotta sit on a bench n then its fine.",
        "For going on three years now both my legs ache when I walk a ways.",
    ],
)
def test_a_claudicants_months_told_loosely(text: str) -> None:
    """ "so 2 months give or take", "for going on three years": the duration was not read, and both legs on
    walking with no time were new."""
    case = read_text(text).case
    assert case.duration_weeks is not None and case.duration_weeks > 8
    assert assess_text(text).triage.level == "routine"


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Sciatica L leg. Waterworks no different.", {"bladder"}),
        ("L S1 sciatica. SQ neg: B&B, saddle, wt, night pain, Ca hx.", {"bladder", "saddle", "cancer"}),
    ],
)
def test_more_denials_that_settle_their_topic(text: str, topics: set[str]) -> None:
    assert not topics & {u.topic for u in assess_text(text).unresolved}


def test_an_old_operation_with_no_leakage_since_is_not_incontinence_now() -> None:
    text = (
        "Ten weeks of left S1 sciatica. Background: a stress-incontinence sling in 2015, with no leakage or other "
        "bladder problem since; no saddle or bowel symptoms now."
    )
    assert read_text(text).case.history.urinary_incontinence is not True
    assert assess_text(text).triage.level == "routine"


def test_day_one_after_a_named_decompression_is_recent_surgery() -> None:
    text = "Mr P, 49. Day 1 post L4/5 + L5/S1 decompression and discectomy (L), done yesterday afternoon."
    assert read_text(text).case.history.spinal_surgery_within_3_months is True


def test_inflammatory_back_pain_told_by_what_helps_and_what_does_not() -> None:
    """ "lying still makes it worse; five-a-side football and swimming make it feel much better": neither was read,
    so a young man's inflammatory back pain (a routine rheumatology referral) ended in self-care."""
    text = (
        "28-year-old with low back and buttock pain for 14 months, no injury. He is stiffest in the morning for an "
        "hour and a half, often wakes around 4am with pain and has to get up and walk about, which helps; lying "
        "still makes it worse; five-a-side football and swimming make it feel much better."
    )
    case = read_text(text).case
    assert case.history.improves_with_exercise is True
    assert case.history.no_improvement_with_rest is True
    assert assess_text(text).triage.level == "routine"


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("I have sugar? No, no diabetes.", "diabetes"),
        (
            "Bladder and bowels normal. He has been given the usual safety-net advice regarding leg weakness and "
            "sphincter disturbance.",
            "bladder_dysfunction",
        ),
    ],
)
def test_this_rounds_words_leave_older_readings_alone(text: str, path: str) -> None:
    """Caught on the older blind texts while the round's rules were written: a longer ConText rule takes the place
    of a shorter one it overlaps ("safety-net advice" over "safety-net", "no, no" over "no")."""
    assert getattr(read_text(text).case.history, path) is False


def test_a_calf_weak_four_out_of_five_keeps_its_grade() -> None:
    assert read_text('Physio said my right calf is weak "4 out of 5".').case.weakness.right == {
        "ankle_plantarflexion": 4
    }


def test_legs_like_jelly_after_walking_are_a_claudicants() -> None:
    text = "my legs ache and go like jelly after walking 5 mins, both of them, better when i sit down"
    assert not (read_text(text).case.weakness.left or {})


@pytest.mark.parametrize(
    "text",
    [
        "She is a carer for her husband, who is having treatment for bladder cancer, so she has put this off.",
        "My husband is in the middle of treatment for prostate cancer so I've been running on empty.",
    ],
)
def test_a_relatives_cancer_treatment_now_is_theirs(text: str) -> None:
    assert read_text(f"Left leg sciatica for six weeks. {text}").case.history.history_of_cancer is not True


def test_a_mid_sentence_am_ends_nothing() -> None:
    """Once "4 a.m." no longer ended the sentence, "wakes at about 4 a.m. with pain that settles once he is up"
    read as unrelenting night pain: the easing on getting up was only read as "gets better once he is up"."""
    case = read_text("He wakes at about 4 a.m. with pain that settles once he is up and moving about.").case
    assert case.history.night_pain_improves_on_getting_up is True
    assert case.history.pain_at_rest_unrelenting is not True


# --- after the held-back batch (i7), measured first on the frozen reader


def test_a_telephone_red_flag_screen_answered_line_by_line() -> None:
    """Each line of the nurse's screen ends in its answer ("- numbness/tingling around genitals/back passage: no"):
    the "no" at a line's end was not read, and a routine sciatica was sent to emergency."""
    text = (
        "3/52 pain L buttock down the back of the L leg to the ankle.\n"
        "Red flag screen (asked directly):\n"
        "- numbness/tingling around genitals/back passage: no\n"
        "- change in bladder (difficulty starting, not feeling it, leaking): no\n"
        "- bowel control: normal\n"
        "- erections/sexual function: no change\n"
        "- weakness/foot dropping/tripping: no\n"
        "- fever/sweats/feeling unwell: no\n"
        "Plan: naproxen, keep active."
    )
    case = read_text(text).case
    assert case.history.saddle_numbness is False
    assert case.history.bladder_dysfunction is False
    assert case.history.sexual_dysfunction is False
    assert case.history.fever is False
    assert assess_text(text).triage.level == "routine"


def test_a_checklist_line_with_a_finding_after_its_answer_is_not_denied() -> None:
    """Only a line that ends in its "no" is denied whole."""
    text = "- bladder: no problems until yesterday, now retention\n- saddle: numb since yesterday\n"
    assert read_text(text).case.history.saddle_numbness is True


def test_a_motorbike_fall_and_a_tiptoe_he_cannot_hold() -> None:
    text = (
        "Six weeks ago a car open the door and I fall from the moto on my back. When I try stand only on the "
        "right foot on the toes I cannot, I fall down, the left is ok."
    )
    case = read_text(text).case
    assert case.history.significant_trauma is True
    assert (case.weakness.right or {}).get("ankle_plantarflexion") is not None


def test_a_side_said_negative_before_is_not_lent_to_a_finding_after() -> None:
    """ "Tinel's behind the left medial malleolus reproduces the tingling; on the right it is negative. Light touch
    slightly reduced over the medial sole": the sole is the left one, not the right's (a left foot and a right
    sensory loss had made both legs, new, an emergency)."""
    text = (
        "Eight months of burning and pins and needles under the left sole. Tinel's test behind the left medial "
        "malleolus reproduces the tingling into her sole; on the right it is negative. Light touch slightly "
        "reduced over the medial sole. SLR negative bilaterally."
    )
    case = read_text(text).case
    assert case.sensation.right is None
    assert case.duration_weeks is not None and case.duration_weeks > 30
    assert assess_text(text).triage.level != "emergency"


def test_the_accident_a_report_is_about_is_not_incontinence() -> None:
    text = "Index event: a fall at work. No bladder, bowel or saddle disturbance at any point since the accident."
    assert read_text(text).case.history.bowel_incontinence is not True
    assert read_text(
        "Yesterday she had a small accident before reaching the toilet."
    ).case.history.urinary_incontinence


def test_stable_residual_cauda_equina_told_again_as_unchanged_is_long_standing() -> None:
    text = (
        "You performed an emergency L5/S1 discectomy for cauda equina syndrome two years ago. He was left with "
        "some residual numbness around the perineum and has to strain a little to start his stream; both have "
        "been completely unchanged since, and he has not needed to self-catheterise in the last year. Over the "
        "last six weeks he has developed pain down the back of the right leg. I asked very specifically: the "
        "saddle numbness has not spread or changed and his bladder is no different from his baseline."
    )
    assert (read_text(text).case.history.ces_symptoms_onset_days or 0) > 300
    assert assess_text(text).triage.level == "urgent"


def test_a_weak_squeeze_after_a_present_tone_is_reduced_tone() -> None:
    case = read_text("PR: tone present but squeeze weak - documented as reduced by SpR.").case
    assert case.exam.anal_tone == "reduced"


def test_inflammatory_back_pain_a_lie_in_and_loosening_up() -> None:
    text = (
        "A 24-year-old man has had low back and buttock pain for eight months. He is stiff for about an hour each "
        'morning, and a hot shower and getting to work "loosen him up"; a lie-in on Sundays makes it worse. He '
        "wakes at about 4 a.m. with pain and has to get up and walk about, after which it settles."
    )
    assert assess_text(text).triage.level == "routine"


@pytest.mark.parametrize(
    ("text", "path", "value"),
    [
        (
            "had an accident at work today, like proper wee everywhere, didnt even feel it coming",
            "urinary_incontinence",
            True,
        ),
        ("B&B / saddle NAD. RF: nil.", "bowel_incontinence", False),
    ],
)
def test_older_readings_kept_after_the_held_back_fixes(text: str, path: str, value: bool) -> None:
    """Caught on the older blind texts: "accident at work" can be the bladder's; a line's "nil" after a sentence
    of its own does not undo the sentence's "NAD"."""
    assert getattr(read_text(text).case.history, path) is value


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Screen:\n- bowel control: no\n- fever: no\n", "bowel_incontinence"),
        ("Screen:\n- able to pass urine: no\n", "urinary_retention"),
        ("Bowel control: no.", "bowel_incontinence"),
    ],
)
def test_a_checklist_line_asking_after_the_normal_state_is_not_denied_by_its_no(text: str, path: str) -> None:
    """ "Bowel control: no" is no control: the line's "no" must not deny what it asks after."""
    assert getattr(read_text(text).case.history, path) is not False


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "He has not noticed any numbness around the back passage but, frankly, I could not examine this "
            "properly here.",
            "saddle",
        ),
        ("sciatica doon baith legs since friday. pish is fine tho a think??", "bladder"),
    ],
)
def test_a_denial_that_was_not_examined_or_is_only_thought_stays_unsure(text: str, topic: str) -> None:
    """Never reassured: a denial the examiner could not check, or one only thought ("a think"), is not a no."""
    assert topic in {u.topic for u in assess_text(text).unresolved}


def test_not_actually_been_for_a_wee_since_breakfast() -> None:
    text = "B&B: says fine, but then \"haven't actually been for a wee since breakfast, haven't needed to\"."
    assert read_text(text).case.history.urinary_retention is True
