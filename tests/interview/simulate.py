"""Simulated people: each answers the interview from a full case of the case files, "not sure" when the case
does not say, and the interview's conclusion is compared with the full case's.

Shared by the tests and benchmarks/bench_interview.py.
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import time
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from expect import BLIND_CASES, OWN_CASES, SHARED_CASES, load_cases
from nerveroot.assessment import Assessment
from nerveroot.case import parse_case
from nerveroot.engine import assess
from nerveroot.engine.interview import answer_from_case, apply_answer, next_step, questions
from nerveroot.engine.knowledge import load_knowledge

Conclusion = tuple[str, str | None, str | None, str]
RED_FLAG_SCREEN = ("ces_screen", "nerve_screen", "serious_screen")


def conclusion(a: Assessment) -> Conclusion:
    """Pattern label, top root and side, triage level: what must not change between interview and full case."""
    top = a.roots[0] if a.roots else None
    return (a.pattern.label, top.root if top else None, top.side if top else None, a.triage.level)


@dataclass(frozen=True)
class Run:
    id: str
    shown: tuple[str, ...]  # question ids in the order the interview showed them
    asked: tuple[str, ...]
    same: bool
    full: Conclusion
    interview: Conclusion
    step_seconds: tuple[float, ...]

    @property
    def questions(self) -> int:
        return len(self.shown)

    @property
    def red_flags_first(self) -> bool:
        """Every screen was asked, and before any discriminating question. (A warning-sign question a screen
        opened may come later, when an answer such as the age brings a red-flag rule within reach.)"""
        phases = [next(q.phase for q in questions() if q.id == s) for s in self.shown]
        first_other = next((i for i, p in enumerate(phases) if p != "red_flags"), len(phases))
        screens_later = [s for s in self.shown[first_other:] if s in RED_FLAG_SCREEN]
        return all(s in self.asked for s in RED_FLAG_SCREEN) and not screens_later


def simulate(case_id: str, full: Mapping[str, Any]) -> Run:
    # a scan report is not something the interview asks: a clinician enters it (or the reader takes it from a
    # letter) before the questions, so the simulated interview starts from it
    case: dict[str, Any] = {"imaging": list(full["imaging"])} if full.get("imaging") else {}
    asked: tuple[str, ...] = ()
    shown: list[str] = []
    timings: list[float] = []
    while True:
        started = time.perf_counter()
        step = next_step(case, asked)
        timings.append(time.perf_counter() - started)
        if step.done or step.question is None:
            break
        shown.append(step.question.id)
        case, asked = apply_answer(case, step.question.id, answer_from_case(step.question.id, full), asked)
    want = conclusion(assess(parse_case(full)))
    got = conclusion(step.assessment)
    return Run(case_id, tuple(shown), asked, want == got, want, got, tuple(timings))


def structured_cases(*, shared: bool = True) -> list[tuple[str, dict[str, Any]]]:
    """The project's own case files (tests/cases, the blind ones in tests/cases/blind included), and the
    shared ones only in addition, when present."""
    files = [
        *sorted(OWN_CASES.glob("*.json")),
        *sorted(BLIND_CASES.glob("*.json")),
        *([SHARED_CASES] if shared and SHARED_CASES.exists() else []),
    ]
    return [(c["id"], c["case"]) for path in files for c in load_cases(path) if "case" in c]


@dataclass(frozen=True)
class Summary:
    runs: tuple[Run, ...]

    @property
    def same_share(self) -> float:
        return sum(r.same for r in self.runs) / len(self.runs)

    @property
    def median_questions(self) -> float:
        return statistics.median(r.questions for r in self.runs)

    @property
    def max_questions(self) -> int:
        return max(r.questions for r in self.runs)

    @property
    def steps(self) -> list[float]:
        return sorted(t for r in self.runs for t in r.step_seconds)


def _simulate_pair(pair: tuple[str, dict[str, Any]]) -> Run:
    return simulate(*pair)


def run_all(*, shared: bool = True) -> Summary:
    """Every simulated person, spread over the machine's cores. The knowledge base and the questions are
    loaded (and validated) once, here, before the workers fork, so that each worker starts with them instead
    of reading and validating the YAML again; the engine's per-case caches stay each worker's own."""
    pairs = structured_cases(shared=shared)
    load_knowledge()
    questions()
    workers = max(1, min(4, os.cpu_count() or 1))
    if workers == 1:
        return Summary(tuple(simulate(cid, full) for cid, full in pairs))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return Summary(tuple(pool.map(_simulate_pair, pairs, chunksize=4)))
