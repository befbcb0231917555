"""The adaptive interview: warning signs first, then the question that best separates what is still possible.

Pure: the case so far and the ids already asked go in, the next question (or none) and the assessment so
far come out; no clock, no state between calls (the questions file is read once, as the knowledge base is).
The questions are data (knowledge/questions.yaml), validated on load.

Order. The red-flag screens come first, every time; "yes" to a screen opens its questions one by one,
skipping those whose answer could no longer change the conclusion. Then the body map, until it records
where the symptoms are. Then the most valuable question: for every answer of every question not yet asked (the
options; for numbers and body maps, a few representative answers), the real engine is run. A question's
value is the expected fall in uncertainty (the entropies of the pattern, root x side and cause posteriors)
plus the chance that its answer changes the conclusion (pattern label, top root and side, triage; a rise
in triage weighs more), both times the chance that this person can answer it at all, learnt from their
"not sure" answers so far. A look-alike in play brings forward the question that separates it (issue 6);
an abnormal sign in one leg brings the same question for the other leg.

How likely an answer is: a base rate (answer_model in questions.yaml) times the answer's likelihood ratio
under each hypothesis, averaged over the current posterior; the ratios are read from the engine's own hits
for the case with and without the answer (naive Bayes over the knowledge base).

Stop when no question has more than a small chance of changing the conclusion, or the top root is settled
and nothing could change the triage (the `stop` block of questions.yaml).
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from nerveroot.assessment import Assessment
from nerveroot.case import REGIONS, SIDES, Case, Side, parse_case
from nerveroot.engine import assess
from nerveroot.engine.cause import infer_cause
from nerveroot.engine.evidence import collect_hits
from nerveroot.engine.facts import derive, flatten, side_involved
from nerveroot.engine.knowledge import LEVELS, Knowledge, Sourced, load_knowledge
from nerveroot.engine.level import infer_level
from nerveroot.engine.pattern import infer_pattern, likely_mimics
from nerveroot.engine.triage import triage
from nerveroot.errors import AnswerError, CaseError, KnowledgeError, Problem

__all__ = [
    "NOT_SURE",
    "Option",
    "Question",
    "Step",
    "answer_from_case",
    "apply_answer",
    "load_questions_from",
    "next_step",
    "questions",
]

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
    _OptionSpec(value=2, label="moves only with gravity taken away"),
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
        raw = yaml.safe_load((folder / "questions.yaml").read_text(encoding="utf-8"))
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


# ------------------------------------------------------------------------------------------ answers
def _allowed(q: _Q) -> str:
    kind = q.spec.kind
    if kind == "grade":
        return "an MRC grade 0-5, '4+', '4-', true (weaker, not graded) or 'not_sure'"
    if kind == "number":
        return "a number, or 'not_sure'"
    if kind == "regions":
        shape = "a list of region ids" if q.side else 'an object like {"left": ["buttock"], "right": []}'
        return f"{shape} (region ids: {', '.join(REGIONS)}), or 'not_sure'"
    return ", ".join(repr(o.value) for o in q.public.options)


def _refuse(q: _Q, answer: Any, why: str) -> AnswerError:
    return AnswerError(
        f"the answer to question {q.id!r} does not fit: {why}",
        [Problem(q.id, f"expected {_allowed(q)}", answer)],
    )


def _to_value(q: _Q, answer: Any) -> Any:
    """The value to write into the case, or NOT_SURE; raises AnswerError naming the allowed answers."""
    if answer is None or answer == NOT_SURE:
        return NOT_SURE
    kind = q.spec.kind
    if kind == "yes_no":
        table = {"yes": True, "no": False, True: True, False: False}
        if isinstance(answer, str | bool) and answer in table:
            return table[answer]
        raise _refuse(q, answer, "not one of the options")
    if kind == "choice":
        for o in q.options:
            if answer == o.value and type(answer) is type(o.value):
                return o.value
        raise _refuse(q, answer, "not one of the options")
    if kind == "grade":
        if isinstance(answer, bool | int | float | str):
            return answer
        raise _refuse(q, answer, "not a strength grade")
    if kind == "number":
        if isinstance(answer, str):
            try:
                answer = float(answer)
            except ValueError:
                raise _refuse(q, answer, "not a number") from None
        if isinstance(answer, bool) or not isinstance(answer, int | float) or not math.isfinite(answer):
            raise _refuse(q, answer, "not a number")
        return answer
    return _regions_value(q, answer)


def _regions_value(q: _Q, answer: Any) -> Any:
    def check(items: Any) -> list[str]:
        if not isinstance(items, list) or not all(isinstance(r, str) for r in items):
            raise _refuse(q, answer, "expected a list of region ids")
        unknown = [r for r in items if r not in REGIONS]
        if unknown:
            raise _refuse(q, answer, f"unknown region id(s) {', '.join(unknown)}")
        return list(dict.fromkeys(items))

    if q.side is not None:
        return check(answer)
    if not isinstance(answer, Mapping) or not set(answer) <= set(SIDES):
        raise _refuse(q, answer, "expected an object with 'left' and/or 'right'")
    return {side: check(answer[side]) for side in SIDES if side in answer}


def _write(case: Mapping[str, Any], q: _Q, value: Any) -> dict[str, Any]:
    """A copy of the case with the question's path set to the value (or removed, for NOT_SURE)."""
    out = copy.deepcopy(dict(case))
    keys = q.path.split(".")
    if value is not NOT_SURE and q.spec.kind == "regions" and keys[0] == "sensation":
        value = dict.fromkeys(value, "reduced")
    node: dict[str, Any] = out
    trail: list[dict[str, Any]] = []
    for key in keys[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            if value is NOT_SURE:
                return out
            child = {}
        child = dict(child)
        node[key] = child
        trail.append(node)
        node = child
    if value is NOT_SURE:
        node.pop(keys[-1], None)
        for parent, key in zip(reversed(trail), reversed(keys[:-1]), strict=True):
            if not parent[key]:
                del parent[key]
    else:
        node[keys[-1]] = value
    return out


def apply_answer(
    case: Mapping[str, Any], question_id: str, answer: Any, asked: Sequence[str] = ()
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Record one answer: (new case, new asked). The case given is never changed.

    "not_sure" (or None) leaves the field absent. Raises AnswerError naming the question and the allowed
    answers when the answer does not fit (wrong type, unknown option, or a contradiction with the case).
    """
    bank = _bank()
    q = bank.by_id.get(question_id)
    if q is None:
        raise AnswerError(
            f"there is no question {question_id!r}",
            [Problem("question_id", "expected an id from questions(), such as 'ces_screen'", question_id)],
        )
    parse_case(case)
    value = _to_value(q, answer)
    new_asked = list(asked) if question_id in asked else [*asked, question_id]
    if q.spec.covers:
        new = copy.deepcopy(dict(case))
        if value is not True:  # "no" or "not sure": the screen answers for each question it covers
            for sub in bank.covered(q):
                if value is False and sub.spec.kind == "yes_no" and _get(new, sub.path) is None:
                    new = _write(new, sub, False)
                if sub.id not in new_asked:
                    new_asked.append(sub.id)
    else:
        new = _write(case, q, value)
    try:
        parse_case(new)
    except CaseError as exc:
        raise AnswerError(
            f"the answer to question {q.id!r} does not fit the case: {exc.message}",
            [Problem(q.id, f"expected {_allowed(q)}", answer), *exc.problems],
        ) from None
    return new, tuple(new_asked)


def _get(case: Mapping[str, Any], path: str) -> Any:
    node: Any = case
    for key in path.split("."):
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    return node


def answer_from_case(question_id: str, case: Mapping[str, Any]) -> Any:
    """What a person whose full case this is would answer: the recorded value, or "not_sure" when the case
    does not say. A screen is "yes" when any warning sign it covers is recorded, "no" when all are recorded
    and none is a warning sign. Used to replay a known case, and by the simulated people of the tests."""
    bank = _bank()
    q = bank.by_id[question_id]
    if q.spec.covers:
        if any(_get(case, s.path) is True for s in bank.covered(q)) or _warning_recorded(q, case, bank):
            return "yes"
        known = [answer_from_case(s.id, case) for s in bank.covered(q)]
        return "no" if all(a != NOT_SURE for a in known) else NOT_SURE
    value = _get(case, q.path)
    if value is None:
        return NOT_SURE
    if q.spec.kind == "yes_no":
        return "yes" if value else "no"
    if q.spec.kind == "regions":
        if q.side is not None:
            if isinstance(value, Mapping):
                return [r for r, level in value.items() if level in ("reduced", "absent")]
            return list(value)
        given = {s: list(value[s]) for s in SIDES if value.get(s)}
        return given or NOT_SURE
    return value


def _warning_recorded(screen: _Q, case: Mapping[str, Any], bank: _Bank) -> bool:
    """Whether the case records a warning sign the screen covers: its covered fields alone fire a red flag."""
    alone: dict[str, Any] = {}
    for sub in bank.covered(screen):
        value = _get(case, sub.path)
        if value is not None:
            alone = _write(alone, sub, value)
    found = _evaluate(_key(alone)) if alone else None
    return found is not None and bool(found.fired)


# ------------------------------------------------------------------------------------------ the engine side
@dataclass(frozen=True)
class _Eval:
    conclusion: tuple[str, str | None, str | None, str]  # pattern label, top root, top side, triage level
    triage: str
    top_root_p: float
    uncertainty: float  # entropy (bits) of pattern + root x side + cause
    pattern: Mapping[str, float]
    pattern_scores: Mapping[str, float]  # unnormalised log scores (prior x LRs)
    roots: Mapping[tuple[str, Side], float]
    root_scores: Mapping[tuple[str, Side], float]
    sides: tuple[Side, ...]  # legs that show something
    fired: tuple[str, ...]  # red-flag rules that fire


def _entropy(probs: Iterator[float]) -> float:
    return -sum(p * math.log2(p) for p in probs if p > 0)


@lru_cache(maxsize=8192)
def _evaluate(key: str) -> _Eval | None:
    """The engine's view of one case (JSON key); None when the case is not valid."""
    kb = load_knowledge()
    try:
        case = parse_case(json.loads(key))
    except CaseError:
        return None
    facts = flatten(case, kb)
    derived = derive(case, kb)
    hits = collect_hits(case, facts, derived, kb)
    pattern = infer_pattern(hits, kb)
    causes = infer_cause(hits, kb)
    levels = infer_level(case, hits, causes, kb)
    result = triage(facts, derived, pattern, likely_mimics(pattern, kb), kb)
    level: str = result.level
    recognised = any(k not in _DEMOGRAPHIC for k in facts)
    if not recognised and level in ("self_care",):
        level = "routine"  # as assess() does for an empty case
    (root, side), top_p = max(levels.items(), key=lambda kv: (kv[1], kv[0]))
    label = pattern.label if recognised else "unrecognised"
    shown = (root, side) if label not in ("non_radicular", "unrecognised") else (None, None)
    p_scores = {h: math.log(spec.prior) for h, spec in kb.patterns.hypotheses.items()}
    involved = tuple(s for s in SIDES if side_involved(case, kb, s))
    penalty = math.log(kb.side_mismatch.lr)
    r_scores = {(r, s): (penalty if involved and s not in involved else 0.0) for r in kb.roots for s in SIDES}
    for hit in hits:
        if hit.on == "pattern":
            for h, lr in hit.lr.items():
                p_scores[h] += math.log(lr)
        elif hit.on == "root":
            for s in (hit.side,) if hit.side else SIDES:
                for r, lr in hit.lr.items():
                    r_scores[(r, s)] += math.log(lr)
    return _Eval(
        conclusion=(label, shown[0], shown[1], level),
        triage=level,
        top_root_p=top_p if shown[0] else 0.0,
        uncertainty=_entropy(iter(pattern.hypotheses.values()))
        + _entropy(iter(levels.values()))
        + _entropy(iter(causes.values())),
        pattern=pattern.hypotheses,
        pattern_scores=p_scores,
        roots=levels,
        root_scores=r_scores,
        sides=involved,
        fired=tuple(f.rule.id for f in result.fired),
    )


def _key(case: Mapping[str, Any]) -> str:
    return json.dumps(case, sort_keys=True, separators=(",", ":"), default=str)


def _answer_weight(now: _Eval, after: _Eval) -> float:
    """How much more (or less) likely this answer is than under the baseline, averaged over the posterior."""
    radicular = "radicular"
    total = 0.0
    for h, p in now.pattern.items():
        if p < 1e-6:
            continue
        lr = math.exp(min(30.0, after.pattern_scores[h] - now.pattern_scores[h]))
        if h == radicular:
            lr *= sum(
                pr * math.exp(min(30.0, after.root_scores[k] - now.root_scores[k]))
                for k, pr in now.roots.items()
                if pr >= 1e-4
            )
        total += p * lr
    return total


def _base_rates(q: _Q, values: Sequence[Any], model: _AnswerModel) -> list[float]:
    if q.spec.kind == "yes_no":
        return [model.yes_prior if v is True else 1 - model.yes_prior for v in values]
    hits = [any(o.normal and o.value == v and type(o.value) is type(v) for o in q.options) for v in values]
    n_normal = sum(hits)
    if not n_normal or n_normal == len(values):
        return [1 / len(values)] * len(values)
    rest = (1 - model.normal_prior) / (len(values) - n_normal)
    return [model.normal_prior / n_normal if h else rest for h in hits]


_PROBE_ROOT_AT_LEAST = 0.02  # a body map is probed with the territories of the roots still in play


def _probe_values(q: _Q, kb: Knowledge, sides: Sequence[Side], now: _Eval | None = None) -> list[Any]:
    """The answers tried when weighing a question: its options, or representative values (for a body map,
    nothing, or the core territory of each root still in play on each leg)."""
    kind = q.spec.kind
    if kind == "yes_no":
        return [True, False]
    if kind == "choice":
        return [o.value for o in q.options]
    if kind == "number":
        return list(q.spec.probe or [])
    if kind == "grade":
        return [5, True]  # normal or weak; a severe grade is for the clinician to give, not to predict
    modality = q.path.split(".")[0]
    out: list[Any] = [[] if q.side else {}]
    for name, root in kb.roots.items():
        territory = root.territory("pain" if modality == "pain" else "numbness")
        core = sorted(r for r, w in territory.items() if w >= 0.8)
        legs = [
            s
            for s in ([q.side] if q.side else sides)
            if now is None or now.roots[(name, s)] >= _PROBE_ROOT_AT_LEAST
        ]
        out.extend([core] if q.side and legs else [{s: core} for s in legs] if not q.side else [])
    return out


@dataclass(frozen=True)
class _Weighed:
    q: _Q
    gain: float  # expected fall in uncertainty (bits)
    change: float  # predicted chance that the answer changes the conclusion
    triage_change: float
    separates: float  # expected shift in the probability of the look-alike in play


def _cost(now: _Eval, after: _Eval) -> float:
    """What a changed conclusion weighs: 1, plus each level the triage would rise (missing an emergency
    costs more than missing a root)."""
    if after.conclusion == now.conclusion:
        return 0.0
    return 1.0 + max(0, _LEVELS.index(after.triage) - _LEVELS.index(now.triage))


_WHO = ("person", "home_test", "strength", "clinician")


def _answerable(case: Mapping[str, Any], asked: Sequence[str], bank: _Bank) -> dict[str, float]:
    """The chance of a real answer (not "not sure") per kind of question: Laplace's rule over all the
    discriminating answers so far, refined by the answers to questions of the same kind (the pooled
    estimate counts as twelve answers)."""
    counts = {who: [0, 0] for who in _WHO}
    for qid in asked:
        q = bank.by_id.get(qid)
        if q is None or q.spec.phase != "discriminate":
            continue
        counts[q.spec.who][1] += 1
        counts[q.spec.who][0] += _known(case, q)
    pooled = (sum(a for a, _ in counts.values()) + 1) / (sum(n for _, n in counts.values()) + 2)
    return {who: (a + 12 * pooled) / (n + 12) for who, (a, n) in counts.items()}


def _abnormal(q: _Q, value: Any) -> bool:
    if q.spec.kind == "regions":
        return bool(value)
    if q.spec.kind in ("choice", "grade") and value is not None:
        return not any(o.normal and o.value == value and type(o.value) is type(value) for o in q.options)
    return False


def _mirror(case: Mapping[str, Any], asked: Sequence[str], now: _Eval, bank: _Bank) -> _Q | None:
    """After an abnormal finding in one leg, the same question for the other leg when it has symptoms too:
    a sign in both legs can change the triage (new weakness in both legs is an emergency)."""
    for qid in asked:
        q = bank.by_id.get(qid)
        if q is None or q.side is None or q.spec.phase != "discriminate":
            continue
        if not _abnormal(q, _get(case, q.path)):
            continue
        other: Side = "right" if q.side == "left" else "left"
        twin = bank.by_id[f"{q.spec.id}.{other}"]
        if other in now.sides and twin.id not in asked and not _known(case, twin):
            return twin
    return None


def _weigh(
    q: _Q, case: Mapping[str, Any], now: _Eval, bank: _Bank, *, answered: float, mimic: str | None
) -> _Weighed | None:
    kb = load_knowledge()
    values = _probe_values(q, kb, now.sides or SIDES, now)
    outcomes: list[tuple[Any, _Eval]] = []
    for v in values:
        after = _evaluate(_key(_write(case, q, v)))
        if after is not None:
            outcomes.append((v, after))
    if not outcomes:
        return None
    base = _base_rates(q, [v for v, _ in outcomes], bank.model)
    weights = [b * _answer_weight(now, after) for b, (_, after) in zip(base, outcomes, strict=True)]
    total = sum(weights) or 1.0
    probs = [w / total for w in weights]
    gain = now.uncertainty - sum(p * after.uncertainty for p, (_, after) in zip(probs, outcomes, strict=True))
    change = sum(p * _cost(now, a) for p, (_, a) in zip(probs, outcomes, strict=True))
    t_change = sum(p for p, (_, a) in zip(probs, outcomes, strict=True) if a.triage != now.triage)
    shift = (
        sum(p * abs(a.pattern[mimic] - now.pattern[mimic]) for p, (_, a) in zip(probs, outcomes, strict=True))
        if mimic
        else 0.0
    )
    return _Weighed(q, answered * gain, answered * change, answered * t_change, answered * shift)


def _mimic_in_play(now: _Eval) -> str | None:
    """The most likely look-alike, once it is a contender: its separating question is asked before it would
    be named in the assessment, so that the interview can confirm or exclude it (issue 6)."""
    kb = load_knowledge()
    floor = _bank().stop.mimic_in_play_at_least
    mimics = [
        (p, h) for h, p in now.pattern.items() if kb.patterns.hypotheses[h].kind == "mimic" and p >= floor
    ]
    return max(mimics)[1] if mimics else None


# ------------------------------------------------------------------------------------------ the interview
def _known(case: Mapping[str, Any], q: _Q) -> bool:
    value = _get(case, q.path)
    return value is not None and value not in ([], {})


def _screen_open(q: _Q, case: Mapping[str, Any], asked: Sequence[str], bank: _Bank) -> bool:
    """A screen is open (its questions are asked one by one) once answered yes or a warning sign is known."""
    return q.id in asked or _warning_recorded(q, case, bank)


def _red_flag_due(
    case: Mapping[str, Any], asked: Sequence[str], now: _Eval, bank: _Bank, *, person_only: bool = False
) -> _Q | None:
    """The next warning-sign question, while the screens are not done (they end once discrimination began).

    A screen answered "yes" opens its questions: the person's own ones are asked until one of them explains
    the "yes" (or the triage is an emergency); after that, and for the examination ones, only those whose
    answer could still change the conclusion."""
    if any(qid in bank.by_id and bank.by_id[qid].spec.phase == "discriminate" for qid in asked):
        return None
    for q in bank.items:
        if q.spec.phase != "red_flags" or q.id in asked or _known(case, q):
            continue
        if person_only and q.spec.who == "clinician":
            continue
        if q.spec.covers:
            if not _screen_open(q, case, asked, bank) and any(not _known(case, s) for s in bank.covered(q)):
                return q
        elif q.spec.follows is not None:
            screen = bank.by_id[q.spec.follows]
            if not _screen_open(screen, case, asked, bank):
                continue
            explained = any(_get(case, s.path) is True for s in bank.covered(screen))
            always = q.spec.who == "person" and now.triage != "emergency" and not explained
            if always or _can_move(q, case, now):
                return q
        else:
            return q
    return None


def _can_move(q: _Q, case: Mapping[str, Any], now: _Eval) -> bool:
    """A question opened by a screen is skipped only when no answer to it could change the conclusion
    (once it is an emergency, for instance, the other bladder questions change nothing)."""
    kb = load_knowledge()
    for v in _probe_values(q, kb, SIDES):
        after = _evaluate(_key(_write(case, q, v)))
        if after is not None and after.conclusion != now.conclusion:
            return True
    return False


def _candidates(
    case: Mapping[str, Any], asked: Sequence[str], now: _Eval, bank: _Bank, *, person_only: bool = False
) -> list[_Q]:
    sides = set(now.sides or SIDES)
    return [
        q
        for q in bank.items
        if q.spec.phase == "discriminate"
        and not (person_only and q.spec.who == "clinician")
        and q.id not in asked
        and not _known(case, q)
        and (q.side is None or q.side in sides)
    ]


def _step(key: str, asked: tuple[str, ...], person_only: bool = False) -> tuple[str | None, float]:
    """The next question id (None when done) and the number of questions still likely to matter."""
    bank = _bank()
    case = json.loads(key)
    now = _evaluate(key)
    assert now is not None  # the case was validated by the caller
    red = _red_flag_due(case, asked, now, bank, person_only=person_only)
    if red is not None:
        screens = sum(
            1
            for q in bank.items
            if q.spec.phase == "red_flags" and q.spec.follows is None and q.id not in asked
        )
        return red.id, max(1, screens) + _TYPICAL_DISCRIMINATE
    candidates = _candidates(case, asked, now, bank, person_only=person_only)
    done_here = sum(1 for qid in asked if qid in bank.by_id and bank.by_id[qid].spec.phase == "discriminate")
    typical = max(1, _TYPICAL_DISCRIMINATE - done_here)
    mapped = any(_known(case, q) for q in bank.items if q.spec.first)
    first = None if mapped else next((q for q in candidates if q.spec.first), None)
    if first is not None:
        return first.id, typical
    intake = next((q for q in candidates if q.spec.intake), None)
    if intake is not None and mapped:
        return intake.id, typical
    answerable = _answerable(case, asked, bank)
    twin = _mirror(case, asked, now, bank)
    if twin is not None:
        return twin.id, typical
    mimic = _mimic_in_play(now)
    weighed = [
        w
        for q in candidates
        if (w := _weigh(q, case, now, bank, answered=answerable[q.spec.who], mimic=mimic)) is not None
    ]
    stop = bank.stop
    separating = max(weighed, key=lambda w: (w.separates, w.q.id), default=None)
    if separating is not None and separating.separates >= stop.separates_at_least:
        # a look-alike is in play: ask what separates it before anything else (issue 6)
        return separating.q.id, typical
    live = [w for w in weighed if w.change > stop.change_at_most]
    settled = now.top_root_p >= stop.settled_root_at_least and all(
        w.triage_change <= stop.change_at_most for w in weighed
    )
    if (not live or settled) and now.conclusion[0] != "unrecognised":
        severity = _grade_before_stopping(candidates, now)
        return (severity.id, 1) if severity is not None else (None, 0)
    if not live:  # nothing recognised yet: keep asking while anything is left
        live = [w for w in weighed if w.gain > 0 or w.change > 0] or weighed
    if not live:
        return None, 0
    best = max(live, key=lambda w: (w.gain + w.change, w.q.id))
    return best.q.id, min(len(live), typical)


@cache
def _key_muscles(root: str) -> dict[str, float]:
    """Movements whose weakness points to `root` with a likelihood ratio of 3 or more, and that ratio."""
    out: dict[str, float] = {}
    for f in load_knowledge().findings:
        if f.fact.startswith("weakness.") and f.match.below is not None:
            for e in f.effects:
                if e.target == "root" and e.lr.get(root, 0.0) >= 3:
                    out[f.fact.rsplit(".", 1)[-1]] = e.lr[root]
    return out


def _grade_before_stopping(candidates: Sequence[_Q], now: _Eval) -> _Q | None:
    """Weakness found but not yet graded severe: grade the key muscles of the likely root before stopping.

    A grade of 3/5 or worse turns "prompt" into "urgent" (red_flags.yaml), yet the answer model rarely
    predicts it, so the information gain alone would stop without asking (a foot drop graded 3/5 ended
    at "prompt"). Only the muscles whose weakness points most to that root (likelihood ratio 3 or more)."""
    root, side = now.conclusion[1], now.conclusion[2]
    if root is None or "any_weakness" not in now.fired or "severe_weakness" in now.fired:
        return None
    strength = _key_muscles(root)
    graded = [
        (strength[q.path.rsplit(".", 1)[-1]], q.id, q)
        for q in candidates
        if q.spec.kind == "grade" and q.side == side and q.path.rsplit(".", 1)[-1] in strength
    ]
    return max(graded, key=lambda g: (g[0], g[1]))[2] if graded else None


# The median number of discriminating questions measured on the simulated people (docs/bench-interview.md):
# the progress bar's guess of what is still to come, never shown as a promise.
_TYPICAL_DISCRIMINATE = 11


@lru_cache(maxsize=1024)
def _step_cached(key: str, asked: tuple[str, ...], person_only: bool = False) -> tuple[str | None, float]:
    return _step(key, asked, person_only)


def next_step(
    case: Mapping[str, Any],
    asked: Sequence[str] = (),
    *,
    audience: Literal["person", "clinician"] = "clinician",
) -> Step:
    """The next question for the case so far (or none when the interview is done), with its assessment.

    `audience="person"` (the patient pages) never asks what only an examination can tell (clonus, reflexes,
    the straight leg raise); a clinician at intake is asked everything.

    Raises CaseError (a BadInput) when the case is not valid.
    """
    parsed: Case = parse_case(case)
    key = _key(case)
    asked_t = tuple(asked)
    qid, remaining = _step_cached(key, asked_t, audience == "person")
    assessment = assess(parsed)
    done = qid is None
    # questions a screen answered for the person are not counted as asked
    bank = _bank()
    shown = sum(1 for qid in asked_t if qid in bank.by_id and bank.by_id[qid].spec.follows is None)
    progress = 1.0 if done else shown / (shown + max(1.0, remaining))
    question = None if qid is None else _bank().by_id[qid].public
    return Step(
        question=question, assessment=assessment, asked=asked_t, progress=round(progress, 3), done=done
    )
