"""One sentence, the findings it must give: lay and clinical words, negation, side, abbreviations.

`ABSENT` means the finding must not be read at all: what a text does not mention stays unknown.
"""

from __future__ import annotations

from typing import Any

import pytest
from textread import ABSENT, findings

T = True  # weak, not graded, reads as MRC 4 in the engine's flat facts
F = False

CASES: list[tuple[str, dict[str, Any]]] = [
    # ---------------------------------------------------------------- regions and symptom kinds, lay words
    (
        "Pain down the outside of my left calf.",
        {"pain.left.lateral_calf": T, "pain.right.lateral_calf": ABSENT},
    ),
    ("I have tingling on the top of my right foot.", {"tingling.right.dorsum_foot": T}),
    ("My big toe on the left is numb.", {"numbness.left.great_toe": T}),
    ("Pins and needles in the sole of my right foot.", {"tingling.right.sole": T}),
    ("Aching in the back of my left knee.", {"pain.left.popliteal_fossa": T}),
    ("My left inner shin feels dead.", {"numbness.left.medial_shin": T}),
    ("Right little toe has gone numb.", {"numbness.right.little_toe": T}),
    (
        "There's a burning feeling in my left outer thigh.",
        {"pain.left.lateral_thigh": T, "history.burning_pain": T},
    ),
    ("Shooting pains into my right heel.", {"pain.right.heel": T, "history.shooting_or_electric_pain": T}),
    (
        "Electric shocks down the back of my left thigh.",
        {"pain.left.posterior_thigh": T, "history.shooting_or_electric_pain": T},
    ),
    ("Numbness in the instep of my left foot.", {"numbness.left.dorsum_foot": T}),
    ("Tingling in the first web space on the right.", {"tingling.right.dorsum_foot": T}),
    ("My right buttock hurts.", {"pain.right.buttock": T}),
    ("Pain in the front of my left thigh.", {"pain.left.anterior_thigh": T}),
    ("Pain in my left groin.", {"pain.left.groin": T}),
    ("Pins and needles along the outer edge of my right foot.", {"tingling.right.lateral_foot": T}),
    ("Pain on the inside of my left ankle.", {"pain.left.medial_ankle": T}),
    ("The bottom of my left foot is numb.", {"numbness.left.sole": T}),
    ("My right inner thigh is sore.", {"pain.right.medial_thigh": T}),
    ("Ache in the back of my left calf.", {"pain.left.posterior_calf": T}),
    ("Lower back pain.", {"pain.unknown.low_back": T, "pain.left.low_back": ABSENT}),
    # ---------------------------------------------------------------- regions, clinical words
    ("L5 dermatome: paraesthesia dorsum of the R foot.", {"tingling.right.dorsum_foot": T}),
    ("Reduced sensation to pinprick over the left lateral calf.", {"sensation.left.lateral_calf": "reduced"}),
    ("Sensation intact over the right dorsum of foot.", {"sensation.right.dorsum_foot": "normal"}),
    ("Hypoaesthesia of the left hallux.", {"sensation.left.great_toe": "reduced"}),
    ("L buttock and posterior thigh pain.", {"pain.left.buttock": T, "pain.left.posterior_thigh": T}),
    ("Pain radiating to the lateral malleolus on the right.", {"pain.right.lateral_ankle": T}),
    # ---------------------------------------------------------------- weakness, lay words
    (
        "My left foot slaps the ground when I walk.",
        {"weakness.left.ankle_dorsiflexion": 3},
    ),  # foot drop: 3/5 or less
    ("I keep tripping over my right foot.", {"weakness.right.ankle_dorsiflexion": 4.0}),
    ("I can't lift my big toe on the left.", {"weakness.left.great_toe_extension": 4.0}),
    ("My right knee gives way on the stairs.", {"weakness.right.knee_extension": 4.0}),
    ("I can't walk on my heels on the left.", {"tests.left.heel_walk": "weak"}),
    ("I can't stand on tiptoe on my right leg.", {"weakness.right.ankle_plantarflexion": 4.0}),
    ("I'm unable to walk on my toes, left side.", {"tests.left.toe_walk": "weak"}),
    ("Left foot drop.", {"weakness.left.ankle_dorsiflexion": 3}),
    (
        "My right big toe is numb and I can't lift it.",
        {"weakness.right.great_toe_extension": 4.0, "numbness.right.great_toe": T},
    ),
    # ---------------------------------------------------------------- weakness, clinical words
    ("EHL 4/5 on the left.", {"weakness.left.great_toe_extension": 4.0}),
    ("R TA 3/5.", {"weakness.right.ankle_dorsiflexion": 3.0}),
    ("Left FHL MRC 4.", {"weakness.left.toe_flexion": 4.0}),
    ("Weak left EHL.", {"weakness.left.great_toe_extension": 4.0}),
    ("Quadriceps 4-/5 on the right.", {"weakness.right.knee_extension": 3.5}),
    ("Right gastrocnemius 4+/5.", {"weakness.right.ankle_plantarflexion": 4.5}),
    (
        "Left EHL and TA 4/5.",
        {"weakness.left.great_toe_extension": 4.0, "weakness.left.ankle_dorsiflexion": 4.0},
    ),
    ("Weak heel walk on the left.", {"tests.left.heel_walk": "weak"}),
    ("Single leg heel raise x 4 on the right.", {"tests.right.single_leg_heel_raise": 4}),
    ("Left hip abduction 4/5.", {"weakness.left.hip_abduction": 4.0}),
    ("Power 5/5 throughout.", {"weakness": F, "weakness.left.great_toe_extension": ABSENT}),
    # ---------------------------------------------------------------- reflexes
    ("AJ absent L.", {"reflexes.left.achilles": "absent"}),
    ("Left ankle jerk diminished.", {"reflexes.left.achilles": "reduced"}),
    ("KJ 2+ R.", {"reflexes.right.patellar": "normal"}),
    ("Right knee jerk absent.", {"reflexes.right.patellar": "absent"}),
    ("Reduced left Achilles reflex.", {"reflexes.left.achilles": "reduced"}),
    ("Patellar reflex brisk on the right.", {"reflexes.right.patellar": "brisk"}),
    ("AJ 0 on the left.", {"reflexes.left.achilles": "absent"}),
    ("Reflexes symmetrical.", {"reflexes.left.achilles": "normal", "reflexes.right.patellar": "normal"}),
    (
        "Upgoing plantars bilaterally.",
        {"reflexes.left.plantar_response": "extensor", "reflexes.right.plantar_response": "extensor"},
    ),
    ("Left Babinski positive.", {"reflexes.left.plantar_response": "extensor"}),
    ("Sustained clonus at the right ankle.", {"reflexes.right.clonus": "present"}),
    ("No clonus on the left.", {"reflexes.left.clonus": "absent"}),
    # ---------------------------------------------------------------- tests
    ("SLR +ve at 40° on the left.", {"tests.left.straight_leg_raise": "positive"}),
    ("SLR positive at 40 degrees on the right.", {"tests.right.straight_leg_raise": "positive"}),
    ("Left SLR negative.", {"tests.left.straight_leg_raise": "negative"}),
    ("SLR 30 degrees R.", {"tests.right.straight_leg_raise": "positive"}),
    (
        "Crossed SLR positive on the right.",
        {"tests.right.crossed_straight_leg_raise": "positive", "tests.right.straight_leg_raise": ABSENT},
    ),
    ("Femoral stretch test positive on the left.", {"tests.left.femoral_nerve_stretch": "positive"}),
    ("FNST +ve R.", {"tests.right.femoral_nerve_stretch": "positive"}),
    ("Slump test positive on the left.", {"tests.left.slump": "positive"}),
    ("Tinel's at the fibular head positive on the left.", {"tests.left.tinel_fibular_head": "positive"}),
    ("Positive Tinel's over the tarsal tunnel, right.", {"tests.right.tinel_tarsal_tunnel": "positive"}),
    ("Absent pedal pulses on the left.", {"tests.left.pedal_pulses": "absent"}),
    ("Pedal pulses reduced on the right.", {"tests.right.pedal_pulses": "reduced"}),
    ("Painful internal rotation of the left hip.", {"tests.left.hip_internal_rotation": "painful"}),
    ("SLR not positive on the left.", {"tests.left.straight_leg_raise": "negative"}),
    # ---------------------------------------------------------------- history
    ("It's worse when I sit.", {"history.worse_sitting": T}),
    ("Coughing and sneezing make it worse.", {"history.worse_cough_sneeze": T}),
    ("The leg pain is worse when I cough.", {"history.worse_cough_sneeze": T}),
    (
        "Worse walking, I have to sit down and then it eases.",
        {"history.worse_walking": T, "history.relieved_by_sitting_or_bending_forward": T},
    ),
    ("Leaning forward on the shopping trolley helps.", {"history.relieved_by_sitting_or_bending_forward": T}),
    ("It eases when I stand still.", {"history.relieved_by_standing_still": T}),
    ("It started after lifting a heavy box.", {"history.after_lifting_or_bending": T}),
    ("Known spondylolisthesis at L5/S1.", {"history.known_spondylolisthesis": T}),
    ("I had a slipped disc years ago.", {"history.known_spondylolisthesis": ABSENT}),
    ("Smoker, 20 a day.", {"history.smoker": T}),
    ("Non-smoker.", {"history.smoker": F}),
    ("Type 2 diabetic on metformin.", {"history.diabetes": T}),
    ("History of breast cancer.", {"history.history_of_cancer": T}),
    ("No history of cancer.", {"history.history_of_cancer": F}),
    ("He has had a fever and night sweats.", {"history.fever": T}),
    ("Unexplained weight loss of 6 kg.", {"history.unexplained_weight_loss": T}),
    ("IVDU.", {"history.intravenous_drug_use": T}),
    ("On long-term steroids for asthma.", {"history.osteoporosis_or_steroid_use": T}),
    ("Fell from a ladder last week.", {"history.significant_trauma": T}),
    ("Unsteady on my feet.", {"history.gait_unsteady": T}),
    ("My hands are numb and clumsy.", {"history.hand_symptoms": T}),
    ("Morning stiffness lasting over an hour.", {"history.morning_stiffness_over_30_min": T}),
    ("My leg pain is worse than my back pain.", {"history.leg_pain_worse_than_back": T}),
    ("I knocked the side of my knee last week.", {"history.knock_or_pressure_at_fibular_head": T}),
    ("My feet are always cold.", {"history.cold_feet": T}),
    ("Cool feet on examination.", {"history.cold_feet": T}),
    # ---------------------------------------------------------------- red flags, lay and clinical
    ("I'm numb between my legs.", {"history.saddle_numbness": T}),
    ("I can't feel the toilet paper when I wipe.", {"history.saddle_numbness": T}),
    ("I can't feel when I pass urine.", {"history.altered_bladder_sensation": T}),
    ("I wet myself yesterday.", {"history.urinary_incontinence": T}),
    ("I haven't passed urine since this morning.", {"history.urinary_retention": T}),
    ("I've lost control of my bowels.", {"history.bowel_incontinence": T}),
    ("Saddle anaesthesia.", {"history.saddle_numbness": T}),
    ("Painless urinary retention.", {"history.urinary_retention": T}),
    ("Post-void residual 450 ml.", {"exam.post_void_residual_ml": 450.0}),
    ("Reduced anal tone on PR.", {"exam.anal_tone": "reduced"}),
    ("Erectile problems since last week.", {"history.sexual_dysfunction": T}),
    ("Reduced perianal sensation.", {"exam.perianal_sensation": "reduced"}),
    # ---------------------------------------------------------------- negation and pseudo-negation
    (
        "No numbness, no weakness, no bladder problems.",
        {"numbness": F, "weakness": F, "history.bladder_dysfunction": F},
    ),
    (
        "Denies saddle anaesthesia or urinary retention.",
        {"history.saddle_numbness": F, "history.urinary_retention": F},
    ),
    (
        "Without bladder or bowel disturbance.",
        {"history.bladder_dysfunction": F, "history.bowel_incontinence": F},
    ),
    ("I have never had cancer.", {"history.history_of_cancer": F}),
    ("Not only pain in my left calf but also numbness in the foot.", {"pain.left.posterior_calf": T}),
    ("No change in the pain down my right calf.", {"pain.right.posterior_calf": T}),
    ("No pain in my legs.", {"pain.left.leg": F, "pain.right.leg": F}),
    (
        "Pain in the right buttock but no numbness in the foot.",
        {"pain.right.buttock": T, "numbness.right.foot": F},
    ),
    ("She does not have any weakness.", {"weakness": F}),
    ("No fever, no weight loss.", {"history.fever": F, "history.unexplained_weight_loss": F}),
    ("Come back at once if you get numbness between your legs.", {"history.saddle_numbness": ABSENT}),
    ("Her mother had bowel cancer.", {"history.history_of_cancer": ABSENT}),
    (
        "No problems with my bladder or bowels.",
        {"history.bladder_dysfunction": F, "history.bowel_incontinence": F},
    ),
    (
        "No numbness. Pain in my left calf, no weakness.",
        {"pain.left.posterior_calf": T, "numbness": F, "weakness": F},
    ),
    (
        "I've lost a stone in weight without trying and I had breast cancer 10 years ago.",
        {"history.unexplained_weight_loss": T, "history.history_of_cancer": T, "duration_weeks": ABSENT},
    ),
    (
        "I can't feel my bottom when I sit on the toilet.",
        {"history.saddle_numbness": T, "numbness.left.buttock": ABSENT},
    ),
    (
        "My private parts feel numb and I've had trouble getting an erection.",
        {"history.saddle_numbness": T, "history.sexual_dysfunction": T},
    ),
    (
        "Sudden tearing pain going through to my tummy, I felt faint.",
        {"history.sudden_severe_pain": T, "history.abdominal_pain": T, "history.faintness_or_collapse": T},
    ),
    ("CES symptoms denied.", {"history.saddle_numbness": F, "history.bladder_dysfunction": F}),
    (
        "Weak right ankle dorsiflexion and EHL 4/5.",
        {"weakness.right.ankle_dorsiflexion": 4.0, "weakness.right.great_toe_extension": 4.0},
    ),
    (
        "L SLR +ve 40. AJs absent bilaterally.",
        {
            "tests.left.straight_leg_raise": "positive",
            "reflexes.left.achilles": "absent",
            "reflexes.right.achilles": "absent",
        },
    ),
    (
        "Hx: 3/12 L leg pain. PMH: T2DM. SH: smoker 20/day.",
        {
            "duration_weeks": pytest.approx(13.035),
            "pain.left.leg": T,
            "history.diabetes": T,
            "history.smoker": T,
        },
    ),
    # ---------------------------------------------------------------- side
    ("Pain in the right leg. Numbness in the big toe on that side.", {"numbness.right.great_toe": T}),
    ("Both legs are numb.", {"numbness.left.leg": T, "numbness.right.leg": T}),
    ("Bilateral calf pain.", {"pain.left.posterior_calf": T, "pain.right.posterior_calf": T}),
    (
        "R calf pain, L foot numb.",
        {"pain.right.posterior_calf": T, "numbness.left.foot": T, "numbness.right.foot": ABSENT},
    ),
    (
        "Left AJ absent, right AJ 2+.",
        {"reflexes.left.achilles": "absent", "reflexes.right.achilles": "normal"},
    ),
    (
        "Pain in the left calf, and the other leg is numb.",
        {"pain.left.posterior_calf": T, "numbness.right.leg": T},
    ),
    # ---------------------------------------------------------------- age, sex, duration, onset
    ("52M with back pain.", {"age": 52.0, "sex": "male"}),
    ("A 63-year-old woman with leg pain.", {"age": 63.0, "sex": "female"}),
    ("I'm 74.", {"age": 74.0}),
    ("F 45, left sciatica.", {"age": 45.0, "sex": "female", "pain.left.leg": True}),
    ("Pain for three weeks.", {"duration_weeks": 3.0}),
    ("It came on suddenly.", {"onset": "sudden"}),
    ("It has crept up over the past year.", {"onset": "gradual", "duration_weeks": pytest.approx(52.14)}),
    (
        "Previous episode of right sciatica 5 years ago, now left buttock pain for 3 weeks.",
        {"duration_weeks": 3.0, "age": ABSENT, "pain.left.buttock": T},
    ),
    (
        "Heel and toe walking normal. Plantars downgoing.",
        {
            "tests.left.heel_walk": "normal",
            "tests.right.toe_walk": "normal",
            "reflexes.right.plantar_response": "flexor",
        },
    ),
    ("It goes right down to my little toe on the left.", {"pain.right.little_toe": ABSENT}),
    ("Sciatica down my left leg to the outside of my foot.", {"pain.left.lateral_foot": T}),
    (
        "LBP radiating to R leg x 3/52.",
        {"pain.right.low_back": T, "pain.right.leg": T, "duration_weeks": 3.0},
    ),
    (
        "Denies bowel/bladder dysfunction.",
        {"history.bladder_dysfunction": F, "history.bowel_incontinence": F},
    ),
    (
        "Sens reduced L5 dermatome R.",
        {"sensation.right.lateral_calf": "reduced", "sensation.right.great_toe": "reduced"},
    ),
    ("KJ 2+ bilat.", {"reflexes.left.patellar": "normal", "reflexes.right.patellar": "normal"}),
    ("I have to stop and bend forward.", {"history.relieved_by_sitting_or_bending_forward": T}),
    ("My right calf cramps.", {"pain.right.posterior_calf": T}),
    # ---------------------------------------------------------------- what is not clinical stays out
    (
        "I went back to the GP because the painkillers aren't helping.",
        {"pain.left.low_back": ABSENT, "history.pain_uncontrolled_by_analgesia": T},
    ),
    (
        "BP 132/84, HR 72, temp 36.8. Meds: amlodipine 5 mg, atorvastatin 20 mg.",
        {"history.fever": False, "weakness.left.great_toe_extension": ABSENT},
    ),
    ("He works as a builder and has two children.", {"history.after_lifting_or_bending": ABSENT}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:60] for t, _ in CASES])
def test_phrase(text: str, expected: dict[str, Any]) -> None:
    got = findings(text)
    for path, value in expected.items():
        if value is ABSENT:
            assert path not in got, f"{text!r}: {path} should not be read, got {got.get(path)!r}"
        else:
            assert path in got, f"{text!r}: {path} not read; read {got}"
            assert got[path] == value, f"{text!r}: {path} expected {value!r}, got {got[path]!r}"


def test_there_are_enough_phrasing_cases() -> None:
    assert len(CASES) >= 80
