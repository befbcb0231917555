"""Round 18 of issue 13: misses of the development batches, each written here before its fix.

- Reflexes in a physiotherapist's shorthand: a side written "L)" or "R)", the other side's value given after a
  comma without the reflex's name again ("R) KJ 1+, L) 2+", "ankle jerk absent on the left, present on the
  right"), and "equal" written "=" or "symm", or after "present and".
"""

from __future__ import annotations

from typing import Any

import pytest
from textread import ABSENT, check_read


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reflexes: R) KJ 1+, L) 2+.",
            {"reflexes.right.patellar": "reduced", "reflexes.left.patellar": "normal"},
        ),
        (
            "AJ L) absent, R) 2+.",
            {"reflexes.left.achilles": "absent", "reflexes.right.achilles": "normal"},
        ),
        (
            "Reflexes: AJ R) absent, L) normal.",
            {"reflexes.right.achilles": "absent", "reflexes.left.achilles": "normal"},
        ),
        (
            "KJ R 1+, L 2+.",
            {"reflexes.right.patellar": "reduced", "reflexes.left.patellar": "normal"},
        ),
        (
            "Ankle jerk absent on the left, present on the right.",
            {"reflexes.left.achilles": "absent", "reflexes.right.achilles": "normal"},
        ),
        # the same value on the other side is still the same finding said twice
        (
            "SLR +ve L 30°, R 50°.",
            {"tests.left.straight_leg_raise": "positive", "tests.right.straight_leg_raise": "positive"},
        ),
        (
            "AJ absent L, R.",
            {"reflexes.left.achilles": "absent", "reflexes.right.achilles": "absent"},
        ),
    ],
)
def test_the_other_sides_reflex_after_a_comma(text: str, expected: dict[str, Any]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Knee and ankle jerks were present and equal.",
            {r: "normal" for r in ("reflexes.left.patellar", "reflexes.right.patellar",
                                   "reflexes.left.achilles", "reflexes.right.achilles")},
        ),
        (
            "Knee and ankle jerks are present and symmetrical.",
            {r: "normal" for r in ("reflexes.left.patellar", "reflexes.right.patellar",
                                   "reflexes.left.achilles", "reflexes.right.achilles")},
        ),
        (
            "Reflexes: KJ, AJ 2+ =.",
            {r: "normal" for r in ("reflexes.left.patellar", "reflexes.right.patellar",
                                   "reflexes.left.achilles", "reflexes.right.achilles")},
        ),
        (
            "Reflexes: KJ 2+ symm, AJ L) absent.",
            {"reflexes.left.patellar": "normal", "reflexes.right.patellar": "normal",
             "reflexes.left.achilles": "absent", "reflexes.right.achilles": ABSENT},
        ),
        ("AJs 2+ =.", {"reflexes.left.achilles": "normal", "reflexes.right.achilles": "normal"}),
    ],
)  # fmt: skip
def test_reflexes_said_equal_in_shorthand_are_both_sides(text: str, expected: dict[str, Any]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "never" here is the feeling of having finished, not a denial of the bladder
        (
            "Sciatica for 3 weeks. I never feel like I've finished when I pee.",
            {"history.urinary_retention": True},
        ),
        (
            "Left sciatica. Since Sunday something's off with the loo. I stand there and nothing happens for "
            "ages, then it comes out really slow and I have to push.",
            {"history.urinary_retention": True},
        ),
        ("Left leg pain. When I wee it comes out really slow.", {"history.urinary_retention": True}),
    ],
)
def test_a_bladder_that_does_not_empty_in_a_persons_words(text: str, expected: dict[str, Any]) -> None:
    check_read(text, expected)


def test_something_off_with_the_loo_is_never_reassured() -> None:
    from textread import check_unsure

    check_unsure("Sciatica down my left leg for 3 weeks. Something's a bit off with the loo lately.",
                 "history.bladder_dysfunction")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        # a denial said "probably" settles nothing
        (
            'Left sciatica for ten weeks. She says her bladder is "probably fine" and she has had no accidents.',
            "history.bladder_dysfunction",
        ),
        # a doubted change outlasts a clear "no" about another part of the same topic
        (
            "Five weeks ago I got sciatica in my right leg. Over the past few days I THINK my pee stream might be "
            "weaker than it used to be? I can still feel when I need to go and I'm not leaking.",
            "history.urinary_retention",
        ),
    ],
)
def test_a_bladder_said_probably_fine_or_might_be_weaker_is_unsure(text: str, finding: str) -> None:
    from textread import check_unsure

    check_unsure(text, finding)


