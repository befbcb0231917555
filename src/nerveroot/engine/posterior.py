"""Bayes over a set of exclusive hypotheses, in log space: prior x product of likelihood ratios."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def normalise(log_scores: Mapping[K, float]) -> dict[K, float]:
    top = max(log_scores.values())
    weights = {k: math.exp(v - top) for k, v in log_scores.items()}
    total = sum(weights.values())
    return {k: w / total for k, w in weights.items()}


def posterior(priors: Mapping[str, float], lrs: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Posterior probabilities; a hypothesis absent from an LR table keeps ratio 1 for that finding."""
    scores = {h: math.log(p) for h, p in priors.items()}
    for table in lrs:
        for h, lr in table.items():
            if h in scores:
                scores[h] += math.log(lr)
    return normalise(scores)
