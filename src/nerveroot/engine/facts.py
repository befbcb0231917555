"""The case as flat facts: finding id -> value, plus derived facts that summarise several findings.

Findings and rules in the knowledge base read facts by id (``weakness.left.great_toe_extension``,
``history.fever``, ``derived.objective_weakness``). A derived fact is ``None`` when the case does not say
(unknown), which is not the same as ``False``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nerveroot.case import SIDES, WHERE, Case, Where, grade_value

if TYPE_CHECKING:
    from nerveroot.engine.knowledge import Knowledge

SYMPTOM_KINDS = ("pain", "numbness", "tingling")
_REFLEXES = ("patellar", "achilles", "medial_hamstring")
_WEAK_TESTS = ("heel_walk", "toe_walk", "single_leg_sit_to_stand")
_SOLE = frozenset({"sole", "heel", "medial_foot", "medial_ankle"})
_HEEL_RAISE_WEAK_BELOW = 10  # same threshold as findings.yaml heel_raise_weak


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


# ------------------------------------------------------------------------------------------ helpers
def _symptom_regions(case: Case, side: Where) -> set[str]:
    return {r for kind in SYMPTOM_KINDS for r in case.regions(kind, side)}


def _leg_regions(case: Case, kb: Knowledge, side: Where, kinds: tuple[str, ...] = SYMPTOM_KINDS) -> set[str]:
    return {r for kind in kinds for r in case.regions(kind, side) if kb.regions[r].leg}


def _any_reported(case: Case) -> bool:
    return any(_symptom_regions(case, side) for side in WHERE)


def _weak_items(case: Case, side: Where) -> list[tuple[str, float]]:
    # Sorted so that the order findings were written in never changes the words of a reason.
    return sorted(
        (m, grade_value(g)) for m, g in (getattr(case.weakness, side) or {}).items() if grade_value(g) < 5
    )


def _weak_tests(case: Case, side: Where) -> list[str]:
    tests = getattr(case.tests, side)
    if tests is None:
        return []
    weak = [name for name in _WEAK_TESTS if getattr(tests, name) == "weak"]
    if tests.single_leg_heel_raise is not None and tests.single_leg_heel_raise < _HEEL_RAISE_WEAK_BELOW:
        weak.append("single_leg_heel_raise")
    return weak


def _words(name: str) -> str:
    return name.replace("_", " ")


def on_side(side: Where) -> str:
    """Plain words for where a finding is: "on the left", or that no side was given."""
    return "on a side not given" if side == "unknown" else f"on the {side}"


def _grade_text(grade: float) -> str:
    return {4.5: "4+", 3.5: "4-"}.get(grade, f"{grade:g}")


def side_involved(case: Case, kb: Knowledge, side: Where) -> bool:
    """Does this leg show anything a compressed root on its side would cause?"""
    if _leg_regions(case, kb, side):
        return True
    if any(v in ("reduced", "absent") for v in (getattr(case.sensation, side) or {}).values()):
        return True
    if _weak_items(case, side) or _weak_tests(case, side):
        return True
    reflexes = getattr(case.reflexes, side)
    if reflexes and any(getattr(reflexes, r) in ("reduced", "absent") for r in _REFLEXES):
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


def _onset_age(case: Case) -> float | None:
    """The age the symptoms began: given, or worked out from the age and the duration."""
    if case.age_at_onset is not None:
        return case.age_at_onset
    if case.age is not None and case.duration_weeks is not None:
        return case.age - case.duration_weeks / 52
    return None


# ------------------------------------------------------------------------------------------ derived facts
@derived
def leg_symptoms(case: Case, kb: Knowledge) -> Derived:
    if any(_leg_regions(case, kb, s) for s in WHERE):
        return Derived(True)
    if any(side_involved(case, kb, s) for s in WHERE):
        return Derived(None)  # a weak or numb leg on examination is not "back pain only", whatever was drawn
    return Derived(False if _any_reported(case) else None)


@derived
def below_knee_symptoms(case: Case, kb: Knowledge) -> Derived:
    regions = {r for s in WHERE for r in _leg_regions(case, kb, s)}
    located = {r for r in regions if kb.regions[r].view != "none" or kb.regions[r].below_knee}
    if not located:
        return Derived(None)
    return Derived(any(kb.regions[r].below_knee for r in located))


@derived
def back_pain(case: Case, kb: Knowledge) -> Derived:
    """Pain in the lower back or buttock; False only when pain is mapped elsewhere and not there."""
    pain = {r for s in WHERE for r in case.regions("pain", s)}
    if pain & {"low_back", "buttock"}:
        return Derived(True)
    if case.history.back_pain is not None:
        return Derived(case.history.back_pain)
    return Derived(False if pain else None)


@derived
def sensory_symptoms(case: Case, kb: Knowledge) -> Derived:
    found = any(_leg_regions(case, kb, s, ("numbness", "tingling")) for s in WHERE)
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
        f"{_words(m)} {on_side(s)} ({_grade_text(g)}/5)" if g != 4.0 else f"{_words(m)} {on_side(s)}"
        for s in WHERE
        for m, g in _weak_items(case, s)
    ] + [f"{_words(t)} {on_side(s)}" for s in WHERE for t in _weak_tests(case, s)]
    if weak:
        return Derived(True, "weak " + ", ".join(weak))
    tested = any(getattr(case.weakness, s) for s in WHERE) or any(
        getattr(case.tests, s) is not None and any(getattr(getattr(case.tests, s), t) for t in _WEAK_TESTS)
        for s in WHERE
    )
    return Derived(False if tested else None)


@derived
def min_grade(case: Case, kb: Knowledge) -> Derived:
    items = [(g, m, s) for s in WHERE for m, g in _weak_items(case, s)]
    if not items:
        return Derived(None)
    grade, movement, side = min(items)
    return Derived(grade, f"{_words(movement)} {on_side(side)} graded {_grade_text(grade)}/5")


@derived
def bilateral_weakness(case: Case, kb: Knowledge) -> Derived:
    sides = [s for s in SIDES if _weak_items(case, s) or _weak_tests(case, s)]
    if len(sides) == 2:
        return Derived(True, "weakness in both legs")
    return Derived(False if sides else None)


@derived
def reflex_lost(case: Case, kb: Knowledge) -> Derived:
    values = [
        (s, r, getattr(getattr(case.reflexes, s), r))
        for s in WHERE
        if getattr(case.reflexes, s) is not None
        for r in _REFLEXES
    ]
    values = [v for v in values if v[2] is not None]
    if not values:
        return Derived(None)
    lost = [f"{_words(r)} reflex {v} {on_side(s)}" for s, r, v in values if v in ("reduced", "absent")]
    return Derived(bool(lost), ", ".join(lost) or None)


@derived
def brisk_reflexes(case: Case, kb: Knowledge) -> Derived:
    found = any(
        getattr(getattr(case.reflexes, s), r) == "brisk"
        for s in WHERE
        if getattr(case.reflexes, s) is not None
        for r in _REFLEXES
    )
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
    return Derived(True, ", ".join(signs)) if signs else Derived(None)


@derived
def bilateral_leg_symptoms(case: Case, kb: Knowledge) -> Derived:
    sides = [s for s in SIDES if _leg_regions(case, kb, s)]
    return Derived(len(sides) == 2 if sides else None)


@derived
def female_over_50(case: Case, kb: Knowledge) -> Derived:
    if case.sex is None or case.age is None:
        return Derived(None)
    return Derived(case.sex == "female" and case.age >= 50)


@derived
def asas_criteria(case: Case, kb: Knowledge) -> Derived:
    """How many of the five ASAS inflammatory back pain features are present (sieper_2009)."""
    h = case.history
    onset_age = _onset_age(case)
    items = [
        None if onset_age is None else onset_age < 40,
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
    """Back pain for 3 months or more that began before 45: where axial spondyloarthritis is looked for."""
    if case.duration_weeks is None or back_pain(case, kb).value is not True:
        return Derived(None)
    onset_age = _onset_age(case)
    if onset_age is None:
        return Derived(None)
    return Derived(
        case.duration_weeks >= 12 and onset_age < 45, "back pain for 3 months or more that began before 45"
    )


@derived
def lateral_thigh_only(case: Case, kb: Knowledge) -> Derived:
    regions = {r for s in WHERE for r in _leg_regions(case, kb, s)}
    return Derived(regions == {"lateral_thigh"} if regions else None)


@derived
def sole_only(case: Case, kb: Knowledge) -> Derived:
    regions = {r for s in WHERE for r in _leg_regions(case, kb, s)}
    return Derived(regions <= _SOLE if regions else None)


@derived
def groin_pain(case: Case, kb: Knowledge) -> Derived:
    return Derived(True if any("groin" in case.regions("pain", s) for s in WHERE) else None)
