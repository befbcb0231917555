"""What is said follows the rule that fired, and the codes of a conclusion (issue 14)."""

from __future__ import annotations

from typing import Any

import pytest

from nerveroot.assessment import Assessment
from nerveroot.case import parse_case
from nerveroot.engine import assess, load_knowledge

L5_LEFT: dict[str, Any] = {
    "age": 40,
    "pain": {"left": ["low_back", "buttock", "lateral_calf", "dorsum_foot"]},
    "numbness": {"left": ["dorsum_foot"]},
    "weakness": {"left": {"great_toe_extension": 4}},
    "tests": {"left": {"straight_leg_raise": "positive"}},
}
BACK = {"pain": {"left": ["low_back"], "right": ["low_back"]}}


def _a(case: dict[str, Any]) -> Assessment:
    return assess(parse_case(case))


def _said(a: Assessment) -> str:
    return " ".join(a.advice)


def _item(item_id: str) -> str:
    return next(i.text for i in load_knowledge().advice.items if i.id == item_id)


# ------------------------------------------------------------------------------------------ seek-help words
def test_an_aneurysm_emergency_gets_the_aneurysm_words_not_the_cauda_equina_words() -> None:
    a = _a({**BACK, "age": 71, "exam": {"pulsatile_abdominal_mass": True}})
    assert a.triage.level == "emergency"
    assert _item("seek_aneurysm") in a.advice
    assert _item("seek_cauda_equina") not in a.advice


def test_a_cauda_equina_emergency_gets_the_cauda_equina_words() -> None:
    a = _a({**L5_LEFT, "history": {"saddle_numbness": True}})
    assert _item("seek_cauda_equina") in a.advice
    assert _item("seek_aneurysm") not in a.advice


def test_an_infection_without_weakness_is_not_told_about_marked_weakness() -> None:
    a = _a({**BACK, "age": 40, "duration_weeks": 1, "history": {"fever": True}})
    assert a.triage.level == "urgent"
    assert _item("seek_infection") in a.advice
    assert _item("seek_weakness_severe") not in a.advice


def test_severe_weakness_gets_the_weakness_words() -> None:
    a = _a({**L5_LEFT, "weakness": {"left": {"ankle_dorsiflexion": 2}}})
    assert _item("seek_weakness_severe") in a.advice


def test_every_rule_that_raises_the_level_has_its_own_words() -> None:
    kb = load_knowledge()
    said = {r for i in kb.advice.items if i.section == "seek_help" and i.when for r in i.when.rule or []}
    raising = {r.id for r in kb.red_flags.rules if r.level in ("prompt", "urgent", "emergency")}
    assert raising <= said


# ------------------------------------------------------------------------------------------ pinched-nerve advice
@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            {**L5_LEFT, "age": 70, "history": {"history_of_cancer": True}}, id="suspected-metastasis"
        ),
        pytest.param({**L5_LEFT, "reflexes": {"left": {"clonus": "present"}}}, id="myelopathy"),
        pytest.param({**BACK, "age": 70, "exam": {"pulsatile_abdominal_mass": True}}, id="aneurysm"),
    ],
)
def test_serious_disease_gets_no_pinched_nerve_advice(case: dict[str, Any]) -> None:
    a = _a(case)
    assert a.pinched_nerve_advice is False
    for item in ("keep_moving", "recovery_course", "surgery_tradeoff", "modify_sitting_bending"):
        assert _item(item) not in a.advice
    assert _item("serious_next") in a.advice


def test_a_plain_disc_keeps_its_advice() -> None:
    a = _a(L5_LEFT)
    assert a.pinched_nerve_advice is True
    assert _item("keep_moving") in a.advice
    assert _item("recovery_course") in a.advice


def test_a_look_alike_that_leads_gets_no_pinched_nerve_advice() -> None:
    feet = ["sole", "dorsum_foot", "great_toe", "heel"]
    a = _a({"age": 71, "duration_weeks": 104, "numbness": {"left": feet, "right": feet}})
    assert a.pinched_nerve_advice is False
    assert _item("recovery_back") not in a.advice


def test_stenosis_gets_its_own_advice_and_course() -> None:
    legs = ["buttock", "posterior_thigh", "lateral_calf"]
    a = _a({
        "age": 74, "duration_weeks": 60, "onset": "gradual", "pain": {"left": legs, "right": legs},
        "history": {"worse_walking": True, "relieved_by_sitting_or_bending_forward": True, "worse_standing": True},
    })  # fmt: skip
    assert a.causes[0].cause == "spinal_stenosis"
    assert _item("modify_stenosis") in a.advice
    assert _item("recovery_stenosis") in a.advice
    assert _item("modify_sitting_bending") not in a.advice
    assert _item("recovery_course") not in a.advice


