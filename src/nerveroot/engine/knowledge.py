"""Load and validate the knowledge base once: a frozen, typed object the engine functions read.

Validation is strict, as in medspaCy's rule files: unknown keys are refused and the error lists what is
allowed; every number names a source id in sources.yaml, or "consensus" with a reason; every root, region,
hypothesis and cause id used anywhere exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError

from nerveroot.case import WHERE, Where
from nerveroot.engine.knowledge_common import (
    Condition,
    Level,
    Match,
    Modality,
    Region,
    RegionOverride,
    Root,
    Source,
    Sourced,
    _Data,
)
from nerveroot.engine.knowledge_words import Advice, Codes
from nerveroot.errors import KnowledgeError, Problem
from nerveroot.yamlfile import load_yaml


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
    # counted only when this holds too (an absent ankle jerk weighs less from 60): a condition as in
    # red_flags.yaml, on facts of the case (no pattern probabilities)
    when: Condition | None = None
    # findings that describe one picture (neurogenic claudication) share a group, whose combined effect is
    # capped (`groups` in findings.yaml) so that they are not multiplied as if independent
    group: str | None = None

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
    also_consider_at_least: float = Field(gt=0, lt=1)


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
    # root shares by age: `older` from parameters.older_disc_levels_from_age
    levels: dict[Literal["default", "older"], dict[str, float]]
    levels_source: str
    levels_reason: str | None = None


class Rule(Sourced):
    id: str
    reason: str  # plain words shown to the person; why the rule exists is reason_for_rule
    level: Level
    when: Condition
    reason_for_rule: str | None = None
    # a rule that points away from the roots names the look-alike it suspects, so that it is listed
    # (first) whatever its probability: the red flag, not the odds, decides what to do
    names_mimic: str | None = None
    # the condition the rule suspects (a `codes.yaml` conclusion, coded as provisional), and whether it is a
    # serious disease or a look-alike, for which advice meant for a pinched nerve is not shown
    suspects: str | None = None
    serious: bool = False


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


class SideMismatch(Sourced):
    lr: float = Field(gt=0, lt=1)


class Parameter(Sourced):
    """A number a derived fact uses (a threshold or an age cut-off), kept here with its source."""

    value: float


class ItemSet(Sourced):
    """A set of region or movement ids a derived fact reads (the regions of a stocking distribution)."""

    items: list[str] = Field(min_length=1)


class Group(Sourced):
    """Findings that describe one picture: their combined likelihood ratio between any two hypotheses of a
    target is capped at `cap` (they are not independent observations)."""

    cap: float = Field(gt=1)
    target: Literal["pattern", "cause"]


class Imaging(_Data):
    """What a scan report adds: which root a disc level meets, and the weight of each finding."""

    discs: dict[str, dict[Literal["traversing", "exiting"], str]]
    zones: dict[
        Literal["central", "paracentral", "foraminal", "extraforaminal"], Literal["traversing", "exiting"]
    ]
    # the zone a finding is read in when the report gives none (a foraminal stenosis meets the exiting root)
    default_zone: dict[str, Literal["central", "paracentral", "foraminal", "extraforaminal"]]
    findings: dict[str, list[Effect]]


class Findings(_Data):
    side_mismatch: SideMismatch
    modalities: dict[Literal["pain", "numbness", "tingling", "sensation"], Modality]
    region_overrides: list[RegionOverride]
    parameters: dict[str, Parameter]
    sets: dict[str, ItemSet]
    groups: dict[str, Group]
    imaging: Imaging
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
    parameters: dict[str, Parameter]
    sets: dict[str, ItemSet]
    groups: dict[str, Group]
    imaging: Imaging
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
        for name, par in self.parameters.items():
            yield f"parameters.{name}", par.source, par.reason
        for name, st in self.sets.items():
            yield f"sets.{name}", st.source, st.reason
        for name, g in self.groups.items():
            yield f"groups.{name}", g.source, g.reason
        for name, effects in self.imaging.findings.items():
            for i, e in enumerate(effects):
                yield f"imaging.findings.{name}[{i}]", e.source, e.reason
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
                yield f"codes.{concl}.{entry.all_codes()[0]}", entry.source, entry.reason
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
        return load_yaml(text)
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
    unknown = list(_resolve_parameters(raw))
    if unknown:
        raise KnowledgeError(f"the knowledge base in {folder} is not valid", unknown)
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
    from nerveroot.engine.knowledge_check import cross_check  # it reads the models above

    problems = list(cross_check(kb))
    if problems:
        raise KnowledgeError(f"the knowledge base in {folder} is inconsistent", problems)
    return kb


def _resolve_parameters(raw: dict[str, Any]) -> Iterator[Problem]:
    """A threshold (`below`, `at_least`) may name a parameter instead of a number, so that a number the
    Python side also reads (the heel-raise count) is written once: replace each name by its value."""
    params = raw.get("parameters")
    values = (
        {k: v.get("value") for k, v in params.items() if isinstance(v, dict)}
        if isinstance(params, dict)
        else {}
    )

    def walk(node: Any, where: str) -> Iterator[Problem]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("below", "at_least") and isinstance(value, str):
                    if value in values:
                        node[key] = values[value]
                    else:
                        yield Problem(
                            f"{where}.{key}", f"unknown parameter; known: {', '.join(sorted(values))}", value
                        )
                else:
                    yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                yield from walk(item, f"{where}[{i}]")

    for section in ("findings", "red_flags", "codes"):
        yield from walk(raw.get(section), section)


@cache
def load_knowledge() -> Knowledge:
    """The bundled knowledge base, loaded once per process."""
    return load_knowledge_from(resources.files("nerveroot") / "knowledge")
