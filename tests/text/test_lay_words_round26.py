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


@pytest.mark.parametrize(
    "text",
    [
        "Sore lower back since getting tackled at football on Saturday, nothing down the legs.",
        "23M, tackled side-on in a match this afternoon, twisted, pain in the left lower back.",
        "Last week my slipper caught on the rug and I went down, not hard, landed sort of sideways. Back sore since.",
        "A month ago I went over the handlebars on a downhill trail and my low back has hurt since.",
    ],
)
def test_a_tackle_or_a_fall_told_plainly_is_trauma(text: str) -> None:
    """A tackle, going down after a trip, going over the handlebars: an injury before the pain (PRODUCT.md's
    trauma, which with osteoporosis or age raises a fracture)."""
    history = read_text(text).case.history
    assert history.minor_trauma or history.significant_trauma


@pytest.mark.parametrize(
    "text",
    [
        "Since yesterday both my legs have felt weak and I fell twice on the way to the toilet.",
        "72F. Since Saturday her legs feel weak and heavy; she has fallen getting off the toilet.",
        "Since yesterday my right leg keeps giving way under me and this morning I needed a stick to the loo.",
    ],
)
def test_weakness_of_days_that_already_makes_the_person_fall_is_getting_worse(text: str) -> None:
    """Weakness that began a day or two ago and already brings falls or buckling is evolving (the labels of several
    blind writers, and PRODUCT.md: weakness getting worse is urgent)."""
    reading = read_text(text)
    assert reading.case.history.progressive_weakness is True
    assert assess(reading.case).triage.level in ("urgent", "emergency")


@pytest.mark.parametrize(
    "text",
    [
        "Left foot drop for two years since a disc operation, unchanged; I trip now and then on kerbs.",
        "Since yesterday my back has been sore. I fell off a ladder last year. Legs are strong.",
        "Weak left ankle since my stroke in 2019; I had a fall at home last week but no new symptoms.",
        "R foot flopping since Sunday (4 days), tripping on kerbs. Foot drop noticed 4/7 ago, unchanged since.",
        "5/7 ago noticed R foot slapping, tripped on kerb x2. Unable to heel walk R. DF 2/5.",
    ],
)
def test_old_weakness_or_a_fall_without_new_weakness_is_not_getting_worse(text: str) -> None:
    """The weakness must be the new one and the failure more than the weakness itself: an old foot drop that
    trips, a fall beside no weakness, a new foot drop that trips (it trips from the day it drops) or one said to
    be unchanged say nothing of a course."""
    assert read_text(text).case.history.progressive_weakness is not True


def test_an_accident_with_an_aside_before_the_trousers_is_incontinence() -> None:
    """ "I had an accident at work - I mean in my trousers": the aside corrects the meaning; never trauma."""
    reading = read_text(
        "Sciatica down my right leg for 8 days. This afternoon I had an accident at work - I mean in my trousers - "
        "I didn't feel it coming at all."
    )
    assert reading.case.history.urinary_incontinence or reading.case.history.bowel_incontinence
    assert not reading.case.history.significant_trauma
    assert assess(reading.case).triage.level == "emergency"


def test_a_rolled_quad_bike_that_landed_on_the_rider_is_high_energy_trauma() -> None:
    """A vehicle rolled on a slope and landing on the rider is a high-energy injury (PRODUCT.md: urgent at
    least)."""
    reading = read_text(
        "Three weeks ago I rolled the quad bike on a steep bank and it landed partly on top of me. Low back very "
        "sore since, legs fine."
    )
    assert reading.case.history.significant_trauma is True
    assert assess(reading.case).triage.level in ("urgent", "emergency")


def test_a_knee_not_strong_that_folds_is_weak() -> None:
    """English learnt late: "the knee feel not strong, one time it fold" is a knee that buckled."""
    case = read_text(
        "I have pain from back going to front of right leg, until the knee. 2 weeks. Stairs going down is hard, "
        "the knee feel not strong, one time it fold."
    ).case
    assert (case.weakness.right or {}).get("knee_extension") is not None


