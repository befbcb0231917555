"""Radicular (a nerve root) versus joint/muscle back pain versus the look-alikes, side by side."""

from __future__ import annotations

import math
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


def also_consider(hits: Sequence[Hit], kb: Knowledge) -> list[tuple[str, float]]:
    """Look-alikes worth naming beside whatever leads, judged on their own evidence: each look-alike's odds
    against plain joint or muscle back pain (the baseline of the likelihood ratios) from the findings that do
    not point to a nerve root. The root's findings (weakness, numbness below the knee, a positive straight leg
    raise) neither hide a second problem nor make one, so a real L5 root does not hide arthritis of the hip
    beside it, and does not make every foot drop a fibular palsy too. The probability given is that pairwise
    one."""
    baseline = kb.patterns.baseline
    floor = kb.patterns.thresholds.also_consider_at_least
    roots = [r for r, spec in kb.patterns.hypotheses.items() if spec.kind == "radicular"]
    # the root's findings: any effect of the finding (a finding may carry several) points to a root
    for_root = {h.finding for h in hits if h.on == "pattern" and any(h.lr.get(r, 1.0) > 1 for r in roots)}
    own = [h for h in hits if h.on == "pattern" and h.finding not in for_root]
    found = []
    for mimic, spec in kb.patterns.hypotheses.items():
        if spec.kind != "mimic":
            continue
        score = math.log(spec.prior / kb.patterns.hypotheses[baseline].prior)
        score += sum(math.log(h.lr.get(mimic, 1.0) / h.lr.get(baseline, 1.0)) for h in own)
        pair = 1 / (1 + math.exp(-score))
        if pair >= floor:
            found.append((mimic, pair))
    return sorted(found, key=lambda item: (-item[1], item[0]))
