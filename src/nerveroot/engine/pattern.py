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


def also_consider(result: PatternResult, kb: Knowledge) -> list[tuple[str, float]]:
    """Look-alikes worth naming beside whatever leads, judged on their own evidence: each look-alike's odds
    against plain joint or muscle back pain (the baseline of the likelihood ratios), so that a strong root
    does not hide hip arthritis beside it. The probability given is that pairwise one."""
    baseline = result.hypotheses[kb.patterns.baseline]
    floor = kb.patterns.thresholds.also_consider_at_least
    found = []
    for h, p in result.hypotheses.items():
        if kb.patterns.hypotheses[h].kind != "mimic":
            continue
        pair = p / (p + baseline) if p + baseline > 0 else 0.0
        if pair >= floor:
            found.append((h, pair))
    return sorted(found, key=lambda item: (-item[1], item[0]))
