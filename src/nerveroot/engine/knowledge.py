"""Load and validate the knowledge base once: a frozen, typed object the engine functions read.

Validation is strict, as in medspaCy's rule files: unknown keys are refused and the error lists what is
allowed; every number names a source id in sources.yaml, or "consensus" with a reason; every root, region,
hypothesis and cause id used anywhere exists.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from nerveroot.case import REGIONS, WHERE, Case, Where
from nerveroot.engine.facts import DERIVED
from nerveroot.errors import KnowledgeError, Problem

Level = Literal["self_care", "routine", "prompt", "urgent", "emergency"]
LEVELS: tuple[Level, ...] = ("self_care", "routine", "prompt", "urgent", "emergency")
CONSENSUS = "consensus"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Sourced(_Data):
    source: str
    reason: str | None = None


class Source(_Data):
    citation: str
    status: Literal["read", "secondary", "unverified"]
    supports: str
    url: str | None = None


class Region(_Data):
    label: str
    view: Literal["front", "back", "both", "none"]
    leg: bool
    below_knee: bool


class Root(_Data):
    label: str
    disc: str
    reflex: str | None
    key_muscles: str
    dermatome: dict[str, float]
    pain_map: dict[str, float]
    sources: list[str]

    def territory(self, kind: str) -> dict[str, float]:
        """Where this kind of symptom points to the root: pain has its own, wider map."""
        return self.pain_map if kind == "pain" else self.dermatome


class Modality(Sourced):
    max_lr: float = Field(gt=1)
    min_lr: float = Field(default=1.0, gt=0, le=1)
    levels: list[str] | None = None
    per_region: bool = False


class RegionOverride(Sourced):
    modality: Literal["pain", "numbness", "tingling", "sensation"]
    region: str
    lr: dict[str, float]


class Match(_Data):
    """A test on one fact's value; every key given must hold."""

    is_: Any = Field(default=None, alias="is")
    in_: list[Any] | None = Field(default=None, alias="in")
    below: float | None = None
    at_least: float | None = None
    absent: bool | None = None

    def holds(self, value: Any) -> bool:
        if self.absent is not None:
            return (value is None) == self.absent
        if value is None:
            return False
        if self.is_ is not None and value != self.is_:
            return False
        if self.in_ is not None and value not in self.in_:
            return False
        if self.below is not None and not (_number(value) and value < self.below):
            return False
        return not (self.at_least is not None and not (_number(value) and value >= self.at_least))


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class Effect(Sourced):
    target: Literal["pattern", "root", "cause"]
    lr: dict[str, float]


class Finding(_Data):
    id: str
    fact: str
    match: Match
    label: str
    side: Literal["same", "other"] = "same"
    effects: list[Effect]

    @cached_property
    def sided(self) -> bool:
        return "{side}" in self.fact

    @cached_property
    def per_side(self) -> tuple[tuple[Where, str, str], ...]:
        """(side, fact id, plain label) for each side, the unnamed side included, worked out once."""
        return tuple(
            (
                s,
                self.fact.replace("{side}", s),
                self.label.replace("{side}", "side not given" if s == "unknown" else s),
            )
            for s in WHERE
        )

    @cached_property
    def label_no_side(self) -> str:
        return self.label.replace(" ({side})", "").replace("{side}", "")


class Thresholds(Sourced):
    radicular_at_least: float
    non_radicular_at_most: float
    mimic_listed_at_least: float


class Hypothesis(Sourced):
    kind: Literal["radicular", "mechanical", "mimic"]
    prior: float = Field(gt=0, lt=1)
    urgency: Level | None = None


class Territories(Sourced):
    """Where a peripheral look-alike can cause symptoms; leg symptoms outside it count against it."""

    outside_lr: float = Field(gt=0, lt=1)
    regions: dict[str, list[str]]


class Patterns(_Data):
    baseline: str
    thresholds: Thresholds
    hypotheses: dict[str, Hypothesis]
    territories: Territories


class Cause(Sourced):
    label: str
    prior: float = Field(gt=0, lt=1)
    levels: dict[Literal["default", "from_age_55"], dict[str, float]]
    levels_source: str
    levels_reason: str | None = None


