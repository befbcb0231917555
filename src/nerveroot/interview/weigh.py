"""What a question is worth: the answers it may get, how likely each is, and what each would change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nerveroot.case import SIDES, Side, value_at
from nerveroot.engine.knowledge import Knowledge, load_knowledge
from nerveroot.interview.answers import _known, _write
from nerveroot.interview.bank import _LEVELS, _Q, _AnswerModel, _Bank, _bank
from nerveroot.interview.evaluate import _answer_weight, _Eval, _evaluate, _key


def _base_rates(q: _Q, values: Sequence[Any], model: _AnswerModel) -> list[float]:
    if q.spec.kind == "yes_no":
        return [model.yes_prior if v is True else 1 - model.yes_prior for v in values]
    hits = [any(o.normal and o.value == v and type(o.value) is type(v) for o in q.options) for v in values]
    n_normal = sum(hits)
    if not n_normal or n_normal == len(values):
        return [1 / len(values)] * len(values)
    rest = (1 - model.normal_prior) / (len(values) - n_normal)
    return [model.normal_prior / n_normal if h else rest for h in hits]


_PROBE_ROOT_AT_LEAST = 0.02  # a body map is probed with the territories of the roots still in play


def _probe_values(q: _Q, kb: Knowledge, sides: Sequence[Side], now: _Eval | None = None) -> list[Any]:
    """The answers tried when weighing a question: its options, or representative values (for a body map,
    nothing, or the core territory of each root still in play on each leg)."""
    kind = q.spec.kind
    if kind == "yes_no":
        return [True, False]
    if kind == "choice":
        return [o.value for o in q.options]
    if kind == "number":
        return list(q.spec.probe or [])
    if kind == "grade":
        return [5, True]  # normal or weak; a severe grade is for the clinician to give, not to predict
    modality = q.path.split(".")[0]
    out: list[Any] = [[] if q.side else {}]
    for name, root in kb.roots.items():
        territory = root.territory("pain" if modality == "pain" else "numbness")
        core = sorted(r for r, w in territory.items() if w >= 0.8)
        legs = [
            s
            for s in ([q.side] if q.side else sides)
            if now is None or now.roots[(name, s)] >= _PROBE_ROOT_AT_LEAST
        ]
        out.extend([core] if q.side and legs else [{s: core} for s in legs] if not q.side else [])
    return out


@dataclass(frozen=True)
class _Weighed:
    q: _Q
    gain: float  # expected fall in uncertainty (bits)
    change: float  # predicted chance that the answer changes the conclusion
    triage_change: float
    separates: float  # expected shift in the probability of the look-alike in play


def _cost(now: _Eval, after: _Eval) -> float:
    """What a changed conclusion weighs: 1, plus each level the triage would rise (missing an emergency
    costs more than missing a root)."""
    if after.conclusion == now.conclusion:
        return 0.0
    return 1.0 + max(0, _LEVELS.index(after.triage) - _LEVELS.index(now.triage))


_WHO = ("person", "home_test", "strength", "clinician")


def _answerable(case: Mapping[str, Any], asked: Sequence[str], bank: _Bank) -> dict[str, float]:
    """The chance of a real answer (not "not sure") per kind of question: Laplace's rule over all the
    discriminating answers so far, refined by the answers to questions of the same kind (the pooled
    estimate counts as twelve answers)."""
    counts = {who: [0, 0] for who in _WHO}
    for qid in asked:
        q = bank.by_id.get(qid)
        if q is None or q.spec.phase != "discriminate":
            continue
        counts[q.spec.who][1] += 1
        counts[q.spec.who][0] += _known(case, q)
    pooled = (sum(a for a, _ in counts.values()) + 1) / (sum(n for _, n in counts.values()) + 2)
    return {who: (a + 12 * pooled) / (n + 12) for who, (a, n) in counts.items()}


def _abnormal(q: _Q, value: Any) -> bool:
    if q.spec.kind == "regions":
        return bool(value)
    if q.spec.kind in ("choice", "grade") and value is not None:
        return not any(o.normal and o.value == value and type(o.value) is type(value) for o in q.options)
    return False


def _mirror(case: Mapping[str, Any], asked: Sequence[str], now: _Eval, bank: _Bank) -> _Q | None:
    """After an abnormal finding in one leg, the same question for the other leg when it has symptoms too:
    a sign in both legs can change the triage (new weakness in both legs is an emergency)."""
    for qid in asked:
        q = bank.by_id.get(qid)
        if q is None or q.side is None or q.spec.phase != "discriminate":
            continue
        if not _abnormal(q, value_at(case, q.path)):
            continue
        other: Side = "right" if q.side == "left" else "left"
        twin = bank.by_id[f"{q.spec.id}.{other}"]
        if other in now.sides and twin.id not in asked and not _known(case, twin):
            return twin
    return None


def _weigh(
    q: _Q, case: Mapping[str, Any], now: _Eval, bank: _Bank, *, answered: float, mimic: str | None
) -> _Weighed | None:
    kb = load_knowledge()
    values = _probe_values(q, kb, now.sides or SIDES, now)
    outcomes: list[tuple[Any, _Eval]] = []
    for v in values:
        after = _evaluate(_key(_write(case, q, v, share=True)))
        if after is not None:
            outcomes.append((v, after))
    if not outcomes:
        return None
    base = _base_rates(q, [v for v, _ in outcomes], bank.model)
    weights = [b * _answer_weight(now, after) for b, (_, after) in zip(base, outcomes, strict=True)]
    total = sum(weights) or 1.0
    probs = [w / total for w in weights]
    gain = now.uncertainty - sum(p * after.uncertainty for p, (_, after) in zip(probs, outcomes, strict=True))
    change = sum(p * _cost(now, a) for p, (_, a) in zip(probs, outcomes, strict=True))
    t_change = sum(p for p, (_, a) in zip(probs, outcomes, strict=True) if a.triage != now.triage)
    shift = (
        sum(p * abs(a.pattern[mimic] - now.pattern[mimic]) for p, (_, a) in zip(probs, outcomes, strict=True))
        if mimic
        else 0.0
    )
    return _Weighed(q, answered * gain, answered * change, answered * t_change, answered * shift)


def _mimic_in_play(now: _Eval) -> str | None:
    """The most likely look-alike, once it is a contender: its separating question is asked before it would
    be named in the assessment, so that the interview can confirm or exclude it (issue 6)."""
    kb = load_knowledge()
    floor = _bank().stop.mimic_in_play_at_least
    mimics = [
        (p, h) for h, p in now.pattern.items() if kb.patterns.hypotheses[h].kind == "mimic" and p >= floor
    ]
    return max(mimics)[1] if mimics else None
