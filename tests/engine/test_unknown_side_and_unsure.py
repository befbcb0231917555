"""A side that was not given stays unknown; "not sure" is never "no"; what was not asked is said.

CASE_SCHEMA.md "Sides that are not known" and PRODUCT.md capability 4 ("Not sure" is never "no").
"""

from __future__ import annotations

from typing import Any

import pytest

from nerveroot.case import parse_case
from nerveroot.engine import assess
from nerveroot.errors import CaseError

L5_WORDS = {"pain": ["buttock", "posterior_thigh", "lateral_calf", "dorsum_foot"]}
ALL_DENIED = {
    "saddle_numbness": False,
    "bladder_dysfunction": False,
    "bowel_incontinence": False,
    "bilateral_leg_symptoms_new": False,
    "progressive_weakness": False,
    "history_of_cancer": False,
    "unexplained_weight_loss": False,
    "fever": False,
    "intravenous_drug_use": False,
    "immunosuppression": False,
    "spinal_surgery_within_3_months": False,
    "significant_trauma": False,
    "minor_trauma": False,
    "osteoporosis_or_steroid_use": False,
}


def _l5(side: str, **extra: Any) -> dict[str, Any]:
    return {
        "age": 40,
        "duration_weeks": 3,
        "pain": {side: L5_WORDS["pain"]},
        "numbness": {side: ["dorsum_foot", "great_toe"]},
        **extra,
    }


def test_no_side_named_gives_root_with_unknown_side() -> None:
    a = assess(parse_case(_l5("unknown")))
    assert a.roots[0].root == "L5"
    assert a.roots[0].side == "unknown"
    assert all(r.side == "unknown" for r in a.roots)


def test_unknown_side_has_the_same_root_probability_as_a_named_side() -> None:
    unknown = assess(parse_case(_l5("unknown")))
    left = assess(parse_case(_l5("left")))
    assert unknown.roots[0].probability == pytest.approx(left.roots[0].probability, abs=0.02)
    assert unknown.pattern.probability == pytest.approx(left.pattern.probability, abs=1e-6)


def test_normal_findings_on_both_legs_name_no_side() -> None:
    """ "Reflexes symmetrical, power normal" says both legs are well, not which leg hurts."""
    case = _l5(
        "unknown",
        reflexes={s: {"patellar": "normal", "achilles": "normal"} for s in ("left", "right")},
        weakness={s: {"great_toe_extension": 5} for s in ("left", "right")},
    )
    a = assess(parse_case(case))
    assert a.roots[0].root == "L5"
    assert all(r.side == "unknown" for r in a.roots)


def test_an_abnormal_finding_on_one_leg_names_its_side() -> None:
    case = _l5("unknown", reflexes={"left": {"achilles": "normal"}, "right": {"achilles": "absent"}})
    assert {r.side for r in assess(parse_case(case)).roots} <= {"left", "right"}


def test_a_named_side_is_kept_beside_unnamed_findings() -> None:
    case = _l5("left")
    case["tingling"] = {"unknown": ["great_toe"]}
    a = assess(parse_case(case))
    assert a.roots[0].side == "left"


def test_weakness_on_an_unnamed_side_still_sets_its_triage() -> None:
    a = assess(parse_case(_l5("unknown", weakness={"unknown": {"ankle_dorsiflexion": 2}})))
    assert a.triage.level == "urgent"
    assert "side not given" in " ".join(a.triage.reasons)


def test_unknown_side_is_not_both_legs() -> None:
    """A left leg and an unnamed leg may be the same leg: no emergency for 'both legs' from it."""
    case = _l5("left", weakness={"left": {"great_toe_extension": 4}, "unknown": {"ankle_dorsiflexion": 4}})
    case["duration_weeks"] = 1
    assert assess(parse_case(case)).triage.level == "prompt"


@pytest.mark.parametrize(
    ("finding", "level"),
    [
        ("history.saddle_numbness", "urgent"),
        ("history.bladder_dysfunction", "urgent"),
        ("history.urinary_retention", "urgent"),
        ("history.bowel_incontinence", "urgent"),
        ("history.sexual_dysfunction", "urgent"),
        ("history.bilateral_leg_symptoms_new", "urgent"),
        ("history.history_of_cancer", "prompt"),
        ("history.fever", "prompt"),
        ("history.significant_trauma", "prompt"),
        ("history.progressive_weakness", "prompt"),
    ],
)
def test_not_sure_is_never_no(finding: str, level: str) -> None:
    sure_no = _l5("left", history={finding.split(".")[1]: False})
    unsure = _l5("left", unsure=[finding])
    assert assess(parse_case(sure_no)).triage.level == "routine"
    a = assess(parse_case(unsure))
    assert a.triage.level == level
    assert [u.topic for u in a.unresolved]
    assert a.unresolved[0].check


def test_not_sure_lists_the_words_behind_it() -> None:
    a = assess(
        parse_case(_l5("left", unsure=[{"finding": "history.urinary_retention", "words": "hard to say"}]))
    )
    assert a.unresolved[0].topic == "bladder"
    assert a.unresolved[0].words == ["hard to say"]


def test_a_yes_settles_not_sure() -> None:
    a = assess(parse_case(_l5("left", history={"saddle_numbness": True}, unsure=["history.saddle_numbness"])))
    assert a.triage.level == "emergency"
    assert a.unresolved == []


def test_not_asked_is_said_and_all_denied_is_said() -> None:
    unasked = assess(parse_case(_l5("left")))
    assert "saddle" in unasked.not_asked
    assert any("Not asked" in r for r in unasked.triage.reasons)
    denied = assess(parse_case(_l5("left", history=ALL_DENIED)))
    assert denied.not_asked == []
    assert any("none was reported" in r for r in denied.triage.reasons)


@pytest.mark.parametrize(
    ("payload", "path"),
    [
        ({"unsure": ["history.not_a_thing"]}, "unsure.0"),
        ({"unsure": [{"finding": "pain.left"}]}, "unsure.0"),
        ({"exam": {"sensory_level": "T14"}}, "exam.sensory_level"),
        (
            {"imaging": [{"modality": "mri", "finding": "disc_extrusion", "level": "L9-L10"}]},
            "imaging.0.level",
        ),
        ({"imaging": [{"modality": "pet", "finding": "normal"}]}, "imaging.0.modality"),
        ({"imaging": [{"modality": "mri", "finding": "slipped_disc"}]}, "imaging.0.finding"),
        ({"imaging": [{"modality": "mri", "finding": "spondylolisthesis", "grade": 5}]}, "imaging.0.grade"),
        ({"pain": {"unknown": ["big_toe"]}}, "pain.unknown"),
    ],
)
def test_new_case_fields_refuse_bad_values_by_name(payload: dict[str, Any], path: str) -> None:
    with pytest.raises(CaseError) as info:
        parse_case(payload)
    assert any(p.path.startswith(path) for p in info.value.problems), info.value.problems


def test_imaging_levels_are_normalised() -> None:
    case = parse_case(
        {
            "imaging": [
                {"modality": "mri", "finding": "disc_protrusion", "level": "L4/5", "side": "left"},
                {"modality": "ct", "finding": "fracture", "level": "t12"},
            ],
            "exam": {"sensory_level": "t10"},
        }
    )
    assert [i.level for i in case.imaging] == ["L4-L5", "T12"]
    assert case.exam.sensory_level == "T10"
