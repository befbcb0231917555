"""Words shared by a coordination belong to each conjunct (issue 13: "a small grammar that handles lists and
coordination").

"Perianal sensation and anal tone were reduced" says both were reduced; "knee and ankle jerks absent" says
both jerks are absent; "reduced perianal sensation and anal tone" reduces both. The phrases for each finding
are the lexicon's own: nothing here is a new phrase, only a shared word given to the other conjunct.
"""

from __future__ import annotations

import pytest
from textread import ABSENT, check_read, findings

READINGS: list[tuple[str, dict[str, object]]] = [
    # the predicate after both subjects
    (
        "Perianal sensation and anal tone were reduced.",
        {"exam.perianal_sensation": "reduced", "exam.anal_tone": "reduced"},
    ),
    (
        "Hip flexion was 4/5 on both sides. Perianal sensation and anal tone were reduced. MRI confirmed "
        "compression of the cauda equina.",
        {"exam.perianal_sensation": "reduced", "exam.anal_tone": "reduced"},
    ),
    (
        "Anal tone and perianal sensation were reduced.",
        {"exam.perianal_sensation": "reduced", "exam.anal_tone": "reduced"},
    ),
    # the predicate before both
    (
        "On examination: reduced perianal sensation and anal tone.",
        {"exam.perianal_sensation": "reduced", "exam.anal_tone": "reduced"},
    ),
    # a head noun after both modifiers
    (
        "Knee and ankle jerks were absent.",
        {"reflexes.unknown.patellar": "absent", "reflexes.unknown.achilles": "absent"},
    ),
    (
        "Knee and ankle jerks absent bilaterally.",
        {
            "reflexes.left.patellar": "absent",
            "reflexes.right.patellar": "absent",
            "reflexes.left.achilles": "absent",
        },
    ),
    # what the coordination denies stays denied, and it invents nothing
    ("Perianal sensation and anal tone were normal.", {"exam.anal_tone": "normal"}),
    (
        "Anal tone and perianal sensation were not reduced.",
        {"exam.anal_tone": ABSENT, "exam.perianal_sensation": ABSENT},
    ),
    ("My mum and my sister had reduced anal tone after giving birth.", {"exam.anal_tone": ABSENT}),
]


@pytest.mark.parametrize(("text", "expected"), READINGS)
def test_shared_words_belong_to_each_conjunct(text: str, expected: dict[str, object]) -> None:
    check_read(text, expected)


def test_a_denied_loss_is_not_read_as_a_loss() -> None:
    got = findings("No loss of perianal sensation and anal tone normal.")
    assert got.get("exam.perianal_sensation") not in ("reduced", "absent"), got
    assert got.get("exam.anal_tone") not in ("reduced", "absent"), got
