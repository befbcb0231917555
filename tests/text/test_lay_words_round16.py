"""Round 16 of issue 13: misses of the development batches, each written here before its fix.

- Weakness told without a grade, and with no course, leaves open whether it is marked or getting worse (the
  fail-safe's "worsening or severe weakness" topic): unsure, with the words that told it, never a silence. A
  grade anywhere, a course told either way, or no weakness settles it.
"""

from __future__ import annotations

import pytest
from textread import ABSENT, WEAK, check_read, check_unsure

from nerveroot.engine import assess
from nerveroot.text import read_text

_COURSE = "history.progressive_weakness"


@pytest.mark.parametrize(
    "text",
    [
        "help. wet myself twice today and didnt even realise till after, both my legs feel weak and wobbly",
        "My right foot has felt weak for about three weeks and it slaps down when I walk on the pavement.",
        "47F. L5 radic R, 4/52. Weak R DF on heel walking. SLR R 40.",
    ],
)
def test_weakness_without_a_grade_or_course_is_unsure(text: str) -> None:
    check_unsure(text, _COURSE)
    unsure = {u.finding: u.words for u in read_text(text).case.unsure}
    assert "weak" in (unsure[_COURSE] or "").lower()


def test_the_assessment_lists_it_with_how_to_check() -> None:
    a = assess(read_text("My right foot has felt weak for about three weeks, pain down the outside of my calf.").case)
    topics = {u.topic: u for u in a.unresolved}
    assert "progressive_weakness" in topics
    assert "foot" in topics["progressive_weakness"].check.lower()
    assert "same day" in topics["progressive_weakness"].check.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Right ankle dorsiflexion 3/5, weak on heel walking.",  # graded
        "Weak R DF 4/5, EHL 4/5.",
        "My leg has been getting weaker every day for a week.",  # the course is told
        "My legs are not weak, just painful down the back of the right thigh.",  # no weakness
        "Pain down the back of my left leg for two weeks, no numbness.",
        "I can't lift my right foot up at all since yesterday.",  # told by what cannot be done: a grade
    ],
)
def test_a_grade_a_course_or_no_weakness_settles_it(text: str) -> None:
    assert _COURSE not in {u.finding for u in read_text(text).case.unsure}


def test_a_denied_realising_does_not_reach_the_next_clause() -> None:
    """"didnt even realise till after, both my legs feel weak": the comma, a new subject and its verb start a
    new clause (a development emergency, c3-msg-010, read as legs not weak)."""
    case = read_text("wet myself twice today and didnt even realise till after, both my legs feel weak").case
    assert case.weakness.left == {"leg": True} and case.weakness.right == {"leg": True}
    assert case.history.bilateral_leg_symptoms_new is not False


@pytest.mark.parametrize(
    "text",
    [
        "Calf is still weak, I can do 6 heel raises on the left compared with 25 on the right, same as a month ago,"
        " not worse.",
        "My left leg has started to feel weak going down stairs. It's not getting worse as far as I can tell.",
        "On that leg I can't hop at all and the calf feels weak. It's been like that for a couple of weeks, not"
        " worse, not better.",
        "My right knee gave way twice last week. The GP said the quads were weak. It's not getting any weaker, it's"
        " just there.",
    ],
)
def test_weakness_said_to_be_no_worse_is_not_getting_worse(text: str) -> None:
    case = read_text(text).case
    assert case.history.progressive_weakness is False, case.history
    assert _COURSE not in {u.finding for u in case.unsure}


