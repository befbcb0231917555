"""Round 6 of issue 13: what a blind batch showed the reader still reading wrongly.

Phrasings written here, not the development corpus's. Each class was missed on blind texts:

- "can't" says what a person cannot do ("can't lie on her back"); it does not deny what follows in the same
  breath ("..., up at night with it");
- pain worse lying flat, a night spent in a chair, "worse at nite": pain at rest or at night;
- a temperature told by its reading ("temperatures up to 38.5"), injecting told in slang ("i inject (gear)",
  "using again, injecting"), and the drugs that suppress immunity by name (infliximab, mycophenolate);
- strength charted by root ("Myotomes: L2 5, L3 5, L4 5, L5 5, S1 3 (PF)") is the grade of each root's key
  muscle (ISNCSCI); "myotomes intact" is normal strength;
- a foot that drops, slaps or flops is marked weakness (3/5 or less), unless the examiner's grade of the
  same movement says otherwise ("mild foot drop, dorsiflexion 4/5");
- symptoms said by a pronoun to be in both legs lately ("Since Sunday it's in BOTH legs"), "this last week",
  legs gone wobbly or "stiff and heavy", feet "like I'm wearing thick socks": new symptoms in both legs;
- a side named only to compare ("not as bad as the right", "colder than the left") is not the finding's side;
- a band of numbness around the middle at the belly button is a sensory level; "HPC: 3h", "3/24" are hours
  (and "24/7" is no duration); "no R popliteal/DP/PT pulses palpable", "no signal DP/PT R" on Doppler: absent
  pulses; "was fine, then at about 6pm ..." is a sudden onset;
- "..., and im getting sweats" is told anew, not denied by an earlier "no"; "still using (inject)" is
  injecting; a foot "getting floppier every day" is weak and getting worse; "felt something go crack in my
  back" is a minor injury; weight lost while "not sure if that's the diet" is left unsure;
- the time since an operation told with it ("six weeks after a microdiscectomy", "10/7 post decompression")
  dates the operation; a sentence that goes on about "it" in its first five words is about the pain before;
  a typeset minus ("4−/5") is a minus;
- inflammatory back pain in more words: better after a game of squash, "his weekly five-a-side football",
  "the gym makes it better", worse after a lazy weekend, no relief from resting, "had to get up and walk
  about, after which it eased", "creeping on without injury"; "2 years of low back and alternating buttock
  pain" is a duration;
- doubt said in other ways leaves the warning sign unsure, never "no": "my bum feels a bit weird ... not
  numb exactly, just different, might be nothing", "sitting on the loo feels a bit weird", "when I'm with my
  wife it's not as sensitive", the other leg "might be tingly a bit too??" or "pins and needly too?? or
  maybe ive just been lying funny" (tonight); and what was not examined or not asked ("I was not able to
  examine perianal sensation", "bladder and bowel not asked") is not known, never normal;
- the other leg joining in a sentence of its own ("since sat the left calf is tingling as well", "since
  yesterday new tingling L calf, never had it on that side before") makes both legs new, even after a
  question about both legs; a sentence that goes on "like ..." takes the organ of the one before ("my bladder
  feels weird. like i need to go but then hardly anything comes out").
"""

from __future__ import annotations

from typing import Any

import pytest
from textread import ABSENT, WEAK, check_read

from nerveroot.text import read_text

