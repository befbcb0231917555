"""The case: what a person reports and a clinician finds (CASE_SCHEMA.md as Pydantic models).

Every field is optional, and an absent field means "not asked / unknown", never "no". Unknown keys are
refused so that a typo cannot silently become "unknown". The ids here are the project's one vocabulary:
the engine, the text reader, the database, the API and the web form all use them.

Additions to CASE_SCHEMA.md (the schema allows the project to add fields):
- regions ``leg`` and ``foot``: symptoms somewhere in the leg or foot that the person did not localise;
- history ``knock_or_pressure_at_fibular_head``, ``cold_feet``, ``sudden_severe_pain``, ``abdominal_pain``,
  ``faintness_or_collapse``, ``known_aneurysm``; exam ``pulsatile_abdominal_mass`` and
  ``arm_pulse_difference`` (a radial pulse or the blood pressure differing between the arms, the pulse deficit
  of an aortic dissection): what separates the look-alikes;
- history ``back_pain``: "there is no back pain" said in words, or by a pain map that asked where it hurts and
  has marks only elsewhere (``back_pain_from_map``); pain that is merely not mentioned says nothing of the back;
- movement ``leg``: "my legs are weak", the movement not said;
- side ``unknown`` beside ``left`` and ``right``: a finding whose side was not given (CASE_SCHEMA.md "Sides
  that are not known"); it is never read as left;
- ``unsure``: warning-sign questions the person answered "not sure", or that a text raised without settling.
  "Not sure" is not "no": the engine raises the triage for them and lists them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from nerveroot.errors import CaseError, Problem

Side = Literal["left", "right"]
SIDES: tuple[Side, Side] = ("left", "right")
# Where a sided finding was felt or found: a leg, or "unknown" when the person named no side.
Where = Literal["left", "right", "unknown"]
WHERE: tuple[Where, Where, Where] = ("left", "right", "unknown")

Region = Literal[
    "low_back", "buttock", "lateral_hip", "groin",
    "anterior_thigh", "medial_thigh", "lateral_thigh", "posterior_thigh",
    "anterior_knee", "medial_knee", "popliteal_fossa", "lateral_knee",
    "anterior_shin", "medial_shin", "lateral_calf", "posterior_calf",
    "medial_ankle", "lateral_ankle",
    "dorsum_foot", "great_toe", "medial_foot", "lateral_foot", "little_toe", "heel", "sole",
    "leg", "foot",
]  # fmt: skip
REGIONS: tuple[str, ...] = get_args(Region)

Movement = Literal[
    "hip_flexion", "hip_adduction", "hip_abduction", "hip_extension",
    "knee_extension", "knee_flexion",
    "ankle_dorsiflexion", "ankle_plantarflexion", "great_toe_extension", "toe_flexion",
    "foot_eversion", "foot_inversion",
    "leg",  # project addition: "my legs are weak", the movement not said (counts as weakness, names no root)
]  # fmt: skip
MOVEMENTS: tuple[str, ...] = get_args(Movement)

SensationLevel = Literal["normal", "reduced", "absent", "increased"]
ReflexLevel = Literal["normal", "reduced", "absent", "brisk"]
Sign = Literal["positive", "negative"]
Ability = Literal["normal", "weak"]

_GRADE_WORDS = {"4+": 4.5, "4-": 3.5}


def grade_value(grade: int | float | str | bool) -> float:
    """The MRC grade as a number: 5 is normal; ``true`` (weak, not graded) counts as 4, ``false`` as 5."""
    if isinstance(grade, bool):
        return 4.0 if grade else 5.0
    if isinstance(grade, str):
        return _GRADE_WORDS[grade]
    return float(grade)


def _check_grade(value: Any) -> int | str | bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip().replace("/5", "")
        if text in _GRADE_WORDS:
            return text
        if text.isdigit():
            value = int(text)
        else:
            raise ValueError("expected an MRC grade 0-5, '4+', '4-' or true (weak, not graded)")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and 0 <= value <= 5:
        return value
    raise ValueError("expected an MRC grade 0-5, '4+', '4-' or true (weak, not graded)")


Grade = Annotated[int | str | bool, BeforeValidator(_check_grade)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SidedRegions(_Strict):
    left: list[Region] | None = None
    right: list[Region] | None = None
    unknown: list[Region] | None = None


class SidedSensation(_Strict):
    left: dict[Region, SensationLevel] | None = None
    right: dict[Region, SensationLevel] | None = None
    unknown: dict[Region, SensationLevel] | None = None


class SidedWeakness(_Strict):
    left: dict[Movement, Grade] | None = None
    right: dict[Movement, Grade] | None = None
    unknown: dict[Movement, Grade] | None = None


class Reflexes(_Strict):
    patellar: ReflexLevel | None = None
    medial_hamstring: ReflexLevel | None = None
    achilles: ReflexLevel | None = None
    plantar_response: Literal["flexor", "extensor", "equivocal"] | None = None
    clonus: Literal["absent", "present"] | None = None


class SidedReflexes(_Strict):
    left: Reflexes | None = None
    right: Reflexes | None = None
    unknown: Reflexes | None = None


class Tests(_Strict):
    straight_leg_raise: Sign | None = None
    crossed_straight_leg_raise: Sign | None = None
    femoral_nerve_stretch: Sign | None = None
    crossed_femoral_nerve_stretch: Sign | None = None
    slump: Sign | None = None
    slump_knee_bend: Sign | None = None
    tinel_fibular_head: Sign | None = None
    tinel_tarsal_tunnel: Sign | None = None
    heel_walk: Ability | None = None
    toe_walk: Ability | None = None
    single_leg_sit_to_stand: Ability | None = None
    single_leg_heel_raise: int | None = Field(default=None, ge=0, le=200)
    hip_internal_rotation: Literal["normal", "painful", "limited"] | None = None
    pedal_pulses: Literal["normal", "reduced", "absent"] | None = None
    sij_provocation_positive: int | None = Field(default=None, ge=0, le=5)


class SidedTests(_Strict):
    left: Tests | None = None
    right: Tests | None = None
    unknown: Tests | None = None


_TRUNK = re.compile(r"T([1-9]|1[0-2])|L1")
_VERTEBRA = r"(?:C[1-7]|T(?:[1-9]|1[0-2])|L[1-5]|S[1-5])"
_SPINAL = re.compile(rf"{_VERTEBRA}(?:-{_VERTEBRA})?")
_SHORT_DISC = re.compile(r"^([CTL])(\d{1,2})-(\d{1,2})$")


def _check_trunk(value: Any) -> Any:
    if isinstance(value, str) and _TRUNK.fullmatch(value.strip().upper()):
        return value.strip().upper()
    raise ValueError("expected a trunk segment from 'T1' to 'T12', or 'L1', below which feeling is lost")


def _check_spinal_level(value: Any) -> Any:
    if isinstance(value, str):
        text = value.strip().upper().replace("/", "-").replace("–", "-").replace(" ", "")
        text = _SHORT_DISC.sub(r"\1\2-\1\3", text)  # "L4/5" is the L4-L5 disc
        if _SPINAL.fullmatch(text):
            return text
    raise ValueError("expected a disc space such as 'L4-L5' or 'L5-S1', or a vertebra such as 'L3' or 'T11'")


# A trunk segment below which feeling is lost: the spinal cord, not a root.
SensoryLevel = Annotated[str, BeforeValidator(_check_trunk)]
# A disc space ("L4-L5", "L5-S1", "T12-L1") or a vertebra ("T11", "L3", "S1").
SpinalLevel = Annotated[str, BeforeValidator(_check_spinal_level)]
ImagingFindingId = Literal[
    "disc_bulge", "disc_protrusion", "disc_extrusion", "disc_sequestration",
    "central_stenosis", "lateral_recess_stenosis", "foraminal_stenosis",
    "spondylolisthesis", "spondylolysis", "facet_hypertrophy", "modic_change",
    "fracture", "lytic_lesion", "epidural_abscess", "discitis", "epidural_mass",
    "cord_compression", "cauda_equina_compression", "normal",
]  # fmt: skip
IMAGING_FINDINGS: tuple[str, ...] = get_args(ImagingFindingId)
Compressed = Literal["L1", "L2", "L3", "L4", "L5", "S1", "S2", "cord", "cauda_equina"]


class ImagingFinding(_Strict):
    """One finding of a scan report. Imaging never stands alone: it counts with the picture it fits."""

    modality: Literal["mri", "ct", "xray"]
    finding: ImagingFindingId
    level: SpinalLevel | None = None
    side: Literal["left", "right", "both", "central"] | None = None
    zone: Literal["central", "paracentral", "foraminal", "extraforaminal"] | None = None
    grade: int | None = Field(default=None, ge=1, le=4)
    compresses: Compressed | None = None


class Unsure(_Strict):
    """A warning-sign finding that is not settled: "not sure" on a form, or words a reader could not settle."""

    finding: str
    words: str | None = Field(default=None, max_length=500)

    @model_validator(mode="before")
    @classmethod
    def _from_path(cls, data: Any) -> Any:
        return {"finding": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _known(self) -> Unsure:
        group, _, name = self.finding.partition(".")
        fields = {"history": History.model_fields, "exam": Exam.model_fields}.get(group, {})
        if name not in fields:
            raise ValueError(
                f"{self.finding!r} is not a history or exam finding (e.g. 'history.saddle_numbness')"
            )
        return self


class Exam(_Strict):
    wide_based_gait: bool | None = None
    romberg: Sign | None = None
    perianal_sensation: Literal["normal", "reduced", "absent"] | None = None
    anal_tone: Literal["normal", "reduced"] | None = None
    post_void_residual_ml: float | None = Field(default=None, ge=0, le=5000)
    pulsatile_abdominal_mass: bool | None = None
    arm_pulse_difference: bool | None = None
    sensory_level: SensoryLevel | None = None


class History(_Strict):
    # symptom behaviour
    leg_pain_worse_than_back: bool | None = None
    shooting_or_electric_pain: bool | None = None
    burning_pain: bool | None = None
    worse_cough_sneeze: bool | None = None
    worse_sitting: bool | None = None
    worse_bending_forward: bool | None = None
    worse_walking: bool | None = None
    relieved_by_sitting_or_bending_forward: bool | None = None
    worse_standing: bool | None = None
    worse_extension_or_twisting: bool | None = None
    morning_stiffness_over_30_min: bool | None = None
    pain_at_rest_unrelenting: bool | None = None
    after_lifting_or_bending: bool | None = None
    progressive_weakness: bool | None = None
    known_spondylolisthesis: bool | None = None
    relieved_by_standing_still: bool | None = None
    improves_with_exercise: bool | None = None
    no_improvement_with_rest: bool | None = None
    night_pain_improves_on_getting_up: bool | None = None
    gait_unsteady: bool | None = None
    hand_symptoms: bool | None = None
    pain_uncontrolled_by_analgesia: bool | None = None
    # red flags
    saddle_numbness: bool | None = None
    bladder_dysfunction: bool | None = None
    urinary_retention: bool | None = None
    urinary_incontinence: bool | None = None
    altered_bladder_sensation: bool | None = None
    bowel_incontinence: bool | None = None
    sexual_dysfunction: bool | None = None
    bilateral_leg_symptoms_new: bool | None = None
    ces_symptoms_onset_days: float | None = Field(default=None, ge=0, le=36500)
    history_of_cancer: bool | None = None
    unexplained_weight_loss: bool | None = None
    fever: bool | None = None
    intravenous_drug_use: bool | None = None
    immunosuppression: bool | None = None
    significant_trauma: bool | None = None
    minor_trauma: bool | None = None
    osteoporosis_or_steroid_use: bool | None = None
    thoracic_pain: bool | None = None
    spinal_surgery_within_3_months: bool | None = None
    # risk factors
    diabetes: bool | None = None
    smoker: bool | None = None
    recent_infection: bool | None = None
    previous_spinal_surgery: bool | None = None
    # project additions: what separates the look-alikes
    knock_or_pressure_at_fibular_head: bool | None = None
    cold_feet: bool | None = None
    sudden_severe_pain: bool | None = None
    abdominal_pain: bool | None = None
    faintness_or_collapse: bool | None = None
    known_aneurysm: bool | None = None  # an abdominal aortic aneurysm already known (under surveillance)
    back_pain: bool | None = None  # said in words; a map's low_back / buttock marks take precedence


BLADDER_KINDS = ("urinary_retention", "urinary_incontinence", "altered_bladder_sensation")
_LIFTED = ("onset", "duration_weeks", "age", "age_at_onset", "sex")


class Case(_Strict):
    """One person's case. ``Case.model_validate`` checks shape; :func:`parse_case` gives readable errors."""

    age: float | None = Field(default=None, ge=0, le=120)
    age_at_onset: float | None = Field(default=None, ge=0, le=120)
    sex: Literal["female", "male", "other"] | None = None
    duration_weeks: float | None = Field(default=None, ge=0, le=5200)
    onset: Literal["sudden", "gradual"] | None = None
    pain: SidedRegions = SidedRegions()
    numbness: SidedRegions = SidedRegions()
    tingling: SidedRegions = SidedRegions()
    sensation: SidedSensation = SidedSensation()
    weakness: SidedWeakness = SidedWeakness()
    reflexes: SidedReflexes = SidedReflexes()
    tests: SidedTests = SidedTests()
    exam: Exam = Exam()
    history: History = History()
    imaging: list[ImagingFinding] = Field(default_factory=list, max_length=100)
    unsure: list[Unsure] = Field(default_factory=list, max_length=100)

    @model_validator(mode="before")
    @classmethod
    def _lift_from_history(cls, data: Any) -> Any:
        """CASE_SCHEMA.md lists onset, duration, age and sex under "History: other"; accept them there too."""
        if not isinstance(data, Mapping) or not isinstance(data.get("history"), Mapping):
            return data
        history = dict(data["history"])
        lifted = {k: history.pop(k) for k in _LIFTED if k in history}
        if not lifted:
            return data
        out = dict(data)
        for key, value in lifted.items():
            if key in out and out[key] != value:
                raise ValueError(f"{key} is given twice, as {out[key]!r} and history.{key} = {value!r}")
            out[key] = value
        out["history"] = history
        return out

    @model_validator(mode="after")
    def _coherent(self, info: ValidationInfo) -> Case:
        if isinstance(info.context, Mapping) and info.context.get("contradictions") == "allow":
            return self  # a reader settling what it read asks for them with contradictions()
        problems = [message for _, message in contradictions(self)]
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def regions(self, kind: str, side: Where) -> tuple[str, ...]:
        sided: SidedRegions = getattr(self, kind)
        return tuple(getattr(sided, side) or ())


