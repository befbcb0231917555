"""The adaptive interview: warning signs first, then the question that best separates what is still possible.

Pure: the case so far and the ids already asked go in, the next question (or none) and the assessment so
far come out; no clock, no state between calls (the questions file is read once, as the knowledge base is).
The questions are data (knowledge/questions.yaml), validated on load.

Order. The red-flag screens come first, every time; "yes" to a screen opens its questions one by one,
skipping those whose answer could no longer change the conclusion. Then the body map, until it records
where the symptoms are. Then the most valuable question: for every answer of every question not yet asked (the
options; for numbers and body maps, a few representative answers), the real engine is run. A question's
value is the expected fall in uncertainty (the entropies of the pattern, root x side and cause posteriors)
plus the chance that its answer changes the conclusion (pattern label, top root and side, triage; a rise
in triage weighs more), both times the chance that this person can answer it at all, learnt from their
"not sure" answers so far. A look-alike in play brings forward the question that separates it (issue 6);
an abnormal sign in one leg brings the same question for the other leg.

How likely an answer is: a base rate (answer_model in questions.yaml) times the answer's likelihood ratio
under each hypothesis, averaged over the current posterior; the ratios are read from the engine's own hits
for the case with and without the answer (naive Bayes over the knowledge base).

Stop when no question has more than a small chance of changing the conclusion, or the top root is settled
and nothing could change the triage (the `stop` block of questions.yaml).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache
from typing import Any, Literal

from nerveroot.case import SIDES, Case, parse_case, value_at
from nerveroot.engine import assess
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.interview.answers import _known, _warning_recorded, _write
from nerveroot.interview.bank import _LEVELS, _Q, Step, _Bank, _bank
from nerveroot.interview.evaluate import _Eval, _evaluate, _key
from nerveroot.interview.floor import floor_question
from nerveroot.interview.weigh import _answerable, _mimic_in_play, _mirror, _probe_values, _weigh


# ------------------------------------------------------------------------------------------ the interview
def _screen_open(q: _Q, case: Mapping[str, Any], asked: Sequence[str], bank: _Bank) -> bool:
    """A screen is open (its questions are asked one by one) once answered yes or a warning sign is known."""
    return q.id in asked or _warning_recorded(q, case, bank)


def _red_flag_due(
    case: Mapping[str, Any], asked: Sequence[str], now: _Eval, bank: _Bank, *, person_only: bool = False
) -> _Q | None:
    """The next warning-sign question, while the screens are not done (they end once discrimination began).

    A screen answered "yes" opens its questions: the person's own ones are asked until one of them explains
    the "yes" (or the triage is an emergency); after that, and for the examination ones, only those whose
    answer could still change the conclusion."""
    if any(qid in bank.by_id and bank.by_id[qid].spec.phase == "discriminate" for qid in asked):
        return None
    for q in bank.items:
        if q.spec.phase != "red_flags" or q.id in asked or _known(case, q):
            continue
        if person_only and q.spec.who == "clinician":
            continue
        if q.spec.covers:
            if not _screen_open(q, case, asked, bank) and any(not _known(case, s) for s in bank.covered(q)):
                return q
        elif q.spec.follows is not None:
            screen = bank.by_id[q.spec.follows]
            if not _screen_open(screen, case, asked, bank):
                continue
            explained = any(value_at(case, s.path) is True for s in bank.covered(screen))
            always = q.spec.who == "person" and now.triage != "emergency" and not explained
            if always or _can_move(q, case, now):
                return q
        else:
            return q
    return None


def _can_move(q: _Q, case: Mapping[str, Any], now: _Eval) -> bool:
    """A question opened by a screen is skipped only when no answer to it could change the conclusion
    (once it is an emergency, for instance, the other bladder questions change nothing)."""
    kb = load_knowledge()
    for v in _probe_values(q, kb, SIDES):
        after = _evaluate(_key(_write(case, q, v, share=True)))
        if after is not None and after.conclusion != now.conclusion:
            return True
    return False


def _candidates(
    case: Mapping[str, Any], asked: Sequence[str], now: _Eval, bank: _Bank, *, person_only: bool = False
) -> list[_Q]:
    sides = set(now.sides or SIDES)
    return [
        q
        for q in bank.items
        if q.spec.phase == "discriminate"
        and not (person_only and q.spec.who == "clinician")
        and q.id not in asked
        and not _known(case, q)
        and (q.side is None or q.side in sides)
    ]


def _step(key: str, asked: tuple[str, ...], person_only: bool = False) -> tuple[str | None, float]:
    """The next question id (None when done) and the number of questions still likely to matter."""
    bank = _bank()
    case = json.loads(key)
    now = _evaluate(key)
    assert now is not None  # the case was validated by the caller
    red = _red_flag_due(case, asked, now, bank, person_only=person_only)
    if red is not None:
        screens = sum(
            1
            for q in bank.items
            if q.spec.phase == "red_flags" and q.spec.follows is None and q.id not in asked
        )
        return red.id, max(1, screens) + _TYPICAL_DISCRIMINATE
    candidates = _candidates(case, asked, now, bank, person_only=person_only)
    done_here = sum(1 for qid in asked if qid in bank.by_id and bank.by_id[qid].spec.phase == "discriminate")
    typical = max(1, _TYPICAL_DISCRIMINATE - done_here)
    mapped = any(_known(case, q) for q in bank.items if q.spec.first)
    first = None if mapped else next((q for q in candidates if q.spec.first), None)
    if first is not None:
        return first.id, typical
    intake = next((q for q in candidates if q.spec.intake), None)
    if intake is not None and mapped:
        return intake.id, typical
    answerable = _answerable(case, asked, bank)
    twin = _mirror(case, asked, now, bank)
    if twin is not None:
        return twin.id, typical
    mimic = _mimic_in_play(now)
    weighed = [
        w
        for q in candidates
        if (w := _weigh(q, case, now, bank, answered=answerable[q.spec.who], mimic=mimic)) is not None
    ]
    stop = bank.stop
    separating = max(weighed, key=lambda w: (w.separates, w.q.id), default=None)
    if separating is not None and separating.separates >= stop.separates_at_least:
        # a look-alike is in play: ask what separates it before anything else (issue 6)
        return separating.q.id, typical
    live = [w for w in weighed if w.change > stop.change_at_most]
    settled = now.top_root_p >= stop.settled_root_at_least and all(
        w.triage_change <= stop.change_at_most for w in weighed
    )
    if (not live or settled) and now.conclusion[0] != "unrecognised":
        # before stopping: every red-flag rule still within reach has its questions asked (floor.py)
        value = {w.q.id: w.gain + w.change for w in weighed}
        floor = floor_question(case, asked, now, _open_questions(case, asked, now, bank, person_only), value)
        if floor is not None:
            return floor.id, 1
        severity = _grade_before_stopping(candidates, case, now)
        return (severity.id, 1) if severity is not None else (None, 0)
    if not live:  # nothing recognised yet: keep asking while anything is left
        live = [w for w in weighed if w.gain > 0 or w.change > 0] or weighed
    if not live:
        return None, 0
    best = max(live, key=lambda w: (w.gain + w.change, w.q.id))
    return best.q.id, min(len(live), typical)


@cache
def _key_muscles(root: str) -> dict[str, float]:
    """Movements whose weakness points to `root` with a likelihood ratio of 3 or more, and that ratio."""
    out: dict[str, float] = {}
    for f in load_knowledge().findings:
        if f.fact.startswith("weakness.") and f.match.below is not None:
            for e in f.effects:
                if e.target == "root" and e.lr.get(root, 0.0) >= 3:
                    out[f.fact.rsplit(".", 1)[-1]] = e.lr[root]
    return out


def _grade_before_stopping(candidates: Sequence[_Q], case: Mapping[str, Any], now: _Eval) -> _Q | None:
    """Weakness found: grade the key muscles of the likely root before stopping, while a low grade could still
    raise the triage (3/5 or worse is urgent in red_flags.yaml), yet the answer model rarely predicts it, so the
    information gain alone would stop without asking (a foot drop graded 3/5 ended at "prompt"). Only the
    muscles whose weakness points most to that root (likelihood ratio 3 or more), tried with a grade of 2."""
    root, side = now.conclusion[1], now.conclusion[2]
    if root is None or not now.weak:
        return None
    strength = _key_muscles(root)
    graded = [
        (strength[q.path.rsplit(".", 1)[-1]], q.id, q)
        for q in candidates
        if q.spec.kind == "grade" and q.side == side and q.path.rsplit(".", 1)[-1] in strength
    ]
    for _, _, q in sorted(graded, key=lambda g: (-g[0], g[1])):
        after = _evaluate(_key(_write(case, q, 2, share=True)))
        if after is not None and _LEVELS.index(after.triage) > _LEVELS.index(now.triage):
            return q
    return None


def _open_questions(
    case: Mapping[str, Any], asked: Sequence[str], now: _Eval, bank: _Bank, person_only: bool
) -> list[_Q]:
    """Every question still open, of either phase: what the floor may ask before stopping."""
    sides = set(now.sides or SIDES)
    return [
        q
        for q in bank.items
        if not q.spec.covers
        and not (person_only and q.spec.who == "clinician")
        and q.id not in asked
        and not _known(case, q)
        and (q.side is None or q.side in sides)
    ]


# The median number of discriminating questions measured on the simulated people (docs/bench-interview.md):
# the progress bar's guess of what is still to come, never shown as a promise.
_TYPICAL_DISCRIMINATE = 11


@lru_cache(maxsize=1024)
def _step_cached(key: str, asked: tuple[str, ...], person_only: bool = False) -> tuple[str | None, float]:
    return _step(key, asked, person_only)


def next_step(
    case: Mapping[str, Any],
    asked: Sequence[str] = (),
    *,
    audience: Literal["person", "clinician"] = "clinician",
) -> Step:
    """The next question for the case so far (or none when the interview is done), with its assessment.

    `audience="person"` (the patient pages) never asks what only an examination can tell (clonus, reflexes,
    the straight leg raise); a clinician at intake is asked everything.

    Raises CaseError (a BadInput) when the case is not valid.
    """
    parsed: Case = parse_case(case)
    key = _key(case)
    asked_t = tuple(asked)
    qid, remaining = _step_cached(key, asked_t, audience == "person")
    assessment = assess(parsed)
    done = qid is None
    # questions a screen answered for the person are not counted as asked
    bank = _bank()
    shown = sum(1 for qid in asked_t if qid in bank.by_id and bank.by_id[qid].spec.follows is None)
    progress = 1.0 if done else shown / (shown + max(1.0, remaining))
    question = None if qid is None else _bank().by_id[qid].public
    return Step(
        question=question, assessment=assessment, asked=asked_t, progress=round(progress, 3), done=done
    )
