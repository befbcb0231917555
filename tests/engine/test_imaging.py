"""Imaging in the case: evidence with cited weights that counts with the picture it fits, and red flags
whatever the odds (issue 13 item 3; REFERENCE.md 2.7)."""

from __future__ import annotations

from typing import Any

import pytest

from nerveroot.assessment import Assessment
from nerveroot.case import parse_case
from nerveroot.engine import assess

ORDER = ["self_care", "routine", "prompt", "urgent", "emergency"]
PAIN_ONLY_LEFT = {
    "age": 45,
    "duration_weeks": 3,
    "pain": {"left": ["low_back", "buttock", "posterior_thigh", "posterior_calf"]},
}
BACK = {"age": 60, "duration_weeks": 3, "pain": {"left": ["low_back"], "right": ["low_back"]}}


def _a(case: dict[str, Any], *imaging: dict[str, Any]) -> Assessment:
    return assess(parse_case({**case, "imaging": list(imaging)}))


def _mri(finding: str, **extra: Any) -> dict[str, Any]:
    return {"modality": "mri", "finding": finding, **extra}


@pytest.mark.parametrize(
    ("item", "level"),
    [
        (_mri("cord_compression", level="T10"), "emergency"),
        (_mri("disc_extrusion", level="L4-L5", zone="central", compresses="cauda_equina"), "emergency"),
        (_mri("epidural_abscess", level="L3"), "emergency"),
        (_mri("lytic_lesion", level="L2"), "prompt"),
        (_mri("fracture", level="L1"), "prompt"),
        (_mri("discitis", level="L4-L5"), "urgent"),
    ],
)
def test_red_flags_on_imaging_set_their_level(item: dict[str, Any], level: str) -> None:
    assert _a(BACK, item).triage.level == level


def test_a_fracture_with_new_weakness_is_an_emergency() -> None:
    a = _a({**BACK, "weakness": {"left": {"knee_extension": 4}}}, _mri("fracture", level="L2"))
    assert a.triage.level == "emergency"


def test_degenerative_findings_alone_raise_nothing() -> None:
    a = _a(
        BACK,
        _mri("disc_bulge", level="L4-L5"),
        _mri("modic_change", level="L5-S1"),
        _mri("disc_protrusion", level="L3-L4"),
    )
    assert a.pattern.label == "non_radicular"
    assert a.triage.level in ("self_care", "routine")


@pytest.mark.parametrize(
    ("item", "root"),
    [
        (_mri("disc_extrusion", level="L4-L5", side="left", zone="paracentral"), "L5"),  # traversing
        (_mri("disc_extrusion", level="L4-L5", side="left", zone="foraminal"), "L4"),  # exiting
        (_mri("disc_extrusion", level="L5-S1", side="left", zone="extraforaminal"), "L5"),  # exiting
        (_mri("disc_extrusion", level="L5-S1", side="left"), "S1"),  # no zone: paracentral
        (_mri("disc_protrusion", level="L3-L4", side="left", compresses="L4"), "L4"),  # named by the report
    ],
)
def test_a_disc_meets_the_traversing_or_the_exiting_root(item: dict[str, Any], root: str) -> None:
    a = _a(PAIN_ONLY_LEFT, item)
    assert [n.root for n in a.imaging] == [root]
    before = {r.root: r.probability for r in _a(PAIN_ONLY_LEFT).roots}
    after = {r.root: r.probability for r in a.roots}
    assert after.get(root, 0) > before.get(root, 0)


def test_imaging_on_the_other_side_does_not_move_a_clear_picture() -> None:
    clear: dict[str, Any] = {
        "age": 40, "pain": {"left": ["low_back", "lateral_calf", "dorsum_foot"]}, "numbness": {"left": ["dorsum_foot"]},
        "weakness": {"left": {"great_toe_extension": 4, "hip_abduction": 4}},
    }  # fmt: skip
    a = _a(clear, _mri("disc_extrusion", level="L5-S1", side="right", zone="paracentral"))
    assert (a.roots[0].root, a.roots[0].side) == ("L5", "left")
    assert a.imaging[0].concordant is False


def test_a_concordant_scan_is_marked_concordant() -> None:
    a = _a(PAIN_ONLY_LEFT, _mri("disc_extrusion", level="L5-S1", side="left"))
    assert a.roots[0].root == "S1"
    assert a.imaging[0].concordant is True


def test_a_slip_at_a_level_that_does_not_fit_does_not_lead_the_causes() -> None:
    l3 = {
        "age": 58, "pain": {"right": ["anterior_thigh", "medial_thigh", "medial_knee"]},
        "weakness": {"right": {"knee_extension": 4, "hip_adduction": 4}}, "reflexes": {"right": {"patellar": "reduced"}},
        "tests": {"right": {"femoral_nerve_stretch": "positive"}},
    }  # fmt: skip
    away = _a(l3, {"modality": "xray", "finding": "spondylolisthesis", "level": "L5-S1", "grade": 1})
    fits = _a(l3, {"modality": "xray", "finding": "spondylolisthesis", "level": "L3-L4", "grade": 1})
    assert away.causes[0].cause != "spondylolisthesis"
    assert fits.causes[0].cause == "spondylolisthesis"


def test_an_extrusion_supports_a_disc_more_than_a_bulge() -> None:
    def disc(finding: str) -> float:
        a = _a(PAIN_ONLY_LEFT, _mri(finding, level="L5-S1", side="left"))
        return next(c.probability for c in a.causes if c.cause == "disc_herniation")

    assert disc("disc_extrusion") > disc("disc_protrusion") > disc("disc_bulge")
