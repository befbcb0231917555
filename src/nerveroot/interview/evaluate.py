"""The engine's view of a case as the interview needs it: the conclusion, its uncertainty and raw scores."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nerveroot.case import SIDES, Side, parse_case
from nerveroot.engine.cause import infer_cause
from nerveroot.engine.evidence import collect_hits
from nerveroot.engine.facts import derive, flatten, side_involved
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.engine.level import infer_level
from nerveroot.engine.pattern import infer_pattern, likely_mimics
from nerveroot.engine.triage import triage
from nerveroot.errors import CaseError
from nerveroot.interview.bank import _DEMOGRAPHIC


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
    weak: bool = False  # objective weakness is recorded


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
        weak=derived["derived.objective_weakness"].value is True,
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
