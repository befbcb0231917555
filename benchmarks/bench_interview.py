"""The adaptive interview on simulated people (issue 4): each structured case of the case files answers
from its full case ("not sure" when the case does not say). Prints how often the conclusion matches the
full case, how many questions it took, whether the red-flag screen came first, and the time per step."""

from __future__ import annotations

import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "interview")]


def main() -> None:
    from simulate import run_all

    from nerveroot.engine.interview import questions

    started = time.perf_counter()
    summary = run_all()
    wall = time.perf_counter() - started
    runs = summary.runs
    steps = summary.steps
    per_step = [t * 1000 for t in steps]
    screens = {q.id for q in questions() if q.phase == "red_flags"}
    print(f"simulated people (structured cases):   {len(runs)}")
    print(
        f"same conclusion as the full case:      {sum(r.same for r in runs)}/{len(runs)} ({summary.same_share:.1%})"
    )
    print(f"questions until stop, median (max):    {summary.median_questions:g} ({summary.max_questions})")
    red = sorted(r.questions - sum(1 for s in r.shown if s not in screens) for r in runs)
    print(f"  of which red-flag questions, median: {red[len(red) // 2]}")
    print(f"red-flag screen completed and first:   {sum(r.red_flags_first for r in runs)}/{len(runs)}")
    print(f"full questionnaire (a test per leg):   {len(questions())} questions")
    print(
        f"time per step, ms: median {per_step[len(per_step) // 2]:.1f}, "
        f"p95 {per_step[int(len(per_step) * 0.95)]:.1f}, max {per_step[-1]:.1f} ({len(steps)} steps)"
    )
    cold, evaluations = _cold_steps(20)
    print(
        f"cold step (caches cleared, first 20 cases), ms: median {cold[len(cold) // 2]:.1f}, "
        f"p95 {cold[int(len(cold) * 0.95)]:.1f}, max {cold[-1]:.1f}; engine evaluations per step: "
        f"median {evaluations[len(evaluations) // 2]}, max {evaluations[-1]}"
    )
    print(f"total wall time: {wall:.1f} s")
    for r in runs:
        if not r.same:
            print(
                f"  differs: {r.id}: full {r.full} vs interview {r.interview} after {r.questions} questions"
            )


def _cold_steps(limit: int) -> tuple[list[float], list[int]]:
    """Each step as a web request with a new case would see it: no cached evaluations."""
    from simulate import structured_cases

    from nerveroot.engine import interview

    times: list[float] = []
    evaluations: list[int] = []
    for _, full in structured_cases()[:limit]:
        case: dict[str, object] = {}
        asked: tuple[str, ...] = ()
        while True:
            interview._evaluate.cache_clear()
            interview._step_cached.cache_clear()
            started = time.perf_counter()
            step = interview.next_step(case, asked)
            times.append((time.perf_counter() - started) * 1000)
            evaluations.append(interview._evaluate.cache_info().misses)
            if step.done or step.question is None:
                break
            qid = step.question.id
            case, asked = interview.apply_answer(case, qid, interview.answer_from_case(qid, full), asked)
    return sorted(times), sorted(evaluations)
