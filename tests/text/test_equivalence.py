"""A text and the structured case a clinician would write from it give the same assessment."""

from __future__ import annotations

from typing import Any

import pytest

from nerveroot.case import case_json, parse_case
from nerveroot.service import assess_payload, assess_text
from nerveroot.text import read_text

PAIRS: list[tuple[str, dict[str, Any]]] = [
    (
        "52M. L buttock and posterior thigh pain radiating to lateral calf. Reduced sensation dorsum of foot "
        "and first web space. EHL 4/5. Reflexes symmetrical. SLR positive at 40 degrees on the left.",
        {
            "age": 52, "sex": "male",
            "pain": {"left": ["buttock", "posterior_thigh", "lateral_calf"]},
            "sensation": {"left": {"dorsum_foot": "reduced"}},
            "weakness": {"left": {"great_toe_extension": 4}},
            "reflexes": {"left": {"patellar": "normal", "achilles": "normal"},
                         "right": {"patellar": "normal", "achilles": "normal"}},
            "tests": {"left": {"straight_leg_raise": "positive"}},
        },
    ),
    (
        "Burning pain down the back of my left leg into my heel, with pins and needles in the sole and along "
        "the outer edge of the foot. I struggle to stand on tiptoe on that side.",
        {
            "pain": {"left": ["posterior_thigh", "posterior_calf", "heel"]},
            "tingling": {"left": ["sole", "lateral_foot"]},
            "weakness": {"left": {"ankle_plantarflexion": True}},
            "history": {"burning_pain": True},
            # weakness with neither a grade nor a course: whether it is marked or getting worse is open
            "unsure": [{"finding": "history.progressive_weakness",
                        "words": "I struggle to stand on tiptoe on that side"}],
        },
    ),
    (
        "Back pain for a week. Since yesterday both legs are numb and tingly, I can't feel the toilet paper "
        "when I wipe, and I haven't been able to pass urine since this morning.",
        {
            "duration_weeks": 1,
            "pain": {"unknown": ["low_back"]},  # the back is in the middle: no side was said of it
            "numbness": {"left": ["leg"], "right": ["leg"]},
            "tingling": {"left": ["leg"], "right": ["leg"]},
            # both legs numb "since yesterday": new symptoms in both legs (issue 13)
            "history": {"saddle_numbness": True, "urinary_retention": True, "bilateral_leg_symptoms_new": True},
        },
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "case"), PAIRS, ids=["clinician-l5", "lay-s1", "lay-cauda-equina"])
def test_text_and_structured_case_agree(text: str, case: dict[str, Any]) -> None:
    from_text = assess_text(text)
    structured = assess_payload(case)
    assert from_text.pattern.label == structured.pattern.label
    assert [(r.root, r.side) for r in from_text.roots[:2]] == [(r.root, r.side) for r in structured.roots[:2]]
    assert from_text.triage.level == structured.triage.level


@pytest.mark.parametrize(("text", "case"), PAIRS, ids=["clinician-l5", "lay-s1", "lay-cauda-equina"])
def test_text_reads_into_the_structured_case(text: str, case: dict[str, Any]) -> None:
    assert case_json(read_text(text).case) == case_json(parse_case(case))


def test_assessment_findings_hold_the_case_and_evidence_the_spans() -> None:
    text = PAIRS[0][0]
    a = assess_text(text)
    assert a.findings["weakness"] == {"left": {"great_toe_extension": 4}}
    assert any(e.finding == "tests.left.straight_leg_raise" and e.text == "SLR positive" for e in a.evidence)
