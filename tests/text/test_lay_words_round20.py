"""Round 20 of issue 13: misses of the development batches, each written here before its fix.

- A new pain since this afternoon beside a back "he has had for years" is hours old: the old one is the
  background, not this episode's length (a known aneurysm with new pain is an emergency).
- A scan's "leak" beside the aorta is not the bladder's; "felt faint and had to sit down" is near-fainting.
- Grades charted in columns lined up by spaces, one column per visit: the last is today's, a fall is weakness
  getting worse; so is a grade said "was 4/5 a week ago, today 3/5".
- "Since ~noon" is a time of hours; "six days earlier" dates what follows.
- A relative named and then diagnosed ("my uncle Ray was diagnosed with ...") is theirs; what a relative cannot
  do, in a message that may be written for them, stays the patient's (two readings tried and dropped).
- What to watch for, listed, then "go to A&E if any appear": the list is advice, not symptoms.
- Pain that "keeps her up at night", that "bears no relation to activity", that is "constant now even lying
  down" or the same "whether I'm sitting, lying or walking" is pain at rest.
- "Because of the chemo" is chemotherapy given now.
"""

from __future__ import annotations

from typing import Any

import pytest
from textread import ABSENT, check_read, findings

from nerveroot.service import assess_text
from nerveroot.text import read_text


def test_a_new_pain_since_this_afternoon_beside_an_old_back_with_a_known_aneurysm_is_an_emergency() -> None:
    text = (
        "My dad is 76 and has an abdominal aortic aneurysm of 5.1 cm that the hospital keeps an eye on. Since "
        "about two this afternoon he has had a deep, constant pain low in his back on the right, not like the "
        "stiff back he has had for fifteen years. He looks grey and sweaty."
    )
    got = findings(text)
    assert got.get("duration_weeks", 0) < 1, got.get("duration_weeks")
    assert assess_text(text).triage.level == "emergency"


def test_an_old_back_alone_keeps_its_years() -> None:
    text = "Stiff lower back for fifteen years, much the same. No leg symptoms."
    assert findings(text).get("duration_weeks", 0) > 500


@pytest.mark.parametrize(
    "text",
    [
        "CT: 6 cm abdominal aortic aneurysm with a possible contained leak on the left.",
        "Ultrasound shows the aneurysm; a small leak from the aorta cannot be ruled out.",
    ],
)
def test_a_leak_beside_the_aorta_is_not_the_bladder(text: str) -> None:
    check_read(text, {"history.urinary_incontinence": ABSENT, "history.bladder_dysfunction": ABSENT})


def test_a_leak_of_urine_is_still_the_bladder() -> None:
    check_read("Since Tuesday I leak a little urine when I stand up.", {"history.urinary_incontinence": True})


@pytest.mark.parametrize(
    "text",
    [
        "Back pain for ten days. This morning he went light-headed and had to sit down on the stairs.",
        "Low back ache since Sunday; she felt faint and had to lie down on the kitchen floor twice today.",
    ],
)
def test_feeling_faint_and_having_to_sit_down_is_near_fainting(text: str) -> None:
    check_read(text, {"history.faintness_or_collapse": True})


def test_sitting_down_because_the_leg_hurts_is_not_fainting() -> None:
    check_read("The leg pain is so bad on walking I have to sit down.", {"history.faintness_or_collapse": ABSENT})


def test_grades_lined_up_in_columns_by_visit() -> None:
    text = (
        "O:\n"
        "              1st visit 03/02    wk 3       Today\n"
        "EHL R         5                  4          3\n"
        "DF R          5                  5          4-\n"
        "Reflexes symmetrical.\n"
    )
    check_read(
        text,
        {
            "weakness.right.great_toe_extension": 3,
            "weakness.right.ankle_dorsiflexion": 3.5,
            "history.progressive_weakness": True,
        },
    )


def test_grades_lined_up_with_today_first_and_a_date_after() -> None:
    text = "Obj:        today     02/03\nPF L        3/5       4/5\nEv L        4/5       4/5\n"
    check_read(
        text, {"weakness.left.ankle_plantarflexion": 3, "history.progressive_weakness": True}
    )


