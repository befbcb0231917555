"""The blind development corpus (tests/text/blind_dev: 320 texts two helpers wrote without seeing the reader).

Every text labelled an emergency must reach emergency, and no text may be triaged below its label: both
asserted per text. The texts that still fail are listed below with the reason, strictly: when one starts
to pass, its xfail fails and asks for the line to be removed. All of them are read as the labels say; the
engine's rules do not yet draw the conclusion (issue 14: imaging as evidence, limb ischaemia, the triage of
risk factors without fever, thoracic pain from 50, a minor fall with thin bones, high-energy injury).

The other figures are held as aggregate floors a little under today's, so that a change that reads less
fails here. They are the figures of the batch the reader was tuned on, not a promise for new texts.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from blindscore import ORDER, Result, Tally, load_corpus, run, score

CORPUS = load_corpus([Path(__file__).with_name("blind_dev")])
BY_ID = {item["id"]: item for item in CORPUS}

KNOWN_EMERGENCIES: dict[str, str] = {}
KNOWN_UNDER = {
    **KNOWN_EMERGENCIES,
    "b-gp-016": "inflammatory back pain (ASAS) is read; the engine gives self-care, the label routine",
}  # fmt: skip


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
    assert len(CORPUS) == 320
    assert len({i["style"] for i in CORPUS}) == 7


def _params(ids: list[str], known: dict[str, str]) -> list[Any]:
    """Each text id, the known failures marked strictly: one that starts to pass fails the run."""
    return [
        pytest.param(i, id=i, marks=[pytest.mark.xfail(reason=known[i], strict=True)] if i in known else [])
        for i in ids
    ]


EMERGENCIES = [i["id"] for i in CORPUS if i["expect"].get("triage_min") == "emergency"]


@pytest.mark.parametrize("text_id", _params(EMERGENCIES, KNOWN_EMERGENCIES))
def test_every_emergency_is_caught(text_id: str) -> None:
    r = result(text_id)
    assert r.level == "emergency", (
        f"{text_id}: triage {r.level}, labelled emergency\n{BY_ID[text_id]['text']}"
    )


@pytest.mark.parametrize("text_id", _params([i["id"] for i in CORPUS], KNOWN_UNDER))
def test_no_text_is_triaged_below_its_label(text_id: str) -> None:
    r = result(text_id)
    lowest = BY_ID[text_id]["expect"]["triage_min"]
    assert r.level is not None and ORDER.index(r.level) >= ORDER.index(lowest), (
        f"{text_id}: triage {r.level}, at least {lowest} expected\n{BY_ID[text_id]['text']}"
    )


def _share(a: int, b: int) -> float:
    return a / b if b else 1.0


# Floors a little under the figures of this batch (docs/reader.md), to catch a reader that reads less.
FLOORS: list[tuple[str, Any]] = [
    ("warning-sign recall", lambda t: _share(t.topic_found, t.topic_present) >= 0.88),
    ("warning-sign false alarms", lambda t: _share(t.topic_false, t.topic_negative) <= 0.015),
    ("denied topics left unsure", lambda t: _share(t.denied_unsure, t.denied) <= 0.02),
    ("unclear topics unsure or present", lambda t: _share(t.unclear_held, t.unclear) >= 0.75),
    ("any-weakness recall", lambda t: _share(t.weak_found, t.weak_texts) >= 0.93),
    ("grade within one MRC step", lambda t: _share(t.graded_within, t.graded) >= 0.90),
    ("side where the labels give one", lambda t: _share(t.side_expect_ok, t.side_expect) >= 0.90),
    ("sided findings on the labelled side", lambda t: _share(t.side_findings_ok, t.side_findings) >= 0.90),
    ("expectations held", lambda t: _share(t.expectations_held, t.expectations) >= 0.89),
    ("imaging findings with their level", lambda t: _share(t.imaging_read, t.imaging) >= 0.85),
    ("no text refused or crashed", lambda t: t.errors == 0),
]


@pytest.mark.parametrize(("name", "holds"), FLOORS, ids=[n for n, _ in FLOORS])
def test_aggregate_floor(name: str, holds: Any) -> None:
    assert holds(tally()), f"{name} fell below its floor"
