"""The question bank: questions.yaml as typed data, validated on load, each question expanded per leg."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from nerveroot.assessment import Assessment
from nerveroot.case import REGIONS, SIDES, Side, parse_case
from nerveroot.engine.knowledge import Knowledge, load_knowledge
from nerveroot.engine.knowledge_common import LEVELS, Sourced
from nerveroot.errors import AnswerError, CaseError, KnowledgeError, Problem
from nerveroot.yamlfile import load_yaml

Kind = Literal["yes_no", "choice", "grade", "number", "regions"]
Phase = Literal["red_flags", "discriminate"]
NOT_SURE = "not_sure"
_LEVELS: tuple[str, ...] = LEVELS
_DEMOGRAPHIC = frozenset({"age", "age_at_onset", "sex", "duration_weeks", "onset"})


# ------------------------------------------------------------------------------------------ the contract
@dataclass(frozen=True)
class Option:
    value: Any
    label: str


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    why: str
    kind: Kind
    options: tuple[Option, ...]  # always ends with "not_sure", which leaves the field absent
    answers: str  # the case path it fills; a screen lists the paths it covers, comma-separated
    phase: Phase
    instructions: str | None = None
    safety: str | None = None


@dataclass(frozen=True)
class Step:
    question: Question | None  # None when the interview is done
    assessment: Assessment  # the assessment of the case so far (always present)
    asked: tuple[str, ...]  # question ids asked so far, in order
    progress: float  # 0..1: questions asked / (asked + an estimate of those still to come)
    done: bool


# ------------------------------------------------------------------------------------------ the data file
class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _OptionSpec(_Data):
    value: Any
    label: str
    normal: bool = False


class _QuestionSpec(_Data):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    phase: Phase
    kind: Kind
    text: str
    why: str
    answers: str | None = None
    options: list[_OptionSpec] | None = None
    instructions: str | None = None
    safety: str | None = None
    covers: list[str] | None = None
    follows: str | None = None
    probe: list[float] | None = None
    first: bool = False
    intake: bool = False  # asked once after the body map, whatever it is expected to change (age, duration)
    who: Literal["person", "home_test", "strength", "clinician"] = "person"

    @model_validator(mode="after")
    def _shape(self) -> _QuestionSpec:
        if (self.answers is None) == (self.covers is None):
            raise ValueError("a question needs exactly one of 'answers' (a case path) or 'covers' (a screen)")
        if self.covers is not None and (self.kind != "yes_no" or self.phase != "red_flags"):
            raise ValueError("a screen ('covers') is a red_flags yes_no question")
        if self.kind == "choice" and not self.options:
            raise ValueError("a choice question needs options")
        if self.kind == "number" and not self.probe:
            raise ValueError("a number question needs probe values (what the interview tries)")
        if self.kind in ("yes_no", "regions", "number") and self.options:
            raise ValueError(f"a {self.kind} question takes no options")
        return self


class _AnswerModel(Sourced):
    yes_prior: float = Field(gt=0, lt=1)
    normal_prior: float = Field(gt=0, lt=1)


class _Stop(Sourced):
    change_at_most: float = Field(ge=0, lt=1)
    floor_open_at_most: int = Field(ge=1)
    separates_at_least: float = Field(gt=0, lt=1)
    mimic_in_play_at_least: float = Field(gt=0, lt=1)
    settled_root_at_least: float = Field(gt=0, le=1)


class _File(_Data):
    answer_model: _AnswerModel
    stop: _Stop
    questions: list[_QuestionSpec]


_YES_NO = (
    _OptionSpec(value="yes", label="Yes"),
    _OptionSpec(value="no", label="No", normal=True),
)
_GRADES = (
    _OptionSpec(value=5, label="full strength, as on the other side", normal=True),
    _OptionSpec(value="4+", label="slightly weak"),
    _OptionSpec(value=4, label="weak against resistance"),
    _OptionSpec(value="4-", label="clearly weak against resistance"),
    _OptionSpec(value=3, label="moves against gravity, not against resistance"),
    # "cannot lift it at all" is 2/5 or less (PRODUCT.md capability 4): urgent, as in the reader
    _OptionSpec(value=2, label="cannot lift it at all against gravity; it moves only when supported"),
    _OptionSpec(value=1, label="a flicker, no movement"),
    _OptionSpec(value=0, label="no movement at all"),
    _OptionSpec(value=True, label="weaker than the other side, not graded"),
)
_NOT_SURE = Option(NOT_SURE, "Not sure / not tested")


@dataclass(frozen=True)
class _Q:
    """One question as asked: the public form plus what the engine side needs."""

    public: Question
    spec: _QuestionSpec
    side: Side | None
    options: tuple[_OptionSpec, ...]

    @property
    def id(self) -> str:
        return self.public.id

    @property
    def path(self) -> str:
        return self.public.answers


@dataclass(frozen=True)
class _Bank:
    model: _AnswerModel
    stop: _Stop
    items: tuple[_Q, ...]
    by_id: Mapping[str, _Q] = field(default_factory=dict)
    family: Mapping[str, tuple[_Q, ...]] = field(default_factory=dict)  # by question id in the file

    def covered(self, screen: _Q) -> list[_Q]:
        return [q for c in screen.spec.covers or [] for q in self.family.get(c, ())]


def _fill(text: str, side: Side | None) -> str:
    return text.replace("{side}", side) if side else text


def _expand(spec: _QuestionSpec, kb: Knowledge) -> Iterator[_Q]:
    options: tuple[_OptionSpec, ...]
    if spec.kind == "yes_no":
        options = _YES_NO
    elif spec.kind == "grade":
        options = tuple(spec.options or _GRADES)
    elif spec.kind == "regions":
        options = tuple(_OptionSpec(value=r, label=kb.regions[r].label) for r in REGIONS if r in kb.regions)
    else:
        options = tuple(spec.options or ())
    sided = spec.answers is not None and "{side}" in spec.answers
    for side in SIDES if sided else (None,):
        public = Question(
            id=f"{spec.id}.{side}" if side else spec.id,
            text=_fill(spec.text, side),
            why=_fill(spec.why, side),
            kind=spec.kind,
            options=(*(Option(o.value, o.label) for o in options), _NOT_SURE),
            answers=_fill(spec.answers or "", side),
            phase=spec.phase,
            instructions=_fill(spec.instructions, side) if spec.instructions else None,
            safety=_fill(spec.safety, side) if spec.safety else None,
        )
        yield _Q(public, spec, side, options)


def load_questions_from(folder: Path | Any, kb: Knowledge | None = None) -> _Bank:
    """Read and check questions.yaml: unknown keys refused, every path a real case field, screens coherent."""
    kb = kb or load_knowledge()
    try:
        raw = load_yaml((folder / "questions.yaml").read_text(encoding="utf-8"))
        data = _File.model_validate(raw)
    except FileNotFoundError:
        raise KnowledgeError(f"questions.yaml is missing from {folder}") from None
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"questions.yaml is not valid YAML: {exc}") from None
    except ValidationError as exc:
        problems = [
            Problem(
                ".".join(str(p) for p in e["loc"]),
                e["msg"],
                None if isinstance(e.get("input"), dict) else e.get("input"),
            )
            for e in exc.errors()
        ]
        raise KnowledgeError("questions.yaml is not valid", problems) from None
    items: list[_Q] = []
    for spec in data.questions:
        items.extend(_expand(spec, kb))
    specs = {s.id: s for s in data.questions}
    problems = list(_cross_check(data.questions, specs, items))
    if problems:
        raise KnowledgeError("questions.yaml is inconsistent", problems)
    family: dict[str, tuple[_Q, ...]] = {}
    for q in items:
        family[q.spec.id] = (*family.get(q.spec.id, ()), q)
    # a screen's public `answers` lists the paths of the questions it covers
    items = [_screen_paths(q, family) for q in items]
    return _Bank(data.answer_model, data.stop, tuple(items), {q.id: q for q in items}, family)


def _screen_paths(q: _Q, family: Mapping[str, tuple[_Q, ...]]) -> _Q:
    if not q.spec.covers:
        return q
    paths = ",".join(s.path for c in q.spec.covers for s in family[c])
    return _Q(Question(**{**q.public.__dict__, "answers": paths}), q.spec, q.side, q.options)


def _cross_check(
    specs: Sequence[_QuestionSpec], by_spec: Mapping[str, _QuestionSpec], items: Sequence[_Q]
) -> Iterator[Problem]:
    ids = [s.id for s in specs]
    for twice in sorted({i for i in ids if ids.count(i) > 1}):
        yield Problem("questions", "a question id is used twice", twice)
    for spec in specs:
        for cover in spec.covers or []:
            target = by_spec.get(cover)
            if target is None or target.follows != spec.id:
                yield Problem(
                    f"questions.{spec.id}.covers", f"must name a question that follows {spec.id}", cover
                )
        if spec.follows is not None:
            screen = by_spec.get(spec.follows)
            if screen is None or spec.id not in (screen.covers or []):
                yield Problem(
                    f"questions.{spec.id}.follows", "must name a screen that covers it", spec.follows
                )
    from nerveroot.interview.answers import _to_value, _write  # answers reads the bank: imported here

    for q in items:
        if q.spec.covers:
            continue
        sample = next((o.value for o in q.options), q.spec.probe[0] if q.spec.probe else None)
        if q.spec.kind == "regions":
            sample = ["low_back"] if q.side else {"left": ["low_back"]}
        try:
            parse_case(_write({}, q, _to_value(q, sample)))
        except (CaseError, AnswerError, KeyError, TypeError) as exc:
            yield Problem(
                f"questions.{q.id}.answers",
                f"not a case field that takes this kind of answer ({exc})",
                q.path,
            )


@cache
def _bank() -> _Bank:
    return load_questions_from(resources.files("nerveroot") / "knowledge")


def questions() -> tuple[Question, ...]:
    """The whole questionnaire, one entry per question as asked (a test on each leg counts twice)."""
    return tuple(q.public for q in _bank().items)
