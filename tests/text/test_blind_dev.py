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

from pathlib import Path

import pytest
from blindscore import ORDER, Scored, emergency_test, floor_test, limits, load_corpus

CORPUS = load_corpus([Path(__file__).with_name("blind_dev")])
SCORED = Scored(CORPUS)
BY_ID = SCORED.by_id
result, tally = SCORED.result, SCORED.tally

KNOWN_EMERGENCIES: dict[str, str] = {}
KNOWN_UNDER = {**KNOWN_EMERGENCIES}


def test_the_corpus_is_all_there() -> None:
    assert len(CORPUS) == 320
    assert len({i["style"] for i in CORPUS}) == 7


test_every_emergency_is_caught = emergency_test(SCORED, KNOWN_EMERGENCIES)


@pytest.mark.parametrize("text_id", SCORED.params([i["id"] for i in CORPUS], KNOWN_UNDER))
def test_no_text_is_triaged_below_its_label(text_id: str) -> None:
    r = result(text_id)
    lowest = BY_ID[text_id]["expect"]["triage_min"]
    assert r.level is not None and ORDER.index(r.level) >= ORDER.index(lowest), (
        f"{text_id}: triage {r.level}, at least {lowest} expected\n{BY_ID[text_id]['text']}"
    )


# Floors a little under the figures of this batch (docs/reader.md), to catch a reader that reads less.
FLOORS = limits(
    warning_sign_recall=0.88,
    warning_sign_false_alarms=0.015,
    denied_topics_left_unsure=0.02,
    unclear_topics_unsure_or_present=0.75,
    any_weakness_recall=0.93,
    grade_within_one_mrc_step=0.90,
    side_where_the_labels_give_one=0.90,
    sided_findings_on_the_labelled_side=0.90,
    expectations_held=0.89,
    imaging_findings_with_their_level=0.85,
    texts_refused_or_crashed=0,
)


test_aggregate_floor = floor_test(SCORED, FLOORS)
