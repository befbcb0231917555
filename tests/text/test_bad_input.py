"""Text that cannot be read is refused with a message naming the field; nothing recognisable is no guess."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from nerveroot.errors import TextError
from nerveroot.service import MAX_TEXT_BYTES, assess_payload, assess_text
from nerveroot.text import read_text
from nerveroot.text.anaphora import answered_pronouns

NERVEROOT = Path(sys.executable).with_name("nerveroot")


@pytest.mark.parametrize("text", ["", "   ", "\n\t  \n"])
def test_empty_text_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(TextError) as caught:
        read_text(text)
    assert caught.value.problems[0].path == "text"
    assert "empty" in caught.value.message


def test_a_non_string_is_refused() -> None:
    with pytest.raises(TextError) as caught:
        assess_payload({"text": 42})
    assert caught.value.problems[0].path == "text"


def test_text_over_the_limit_is_refused_quickly() -> None:
    text = "pain in my left calf and " * (MAX_TEXT_BYTES // 20)
    assert len(text.encode()) > MAX_TEXT_BYTES
    started = time.perf_counter()
    with pytest.raises(TextError) as caught:
        read_text(text)
    assert time.perf_counter() - started < 0.5
    assert "too long" in caught.value.message
    assert str(MAX_TEXT_BYTES) in caught.value.problems[0].message


def test_text_just_under_the_limit_is_read_in_reasonable_time() -> None:
    sentence = "Pain down the back of my left leg, worse when I sit. BP 120/80. "
    text = sentence * (MAX_TEXT_BYTES // len(sentence) - 1)
    started = time.perf_counter()
    reading = read_text(text)
    assert time.perf_counter() - started < 10
    assert reading.case.history.worse_sitting is True


def test_nothing_recognisable_is_said_and_not_guessed() -> None:
    a = assess_text("The weather has been lovely and my grandson visited on Sunday.")
    assert a.recognised is False
    assert a.message and "Describe" in a.message
    assert a.roots == [] and a.causes == []
    assert a.evidence == []


def test_only_an_age_is_not_a_clinical_reading() -> None:
    reading = read_text("I'm 74.")
    assert reading.recognised is False
    assert reading.case.age == 74


def test_irrelevant_content_is_ignored_without_error() -> None:
    note = (
        "Obs: BP 142/88, HR 76, RR 14, SpO2 98%, temp 36.9. Bloods: Hb 134, WCC 7.2, CRP 4. "
        "Meds: ramipril 5 mg, omeprazole 20 mg. Lives with wife, retired teacher, enjoys golf."
    )
    reading = read_text(note)
    assert reading.recognised is False
    assert reading.case.history.fever is False  # a normal temperature is the one thing it says


def test_no_side_named_is_an_unknown_side_never_the_left() -> None:
    """Issue 13: no side given is "unknown" (CASE_SCHEMA.md), not a silent left with a placeholder message."""
    reading = read_text("Numbness on the top of my foot and my big toe.")
    assert set(reading.case.regions("numbness", "unknown")) == {"dorsum_foot", "great_toe"}
    assert reading.case.numbness.left is None and reading.case.numbness.right is None
    a = assess_text("Numbness on the top of my foot and my big toe.")
    assert all(r.side == "unknown" for r in a.roots)


def test_a_named_side_is_used() -> None:
    reading = read_text("Numbness on the top of my right foot.")
    assert reading.case.regions("numbness", "right") == ("dorsum_foot",)
    assert reading.case.numbness.unknown is None


def test_evidence_spans_point_at_the_words() -> None:
    text = "52M. EHL 4/5 on the left. AJ absent L."
    reading = read_text(text)
    for span in reading.evidence:
        assert text[span.start : span.end] == span.text
    found = {s.finding: s.text for s in reading.evidence}
    assert found["weakness.left.great_toe_extension"] == "EHL 4/5"
    assert found["reflexes.left.achilles"] == "AJ absent"


@pytest.mark.parametrize("text", ["", "   "])
def test_cli_exits_2_for_empty_text(text: str) -> None:
    done = subprocess.run(
        [str(NERVEROOT), "assess", "--text", text], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert "empty" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_reads_a_text_file(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text(
        "Shooting pain down the outside of my right calf to the top of my foot.", encoding="utf-8"
    )
    done = subprocess.run(
        [str(NERVEROOT), "assess", "--text-file", str(note), "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert '"pain"' in done.stdout and '"lateral_calf"' in done.stdout


def test_a_megabyte_of_text_is_refused_with_a_clear_message() -> None:
    text = "My left leg hurts. " * (1_000_000 // 19)
    started = time.perf_counter()
    with pytest.raises(TextError) as caught:
        assess_text(text)
    assert time.perf_counter() - started < 0.5
    assert caught.value.problems[0].path == "text" and "too long" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "Me duele mucho la espalda y la pierna izquierda desde hace tres semanas.",
        "Ich habe seit zwei Wochen Rückenschmerzen, die ins linke Bein ausstrahlen.",
        "我的左腿疼了三个星期，晚上更厉害。",
        "Το πόδι μου πονάει εδώ και μια εβδομάδα.",
    ],
)
def test_another_language_is_unrecognised_never_a_confident_answer(text: str) -> None:
    a = assess_text(text)
    assert a.recognised is False
    assert a.roots == [] and a.causes == [] and a.message


@pytest.mark.parametrize(
    "text",
    [bytes(range(256)).decode("latin-1") * 3, "\x00\x01\x02\x1b[31m" * 40, "\ufffe\uffff\x7f" * 100],
)
def test_binary_garbage_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(TextError) as caught:
        assess_text(text)
    assert caught.value.problems[0].path == "text"
    assert "not readable text" in caught.value.message


def test_binary_garbage_on_the_command_line_exits_2_without_a_traceback() -> None:
    done = subprocess.run(
        [str(NERVEROOT), "assess", "--text", "\x01\x02\x03\x04\x05" * 30],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "not readable" in done.stderr


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("I'm 200 pounds and the pain goes down my left leg", "age"),  # a weight, not an age
        ("My husband is 150 and has pain down his left leg into the foot", "age"),
        ("Back pain for 300 years, now down my right leg", "duration_weeks"),
    ],
)
def test_a_number_the_case_cannot_hold_is_not_read_and_the_rest_is(text: str, path: str) -> None:
    """Words that look like an age or a duration but give an impossible one (more than 120 years old, more
    than a century of pain) are not that finding; the text is still read, never a crash."""
    reading = read_text(text)
    assert getattr(reading.case, path) is None
    assert path not in {span.finding for span in reading.evidence}
    assert reading.recognised and reading.case.pain  # the leg pain is still read


def test_a_long_run_on_question_is_searched_in_one_pass() -> None:
    """A text within the limit that is one long sentence ending in "?" and naming no legs: the search for a
    question about the legs (whose "they" an answer may use) once went back over the whole sentence from every
    word, minutes for 90 KB. (The rest of the reader on such a sentence is ConText's, slow on its own.)"""
    text = "my back hurts and " * 5_000 + "what should I do? they said rest."
    assert len(text.encode()) < MAX_TEXT_BYTES
    assert answered_pronouns(text) == []
    asked = text.replace("what should I do?", "what about my legs?")
    they = asked.index("they")
    assert answered_pronouns(asked) == [(they, they + len("they"), "my legs")]