CASES: list[tuple[str, dict[str, Any]]] = [
    # "can't" is inability; its reach ends with what cannot be done
    (
        "5/7 increasing pain at epidural site, constant, can't lie on her back, up at night with it.",
        {"history.pain_at_rest_unrelenting": True},
    ),
    ("I can't sit for long, my left leg goes numb below the knee.", {"history.worse_sitting": True}),
    (
        "For two months: pain on the outside of my right hip. I can't lie on that side at night.",
        {"history.pain_at_rest_unrelenting": ABSENT},
    ),
    (
        "She can't stand up straight and the pain wakes her at night.",
        {"history.pain_at_rest_unrelenting": True},
    ),
    # a denial still reaches its list
    ("No numbness between the legs, can't think of anything else.", {"history.saddle_numbness": False}),
    # night and rest in other words
    (
        "My back pain is worse at nite and I cant get comfy lying any way at all.",
        {"history.pain_at_rest_unrelenting": True},
    ),
    (
        "Two weeks of mid back pain, worse lying flat, sleeping in the recliner.",
        {"history.pain_at_rest_unrelenting": True},
    ),
    # fever by its reading; a normal reading or another number is not fever
    (
        "The last three nights I've had temperatures up to 38.5 and soaked the sheets.",
        {"history.fever": True},
    ),
    ("And I've been running temperatures: 38.4 last night on the ear thermometer.", {"history.fever": True}),
    ("Temp hit 39.1 after tea, shivery.", {"history.fever": True}),
    ("no temp, checked twice 36.9.", {"history.fever": False}),
    ("Temperature normal, pulse 38 on beta blockers.", {"history.fever": ABSENT}),
    ("no temperature, i checked with my nans thermometer.", {"history.fever": False}),
    # injecting drugs in the words people use
    ("been using again since xmas (injecting), not proud of it.", {"history.intravenous_drug_use": True}),
    (
        "i inject (gear) and my lower back has been hurting about 5 days.",
        {"history.intravenous_drug_use": True},
    ),
    ("ive been using again, injecting.", {"history.intravenous_drug_use": True}),
    ("She is injecting insulin four times a day.", {"history.intravenous_drug_use": ABSENT}),
    ("I'm on adalimumab, injecting it every fortnight.", {"history.intravenous_drug_use": ABSENT}),
    # strength by root, and foot drop
    (
        "Neuro: R myotomes L2 5, L3 5, L4 5, L5 5, S1 3 (PF); single-leg heel raise R 0 reps, L 20.",
        {
            "weakness.right.ankle_plantarflexion": 3,
            "weakness.right.hip_flexion": 5,
            "weakness.left.ankle_plantarflexion": ABSENT,
        },
    ),
    ("L5 myotome 4/5 on the left.", {"weakness.left.great_toe_extension": 4}),
    (
        "Myotomes L2-S1 5/5 bilat.",
        {"weakness.left.knee_extension": 5, "weakness.right.great_toe_extension": 5},
    ),
    ("Myotomes: L5 4-/5 R, otherwise 5/5.", {"weakness.right.great_toe_extension": 3.5}),
    (
        "L4/5 disc bulge on MRI; L5 4 days.",
        {"weakness.left.great_toe_extension": ABSENT, "weakness.unknown.great_toe_extension": ABSENT},
    ),
    ("left foot just flops when i walk now", {"weakness.left.ankle_dorsiflexion": 3}),
    ("O/E: gait - R steppage; unable to heel-walk R.", {"weakness.right.ankle_dorsiflexion": 3}),
    ("Mild left foot drop, ankle dorsiflexion 4/5.", {"weakness.left.ankle_dorsiflexion": 4}),
    ("Left ankle dorsiflexion 4/5, with a foot drop.", {"weakness.left.ankle_dorsiflexion": 4}),
    ("L foot drop, DF 2/5.", {"weakness.left.ankle_dorsiflexion": 2}),
    ("No foot drop on the left.", {"weakness.left.ankle_dorsiflexion": 5}),
    # both legs, lately
    (
        "Right leg pain down the side of the calf for 9 days. Since Sunday (4 days ago) it's in BOTH legs.",
        {"history.bilateral_leg_symptoms_new": True},
    ),
    (
        "Stenosis for years, aching in both legs when I walk. But this last week it's different. Both my legs have gone weak.",
        {"history.bilateral_leg_symptoms_new": True},
    ),
    (
        "Over the last three days my legs have gone wobbly.",
        {"weakness.left.leg": WEAK, "history.bilateral_leg_symptoms_new": True},
    ),
    ("My feet feel like I'm wearing thick socks.", {"numbness.left.foot": True, "numbness.right.foot": True}),
    (
        "In the last week my legs feel stiff and heavy, like wading through water.",
        {"weakness.right.leg": WEAK},
    ),
    # a side named to compare
    (
        "The left is the same kind of pain, outer calf, not quite as bad as the right.",
        {"pain.left.lateral_calf": True, "pain.right.lateral_calf": ABSENT},
    ),
    ("The foot was white and much colder than the left one.", {"history.cold_feet": True}),
    # the trunk, hours, pulses, onset
    (
        "There's a strange band around my middle, just above my belly button, where the skin feels numb.",
        {"exam.sensory_level": "T10"},
    ),
    ("HPC: 3h R leg pain.", {"duration_weeks": 0.018}),
    ("3/24 numb L foot.", {"duration_weeks": 0.018}),
    ("BP 120/80. Wife provides 24/7 care.", {"duration_weeks": ABSENT}),
    ("No R popliteal/DP/PT pulses palpable.", {"tests.right.pedal_pulses": "absent"}),
    ("Handheld doppler: no signal DP/PT R.", {"tests.right.pedal_pulses": "absent"}),
    (
        "Yesterday afternoon he was fine, then at about 6pm his right leg went cold and dead.",
        {"onset": "sudden"},
    ),
    # clauses, slang, and an injury felt
    (
        "back is killing me all the time for about a week now, no position helps, and im getting sweats and shakes at night.",
        {"history.fever": True},
    ),
    (
        "still using (inject) tbh. back started hurting last week low down",
        {"history.intravenous_drug_use": True},
    ),
    (
        "week 4 of this L5 thing on the right. my foot is getting floppier every day, now tripping up the stairs at work.",
        {"weakness.right.ankle_dorsiflexion": 3, "history.progressive_weakness": True},
    ),
    (
        "on pred for my lungs like 10 yrs. bent over to pick up the cat and felt something go crack in my back",
        {"history.minor_trauma": True, "history.osteoporosis_or_steroid_use": True},
    ),
    ("I've lost a few kilos on a diet.", {"history.unexplained_weight_loss": False}),
    # the operation's time, the pain's story, the minus sign
    ("Six weeks after a left L5/S1 microdiscectomy, 37F.", {"history.spinal_surgery_within_3_months": True}),
    ("Pt 10/7 post L4/5 decompression.", {"history.spinal_surgery_within_3_months": True}),
    ("I had a discectomy 2 years ago.", {"history.spinal_surgery_within_3_months": False}),
    (
        "For 5 days a deep, constant ache in my lower back. Lying down doesn't ease it, the painkillers barely touch it, and it woke me at 2am and 4am last night.",
        {"history.pain_at_rest_unrelenting": True},
    ),
    ("Left EHL 4−/5.", {"weakness.left.great_toe_extension": 3.5}),
    # inflammatory back pain
    (
        "He feels better after a game of squash but is no better after a lazy weekend.",
        {"history.improves_with_exercise": True, "history.no_improvement_with_rest": True},
    ),
    (
        "The pain improved with his weekly five-a-side football and did not settle with rest.",
        {"history.improves_with_exercise": True, "history.no_improvement_with_rest": True},
    ),
    (
        "Resting does not help and the gym makes it better.",
        {"history.improves_with_exercise": True, "history.no_improvement_with_rest": True},
    ),
    ("Resting on the sofa makes it worse.", {"history.no_improvement_with_rest": True}),
    (
        "He is stiff every morning, feels better after a run, and gets no relief from resting.",
        {"history.improves_with_exercise": True, "history.no_improvement_with_rest": True},
    ),
    (
        "He woke at 4 a.m. with back pain and had to get up and walk about, after which it eased.",
        {"history.night_pain_improves_on_getting_up": True},
    ),
    (
        "Ms Barnes has 2 years of low back and alternating buttock pain, creeping on without injury.",
        {"duration_weeks": 104.28, "onset": "gradual"},
    ),
    # the other leg, and a sentence that goes on
    (
        "is it normal for sciatic to be in BOTH legs now?? it started in my right leg 2 weeks ago, since sat the left calf is tingling as well.",
        {"history.bilateral_leg_symptoms_new": True},
    ),
    (
        "2/52 R sciatica (buttock to lat foot). Since yesterday new tingling L calf + sole, 'never had it on that side before'.",
        {"history.bilateral_leg_symptoms_new": True},
    ),
    (
        "Numb feet in both since chemo, the same for 3 years. Three weeks ago I got a new pain down the back of my right leg.",
        {"history.bilateral_leg_symptoms_new": ABSENT},
    ),
    (
        "my bladder feels weird. like i need to go but then hardly anything comes out??",
        {"history.urinary_retention": True},
    ),
    (
        "Bladder and bowel are normal. I have asked for him to be seen in the urgent spinal clinic.",
        {"history.bowel_incontinence": False},
    ),
    (
        "Today my right leg (the OTHER leg, never had a problem with it) has gone numb down the outside.",
        {"numbness.right.leg": True, "numbness.left.leg": ABSENT},
    ),
    (
        "She calls her daughter: her right leg hurts. On arrival 3 hours later the leg is pale and cold.",
        {"duration_weeks": 0.018},
    ),
    # a range of grades is its lower grade; "either leg" is both
    ("unable to move L) ankle or toes (0–1/5).", {"weakness.left.ankle_dorsiflexion": 0}),
    ("Ankle DF 3-4/5 on the left.", {"weakness.left.ankle_dorsiflexion": 3}),
    (
        "I can't lift either leg up to get it into the car at all.",
        {"weakness.left.hip_flexion": 2, "weakness.right.hip_flexion": 2},
    ),
    # weakness that came on over the last days, or worse from one day to the next, is getting worse
    (
        "Over the last 2 days her legs have become weak and she now needs to pull herself up the stairs.",
        {"history.progressive_weakness": True},
    ),
    (
        "Since yesterday her legs keep giving way and this morning she couldn't stand up from the toilet at all.",
        {"history.progressive_weakness": True},
    ),
    (
        "Over the last 3 days he has started catching his right toes on the stairs.",
        {"history.progressive_weakness": True},
    ),
    (
        "Weakness of both feet: first the right, then, from about four days ago, the left as well.",
        {"history.progressive_weakness": True},
    ),
    (
        "Tingling that started in both feet has crept up to her knees, and her legs are weak.",
        {"history.progressive_weakness": True},
    ),
    ("My left foot has been weak for 3 months, no change.", {"history.progressive_weakness": ABSENT}),
    # a hypothetical that runs on ("if i ever go numb ... or cant pee to go straight to A&E"); "the usual nerve thing"
    (
        "physio said if i ever go numb between the legs or cant pee to go straight to A&E. none of that thank god, just the usual nerve thing down the outside of my left shin into the top of my foot.",
        {
            "history.urinary_retention": ABSENT,
            "history.saddle_numbness": ABSENT,
            "pain.left.dorsum_foot": True,
        },
    ),
    # plain denials in other words; a bum "asleep" is numb
    ("Bowels opened yesterday.", {"history.bowel_incontinence": False}),
    ("Bowels the same.", {"history.bowel_incontinence": False}),
    (
        "bladder is just the usual pregnancy need to wee every five minutes, nothing new or different.",
        {"history.bladder_dysfunction": False},
    ),
    (
        'And when I wiped it felt like my bum was "asleep", like when you have sat on a hard chair too long.',
        {"history.saddle_numbness": True},
    ),
    # chemotherapy years ago, vertebral collapse, a long "worst pain", an operation offered
    (
        "Eight years ago she had a left mastectomy and adjuvant chemotherapy for breast cancer.",
        {"history.immunosuppression": ABSENT},
    ),
    ("He is on chemotherapy for lymphoma.", {"history.immunosuppression": True}),
    (
        "Had bowel cancer in 2020, surgery plus chemo.",
        {"history.bowel_incontinence": ABSENT, "history.immunosuppression": ABSENT},
    ),
    ("At T11 there is collapse with 40% height loss.", {"history.faintness_or_collapse": ABSENT}),
    (
        "Worst pain of my life for about ten days; I slept on the floor.",
        {"history.sudden_severe_pain": ABSENT},
    ),
    (
        "Options discussed: conservative care with a review in two weeks, or microdiscectomy.",
        {"history.previous_spinal_surgery": ABSENT, "history.spinal_surgery_within_3_months": ABSENT},
    ),
    ("She was offered a microdiscectomy.", {"history.previous_spinal_surgery": ABSENT}),
    # "no matter what i do" denies nothing; a message's age said first
    (
        "im 62. pain in my back every single night, cant get comfy no matter what i do, doesnt ease lying down or walking about.",
        {"history.pain_at_rest_unrelenting": True},
    ),
    (
        "58 and ive got this constant ache between my shoulder blades going round to my ribs, 5 weeks, doesnt matter how i lie.",
        {"age": 58, "history.pain_at_rest_unrelenting": True, "history.thoracic_pain": True},
    ),
    ("57, self-employed plumber, thirty years of crawling under sinks.", {"age": 57}),
    ("Room 12, and the bed by the window.", {"age": ABSENT}),
    # a grade said roughly; heel raises counted in words
    ("I would grade left plantarflexion at about 4/5.", {"weakness.left.ankle_plantarflexion": 4}),
    ("Three single leg heel raises on the left.", {"tests.left.single_leg_heel_raise": 3}),
    ("I managed 14 single heel raises on the left.", {"tests.left.single_leg_heel_raise": 14}),
    (
        "Power is 5/5 except extensor hallucis longus, which is 4/5 on both sides.",
        {"weakness.left.great_toe_extension": 4, "weakness.right.great_toe_extension": 4},
    ),
    (
        "Lost ~8 kg over 3/12 without trying, 'clothes hanging off me', off his food.",
        {"history.unexplained_weight_loss": True},
    ),
    (
        "me and my gf tried and i couldnt feel it at all and couldnt get hard.",
        {"history.sexual_dysfunction": True},
    ),
    # an aneurysm and a cord told in a person's words
    ("It came on like someone flicked a switch and went round into my belly.", {"onset": "sudden"}),
    (
        "I went all clammy and grey and thought I was going to pass out.",
        {"history.faintness_or_collapse": True},
    ),
    (
        "When I lie on the sofa there's a sort of thumping in my belly that I can feel with my hand.",
        {"exam.pulsatile_abdominal_mass": True},
    ),
    (
        "The GP tapped my knees with the hammer and my leg nearly kicked her.",
        {"reflexes.left.patellar": "brisk", "reflexes.right.patellar": "brisk"},
    ),
    (
        'She scratched the bottom of my foot and said "hmm, your toes went up".',
        {"reflexes.unknown.plantar_response": "extensor"},
    ),
    ("Over the last five days my legs have gone stiff and wobbly.", {"weakness.left.leg": WEAK}),
    # a cord in a person's words: clumsy hands, buttons, a walk that looks drunk; "i inject."
    (
        "I've become really clumsy with my hands and I can't do the little buttons on my cardigan any more.",
        {"history.hand_symptoms": True},
    ),
    (
        "I walk like a robot and my daughter says I look drunk when I cross the car park.",
        {"history.gait_unsteady": True},
    ),
    ("i inject. back sore 1 wk. no temp.", {"history.intravenous_drug_use": True}),
    ("I inject insulin twice a day.", {"history.intravenous_drug_use": ABSENT}),
    # warning signs given as advice, in brackets, or under "Adv:" and "A/P:", are not findings
    (
        "Adv: MRI within the week. Explained warning signs (urine retention, numbness in private parts, weakness increasing) - report immediately.",
        {
            "history.urinary_retention": ABSENT,
            "history.saddle_numbness": ABSENT,
            "history.progressive_weakness": ABSENT,
        },
    ),
    (
        "A/P: Acute lumbar strain. Return precautions given (weakness, numbness, bowel/bladder sx, fever).",
        {
            "history.bladder_dysfunction": ABSENT,
            "history.bowel_incontinence": ABSENT,
            "history.fever": ABSENT,
        },
    ),
    # night pain in one position only, or that settles, is not unrelenting
    ("He gets night pain only when lying on the right side.", {"history.pain_at_rest_unrelenting": ABSENT}),
    (
        "The pain is worse at night but he can get comfortable lying on his side.",
        {"history.pain_at_rest_unrelenting": ABSENT},
    ),
    (
        "The pain is there most of the day and disturbs him when he rolls onto the left side at night, though he settles again.",
        {"history.pain_at_rest_unrelenting": ABSENT},
    ),
    ("The pain wakes me every night.", {"history.pain_at_rest_unrelenting": True}),
    (
        "For about a month I've had a new ache in my lower back that doesnt ease at night, lying down makes no difference.",
        {"history.pain_at_rest_unrelenting": True},
    ),
    (
        "The last three days the old fella's not working properly, nothing happening at all when the missus and I tried.",
        {"history.sexual_dysfunction": True},
    ),
    ("My old boy won't play ball with the vet.", {"history.sexual_dysfunction": ABSENT}),
    # the other leg joining in: "a similar pain", "New R ... since Sat"; a question to others is theirs
    (
        "The pain first radiated down the back of the left leg to the heel; since yesterday evening he has had a similar pain in the right posterior thigh and calf.",
        {"history.bilateral_leg_symptoms_new": True},
    ),
    (
        "S: Since last Rx (Tues) L leg P (buttock -> calf) up 6/10 -> 8/10. New R post thigh ache + P&N R sole since Sat.",
        {"history.bilateral_leg_symptoms_new": True},
    ),
    (
        "Two days later the pain started shooting down my left leg, and now my big toe tingles. Anyone else had the tingling big toe thing on the right?",
        {"history.bilateral_leg_symptoms_new": ABSENT, "tingling.right.great_toe": ABSENT},
    ),
    (
        "My partner has AF and an hour ago her right leg suddenly went cold and white and numb from the knee down. Does anyone know?",
        {"history.cold_feet": True},
    ),
    (
        "Over the last three days he has had increasing difficulty climbing stairs and getting out of a low chair.",
        {"weakness.unknown.knee_extension": WEAK, "history.progressive_weakness": True},
    ),
    # levels, dermatomes and words of the saddle
    ("Sensation absent below inguinal ligament bilat (level L1).", {"exam.sensory_level": "L1"}),
    ("GCS 15 at scene, c/o severe lower thoracic/upper lumbar back pain.", {"history.thoracic_pain": True}),
    (
        "He says his saddle 'feels normal', but pinprick was patchily reduced over S3-4 on the left.",
        {"exam.perianal_sensation": "reduced"},
    ),
    ("it's numb around the boys, like the feeling's half there.", {"history.saddle_numbness": True}),
    # a muscle named in brackets after its root; the root's leg is the grade's
    (
        "O/E: antalgic. Myo: L S1 (PF) 4/5, R S1 5/5, L5 (EHL) 5/5 bilat.",
        {"weakness.left.ankle_plantarflexion": 4, "weakness.right.ankle_plantarflexion": 5},
    ),
    # a minor injury in other words
    (
        "3/52 L buttock pain after landing awkwardly from a jump, just jarred it, no fall.",
        {"history.minor_trauma": True},
    ),
    (
        "She fell from a kitchen chair while changing a light bulb two days ago.",
        {"history.minor_trauma": True},
    ),
    # a heel walk that fails in a person's words; a knee that will not straighten strongly
    (
        "I tried walking on my heels. On the right my toes keep dropping down and I can't keep the front of my foot up for more than a couple of steps.",
        {"tests.right.heel_walk": "weak"},
    ),
    (
        "I did the heel-walk test: on the right my toes come back down after a few steps, the left is fine.",
        {"tests.right.heel_walk": "weak", "tests.left.heel_walk": ABSENT},
    ),
    (
        "cant really straighten my knee strongly, it sort of gives way on stairs",
        {"weakness.unknown.knee_extension": WEAK},
    ),
    # immunity suppressed by a named drug
    ("hey its Tanya, on infliximab for my crohns.", {"history.immunosuppression": True}),
    (
        "I have lupus and I'm on prednisone 20 mg plus mycophenolate.",
        {"history.immunosuppression": True, "history.osteoporosis_or_steroid_use": True},
    ),
    ("Kidney transplant 2015, on tacrolimus.", {"history.immunosuppression": True}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_round6_reading(text: str, expected: dict[str, Any]) -> None:
    check_read(text, expected)


# Not remembering, doubting or not examining is not denying: the finding is left unsure, never "no".
UNSURE: list[tuple[str, str]] = [
    ("SD: declined to answer.", "history.sexual_dysfunction"),
    (
        "My wife and I have noticed things 'downstairs' aren't quite right the last week or so.",
        "history.sexual_dysfunction",
    ),
    # a diagnosis weighed is not one made
    ("Imp: ?diabetic amyotrophy vs L3/4 radic vs malignancy (wt loss).", "history.history_of_cancer"),
    (
        'New today: "my bum feels a bit weird when I sit on the toilet, not numb exactly, just different, might be nothing".',
        "history.saddle_numbness",
    ),
    ("The thing bothering me: sitting on the loo feels a bit weird.", "history.saddle_numbness"),
    (
        "Like when I'm with my wife it's not as sensitive as normal, and I'm not sure if that's a real thing.",
        "history.sexual_dysfunction",
    ),
    (
        "left leg sciatica 2 wks, now i think my right leg might be tingly a bit too??",
        "history.bilateral_leg_symptoms_new",
    ),
    (
        "right leg sciatica since last thurs. tonight my left foot feels a bit pins and needly too?? or maybe ive just been lying funny.",
        "history.bilateral_leg_symptoms_new",
    ),
    ("I was not able to examine perianal sensation in the surgery today.", "history.saddle_numbness"),
    ("Saddle sensation not tested.", "history.saddle_numbness"),
    ("Bladder and bowel not asked.", "history.bladder_dysfunction"),
    (
        "sciatica since last wed. idk if its a bit numb down there or if im just paranoid.",
        "history.saddle_numbness",
    ),
    (
        "Sometimes when I sit on the toilet I think my bum cheek on that side is a bit numb, but then I poke it and it seems fine?",
        "history.saddle_numbness",
    ),
    (
        "53M. back ache on and off for 6 wks. i've lost a few kilos but not sure if thats the new diet or what.",
        "history.unexplained_weight_loss",
    ),
    ("Pt cannot recall any bladder problems.", "history.bladder_dysfunction"),
    ("He can't remember whether he has had any numbness in the saddle area.", "history.saddle_numbness"),
]


@pytest.mark.parametrize(("text", "finding"), UNSURE)
def test_doubt_and_what_was_not_examined_stay_unsure(text: str, finding: str) -> None:
    case = read_text(text).case
    assert finding in {u.finding for u in case.unsure}, case
    section, name = finding.split(".")
    assert getattr(getattr(case, section), name) is not False, case


def test_a_question_about_fever_denies_nothing() -> None:
    case = read_text("Have you had any temperatures?").case
    assert case.history.fever is not False