def test_no_sexual_partner_leaves_sexual_function_unsure() -> None:
    from textread import check_unsure

    check_unsure(
        "For a day and a half she has had tingling between the legs. She has no sexual partner at present.",
        "history.sexual_dysfunction",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ten days of back pain. There is no perianal sensation to pinprick and anal tone is lax.",
            {
                "exam.perianal_sensation": "absent",
                "exam.anal_tone": "reduced",
                "history.bowel_incontinence": ABSENT,
            },
        ),
        (
            'Operated in 2023 for cauda equina. She was left with a bladder she has to "time" rather than feel.',
            {"history.altered_bladder_sensation": True},
        ),
        (
            "Sudden pain in his back. I felt his feet and the left one is colder than the right.",
            {"history.cold_feet": True},
        ),
    ],
)
def test_anal_tone_after_a_denial_a_timed_bladder_and_a_colder_foot(
    text: str, expected: dict[str, Any]
) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # someone's guess at a diet, denied by the person, does not explain the weight lost
        (
            "Back ache for 3 months. I've lost about 8 kg since Christmas without trying, the wife thought I'd "
            "been dieting for her sister's wedding but I haven't.",
            {"history.unexplained_weight_loss": True},
        ),
        (
            'Back pain for a week, both legs for 48 h. Passing urine but "not feeling it like normal".',
            {"history.altered_bladder_sensation": True},
        ),
        (
            "Breast cancer in 2019. In the bath the water felt cooler on my tummy below a line around my middle, "
            "just under the ribs.",
            {"exam.sensory_level": "T8"},
        ),
        (
            "Microdiscectomy 4/52 ago, fever. On examination left EHL is now 3/5 (5/5 when she went home).",
            {"history.progressive_weakness": True},
        ),
    ],
)
def test_weight_loss_bladder_feeling_a_level_on_the_trunk_and_a_grade_that_fell(
    text: str, expected: dict[str, Any]
) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a relative has, told in the sentences after the one that names them
        (
            "I'm 48 and have had pain down my right leg for four weeks. What's scaring me is my brother-in-law. "
            "Three years ago he had sciatica, and he still has problems with his bladder now.",
            {"history.bladder_dysfunction": ABSENT, "history.urinary_retention": ABSENT},
        ),
        # "PAD" is peripheral arterial disease, and a kneeling pad is for the knees
        (
            'Leg pain on walking. My grandson says it\'s "PAD" off Google.',
            {"history.urinary_incontinence": ABSENT},
        ),
        ("I can still get up off the kneeling pad.", {"history.urinary_incontinence": ABSENT}),
        # a leg or a vertebra that collapses is not a person who collapses
        (
            "I can't push up onto tiptoes on the left leg on its own, it just collapses.",
            {"history.faintness_or_collapse": ABSENT},
        ),
        (
            "Follow-up radiograph in four weeks to check for further collapse.",
            {"history.faintness_or_collapse": ABSENT},
        ),
    ],
)
def test_what_is_not_this_persons_bladder_or_a_faint(text: str, expected: dict[str, Any]) -> None:
    check_read(text, expected)


def test_the_side_a_grade_is_measured_against_is_not_its_side() -> None:
    check_read(
        "Left sciatica for ten weeks. He managed three single-leg heel raises on the left against fifteen on the "
        "right, and I would grade plantarflexion 4+/5.",
        {
            "weakness.left.ankle_plantarflexion": 4.5,
            "weakness.right.ankle_plantarflexion": ABSENT,
        },  # 4+ as a number
    )


def test_both_feet_the_same_later_does_not_put_the_pain_in_both_legs() -> None:
    check_read(
        "Two days after I missed a step, the leg started. Pain from the buttock down the outside of the leg to the "
        "ankle. I tried standing on my heels and I can do it, both feet the same.",
        {"history.bilateral_leg_symptoms_new": ABSENT, "pain.left.lateral_calf": ABSENT},
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fall or trip that the weak leg caused is not an injury before the pain
        (
            "Sciatica for six weeks. In the last four days the left knee has buckled three times and he fell in the "
            "garden yesterday (no injury).",
            {"history.minor_trauma": ABSENT},
        ),
        (
            "Right sciatica for a month. Ten days ago she noticed the right foot slapping on the pavement and she has "
            "since tripped on the kerb twice.",
            {"history.minor_trauma": ABSENT},
        ),
        ("I nearly fell off my chair reading the MRI report.", {"history.minor_trauma": ABSENT}),
        # ... but a fall told on its own is one
        ("Back pain since she slipped on the ice a week ago.", {"history.minor_trauma": True}),
        # a sudden severe pain in a calf is the limb's, not an aneurysm's
        (
            "At about 10 a.m. today she felt a sudden severe pain in the right calf and foot.",
            {"history.sudden_severe_pain": ABSENT, "onset": "sudden"},
        ),
        # pain eased by lying still, and night pain eased by getting up and pacing, is not unrelenting
        (
            "The pain is worse on standing and walking, easier lying still in bed.",
            {"history.pain_at_rest_unrelenting": ABSENT},
        ),
        (
            "In the early hours the pain wakes him, and he finds that getting up and pacing the flat eases it.",
            {"history.pain_at_rest_unrelenting": ABSENT},
        ),
    ],
)
def test_falls_from_weakness_a_limbs_sudden_pain_and_pain_that_rest_eases(
    text: str, expected: dict[str, Any]
) -> None:
    check_read(text, expected)


