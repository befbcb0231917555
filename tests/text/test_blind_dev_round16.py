"""The sixteenth round's blind batches (tests/text/blind_dev13: the forty-fourth to forty-eighth, 1,000 texts).

Written by helpers who saw neither the reader nor any corpus, from the brief in tests/text/BLIND_WRITER_PROMPT.md,
labelled before anything ran, and each measured once, unread, on the reader of the day (docs/reader.md,
"Sixteenth round"; the forty-fifth and forty-seventh were held back, each measured once with the reader frozen);
only then did they become development material. Every text labelled an emergency must reach emergency. The other
figures are floors a little under today's, so that a change that reads less fails here; they are figures of
batches the reader was tuned on, not a promise for new texts.
"""

from __future__ import annotations

from pathlib import Path

from blindscore import Scored, corpus_test, emergency_test, floor_test, limits, load_corpus

HERE = Path(__file__).parent
CORPUS = load_corpus([HERE / "blind_dev13"])
SCORED = Scored(CORPUS)

KNOWN_EMERGENCIES: dict[str, str] = {}


test_the_corpus_is_all_there = corpus_test(CORPUS, 1000)


test_every_emergency_is_caught = emergency_test(SCORED, KNOWN_EMERGENCIES)


# Floors a little under the figures of these batches on 2026-11-30 (docs/reader.md, "Sixteenth round").
FLOORS = limits(
    warning_sign_recall=0.91,
    warning_sign_false_alarms=0.012,
    false_alarms_of_denied_topics=0.02,
    denied_topics_left_unsure=0.015,
    unclear_topics_unsure_or_present=0.82,
    any_weakness_recall=0.94,
    grade_within_one_mrc_step=0.93,
    side_where_the_labels_give_one=0.96,
    expectations_held=0.93,
    imaging_findings_with_their_level=0.82,
    texts_triaged_below_their_label=16,
    texts_refused_or_crashed=0,
)


test_aggregate_floor = floor_test(SCORED, FLOORS)
