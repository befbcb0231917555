"""What is probably pressing on the root, given that the pain is radicular."""

from __future__ import annotations

from collections.abc import Sequence

from nerveroot.engine.evidence import Hit
from nerveroot.engine.knowledge import Knowledge
from nerveroot.engine.posterior import posterior


def infer_cause(hits: Sequence[Hit], kb: Knowledge) -> dict[str, float]:
    priors = {c: spec.prior for c, spec in kb.causes.items()}
    return posterior(priors, (h.lr for h in hits if h.on == "cause"))
