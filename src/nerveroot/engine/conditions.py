"""Conditions of the knowledge base evaluated on one case: red-flag rules, and findings that hold only under a
condition (an absent ankle jerk weighs less from 60).

A condition reads facts by id: a finding of the case (``history.fever``), a derived fact (``derived.*``), an
imaging finding (``imaging.lytic_lesion``) or, for rules only, the probability of a pattern hypothesis
(``pattern.vascular_claudication``). Facts the case does not give are ``None``: "not asked", never "no".

Two readings. `check` is the engine's: a test on a missing fact does not hold (except ``absent``), so rules
fire on what is known. `could` is the interview's: a test on a missing fact might still hold once asked, so
a rule is "within reach" until an answer rules it out.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nerveroot.engine.facts import Derived
    from nerveroot.engine.knowledge import Knowledge
    from nerveroot.engine.knowledge_common import Condition, Match


class FactView:
    """The facts of one case as conditions read them; each named feature is evaluated once."""

    def __init__(
        self,
        facts: Mapping[str, Any],
        derived: Mapping[str, Derived],
        kb: Knowledge,
        pattern: Mapping[str, float] | None = None,
    ) -> None:
        self.facts, self.derived, self.kb = facts, derived, kb
        self.pattern = pattern or {}
        self.features: dict[str, tuple[bool, list[str]]] = {}
        self.truth: dict[str, bool] = {}  # features by truth alone (the fast path)

    def value(self, fact: str) -> Any:
        if fact.startswith("derived."):
            return self.derived[fact].value
        if fact.startswith("pattern."):
            return self.pattern.get(fact.removeprefix("pattern."))
        return self.facts.get(fact)

    def check(self, cond: Condition) -> tuple[bool, list[str]]:
        """Whether the condition holds, and the facts that made it hold (for the reason shown)."""
        if cond.fact is not None:
            ok = cond.match.holds(self.value(cond.fact))
            shown = ok and cond.absent is None and not cond.fact.startswith("pattern.")
            return ok, [cond.fact] if shown else []
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

    def holds(self, cond: Condition) -> bool:
        """Whether the condition holds, short-circuiting (check() also collects the facts behind it)."""
        if cond.fact is not None:
            return cond.match.holds(self.value(cond.fact))
        if cond.feature is not None:
            if cond.feature not in self.truth:
                self.truth[cond.feature] = self.holds(self.kb.red_flags.features[cond.feature])
            return self.truth[cond.feature]
        if cond.not_ is not None:
            return not self.holds(cond.not_)
        if cond.all is not None:
            return all(self.holds(c) for c in cond.all)
        return any(self.holds(c) for c in cond.any or [])

    def describe(self, fact: str) -> str:
        if fact.startswith("unsure."):
            return self.kb.red_flags.topics[fact.removeprefix("unsure.")].label
        if fact.startswith("derived."):
            return self.derived[fact].detail or fact.removeprefix("derived.").replace("_", " ")
        if fact.startswith("imaging."):
            return "a scan showing " + fact.removeprefix("imaging.").replace("_", " ")
        return self.kb.red_flags.labels.get(fact) or fact.rsplit(".", maxsplit=1)[-1].replace("_", " ")


# ------------------------------------------------------------------------------------------ the interview's reading
@dataclass(frozen=True)
class Test:
    """One test on one fact inside a rule, possibly negated."""

    fact: str
    match: Match
    negated: bool = False

    def holds(self, value: Any) -> bool:
        return self.match.holds(value) != self.negated


Term = tuple[Test, ...]  # a conjunction


def terms(cond: Condition, kb: Knowledge, negated: bool = False) -> Iterator[Term]:
    """The condition as a disjunction of conjunctions (each a way the rule can fire), with `not` pushed to
    the facts. Rules are small, so the expansion stays small."""
    if cond.fact is not None:
        yield (Test(cond.fact, cond.match, negated),)
        return
    if cond.feature is not None:
        yield from terms(kb.red_flags.features[cond.feature], kb, negated)
        return
    if cond.not_ is not None:
        yield from terms(cond.not_, kb, not negated)
        return
    children = cond.all or cond.any or []
    conjunction = (cond.all is not None) != negated
    if not conjunction:
        for child in children:
            yield from terms(child, kb, negated)
        return
    out: list[Term] = [()]
    for child in children:
        out = [a + b for a in out for b in terms(child, kb, negated)]
    yield from out
