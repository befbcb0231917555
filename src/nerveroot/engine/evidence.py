"""Which findings of the case match the knowledge base, and what each does to which hypothesis.

A hit is one finding's effect on one family of hypotheses (pattern, root, cause), with its likelihood
ratios and source. Root effects belong to a side; pattern and cause effects count once, even when the
finding is present in both legs, so that a bilateral sign is not counted as two observations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nerveroot.case import WHERE, Case, Side, Where
from nerveroot.engine.facts import SYMPTOM_KINDS, Derived, side_involved
from nerveroot.engine.knowledge import Knowledge


@dataclass(frozen=True)
class Hit:
    finding: str  # the finding id in the case's vocabulary, e.g. "weakness.left.great_toe_extension"
    rule: str  # the knowledge base entry that matched
    label: str  # plain words
    on: str  # "pattern", "root" or "cause"
    lr: Mapping[str, float]
    source: str
    side: Side | None = None  # root effects: the side whose hypotheses it bears on (None: both)


def _leg(side: Where) -> Side | None:
    """The leg whose root hypotheses a finding bears on; a finding on an unnamed side bears on both."""
    return None if side == "unknown" else side


def _other(side: Where) -> Side | None:
    return None if side == "unknown" else "right" if side == "left" else "left"


def collect_hits(
    case: Case, facts: Mapping[str, Any], derived: Mapping[str, Derived], kb: Knowledge
) -> list[Hit]:
    hits: list[Hit] = []
    # A sided finding speaks for the pattern and the cause from the affected leg: a negative straight leg
    # raise on the painless side is expected and says nothing against a pinched nerve on the other.
    involved = {s for s in WHERE if side_involved(case, kb, s)} or set(WHERE)
    for f in kb.findings:
        if f.sided:
            counted = False
            for side, fact, label in f.per_side:
                if fact not in facts or not f.match.holds(facts[fact]):
                    continue
                if side not in involved and f.side == "same" and any(e.target != "root" for e in f.effects):
                    for e in f.effects:
                        if e.target == "root":
                            hits.append(Hit(fact, f.id, label, "root", e.lr, e.source, _leg(side)))
                    continue
                target = _leg(side) if f.side == "same" else _other(side)
                for e in f.effects:
                    if e.target == "root":
                        hits.append(Hit(fact, f.id, label, "root", e.lr, e.source, target))
                    elif not counted:
                        hits.append(Hit(fact, f.id, f.label_no_side, e.target, e.lr, e.source))
                counted = True
        else:
            value = derived[f.fact].value if f.fact.startswith("derived.") else facts.get(f.fact)
            if f.match.holds(value):
                hits.extend(Hit(f.fact, f.id, f.label, e.target, e.lr, e.source) for e in f.effects)
    hits.extend(_region_hits(case, kb))
    hits.extend(_territory_hits(case, kb))
    return hits


def _territory_hits(case: Case, kb: Knowledge) -> list[Hit]:
    territories = kb.patterns.territories
    drawn = {
        r for side in WHERE for kind in SYMPTOM_KINDS for r in case.regions(kind, side) if kb.regions[r].leg
    }
    hits = []
    for mimic, allowed in territories.regions.items():
        outside = sorted(drawn - set(allowed))
        if outside:
            label = f"symptoms outside the nerve's territory ({kb.regions[outside[0]].label})"
            hits.append(
                Hit(f"territory.{mimic}", "territory", label, "pattern", {mimic: territories.outside_lr},
                    territories.source)
            )  # fmt: skip
    return hits


def _region_hits(case: Case, kb: Knowledge) -> list[Hit]:
    """Dermatome evidence. Reported symptoms: the best-matching region of each drawing speaks for a root.
    Examined sensation: each region tested abnormal is its own observation."""
    hits: list[Hit] = []
    overrides = {(o.modality, o.region): o for o in kb.region_overrides}
    for side in WHERE:
        said = "side not given" if side == "unknown" else side
        for kind in SYMPTOM_KINDS:
            modality = kb.modalities[kind]
            regions = case.regions(kind, side)
            if not regions:
                continue
            for root_id, root in kb.roots.items():
                territory = root.territory(kind)
                best = max(regions, key=lambda r, t=territory: (t.get(r, 0.0), r))  # type: ignore[misc]
                weight = territory.get(best, 0.0)
                lr = modality.min_lr + (modality.max_lr - modality.min_lr) * weight
                if weight > 0:
                    label = f"{kind} in the {kb.regions[best].label} ({said})"
                    hits.append(
                        Hit(
                            f"{kind}.{side}.{best}",
                            f"dermatome_{kind}",
                            label,
                            "root",
                            {root_id: lr},
                            modality.source,
                            _leg(side),
                        )
                    )
                elif lr != 1.0:
                    label = f"{kind} outside the {root_id} territory ({said})"
                    hits.append(
                        Hit(
                            f"{kind}.{side}",
                            f"dermatome_{kind}",
                            label,
                            "root",
                            {root_id: lr},
                            modality.source,
                            _leg(side),
                        )
                    )
        sensation = kb.modalities["sensation"]
        for region, level in (getattr(case.sensation, side) or {}).items():
            if level not in (sensation.levels or ()):
                continue
            lr_table = {
                root_id: 1 + (sensation.max_lr - 1) * root.dermatome[region]
                for root_id, root in kb.roots.items()
                if region in root.dermatome
            }
            source = sensation.source
            override = overrides.get(("sensation", region))
            if override is not None:
                lr_table.update(override.lr)
                source = override.source
            if lr_table:
                label = f"{level} sensation in the {kb.regions[region].label} ({said})"
                hits.append(
                    Hit(
                        f"sensation.{side}.{region}",
                        "dermatome_sensation",
                        label,
                        "root",
                        lr_table,
                        source,
                        _leg(side),
                    )
                )
    return hits