BACK_REGIONS = frozenset({"low_back", "buttock"})


def back_pain_from_map(pain: Mapping[str, Any]) -> bool | None:
    """What a pain map that asked where it hurts says of the back: false when pain is marked only elsewhere,
    else nothing (a mark on the back says it itself). Words and JSON say it in ``history.back_pain`` only."""
    marked = {r for regions in pain.values() if isinstance(regions, list) for r in regions}
    return False if marked and not marked & BACK_REGIONS else None


def put_back_pain(case: dict[str, Any], said: bool | None) -> None:
    """Set ``history.back_pain`` in a case being built (None removes it), leaving no empty history behind.
    The history is copied, so a case that shares it with another is not changed through it."""
    history = {k: v for k, v in (case.get("history") or {}).items() if k != "back_pain"}
    if said is not None:
        history["back_pain"] = said
    if history:
        case["history"] = history
    else:
        case.pop("history", None)


def contradictions(case: Case) -> Iterator[tuple[tuple[str, str], str]]:
    """Pairs of findings that cannot both hold, as (the two case paths, a message). The rules live here once:
    the case model refuses such a case, and the text reader settles each pair it read."""
    h = case.history
    if h.bladder_dysfunction is False:
        for kind in BLADDER_KINDS:
            if getattr(h, kind):
                yield (
                    ("history.bladder_dysfunction", f"history.{kind}"),
                    f"history.bladder_dysfunction is false but history.{kind} is true: they contradict",
                )
    if case.age is not None and case.age_at_onset is not None and case.age_at_onset > case.age:
        yield ("age_at_onset", "age"), f"age_at_onset {case.age_at_onset:g} is after age {case.age:g}"
    if (
        case.age is not None
        and case.duration_weeks is not None
        and case.duration_weeks > (case.age + 1) * 52.2
    ):
        yield (
            ("duration_weeks", "age"),
            f"duration_weeks {case.duration_weeks:g} is longer than the person's life (age {case.age:g})",
        )


