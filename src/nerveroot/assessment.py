"""The assessment: what nerveroot concludes for one case (the JSON contract of PRODUCT.md, plus extras).

It supports a clinician's judgement; every assessment carries the `notice` that says so.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

TriageLevel = Literal["emergency", "urgent", "prompt", "routine", "self_care"]
PatternLabel = Literal["radicular", "non_radicular", "uncertain"]
CauseId = Literal[
    "disc_herniation", "spinal_stenosis", "facet_hypertrophy", "spondylolisthesis", "non_radicular"
]


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class Pattern(_Out):
    label: PatternLabel
    probability: float  # probability that the pain is radicular
    hypotheses: dict[str, float]  # every explanation considered: radicular, mechanical, the look-alikes


class RootLikelihood(_Out):
    root: str
    side: str
    probability: float
    label: str
    dermatome: list[str]  # region ids of the root's core territory, for drawing on the body map


class CauseLikelihood(_Out):
    cause: CauseId
    probability: float
    label: str


class Triage(_Out):
    level: TriageLevel
    reasons: list[str]
    rules: list[str]
    headline: str
    action: str
    timeframe: str


class Mimic(_Out):
    mimic: str
    label: str
    probability: float
    findings: list[str]
    explanation: str
    action: str
    who: str
    urgency: TriageLevel | None


class Reason(_Out):
    finding: str
    supports: str
    weight: float  # natural log of the likelihood ratio: positive supports, negative counts against
    source: str
    conclusion: Literal["pattern", "root", "cause"]
    reason: str
    side: str | None = None


class Code(_Out):
    system: str
    code: str
    display: str
    status: str
    verified: bool


class Evidence(_Out):
    finding: str
    value: Any
    start: int
    end: int
    text: str


class Unresolved(_Out):
    """A warning sign that was raised but not settled ("not sure", or words a reader could not settle)."""

    topic: str
    label: str
    words: list[str]  # the person's own words behind it, where a text raised it
    check: str  # how to find out, in plain words


class Assessment(_Out):
    notice: str
    recognised: bool
    message: str | None = None
    pattern: Pattern
    roots: list[RootLikelihood]
    causes: list[CauseLikelihood]
    triage: Triage
    mimics: list[Mimic]
    explanation: list[Reason]
    advice: list[str]
    advice_sections: dict[str, list[str]]
    safety_net: list[str]
    codes: list[Code]
    findings: dict[str, Any]
    unresolved: list[Unresolved] = []
    not_asked: list[str] = []  # warning-sign topics (red_flags.yaml) the case leaves unanswered
    evidence: list[Evidence] = []