@pytest.mark.parametrize(
    "text",
    [
        # straining at stool hurts the leg: a disc's sign, not retention
        "Pain down my left leg for 6 weeks. When I cough or when I go to the toilet for the big job and I push, "
        "the pain is shooting more.",
        # "numb on the bottom" in a list of questions answered "no" is the saddle's skin, not the bladder's
        "Pain down my left leg for 6 weeks. She also ask me if I have problem with pee or with the big job, or numb "
        "on the bottom, and I say no, all this is normal.",
        # "asked about X, and I said no"
        "My left leg has hurt for 3 weeks. I saw my GP on Monday. She asked about numbness in the saddle area, and "
        "I said no, none. She asked about peeing and pooing and I said all normal.",
        # a friend's cauda equina, with a place between the friend and the verb
        "My left leg has hurt for 3 weeks. A mate from five-a-side had cauda equina last year. He was in surgery "
        "within a day but he still has problems with his bladder and he's only 41.",
        # an episode over, dated by a year in brackets or "post-op"
        "Left buttock pain for 3 weeks. Bladder: stress leak after 1st baby (2021), fully resolved w/ pelvic floor "
        "tx 2022 — none now. Bowel NAD.",
        "Left leg pain for 3 weeks. Past history: appendicectomy 2018; developed urinary retention post-op, "
        "catheterised for 1 day, resolved completely; no urinary complaints since.",
    ],
)
def test_sphincter_words_that_are_not_a_present_sphincter_trouble(text: str) -> None:
    """Each text names the bladder, bowel or saddle and denies, dates or lends it: none is a present cauda equina
    feature, and none is an emergency."""
    reading = read_text(text)
    h = reading.case.history
    assert not any(
        (h.urinary_retention, h.urinary_incontinence, h.altered_bladder_sensation, h.bladder_dysfunction,
         h.saddle_numbness, h.bowel_incontinence)
    )  # fmt: skip
    assert assess(reading.case).triage.level != "emergency"


def test_what_never_came_back_after_cauda_equina_is_still_there() -> None:
    """ "The one thing that never came back is a numb patch around my back passage": the patch is present (and,
    unchanged for five years, old: urgent, not an emergency); "never" does not deny it."""
    reading = read_text(
        "Cauda equina surgery in 2019. The one thing that never came back is a numb patch around my back passage "
        "on the left, and it has been exactly the same for five years. Three weeks of new right sciatica."
    )
    assert reading.case.history.saddle_numbness is True
    assert assess(reading.case).triage.level == "urgent"


def test_a_damp_sheet_on_waking_raises_the_bladder() -> None:
    """ "Woke up and the sheet was damp?? not sure if it was sweat or... you know": at least unsure, never
    reassured."""
    reading = read_text(
        "Pain in my left bum and down the back of my thigh for 3 weeks. 2 nights ago I woke up and the sheet was "
        "damp?? not sure if it was sweat or... you know."
    )
    a = assess(reading.case)
    assert reading.case.history.urinary_incontinence or "bladder" in {u.topic for u in a.unresolved}
    assert a.triage.level in ("urgent", "emergency", "prompt")


def test_grades_paired_under_r_bar_l() -> None:
    """ "Myotomes R | L: quads 4 | 5": the right is 4 and the left 5, never the nearest side's 4."""
    case = read_text("Myotomes R | L: hip flex 5 | 5, quads 4 | 5, DF 5 | 5, EHL 5 | 5, PF 5 | 5").case
    assert (case.weakness.right or {}).get("knee_extension") == 4
    assert (case.weakness.left or {}).get("knee_extension") == 5


def test_arching_the_back_is_no_pair_of_arches() -> None:
    """ "Worst when she arches back" is a movement of the spine, not both feet's arches (no new symptoms in both
    legs)."""
    case = read_text("Central low back pain in a gymnast, worst when she arches back; hamstrings tight.").case
    assert case.history.bilateral_leg_symptoms_new is not True
    assert not any(
        "medial_foot" in (regions or []) for regions in (case.pain.left, case.pain.right, case.pain.unknown)
    )


def test_heaviness_that_comes_on_walking_is_claudication_not_weakness_getting_worse() -> None:
    """ "Three years of slowly worsening pain and heaviness in both buttocks and legs on walking": neurogenic
    claudication's course, not a motor deficit getting worse."""
    case = read_text(
        "She has three years of slowly worsening pain and heaviness in both buttocks and legs on walking, right "
        "slightly worse than left, eased by leaning on a shopping trolley."
    ).case
    assert case.history.progressive_weakness is not True


def test_bowels_as_regular_as_clockwork_are_denied() -> None:
    """ "My bowels are as regular as the 8.15 to Shrewsbury" settles the bowel as normal."""
    reading = read_text(
        "Both legs heavy after ten minutes' walking for three years, eased by sitting. I have no numbness in the "
        "nether regions and my bowels are as regular as the 8.15 to Shrewsbury."
    )
    assert reading.case.history.bowel_incontinence is False or "bowel" not in {
        u.topic for u in assess(reading.case).unresolved
    }


def test_legs_stiff_and_heavy_for_days_and_a_stick_since_yesterday() -> None:
    """ "5/7 legs 'stiff and heavy', tripping, unsteady; needs a stick since yesterday": weakness (heaviness, in
    quotes, after another word) that is getting worse."""
    case = read_text(
        "HPC: 66M. 5/7 legs 'stiff and heavy', tripping, unsteady; needs a stick since yesterday."
    ).case
    assert case.weakness.left and case.weakness.right
    assert case.history.progressive_weakness is True


