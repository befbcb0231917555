"""Round 8 of issue 13: what the reader still read wrongly, found on blind texts and written here afresh.

- Back pain in a person's own words: a back that was pulled, tweaked, "done in", "put out", that is stiff as
  a board or locked, or has gone into spasm, is back pain. Without it, a plain strain read as nothing at all
  ("nothing could be recognised") and the answer was a routine appointment instead of self-care.
- What makes it worse, said plainly: "sore to bend over", "can't bend to put my socks on".
- How it started: shovelling, digging, weeding, heavy deadlifts, lifting children out of car seats.
"""

from __future__ import annotations

import pytest
from textread import ABSENT, WEAK, check_read, check_unsure

from nerveroot.service import assess_text
from nerveroot.text import read_text

BACK: list[tuple[str, dict[str, object]]] = [
    (
        "pulled my back getting the xmas tree down from the loft, stiff as a plank today",
        {"pain.unknown.low_back": True},
    ),
    ("my lower back is stiff as a board", {"pain.unknown.low_back": True}),
    ("did my back in last week", {"pain.unknown.low_back": True}),
    ("I've put my back out again", {"pain.unknown.low_back": True}),
    ("tweaked my back on the 14th hole yesterday", {"pain.unknown.low_back": True}),
    ("bit of a crick on the left side of my back", {"pain.left.low_back": True}),
    ("Back went into spasm this morning.", {"pain.unknown.low_back": True}),
    ("my back has locked up completely", {"pain.unknown.low_back": True}),
    ("lower back is rly tight both sides", {"pain.left.low_back": True, "pain.right.low_back": True}),
    # legs that are stiff are not back pain, nor leg pain read from "stiff"
    ("my legs feel stiff when I walk", {"pain.unknown.low_back": ABSENT}),
    # a stiff neck is not the back
    ("stiff neck since the weekend", {"pain.unknown.low_back": ABSENT}),
]

BENDING: list[tuple[str, dict[str, object]]] = [
    ("just my lower back. sore to bend over.", {"history.worse_bending_forward": True}),
    ("it kills to bend over to tie my shoes", {"history.worse_bending_forward": True}),
    ("cant bend to put my socks on", {"history.worse_bending_forward": True}),
    ("bending down is agony", {"history.worse_bending_forward": True}),
    # a knee that bends is no back
    ("I can't bend my knee fully since the op", {"history.worse_bending_forward": ABSENT}),
]

LIFTING: list[tuple[str, dict[str, object]]] = [
    (
        "shovelled the drive this morning n now my lower back is stiff",
        {"history.after_lifting_or_bending": True},
    ),
    (
        "Pulled something in my lower back yesterday digging the veg patch.",
        {"history.after_lifting_or_bending": True},
    ),
    ("was doing deadlifts yesterday and went way too heavy", {"history.after_lifting_or_bending": True}),
    ("did my back in getting the twins out of their car seats", {"history.after_lifting_or_bending": True}),
    ("tweaked my back weeding on sat", {"history.after_lifting_or_bending": True}),
    (
        "felt a sudden pain in his lower back when he bent down and lifted his cat",
        {"history.after_lifting_or_bending": True},
    ),
    (
        "twisted getting out of the car on monday, now sharp pain in my lower back",
        {"history.after_lifting_or_bending": True},
    ),
    ("he lifted his leg onto the bed", {"history.after_lifting_or_bending": ABSENT}),
]


