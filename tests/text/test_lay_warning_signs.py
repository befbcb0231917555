"""Warning signs in a person's own words (round 2 of issue 13), each with a near miss that must not change.

Phrasings written here, not the development corpus's: legs that give way under the body's weight or cannot be
moved are severe weakness; a level on the trunk below which nothing is felt is a sensory level; reflexes a
doctor called brisk, a foot that keeps bouncing by itself and clumsy hands are the spinal cord's signs; a
bladder "slower than usual" is a trouble, and "than normal" never denies the bladder; a denial said with a
hedge leaves the warning sign unsure.
"""

from __future__ import annotations

from typing import Any

import pytest
from textread import ABSENT, findings

from nerveroot.text import read_text

CASES: list[tuple[str, dict[str, Any]]] = [
    # legs that will not bear the body: MRC 3 or less, on both sides
    (
        "Since this morning my legs won't hold me up and I keep ending up on the floor.",
        {"weakness.left.leg": 3.0, "weakness.right.leg": 3.0},
    ),
    (
        "Her legs suddenly went out from under her on the stairs today.",
        {"weakness.left.leg": 3.0, "weakness.right.leg": 3.0},
    ),
    (
        "Mum says she can't move her legs properly since lunchtime.",
        {"weakness.left.leg": 3.0, "weakness.right.leg": 3.0},
    ),
    ("He cannot move his legs at all.", {"weakness.left.leg": 0.0, "weakness.right.leg": 0.0}),
    ("I can't lift my left leg off the mattress.", {"weakness.left.hip_flexion": 2.0}),
    # near misses: pain that limits, endurance, a leg lifted with effort
    (
        "I can't move my legs without pain shooting down them.",
        {"weakness.left.leg": ABSENT, "weakness.right.leg": ABSENT},
    ),
    (
        "My legs won't carry me for long before I need to sit.",
        {"weakness.left.leg": ABSENT, "weakness.right.leg": ABSENT},
    ),
    ("I can lift my left leg off the bed but it aches.", {"weakness.left.hip_flexion": ABSENT}),
    # "can't lift the front of my foot ... at all": no movement against gravity
    (
        "I can't lift the front of my right foot up at all since Monday.",
        {"weakness.right.ankle_dorsiflexion": 2.0},
    ),
    ("I can't lift the front of my left foot properly.", {"weakness.left.ankle_dorsiflexion": 4.0}),
    ("I can lift the front of my foot fine.", {"weakness.unknown.ankle_dorsiflexion": ABSENT}),
    # the spinal cord in a person's own words: brisk knee jerks, clonus, hands
    (
        "The doctor said my reflexes were really brisk.",
        {"reflexes.left.patellar": "brisk", "reflexes.right.patellar": "brisk"},
    ),
    (
        "When the nurse tapped below my knees with the hammer my legs kicked way up.",
        {"reflexes.left.patellar": "brisk", "reflexes.right.patellar": "brisk"},
    ),
    ("He bent my foot up and it kept jerking by itself.", {"reflexes.unknown.clonus": "present"}),
    ("I keep dropping my keys and my finger tips are numb.", {"history.hand_symptoms": True}),
    ("My reflexes are normal.", {"reflexes.left.patellar": "normal"}),
    (
        "My legs jumped when the door slammed.",
        {"reflexes.left.patellar": ABSENT, "reflexes.right.patellar": ABSENT},
    ),
    ("My foot keeps shaking on its own when I sit.", {"reflexes.unknown.clonus": ABSENT}),
    # a sensory level in lay words
    ("He says he can't feel a thing below his belly button.", {"exam.sensory_level": "T10"}),
    ("I couldn't feel anything below the nipples after the fall.", {"exam.sensory_level": "T4"}),
    ("I can feel everything below my belly button, it just aches.", {"exam.sensory_level": ABSENT}),
    ("I can't feel my left foot much.", {"exam.sensory_level": ABSENT}),
    # no heel rise at all is MRC 2 (Daniels and Worthingham); a harder task not done at all is still MRC 4
    ("I can't get up on my tiptoes on the right side at all.", {"weakness.right.ankle_plantarflexion": 2.0}),
    ("Can't do even one heel raise at all on my left leg.", {"weakness.left.ankle_plantarflexion": 2.0}),
    ("I can't stand on tiptoe on my left leg.", {"weakness.left.ankle_plantarflexion": 4.0}),
    ("I can't hop on my left leg at all.", {"weakness.left.ankle_plantarflexion": 4.0}),
    # a negated verb ends with its object: what follows ", and" is told anew
    ("I'm leaking wee and can't stop it, and numb between my legs.", {"history.saddle_numbness": True}),
    ("I can't stop them, and my feet are numb.", {"numbness.left.foot": True, "numbness.right.foot": True}),
    ("No numbness, tingling, and weakness in my legs.", {"weakness.left.leg": 5.0}),
    # a movement "not as strong" as the other side is weak; "bunged up" raises the bowel
    ("My left big toe is not as strong as the right.", {"weakness.left.great_toe_extension": 4.0}),
    ("My left big toe is as strong as the right.", {"weakness.left.great_toe_extension": ABSENT}),
    ("Been bunged up since the weekend.", {"unsure.bowel": True}),
    ("Bowels a bit bunged up from the codeine, otherwise fine.", {"history.bowel_incontinence": False}),
    # an aortic aneurysm already known, in the past history or under surveillance, is still there
    ("PMH: infrarenal AAA 4.9 cm on yearly ultrasound.", {"history.known_aneurysm": True}),
    ("Has a known aortic aneurysm, seen by the vascular team.", {"history.known_aneurysm": True}),
    ("Rule out AAA.", {"history.known_aneurysm": ABSENT}),
    ("No AAA on ultrasound.", {"history.known_aneurysm": ABSENT}),
    # pain that keeps a person up at night, or does not ease lying down, is unrelenting
    (
        "My lower back pain is there all day and keeps me up most nights.",
        {"history.pain_at_rest_unrelenting": True},
    ),
    ("The ache in my back won't settle when I lie down.", {"history.pain_at_rest_unrelenting": True}),
    ("My back aches whether I'm moving or resting.", {"history.pain_at_rest_unrelenting": True}),
    ("My back pain eases lying down and never keeps me up.", {"history.pain_at_rest_unrelenting": ABSENT}),
    ("My back hurts at work; the physio kept me up to date.", {"history.pain_at_rest_unrelenting": ABSENT}),
    # a cancer named by its tissue ("adenocarcinoma", "osteosarcoma"); an operation's time is not the symptoms'
    (
        "Back pain for 3 weeks. Treated for a renal cell adenocarcinoma in 2019.",
        {"history.history_of_cancer": True},
    ),
    (
        "Low back pain for 2 weeks. Had an osteosarcoma of the femur as a teenager.",
        {"history.history_of_cancer": True},
    ),
    ("No history of adenocarcinoma.", {"history.history_of_cancer": False}),
    ("Back pain for 4 weeks. Cholecystectomy eight years ago.", {"duration_weeks": 4.0}),
    # the slashed zero of a physiotherapy note is "none"; "Wt:" is weight
    (
        "L thigh pain 5/52. Ø night pain, Ø hx ca, Ø fever.",
        {
            "history.pain_at_rest_unrelenting": False,
            "history.history_of_cancer": False,
            "history.fever": False,
        },
    ),
    ("Ø bowel change.", {"history.bowel_incontinence": False}),
    ("Øyvind reports back pain at night.", {"history.pain_at_rest_unrelenting": True}),
    ("Ø wt loss.", {"history.unexplained_weight_loss": False}),
    ("Wt: thinks she may have lost some, not weighed.", {"unsure.weight_loss": True}),
    ("Wt: stable.", {"unsure.weight_loss": ABSENT}),
    # a disease named as a risk, a screen or what pain can be a sign of is not a finding
    ("Imp: mechanical back pain; reassured about cancer risk.", {"history.history_of_cancer": ABSENT}),
    ("Bloods sent including a myeloma screen.", {"history.history_of_cancer": ABSENT}),
    ("I read that back pain can be a sign of cancer.", {"history.history_of_cancer": ABSENT}),
    (
        "My friend told me about her uncle who had back pain that turned out to be cancer.",
        {"history.history_of_cancer": ABSENT},
    ),
    ("Treated for breast cancer in 2020, now on letrozole.", {"history.history_of_cancer": True}),
    # a sentence that goes on about the pain ("She describes it as ...") carries its night cues
    (
        "Six weeks of low back pain. He says it is there all the time and wakes him at 3am.",
        {"history.pain_at_rest_unrelenting": True},
    ),
    (
        "Low back pain for 3 weeks. My husband says it is nothing. I wake at night to feed the baby.",
        {"history.pain_at_rest_unrelenting": ABSENT},
    ),
    # thrown from a horse or a motorbike is high-energy trauma; throwing one's back out is not
    ("She was thrown from her horse yesterday and landed on her back.", {"history.significant_trauma": True}),
    ("Got bucked off a pony at the weekend.", {"history.significant_trauma": True}),
    ("I threw my back out lifting a box.", {"history.significant_trauma": ABSENT}),
    ("She has thrown away her old tablets.", {"history.significant_trauma": ABSENT}),
    # the side a finding is compared with is not its side; "weaker than the other side" is not a worsening
    (
        "Left leg sciatica. My big toe is weaker than the other side.",
        {
            "weakness.left.great_toe_extension": 4.0,
            "weakness.right.great_toe_extension": ABSENT,
            "history.progressive_weakness": ABSENT,
        },
    ),
    (
        "Left leg sciatica. My calf is not as strong as the other leg.",
        {"weakness.right.ankle_plantarflexion": ABSENT},
    ),
    ("Left leg sciatica. Now the other leg is numb too.", {"numbness.right.leg": True}),
    ("My left leg is getting weaker every day.", {"history.progressive_weakness": True}),
    # a slower bladder is a trouble; "than normal" does not deny it
    ("Weeing seems slower than usual this week.", {"history.urinary_retention": True}),
    ("My pee takes ages to get going now.", {"history.urinary_retention": True}),
    ("Bladder working normally.", {"history.bladder_dysfunction": False}),
    ("Waterworks are the same as normal.", {"history.urinary_retention": ABSENT}),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[c[0][:40] for c in CASES])
