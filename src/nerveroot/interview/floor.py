"""The floor the red-flag rules set: the interview does not stop while an unasked question could raise it.

Derived from the rules themselves (red_flags.yaml), not from a list: each rule is read as the ways it can fire
(conjunctions of tests on facts, engine/conditions.py `terms`). For a rule above the current triage, a way is
within reach when none of its tests is already ruled out, at least one holds or cannot be settled (asked and
"not sure", or no question can tell), and the others (at most `floor_open_at_most` of them, questions.yaml)
can be answered by questions not yet asked: a 78-year-old
on steroids with sudden back pain is asked about a fall even after "no" to a significant injury, because the
fracture rule needs only that. A single test on its own (a rule on one warning sign) is within reach while its
question is unasked.

Whether a question can settle a test is found by trying it: the question's representative answers are written
into the case and the test is read again (a derived fact such as the count of inflammatory features is moved by
several questions; a count that comes closer to its threshold counts as progress).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal

from nerveroot.case import SIDES, parse_case
from nerveroot.engine.conditions import Term, Test, terms
from nerveroot.engine.facts import derive, flatten
from nerveroot.engine.knowledge import Knowledge, load_knowledge
from nerveroot.engine.knowledge_common import LEVELS, Match
from nerveroot.errors import CaseError
from nerveroot.interview.answers import _known, _write
from nerveroot.interview.bank import _Q, _bank
from nerveroot.interview.evaluate import _Eval, _key
from nerveroot.interview.weigh import _probe_values

Status = Literal["holds", "ruled_out", "askable", "unsettled"]


@dataclass(frozen=True)
class _Way:
    rule: str
    level: int
    term: Term


@cache
def _ways() -> tuple[_Way, ...]:
    kb = load_knowledge()
    return tuple(
        _Way(rule.id, LEVELS.index(rule.level), term)
        for rule in kb.red_flags.rules
        for term in terms(rule.when, kb)
    )


@lru_cache(maxsize=8192)
def _view(key: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Facts and derived values of a case (JSON key); None when the case is not valid."""
    kb = load_knowledge()
    try:
        case = parse_case(json.loads(key))
    except CaseError:
        return None
    derived = {k: d.value for k, d in derive(case, kb).items()}
    return flatten(case, kb), derived


def _value(fact: str, view: tuple[dict[str, Any], dict[str, Any]], now: _Eval) -> Any:
    facts, derived = view
    if fact.startswith("derived."):
        return derived.get(fact)
    if fact.startswith("pattern."):
        return now.pattern.get(fact.removeprefix("pattern."))
    return facts.get(fact)