@pytest.mark.parametrize(
    "text",
    [
        # the stable words are the pain's, a sentence away from the weakness
        "My foot feels weak. I saw the GP on Monday. The pain is no worse.",
        # a stable thing that is not the weakness
        "Obs stable. R EHL weak.",
        # a condition, not a course
        "The foot feels weak; come back if it is not getting better.",
    ],
)
def test_other_things_no_worse_leave_the_weakness_open(text: str) -> None:
    case = read_text(text).case
    assert case.history.progressive_weakness is not False, case.history


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My thermometer said 38.2 this afternoon.", {"history.fever": True}),
        ("I've been getting drenched in sweat at night.", {"history.fever": True}),
        ("Five weeks ago I had a decompression at L4/5 for stenosis.",
         {"history.previous_spinal_surgery": True, "history.spinal_surgery_within_3_months": True}),
        ("They found a small aneurysm on my aorta during a scan for something else, 4.1 cm.",
         {"history.known_aneurysm": True}),
        ("I got a sudden, really nasty pain in my lower back, the worst I've had in my life.",
         {"history.sudden_severe_pain": True}),
        ("I came over dizzy and grey, had to sit on the floor.", {"history.faintness_or_collapse": True}),
    ],
)  # fmt: skip
def test_infection_after_surgery_and_an_aneurysm_in_a_persons_words(text: str, expected: dict[str, object]) -> None:
    """The 44th batch's two missed emergencies: a wound infection with fever and a new foot drop five weeks after a
    decompression; a known aneurysm with sudden severe pain and near-collapse."""
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My thermometer said 36.9, so no temperature.", {"history.fever": ABSENT}),
        ("I was drenched in sweat after the gym.", {"history.fever": ABSENT}),
        ("The worst flare I've had was in 2019, it lasted three weeks.", {"history.sudden_severe_pain": ABSENT}),
        ("I came over all emotional at the news.", {"history.faintness_or_collapse": ABSENT}),
        ("My dad had an aneurysm in his brain.", {"history.known_aneurysm": ABSENT}),
    ],
)  # fmt: skip
def test_near_words_that_are_not_those_signs(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("feel kind of numb sitting on the toilet too.", {"history.saddle_numbness": True}),
        ("There is no perianal sensation to pinprick, and anal tone is lax.",
         {"exam.perianal_sensation": "absent", "exam.anal_tone": "reduced"}),
    ],
)  # fmt: skip
def test_the_saddle_and_the_anal_tone_in_the_44th_batchs_words(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My legs go numb sitting on the toilet for too long.", {"history.saddle_numbness": ABSENT}),
        ("No numbness, and reflexes are normal.", {"numbness": ABSENT}),
    ],
)  # fmt: skip
def test_near_saddle_words(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_a_buddys_operation_is_not_the_persons() -> None:
    """"My buddy had a fusion at L5-S1 a few years back" (a development text after the decompression words were
    added)."""
    check_read("My buddy had a fusion at L5-S1 a few years back.", {"history.previous_spinal_surgery": ABSENT})


@pytest.mark.parametrize(
    "text",
    [
        "Also when I sit on the toilet seat it feels a bit numb, like sitting on a cold step, which I put down to"
        " sitting funny because of the back.",
        "When I sit on the toilet seat it feels a bit numb, which I blame on the back.",
    ],
)
def test_a_back_given_as_the_cause_is_not_where_the_numbness_is(text: str) -> None:
    """The 44th batch: the saddle told as numb on the toilet seat, then put down to the back."""
    check_read(text, {"history.saddle_numbness": True})


def test_legs_stiff_and_weak_are_weak() -> None:
    check_read("For four days my legs have felt stiff and weak.",
               {"weakness.left.leg": WEAK, "weakness.right.leg": WEAK})  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Five days ago he noticed he could not push off properly with the right foot. Today he cannot rise onto his"
        " right toes at all.",
        "Over the last three days her left foot has been slapping on the pavement, and this morning she tripped"
        " because she could not lift her toes.",
        "2/7 both legs heavy and weak, now needs a frame to walk.",
        "For four days her legs have felt weak; she nearly fell twice and today needed a stick.",
        "Three days ago he noticed his left foot scuffing the ground; by this morning he could not clear the kerb.",
    ],
)
def test_weakness_then_a_new_failure_is_getting_worse(text: str) -> None:
    """Development vignettes and notes told the weakness's course as a sequence: a weakness dated once, then a
    failure dated after it (a walking aid needed today, a kerb no longer cleared)."""
    check_read(text, {"history.progressive_weakness": True})