def test_waterworks_no_different_to_usual_are_denied() -> None:
    """ "Waterworks and the other department are no different to usual" settles the bladder (and the numbness
    denied in the nether regions is the saddle's, not the bladder's)."""
    reading = read_text(
        "Sciatica down my left leg for 3 weeks. Waterworks and the other department are no different to usual and "
        "I've no numbness in the nether regions."
    )
    assert "bladder" not in {u.topic for u in assess(reading.case).unresolved}


def test_old_sphincter_changes_told_in_a_letter_are_read() -> None:
    """ "Her sense of bladder filling is 'not quite what it was'", "sexual function has also been reduced since
    surgery": both are present (and here old), not denied."""
    h = read_text(
        "CES surgery in 2021. She remains continent, although her sense of bladder filling is 'not quite what it "
        "was' since the operation. Sexual function has also been reduced since surgery."
    ).case.history
    assert h.altered_bladder_sensation is True
    assert h.sexual_dysfunction is True


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            "Calf pain on walking. She asked had I lost weight (no, the opposite unfortunately), any problems with "
            "the waterworks (no).",
            "unexplained_weight_loss",
        ),
        (
            'Left leg pain 2 weeks. I did read the "saddle numbness" thing on here and did the tissue test, and '
            "that's all normal, no numbness at all down there.",
            "saddle_numbness",
        ),
        (
            "Numb when I wipe since Sunday. I'm on my period so I'm blaming the pads. Wees are fine.",
            "urinary_incontinence",
        ),
    ],
)
def test_a_warning_word_that_is_answered_no_or_only_named(text: str, finding: str) -> None:
    """A question answered "(no, ...)", a term read about in quotes, pads for a period: none is the finding."""
    assert getattr(read_text(text).case.history, finding) is not True


def test_a_sacroiliac_cluster_count_is_no_muscle_grade() -> None:
    """ "SIJ cluster 1/5 (thigh thrust R)" counts positive provocation tests, not a leg graded 1/5."""
    case = read_text("Neuro: myotomes 5/5, reflexes 2+ =. SLR neg. SIJ cluster 1/5 (thigh thrust R).").case
    grades = [v for side in (case.weakness.left, case.weakness.right) if side for v in side.values()]
    assert 1 not in grades


def test_never_had_this_before_then_waking_wet_is_new_incontinence() -> None:
    """ "Never had this before - woke up wet last night": "never" says it is new, it denies nothing."""
    reading = read_text(
        "32F never had this before - woke up wet last nite, didnt even know i needed to go. back agony all week "
        "with pain shooting down my leg."
    )
    assert reading.case.history.urinary_incontinence is True
    assert assess(reading.case).triage.level == "emergency"


def test_a_leg_gone_cold_and_white_after_lunch_is_acute_limb_ischaemia() -> None:
    """ "My right leg went cold and white after lunch and now I can't feel my toes": a leg changed within hours,
    today (PRODUCT.md: acute limb ischaemia is an emergency)."""
    reading = read_text(
        "pls can someone ring me asap. my right leg went cold and white after lunch and now i cant feel my toes or "
        "move them properly. really bad pain in the calf. i have AF."
    )
    assert assess(reading.case).triage.level == "emergency"


def test_tiptoes_that_just_did_not_on_one_side_are_a_weak_calf() -> None:
    """ "Went up on my tiptoes and my left side just... didn't. My right heel comes up fine, the left one wobbles
    and drops": the left calf is weak (S1), so at least prompt."""
    reading = read_text(
        "Left buttock and calf pain for three weeks. I went up on my tiptoes and my left side just... didn't. My "
        "right heel comes up fine, the left one wobbles and drops."
    )
    assert (reading.case.weakness.left or {}).get("ankle_plantarflexion") is not None
    assert assess(reading.case).triage.level in ("prompt", "urgent")


def test_bailing_off_a_skateboard_is_trauma() -> None:
    """ "Back has been killing me since I bailed off my skateboard": a fall before the pain."""
    case = read_text("back has been killing me since i bailed off my skateboard wednesday.").case
    assert case.history.minor_trauma is True


def test_the_bedroom_department_that_has_not_worked_is_sexual_dysfunction() -> None:
    """ "Things in the bedroom department haven't worked since the weekend. Not at all": new sexual dysfunction,
    not a denial (PRODUCT.md: a cauda equina feature)."""
    reading = read_text(
        "Sciatica down the right leg for three weeks. The last two days I have to really push to get my wee "
        "started. And things in the bedroom department haven't worked since the weekend. Not at all."
    )
    assert reading.case.history.sexual_dysfunction is True
    assert assess(reading.case).triage.level == "emergency"


def test_a_reluctance_to_write_it_denies_nothing() -> None:
    """ "This is the bit I really didn't want to write, things in the bedroom department haven't worked since the
    weekend": the "didn't" is about writing, not about the finding."""
    case = read_text(
        "Right sciatica for three weeks. And, this is the bit I really didn't want to write, things in the bedroom "
        "department haven't worked since the weekend."
    ).case
    assert case.history.sexual_dysfunction is True
