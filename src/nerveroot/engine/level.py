"""Which root, on which side: a posterior over root x side that can name two roots and both legs.

The root prior follows the likely cause (a disc most often catches S1 or L5; stenosis and slips L5 at
L4/L5), and a root on a side where the leg shows nothing is unlikely but not impossible.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from nerveroot.case import SIDES, Case, Side
from nerveroot.engine.evidence import Hit
from nerveroot.engine.facts import parameter, side_involved
from nerveroot.engine.knowledge import Knowledge
from nerveroot.engine.posterior import normalise


def root_prior(causes: Mapping[str, float], age: float | None, kb: Knowledge) -> dict[str, float]:
    prior = dict.fromkeys(kb.roots, 0.0)
    for cause_id, p in causes.items():
        levels = kb.causes[cause_id].levels
        older = age is not None and age >= parameter(kb, "older_disc_levels_from_age")
        shares = levels.get("older") if older else None
        for root, share in (shares or levels["default"]).items():
            prior[root] += p * share
    floor = 1e-4  # every root stays possible, whatever the cause mix
    return {r: max(p, floor) for r, p in prior.items()}


def infer_level(
    case: Case, hits: Sequence[Hit], causes: Mapping[str, float], kb: Knowledge
) -> dict[tuple[str, Side], float]:
    prior = root_prior(causes, case.age, kb)
    involved = {s: side_involved(case, kb, s) for s in SIDES}
    mismatch = math.log(kb.side_mismatch.lr)
    scores: dict[tuple[str, Side], float] = {}
    for side in SIDES:
        penalty = mismatch if any(involved.values()) and not involved[side] else 0.0
        for root, p in prior.items():
            scores[(root, side)] = math.log(p * 0.5) + penalty
    for hit in hits:
        if hit.on != "root":
            continue
        for side in (hit.side,) if hit.side else SIDES:
            for root, lr in hit.lr.items():
                scores[(root, side)] += math.log(lr)
    return normalise(scores)