@pytest.mark.parametrize(
    "text",
    [
        "Three days ago my right foot started to feel weak. Today I can walk fine, it is a bit better.",
        "Weak left ankle for two weeks. Uses a stick since her hip operation in 2019.",
        "For four days my legs have felt weak. I cannot walk far because of the pain.",
    ],
)
def test_a_sequence_without_a_new_failure_says_nothing(text: str) -> None:
    check_read(text, {"history.progressive_weakness": ABSENT})


@pytest.mark.parametrize(
    "text",
    [
        "Mild weakness of great toe extension on both sides. There has been no change in the weakness over the last"
        " year.",
        "Weak left EHL, first noted in March; the weakness is unchanged.",
    ],
)
def test_no_change_in_the_weakness(text: str) -> None:
    check_read(text, {"history.progressive_weakness": False})


def test_both_feet_numb_for_a_couple_of_years_are_not_new() -> None:
    """The 44th batch: a peripheral neuropathy of years sent to an emergency department as new symptoms in both
    legs."""
    text = ("for a couple of years both my feet have been burning and numb like im wearing socks when im not, its"
            " creeping up towards my ankles.")  # fmt: skip
    case = read_text(text).case
    assert case.history.bilateral_leg_symptoms_new is False, case.history
    assert assess(case).triage.level != "emergency"


@pytest.mark.parametrize(
    ("text", "expected", "unsure"),
    [
        # "the same as they've been for years" says the bladder has not changed, not that it works: a bladder
        # trouble years old is said the same way (t2-post-002), so the bladder is left unsure (round 22)
        ("Waterworks are the same as they've been for years, I get up once a night, and nothing is numb in the private"
         " area.", {"history.altered_bladder_sensation": ABSENT, "history.saddle_numbness": False},
         {"history.bladder_dysfunction"}),
        ("He reports no change in his bladder over the past year, no saddle numbness, and his bowels are regular and"
         " under control.", {"history.saddle_numbness": ABSENT, "history.bowel_incontinence": ABSENT}, set()),
    ],
)  # fmt: skip
def test_a_new_clause_after_and_keeps_its_own_denial(
    text: str, expected: dict[str, object], unsure: set[str]
) -> None:
    check_read(text, expected)
    assert {u.finding for u in read_text(text).case.unsure} == unsure


