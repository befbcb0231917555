"""The numbers a clinical review corrected (issue 14, REFERENCE.md 7), checked through the engine."""

from __future__ import annotations

import math
from typing import Any

import pytest

from nerveroot.assessment import Assessment
from nerveroot.case import parse_case
from nerveroot.engine import assess, load_knowledge
from nerveroot.engine.evidence import collect_hits
from nerveroot.engine.facts import derive, flatten


def _a(case: dict[str, Any]) -> Assessment:
    return assess(parse_case(case))


def _weights(a: Assessment, finding: str, supports: str) -> list[float]:
    return [r.weight for r in a.explanation if r.finding == finding and r.supports == supports]


def test_a_single_painful_hip_rotation_is_not_a_cluster() -> None:
    a = _a(
        {
            "age": 66,
            "pain": {"left": ["groin", "anterior_thigh"]},
            "tests": {"left": {"hip_internal_rotation": "painful"}},
        }
    )
    assert _weights(a, "tests.left.hip_internal_rotation", "hip_joint") == [
        pytest.approx(math.log(1.9), abs=0.01)
    ]


L4_CLEAN: dict[str, Any] = {
    "age": 58,
    "pain": {"right": ["anterior_thigh", "anterior_knee", "medial_shin"]},
    "numbness": {"right": ["medial_shin", "medial_ankle"]},
    "weakness": {"right": {"knee_extension": 4, "ankle_dorsiflexion": 4}},
    "reflexes": {"right": {"patellar": "reduced", "achilles": "normal"}},
    "tests": {"right": {"femoral_nerve_stretch": "positive"}},
}


def test_a_negative_slr_does_not_take_a_clean_l4_picture_to_uncertain() -> None:
    without = _a(L4_CLEAN)
    with_negative = _a(
        {**L4_CLEAN, "tests": {"right": {**L4_CLEAN["tests"]["right"], "straight_leg_raise": "negative"}}}
    )
    assert with_negative.pattern.label == "radicular"
    assert with_negative.roots[0].root == "L4"
    assert (
        with_negative.roots[0].probability >= without.roots[0].probability
    )  # it counts against L5 and S1 only


def test_a_negative_slr_counts_against_l5_and_s1_only() -> None:
    f = next(f for f in load_knowledge().findings if f.id == "slr_negative")
    roots = next(e for e in f.effects if e.target == "root").lr
    assert set(roots) == {"L5", "S1"}
    assert next(e for e in f.effects if e.target == "pattern").lr == {"radicular": 0.87}


def test_the_crossed_slr_counts_once() -> None:
    f = next(f for f in load_knowledge().findings if f.id == "crossed_slr_positive")
    product = (
        next(e for e in f.effects if e.target == "pattern").lr["radicular"]
        * next(e for e in f.effects if e.target == "cause").lr["disc_herniation"]
    )
    assert product == pytest.approx(2.8, abs=0.1)


def test_sitting_and_bending_against_stenosis_are_consensus_about_a_half() -> None:
    kb = load_knowledge()
    for fid in ("worse_sitting", "worse_bending"):
        effect = next(e for f in kb.findings if f.id == fid for e in f.effects if e.target == "cause")
        assert effect.source == "consensus"
        assert effect.lr["spinal_stenosis"] == pytest.approx(0.5)


def test_the_claudication_picture_counts_as_one_finding_of_at_most_3_7() -> None:
    legs = ["buttock", "posterior_thigh", "lateral_calf"]
    case = parse_case({
        "age": 75, "pain": {"left": legs, "right": legs},
        "history": {"worse_walking": True, "relieved_by_sitting_or_bending_forward": True, "worse_standing": True},
    })  # fmt: skip
    kb = load_knowledge()
    hits = collect_hits(case, flatten(case, kb), derive(case, kb), kb)
    picture = [
        h for h in hits if h.on == "cause" and (h.group == "claudication" or h.rule == "group_claudication")
    ]
    combined = {c: sum(math.log(h.lr.get(c, 1.0)) for h in picture) for c in kb.causes}
    assert max(combined.values()) - min(combined.values()) == pytest.approx(math.log(3.7), abs=1e-6)


