"""The clinic's clinical data (knowledge/clinic.yaml): examination items, outcome instruments, the expected
course and the referral thresholds. Validated on load: unknown keys refused, every source id known."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from nerveroot.case import MOVEMENTS, REGIONS
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.engine.knowledge_common import CONSENSUS, Source
from nerveroot.errors import KnowledgeError, Problem
from nerveroot.yamlfile import load_yaml


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(_Data):
    source: str
    reason: str | None = None


class Number(Sourced):
    value: float


class Rule(Sourced):
    value: str


class SensationItem(Sourced):
    region: str
    root: str


class MovementItem(Sourced):
    movement: str
    roots: str


class Examination(_Data):
    sensation: tuple[SensationItem, ...]
    movements: tuple[MovementItem, ...]


class Nprs(_Data):
    range: tuple[int, int]
    mcid_points: Number
    mcid_percent: Number


class Odi(_Data):
    sections: int
    section_max: int
    scoring: Rule
    mcid_points: Number
    mcid_percent: Number


class Outcomes(_Data):
    nprs: Nprs
    odi: Odi


class Milestone(Sourced):
    week: float
    label: str


class Course(_Data):
    milestones: tuple[Milestone, ...]


class Referral(_Data):
    not_improving_weeks: Number
    weakness_worse_grades: Number


class ClinicKnowledge(_Data):
    examination: Examination
    outcomes: Outcomes
    course: Course
    referral: Referral
    sources: dict[str, Source]

    @model_validator(mode="after")
    def _known_ids(self) -> ClinicKnowledge:
        bad = [i.region for i in self.examination.sensation if i.region not in REGIONS]
        bad += [i.movement for i in self.examination.movements if i.movement not in MOVEMENTS]
        if bad:
            raise ValueError(f"not ids of the case format: {', '.join(bad)}")
        return self


def _sourced(node: Any, where: str) -> list[tuple[str, Sourced]]:
    if isinstance(node, Sourced):
        return [(where, node)]
    if isinstance(node, BaseModel):
        return [
            x for name in type(node).model_fields for x in _sourced(getattr(node, name), f"{where}.{name}")
        ]
    if isinstance(node, tuple):
        return [x for i, item in enumerate(node) for x in _sourced(item, f"{where}[{i}]")]
    return []


@cache
def clinic_knowledge() -> ClinicKnowledge:
    text = (resources.files("nerveroot") / "knowledge" / "clinic.yaml").read_text(encoding="utf-8")
    try:
        data = ClinicKnowledge.model_validate(load_yaml(text))
    except ValidationError as exc:
        raise KnowledgeError("knowledge/clinic.yaml is not valid", [Problem(".".join(map(str, e["loc"])), e["msg"]) for e in exc.errors()]) from None  # fmt: skip
    shared = load_knowledge().sources
    clash = sorted(set(data.sources) & set(shared))
    problems = [Problem(f"sources.{c}", "is already in sources.yaml: use that one") for c in clash]
    known = set(shared) | set(data.sources)
    for where, item in _sourced(data, "clinic"):
        if item.source == CONSENSUS and not item.reason:
            problems.append(Problem(where, "a 'consensus' value needs a reason"))
        elif item.source != CONSENSUS and item.source not in known:
            problems.append(Problem(where, "unknown source id", item.source))
    if problems:
        raise KnowledgeError("knowledge/clinic.yaml cites sources wrongly", problems)
    return data


def source_citation(source_id: str) -> str:
    if source_id == CONSENSUS:
        return "clinical consensus (reason stated in knowledge/clinic.yaml)"
    found = load_knowledge().sources.get(source_id) or clinic_knowledge().sources.get(source_id)
    return found.citation if found else source_id