def test_a_known_aneurysm_with_sudden_pain_into_the_belly_is_an_emergency() -> None:
    """The 46th batch's missed emergency (a development batch): a man on a vascular waiting list for a 6 cm
    aneurysm, with a sudden bad pain low in the back going round to the belly, was told self-care."""
    text = ("I'm on the waiting list at the vascular unit for my aortic aneurysm (6.1 cm at last scan). Since about"
            " an hour ago I've got a sudden bad pain low in my back going round to my belly. Dont feel faint.")  # fmt: skip
    case = read_text(text).case
    assert case.history.known_aneurysm is True
    assert assess(case).triage.level == "emergency"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("legs feel stiff n wobbly like im on a boat, nearly went over twice.", {"history.gait_unsteady": True}),
        ("I nearly fell asleep at my desk.", {"history.gait_unsteady": ABSENT}),
        ("We went on a boat trip last summer.", {"history.gait_unsteady": ABSENT}),
    ],
)  # fmt: skip
def test_unsteady_walking_in_a_persons_words(text: str, expected: dict[str, object]) -> None:
    """The 46th batch: a cervical myelopathy (hands numb, dropping cups, legs 'like im on a boat') told self-care.
    "Nearly went over twice" stays unread: writers use it for legs giving way as often as for balance."""
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Also my bum cheeks - the inner bits - feel tingly and a bit numb.", {"history.saddle_numbness": True}),
        ("Saddle sensation reduced to pinprick S3-S5, tone present but weak, PVR 310 mL.",
         {"exam.anal_tone": "reduced"}),
        ("Anal tone present but reduced.", {"exam.anal_tone": "reduced"}),
    ],
)  # fmt: skip
def test_the_46th_batchs_saddle_and_tone(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("woke up wet last night and didnt even know id gone, never happened before.",
         {"history.urinary_incontinence": True}),
        ("I woke up soaked in sweat again.", {"history.urinary_incontinence": ABSENT}),
        # night sweats, not a wet bed (the 48th batch, unread, after the first reading of waking up wet)
        ("I've had chills on and off, and a couple of nights I woke up soaked.", {"history.urinary_incontinence": ABSENT}),
        ("Woke up soaked, drenched with sweat, two nights running.", {"history.urinary_incontinence": ABSENT}),
    ],
)  # fmt: skip
def test_waking_up_wet(text: str, expected: dict[str, object]) -> None:
    """The 46th batch: new bed-wetting told as waking up wet."""
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("If anything today my left leg feels a bit weaker going up the stairs.",
         {"history.progressive_weakness": True}),
        ("Since Monday my left foot flops when I walk, and the foot is getting worse every day.",
         {"history.progressive_weakness": True}),
        ("Dorsiflexion 3/5 and great toe extension 2/5 on the left (both documented as 5/5 at her 2-week wound"
         " check).", {"history.progressive_weakness": True, "weakness.left.great_toe_extension": 2}),
        # a pain getting worse is not the weakness getting worse
        ("My left foot is weak. The leg pain is getting worse.", {"history.progressive_weakness": ABSENT}),
        ("Weak right foot; my foot pain is getting worse.", {"history.progressive_weakness": ABSENT}),
    ],
)  # fmt: skip
def test_the_46th_batchs_worsening_weakness(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i should say i still inject sometimes (trying to stop, on the script).",
         {"history.intravenous_drug_use": True}),
        ("You should say if you ever get numb down below.", {"history.saddle_numbness": ABSENT}),
        ("I was lifting my suitcase down from the top of the wardrobe and as I took the weight I felt a sharp pain.",
         {"history.after_lifting_or_bending": True}),
        ("Lifting my leg up hurts.", {"history.after_lifting_or_bending": ABSENT}),
    ],
)  # fmt: skip
def test_the_46th_batchs_under_triaged_posts(text: str, expected: dict[str, object]) -> None:
    """Injecting told after "I should say" (a discourse phrase, not a condition); a suitcase lifted by a woman with
    osteoporosis (a fragility fracture to rule out)."""
    check_read(text, expected)


def test_a_lift_with_osteoporosis_is_at_least_prompt() -> None:
    text = ("I'm 62 and have osteoporosis. On Monday I was lifting my suitcase down from the wardrobe and felt a sharp"
            " pain in the middle of my lower back.")  # fmt: skip
    assert assess(read_text(text).case).triage.level in ("prompt", "urgent", "emergency")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("33M driver, car vs central reservation ~60 mph approx 15:00 today, airbags deployed. C/o low back pain"
         " centred around L1-L2. No leg pain, numbness or weakness.", "emergency"),
        ("Last Saturday my mare spooked and I came off at a canter and landed flat on my back on the hard track. Six"
         " days later my back is still really sore.", "urgent"),
    ],
)  # fmt: skip
def test_high_energy_injuries_of_the_45th_batch(text: str, level: str) -> None:
    """The held-back 45th batch's missed emergency (measured before this fix): a road collision two hours old,
    its time told as a clock time today; and a fall from a horse at a canter (self-care)."""
    assert assess(read_text(text).case).triage.level == level


def test_a_clinic_time_today_dates_nothing() -> None:
    check_read("I was seen in clinic at 10:30 today for my back, which has hurt for 3 weeks.", {"duration_weeks": 3.0})


def test_never_finding_out_if_it_was_cancer_is_unsure() -> None:
    """The held-back 45th batch (measured before this fix): a mole removed, 'never found out if it was a melanoma
    or not', was read as nothing and routine."""
    text = ("Sciatica down my right leg, 4 wks. I had a mole cut out of my back about 6 years ago and they sent it off,"
            " I never found out if it was a melanoma or not, they just said all clear at the follow up. 49F.")  # fmt: skip
    check_unsure(text, "history.history_of_cancer")
    assert assess(read_text(text).case).triage.level == "prompt"


