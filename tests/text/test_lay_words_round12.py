"""Round 12 of issue 13: warning signs raised and left open, in words the reader settled too soon.

- A person's answer reported with its doubt ("fine as far as she can tell", "OK as far as he knows") settles
  nothing; a doubt named later about a topic denied earlier ("not sure she would notice a change in her bladder")
  reopens it: not sure is never no.
- "An accident in my pants" is a change in bowel or bladder control, never an injury.
- The toilet seat that "feels... different" is the saddle, whatever punctuation sits between.
"""

from __future__ import annotations

import pytest
from textread import ABSENT, check_read, check_unsure


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("Her bladder is fine as far as she can tell. No saddle numbness.", "history.bladder_dysfunction"),
        ("Waterworks OK as far as he knows, bowels open daily.", "history.bladder_dysfunction"),
        (
            "Asked about the bladder she said it was fine. She has been on codeine and is not sure she would "
            "notice any change in her bladder or bowels.",
            "history.bladder_dysfunction",
        ),
        (
            "No problems with my waterworks. To be honest I'm not sure whether I'd notice a change in my bladder "
            "at the moment with all the painkillers.",
            "history.bladder_dysfunction",
        ),
    ],
)
def test_a_doubt_about_a_topic_leaves_it_unsure(text: str, finding: str) -> None:
    check_unsure(text, finding)


@pytest.mark.parametrize(
    "text",
    [
        "Since the laxatives I've had two small accidents in my underwear and I'm not sure I felt them coming.",
        "Had an accident in my pants yesterday, first time ever, didn't feel it happen.",
    ],
)
def test_an_accident_in_the_pants_is_no_injury_and_raises_continence(text: str) -> None:
    from nerveroot.text import read_text

    case = read_text(text).case
    assert case.history.significant_trauma is not True and case.history.minor_trauma is not True, case
    unsure = {u.finding for u in case.unsure}
    raised = unsure | {
        f for f in ("history.bowel_incontinence", "history.urinary_incontinence")
        if getattr(case.history, f.split(".")[1]) is True
    }  # fmt: skip
    assert raised & {"history.bowel_incontinence", "history.urinary_incontinence", "history.bladder_dysfunction"}


@pytest.mark.parametrize(
    "text",
    [
        "When I sit on the toilet seat it feels... different? Not numb exactly.",
        "Sitting on the loo it feels - odd, hard to describe.",
    ],
)
def test_a_toilet_seat_that_feels_different_raises_the_saddle(text: str) -> None:
    check_unsure(text, "history.saddle_numbness")


def test_a_plain_denial_still_settles() -> None:
    check_read("Bladder and bowels normal, no numbness in the saddle area.", {"history.bladder_dysfunction": False})
    check_read("No accidents with my bladder or bowels.", {"history.bowel_incontinence": ABSENT})
