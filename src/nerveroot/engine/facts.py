"""The case as flat facts: finding id -> value, plus derived facts that summarise several findings.

Findings and rules in the knowledge base read facts by id (``weakness.left.great_toe_extension``,
``history.fever``, ``derived.objective_weakness``). A derived fact is ``None`` when the case does not say
(unknown), which is not the same as ``False``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nerveroot.case import WHERE, Case, Where, grade_value

if TYPE_CHECKING:
    from nerveroot.engine.knowledge import Knowledge

SYMPTOM_KINDS = ("pain", "numbness", "tingling")
REFLEXES = ("patellar", "achilles", "medial_hamstring")  # the tendon reflexes of the case (CASE_SCHEMA.md)
WEAK_TESTS = ("heel_walk", "toe_walk", "single_leg_sit_to_stand")  # the case's normal / weak tests

# The numbers and sets the derived facts read, by name, with what each is for. Their values and sources are
# in findings.yaml (`parameters`, `sets`); the knowledge base refuses to load when one is missing.
PARAMETERS: dict[str, str] = {
    "heel_raise_weak_below": "single-leg heel raises below this count are weak",
    "heel_raise_older_from_age": "from this age the older threshold applies",
    "heel_raise_weak_below_older": "single-leg heel raises below this count are weak at older ages",
    "ankle_jerk_age_related_from_age": "from this age lost ankle jerks alone are common without disease",
    "older_woman_from_age": "age from which degenerative spondylolisthesis is more common in women",
    "asas_onset_before_age": "ASAS inflammatory back pain: onset before this age",
    "axial_chronic_from_weeks": "back pain lasting this long is chronic (ASAS entry criterion)",
    "axial_onset_before_age": "chronic back pain beginning before this age is where axial SpA is looked for",
    "older_disc_levels_from_age": "from this age upper lumbar disc levels are more common",
}
SETS: dict[str, str] = {
    "sole": "regions of the tibial nerve at the ankle (tarsal tunnel)",
    "stocking": "the distal regions of a length-dependent polyneuropathy",
    "proximal_movements": "proximal leg muscles (diabetic lumbosacral radiculoplexus neuropathy)",
    "upper_lumbar_band": "the front and inner thigh and knee: where L2-L4 roots are felt above the knee",
    "thigh": "regions of the thigh",
}


def parameter(kb: Knowledge, name: str) -> float:
    return kb.parameters[name].value


def items_of(kb: Knowledge, name: str) -> frozenset[str]:
    return frozenset(kb.sets[name].items)


@dataclass(frozen=True)
class Derived:
    value: Any
    detail: str | None = None


DerivedFn = Callable[[Case, "Knowledge"], Derived]
DERIVED: dict[str, DerivedFn] = {}


def derived(fn: DerivedFn) -> DerivedFn:
    """Register a derived fact under the function's name."""
    DERIVED[fn.__name__] = fn
    return fn


def flatten(case: Case, kb: Knowledge) -> dict[str, Any]:
    """Every value the case gives, by finding id. Region lists become ``pain.left.heel: True``; a warning
    sign the person was not sure of becomes ``unsure.<topic>: True`` (red_flags.yaml topics)."""
    facts: dict[str, Any] = {f"unsure.{topic}": True for topic in unsure_topics(case, kb)}
    for key in ("age", "age_at_onset", "sex", "duration_weeks", "onset"):
        value = getattr(case, key)
        if value is not None:
            facts[key] = value
    for side in WHERE:
        for kind in SYMPTOM_KINDS:
            for region in case.regions(kind, side):
                facts[f"{kind}.{side}.{region}"] = True
        for region, level in (getattr(case.sensation, side) or {}).items():
            facts[f"sensation.{side}.{region}"] = level
        for movement, grade in (getattr(case.weakness, side) or {}).items():
            facts[f"weakness.{side}.{movement}"] = grade_value(grade)
        for group in ("reflexes", "tests"):
            model = getattr(getattr(case, group), side)
            if model is not None:
                for name, value in model.model_dump(exclude_none=True).items():
                    facts[f"{group}.{side}.{name}"] = value
    for group in ("exam", "history"):
        for name, value in getattr(case, group).model_dump(exclude_none=True).items():
            facts[f"{group}.{name}"] = value
    facts.update(imaging_facts(case))
    return facts


def unsure_topics(case: Case, kb: Knowledge) -> dict[str, list[str]]:
    """Warning-sign topics left unsettled, with the words behind each: an answer of "yes" settles one."""
    out: dict[str, list[str]] = {}
    facts = {f"{g}.{k}": v for g in ("history", "exam") for k, v in getattr(case, g).model_dump().items()}
    for item in case.unsure:
        for name, topic in kb.red_flags.topics.items():
            if item.finding in topic.findings and facts.get(item.finding) not in (True, "reduced", "absent"):
                out.setdefault(name, [])
                if item.words:
                    out[name].append(item.words)
    return out