def test_more_of_the_picture_never_lowers_stenosis() -> None:
    legs = ["buttock", "lateral_calf"]
    base: dict[str, Any] = {"age": 72, "pain": {"left": legs, "right": legs}}
    shares = []
    for history in (
        {},
        {"worse_walking": True},
        {"worse_walking": True, "relieved_by_sitting_or_bending_forward": True},
    ):
        a = _a({**base, "history": history})
        shares.append(
            next(c.probability for c in a.causes if c.cause == "spinal_stenosis") / a.pattern.probability
        )
    assert shares == sorted(shares)


@pytest.mark.parametrize(("items", "lr"), [(3, 1.8), (4, 2.9), (5, 4.8)])
def test_asas_counts_carry_the_validation_figures(items: int, lr: float) -> None:
    history = {
        "improves_with_exercise": True,
        "no_improvement_with_rest": True,
        "night_pain_improves_on_getting_up": True,
    }
    kept = dict(list(history.items())[: max(0, items - 2)])
    a = _a({"age": 28, "age_at_onset": 25, "onset": "gradual", "duration_weeks": 30, "pain": {"left": ["low_back"]},
            "history": kept})  # fmt: skip
    assert _weights(a, "derived.asas_criteria", "inflammatory_back_pain") == [
        pytest.approx(math.log(lr), abs=0.01)
    ]


def test_morning_stiffness_is_not_an_asas_item() -> None:
    f = next(f for f in load_knowledge().findings if f.id == "morning_stiffness")
    assert f.effects[0].lr["inflammatory_back_pain"] < 2
    assert "not an ASAS" in (f.effects[0].reason or "")


def test_ankle_jerks_lost_at_80_weigh_little() -> None:
    reflexes = {"left": {"achilles": "absent"}, "right": {"achilles": "absent"}}
    young = _a({"age": 40, "pain": {"left": ["low_back"]}, "reflexes": reflexes})
    old = _a({"age": 80, "pain": {"left": ["low_back"]}, "reflexes": reflexes})
    assert old.pattern.probability < young.pattern.probability
    assert max(_weights(old, "reflexes.left.achilles", "S1"), default=0) < math.log(3)


def test_an_ankle_jerk_lost_on_one_side_keeps_its_weight_at_80() -> None:
    a = _a({"age": 80, "pain": {"left": ["posterior_calf", "heel"]},
            "reflexes": {"left": {"achilles": "absent"}, "right": {"achilles": "normal"}}})  # fmt: skip
    assert _weights(a, "reflexes.left.achilles", "S1") == [pytest.approx(math.log(7.1), abs=0.01)]


@pytest.mark.parametrize(("age", "weak"), [(40, True), (80, False)])
def test_seven_heel_raises_are_weak_at_40_not_at_80(age: int, weak: bool) -> None:
    a = _a(
        {"age": age, "pain": {"left": ["posterior_calf"]}, "tests": {"left": {"single_leg_heel_raise": 7}}}
    )
    assert ("any_weakness" in a.triage.rules) is weak


def test_examined_numbness_in_many_s1_regions_is_one_observation_per_root() -> None:
    a = _a({"age": 40, "pain": {"left": ["posterior_calf"]},
            "sensation": {"left": {"sole": "reduced", "heel": "reduced", "lateral_foot": "reduced", "little_toe": "reduced"}}})  # fmt: skip
    s1 = [
        r
        for r in a.explanation
        if r.conclusion == "root" and r.supports == "S1" and r.finding.startswith("sensation.")
    ]
    assert len(s1) == 1


def test_a_key_point_examined_normal_lowers_its_root() -> None:
    base: dict[str, Any] = {"age": 40, "pain": {"left": ["low_back", "lateral_calf", "dorsum_foot"]}}
    plain = _a(base)
    normal = _a({**base, "sensation": {"left": {"dorsum_foot": "normal"}}})
    p = {r.root: r.probability for r in plain.roots if r.side == "left"}
    q = {r.root: r.probability for r in normal.roots if r.side == "left"}
    assert q.get("L5", 0) < p["L5"]


def test_corrected_sources() -> None:
    sources = load_knowledge().sources
    assert "Lumbar discectomy outcomes vary by herniation level" in sources["lurie_2008"].citation
    assert "MRI-confirmed single-level radiculopathy" in sources["albert_2019"].citation
    assert sources["isaza_2014"].status == "read" and "51.8" in sources["isaza_2014"].supports