def test_the_words_do_not_overclaim() -> None:
    said = " ".join(i.text for i in load_knowledge().advice.items)
    assert "well supported" not in said
    assert "slows recovery" not in said
    fibular = load_knowledge().advice.mimics["fibular_palsy"].explanation
    assert "turns outwards only weakly" in fibular and "turns in weakly" not in fibular


def test_urgent_means_the_same_day() -> None:
    urgent = load_knowledge().advice.triage["urgent"]
    assert "same day" in urgent.timeframe
    assert "24 hours" not in urgent.action + urgent.headline + urgent.timeframe


# ------------------------------------------------------------------------------------------ codes
def _codes(a: Assessment) -> list[str]:
    return [c.code for c in a.codes]


def test_a_disc_gets_no_snomed_code_labelled_stenosis_elsewhere() -> None:
    assert "76107001" not in _codes(_a(L5_LEFT))


def test_every_code_is_provisional() -> None:
    a = _a({**L5_LEFT, "history": {"saddle_numbness": True}})
    assert "G83.4" in _codes(a)
    assert {c.verification_status for c in a.codes} == {"provisional"}


def test_an_aneurysm_from_a_screen_is_coded_provisionally() -> None:
    a = _a({**BACK, "age": 71, "exam": {"pulsatile_abdominal_mass": True}})
    aneurysm = [c for c in a.codes if c.code == "I71.40"]
    assert aneurysm and aneurysm[0].verification_status == "provisional"


@pytest.mark.parametrize(("side", "code"), [("left", "G57.32"), ("right", "G57.31")])
def test_a_fibular_palsy_is_coded_with_its_side(side: str, code: str) -> None:
    a = _a({
        "age": 30, "pain": {side: ["lateral_calf", "dorsum_foot"]}, "numbness": {side: ["dorsum_foot"]},
        "weakness": {side: {"ankle_dorsiflexion": 4, "foot_eversion": 4, "foot_inversion": 5, "hip_abduction": 5}},
        "tests": {side: {"tinel_fibular_head": "positive", "straight_leg_raise": "negative"}},
        "history": {"knock_or_pressure_at_fibular_head": True, "back_pain": False},
    })  # fmt: skip
    assert a.mimics[0].mimic == "fibular_palsy"
    assert code in _codes(a)
    assert "G57.3" not in _codes(a)


def test_a_hip_is_coded_with_its_side() -> None:
    a = _a({
        "age": 66, "pain": {"right": ["groin", "anterior_thigh"]},
        "tests": {"right": {"hip_internal_rotation": "limited", "femoral_nerve_stretch": "negative"}},
        "weakness": {"right": {"knee_extension": 5, "hip_flexion": 5}}, "reflexes": {"right": {"patellar": "normal"}},
        "history": {"back_pain": False},
    })  # fmt: skip
    assert a.pattern.label == "non_radicular"
    assert "M25.551" in _codes(a)


def test_lumbosacral_stenosis_is_m48_07() -> None:
    legs = ["buttock", "posterior_thigh", "posterior_calf", "heel", "sole"]
    a = _a({
        "age": 75, "duration_weeks": 60, "onset": "gradual", "pain": {"left": legs, "right": legs},
        "numbness": {"left": ["sole", "lateral_foot"], "right": ["sole", "lateral_foot"]},
        "reflexes": {"left": {"achilles": "reduced"}, "right": {"achilles": "normal"}},
        "history": {"worse_walking": True, "relieved_by_sitting_or_bending_forward": True},
    })  # fmt: skip
    assert a.roots[0].root in ("S1", "S2")
    assert a.causes[0].cause == "spinal_stenosis"
    assert "M48.07" in _codes(a)
    assert "M48.062" not in _codes(a)


def test_lumbar_stenosis_with_claudication_is_m48_062() -> None:
    legs = ["buttock", "lateral_thigh", "lateral_calf", "dorsum_foot"]
    a = _a({
        "age": 75, "duration_weeks": 60, "onset": "gradual", "pain": {"left": legs, "right": legs},
        "weakness": {"left": {"great_toe_extension": 4}},
        "history": {"worse_walking": True, "relieved_by_sitting_or_bending_forward": True},
    })  # fmt: skip
    assert a.roots[0].root == "L5"
    assert "M48.062" in _codes(a)


def test_a_reason_names_findings_never_a_field_such_as_duration_weeks() -> None:
    """"New nerve problems in someone with a history of cancer, weak ankle plantarflexion ... and duration weeks"
    read like a database: the time that makes a finding new is not a finding to name."""
    a = _a(
        {
            **L5_LEFT,
            "duration_weeks": 7,
            "history": {"history_of_cancer": True},
            "weakness": {"right": {"ankle_plantarflexion": True}},
        }
    )
    assert "malignancy_with_neurology" in a.triage.rules
    reasons = " ".join(a.triage.reasons)
    assert "duration" not in reasons and "weeks" not in reasons, reasons
    assert "history of cancer" in reasons
