"""The blind development batches of the reader's rounds (tests/text/blind_dev2 to blind_dev33; blind_dev, the first,
has its own module).

Every batch was written by a helper who saw neither the reader nor any corpus, from the brief in
tests/text/BLIND_WRITER_PROMPT.md, labelled before anything ran, and measured once, unread (or held back until
the reader was frozen), before anyone read it (docs/reader.md, one section per round); only then did it become
development material. Every text labelled an emergency must reach emergency. The other figures are floors a
little under each round's figures on the day it ended, so that a change that reads less fails here; they are
figures of batches the reader was tuned on, not a promise for new texts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from blindscore import FIGURES, Scored, holds, limits, load_corpus

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Round:
    """A round's batches: where they are, how many texts, and the floors set the day the round ended."""

    dirs: tuple[str, ...]
    texts: int
    floors: list[tuple[str, float]]


# docs/reader.md's section for each round, and the day its floors were set
ROUNDS: dict[str, Round] = {
    # floors set 2026-11-29
    "Fourth round": Round(
        ("blind_dev2", "blind_dev3"),
        1050,
        limits(
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
        ),
    ),
    # floors set 2026-11-29
    "Sixth round": Round(
        ("blind_dev4",),
        900,
        limits(
            warning_sign_recall=0.84,
            warning_sign_false_alarms=0.015,
            false_alarms_of_denied_topics=0.03,
            denied_topics_left_unsure=0.025,
            unclear_topics_unsure_or_present=0.70,
            any_weakness_recall=0.93,
            grade_within_one_mrc_step=0.93,
            side_where_the_labels_give_one=0.93,
            expectations_held=0.88,
            imaging_findings_with_their_level=0.70,
            texts_triaged_below_their_label=42,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-11-29
    "Seventh round": Round(
        ("blind_dev5",),
        600,
        limits(
            warning_sign_recall=0.87,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.025,
            denied_topics_left_unsure=0.025,
            unclear_topics_unsure_or_present=0.80,
            any_weakness_recall=0.94,
            grade_within_one_mrc_step=0.92,
            side_where_the_labels_give_one=0.93,
            expectations_held=0.89,
            imaging_findings_with_their_level=0.80,
            texts_triaged_below_their_label=16,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-11-30
    "Ninth round": Round(
        ("blind_dev6",),
        1400,
        limits(
            warning_sign_recall=0.94,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.025,
            denied_topics_left_unsure=0.018,
            unclear_topics_unsure_or_present=0.93,
            any_weakness_recall=0.96,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.95,
            expectations_held=0.92,
            imaging_findings_with_their_level=0.80,
            texts_triaged_below_their_label=12,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-11-30
    "Tenth round": Round(
        ("blind_dev7",),
        800,
        limits(
            warning_sign_recall=0.94,
            warning_sign_false_alarms=0.009,
            false_alarms_of_denied_topics=0.015,
            denied_topics_left_unsure=0.02,
            unclear_topics_unsure_or_present=0.93,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.95,
            side_where_the_labels_give_one=0.92,
            expectations_held=0.91,
            imaging_findings_with_their_level=0.84,
            texts_triaged_below_their_label=14,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-11-30
    "Eleventh round": Round(
        ("blind_dev8",),
        1000,
        limits(
            warning_sign_recall=0.94,
            warning_sign_false_alarms=0.009,
            false_alarms_of_denied_topics=0.016,
            denied_topics_left_unsure=0.02,
            unclear_topics_unsure_or_present=0.82,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.95,
            side_where_the_labels_give_one=0.94,
            expectations_held=0.92,
            imaging_findings_with_their_level=0.78,
            texts_triaged_below_their_label=12,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-11-30
    "Twelfth round": Round(
        ("blind_dev9",),
        800,
        limits(
            warning_sign_recall=0.94,
            warning_sign_false_alarms=0.011,
            false_alarms_of_denied_topics=0.012,
            denied_topics_left_unsure=0.025,
            unclear_topics_unsure_or_present=0.90,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.94,
            side_where_the_labels_give_one=0.96,
            expectations_held=0.92,
            imaging_findings_with_their_level=0.81,
            texts_triaged_below_their_label=10,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-11-30
    "Thirteenth round": Round(
        ("blind_dev10",),
        800,
        limits(
            warning_sign_recall=0.95,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.017,
            denied_topics_left_unsure=0.012,
            unclear_topics_unsure_or_present=0.94,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.96,
            expectations_held=0.93,
            imaging_findings_with_their_level=0.74,
            texts_triaged_below_their_label=10,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-11-30
    "Fourteenth round": Round(
        ("blind_dev11",),
        600,
        limits(
            warning_sign_recall=0.94,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.015,
            denied_topics_left_unsure=0.016,
            unclear_topics_unsure_or_present=0.94,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.96,
            expectations_held=0.93,
            imaging_findings_with_their_level=0.78,
            texts_triaged_below_their_label=6,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-11-30
    "Fifteenth round": Round(
        ("blind_dev12",),
        1000,
        limits(
            warning_sign_recall=0.95,
            warning_sign_false_alarms=0.011,
            false_alarms_of_denied_topics=0.016,
            denied_topics_left_unsure=0.016,
            unclear_topics_unsure_or_present=0.90,
            any_weakness_recall=0.98,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.97,
            expectations_held=0.93,
            imaging_findings_with_their_level=0.87,
            texts_triaged_below_their_label=9,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-11-30
    "Sixteenth round": Round(
        ("blind_dev13",),
        1000,
        limits(
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
        ),
    ),
    # floors set 2026-11-30 (the forty-ninth to fifty-first batches; the fiftieth was held back, then added)
    "Seventeenth round": Round(
        ("blind_dev14",),
        600,
        limits(
            warning_sign_recall=0.93,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.02,
            denied_topics_left_unsure=0.015,
            unclear_topics_unsure_or_present=0.95,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.94,
            side_where_the_labels_give_one=0.97,
            expectations_held=0.92,
            imaging_findings_with_their_level=0.83,
            texts_triaged_below_their_label=8,
            texts_refused_or_crashed=0,
        ),
    ),
    "Eighteenth round": Round(
        ("blind_dev15",),
        400,
        limits(
            warning_sign_recall=0.94,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.03,
            denied_topics_left_unsure=0.03,
            unclear_topics_unsure_or_present=0.9,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.97,
            expectations_held=0.92,
            imaging_findings_with_their_level=0.78,
            texts_triaged_below_their_label=5,
            texts_refused_or_crashed=0,
        ),
    ),
    "Nineteenth round": Round(
        ("blind_dev16",),
        400,
        limits(
            warning_sign_recall=0.93,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.03,
            denied_topics_left_unsure=0.03,
            unclear_topics_unsure_or_present=0.9,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.94,
            side_where_the_labels_give_one=0.95,
            expectations_held=0.92,
            imaging_findings_with_their_level=0.78,
            texts_triaged_below_their_label=6,
            texts_refused_or_crashed=0,
        ),
    ),
    "Twentieth round": Round(
        ("blind_dev17",),
        600,
        limits(
            warning_sign_recall=0.94,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.02,
            denied_topics_left_unsure=0.02,
            unclear_topics_unsure_or_present=0.92,
            any_weakness_recall=0.94,
            grade_within_one_mrc_step=0.92,
            side_where_the_labels_give_one=0.96,
            expectations_held=0.91,
            imaging_findings_with_their_level=0.8,
            texts_triaged_below_their_label=7,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-12-02
    "Twenty-first round": Round(
        ("blind_dev18",),
        600,
        limits(
            warning_sign_recall=0.94,
            warning_sign_false_alarms=0.01,
            false_alarms_of_denied_topics=0.015,
            denied_topics_left_unsure=0.015,
            unclear_topics_unsure_or_present=0.92,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.97,
            side_where_the_labels_give_one=0.96,
            expectations_held=0.93,
            imaging_findings_with_their_level=0.85,
            texts_triaged_below_their_label=3,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-12-02 (the sixty-fourth batches, x5 and y5, were held back until the reader was frozen)
    "Twenty-second round": Round(
        ("blind_dev19",),
        600,
        limits(
            warning_sign_recall=0.93,
            warning_sign_false_alarms=0.01,
            false_alarms_of_denied_topics=0.015,
            denied_topics_left_unsure=0.025,
            unclear_topics_unsure_or_present=0.82,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.96,
            expectations_held=0.92,
            imaging_findings_with_their_level=0.85,
            texts_triaged_below_their_label=8,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-12-02 (the sixty-sixth and sixty-seventh batches, d6+e6 and f6+g6, were each held back
    # until the reader was frozen, cd6e6b4 and c13bc05)
    "Twenty-third round": Round(
        ("blind_dev20",),
        600,
        limits(
            warning_sign_recall=0.93,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.025,
            denied_topics_left_unsure=0.02,
            unclear_topics_unsure_or_present=0.88,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.98,
            side_where_the_labels_give_one=0.98,
            expectations_held=0.93,
            imaging_findings_with_their_level=0.86,
            texts_triaged_below_their_label=4,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-12-02 (afternoon)
    "Twenty-fourth round": Round(
        ("blind_dev21",),
        400,
        limits(
            warning_sign_recall=0.93,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.02,
            denied_topics_left_unsure=0.025,
            unclear_topics_unsure_or_present=0.95,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.97,
            side_where_the_labels_give_one=0.97,
            expectations_held=0.94,
            imaging_findings_with_their_level=0.85,
            texts_triaged_below_their_label=2,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-12-02 (evening), with the topic net retrained on these texts (docs/reader.md)
    "Twenty-fifth round": Round(
        ("blind_dev22",),
        200,
        limits(
            warning_sign_recall=0.92,
            warning_signs_read_or_listed_unsure=0.97,
            warning_sign_false_alarms=0.013,
            false_alarms_of_denied_topics=0.04,
            denied_topics_left_unsure=0.02,
            unclear_topics_unsure_or_present=0.92,
            any_weakness_recall=0.95,
            grade_within_one_mrc_step=0.97,
            side_where_the_labels_give_one=0.97,
            expectations_held=0.93,
            imaging_findings_with_their_level=0.72,
            texts_triaged_below_their_label=5,
            texts_refused_or_crashed=0,
        ),
    ),
    # the round's second fresh batch (the seventy-first), held back until measured, then tuned on
    "Twenty-fifth round, second batch": Round(
        ("blind_dev23",),
        200,
        limits(
            warning_sign_recall=0.9,
            warning_signs_read_or_listed_unsure=0.97,
            warning_sign_false_alarms=0.009,
            false_alarms_of_denied_topics=0.015,
            denied_topics_left_unsure=0.01,
            unclear_topics_unsure_or_present=0.95,
            any_weakness_recall=0.95,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.97,
            expectations_held=0.93,
            imaging_findings_with_their_level=0.86,
            texts_triaged_below_their_label=5,
            texts_refused_or_crashed=0,
        ),
    ),
    # the seventy-third batch (q6, r6, s6), the twenty-sixth round's development texts
    "Twenty-sixth round": Round(
        ("blind_dev24",),
        300,
        limits(
            warning_sign_recall=0.96,
            warning_signs_read_or_listed_unsure=0.98,
            warning_sign_false_alarms=0.007,
            false_alarms_of_denied_topics=0.01,
            denied_topics_left_unsure=0.012,
            unclear_topics_unsure_or_present=0.95,
            any_weakness_recall=0.96,
            grade_within_one_mrc_step=0.97,
            side_where_the_labels_give_one=0.97,
            expectations_held=0.93,
            imaging_findings_with_their_level=0.86,
            texts_triaged_below_their_label=3,
            texts_refused_or_crashed=0,
        ),
    ),
    # the seventy-second batch (p6), held back until the round's reader was frozen and measured, then tuned on
    "Twenty-sixth round, held-back batch": Round(
        ("blind_dev25",),
        100,
        limits(
            warning_sign_recall=0.92,
            warning_signs_read_or_listed_unsure=0.94,
            warning_sign_false_alarms=0.009,
            false_alarms_of_denied_topics=0.015,
            denied_topics_left_unsure=0.01,
            unclear_topics_unsure_or_present=0.85,
            any_weakness_recall=0.95,
            grade_within_one_mrc_step=0.97,
            side_where_the_labels_give_one=0.95,
            expectations_held=0.9,
            imaging_findings_with_their_level=0.85,
            texts_triaged_below_their_label=2,
            texts_refused_or_crashed=0,
        ),
    ),
    # the seventy-fifth batch (u6, v6, w6), the twenty-seventh round's development texts
    "Twenty-seventh round": Round(
        ("blind_dev26",),
        300,
        limits(
            warning_sign_recall=0.93,
            warning_signs_read_or_listed_unsure=0.96,
            warning_sign_false_alarms=0.016,
            false_alarms_of_denied_topics=0.012,
            denied_topics_left_unsure=0.008,
            unclear_topics_unsure_or_present=0.72,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.97,
            expectations_held=0.94,
            imaging_findings_with_their_level=0.91,
            texts_triaged_below_their_label=3,
            texts_refused_or_crashed=0,
        ),
    ),
    # the seventy-fourth batch (t6), held back until the round's reader was frozen and measured, then tuned on
    "Twenty-seventh round, held-back batch": Round(
        ("blind_dev27",),
        100,
        limits(
            warning_sign_recall=0.98,
            warning_signs_read_or_listed_unsure=0.99,
            warning_sign_false_alarms=0.015,
            false_alarms_of_denied_topics=0.02,
            denied_topics_left_unsure=0.02,
            unclear_topics_unsure_or_present=0.9,
            any_weakness_recall=0.96,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.98,
            expectations_held=0.93,
            imaging_findings_with_their_level=0.84,
            texts_triaged_below_their_label=1,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-12-03: the seventy-sixth batch (x6, y6, z6), tuned on
    "Twenty-eighth round": Round(
        ("blind_dev28",),
        300,
        limits(
            warning_sign_recall=0.98,
            warning_signs_read_or_listed_unsure=0.99,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.02,
            denied_topics_left_unsure=0.012,
            unclear_topics_unsure_or_present=0.94,
            any_weakness_recall=0.96,
            grade_within_one_mrc_step=0.95,
            side_where_the_labels_give_one=0.98,
            expectations_held=0.94,
            imaging_findings_with_their_level=0.85,
            texts_triaged_below_their_label=1,
            texts_refused_or_crashed=0,
        ),
    ),
    # the seventy-seventh batch (a7), held back until the round's reader was frozen and measured, then tuned on
    "Twenty-eighth round, held-back batch": Round(
        ("blind_dev29",),
        100,
        limits(
            warning_sign_recall=0.98,
            warning_signs_read_or_listed_unsure=0.99,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.01,
            denied_topics_left_unsure=0.01,
            unclear_topics_unsure_or_present=0.93,
            any_weakness_recall=0.96,
            grade_within_one_mrc_step=0.92,
            side_where_the_labels_give_one=0.97,
            expectations_held=0.95,
            imaging_findings_with_their_level=0.84,
            texts_triaged_below_their_label=1,
            texts_refused_or_crashed=0,
        ),
    ),
    # floors set 2026-12-03: the seventy-eighth batches (b7, c7, d7)
    "Twenty-ninth round": Round(
        ("blind_dev30",),
        300,
        limits(
            warning_sign_recall=0.97,
            warning_signs_read_or_listed_unsure=0.98,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.015,
            denied_topics_left_unsure=0.02,
            unclear_topics_unsure_or_present=0.85,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.96,
            side_where_the_labels_give_one=0.99,
            expectations_held=0.94,
            imaging_findings_with_their_level=0.73,
            texts_triaged_below_their_label=1,
            texts_refused_or_crashed=0,
        ),
    ),
    # the seventy-ninth batch (e7), held back until the round's reader was frozen and measured, then tuned on
    "Twenty-ninth round, held-back batch": Round(
        ("blind_dev31",),
        100,
        limits(
            warning_sign_recall=0.94,
            warning_signs_read_or_listed_unsure=0.97,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.01,
            denied_topics_left_unsure=0.015,
            unclear_topics_unsure_or_present=0.88,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.98,
            side_where_the_labels_give_one=0.95,
            expectations_held=0.92,
            imaging_findings_with_their_level=0.9,
            texts_triaged_below_their_label=1,
            texts_refused_or_crashed=0,
        ),
    ),
    # the eightieth batches (f7: everyday and shy words, carers, weakness by what is no longer done; g7: long
    # hospital documents; h7: second-language, regional and dictated English, telephone triage)
    "Thirtieth round": Round(
        ("blind_dev32",),
        300,
        limits(
            warning_sign_recall=0.95,
            warning_signs_read_or_listed_unsure=0.98,
            warning_sign_false_alarms=0.012,
            false_alarms_of_denied_topics=0.012,
            denied_topics_left_unsure=0.012,
            unclear_topics_unsure_or_present=0.85,
            any_weakness_recall=0.98,
            grade_within_one_mrc_step=0.95,
            side_where_the_labels_give_one=0.98,
            expectations_held=0.94,
            imaging_findings_with_their_level=0.78,
            texts_triaged_below_their_label=1,
            texts_refused_or_crashed=0,
        ),
    ),
    # the eighty-first batch (i7), held back until the round's reader was frozen and measured, then tuned on
    "Thirtieth round, held-back batch": Round(
        ("blind_dev33",),
        100,
        limits(
            warning_sign_recall=0.97,
            warning_signs_read_or_listed_unsure=0.98,
            warning_sign_false_alarms=0.013,
            false_alarms_of_denied_topics=0.01,
            denied_topics_left_unsure=0.03,
            unclear_topics_unsure_or_present=0.85,
            any_weakness_recall=0.97,
            grade_within_one_mrc_step=0.97,
            side_where_the_labels_give_one=0.98,
            expectations_held=0.95,
            imaging_findings_with_their_level=0.65,
            texts_triaged_below_their_label=0,
            texts_refused_or_crashed=0,
        ),
    ),
}


@cache
def _scored(name: str) -> Scored:
    return Scored(load_corpus([HERE / d for d in ROUNDS[name].dirs]))


def _emergencies() -> list[pytest.ParameterSet]:
    return [
        pytest.param(name, item["id"], id=f"{name}-{item['id']}")
        for name in ROUNDS
        for item in _scored(name).items
        if item["expect"].get("triage_min") == "emergency"
    ]


@pytest.mark.parametrize("name", ROUNDS)
def test_the_corpus_is_all_there(name: str) -> None:
    items = _scored(name).items
    count = ROUNDS[name].texts
    assert len(items) == count
    assert len({i["id"] for i in items}) == count
    assert len({i["style"] for i in items}) == 7


@pytest.mark.parametrize(("name", "text_id"), _emergencies())
def test_every_emergency_is_caught(name: str, text_id: str) -> None:
    scored = _scored(name)
    r = scored.result(text_id)
    assert r.level == "emergency", (
        f"{text_id}: triage {r.level}, labelled emergency\n{scored.by_id[text_id]['text']}"
    )


@pytest.mark.parametrize(
    ("name", "figure", "limit"),
    [pytest.param(name, f, v, id=f"{name}-{f}") for name, r in ROUNDS.items() for f, v in r.floors],
)
def test_aggregate_floor(name: str, figure: str, limit: float) -> None:
    tally = _scored(name).tally()
    assert holds(tally, figure, limit), (
        f"{name}: {figure} is {FIGURES[figure](tally):.3f}, past its limit {limit}"
    )