def test_a_numb_patch_left_since_an_operation_is_present_and_the_bladder_fine() -> None:
    """The held-back 45th batch (measured before this fix): a numb patch by the back passage 'ever since my disc op
    in 2021, never came back' was read as over, and 'numb patch ..., bladder same as always (fine)' as a bladder
    that is not felt."""
    text = ("Ive had a numb patch round my back passage ever since my disc op in 2021, never came back, consultant said"
            " it probably wont. now a new sciatica flare in my left leg 1 week. numb patch exactly the same as always,"
            " bladder same as always (fine).")  # fmt: skip
    check_read(text, {"history.saddle_numbness": True, "history.altered_bladder_sensation": ABSENT})


def test_an_episode_that_never_came_back_is_still_over() -> None:
    check_read("I had sciatica in the left leg in 2015; it settled with physio and never came back.",
               {"pain.left.leg": ABSENT})  # fmt: skip


def test_a_bladder_not_quite_what_it_was_is_a_change() -> None:
    """'my bladder is not quite what it was: I get urgency' was read as a denied bladder (a development post, found
    when the numb patch stopped being read as a bladder not felt)."""
    check_read("I was left with a numb patch on my bottom, and my bladder is not quite what it was: I get urgency and"
               " have to know where the loos are.", {"history.bladder_dysfunction": True})  # fmt: skip


def test_a_hedge_after_a_list_of_denials_reaches_the_list() -> None:
    """The held-back 47th batch (measured before this fix): 'States bladder OK, BO OK, no saddle numbness, but
    "haven't really paid attention"' left the bladder denied."""
    text = 'States bladder OK, BO OK, no saddle numbness, but "haven\'t really paid attention".'
    for finding in ("history.saddle_numbness", "history.bladder_dysfunction"):
        check_unsure(text, finding)


def test_a_hedge_that_names_another_sign_is_that_signs() -> None:
    case = read_text("No saddle numbness, bladder fine, not sure about the bowels.").case
    assert {u.finding for u in case.unsure} == {"history.bowel_incontinence"}
    assert case.history.saddle_numbness is False and case.history.bladder_dysfunction is False


def test_a_foot_freezing_and_white_an_hour_ago_with_af_is_an_emergency() -> None:
    """The 48th batch's missed emergency (a development batch): acute limb ischaemia in a man with atrial
    fibrillation off his anticoagulant, told as a foot 'freezing and white', was prompt."""
    text = ("Woke up about an hour ago and my left foot is freezing and white, toes feel dead and i can barely wiggle"
            " them. I have AF and i stopped my apixaban last week cos of a nosebleed. Pain in the calf is awful.")  # fmt: skip
    assert assess(read_text(text).case).triage.level == "emergency"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the held-back 47th batch, after its measurement: a foot drop told after "Background:" in a post was
        # read as past history, and lifting the foot was taken for lifting a load
        ("Background: I had a gastric bypass last year and have lost 38 kg. When I stood up, my right foot slapped"
         " on the floor and I tripped on the carpet.", {"weakness.right.ankle_dorsiflexion": 3}),
        ("Background: T2DM, previous L4/5 discectomy 2015.", {"history.previous_spinal_surgery": True}),
        ("The GP said lifting the foot up and turning it outwards are weak.",
         {"history.after_lifting_or_bending": ABSENT}),
        ("tried going up on tiptoes in the kitchen and my right side just wont push up like the left does.",
         {"tests.right.toe_walk": "weak"}),
    ],
)  # fmt: skip
def test_the_47th_batchs_weakness_in_a_persons_words(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_smoking_spoken_of_in_general_is_not_the_persons() -> None:
    check_read("I smoked for twenty years and stopped in 2020, and I've read that smoking is bad for discs.",
               {"history.smoker": ABSENT})  # fmt: skip


@pytest.mark.parametrize(
    "text",
    ["Bladder fine, no saddle numbness, legs weak.", "No back pain, legs weak and numb since Monday."],
)
def test_a_list_item_with_its_own_predicate_is_not_denied(text: str) -> None:
    """'no saddle numbness, legs weak' read the legs as not weak (noticed this session)."""
    check_read(text, {"weakness.left.leg": WEAK, "weakness.right.leg": WEAK})
