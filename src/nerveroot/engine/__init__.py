"""The engine: a case in, an assessment out. Pure and deterministic: no files, clocks or databases.

The knowledge base is loaded once (or handed in by tests); every conclusion carries the findings that
moved it, by how much (log likelihood ratio) and on which source.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from nerveroot.assessment import (
    Assessment,
    CauseLikelihood,
    Code,
    Mimic,
    Pattern,
    Reason,
    RootLikelihood,
    Triage,
    Unresolved,
)
from nerveroot.case import SIDES, Case, Side, case_json
from nerveroot.engine.advice import Situation, select_advice, select_codes
from nerveroot.engine.cause import infer_cause
from nerveroot.engine.conditions import FactView
from nerveroot.engine.evidence import Hit, collect_hits
from nerveroot.engine.facts import derive, flatten, not_asked, side_involved, unsure_topics
from nerveroot.engine.imaging import imaging_notes
from nerveroot.engine.knowledge import Knowledge, load_knowledge
from nerveroot.engine.knowledge_common import LEVELS, Level
from nerveroot.engine.level import infer_level
from nerveroot.engine.pattern import PatternResult, also_consider, infer_pattern, likely_mimics
from nerveroot.engine.triage import TriageResult, triage

__all__ = ["Knowledge", "assess", "load_knowledge"]

# How much of the conclusion is listed: presentation, not clinical knowledge.
ROOT_LISTED_AT_LEAST = 0.05
ROOTS_LISTED_AT_MOST = 4
CAUSE_LISTED_AT_LEAST = 0.01
CAUSE_CODED_AT_LEAST = 0.5
_DEMOGRAPHIC = frozenset({"age", "age_at_onset", "sex", "duration_weeks", "onset"})


def assess(case: Case, kb: Knowledge | None = None) -> Assessment:
    """Assess one case. Raises nothing for a valid case; an empty case gets an 'unrecognised' answer."""
    kb = kb or load_knowledge()
    facts = flatten(case, kb)
    derived = derive(case, kb)
    hits = collect_hits(case, facts, derived, kb)
    pattern = infer_pattern(hits, kb)
    mimics = likely_mimics(pattern, kb)
    causes = infer_cause(hits, kb)
    levels = infer_level(case, hits, causes, kb)
    result = triage(facts, derived, pattern, mimics, kb)
    mimics = _flagged_first(mimics, result, pattern)
    recognised = any(k not in _DEMOGRAPHIC for k in facts)
    unasked = not_asked(case, kb)
    unresolved = [
        Unresolved(
            topic=t, label=kb.red_flags.topics[t].label, words=words, check=kb.red_flags.topics[t].check
        )
        for t, words in unsure_topics(case, kb).items()
    ]
    if not recognised:
        return _unrecognised(case, kb, result)

    roots = _roots(levels, kb, side_named=_side_named(facts)) if pattern.label != "non_radicular" else []
    cause_list = _causes(pattern.radicular, causes, kb)
    top_cause = _top_cause(pattern, causes)
    mimic_ids = [m for m, _ in mimics]
    pinched = _pinched_nerve_advice(result, pattern, kb)
    situation = Situation(
        pattern=pattern.label,
        cause=top_cause,
        level=result.level,
        mimics=tuple(mimic_ids),
        rules=tuple(f.rule.id for f in result.fired),
        pinched_nerve=pinched,
    )
    sections = select_advice(kb, situation)
    extra = [(m, p) for m, p in also_consider(hits, kb) if m not in mimic_ids]
    return Assessment(
        notice=kb.advice.notice,
        recognised=True,
        pattern=Pattern(
            label=pattern.label, probability=_r(pattern.radicular), hypotheses=_rounded(pattern.hypotheses)
        ),
        roots=roots,
        causes=cause_list,
        triage=_triage_out(result, kb, unasked),
        mimics=[_mimic(m, p, hits, kb) for m, p in mimics],
        explanation=_explain(hits, pattern=pattern, mimics=mimic_ids, roots=roots, causes=causes, kb=kb),
        advice=[text for texts in sections.values() for text in texts],
        advice_sections=sections,
        safety_net=list(kb.advice.safety_net),
        codes=_codes(pattern, causes=causes, roots=roots, result=result, case=case, facts=facts, kb=kb),
        findings=case_json(case),
        unresolved=unresolved,
        not_asked=unasked,
        also_consider=[_mimic(m, p, hits, kb) for m, p in extra],
        pinched_nerve_advice=pinched,
        imaging=imaging_notes(case, roots, kb),
    )


def _r(p: float) -> float:
    return round(p, 4)


def _rounded(probs: Mapping[str, float]) -> dict[str, float]:
    return {k: _r(v) for k, v in sorted(probs.items(), key=lambda kv: -kv[1])}


_SIDED_GROUPS = frozenset({"pain", "numbness", "tingling", "sensation", "weakness", "reflexes", "tests"})


_NORMAL = frozenset({"normal", "negative", "flexor"})


def _side_named(facts: Mapping[str, object]) -> bool:
    """Was any finding given on a named leg? If not, the side of every root is unknown, never a default. A
    normal finding said of both legs alike ("reflexes symmetrical", "my legs feel strong") names no side."""
    for key, value in facts.items():
        group, _, rest = key.partition(".")
        side, _, item = rest.partition(".")
        if group not in _SIDED_GROUPS or side not in ("left", "right"):
            continue
        other = f"{group}.{'right' if side == 'left' else 'left'}.{item}"
        normal = (
            value is False
            or (isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 5)
            or value in _NORMAL
            or (item == "clonus" and value == "absent")
        )
        if not (normal and facts.get(other) == value):
            return True
    return False


def _roots(
    levels: Mapping[tuple[str, Side], float], kb: Knowledge, *, side_named: bool
) -> list[RootLikelihood]:
    merged: dict[tuple[str, str], float] = {}
    for (root, side), p in levels.items():  # no side named: both legs carry the same evidence
        key = (root, side if side_named else "unknown")
        merged[key] = merged.get(key, 0.0) + p
    ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
    chosen = [item for item in ranked if item[1] >= ROOT_LISTED_AT_LEAST][:ROOTS_LISTED_AT_MOST] or ranked[:1]
    return [
        RootLikelihood(
            root=root,
            side=side,
            probability=_r(p),
            label=kb.roots[root].label,
            dermatome=sorted(r for r, w in kb.roots[root].dermatome.items() if w >= 0.5),
        )
        for (root, side), p in chosen
    ]


def _causes(radicular: float, causes: Mapping[str, float], kb: Knowledge) -> list[CauseLikelihood]:
    scored = [(c, radicular * p, kb.advice.causes[c].label) for c, p in causes.items()]
    scored.append(("non_radicular", 1 - radicular, kb.advice.causes["non_radicular"].label))
    scored.sort(key=lambda item: (-item[1], item[0]))
    return [
        CauseLikelihood(cause=c, probability=_r(p), label=label)
        for c, p, label in scored
        if p >= CAUSE_LISTED_AT_LEAST
    ]


def _top_cause(pattern: PatternResult, causes: Mapping[str, float]) -> str:
    if pattern.label == "non_radicular":
        return "non_radicular"
    return max(causes, key=lambda c: causes[c])


def _triage_out(result: TriageResult, kb: Knowledge, unasked: Sequence[str]) -> Triage:
    text = kb.advice.triage[result.level]
    reasons = [f.reason for f in result.fired]
    if not any(f.rule.level == result.level for f in result.fired):
        reasons.append(result.suggestion_reason)
    said = kb.red_flags.suggestion.reasons
    if unasked and LEVELS.index(result.level) < LEVELS.index("urgent"):
        topics = [kb.red_flags.topics[t].label for t in unasked]
        reasons.append(said["not_asked"].replace("{topics}", "; ".join(topics)))
    elif not unasked and not result.fired:
        reasons.append(said["all_denied"])
    return Triage(
        level=result.level,
        reasons=list(dict.fromkeys(reasons)),
        rules=[f.rule.id for f in result.fired],
        headline=text.headline,
        action=text.action,
        timeframe=text.timeframe,
    )


def _flagged_first(
    mimics: list[tuple[str, float]], result: TriageResult, pattern: PatternResult
) -> list[tuple[str, float]]:
    named = [f.rule.names_mimic for f in result.fired if f.rule.names_mimic is not None]
    flagged = [(m, pattern.hypotheses[m]) for m in dict.fromkeys(named)]
    return flagged + [(m, p) for m, p in mimics if m not in named]


def _mimic(mimic: str, p: float, hits: Sequence[Hit], kb: Knowledge) -> Mimic:
    text = kb.advice.mimics[mimic]
    behind = [h.label for h in hits if h.on == "pattern" and h.lr.get(mimic, 1.0) > 1.0]
    return Mimic(
        mimic=mimic,
        label=text.label,
        probability=_r(p),
        findings=list(dict.fromkeys(behind)),
        explanation=text.explanation,
        action=text.action,
        who=text.who,
        urgency=kb.patterns.hypotheses[mimic].urgency,
    )


def _explain(
    hits: Sequence[Hit],
    *,
    pattern: PatternResult,
    mimics: Iterable[str],
    roots: Sequence[RootLikelihood],
    causes: Mapping[str, float],
    kb: Knowledge,
) -> list[Reason]:
    shown_pattern = {"radicular", *mimics}
    shown_roots = {(r.root, r.side) for r in roots}
    shown_causes = {c for c, p in causes.items() if p >= 0.05} if pattern.label != "non_radicular" else set()
    out: list[Reason] = []
    for hit in hits:
        for target, lr in hit.lr.items():
            weight = math.log(lr)
            if abs(weight) < 0.05:
                continue
            if hit.on == "pattern" and target not in shown_pattern:
                continue
            if hit.on == "cause" and target not in shown_causes:
                continue
            if hit.on == "root" and not any(
                (target, s) in shown_roots
                for s in ((hit.side,) if hit.side else ("left", "right", "unknown"))
            ):
                continue
            out.append(
                Reason(
                    finding=hit.finding,
                    supports=target,
                    weight=round(weight, 2),
                    source=hit.source,
                    conclusion=hit.on,
                    reason=hit.label,
                    side=hit.side,
                )
            )
    order = {"pattern": 0, "root": 1, "cause": 2}
    return sorted(out, key=lambda r: (order[r.conclusion], -abs(r.weight), r.finding, r.supports))


def _pinched_nerve_advice(result: TriageResult, pattern: PatternResult, kb: Knowledge) -> bool:
    """Advice meant for a pinched nerve (keep moving, its recovery course) is not shown when a rule for a
    serious disease fired or a look-alike leads (PRODUCT.md capability 4)."""
    if any(f.rule.serious for f in result.fired):
        return False
    leading = max(pattern.hypotheses, key=lambda h: pattern.hypotheses[h])
    return kb.patterns.hypotheses[leading].kind != "mimic"


def _affected_side(case: Case, kb: Knowledge) -> str:
    """The side of a look-alike's code: the one leg that shows something, both, or unknown."""
    legs = [s for s in SIDES if side_involved(case, kb, s)]
    return legs[0] if len(legs) == 1 else "both" if legs else "unknown"