def _path(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(p) for p in loc if p != "[key]")


def _problem(err: Mapping[str, Any]) -> Problem:
    loc = tuple(err.get("loc", ()))
    kind = err.get("type", "")
    value = err.get("input")
    if kind == "extra_forbidden":
        return Problem(
            _path(loc), "is not a known field (check the spelling against docs/case-format.md)", None
        )
    message = str(err.get("msg", "is not valid"))
    message = message.removeprefix("Value error, ")
    if kind in ("literal_error", "enum") and "[key]" in loc:
        message = f"unknown id; {message[0].lower()}{message[1:]}"
    if isinstance(value, Mapping):
        value = None
    return Problem(_path(loc), message, value)


def parse_case(data: Any) -> Case:
    """Validate a decoded JSON object as a case, raising :class:`CaseError` that names each problem."""
    if not isinstance(data, Mapping):
        raise CaseError(
            "a case must be a JSON object",
            [Problem("", f'expected an object like {{"age": 47}}, got {type(data).__name__}', None)],
        )
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(e) for e in exc.errors()]
        raise CaseError(f"the case is not valid ({len(problems)} problem(s))", problems) from None


class _Decoded(dict[str, Any]):
    """A decoded JSON object that remembers keys given twice with different values."""

    conflicts: list[tuple[str, Any, Any]]


