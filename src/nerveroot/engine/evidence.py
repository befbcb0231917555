"""Which findings of the case match the knowledge base, and what each does to which hypothesis.

A hit is one finding's effect on one family of hypotheses (pattern, root, cause), with its likelihood
ratios and source. Root effects belong to a side; pattern and cause effects count once, even when the
finding is present in both legs, so that a bilateral sign is not counted as two observations.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nerveroot.case import WHERE, Case, ImagingFinding, Side, Where
from nerveroot.engine.conditions import FactView
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
    group: str | None = None  # findings of one picture, capped together (findings.yaml `groups`)


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
    view = FactView(facts, derived, kb)
    for f in kb.findings:
        if f.when is not None and not view.holds(f.when):
            continue
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
                        hits.append(Hit(fact, f.id, f.label_no_side, e.target, e.lr, e.source, group=f.group))
                counted = True
        else:
            value = derived[f.fact].value if f.fact.startswith("derived.") else facts.get(f.fact)
            if f.match.holds(value):
                hits.extend(
                    Hit(
                        f.fact,
                        f.id,
                        f.label,
                        e.target,
                        e.lr,
                        e.source,
                        group=f.group if e.target != "root" else None,
                    )
                    for e in f.effects
                )
    hits.extend(_region_hits(case, kb))
    hits.extend(_sensation_hits(case, kb))
    hits.extend(_territory_hits(case, kb))
    hits.extend(_imaging_hits(case, hits, kb))
    return _capped(hits, kb)


def _capped(hits: Sequence[Hit], kb: Knowledge) -> list[Hit]:
    """Findings of one picture are not independent: together they count as one finding, which can favour its
    leading hypothesis over any other by at most the group's cap (suri_2010: the whole neurogenic claudication
    picture has LR 3.7). Hypotheses further behind are lifted to within the cap, by one extra hit, so that a
    further finding of the picture never lowers the hypothesis it supports."""
    out = list(hits)
    for name, group in kb.groups.items():
        members = [h for h in out if h.group == name and h.on == group.target]
        if not members:
            continue
        targets: list[str] = list(kb.causes if group.target == "cause" else kb.patterns.hypotheses)
        combined = dict.fromkeys(targets, 0.0)
        for h in members:
            for target, lr in h.lr.items():
                combined[target] += math.log(lr)
        floor = max(combined.values()) - math.log(group.cap)
        lift = {t: math.exp(floor - v) for t, v in combined.items() if v < floor}
        if lift:
            label = f"counted as one picture with its other findings (at most {group.cap:g} times)"
            out.append(Hit(f"group.{name}", f"group_{name}", label, group.target, lift, group.source))
    return out


_NEXT = {"L1": "L2", "L2": "L3", "L3": "L4", "L4": "L5", "L5": "S1", "S1": "S2"}


def _disc(level: str | None) -> str | None:
    """The disc space of a reported level: "L4-L5" as given; a vertebra ("L4", a slip of L4 on L5) is the
    disc below it."""
    if level is None or "-" in level:
        return level
    below = _NEXT.get(level)
    return f"{level}-{below}" if below else None


def met_root(item: ImagingFinding, kb: Knowledge) -> str | None:
    """The root a reported finding meets: named by the report, or from its disc level and zone (a paracentral
    disc meets the traversing root, a foraminal one the exiting root: REFERENCE.md 2.7)."""
    if item.compresses in kb.roots:
        return item.compresses
    disc = _disc(item.level)
    if disc is None or disc not in kb.imaging.discs:
        return None
    zone = item.zone or kb.imaging.default_zone.get(item.finding)
    if zone is None:
        return None
    return kb.imaging.discs[disc].get(kb.imaging.zones[zone])


def _fit(item: ImagingFinding, clinical: Mapping[tuple[str, Side], float], kb: Knowledge) -> float:
    """How well the level of a finding fits the clinical picture: the probability, from the clinical findings
    alone, that the root is one of those at that level (on its side). A finding without a level fits."""
    disc = _disc(item.level)
    if disc is None or disc not in kb.imaging.discs or not clinical:
        return 1.0
    named = {item.compresses} if item.compresses in kb.roots else set()
    roots = named | set(kb.imaging.discs[disc].values())
    sides = (item.side,) if item.side in ("left", "right") else ("left", "right")
    return min(1.0, sum(p for (root, side), p in clinical.items() if root in roots and side in sides))


def _imaging_hits(case: Case, hits: Sequence[Hit], kb: Knowledge) -> list[Hit]:
    """A scan counts with the picture it fits: its root effect lands on the root it meets, on its side (both
    legs when the report names none), where the clinical findings confirm or outweigh it; its pattern and
    cause effects count once per kind of finding, each scaled by how well its level fits the clinical root
    (an old slip two levels away from the root that hurts does not make the slip the cause)."""
    if not case.imaging:
        return []
    from nerveroot.engine.level import (
        infer_level,
    )  # the level module reads hits; imported here, not at the top

    clinical = infer_level(case, hits, {}, kb) if any(h.on == "root" for h in hits) else {}
    out: list[Hit] = []
    strongest: dict[str, tuple[float, Hit]] = {}  # pattern and cause effects: once per kind of finding
    for i, item in enumerate(case.imaging):
        effects = kb.imaging.findings.get(item.finding, [])
        label = f"{item.modality.upper()} showing {item.finding.replace('_', ' ')}" + (
            f" at {item.level}" if item.level else ""
        )
        fact = f"imaging.{i}.{item.finding}"
        root = met_root(item, kb)
        side: Side | None = item.side if item.side in ("left", "right") else None
        fit = _fit(item, clinical, kb)
        for e in effects:
            if e.target == "root":
                if root is not None:
                    out.append(Hit(fact, f"imaging_{item.finding}", f"{label} ({root})", "root",
                                   {root: e.lr["compressed"]}, e.source, side))  # fmt: skip
                continue
            lr = {t: (1 + (v - 1) * fit) if v > 1 else v for t, v in e.lr.items()}
            hit = Hit(fact, f"imaging_{item.finding}", label, e.target, lr, e.source)
            key = f"{item.finding}.{e.target}"
            weight = sum(abs(math.log(v)) for v in lr.values())
            if key not in strongest or weight > strongest[key][0]:
                strongest[key] = (weight, hit)
    return out + [hit for _, hit in strongest.values()]


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
    """Dermatome evidence from reported symptoms: the best-matching region of each drawing speaks for a root."""
    hits: list[Hit] = []
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
    return hits


def _sensation_hits(case: Case, kb: Knowledge) -> list[Hit]:
    """Examined sensation, as reported symptoms are: for each root, the one abnormal region that speaks for it
    best (one observation per root and side, however many regions were found numb); a root's key sensory
    point examined normal lowers that root."""
    hits: list[Hit] = []
    sensation = kb.modalities["sensation"]
    overrides = {o.region: o for o in kb.region_overrides if o.modality == "sensation"}
    for side in WHERE:
        said = "side not given" if side == "unknown" else side
        found = getattr(case.sensation, side) or {}
        abnormal = [r for r, level in found.items() if level in (sensation.levels or ())]
        for root_id, root in kb.roots.items():
            options = []
            for region in abnormal:
                override = overrides.get(region)
                if override is not None and root_id in override.lr:
                    options.append((override.lr[root_id], region, override.source))
                elif region in root.dermatome:
                    options.append(
                        (1 + (sensation.max_lr - 1) * root.dermatome[region], region, sensation.source)
                    )
            if options:
                lr, region, source = max(options)
                label = f"{found[region]} sensation in the {kb.regions[region].label} ({said})"
                hits.append(Hit(f"sensation.{side}.{region}", "dermatome_sensation", label, "root",
                                {root_id: lr}, source, _leg(side)))  # fmt: skip
            key = root.key_point
            if key is not None and found.get(key) == "normal" and sensation.normal_key_point_lr is not None:
                label = f"normal sensation at the {root_id} key point, the {kb.regions[key].label} ({said})"
                hits.append(Hit(f"sensation.{side}.{key}", "key_point_normal", label, "root",
                                {root_id: sensation.normal_key_point_lr}, sensation.source, _leg(side)))  # fmt: skip
    return hits