def _distance(match: Match, value: Any) -> float | None:
    """How far a number is from meeting a threshold (None when it is not a number or there is none)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if match.at_least is not None:
        return max(0.0, match.at_least - value)
    if match.below is not None:
        return max(0.0, value - match.below + 1e-9)
    return None


@dataclass
class _Ctx:
    """The case being interviewed, as the floor reads it; answers tried once per question and call."""

    case: Mapping[str, Any]
    view: tuple[dict[str, Any], dict[str, Any]]
    now: _Eval
    open_qs: Sequence[_Q]
    asked: Sequence[str]
    kb: Knowledge
    open_at_most: int
    unsure_families: frozenset[str]  # questions answered "not sure" on one leg are not tried on the other
    tried: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = field(default_factory=dict)
    seen: dict[tuple[str, int, bool], tuple[Status, list[_Q]]] = field(default_factory=dict)

    def views(self, q: _Q) -> list[tuple[dict[str, Any], dict[str, Any]]]:
        if q.id not in self.tried:
            found = [
                _view(_key(_write(self.case, q, v, share=True))) for v in _probe_values(q, self.kb, SIDES)
            ]
            self.tried[q.id] = [v for v in found if v is not None]
        return self.tried[q.id]

    def twin_asked(self, q: _Q) -> bool:
        other = "right" if q.side == "left" else "left"
        return q.side is not None and f"{q.spec.id}.{other}" in self.asked


def _settles(ctx: _Ctx, lit: Test, q: _Q, current: Any) -> bool:
    """Would some answer to q make the test hold, or bring a count nearer its threshold?"""
    before = _distance(lit.match, current)
    for view in ctx.views(q):
        after = _value(lit.fact, view, ctx.now)
        if lit.match.holds(after):
            return True
        gap = _distance(lit.match, after)
        if before is not None and gap is not None and gap < before:
            return True
    return False


def _status(ctx: _Ctx, lit: Test) -> tuple[Status, list[_Q]]:
    key = (lit.fact, id(lit.match), lit.negated)
    if key not in ctx.seen:
        ctx.seen[key] = _status_of(ctx, lit)
    return ctx.seen[key]


def _status_of(ctx: _Ctx, lit: Test) -> tuple[Status, list[_Q]]:
    value = _value(lit.fact, ctx.view, ctx.now)
    if lit.holds(value):
        return "holds", []
    if lit.negated or lit.match.absent is not None:
        return "ruled_out", []  # a negation fails, or an absence, only on a value that is known
    if lit.fact.startswith("pattern."):
        return "ruled_out", []  # a probability below its threshold now: the weighing, not the floor, moves it
    if lit.fact.startswith(("unsure.", "imaging.")):
        return "unsettled", []  # no question answers these
    if not lit.fact.startswith("derived."):
        if value is not None:
            return "ruled_out", []
        direct = [q for q in ctx.open_qs if q.path == lit.fact]
        return ("askable", direct) if direct else ("unsettled", [])
    # A derived fact already answered no can still turn with the same question on the other leg (a foot pulse
    # normal on the right, not yet felt on the left); a count can still climb towards its threshold.
    counted = value is not None and _distance(lit.match, value) is not None
    tried = [
        q
        for q in ctx.open_qs
        if (value is None or counted or ctx.twin_asked(q)) and q.spec.id not in ctx.unsure_families
    ]
    helpful = [q for q in tried if _settles(ctx, lit, q, value)]
    if helpful:
        return "askable", helpful
    return ("unsettled", []) if value is None else ("ruled_out", [])


def _within_reach(ctx: _Ctx, way: _Way) -> list[_Q]:
    """The questions that could complete this way of firing, or none when it is out of reach."""
    statuses = []
    for lit in way.term:
        status, qs = _status(ctx, lit)
        if status == "ruled_out":
            return []
        statuses.append((status, qs))
    askable = [q for status, qs in statuses if status == "askable" for q in qs]
    missing = sum(1 for status, _ in statuses if status == "askable")
    anchored = len(way.term) == 1 or any(status in ("holds", "unsettled") for status, _ in statuses)
    return askable if askable and anchored and missing <= ctx.open_at_most else []


def floor_questions(
    case: Mapping[str, Any],
    asked: Sequence[str],
    now: _Eval,
    open_qs: Sequence[_Q],
    *,
    every_level: bool = False,
) -> Iterator[tuple[int, str, _Q]]:
    """(level, rule id, question) for the unasked questions that could raise the triage floor: those of the
    highest level within reach, or of every level."""
    view = _view(_key(case))
    if view is None:
        return
    current = LEVELS.index(now.triage)
    open_now = [q for q in open_qs if q.id not in asked and not _known(case, q) and not q.spec.covers]
    bank = _bank()
    unsure = frozenset(
        bank.by_id[qid].spec.id
        for qid in asked
        if qid in bank.by_id and not bank.by_id[qid].spec.covers and not _known(case, bank.by_id[qid])
    )
    ctx = _Ctx(
        case,
        view,
        now,
        open_now,
        asked,
        load_knowledge(),
        open_at_most=bank.stop.floor_open_at_most,
        unsure_families=unsure,
    )
    found_at: int | None = None
    for way in sorted(_ways(), key=lambda w: -w.level):
        if way.level <= current or (found_at is not None and way.level < found_at and not every_level):
            continue  # only the highest level within reach is needed
        for q in _within_reach(ctx, way):
            found_at = way.level
            yield way.level, way.rule, q


def floor_question(
    case: Mapping[str, Any],
    asked: Sequence[str],
    now: _Eval,
    open_qs: Sequence[_Q],
    value: Mapping[str, float],
) -> _Q | None:
    """The question to ask before stopping: for the highest level within reach, the most valuable one."""
    found = list(floor_questions(case, asked, now, open_qs))
    if not found:
        return None
    top = max(level for level, _, _ in found)
    best = [q for level, _, q in found if level == top]
    return max(best, key=lambda q: (value.get(q.id, 0.0), q.id))