@pytest.mark.parametrize(("text", "expected"), BACK + BENDING + LIFTING)
def test_round8_reading(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


@pytest.mark.parametrize(
    "text",
    [
        "pulled my back getting the xmas tree down from the loft, stiff as a plank today, cant bend to put my "
        "socks on. nothing going down my legs. 2 days",
        "shovelled the drive this morning n now my lower back is stiff as a board lol. no pain in my legs, can "
        "walk fine, just sore bending over. heat pack or ice??",
    ],
)
def test_a_plain_back_strain_in_a_persons_words_is_self_care(text: str) -> None:
    """A back strain with nothing in the legs and no warning sign: joint or muscle pain, self-care."""
    answer = assess_text(text)
    assert answer.recognised
    assert answer.pattern.label == "non_radicular"
    assert answer.triage.level == "self_care"


# Doubt in other words is still doubt: never read as "no", never dropped as a hypothetical for its "if"
UNSURE: list[tuple[str, str]] = [
    ('He has "not been sure" whether he empties his bladder fully.', "history.bladder_dysfunction"),
    ("He is not sure if his bladder empties.", "history.bladder_dysfunction"),
    ("He wasn't sure about his bladder.", "history.bladder_dysfunction"),
    ("She's never quite sure whether her bladder has emptied.", "history.bladder_dysfunction"),
    ("I couldn't say if my bladder is emptying properly.", "history.bladder_dysfunction"),
    ("I couldn't say if it's numb between my legs.", "history.saddle_numbness"),
    (
        "Urinary: when asked, unsure: \"I might be going less, could be the codeine? I honestly can't tell if "
        "I'm emptying properly.\" No leaks.",
        "history.bladder_dysfunction",
    ),
    # a doubt after a denial in the same sentence stands
    ("Waterworks seem fine, maybe the flow is a bit weaker?", "history.urinary_retention"),
    # a cancer not ruled out: abnormal cells never followed up, a lump not yet shown to anyone
    (
        "had a mole cut off my shoulder 2 yrs ago, they said something about 'abnormal cells' but i never went "
        "back to find out if it was actually cancer or not.",
        "history.history_of_cancer",
    ),
    (
        "She's got a lump in her breast she found about 2 months ago and hasn't told anyone.",
        "history.history_of_cancer",
    ),
    # a hedged denial of any topic settles nothing
    ("No falls that we know of, but he is out with family at weekends.", "history.significant_trauma"),
]


@pytest.mark.parametrize(("text", "finding"), UNSURE)
def test_doubt_in_other_words_stays_unsure(text: str, finding: str) -> None:
    check_unsure(text, finding)


MORE: list[tuple[str, dict[str, object]]] = [
    # wetting without noticing: incontinence and lost sensation; "without me noticing" denies nothing after it
    (
        "wee came out twice today without me noticing, back killing me since sat and both legs tingly",
        {
            "history.urinary_incontinence": True,
            "history.altered_bladder_sensation": True,
            "history.bilateral_leg_symptoms_new": True,
            "pain.left.low_back": True,
        },
    ),
    # (round 6 left this unsure; it is read now, which is no less safe)
    ("Bowels opened yesterday without me knowing.", {"history.bowel_incontinence": True}),
    # not feeling whether it came, or whether one has finished, is the lost sensation too
    (
        "this morning I couldn't feel whether anything was coming out when I went for a number two",
        {"history.bowel_incontinence": True},
    ),
    (
        "went to the loo and honestly couldn't tell whether I'd finished or not",
        {"history.altered_bladder_sensation": True},
    ),
    ("back and both legs killin me since tuesday", {"pain.left.leg": True, "pain.right.leg": True}),
    # not knowing whether one needs to go is the lost sensation, not doubt
    (
        "not been in 3 days and i cant tell if i even need to go for a poo",
        {"history.bowel_incontinence": True},
    ),
    # sciatica of both sides, in shorthand
    ("bilat sciatica", {"pain.left.leg": True, "pain.right.leg": True}),
    ("sciatica, R>L", {"pain.left.leg": True, "pain.right.leg": True}),
    ("1/52 bilat sciatica L>R after a long drive.", {"history.bilateral_leg_symptoms_new": True}),
    ("sciatica in my left leg 4 days now", {"pain.left.leg": True}),
    # "is back" is come back, not the back
    ("my sciatica is back", {"pain.unknown.low_back": ABSENT}),
    ("the pain's back again", {"pain.unknown.low_back": ABSENT}),
    ("the pain is in my back", {"pain.unknown.low_back": True}),
    # a sudden bad pain is still a pain in its place
    (
        "he got a sudden, really bad pain in his lower back",
        {"history.sudden_severe_pain": True, "pain.unknown.low_back": True},
    ),
    # coordinated verbs before their object
    (
        "since the weekend, difficulty getting and keeping an erection, which is new for him",
        {"history.sexual_dysfunction": True},
    ),
    # legs that will not obey, or have become rubbery, are weak; worse every day, that weakness is progressive
    (
        "couldn't get up off the loo without hauling myself up on the sink, my legs just don't do what I tell "
        "them and it's worse every day",
        {"weakness.left.leg": WEAK, "weakness.right.leg": WEAK, "history.progressive_weakness": True},
    ),
    (
        'over the past two days his legs have become "rubbery"',
        {"weakness.left.leg": WEAK, "history.progressive_weakness": True},
    ),
    # "worse walking" is what brings it on, not its course
    (
        '4/12 heaviness both legs, worse walking, "legs don\'t do what I tell them"',
        {"history.progressive_weakness": ABSENT},
    ),
    # a comma and a new subject end a negation's reach
    (
        "the back pain came back, deep, not like the old sciatica, it doesn't let up whether I'm lying down or not",
        {"history.pain_at_rest_unrelenting": True},
    ),
    # pain in a place at night: night pain, and the place's pain; denied, neither
    (
        "he has developed pain in the right foot at night",
        {"history.pain_at_rest_unrelenting": True, "pain.right.foot": True},
    ),
    ("no pain in the legs at night", {"pain.left.leg": ABSENT, "pain.right.leg": ABSENT}),
    # inflammatory back pain in a person's words
    (
        "it's worst when I wake up, I'm stiff as a board for well over an hour, and it gets better once I'm moving. "
        "Lying around on the sofa all day makes it worse. Around 4 or 5am it often wakes me and I have to get up "
        "and walk about.",
        {
            "history.morning_stiffness_over_30_min": True,
            "history.improves_with_exercise": True,
            "history.no_improvement_with_rest": True,
            "history.night_pain_improves_on_getting_up": True,
        },
    ),
    # neurogenic claudication eased by sitting or leaning forward, in other words
    (
        "It comes on after about 200 yards and settles after a couple of minutes sitting down, or if he leans "
        "forward on a shopping trolley",
        {"history.relieved_by_sitting_or_bending_forward": True},
    ),
    (
        "If I sit on a bench, or lean on the pushchair, it eases within a minute or two",
        {"history.relieved_by_sitting_or_bending_forward": True},
    ),
    # ... but a feeling that comes on sitting is not relief
    (
        "when i sit on the loo seat one side of my bum feels kind of asleep?? then it goes",
        {"history.relieved_by_sitting_or_bending_forward": ABSENT},
    ),
    # "she" after a relative and then a clinician is the clinician, and "my big toe" is the writer's
    (
        "My dad had a 'triple A' fixed years ago so the GP felt my tummy and my foot pulses and said they're fine. "
        "She did find my right big toe is a little bit weaker than the left.",
        {"weakness.right.great_toe_extension": WEAK},
    ),
    # an earlier grade in brackets with its time after it
    ("Myotomes: L EHL 4/5 (5/5 at last Tx), R 5/5.", {"history.progressive_weakness": True}),
    ("Myotomes: L EHL 5/5 (4/5 at last Tx).", {"history.progressive_weakness": ABSENT}),
    # the bedroom in plain words
    (
        "sorry TMI, nothing has worked in the bedroom department since Thursday either",
        {"history.sexual_dysfunction": True},
    ),
    ("no problems in the bedroom", {"history.sexual_dysfunction": False}),
    # text-speak "n" is "and": "back n leg" is the back and the leg
    ("back n leg sciatica for 2 wks now", {"pain.unknown.low_back": True, "pain.unknown.leg": True}),
    # back pain denied in a chart's or a person's words
    ("No LBP.", {"history.back_pain": False}),
    ("Ø LBP. Ø pain in thigh or calf.", {"history.back_pain": False}),
    ("back is totally fine. runner, 35.", {"history.back_pain": False}),
    ("I do not have any back pain really", {"history.back_pain": False}),
    # ... and a backache is back pain
    ("He also has a dull low backache he has had for decades.", {"pain.unknown.low_back": True}),
    # a faint pulse is no faintness
    (
        "right popliteal and pedal pulses absent; left dorsalis pedis faint",
        {"history.faintness_or_collapse": ABSENT},
    ),
    ("pulses faintly palpable", {"history.faintness_or_collapse": ABSENT}),
    ("I felt faint and sweaty", {"history.faintness_or_collapse": True}),
    # always on one's feet is standing, not the feet
    (
        "I was always on my feet) and since then my lower back aches",
        {"pain.left.foot": ABSENT, "pain.unknown.low_back": True},
    ),
    # weakness getting worse told by what could be done before
    (
        "She used to walk with a stick, now she needs the frame because her legs are weak.",
        {"history.progressive_weakness": True},
    ),
    (
        "Two days ago her right leg began to give way, and today she cannot lift the front of her right foot.",
        {"history.progressive_weakness": True},
    ),
    # a high-energy crash in other words
    (
        "She was the driver in a motorway collision two days ago (car written off, airbags deployed).",
        {"history.significant_trauma": True},
    ),
    ("sciatica for ten days after demonstrating a rugby tackle to her class", {"history.minor_trauma": True}),
    # legs "not holding him" are weak legs, and the fall after it is not denied by its "not"
    (
        'For 2 days legs "not holding him", fell at home today.',
        {"weakness.left.leg": WEAK, "history.minor_trauma": True},
    ),
    # falls from weak or stiff legs are a sign of the legs, not an injury
    ("legs stiff and heavy, 2 falls (tripped, no injury)", {"history.minor_trauma": ABSENT}),
    # thoracic pain told by the spine's level, the ribs or a thoracolumbar region
    ("Tender ++ over T12-L2 spinous processes.", {"history.thoracic_pain": True}),
    (
        "5/7 constant back pain, lower thoracic/upper lumbar, not eased by lying flat",
        {"history.thoracic_pain": True},
    ),
    ("She also has a band-like ache around the left lower ribs.", {"history.thoracic_pain": True}),
    ("The back pain is higher up, around the bottom of my ribs at the back", {"history.thoracic_pain": True}),
    ("T2 weighted images at T12 show no cord signal change", {"history.thoracic_pain": ABSENT}),
    # feeling lost during intercourse
    (
        "during intercourse two nights ago she could hardly feel anything on the right side",
        {"history.sexual_dysfunction": True},
    ),
    # the age after a name with initials; not a duration
    ("Re: Mr T.O'B., 64", {"age": 64.0}),
    ("Re: Mr Ronald C., 69", {"age": 69.0}),
    ("Mr Smith, 2 weeks of pain", {"age": ABSENT, "duration_weeks": 2.0}),
    # the time since an injury is the time of its symptoms
    ("brought in 90 minutes after falling from a ladder, back pain", {"duration_weeks": 0.009}),
    # night pain that eases on getting up is not unrelenting
    (
        "Five weeks of right thigh pain. It is worse at night in bed but eases if he gets up and walks about.",
        {"history.pain_at_rest_unrelenting": ABSENT, "history.night_pain_improves_on_getting_up": True},
    ),
    # both legs taken lately: within hours, or by a weekday just gone
    (
        "woke at 6 with sudden pain between the shoulder blades. Within 3 h both legs numb, now unable to stand.",
        {"history.bilateral_leg_symptoms_new": True},
    ),
    (
        "back's been agony since, and by Wednesday both legs were going numb down the backs",
        {"history.bilateral_leg_symptoms_new": True},
    ),
    # numb by the toilet is the skin that sits or wipes, not a bladder that is not felt
    (
        "when I wipe after the loo it feels weird, kind of numb on one side",
        {"history.saddle_numbness": True, "history.altered_bladder_sensation": ABSENT},
    ),
    ("I can't feel when I need the toilet", {"history.altered_bladder_sensation": True}),
    # weakness in other words: feet that cannot move much or feel like flopping; legs that "dey weak" (Pidgin)
    (
        "now says he cant feel his legs properly and cant move his feet much",
        {"weakness.left.ankle_dorsiflexion": WEAK},
    ),
    ("both feet feel like they're flopping", {"weakness.right.ankle_dorsiflexion": WEAK}),
    ("his two legs dey weak he cannot stand", {"weakness.left.leg": WEAK, "weakness.right.leg": WEAK}),
    ("She cannot move the toes of the right foot", {"weakness.right.great_toe_extension": 0}),
    # toes that move only weakly or not properly are weak, not paralysed
    ("can only wiggle toes weakly", {"weakness.unknown.great_toe_extension": WEAK}),
    ("cant wiggle my toes properly", {"weakness.unknown.great_toe_extension": WEAK}),
    ("toe wont lift up properly, the big one.", {"weakness.unknown.great_toe_extension": WEAK}),
    ("I can't move my toes", {"weakness.unknown.great_toe_extension": 0}),
    # a side between "anterolateral" and "thigh"
    ("Burning pain anterolateral right thigh.", {"pain.right.lateral_thigh": True}),
    # numb when sitting on the loo is the saddle, and no relief by sitting
    (
        "having trouble getting it up since my disc flared 5 days ago and my bum goes numb when i sit on the loo seat",
        {
            "history.sexual_dysfunction": True,
            "history.saddle_numbness": True,
            "history.relieved_by_sitting_or_bending_forward": ABSENT,
        },
    ),
    ("it goes away when I sit down", {"history.relieved_by_sitting_or_bending_forward": True}),
    # no urge to pass urine, told with "not had"
    ("she has not had the urge to pass urine all day", {"history.altered_bladder_sensation": True}),
    # a leg that would not lift, dragged up each step, worse again today
    (
        "Yesterday going up the stairs my right leg just wouldn't lift, I had to drag it up each step. It's worse "
        "again today.",
        {"weakness.right.leg": WEAK, "history.progressive_weakness": True},
    ),
    ("81M. Slid off dining chair onto the floor 2 days ago, no head injury.", {"history.minor_trauma": True}),
    ("left leg keeps getting weaker", {"weakness.left.leg": WEAK, "history.progressive_weakness": True}),
    # "rite" for right, before a body part only
    ("big toe on my rite foot feels weak", {"weakness.unknown.ankle_dorsiflexion": ABSENT}),
    # both legs weak since "yday": new; not being able to walk is not claudication
    (
        "lifted a wardrobe yday n both legs have gone weak n tingly, cant hardly walk to the kitchen",
        {"history.bilateral_leg_symptoms_new": True},
    ),
    ("both legs ache when I walk", {"history.bilateral_leg_symptoms_new": False}),
    (
        "In the last four or five days both my feet have gone numb and I'm walking like I've had a few pints",
        {"history.bilateral_leg_symptoms_new": True, "history.gait_unsteady": True},
    ),
    # a level on the trunk in a letter's words
    (
        "he describes a numb band across his lower abdomen with numbness below it.",
        {"exam.sensory_level": "T11"},
    ),
    # a leg lifted into the car with the hands
    (
        "I can hardly lift my right knee to get into the car. I have to lift the leg in with my hands.",
        {"weakness.right.hip_flexion": 2},
    ),
    # an operation named by its level and "disc op"
    (
        "had my L4/5 disc op 3 wks ago, leg pain went after the op",
        {"history.spinal_surgery_within_3_months": True},
    ),
    # not having known one needed to go is lost sensation; not having noticed a problem is no finding
    (
        "Twice I haven't known I needed a wee until I was literally already going",
        {"history.altered_bladder_sensation": True},
    ),
    ("I haven't noticed any problem with the toilet.", {"history.altered_bladder_sensation": ABSENT}),
    # an ellipsis before a small letter trails on: the wiping and the skin are one sentence
    (
        "And when I wipe it feels... not numb exactly but like it isn't quite my skin, more on the left.",
        {"history.saddle_numbness": True},
    ),
    # what a relative "had" is theirs, though the finding's words begin with "had"
    ("My dad had an aneurysm repaired. I have pain down my left leg.", {"history.known_aneurysm": ABSENT}),
    ("My dad had a fall last week. I have pain down my left leg.", {"history.minor_trauma": ABSENT}),
    ("I had a fall last week.", {"history.minor_trauma": True}),
    # a slide off the edge of a bed is a fall
    ("slid off the edge of her bed onto the floor last night", {"history.minor_trauma": True}),
    # collapse in plain words; a fall found on the floor is a fall, not a collapse
    ("Found on the bathroom floor by her daughter, brief LOC.", {"history.faintness_or_collapse": True}),
    (
        "BIBA after a fall out of bed, found on floor by night carer.",
        {"history.faintness_or_collapse": ABSENT},
    ),
    ("then he went grey and keeled over on the kitchen floor", {"history.faintness_or_collapse": True}),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_round8_more_reading(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_sacral_roots_of_the_cauda_equina_compressed_on_a_scan() -> None:
    """Several sacral roots pressed on are the cauda equina; one S2 root displaced beside S1 is a root."""
    many = read_text(
        "MRI: sequestered L5-S1 fragment compressing the left S1 root and displacing the left S2 and S3 roots; "
        "impression: compressing the left-sided sacral roots of the cauda equina."
    ).case.imaging
    assert "cauda_equina_compression" in {i.finding for i in many}
    one = read_text(
        "MRI: L5-S1 extrusion compressing the right S1 root and displacing the right S2 root."
    ).case.imaging
    assert "cauda_equina_compression" not in {i.finding for i in one}


def test_a_fall_from_height_an_hour_ago_with_back_pain_is_an_emergency() -> None:
    """High-energy injury hours old: the emergency department (PRODUCT.md capability 4), though the legs work."""
    text = (
        "A 42-year-old roofer is brought in 90 minutes after falling about four metres from a ladder onto a "
        "concrete drive. He complains of severe thoracolumbar pain. No leg pain, numbness or weakness."
    )
    assert assess_text(text).triage.level == "emergency"


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        (
            "CT: soft-tissue mass extends into the canal and compresses the cauda equina at L3.",
            "cauda_equina_compression",
        ),
        (
            "MRI: disc extrusion on severe L4-5 stenosis with near-complete effacement of the thecal sac.",
            "cauda_equina_compression",
        ),
        (
            "MRI: L5/S1 disc extrusion compressing both S1 roots and effacing the cauda equina.",
            "cauda_equina_compression",
        ),
        (
            "CT TL spine: L1 burst # with 60% retropulsion, canal compromise, likely conus/cauda compression.",
            "cauda_equina_compression",
        ),
        (
            "CT: L1 burst fracture; a retropulsed fragment narrows the canal by about 60% at the level of the conus.",
            "cord_compression",
        ),
        ("MRI: epidural mass at T12 causing severe compression of the conus medullaris.", "cord_compression"),
    ],
)
def test_compression_on_a_scan_in_other_words(text: str, finding: str) -> None:
    assert finding in {i.finding for i in read_text(text).case.imaging}


def test_a_thecal_sac_mildly_indented_is_no_compression() -> None:
    found = {
        i.finding for i in read_text("MRI: thecal sac mildly indented by a small protrusion.").case.imaging
    }
    assert not found & {"cauda_equina_compression", "cord_compression"}


def test_saddle_and_bladder_changes_since_last_night_on_a_long_sciatica_are_an_emergency() -> None:
    """Features of the cauda equina dated by their own time, not by the two years of sciatica before them."""
    text = (
        "A 46-year-old with a two-year history of left-sided sciatica. Her leg pain is unchanged, but since the "
        "previous evening she has been unable to feel the toilet paper when she wipes and she has not had the "
        "urge to pass urine all day."
    )
    assert assess_text(text).triage.level == "emergency"


def test_long_term_steroids_and_a_twist_need_a_fracture_check() -> None:
    """Thin bones from steroids and back pain that came with a twist: a fragility fracture is checked within days."""
    text = (
        "been on steroids for years and twisted getting out of the car on monday, now sharp pain in the middle of "
        "my lower back, worse when i stand up. no leg stuff"
    )
    assert assess_text(text).triage.level == "prompt"


@pytest.mark.parametrize(
    "text",
    [
        # a parent's sudden tearing back pain and collapse, told by a son or daughter
        "my dad's 74, his back suddenly went really bad about an hour ago, like something tearing, then he went "
        "grey and keeled over. he's awake now and says he's fine. should i just give him paracetamol",
        # a known aneurysm with sudden severe low back pain, and an old sciatica offered as the explanation
        "My father is 76 and has an aneurysm of the aorta they scan every year. Tonight he got a sudden, really "
        "bad pain in his lower back while sitting down. He thinks it is his old sciatica come back and wants to "
        "sleep it off.",
    ],
)
def test_sudden_back_pain_with_collapse_or_a_known_aneurysm_is_an_emergency(text: str) -> None:
    assert assess_text(text).triage.level == "emergency"
