"""Warning signs in people's own words, round 3 of issue 13: spelling slips, negated reassurance, lay words.

Phrasings written here, not the development corpus's. A key word with one slip of spelling ("bladdder",
"bowles", "incontinant", "numbess") is read as the word, and the evidence still points at the person's own
letters; a real word one slip away ("bowls") is left alone. A reassuring word that is itself negated ("my
bladder isn't working properly") raises the topic instead of denying it. "Number 2", "pooed myself", "can't get
it up" and "a temp" are the bowel, soiling, sexual function and fever, each with a near miss.
"""

from __future__ import annotations

from typing import Any

import pytest
from textread import ABSENT, findings

from nerveroot.text import read_text
from nerveroot.text.normalise import Corrections, correct, misspellings

CASES: list[tuple[str, dict[str, Any]]] = [
    # one slip of spelling in a warning sign's key word
    ("I can't empty my bladdder properly since Monday.", {"history.urinary_retention": True}),
    ("My blader is not emptying properly.", {"history.urinary_retention": True}),
    ("Numbess in my genitals since yesterday.", {"history.saddle_numbness": True}),
    ("I've become incontinant of urine this week.", {"history.urinary_incontinence": True}),
    ("I had breast canser ten years ago.", {"history.history_of_cancer": True}),
    # near misses: real words one slip from a key word are not corrected
    ("I play bowls on Sundays and my left calf aches.", {"history.bowel_incontinence": ABSENT}),
    ("The number on the scale went up.", {"numbness": ABSENT}),
    # a reassuring word that is itself negated raises the topic, never denies it
    (
        "My bladder isn't working properly since Friday.",
        {"history.bladder_dysfunction": ABSENT, "unsure.bladder": True},
    ),
    ("My waterworks have never been normal since the fall.", {"history.bladder_dysfunction": ABSENT}),
    # near misses: plain reassurance still denies
    ("My bladder is working properly.", {"history.bladder_dysfunction": False}),
    ("Bladder and bowels fine.", {"history.bladder_dysfunction": False, "history.bowel_incontinence": False}),
    ("I don't have any problems with my bladder or bowels.", {"history.bladder_dysfunction": False}),
    # lay words for the bowel, soiling, sexual function and fever
    ("No number 2 for four days and I can't feel the urge.", {"history.bowel_incontinence": True}),
    ("I pooed myself in bed last night.", {"history.bowel_incontinence": True}),
    ("Can't get it up anymore since my back went.", {"history.sexual_dysfunction": True}),
    ("Had a temp and the shakes last week and now my back is agony.", {"history.fever": True}),
    # near misses
    ("My son is doing his number 2s on the potty now.", {"history.bowel_incontinence": ABSENT}),
    ("I can't get it up the stairs, the hoover is too heavy.", {"history.sexual_dysfunction": ABSENT}),
    ("I work as a temp in an office and my back aches.", {"history.fever": ABSENT}),
    # a reason for weight lost that is itself negated does not explain it
    ("Lost a stone in a month without dieting.", {"history.unexplained_weight_loss": True}),
    (
        "My clothes are hanging off me and I'm not trying to lose weight.",
        {"history.unexplained_weight_loss": True},
    ),
    ("I've lost a stone since I started dieting.", {"history.unexplained_weight_loss": False}),
    # not been to the toilet for one; "my bits"; wet pants; chemotherapy raises cancer
    ("I haven't been for a poo in five days.", {"history.bowel_incontinence": True}),
    ("Not been for a wee since this morning.", {"history.urinary_retention": True}),
    ("My bits feel numb since the weekend.", {"history.saddle_numbness": True}),
    ("My pants have been wet a few times and I didn't notice.", {"history.urinary_incontinence": True}),
    ("I'm on chemo right now and my back is killing me.", {"unsure.cancer": True}),
    # near misses
    (
        "I haven't been for a walk in days because of my leg.",
        {"history.bowel_incontinence": ABSENT, "history.urinary_retention": ABSENT},
    ),
    ("Bits of my left shin feel numb.", {"history.saddle_numbness": ABSENT}),
    ("Since Friday my balls feel numb.", {"history.saddle_numbness": True}),
    ("He kicked the balls over the fence and my left foot is numb.", {"history.saddle_numbness": ABSENT}),
    # a negated state ("not right", "don't feel right") raises the topic; it does not deny it
    ("Something's not right down below.", {"history.saddle_numbness": ABSENT, "unsure.saddle": True}),
    (
        "Things down there don't feel right since Tuesday.",
        {"history.saddle_numbness": ABSENT, "unsure.saddle": True},
    ),
    ("I'm not sure if I'm emptying properly.", {"unsure.bladder": True}),
    ("My pee only comes out in a trickle.", {"history.urinary_retention": True}),
    # near misses: the topic itself negated, or a negated state about something else
    ("No problems down below.", {"history.saddle_numbness": False}),
    (
        "No bladder or bowel issues, though I'm not feeling well generally.",
        {"history.bladder_dysfunction": False},
    ),
    ("The garden tap only gives a trickle.", {"history.urinary_retention": ABSENT}),
    # a body part joined to its symptom by a verb of being ("me bum feels numb") is its place, even when another
    # part follows in a later clause; "without even knowing" is a lost sensation, not a negation of what follows
    (
        "Wet meself twice today without even knowin and me bum feels numb, back went out on the weekend.",
        {"history.urinary_incontinence": True, "history.saddle_numbness": True},
    ),
    ("Peed myself without noticing and my bum has gone numb.", {"history.saddle_numbness": True}),
    # near misses: a real negation still negates; a part before "and has" is not the symptom's place
    ("I can walk without limping and there's no numbness in my bum.", {"history.saddle_numbness": False}),
    ("She stands on her feet all day and has pain in her left calf.", {"pain.left.foot": ABSENT}),
    # "my right leg has started aching ... too since yesterday": the other leg joining lately makes both legs new
    (
        "Pain down my left leg for a month. My right leg has started aching down the back too since yesterday.",
        {"pain.right.leg": True, "history.bilateral_leg_symptoms_new": True},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[t[:50] for t, _ in CASES])
def test_lay_words(text: str, expected: dict[str, Any]) -> None:
    got = findings(text)
    for path, value in expected.items():
        if value is ABSENT:
            assert path not in got, f"{path} read from {text!r}: {got.get(path)!r}"
        else:
            assert got.get(path) == value, f"{path} from {text!r}: expected {value!r}, got {got.get(path)!r}"


def test_evidence_points_at_the_persons_own_letters() -> None:
    text = "numbess round my privates and I cant empty my blader at all"
    reading = read_text(text)
    for span in reading.evidence:
        assert text[span.start : span.end] == span.text
    words = {s.text for s in reading.evidence}
    assert "numbess" in words and "blader" in words


def test_slips_keep_the_first_letter_and_real_words() -> None:
    table = misspellings(["bladder", "bowels", "tripping"], keep=["bowls"], also={"cancer": ["canser"]})
    assert table["bladdder"] == "bladder" and table["blader"] == "bladder" and table["bowles"] == "bowels"
    assert "bowls" not in table  # a real word
    assert "ripping" not in table and "tipping" not in table  # the first two letters are kept as written
    assert "bowel" not in table  # the last letter is never dropped
    assert table["canser"] == "cancer"


def test_corrections_map_offsets_back() -> None:
    text, fixed = correct("my blader and bladdder ok", {"blader": "bladder", "bladdder": "bladder"})
    assert text == "my bladder and bladder ok"
    assert fixed.span(3, 10) == (3, 9)  # "bladder" -> "blader"
    assert fixed.span(15, 22) == (14, 22)  # "bladder" -> "bladdder"
    assert fixed.span(23, 25) == (23, 25)  # "ok" after both
    assert fixed.span(11, 14) == (10, 13)  # "and" between them
    assert Corrections().span(4, 9) == (4, 9)
