"""Red flags first: rules set a minimum level that no probability can lower.

The level is the highest of every rule that fires and the engine's own suggestion. Rules and their
conditions are data (red_flags.yaml); this module only evaluates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nerveroot.engine.conditions import FactView
from nerveroot.engine.facts import Derived
from nerveroot.engine.knowledge import Knowledge, Rule
from nerveroot.engine.knowledge_common import LEVELS, Level
from nerveroot.engine.pattern import PatternResult


@dataclass(frozen=True)
class Fired:
    rule: Rule
    matched: tuple[str, ...]  # fact ids that made it fire
    reason: str


@dataclass(frozen=True)
class TriageResult:
    level: Level
    fired: tuple[Fired, ...]
    suggestion: Level
    suggestion_reason: str


# facts that qualify a finding (how long it has been there) rather than being one: a reason does not name them
# ("... weak ankle plantarflexion on the right and duration weeks need emergency assessment")
_QUALIFIERS = frozenset({"duration_weeks"})


def _join(items: list[str]) -> str:
    unique = list(dict.fromkeys(items))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def rank(level: Level) -> int:
    return LEVELS.index(level)


def fired_rules(
    facts: Mapping[str, Any],
    derived: Mapping[str, Derived],
    kb: Knowledge,
    pattern: Mapping[str, float] | None = None,
) -> list[Fired]:
    """Every rule that fires; a rule may read the pattern's probabilities (``pattern.<hypothesis>``)."""
    ctx = FactView(facts, derived, kb, pattern)
    out = []
    for rule in kb.red_flags.rules:
        if not ctx.holds(rule.when):
            continue
        ok, matched = ctx.check(rule.when)
        if ok:
            named = [ctx.describe(f) for f in matched if f not in _QUALIFIERS]
            text = rule.reason.replace("{matched}", _join(named) if named else "")
            out.append(Fired(rule, tuple(dict.fromkeys(matched)), text))
    return sorted(out, key=lambda f: -rank(f.rule.level))


def suggest(pattern: PatternResult, mimics: list[tuple[str, float]], kb: Knowledge) -> tuple[Level, str]:
    s = kb.red_flags.suggestion
    level: Level = getattr(s, pattern.label)
    reason = s.reasons[pattern.label]  # type: ignore[index]
    floor = s.look_alike_beside_a_root_at_least if pattern.label == "radicular" else s.look_alike_at_least
    for mimic, p in mimics:
        urgency = kb.patterns.hypotheses[mimic].urgency
        if p >= floor and urgency is not None and rank(urgency) > rank(level):
            level = urgency
            reason = s.reasons["look_alike"].replace("{mimic}", kb.advice.mimics[mimic].label)
    return level, reason


def triage(
    facts: Mapping[str, Any],
    derived: Mapping[str, Derived],
    pattern: PatternResult,
    mimics: list[tuple[str, float]],
    kb: Knowledge,
) -> TriageResult:
    fired = fired_rules(facts, derived, kb, pattern.hypotheses)
    suggestion, why = suggest(pattern, mimics, kb)
    level = max([suggestion, *(f.rule.level for f in fired)], key=rank)
    return TriageResult(level, tuple(fired), suggestion, why)