def test_grades_lined_up_that_hold_steady_are_not_progressive() -> None:
    text = "          IA     Today\nEHL L     4      4\nDF L      5      5\n"
    check_read(text, {"weakness.left.great_toe_extension": 4, "history.progressive_weakness": ABSENT})


def test_a_grade_said_before_and_today_is_todays_and_getting_worse() -> None:
    text = (
        "Right L5 radiculopathy. At her last visit ten days ago hip abduction was 4+/5; today it is 4-/5 and "
        "extensor hallucis longus is 3/5."
    )
    check_read(
        text,
        {
            "weakness.right.hip_abduction": 3.5,
            "weakness.right.great_toe_extension": 3,
            "history.progressive_weakness": True,
        },
    )


@pytest.mark.parametrize(
    "text",
    [
        "PC: fell off a chair. HPC: 80M, fell this morning. Sharp pain in the low back. Since ~noon numbness "
        "and weakness in both legs, cannot stand.",
        "Six days earlier, lifting a suitcase, he felt his back give; soon after the pain went down the back of "
        "both legs.",
    ],
)
def test_a_time_of_hours_or_days_earlier_makes_both_legs_new(text: str) -> None:
    check_read(text, {"history.bilateral_leg_symptoms_new": True})


@pytest.mark.parametrize(
    "text",
    [
        "My knees are bad. My husband couldn't feel his bottom this morning and can't pee.",
        "I've got sciatica myself. My wife lost the feeling in her bottom today and can't wee.",
    ],
)
def test_what_a_relative_cannot_do_in_a_message_that_may_be_for_them_stays_an_emergency(text: str) -> None:
    """Tried and dropped: in a story the writer tells of their own body, what a relative "was told" and then
    "couldn't" do read as the relative's (a brother's retention years ago): it made these messages routine."""
    assert assess_text(text).triage.level == "emergency"


def test_a_message_for_a_relative_who_cannot_pee_is_theirs_and_an_emergency() -> None:
    text = "Writing for my husband. My husband couldn't pee all day and both his legs have gone weak since lunch."
    check_read(text, {"history.urinary_retention": True})
    assert assess_text(text).triage.level == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "Improving R S1. Went through the warning signs (numb saddle, bladder or bowel upset, pain in both "
        "legs) and to attend A&E if any develop.",
        "Safety net: told him what to look out for - numbness around the back passage, trouble passing urine - "
        "and to ring 999 if any appear.",
    ],
)
def test_a_list_of_signs_then_go_to_hospital_if_any_appear_is_advice(text: str) -> None:
    check_read(
        text,
        {
            "history.saddle_numbness": ABSENT,
            "history.bladder_dysfunction": ABSENT,
            "history.urinary_retention": ABSENT,
            "history.bowel_incontinence": ABSENT,
        },
    )
    assert assess_text(text).triage.level != "emergency"


def test_a_sign_that_is_there_before_if_any_worse_is_still_there() -> None:
    text = "Her saddle has been numb since Friday and she will go to A&E if any of it gets worse."
    check_read(text, {"history.saddle_numbness": True})


@pytest.mark.parametrize(
    "text",
    [
        "Lower thoracic pain for two months; it keeps him up at night and codeine barely helps.",
        "Back pain for six weeks. It bears no relation to activity.",
        "Back pain for a month with a fever, constant now even lying down.",
        "For a month the ache in his back is no different whether he's standing, lying or walking.",
    ],
)
def test_pain_that_rest_does_not_change_is_pain_at_rest(text: str) -> None:
    check_read(text, {"history.pain_at_rest_unrelenting": True})