def test_a_buttock_and_upper_inner_thigh_with_less_feeling_may_be_the_saddle() -> None:
    from textread import check_unsure

    check_unsure(
        "Sciatica down the back of my right leg for 4 weeks. Today drying off after a shower my right bum cheek and "
        "the top of my inner thigh felt kind of strange, like there was less feeling?? Peeing and pooing are fine.",
        "history.saddle_numbness",
    )


def test_a_deficit_that_settled_to_where_it_is_now_is_still_there() -> None:
    check_read(
        "Three years ago I had emergency surgery for cauda equina syndrome. What I was left with is a numb patch on "
        "the left side of my bum and the back of my scrotum. It settled to where it is now about six months after "
        "the op and has not changed one bit since. For the last three weeks I've had pain in my left leg again.",
        {"history.saddle_numbness": True},
    )


@pytest.mark.parametrize(
    "text",
    [
        'R L5 radic 5/52 (R buttock > lat calf > dorsum ft), improving. NEW?: for 2-3/7 "maybe" P&N L foot, comes '
        "+ goes, pt genuinely unsure if it's from sitting cross-legged.",
        "Right sciatica for five weeks. For the last 2 days maybe some tingling in the left foot too, not sure.",
    ],
)
def test_the_other_leg_maybe_joining_for_days_leaves_both_legs_unsure(text: str) -> None:
    from textread import check_unsure

    check_unsure(text, "history.bilateral_leg_symptoms_new")


@pytest.mark.parametrize(
    "text",
    [
        "Fell from a roof. CT: burst fracture of L1 with 50 % loss of anterior height and a retropulsed fragment "
        "occupying about 60 % of the canal at the level of the conus and upper cauda equina.",
        "CT: L1 burst # with 50% height loss; retropulsed fragment occupying ~60% of canal at conus/cauda level.",
        "MRI: a soft-tissue epidural mass extends from T11 to L1, compressing the distal cord and conus.",
        "Conclusion: myeloma with T11-L1 epidural disease causing cord/conus compression.",
    ],
)
def test_a_canal_filled_at_the_conus_on_a_scan_is_compression(text: str) -> None:
    from nerveroot.text import read_text

    findings = {i.finding for i in read_text(text).case.imaging}
    assert "cord_compression" in findings, findings


def test_pinprick_patchily_reduced_near_the_anus_is_perianal() -> None:
    check_read(
        "Left sciatica for three weeks. Pinprick is patchily reduced over both buttocks close to the anus and over "
        "the left posterior thigh.",
        {"exam.perianal_sensation": "reduced", "sensation.left.posterior_thigh": "reduced"},
    )


@pytest.mark.parametrize(
    "text",
    [
        # bowels not opened for days is a change, never a "no"
        "Both legs painful since Saturday. I haven't had a poo since Thursday but I'm on co-codamol so I assumed "
        "that's the tablets.",
        "Both legs painful since Saturday. He had no bowel movement since.",
        "c/o LBP 3/7, now B/L LL paraesthesia. BO not since Sun, ?normal for him.",
    ],
)
def test_bowels_not_opened_for_days_is_unsure_never_no(text: str) -> None:
    from textread import check_unsure

    check_unsure(text, "history.bowel_incontinence")


def test_a_question_mark_before_normal_settles_nothing() -> None:
    from textread import check_unsure

    check_unsure("Right sciatica for a week. Bladder ?normal.", "history.bladder_dysfunction")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lung cancer spread to bone. I've got a numb band across my tummy: from about the level of my belly "
            "button down, everything feels like it's wrapped in cling film.",
            {"exam.sensory_level": "T10"},
        ),
        ("I wobbled badly on the way to the loo tonight.", {"history.gait_unsteady": True}),
    ],
)
def test_a_numb_band_from_the_belly_button_down_and_a_bad_wobble(text: str, expected: dict[str, Any]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the warning sign named as a check is not a numbness felt; the feeling said normal denies it
        (
            "Right sciatica for two weeks. I did check the numbness thing properly, like the physio showed me, and "
            "the feeling down there and on my bottom is normal.",
            {"history.saddle_numbness": False},
        ),
        (
            "Right sciatica. A couple of times I've stood up and felt as if I hadn't quite emptied.",
            {"history.urinary_retention": True},
        ),
    ],
)
def test_a_check_a_question_and_a_bladder_not_quite_emptied(text: str, expected: dict[str, Any]) -> None:
    check_read(text, expected)


def test_is_it_or_isnt_it_is_a_question_not_a_denial() -> None:
    from textread import findings

    got = findings(
        'Right sciatica. If anyone has been through the "is it or isn\'t it" bladder worry, tell me.'
    )
    assert got.get("history.bladder_dysfunction") is not False, got


@pytest.mark.parametrize(
    "text",
    [
        'Constant mid-lumbar pain for a week, "nothing makes it better", can\'t sleep for it.',
        "Mid-lumbar pain for a week, nothing makes it better.",
    ],
)
def test_nothing_makes_it_better_is_unrelenting_pain(text: str) -> None:
    check_read(text, {"history.pain_at_rest_unrelenting": True})