def _keep_conflicts(pairs: list[tuple[str, Any]]) -> _Decoded:
    out = _Decoded()
    out.conflicts = []
    for key, value in pairs:
        if key in out and out[key] != value:
            out.conflicts.append((key, out[key], value))
        out[key] = value
    return out


def _conflicts(node: Any, path: str) -> Iterator[Problem]:
    if isinstance(node, _Decoded):
        for key, first, second in node.conflicts:
            yield Problem(
                f"{path}{key}", f"is given twice, as {first!r} and as {second!r}; keep the one that is right"
            )
        for key, value in node.items():
            yield from _conflicts(value, f"{path}{key}.")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _conflicts(value, f"{path}{i}.")


def loads_case_json(text: str, *, where: str = "input") -> Any:
    """Decode JSON, refusing an object that names the same finding twice with different values
    (inversion weak and strong in one case): both are named, since only the person can say which holds."""
    if not text.strip():
        raise CaseError(f"{where} is empty", [Problem("", "expected a JSON object describing one case")])
    try:
        data = json.loads(text, object_pairs_hook=_keep_conflicts)
    except json.JSONDecodeError as exc:
        raise CaseError(
            f"{where} is not valid JSON",
            [Problem(f"line {exc.lineno} column {exc.colno}", exc.msg)],
        ) from None
    problems = list(_conflicts(data, ""))
    if problems:
        raise CaseError("conflicting findings", problems)
    return data


def case_json(case: Case) -> dict[str, Any]:
    """The case as compact JSON: unknown (absent) fields are left out, so they stay unknown."""
    return case.model_dump(mode="json", exclude_none=True, exclude_defaults=True)


def value_at(case: Mapping[str, Any], path: str) -> Any:
    """The value at a dotted case path ("history.saddle_numbness") of a case as JSON, or None when it is not
    there: not asked, which is not "no"."""
    node: Any = case
    for key in path.split("."):
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    return node


def put_value_at(case: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted case path, making the mappings along it."""
    node = case
    *parents, leaf = path.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    node[leaf] = value