def test_being_kept_awake_by_a_noisy_neighbour_is_not_pain_at_rest() -> None:
    check_read(
        "Sciatica in my left leg. The neighbour's dog keeps me up at night but the leg is easing.",
        {"history.pain_at_rest_unrelenting": ABSENT},
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ache in my back since Monday. My temperature is fine, I take it daily because of the chemo.", True),
        ("Back ache. I had chemo in 2015 and have been clear since.", ABSENT),
    ],
)
def test_because_of_the_chemo_is_chemotherapy_now(text: str, expected: Any) -> None:
    check_read(text, {"history.immunosuppression": expected})


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("Night pain only when she rolls over, settles straight away.", "history.pain_at_rest_unrelenting"),
        ("The calf is weaker on the right than it should be; no change since last month.", "history.progressive_weakness"),
        ("SH: retired teacher, denies drug use incl. injecting.", "history.intravenous_drug_use"),
    ],
)
def test_what_only_sounds_like_the_warning_sign(text: str, path: str) -> None:
    check_read(text, {path: ABSENT})


def test_he_after_my_husband_stays_the_patients_when_the_message_may_be_for_him() -> None:
    """Tried and dropped: "he" after "my brother" in the writer's own story read as the brother's. It made this
    message, from a writer who also mentions her own back, self-care."""
    text = "My back is sore too. My husband had a fall this morning and he can't pass urine and both his legs are weak."
    check_read(text, {"history.urinary_retention": True})
    assert assess_text(text).triage.level == "emergency"


def test_he_after_his_father_in_a_clinicians_note_is_the_patient() -> None:
    text = "His father had prostate cancer. He has new numbness in the saddle since yesterday."
    check_read(text, {"history.saddle_numbness": True})


def test_a_parents_cancer_is_theirs() -> None:
    text = "My lower back has ached since Sunday. I worry about every twinge after a parent's cancer."
    check_read(text, {"history.history_of_cancer": ABSENT})


def test_it_was_down_one_leg_then_the_other_one_too_is_pain_new_in_both() -> None:
    text = "Hurt my back gardening. On Monday it was down my left leg; since Wednesday the right one is going as well."
    check_read(text, {"pain.left.leg": True, "history.bilateral_leg_symptoms_new": True})


def test_a_bladder_behaving_itself_is_a_denial() -> None:
    text = "My right calf cramps when I walk. The nurse asked, and my bladder and bowels are behaving themselves."
    check_read(text, {"history.bladder_dysfunction": False, "history.bowel_incontinence": False})


def test_no_poo_for_days_is_not_a_denial_of_the_bowels() -> None:
    text = "My bum has gone numb since yesterday. Haven't had a poo in four days, probably the tramadol."
    got = findings(text)
    assert got.get("history.bowel_incontinence") is not False
    assert "history.bowel_incontinence" in {u.finding for u in read_unsure(text)}


def read_unsure(text: str) -> list[Any]:
    return list(read_text(text).case.unsure)


@pytest.mark.parametrize(
    "text",
    [
        "Perianal PP: reduced R side. AJ R absent.",
        "Saddle sensation: reduced on the left. PR tone normal.",
    ],
)
def test_perianal_sensation_given_after_a_colon(text: str) -> None:
    check_read(text, {"exam.perianal_sensation": "reduced"})


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Sciatica for a month. Since Friday an odd sensation around my bottom, maybe the cold?", "history.saddle_numbness"),
        ("Both my calves have gone numb since Saturday. Loo ok I think??", "history.bladder_dysfunction"),
        ("Both legs tingle since Friday. Toilet-wise I really don't know.", "history.bladder_dysfunction"),
        ("My bottom is numb since last night. Not had a wee since breakfast now I think of it.", "history.bladder_dysfunction"),
        (
            "Both legs tingle since Friday. I've not noticed numbness down below, but then I wasn't really checking.",
            "history.saddle_numbness",
        ),
        (
            "Both feet numb since Sunday. On tramadol so bunged up, and as for weeing, I think it's normal?",
            "history.bowel_incontinence",
        ),
    ],
)
def test_a_warning_sign_said_with_doubt_is_listed_unsure(text: str, finding: str) -> None:
    got = findings(text)
    assert got.get(finding) is not False, got.get(finding)
    assert finding in {u.finding for u in read_unsure(text)} or got.get(finding) is True