def not_asked(case: Case, kb: Knowledge) -> list[str]:
    """The warning-sign topics every intake asks that this case leaves unanswered (absent is not "no")."""
    facts = {f"{g}.{k}": v for g in ("history", "exam") for k, v in getattr(case, g).model_dump().items()}
    unsure = {item.finding for item in case.unsure}
    return [
        name
        for name, topic in kb.red_flags.topics.items()
        if topic.ask and all(facts.get(f) is None and f not in unsure for f in topic.findings)
    ]


def derive(case: Case, kb: Knowledge) -> dict[str, Derived]:
    return {f"derived.{name}": fn(case, kb) for name, fn in DERIVED.items()}


def imaging_facts(case: Case) -> dict[str, Any]:
    """``imaging.<finding>: True`` for each finding of a scan report; a report naming the cord or the cauda
    equina as compressed counts as that compression."""
    out: dict[str, Any] = {}
    for item in case.imaging:
        out[f"imaging.{item.finding}"] = True
        if item.compresses in ("cord", "cauda_equina"):
            out[f"imaging.{item.compresses}_compression"] = True
    return out


# ------------------------------------------------------------------------------------------ helpers
def symptom_regions(case: Case, side: Where) -> set[str]:
    return {r for kind in SYMPTOM_KINDS for r in case.regions(kind, side)}


def leg_regions(case: Case, kb: Knowledge, side: Where, kinds: tuple[str, ...] = SYMPTOM_KINDS) -> set[str]:
    return {r for kind in kinds for r in case.regions(kind, side) if kb.regions[r].leg}


def any_reported(case: Case) -> bool:
    return any(symptom_regions(case, side) for side in WHERE)


def weak_items(case: Case, side: Where) -> list[tuple[str, float]]:
    # Sorted so that the order findings were written in never changes the words of a reason.
    return sorted(
        (m, grade_value(g)) for m, g in (getattr(case.weakness, side) or {}).items() if grade_value(g) < 5
    )


def weak_tests(case: Case, side: Where, kb: Knowledge) -> list[str]:
    tests = getattr(case.tests, side)
    if tests is None:
        return []
    weak = [name for name in WEAK_TESTS if getattr(tests, name) == "weak"]
    if tests.single_leg_heel_raise is not None and tests.single_leg_heel_raise < heel_raise_threshold(
        case, kb
    ):
        weak.append("single_leg_heel_raise")
    return weak


def heel_raise_threshold(case: Case, kb: Knowledge) -> float:
    """Fewer single-leg heel raises than this are weak: healthy people manage fewer with age."""
    older = case.age is not None and case.age >= parameter(kb, "heel_raise_older_from_age")
    return parameter(kb, "heel_raise_weak_below_older" if older else "heel_raise_weak_below")


def words(name: str) -> str:
    return name.replace("_", " ")


def on_side(side: Where) -> str:
    """Plain words for where a finding is: "on the left", or that no side was given."""
    return "on a side not given" if side == "unknown" else f"on the {side}"


def grade_text(grade: float) -> str:
    return {4.5: "4+", 3.5: "4-"}.get(grade, f"{grade:g}")


def side_involved(case: Case, kb: Knowledge, side: Where) -> bool:
    """Does this leg show anything a compressed root on its side would cause?"""
    if leg_regions(case, kb, side):
        return True
    if any(v in ("reduced", "absent") for v in (getattr(case.sensation, side) or {}).values()):
        return True
    if weak_items(case, side) or weak_tests(case, side, kb):
        return True
    reflexes = getattr(case.reflexes, side)
    if reflexes and any(getattr(reflexes, r) in ("reduced", "absent") for r in REFLEXES):
        return True
    tests = getattr(case.tests, side)
    if tests and "positive" in (tests.straight_leg_raise, tests.femoral_nerve_stretch, tests.slump):
        return True
    if side == "unknown":
        return False
    other: Where = "right" if side == "left" else "left"
    crossed = getattr(case.tests, other)
    return bool(
        crossed and "positive" in (crossed.crossed_straight_leg_raise, crossed.crossed_femoral_nerve_stretch)
    )


def onset_age(case: Case) -> float | None:
    """The age the symptoms began: given, or worked out from the age and the duration."""
    if case.age_at_onset is not None:
        return case.age_at_onset
    if case.age is not None and case.duration_weeks is not None:
        return case.age - case.duration_weeks / 52
    return None


# The derived facts register themselves on import (they use the helpers above).
from nerveroot.engine import derived_facts as _derived_facts  # noqa: E402,F401
