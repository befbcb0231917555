"""Radicular (a nerve root) versus joint/muscle back pain versus the look-alikes, side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nerveroot.engine.evidence import Hit
from nerveroot.engine.knowledge import Knowledge
from nerveroot.engine.posterior import posterior


@dataclass(frozen=True)
class PatternResult:
    label: str  # radicular | non_radicular | uncertain
    radicular: float
    hypotheses: dict[str, float]


def infer_pattern(hits: Sequence[Hit], kb: Knowledge) -> PatternResult:
    priors = {h: spec.prior for h, spec in kb.patterns.hypotheses.items()}
    probs = posterior(priors, (h.lr for h in hits if h.on == "pattern"))
    radicular = sum(p for h, p in probs.items() if kb.patterns.hypotheses[h].kind == "radicular")
    t = kb.patterns.thresholds
    if radicular >= t.radicular_at_least:
        label = "radicular"
    elif radicular <= t.non_radicular_at_most:
        label = "non_radicular"
    else:
        label = "uncertain"
    return PatternResult(label, radicular, probs)


def likely_mimics(result: PatternResult, kb: Knowledge) -> list[tuple[str, float]]:
    floor = kb.patterns.thresholds.mimic_listed_at_least
    found = [
        (h, p)
        for h, p in result.hypotheses.items()
        if kb.patterns.hypotheses[h].kind == "mimic" and p >= floor
    ]
    return sorted(found, key=lambda item: (-item[1], item[0]))