def test_what_a_poster_was_taken_to_mean_is_not_a_symptom() -> None:
    text = "Sciatica in my right leg. I'd seen the posters and thought it meant you couldn't wee at all."
    check_read(text, {"history.urinary_retention": ABSENT})


def test_a_sentence_with_its_own_subject_does_not_carry_the_last_symptom_to_the_saddle() -> None:
    text = (
        "The outer toes are numb. She has noticed nothing strange around the back passage."
    )
    check_read(text, {"history.saddle_numbness": ABSENT})
    assert assess_text(text).triage.level != "emergency"


def test_a_path_told_without_a_subject_still_goes_on() -> None:
    check_read(
        "Tingling for a week. From my bum down the back of my thigh to my calf.",
        {"tingling.unknown.buttock": True},
    )


def test_the_questions_a_physio_asked_name_no_symptom() -> None:
    text = "My right leg aches. The physio asked me lots of questions about weeing, a numb bottom and my bowels."
    check_read(
        text,
        {"history.saddle_numbness": ABSENT, "history.bladder_dysfunction": ABSENT, "history.bowel_incontinence": ABSENT},
    )


def test_a_relative_named_then_given_a_diagnosis_is_theirs() -> None:
    text = "My left hip aches at night. My aunt Carol was diagnosed with breast cancer that went to her bones."
    check_read(text, {"history.history_of_cancer": ABSENT})


def test_absent_perianal_and_a_level_below_l1_on_both_sides() -> None:
    text = "Power 2/5 both legs. Sensation reduced below L1 bilat, absent perianal."
    check_read(text, {"exam.sensory_level": "L1", "exam.perianal_sensation": "absent"})


def test_legs_numb_from_the_waist_down_are_numb_legs_and_a_level() -> None:
    text = "For two days her legs have been numb from the waist down, like standing in snow."
    check_read(
        text,
        {"numbness.left.leg": True, "numbness.right.leg": True, "history.bilateral_leg_symptoms_new": True},
    )
    assert findings(text).get("exam.sensory_level")


def test_a_leg_gone_cold_and_dead_this_morning_with_no_pulse_found_is_an_emergency() -> None:
    """After the held-back measurement (not in its figures): an old sciatica, none for a year, and a new leg."""
    text = (
        "I'm 70 and had sciatica in my right leg for years, nothing in the last six months. Today at about six, "
        "when I stood up, my left leg felt dead and it has gone cold from the knee down. My son felt for the "
        "pulse on top of my foot like the nurse does at my diabetic check-ups and he can't find it on the left."
    )
    got = findings(text)
    assert got.get("duration_weeks", 99) < 1, got.get("duration_weeks")
    assert got.get("tests.left.pedal_pulses") == "absent"
    assert assess_text(text).triage.level == "emergency"


def test_walking_like_being_on_a_boat_with_clumsy_hands_is_seen_within_the_day() -> None:
    text = "For two months walking has felt like being on a ship and my hands are clumsy with buttons."
    check_read(text, {"history.gait_unsteady": True})
    assert assess_text(text).triage.level in ("urgent", "emergency")


def test_legs_weaker_over_the_years_are_not_weakness_getting_worse() -> None:
    check_read("Over the years his legs have become rather weaker.", {"history.progressive_weakness": ABSENT})


def test_a_foot_weaker_over_the_last_week_is_getting_worse() -> None:
    check_read("Her left foot has become weaker over the last week.", {"history.progressive_weakness": True})


def test_the_toilet_seems_ok_i_think_is_listed_unsure() -> None:
    text = "Both legs numb since Sunday. Toilet seems ok I think??"
    assert "history.bladder_dysfunction" in {u.finding for u in read_unsure(text)}


def test_weaker_over_the_years_and_much_worse_this_week_is_getting_worse() -> None:
    text = "Her left foot has got weaker over the years, and much weaker since Monday: she trips on every kerb."
    check_read(text, {"history.progressive_weakness": True})