def _codes(
    pattern: PatternResult,
    *,
    causes: Mapping[str, float],
    roots: Sequence[RootLikelihood],
    result: TriageResult,
    case: Case,
    facts: Mapping[str, object],
    kb: Knowledge,
) -> list[Code]:
    """Provisional codes: the conditions the red-flag rules suspect, then the leading conclusion."""
    side = _affected_side(case, kb)
    conclusions: list[tuple[str, str]] = [
        (s, side) for s in dict.fromkeys(f.rule.suspects for f in result.fired if f.rule.suspects)
    ]
    if pattern.label == "non_radicular":
        non_root = {
            h: p for h, p in pattern.hypotheses.items() if kb.patterns.hypotheses[h].kind != "radicular"
        }
        conclusions.append((max(non_root, key=lambda h: non_root[h]), side))
    else:
        top = max(causes, key=lambda c: causes[c])
        root_side = roots[0].side if roots else side
        conclusions.append((top if causes[top] >= CAUSE_CODED_AT_LEAST else "radiculopathy", root_side))
    conclusions = list(dict.fromkeys(conclusions))
    lumbosacral = bool(roots) and roots[0].root in kb.codes.lumbosacral_roots
    claudication = FactView(facts, {}, kb).holds(kb.codes.claudication)
    return [
        Code(
            system=system,
            code=code,
            display=entry.display,
            status=entry.status,
            verified=entry.status == "read",
            verification_status="provisional",
        )
        for system, entry, code in dict.fromkeys(
            select_codes(kb, conclusions=conclusions, lumbosacral=lumbosacral, claudication=claudication)
        )
    ]


def _unrecognised(case: Case, kb: Knowledge, result: TriageResult) -> Assessment:
    """Nothing clinical was given: say so, and what to describe, rather than invent a conclusion."""
    level: Level = max(result.level, "routine", key=LEVELS.index)
    text = kb.advice.triage[level]
    return Assessment(
        notice=kb.advice.notice,
        recognised=False,
        message=(
            "Nothing in this could be recognised as a symptom or finding. Describe where you feel pain, "
            "numbness or tingling (back, buttock, which part of which leg or foot), any weakness, what "
            "makes it worse or better, how long it has lasted, and any change in bladder, bowel or "
            "feeling between the legs."
        ),
        pattern=Pattern(label="uncertain", probability=0.0, hypotheses={}),
        roots=[],
        causes=[],
        triage=Triage(
            level=level,
            reasons=["Not enough was described to assess; a consultation can take a proper history."],
            rules=[],
            headline=text.headline,
            action=text.action,
            timeframe=text.timeframe,
        ),
        mimics=[],
        explanation=[],
        advice=[],
        advice_sections={},
        safety_net=list(kb.advice.safety_net),
        codes=[],
        findings=case_json(case),
    )
