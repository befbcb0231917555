"""Round 8 of issue 13: what the reader still read wrongly, found on blind texts and written here afresh.

- Back pain in a person's own words: a back that was pulled, tweaked, "done in", "put out", that is stiff as
  a board or locked, or has gone into spasm, is back pain. Without it, a plain strain read as nothing at all
  ("nothing could be recognised") and the answer was a routine appointment instead of self-care.
- What makes it worse, said plainly: "sore to bend over", "can't bend to put my socks on".
- How it started: shovelling, digging, weeding, heavy deadlifts, lifting children out of car seats.
"""

from __future__ import annotations

import pytest
from textread import ABSENT, check_read

from nerveroot.service import assess_text

BACK: list[tuple[str, dict[str, object]]] = [
    ("pulled my back getting the xmas tree down from the loft, stiff as a plank today", {"pain.unknown.low_back": True}),
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
    ("shovelled the drive this morning n now my lower back is stiff", {"history.after_lifting_or_bending": True}),
    ("Pulled something in my lower back yesterday digging the veg patch.", {"history.after_lifting_or_bending": True}),
    ("was doing deadlifts yesterday and went way too heavy", {"history.after_lifting_or_bending": True}),
    ("did my back in getting the twins out of their car seats", {"history.after_lifting_or_bending": True}),
    ("tweaked my back weeding on sat", {"history.after_lifting_or_bending": True}),
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