class Condition(_Data):
    """A rule condition: one fact test, a named feature, or all / any / not of conditions."""

    fact: str | None = None
    is_: Any = Field(default=None, alias="is")
    in_: list[Any] | None = Field(default=None, alias="in")
    below: float | None = None
    at_least: float | None = None
    absent: bool | None = None
    feature: str | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")
    # a threshold in a named feature (a rule carries its own source) says where it comes from
    source: str | None = None
    reason: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        kinds = [k for k in ("fact", "feature", "all", "any", "not_") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError(f"a condition needs exactly one of fact, feature, all, any, not; got {kinds}")
        return self

    @cached_property
    def match(self) -> Match:
        return Match.model_validate(
            {
                "is": self.is_,
                "in": self.in_,
                "below": self.below,
                "at_least": self.at_least,
                "absent": self.absent,
            }
        )


class Rule(Sourced):
    id: str
    reason: str  # plain words shown to the person; why the rule exists is reason_for_rule
    level: Level
    when: Condition
    reason_for_rule: str | None = None
    # a rule that points away from the roots names the look-alike it suspects, so that it is listed
    # (first) whatever its probability: the red flag, not the odds, decides what to do
    names_mimic: str | None = None


class Suggestion(Sourced):
    radicular: Level
    uncertain: Level
    non_radicular: Level
    look_alike_at_least: float  # a listed look-alike sets its urgency when the pattern is not radicular
    look_alike_beside_a_root_at_least: float  # ... and from this probability beside a radicular pattern
    reasons: dict[
        Literal["radicular", "uncertain", "non_radicular", "look_alike", "all_denied", "not_asked"], str
    ]


class Topic(_Data):
    """A warning sign as a person is asked about it: the findings that answer it, and how to check it."""

    label: str
    findings: list[str] = Field(min_length=1)
    cauda_equina: bool
    ask: bool
    check: str


class RedFlags(_Data):
    levels: list[Level]
    suggestion: Suggestion
    labels: dict[str, str]
    topics: dict[str, Topic]
    features: dict[str, Condition]
    rules: list[Rule]


class CodeEntry(Sourced):
    system: str
    display: str
    status: Literal["read", "secondary", "unverified"]
    code: str | None = None
    lumbar: str | None = None
    lumbosacral: str | None = None
    when_claudication: bool | None = None


class Codes(_Data):
    systems: dict[str, str]
    conclusions: dict[str, list[CodeEntry]]


class TriageText(_Data):
    headline: str
    action: str
    timeframe: str


class AdviceWhen(_Data):
    pattern: list[Literal["radicular", "uncertain", "non_radicular"]] | None = None
    cause: list[str] | None = None
    triage: list[Level] | None = None
    mimic: list[str] | None = None


Section = Literal["helps_now", "modify", "recovery", "surgery", "seek_help", "about", "next_step"]


class AdviceItem(_Data):
    id: str
    section: Section
    when: AdviceWhen | None = None
    text: str
    sources: list[str] = []


class Labelled(_Data):
    label: str
    explanation: str


class MimicText(Labelled):
    action: str
    who: str


class RootText(_Data):
    where: str
    moves: str


class Faq(_Data):
    id: str
    question: str
    answer: str
    sources: list[str] = []


class Advice(_Data):
    notice: str
    triage: dict[Level, TriageText]
    items: list[AdviceItem]
    causes: dict[str, Labelled]
    mimics: dict[str, MimicText]
    roots: dict[str, RootText]
    faq: list[Faq]
    safety_net: list[str]


class SideMismatch(Sourced):
    lr: float = Field(gt=0, lt=1)


class Findings(_Data):
    side_mismatch: SideMismatch
    modalities: dict[Literal["pain", "numbness", "tingling", "sensation"], Modality]
    region_overrides: list[RegionOverride]
    findings: list[Finding]


class Knowledge(_Data):
    """The whole knowledge base, validated and cross-checked."""

    sources: dict[str, Source]
    regions: dict[str, Region]
    roots: dict[str, Root]
    patterns: Patterns
    side_mismatch: SideMismatch
    modalities: dict[str, Modality]
    region_overrides: list[RegionOverride]
    findings: list[Finding]
    causes: dict[str, Cause]
    red_flags: RedFlags
    codes: Codes
    advice: Advice

    def sourced_items(self) -> Iterator[tuple[str, str, str | None]]:
        """Every (where, source id, reason) that carries a number, for validation and for the audit test."""
        yield "side_mismatch", self.side_mismatch.source, self.side_mismatch.reason
        for name, m in self.modalities.items():
            yield f"modalities.{name}", m.source, m.reason
        for o in self.region_overrides:
            yield f"region_overrides.{o.modality}.{o.region}", o.source, o.reason
        for f in self.findings:
            for i, e in enumerate(f.effects):
                yield f"findings.{f.id}.effects[{i}]", e.source, e.reason
        t = self.patterns.thresholds
        yield "patterns.thresholds", t.source, t.reason
        terr = self.patterns.territories
        yield "patterns.territories", terr.source, terr.reason
        for name, h in self.patterns.hypotheses.items():
            yield f"patterns.hypotheses.{name}", h.source, h.reason
        for name, c in self.causes.items():
            yield f"causes.{name}.prior", c.source, c.reason
            yield f"causes.{name}.levels", c.levels_source, c.levels_reason
        s = self.red_flags.suggestion
        yield "red_flags.suggestion", s.source, s.reason
        for r in self.red_flags.rules:
            yield f"red_flags.rules.{r.id}", r.source, r.reason_for_rule or r.reason
        for name, feature in self.red_flags.features.items():
            for i, cond in enumerate(feature.any or feature.all or [feature]):
                if cond.source is not None:
                    yield f"red_flags.features.{name}[{i}]", cond.source, cond.reason
        for concl, entries in self.codes.conclusions.items():
            for entry in entries:
                yield f"codes.{concl}.{entry.code or entry.lumbar}", entry.source, entry.reason
        for root_id, root in self.roots.items():
            for src in root.sources:
                yield f"roots.{root_id}", src, None
        for item in self.advice.items:
            for src in item.sources:
                yield f"advice.items.{item.id}", src, None
        for faq in self.advice.faq:
            for src in faq.sources:
                yield f"advice.faq.{faq.id}", src, None


_FILES = {
    "sources": ("sources.yaml", "sources"),
    "regions": ("regions.yaml", "regions"),
    "roots": ("roots.yaml", "roots"),
    "patterns": ("patterns.yaml", None),
    "findings": ("findings.yaml", None),
    "causes": ("causes.yaml", "causes"),
    "red_flags": ("red_flags.yaml", None),
    "codes": ("codes.yaml", None),
    "advice": ("advice.yaml", None),
}


def _read(folder: Path | Any, name: str) -> Any:
    try:
        text = (folder / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(f"knowledge file {name} is missing from {folder}") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"knowledge file {name} is not valid YAML: {exc}") from None


def load_knowledge_from(folder: Path | Any) -> Knowledge:
    """Load and validate the knowledge base in ``folder`` (a path, or an importlib resources traversable)."""
    raw: dict[str, Any] = {}
    for key, (name, inner) in _FILES.items():
        data = _read(folder, name)
        raw[key] = data.get(inner) if inner and isinstance(data, dict) else data
    findings = raw.pop("findings") or {}
    if isinstance(findings, dict):
        raw.update(findings)
    try:
        kb = Knowledge.model_validate(raw)
    except ValidationError as exc:
        problems = [
            Problem(
                ".".join(str(p) for p in e["loc"]),
                e["msg"],
                e.get("input") if not isinstance(e.get("input"), dict) else None,
            )
            for e in exc.errors()
        ]
        raise KnowledgeError(f"the knowledge base in {folder} is not valid", problems) from None
    problems = list(cross_check(kb))
    if problems:
        raise KnowledgeError(f"the knowledge base in {folder} is inconsistent", problems)
    return kb


@cache
def load_knowledge() -> Knowledge:
    """The bundled knowledge base, loaded once per process."""
    return load_knowledge_from(resources.files("nerveroot") / "knowledge")


def _fact_ok(path: str) -> bool:
    parts = path.replace("{side}", "left").split(".")
    if parts[0] == "derived":
        return len(parts) == 2 and parts[1] in DERIVED
    model: Any = Case
    for part in parts:
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return True  # below a mapping (sides, movements): the case model checks those ids
        field = model.model_fields.get(part)
        if field is None:
            return False
        model = next(
            (
                a
                for a in (field.annotation, *get_args(field.annotation))
                if isinstance(a, type) and issubclass(a, BaseModel)
            ),
            None,
        )
    return True


def cross_check(kb: Knowledge) -> Iterator[Problem]:
    """Every id used exists, every number has a source, every LR is a positive finite number."""
    for where, source, reason in kb.sourced_items():
        if source == CONSENSUS:
            if not reason:
                yield Problem(where, "a 'consensus' value needs a reason saying why it was chosen")
        elif source not in kb.sources:
            yield Problem(where, f"unknown source id; known: {', '.join(sorted(kb.sources))}", source)
    region_ids = set(REGIONS)
    if set(kb.regions) != region_ids:
        yield Problem(
            "regions", "must list exactly the case's region ids", sorted(region_ids ^ set(kb.regions))
        )
    for root_id, root in kb.roots.items():
        for kind, territory in (("dermatome", root.dermatome), ("pain_map", root.pain_map)):
            for region, weight in territory.items():
                if region not in region_ids:
                    yield Problem(f"roots.{root_id}.{kind}", "unknown region id", region)
                if not 0 < weight <= 1:
                    yield Problem(f"roots.{root_id}.{kind}.{region}", "weights are in (0, 1]", weight)
    targets = {"root": set(kb.roots), "pattern": set(kb.patterns.hypotheses), "cause": set(kb.causes)}
    for f in kb.findings:
        if not _fact_ok(f.fact):
            yield Problem(f"findings.{f.id}.fact", "not a case field or a known derived fact", f.fact)
        for e in f.effects:
            yield from _check_lr(f"findings.{f.id}.{e.target}", e.lr, targets[e.target])
    for o in kb.region_overrides:
        yield from _check_lr(f"region_overrides.{o.region}", o.lr, targets["root"])
        if o.region not in region_ids:
            yield Problem("region_overrides", "unknown region id", o.region)
    for mimic, regions in kb.patterns.territories.regions.items():
        if mimic not in kb.patterns.hypotheses:
            yield Problem("patterns.territories.regions", "not a hypothesis", mimic)
        for region in regions:
            if region not in region_ids:
                yield Problem(f"patterns.territories.regions.{mimic}", "unknown region id", region)
    if kb.patterns.baseline not in kb.patterns.hypotheses:
        yield Problem("patterns.baseline", "must be one of the hypotheses", kb.patterns.baseline)
    for name, cause in kb.causes.items():
        for band, shares in cause.levels.items():
            yield from _check_lr(f"causes.{name}.levels.{band}", shares, targets["root"])
            if abs(sum(shares.values()) - 1) > 0.01:
                yield Problem(f"causes.{name}.levels.{band}", "shares must sum to 1", sum(shares.values()))
    yield from _check_conditions(kb)
    if set(kb.advice.triage) != set(LEVELS):
        yield Problem(
            "advice.triage", "needs one entry per triage level", sorted(set(LEVELS) ^ set(kb.advice.triage))
        )
    for name in kb.causes:
        if name not in kb.advice.causes:
            yield Problem("advice.causes", "missing plain label for a cause", name)
    for name, h in kb.patterns.hypotheses.items():
        if h.kind != "radicular" and name not in kb.advice.mimics:
            yield Problem("advice.mimics", "missing plain text for a look-alike", name)
    for concl, entries in kb.codes.conclusions.items():
        for entry in entries:
            if entry.system not in kb.codes.systems:
                yield Problem(f"codes.{concl}", "unknown code system", entry.system)


def _check_lr(where: str, table: dict[str, float], allowed: set[str]) -> Iterator[Problem]:
    for key, value in table.items():
        if key not in allowed:
            yield Problem(where, f"unknown id; allowed: {', '.join(sorted(allowed))}", key)
        if not (value > 0 and math.isfinite(value)):
            yield Problem(f"{where}.{key}", "must be a positive finite number", value)


def _check_conditions(kb: Knowledge) -> Iterator[Problem]:
    topics = kb.red_flags.topics
    for name, topic in topics.items():
        for path in topic.findings:
            if not path.startswith(("history.", "exam.")) or not _fact_ok(path):
                yield Problem(f"red_flags.topics.{name}.findings", "not a history or exam finding", path)

    def walk(where: str, c: Condition) -> Iterator[Problem]:
        if c.fact is not None and c.fact.startswith("unsure."):
            if c.fact.removeprefix("unsure.") not in topics:
                yield Problem(where, f"unknown topic; known: {', '.join(sorted(topics))}", c.fact)
        elif c.fact is not None and not _fact_ok(c.fact):
            yield Problem(where, "not a case field or a known derived fact", c.fact)
        if c.feature is not None and c.feature not in kb.red_flags.features:
            yield Problem(
                where, f"unknown feature; known: {', '.join(sorted(kb.red_flags.features))}", c.feature
            )
        for child in (c.all or []) + (c.any or []) + ([c.not_] if c.not_ else []):
            yield from walk(where, child)

    for name, cond in kb.red_flags.features.items():
        yield from walk(f"red_flags.features.{name}", cond)
        for i, c in enumerate(cond.any or cond.all or [cond]):
            if (c.below is not None or c.at_least is not None) and c.source is None:
                yield Problem(f"red_flags.features.{name}[{i}]", "a threshold needs a source", c.fact)
    for rule in kb.red_flags.rules:
        yield from walk(f"red_flags.rules.{rule.id}", rule.when)
        hypothesis = kb.patterns.hypotheses.get(rule.names_mimic or "")
        if rule.names_mimic is not None and (hypothesis is None or hypothesis.kind != "mimic"):
            yield Problem(
                f"red_flags.rules.{rule.id}.names_mimic",
                "not a look-alike in patterns.yaml",
                rule.names_mimic,
            )
