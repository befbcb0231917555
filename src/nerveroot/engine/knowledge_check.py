"""Cross-checks of the knowledge base after it loads: every id used exists, every number names a source, and
every id or number the Python side reads (derived-fact parameters, rule ids in advice, cause ids of the
assessment) is there, so that a rename in the YAML is an error at load rather than a rule silently off."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from typing import Any, get_args

from pydantic import BaseModel

from nerveroot.assessment import CauseId
from nerveroot.case import IMAGING_FINDINGS, MOVEMENTS, REGIONS, Case
from nerveroot.engine.facts import DERIVED, PARAMETERS, SETS
from nerveroot.engine.knowledge import Knowledge
from nerveroot.engine.knowledge_common import CONSENSUS, LEVELS, Condition
from nerveroot.errors import Problem


def _fact_ok(path: str, hypotheses: Iterable[str] = ()) -> bool:
    """Is `path` a fact a condition can read: a case field, a derived fact, an imaging finding
    (``imaging.<finding>``) or, where `hypotheses` are given, a pattern probability (``pattern.<id>``)?"""
    parts = path.replace("{side}", "left").split(".")
    if parts[0] == "derived":
        return len(parts) == 2 and parts[1] in DERIVED
    if parts[0] == "imaging":
        return len(parts) == 2 and parts[1] in IMAGING_FINDINGS
    if parts[0] == "pattern":
        return len(parts) == 2 and parts[1] in set(hypotheses)
    model: Any = Case
    for part in parts:
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return True  # below a mapping (sides, movements): the case model checks those ids
        field = model.model_fields.get(part)
        if field is None:
            return False
        model = next(
            (
                a
                for a in (field.annotation, *get_args(field.annotation))
                if isinstance(a, type) and issubclass(a, BaseModel)
            ),
            None,
        )
    return True


def cross_check(kb: Knowledge) -> Iterator[Problem]:
    """Every id used exists, every number has a source, every LR is a positive finite number."""
    for where, source, reason in kb.sourced_items():
        if source == CONSENSUS:
            if not reason:
                yield Problem(where, "a 'consensus' value needs a reason saying why it was chosen")
        elif source not in kb.sources:
            yield Problem(where, f"unknown source id; known: {', '.join(sorted(kb.sources))}", source)
    region_ids = set(REGIONS)
    if set(kb.regions) != region_ids:
        yield Problem(
            "regions", "must list exactly the case's region ids", sorted(region_ids ^ set(kb.regions))
        )
    for root_id, root in kb.roots.items():
        if root.key_point is not None and root.key_point not in region_ids:
            yield Problem(f"roots.{root_id}.key_point", "unknown region id", root.key_point)
        for kind, territory in (("dermatome", root.dermatome), ("pain_map", root.pain_map)):
            for region, weight in territory.items():
                if region not in region_ids:
                    yield Problem(f"roots.{root_id}.{kind}", "unknown region id", region)
                if not 0 < weight <= 1:
                    yield Problem(f"roots.{root_id}.{kind}.{region}", "weights are in (0, 1]", weight)
    targets = {"root": set(kb.roots), "pattern": set(kb.patterns.hypotheses), "cause": set(kb.causes)}
    for f in kb.findings:
        if not _fact_ok(f.fact):
            yield Problem(f"findings.{f.id}.fact", "not a case field or a known derived fact", f.fact)
        for e in f.effects:
            yield from _check_lr(f"findings.{f.id}.{e.target}", e.lr, targets[e.target])
    for o in kb.region_overrides:
        yield from _check_lr(f"region_overrides.{o.region}", o.lr, targets["root"])
        if o.region not in region_ids:
            yield Problem("region_overrides", "unknown region id", o.region)
    for mimic, regions in kb.patterns.territories.regions.items():
        if mimic not in kb.patterns.hypotheses:
            yield Problem("patterns.territories.regions", "not a hypothesis", mimic)
        for region in regions:
            if region not in region_ids:
                yield Problem(f"patterns.territories.regions.{mimic}", "unknown region id", region)
    if kb.patterns.baseline not in kb.patterns.hypotheses:
        yield Problem("patterns.baseline", "must be one of the hypotheses", kb.patterns.baseline)
    for name, cause in kb.causes.items():
        for band, shares in cause.levels.items():
            yield from _check_lr(f"causes.{name}.levels.{band}", shares, targets["root"])
            if abs(sum(shares.values()) - 1) > 0.01:
                yield Problem(f"causes.{name}.levels.{band}", "shares must sum to 1", sum(shares.values()))
    yield from _check_conditions(kb)
    if set(kb.advice.triage) != set(LEVELS):
        yield Problem(
            "advice.triage", "needs one entry per triage level", sorted(set(LEVELS) ^ set(kb.advice.triage))
        )
    for name in kb.causes:
        if name not in kb.advice.causes:
            yield Problem("advice.causes", "missing plain label for a cause", name)
    for name, h in kb.patterns.hypotheses.items():
        if h.kind != "radicular" and name not in kb.advice.mimics:
            yield Problem("advice.mimics", "missing plain text for a look-alike", name)
    for concl, entries in kb.codes.conclusions.items():
        for entry in entries:
            if entry.system not in kb.codes.systems:
                yield Problem(f"codes.{concl}", "unknown code system", entry.system)
            if not entry.all_codes():
                yield Problem(
                    f"codes.{concl}", "an entry needs a code (or its lumbar/lumbosacral or side variants)"
                )
    for root_id in kb.codes.lumbosacral_roots:
        if root_id not in kb.roots:
            yield Problem("codes.lumbosacral_roots", "unknown root", root_id)
    yield from _check_findings_extras(kb)
    yield from _check_code_facing_ids(kb)


def _check_findings_extras(kb: Knowledge) -> Iterator[Problem]:
    """Parameters the derived facts read, groups, conditional findings and the imaging table."""
    for name in sorted(PARAMETERS.keys() - set(kb.parameters)):
        yield Problem("parameters", f"missing; engine/facts.py reads it ({PARAMETERS[name]})", name)
    for name in sorted(set(kb.parameters) - set(PARAMETERS)):
        yield Problem(
            "parameters", f"not read by any derived fact; known: {', '.join(sorted(PARAMETERS))}", name
        )
    for name in sorted(SETS.keys() ^ kb.sets.keys()):
        yield Problem("sets", f"engine/facts.py reads exactly: {', '.join(sorted(SETS))}", name)
    known_items = set(REGIONS) | set(MOVEMENTS)
    for name, st in kb.sets.items():
        for item in st.items:
            if item not in known_items:
                yield Problem(f"sets.{name}", "not a region or movement id of the case", item)
    for f in kb.findings:
        if f.group is not None:
            group = kb.groups.get(f.group)
            if group is None:
                yield Problem(
                    f"findings.{f.id}.group", f"unknown group; known: {', '.join(sorted(kb.groups))}", f.group
                )
            elif not any(e.target == group.target for e in f.effects):
                yield Problem(
                    f"findings.{f.id}.group", f"the finding has no {group.target} effect to cap", f.group
                )
        if f.when is not None:
            yield from _walk_condition(f"findings.{f.id}.when", f.when, kb, allow_pattern=False)
    roots = set(kb.roots)
    for disc, meets in kb.imaging.discs.items():
        for kind, root in meets.items():
            if root not in roots:
                yield Problem(f"imaging.discs.{disc}.{kind}", "unknown root", root)
    allowed = {"root": {"compressed"}, "pattern": set(kb.patterns.hypotheses), "cause": set(kb.causes)}
    for name, effects in kb.imaging.findings.items():
        if name not in IMAGING_FINDINGS:
            yield Problem(
                "imaging.findings",
                f"not an imaging finding of the case; known: {', '.join(IMAGING_FINDINGS)}",
                name,
            )
        for e in effects:
            yield from _check_lr(f"imaging.findings.{name}.{e.target}", e.lr, allowed[e.target])


# Ids that code outside the knowledge base relies on: checked here, so that a rename is an error at load.
CAUSES_OF_THE_CONTRACT = frozenset(get_args(CauseId))


def _check_code_facing_ids(kb: Knowledge) -> Iterator[Problem]:
    expected = set(kb.causes) | {"non_radicular"}
    if expected != CAUSES_OF_THE_CONTRACT:
        yield Problem(
            "causes",
            "must match the cause ids of the assessment (assessment.py CauseId)",
            sorted(expected ^ CAUSES_OF_THE_CONTRACT),
        )
    conclusions = set(kb.codes.conclusions)
    rule_ids = {r.id for r in kb.red_flags.rules}
    for rule in kb.red_flags.rules:
        if rule.suspects is not None and rule.suspects not in conclusions:
            yield Problem(
                f"red_flags.rules.{rule.id}.suspects", "not a conclusion in codes.yaml", rule.suspects
            )
    said: set[str] = set()
    for item in kb.advice.items:
        for rid in (item.when.rule or []) if item.when else []:
            if rid not in rule_ids:
                yield Problem(f"advice.items.{item.id}.when.rule", "unknown red-flag rule", rid)
            if item.section == "seek_help":
                said.add(rid)
    for rule in kb.red_flags.rules:
        if LEVELS.index(rule.level) >= LEVELS.index("prompt") and rule.id not in said:
            yield Problem(
                f"red_flags.rules.{rule.id}",
                "a rule that raises the level needs its own words: an advice item in seek_help with when.rule naming it",
            )
    yield from _walk_condition("codes.claudication", kb.codes.claudication, kb, allow_pattern=False)


def _check_lr(where: str, table: dict[str, float], allowed: set[str]) -> Iterator[Problem]:
    for key, value in table.items():
        if key not in allowed:
            yield Problem(where, f"unknown id; allowed: {', '.join(sorted(allowed))}", key)
        if not (value > 0 and math.isfinite(value)):
            yield Problem(f"{where}.{key}", "must be a positive finite number", value)


def _walk_condition(where: str, c: Condition, kb: Knowledge, *, allow_pattern: bool) -> Iterator[Problem]:
    topics = kb.red_flags.topics
    if c.fact is not None and c.fact.startswith("unsure."):
        if c.fact.removeprefix("unsure.") not in topics:
            yield Problem(where, f"unknown topic; known: {', '.join(sorted(topics))}", c.fact)
    elif c.fact is not None and not _fact_ok(c.fact, kb.patterns.hypotheses if allow_pattern else ()):
        yield Problem(where, "not a case field, an imaging finding or a known derived fact", c.fact)
    if c.feature is not None and c.feature not in kb.red_flags.features:
        yield Problem(where, f"unknown feature; known: {', '.join(sorted(kb.red_flags.features))}", c.feature)
    for child in (c.all or []) + (c.any or []) + ([c.not_] if c.not_ else []):
        yield from _walk_condition(where, child, kb, allow_pattern=allow_pattern)


def _check_conditions(kb: Knowledge) -> Iterator[Problem]:
    topics = kb.red_flags.topics
    for name, topic in topics.items():
        for path in topic.findings:
            if not path.startswith(("history.", "exam.")) or not _fact_ok(path):
                yield Problem(f"red_flags.topics.{name}.findings", "not a history or exam finding", path)

    def walk(where: str, c: Condition) -> Iterator[Problem]:
        return _walk_condition(where, c, kb, allow_pattern=True)

    for name, cond in kb.red_flags.features.items():
        yield from walk(f"red_flags.features.{name}", cond)
        for i, c in enumerate(cond.any or cond.all or [cond]):
            if (c.below is not None or c.at_least is not None) and c.source is None:
                yield Problem(f"red_flags.features.{name}[{i}]", "a threshold needs a source", c.fact)
    for rule in kb.red_flags.rules:
        yield from walk(f"red_flags.rules.{rule.id}", rule.when)
        hypothesis = kb.patterns.hypotheses.get(rule.names_mimic or "")
        if rule.names_mimic is not None and (hypothesis is None or hypothesis.kind != "mimic"):
            yield Problem(
                f"red_flags.rules.{rule.id}.names_mimic",
                "not a look-alike in patterns.yaml",
                rule.names_mimic,
            )
