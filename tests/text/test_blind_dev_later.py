"""The later blind development batches (tests/text/blind_dev2 and blind_dev3: 1,050 texts).

Each was written by a helper who saw neither the reader nor any earlier corpus, labelled before anything ran,
and measured once before anyone read it (docs/reader.md); the reader's third and fourth rounds were then
developed on them. Every text labelled an emergency must reach emergency (the ones that do not yet are listed
below, strictly: one that starts to pass fails the run and asks for its line to be removed). The other
figures are floors a little under today's, so that a change that reads less fails here. They are figures of
batches the reader was tuned on, not a promise for new texts: that figure is the newest batch's, kept out of
the repository.
"""

from __future__ import annotations

from pathlib import Path

from blindscore import Scored, corpus_test, emergency_test, floor_test, limits, load_corpus

HERE = Path(__file__).parent
CORPUS = load_corpus([HERE / "blind_dev2", HERE / "blind_dev3"])
SCORED = Scored(CORPUS)

KNOWN_EMERGENCIES: dict[str, str] = {}


test_the_corpus_is_all_there = corpus_test(CORPUS, 1050)


test_every_emergency_is_caught = emergency_test(SCORED, KNOWN_EMERGENCIES)


# Floors a little under the figures of these batches on 2026-11-29 (docs/reader.md, "Fourth round").
FLOORS = limits(
    warning_sign_recall=0.88,
    warning_sign_false_alarms=0.015,
    false_alarms_of_denied_topics=0.03,
    denied_topics_left_unsure=0.02,
    unclear_topics_unsure_or_present=0.75,
    any_weakness_recall=0.92,
    grade_within_one_mrc_step=0.93,
    side_where_the_labels_give_one=0.92,
    expectations_held=0.88,
    imaging_findings_with_their_level=0.82,
    texts_triaged_below_their_label=40,
    texts_refused_or_crashed=0,
)


test_aggregate_floor = floor_test(SCORED, FLOORS)
