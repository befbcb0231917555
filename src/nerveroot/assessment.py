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
    status: str  # how far the code itself was checked: read, secondary, unverified
    verified: bool
    # FHIR Condition.verificationStatus: a decision-support screen suspects, it never confirms, so every code
    # it gives is "provisional"
    verification_status: Literal["provisional", "differential", "confirmed"] = "provisional"


class Evidence(_Out):
    finding: str
    value: Any
    start: int
    end: int
    text: str


class ImagingNote(_Out):
    """What one reported imaging finding means here: the root it meets and whether that fits the picture."""

    finding: str
    level: str | None
    root: str | None  # the root it meets (named by the report, or from the level and zone)
    side: str | None
    concordant: bool | None  # the root and side match the leading root (None: no root or no leading root)


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
    # look-alikes worth naming beside the conclusion: each at least as likely as plain joint or muscle back
    # pain on its own findings, whatever the radicular probability (hip arthritis beside a real L5 root);
    # `mimics` keeps its meaning (the look-alikes competing with a root), these are extra
    also_consider: list[Mimic] = []
    # False when a serious-disease rule fired or a look-alike leads: the advice meant for a pinched nerve
    # (keep moving, its recovery course) is then left out
    pinched_nerve_advice: bool = True
    imaging: list[ImagingNote] = []
