"""Flags that say "consider referral" on the worklist, and the drafted referral letter.

As the clinic's guide describes: refer for a surgical opinion when weakness is significant and getting
worse, or when conservative care has not brought enough improvement in a reasonable time. Concretely
(thresholds in knowledge/clinic.yaml, with their sources):
- not_improving: a score taken `not_improving_weeks` or more after the first has improved by less than
  its MCID (points and percent) on every measure recorded both times;
- weakness_worse: a key movement graded lower than at the examination before;
- new_red_flag: the latest follow-up fires a warning-sign rule that no earlier assessment fired.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from nerveroot.case import SIDES, grade_value
from nerveroot.clinic.chart import measures, targets
from nerveroot.clinic.knowledge import clinic_knowledge
from nerveroot.store.clinic import EpisodeAssessment, Outcome


@dataclass(frozen=True)
class Flag:
    id: str
    label: str
    reason: str


def score(o: Outcome, key: str) -> float | None:
    value = o.odi_percent if key == "odi" else getattr(o, key)
    return None if value is None else float(value)


def not_improving(outcomes: Sequence[Outcome]) -> Flag | None:
    weeks = clinic_knowledge().referral.not_improving_weeks.value
    if len(outcomes) < 2:
        return None
    first, last = outcomes[0], outcomes[-1]
    elapsed = (last.taken_at - first.taken_at).total_seconds() / (7 * 86400)
    if elapsed < weeks:
        return None
    compared, improved = [], []
    for m in measures():
        before, after = score(first, m.key), score(last, m.key)
        if before is None or after is None:
            continue
        by_points, by_percent = targets(m, before)
        compared.append(f"{m.title.split(' (')[0].lower()} {before:.3g} → {after:.3g}")
        if before > 0 and after <= max(by_points, by_percent):
            improved.append(m.key)
    if not compared or improved:
        return None
    return Flag("not_improving", "Not improving",
                f"after {elapsed:.0f} weeks, less than the minimal important improvement: {'; '.join(compared)}")  # fmt: skip


def _grades(row: EpisodeAssessment) -> dict[tuple[str, str], float]:
    weakness = row.case_json.get("weakness", {})
    out: dict[tuple[str, str], float] = {}
    for side in SIDES:
        for movement, grade in (weakness.get(side) or {}).items():
            if movement != "leg" and not isinstance(grade, bool):
                out[(side, movement)] = grade_value(grade)
    return out


def weakness_worse(history: Sequence[EpisodeAssessment]) -> Flag | None:
    exams = [h for h in history if h.kind == "examination"]
    if len(exams) < 2:
        return None
    drop = clinic_knowledge().referral.weakness_worse_grades.value
    before, after = _grades(exams[-2]), _grades(exams[-1])
    worse = [f"{side} {movement.replace('_', ' ')} {before[(side, movement)]:g} → {grade:g}"
             for (side, movement), grade in after.items()
             if (side, movement) in before and before[(side, movement)] - grade >= drop - 1e-9]  # fmt: skip
    if not worse:
        return None
    return Flag(
        "weakness_worse", "Weakness worse", "weaker than at the last examination: " + "; ".join(worse)
    )


def new_red_flag(history: Sequence[EpisodeAssessment]) -> Flag | None:
    """A warning-sign rule fired by a follow-up that no earlier assessment of the episode fired."""
    from nerveroot.engine.knowledge import load_knowledge

    rules = {r.id: r for r in load_knowledge().red_flags.rules}
    for i in range(len(history) - 1, 0, -1):
        if history[i].kind != "follow_up":
            continue
        earlier = {r for h in history[:i] for r in h.assessment_json.get("triage", {}).get("rules", [])}
        latest = history[i].assessment_json.get("triage", {})
        new = [r for r in latest.get("rules", []) if r not in earlier]
        if new:
            names = [getattr(rules.get(r), "reason", None) or r.replace("_", " ") for r in new]
            return Flag(
                "new_red_flag",
                "New warning sign",
                f"at follow-up ({latest.get('level')}): " + "; ".join(names),
            )
        return None
    return None


def flags_of(history: Sequence[EpisodeAssessment], outcomes: Sequence[Outcome]) -> list[Flag]:
    found = (new_red_flag(history), weakness_worse(history), not_improving(outcomes))
    return [f for f in found if f is not None]


def referral_letter(
    *,
    clinic: str,
    name: str,
    flags: Sequence[Flag],
    latest: EpisodeAssessment | None,
    exam_rows: Sequence[tuple[str, str]],
    outcomes: Sequence[Outcome],
    started: datetime,
    today: datetime,
) -> str:
    """A draft for the clinician to check and sign: reason, findings, course and scores. Paragraphs are
    separated by a blank line (the PDF and the page print them as such)."""
    a = latest.assessment_json if latest else {}
    roots = ", ".join(
        f"{r.get('root')} ({r.get('side')}, {float(r.get('probability', 0)) * 100:.0f}%)"
        for r in a.get("roots", [])[:2]
    )
    weeks = (today - started).days // 7
    reason = (
        "; ".join(f"{f.label.lower()}: {f.reason}" for f in flags) or "clinical judgement (no automatic flag)"
    )
    exam = "; ".join(f"{test} {finding}" for test, finding in exam_rows) or "no examination recorded"
    scores = (
        "; ".join(
            f"{o.taken_at:%d %b %Y}: leg pain {o.leg_pain if o.leg_pain is not None else '-'}/10, back pain "
            f"{o.back_pain if o.back_pain is not None else '-'}/10, ODI {f'{o.odi_percent:.0f}%' if o.odi_percent is not None else '-'}"
            for o in outcomes
        )
        or "no scores recorded"
    )
    triage = a.get("triage", {})
    return "\n\n".join([
        "Dear colleague,",
        f"Re: {name}. I would be grateful for a surgical opinion. Reason for referral: {reason}.",
        f"Course: first seen at {clinic} {weeks} week(s) ago and managed conservatively since. "
        f"Current urgency from the decision-support assessment: {triage.get('level', 'not assessed')}"
        + (f" ({triage.get('headline')})" if triage.get("headline") else "") + ".",
        f"Examination: {exam}.",
        f"Likely root(s) on history and examination: {roots or 'not determined'}. This is decision support, not a diagnosis.",
        f"Outcome scores: {scores}.",
        f"Yours sincerely,\n{clinic}",
    ])  # fmt: skip
