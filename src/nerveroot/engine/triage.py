"""Red flags first: rules set a minimum level that no probability can lower.

The level is the highest of every rule that fires and the engine's own suggestion. Rules and their
conditions are data (red_flags.yaml); this module only evaluates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nerveroot.engine.facts import Derived
from nerveroot.engine.knowledge import LEVELS, Condition, Knowledge, Level, Rule
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


class _Facts:
    def __init__(self, facts: Mapping[str, Any], derived: Mapping[str, Derived], kb: Knowledge) -> None:
        self.facts, self.derived, self.kb = facts, derived, kb
        self.features: dict[str, tuple[bool, list[str]]] = {}  # each named feature evaluated once

    def value(self, fact: str) -> Any:
        return self.derived[fact].value if fact.startswith("derived.") else self.facts.get(fact)

    def check(self, cond: Condition) -> tuple[bool, list[str]]:
        """Whether the condition holds, and the facts that made it hold (for the reason shown)."""
        if cond.fact is not None:
            ok = cond.match.holds(self.value(cond.fact))
            return ok, [cond.fact] if ok and cond.absent is None else []
        if cond.feature is not None:
            if cond.feature not in self.features:
                self.features[cond.feature] = self.check(self.kb.red_flags.features[cond.feature])
            return self.features[cond.feature]
        if cond.not_ is not None:
            return not self.check(cond.not_)[0], []
        results = [self.check(c) for c in (cond.all or cond.any or [])]
        ok = all(r[0] for r in results) if cond.all is not None else any(r[0] for r in results)
        matched = [f for r in results if r[0] for f in r[1]] if ok else []
        return ok, matched

    def describe(self, fact: str) -> str:
        if fact.startswith("unsure."):
            return self.kb.red_flags.topics[fact.removeprefix("unsure.")].label
        if fact.startswith("derived."):
            return self.derived[fact].detail or fact.removeprefix("derived.").replace("_", " ")
        return self.kb.red_flags.labels.get(fact) or fact.rsplit(".", maxsplit=1)[-1].replace("_", " ")


def _join(items: list[str]) -> str:
    unique = list(dict.fromkeys(items))
    return unique[0] if len(unique) == 1 else ", ".join(unique[:-1]) + " and " + unique[-1]


def rank(level: Level) -> int:
    return LEVELS.index(level)


def fired_rules(facts: Mapping[str, Any], derived: Mapping[str, Derived], kb: Knowledge) -> list[Fired]:
    ctx = _Facts(facts, derived, kb)
    out = []
    for rule in kb.red_flags.rules:
        ok, matched = ctx.check(rule.when)
        if ok:
            text = rule.reason.replace(
                "{matched}", _join([ctx.describe(f) for f in matched]) if matched else ""
            )
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
    fired = fired_rules(facts, derived, kb)
    suggestion, why = suggest(pattern, mimics, kb)
    level = max([suggestion, *(f.rule.level for f in fired)], key=rank)
    return TriageResult(level, tuple(fired), suggestion, why)