def test_lay_warning_signs(text: str, want: dict[str, Any]) -> None:
    got = findings(text)
    for key, value in want.items():
        if value is ABSENT:
            assert key not in got, f"{key} read as {got.get(key)!r} in {text!r}"
        else:
            assert got.get(key) == value, f"{key}: got {got.get(key)!r} in {text!r}"


def test_a_slower_bladder_than_normal_is_never_denied() -> None:
    case = read_text(
        "Sciatica for a week. Peeing feels slower than normal but I have a cold, so maybe not? Not sure."
    ).case
    flat = findings("Peeing feels slower than normal but I have a cold, so maybe not?")
    assert flat.get("history.bladder_dysfunction") is not False
    assert case.history.urinary_retention or case.unsure


HEDGED = [
    ("My waterworks are fine I think, maybe a bit slow.", "history.bladder_dysfunction"),
    ("Poo is ok as far as I can tell.", "history.bowel_incontinence"),
    ("Nothing numb down below but I haven't really checked.", "history.saddle_numbness"),
    ("Bladder seems ok?", "history.bladder_dysfunction"),
    ("no idea if my bladder is working right", "history.bladder_dysfunction"),
    ("dunno if I've lost weight, clothes feel looser", "history.unexplained_weight_loss"),
]
SETTLED_DENIALS = [
    ("My waterworks are fine.", "history.bladder_dysfunction"),
    ("Bladder and bowels are fine, I think the pain started after gardening.", "history.bowel_incontinence"),
    ("No numbness down below. Is this sciatica?", "history.saddle_numbness"),
]


