"""Pain kept to the calf or foot with a normal examination is more often local than a root (a tendon, the
plantar fascia); a sign of a root, or no examination at all, leaves the pattern to the other findings."""

from __future__ import annotations

from typing import Any

from nerveroot.service import assess_payload

CALF_AND_HEEL: dict[str, Any] = {
    "age": 41,
    "duration_weeks": 10,
    "pain": {"left": ["heel", "posterior_calf"]},
}
NORMAL_EXAM: dict[str, Any] = {
    "weakness": {"left": {"ankle_plantarflexion": 5}},
    "reflexes": {"left": {"achilles": "normal"}, "right": {"achilles": "normal"}},
    "sensation": {"left": {"lateral_foot": "normal", "heel": "normal"}},
    "tests": {"left": {"straight_leg_raise": "negative"}},
}


def _weighed(payload: dict[str, Any]) -> set[str]:
    return {f.finding for f in assess_payload(payload).explanation if f.conclusion == "pattern"}


def test_calf_and_heel_pain_with_a_normal_examination_is_not_a_root() -> None:
    a = assess_payload({**CALF_AND_HEEL, **NORMAL_EXAM})
    assert a.pattern.label == "non_radicular", a.pattern
    assert "derived.distal_pain_only" in _weighed({**CALF_AND_HEEL, **NORMAL_EXAM})


def test_a_lost_ankle_jerk_beside_the_same_pain_is_not_second_guessed() -> None:
    lost = {**NORMAL_EXAM, "reflexes": {"left": {"achilles": "absent"}, "right": {"achilles": "normal"}}}
    assert "derived.distal_pain_only" not in _weighed({**CALF_AND_HEEL, **lost})
    assert assess_payload({**CALF_AND_HEEL, **lost}).pattern.label != "non_radicular"


def test_numbness_or_no_examination_leaves_the_pain_map_alone() -> None:
    numb = {**CALF_AND_HEEL, **NORMAL_EXAM, "numbness": {"left": ["lateral_foot"]}}
    assert "derived.distal_pain_only" not in _weighed(numb)
    assert "derived.distal_pain_only" not in _weighed(CALF_AND_HEEL)
