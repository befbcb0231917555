"""Derived facts: what several findings say together (``derived.objective_weakness``, ``derived.both_legs``).

Each is ``None`` when the case does not say (unknown), which is not ``False``. The numbers and region sets
they use are in the knowledge base (findings.yaml `parameters` and `sets`), read by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nerveroot.case import BACK_REGIONS, SIDES, WHERE, Case, grade_value
from nerveroot.engine.facts import (
    REFLEXES,
    WEAK_TESTS,
    Derived,
    any_reported,
    derived,
    grade_text,
    items_of,
    leg_regions,
    on_side,
    onset_age,
    parameter,
    side_involved,
    weak_items,
    weak_tests,
    words,
)

if TYPE_CHECKING:
    from nerveroot.engine.knowledge import Knowledge


@derived
def leg_symptoms(case: Case, kb: Knowledge) -> Derived:
    if any(leg_regions(case, kb, s) for s in WHERE):
        return Derived(True)
    if any(side_involved(case, kb, s) for s in WHERE):
        return Derived(None)  # a weak or numb leg on examination is not "back pain only", whatever was drawn
    return Derived(False if any_reported(case) else None)


@derived
def below_knee_symptoms(case: Case, kb: Knowledge) -> Derived:
    regions = {r for s in WHERE for r in leg_regions(case, kb, s)}
    located = {r for r in regions if kb.regions[r].view != "none" or kb.regions[r].below_knee}
    if not located:
        return Derived(None)
    return Derived(any(kb.regions[r].below_knee for r in located))


@derived
def back_pain(case: Case, kb: Knowledge) -> Derived:
    """Pain in the lower back or buttock; false only when said (in words, or by a map that asked: case.py
    back_pain_from_map). Leg pain told without a word of the back says nothing of it."""
    if {r for s in WHERE for r in case.regions("pain", s)} & BACK_REGIONS:
        return Derived(True)
    return Derived(case.history.back_pain)


@derived
def sensory_symptoms(case: Case, kb: Knowledge) -> Derived:
    found = any(leg_regions(case, kb, s, ("numbness", "tingling")) for s in WHERE)
    return Derived(True if found else None)


@derived
def sensory_loss_exam(case: Case, kb: Knowledge) -> Derived:
    levels = [v for s in WHERE for r, v in (getattr(case.sensation, s) or {}).items() if kb.regions[r].leg]
    if not levels:
        return Derived(None)
    return Derived(any(v in ("reduced", "absent") for v in levels))


@derived
def objective_weakness(case: Case, kb: Knowledge) -> Derived:
    weak = [
        f"{words(m)} {on_side(s)} ({grade_text(g)}/5)" if g != 4.0 else f"{words(m)} {on_side(s)}"
        for s in WHERE
        for m, g in weak_items(case, s)
    ] + [f"{words(t)} {on_side(s)}" for s in WHERE for t in weak_tests(case, s, kb)]
    if weak:
        return Derived(True, "weak " + ", ".join(weak))
    tested = any(getattr(case.weakness, s) for s in WHERE) or any(
        getattr(case.tests, s) is not None
        and (any(getattr(getattr(case.tests, s), t) for t in WEAK_TESTS)
             or getattr(case.tests, s).single_leg_heel_raise is not None)
        for s in WHERE
    )  # fmt: skip
    return Derived(False if tested else None)


@derived
def min_grade(case: Case, kb: Knowledge) -> Derived:
    items = [(g, m, s) for s in WHERE for m, g in weak_items(case, s)]
    if not items:
        return Derived(None)
    grade, movement, side = min(items)
    return Derived(grade, f"{words(movement)} {on_side(side)} graded {grade_text(grade)}/5")


@derived
def weakness_mild(case: Case, kb: Knowledge) -> Derived:
    """Every weakness graded, and none below 4/5. An ungraded weakness or a failed walking test is not known
    to be mild: only a grade says so."""
    items = [g for s in WHERE for g in (getattr(case.weakness, s) or {}).values() if grade_value(g) < 5]
    tests = [t for s in WHERE for t in weak_tests(case, s, kb)]
    if not items and not tests:
        return Derived(None)
    graded = all(not isinstance(g, bool) for g in items) and not tests
    return Derived(graded and all(grade_value(g) >= 4 for g in items))


@derived
def bilateral_weakness(case: Case, kb: Knowledge) -> Derived:
    sides = [s for s in SIDES if weak_items(case, s) or weak_tests(case, s, kb)]
    if len(sides) == 2:
        return Derived(True, "weakness in both legs")
    return Derived(False if sides else None)


def _reflexes(case: Case, side: str) -> dict[str, str]:
    model = getattr(case.reflexes, side)
    return {} if model is None else {r: getattr(model, r) for r in REFLEXES if getattr(model, r) is not None}


@derived
def reflex_lost(case: Case, kb: Knowledge) -> Derived:
    values = [(s, r, v) for s in WHERE for r, v in _reflexes(case, s).items()]
    if not values:
        return Derived(None)
    lost = [f"{words(r)} reflex {v} {on_side(s)}" for s, r, v in values if v in ("reduced", "absent")]
    return Derived(bool(lost), ", ".join(lost) or None)


@derived
def ankle_jerks_age_related(case: Case, kb: Knowledge) -> Derived:
    """Ankle jerks lost in both legs alike, in a person old enough for that to be common without disease
    (about a quarter of healthy people over 60: vrancken_2006). Another reflex lost in one leg is that root's
    own sign and leaves the ankle jerks to age; another lost in both legs is a neuropathy's picture, not age.
    None when no reflex is lost or age unknown."""
    lost = {r for s in WHERE for r, v in _reflexes(case, s).items() if v in ("reduced", "absent")}
    if not lost or case.age is None:
        return Derived(None)
    older = case.age >= parameter(kb, "ankle_jerk_age_related_from_age")
    ankle = [_reflexes(case, s).get("achilles") for s in SIDES]
    one_sided = "normal" in ankle and any(v in ("reduced", "absent") for v in ankle)  # asymmetry is not age
    both = any(
        all(_reflexes(case, s).get(r) in ("reduced", "absent") for s in SIDES) for r in lost - {"achilles"}
    )
    return Derived(
        older and "achilles" in lost and not one_sided and not both, "ankle jerks lost, common at this age"
    )


@derived
def other_reflex_lost(case: Case, kb: Knowledge) -> Derived:
    """A reflex other than the ankle jerk reduced or absent: a sign that age does not explain."""
    values = [(s, r, v) for s in WHERE for r, v in _reflexes(case, s).items()]
    if not values:
        return Derived(None)
    lost = [
        f"{words(r)} reflex {v} {on_side(s)}"
        for s, r, v in values
        if r != "achilles" and v in ("reduced", "absent")
    ]
    return Derived(bool(lost), ", ".join(lost) or None)


@derived
def areflexia_both_legs(case: Case, kb: Knowledge) -> Derived:
    """Reflexes lost in both legs with none kept: the picture of a neuropathy of many roots (Guillain-Barre)."""
    per_side = [_reflexes(case, s) for s in SIDES]
    if not all(per_side):
        return Derived(None)
    lost = all(all(v in ("reduced", "absent") for v in side.values()) for side in per_side)
    several = sum(len(side) for side in per_side) >= 3
    return Derived(lost and several, "reflexes lost in both legs")


@derived
def brisk_reflexes(case: Case, kb: Knowledge) -> Derived:
    found = any(v == "brisk" for s in WHERE for v in _reflexes(case, s).values())
    return Derived(True if found else None)


@derived
def umn_signs(case: Case, kb: Knowledge) -> Derived:
    signs: list[str] = []
    for s in WHERE:
        reflexes = getattr(case.reflexes, s)
        if reflexes and reflexes.plantar_response == "extensor":
            signs.append(f"an upgoing plantar response {on_side(s)}")
        if reflexes and reflexes.clonus == "present":
            signs.append(f"clonus {on_side(s)}")
    h = case.history
    if brisk_reflexes(case, kb).value and (h.gait_unsteady or h.hand_symptoms or case.exam.wide_based_gait):
        signs.append("brisk reflexes with unsteady walking or hand symptoms")
    if case.exam.sensory_level is not None:
        signs.append(f"a sensory level at {case.exam.sensory_level}")
    return Derived(True, ", ".join(signs)) if signs else Derived(None)


@derived
def bilateral_leg_symptoms(case: Case, kb: Knowledge) -> Derived:
    """Symptoms drawn on both legs; a leg whose side was not given is one leg (never a second one)."""
    sides = [s for s in SIDES if leg_regions(case, kb, s)]
    if not sides and not leg_regions(case, kb, "unknown"):
        return Derived(None)
    return Derived(len(sides) == 2)


@derived
def both_legs(case: Case, kb: Knowledge) -> Derived:
    """Symptoms or a deficit in both legs (a drawing, weakness or lost feeling on each side): the picture that,
    when new, counts towards cauda equina. Back pain across both sides is not a leg."""

    def affected(side: str) -> bool:
        sensation = getattr(case.sensation, side) or {}
        return bool(
            leg_regions(case, kb, side)  # type: ignore[arg-type]
            or weak_items(case, side)  # type: ignore[arg-type]
            or any(v in ("reduced", "absent") for r, v in sensation.items() if kb.regions[r].leg)
        )

    sides = [s for s in SIDES if affected(s)]
    return Derived(len(sides) == 2, "symptoms in both legs") if sides else Derived(None)


def _pulses(case: Case) -> dict[str, str]:
    return {s: t.pedal_pulses for s in SIDES if (t := getattr(case.tests, s)) and t.pedal_pulses}


@derived
def pulse_deficit(case: Case, kb: Knowledge) -> Derived:
    pulses = _pulses(case)
    if not pulses:
        return Derived(None)
    weak = [f"{v} foot pulses on the {s}" for s, v in pulses.items() if v in ("reduced", "absent")]
    return Derived(bool(weak), ", ".join(weak) or None)


@derived
def pulse_asymmetry(case: Case, kb: Knowledge) -> Derived:
    """A foot pulse weak or missing on one side and normal on the other: a pulse deficit."""
    pulses = _pulses(case)
    if len(pulses) < 2:
        return Derived(None)
    values = set(pulses.values())
    return Derived(
        "normal" in values and bool(values & {"reduced", "absent"}), "a foot pulse missing on one side"
    )


@derived
def stocking_distribution(case: Case, kb: Knowledge) -> Derived:
    """Numbness or tingling in both feet that stays in the feet: the length-dependent pattern of a
    polyneuropathy, not one root."""
    distal = items_of(kb, "stocking")
    sensory = [leg_regions(case, kb, s, ("numbness", "tingling")) for s in SIDES]
    if not all(sensory):
        return Derived(None)
    drawn = {r for s in SIDES for r in leg_regions(case, kb, s)}
    return Derived(drawn <= distal, "numbness in both feet, stocking pattern")


@derived
def proximal_weakness(case: Case, kb: Knowledge) -> Derived:
    """Weak hip or thigh muscles (psoas, quadriceps, adductors): the proximal weakness of a plexus
    neuropathy rather than of one lower lumbar root."""
    proximal = items_of(kb, "proximal_movements")
    weak = {m for s in WHERE for m, _ in weak_items(case, s)}
    if not weak:
        return Derived(None)
    return Derived(len(weak & proximal) >= 2, "weak hip and thigh muscles")


@derived
def female_over_50(case: Case, kb: Knowledge) -> Derived:
    if case.sex is None or case.age is None:
        return Derived(None)
    return Derived(case.sex == "female" and case.age >= parameter(kb, "older_woman_from_age"))


@derived
def asas_criteria(case: Case, kb: Knowledge) -> Derived:
    """How many of the five ASAS inflammatory back pain features are present (sieper_2009)."""
    h = case.history
    began = onset_age(case)
    items = [
        None if began is None else began < parameter(kb, "asas_onset_before_age"),
        None if case.onset is None else case.onset == "gradual",
        h.improves_with_exercise,
        h.no_improvement_with_rest,
        h.night_pain_improves_on_getting_up,
    ]
    if all(i is None for i in items):
        return Derived(None)
    return Derived(sum(1 for i in items if i))


@derived
def chronic_back_pain_young(case: Case, kb: Knowledge) -> Derived:
    """Chronic back pain that began young: where axial spondyloarthritis is looked for (ASAS entry)."""
    if case.duration_weeks is None or back_pain(case, kb).value is not True:
        return Derived(None)
    began = onset_age(case)
    if began is None:
        return Derived(None)
    weeks, before = parameter(kb, "axial_chronic_from_weeks"), parameter(kb, "axial_onset_before_age")
    return Derived(
        case.duration_weeks >= weeks and began < before,
        f"back pain for {weeks:g} weeks or more that began before {before:g}",
    )


@derived
def lateral_thigh_only(case: Case, kb: Knowledge) -> Derived:
    regions = {r for s in WHERE for r in leg_regions(case, kb, s)}
    return Derived(regions == {"lateral_thigh"} if regions else None)


@derived
def sole_only(case: Case, kb: Knowledge) -> Derived:
    regions = {r for s in WHERE for r in leg_regions(case, kb, s)}
    return Derived(regions <= items_of(kb, "sole") if regions else None)


@derived
def groin_pain(case: Case, kb: Knowledge) -> Derived:
    return Derived(True if any("groin" in case.regions("pain", s) for s in WHERE) else None)


@derived
def upper_lumbar_band(case: Case, kb: Knowledge) -> Derived:
    """Leg symptoms only in the front or inner thigh and knee, the thigh included: where an L2-L4 root is felt,
    so that symptoms staying above the knee do not count against a root here."""
    regions = {r for s in WHERE for r in leg_regions(case, kb, s)}
    if not regions:
        return Derived(None)
    band = items_of(kb, "upper_lumbar_band")
    return Derived(
        regions <= band and bool(regions & items_of(kb, "thigh")), "symptoms in the front of the thigh"
    )


@derived
def distal_pain_only(case: Case, kb: Knowledge) -> Derived:
    """Pain in the calf, ankle or foot alone: no back, buttock, thigh or knee pain, and no numbness or tingling.
    A root's pain usually runs down from the buttock or thigh; pain kept to the lower leg is more often local."""
    pain = {r for s in WHERE for r in case.regions("pain", s)}
    if not pain or case.history.back_pain:
        return Derived(None)
    if any(leg_regions(case, kb, s, ("numbness", "tingling")) for s in WHERE):
        return Derived(False)
    return Derived(
        all(kb.regions[r].leg and kb.regions[r].below_knee for r in pain),
        "pain only in the lower leg or foot",
    )