@pytest.mark.parametrize(("text", "finding"), HEDGED, ids=[h[0][:40] for h in HEDGED])
def test_a_hedged_denial_leaves_the_warning_sign_unsure_never_no(text: str, finding: str) -> None:
    case = read_text(text).case
    assert finding in {u.finding for u in case.unsure}, case.unsure
    assert findings(text).get(finding) is not False


@pytest.mark.parametrize(("text", "finding"), SETTLED_DENIALS, ids=[s[0][:40] for s in SETTLED_DENIALS])
def test_a_plain_denial_is_still_a_denial(text: str, finding: str) -> None:
    case = read_text(text).case
    assert finding not in {u.finding for u in case.unsure}
    assert findings(text).get(finding) is False


OTHERS_AND_ADVICE = [
    # a relative's emergency told in the same sentence is theirs
    (
        "My left leg aches. My brother was admitted last year with cauda equina, he had numbness between his legs.",
        "history.saddle_numbness",
        ABSENT,
    ),
    (
        "My left leg aches. My brother was admitted last year, and I have numbness between my legs now.",
        "history.saddle_numbness",
        True,
    ),
    # being told the warning signs is not having them; saying one has them is
    (
        "My left leg aches. The GP went through the warning signs, numbness between the legs or not being able to wee.",
        "history.saddle_numbness",
        ABSENT,
    ),
    (
        "My left leg aches and I think I have the warning signs, numbness between my legs.",
        "history.saddle_numbness",
        True,
    ),
]


@pytest.mark.parametrize(
    ("text", "finding", "want"), OTHERS_AND_ADVICE, ids=[o[0][20:60] for o in OTHERS_AND_ADVICE]
)
def test_other_peoples_illness_and_advice_are_not_the_persons_findings(
    text: str, finding: str, want: Any
) -> None:
    got = findings(text)
    if want is ABSENT:
        assert got.get(finding) is not True, got
    else:
        assert got.get(finding) is want, got


OTHER_LEG = [
    (
        "Sciatica down my left leg for a month. Since yesterday the right foot has pins and needles as well.",
        True,
    ),
    ("Right leg sciatica for three weeks. Today my left calf is numb too.", True),
    # near misses: the other leg's trouble is not new, or is not said to join in
    ("Right leg sciatica for 3 weeks. My left knee hurts since yesterday after football.", False),
    ("Left leg sciatica for a month. My right foot has tingled for years too.", False),
]


@pytest.mark.parametrize(("text", "new"), OTHER_LEG, ids=[o[0][:40] for o in OTHER_LEG])
def test_the_other_leg_joining_in_lately_makes_both_legs_new(text: str, new: bool) -> None:
    """Symptoms now in both legs, the second for days: new symptoms in both legs (every blind author labels
    them so); the near misses are neither new nor left unsure."""
    got = findings(text)
    assert (got.get("history.bilateral_leg_symptoms_new") is True) is new, got
    assert "unsure.both_legs_new" not in got, got


def test_the_other_leg_joining_in_with_a_hedge_stays_unsure() -> None:
    got = findings(
        "Left sciatica 3 weeks. Since yesterday my right foot tingles too, but I honestly can't tell if it's real."
    )
    assert got.get("history.bilateral_leg_symptoms_new") is not True, got
    assert got.get("unsure.both_legs_new") is True, got
