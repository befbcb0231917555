"""The later blind development batches (tests/text/blind_dev2 and blind_dev3: 1,050 texts).

Each was written by a helper who saw neither the reader nor any earlier corpus, labelled before anything ran,
and measured once before anyone read it (docs/reader.md); the reader's third and fourth rounds were then
developed on them. Every text labelled an emergency must reach emergency (the ones that do not yet are listed
below, strictly: one that starts to pass fails the run and asks for its line to be removed). The other
figures are floors a little under today's, so that a change that reads less fails here. They are figures of
batches the reader was tuned on, not a promise for new texts: that figure is the fifth batch's, kept out of
the repository.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from blindscore import Result, Tally, load_corpus, run, score

HERE = Path(__file__).parent
CORPUS = load_corpus([HERE / "blind_dev2", HERE / "blind_dev3"])
BY_ID = {item["id"]: item for item in CORPUS}

KNOWN_EMERGENCIES = {
    "g-post-017": "sudden tearing pain between the shoulder blades with high blood pressure is read; the engine's "
    "dissection rule asks for a pulse deficit",
    "i-vig-018": "a known aneurysm with hours of severe constant back pain is read; the engine's aneurysm rules "
    "ask for a sudden onset, a mass or collapse, and 'clammy' and a low blood pressure are not read",
}


@cache
def result(text_id: str) -> Result:
    return run(BY_ID[text_id])


@cache
def tally() -> Tally:
    total = Tally()
    for item in CORPUS:
        total.add(score(result(item["id"])))
    return total


def test_the_corpus_is_all_there() -> None:
    assert len(CORPUS) == 1050
    assert len({i["id"] for i in CORPUS}) == 1050
    assert len({i["style"] for i in CORPUS}) == 7


EMERGENCIES = [i["id"] for i in CORPUS if i["expect"].get("triage_min") == "emergency"]


@pytest.mark.parametrize(
    "text_id",
    [
        pytest.param(
            i,
            id=i,
            marks=[pytest.mark.xfail(reason=KNOWN_EMERGENCIES[i], strict=True)]
            if i in KNOWN_EMERGENCIES
            else [],
        )
        for i in EMERGENCIES
    ],
)
def test_every_emergency_is_caught(text_id: str) -> None:
    r = result(text_id)
    assert r.level == "emergency", (
        f"{text_id}: triage {r.level}, labelled emergency\n{BY_ID[text_id]['text']}"
    )


def _share(a: int, b: int) -> float:
    return a / b if b else 1.0


# Floors a little under the figures of these batches on 2026-11-29 (docs/reader.md, "Fourth round").
FLOORS: list[tuple[str, Any]] = [
    ("warning-sign recall", lambda t: _share(t.topic_found, t.topic_present) >= 0.88),
    ("warning-sign false alarms", lambda t: _share(t.topic_false, t.topic_negative) <= 0.015),
    ("false alarms of denied topics", lambda t: _share(t.denied_false, t.denied) <= 0.03),
    ("denied topics left unsure", lambda t: _share(t.denied_unsure, t.denied) <= 0.02),
    ("unclear topics unsure or present", lambda t: _share(t.unclear_held, t.unclear) >= 0.75),
    ("any-weakness recall", lambda t: _share(t.weak_found, t.weak_texts) >= 0.92),
    ("grade within one MRC step", lambda t: _share(t.graded_within, t.graded) >= 0.93),
    ("side where the labels give one", lambda t: _share(t.side_expect_ok, t.side_expect) >= 0.92),
    ("expectations held", lambda t: _share(t.expectations_held, t.expectations) >= 0.88),
    ("imaging findings with their level", lambda t: _share(t.imaging_read, t.imaging) >= 0.82),
    ("texts triaged below their label", lambda t: t.under <= 40),
    ("no text refused or crashed", lambda t: t.errors == 0),
]


@pytest.mark.parametrize(("name", "holds"), FLOORS, ids=[n for n, _ in FLOORS])
def test_aggregate_floor(name: str, holds: Any) -> None:
    assert holds(tally()), f"{name} fell below its floor"
