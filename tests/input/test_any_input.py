"""Hypothesis on the case model, the JSON reader and the free-text reader: whatever arrives, the answer
is a result or a named BadInput, never another exception (the kind that became a 500 or a traceback)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nerveroot.case import parse_case
from nerveroot.errors import BadInput
from nerveroot.safe_json import loads_case
from nerveroot.service import assess_payload, assess_text

FIELDS = st.sampled_from(["age", "sex", "pain", "numbness", "weakness", "reflexes", "tests", "history", "left",
                          "right", "unknown", "heel", "great_toe_extension", "saddle_numbness", "imaging", "unsure",
                          "level", "finding", "duration_weeks", "text"])  # fmt: skip
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=30)  # surrogates too
SCALARS = st.none() | st.booleans() | st.integers(-(2**80), 2**80) | st.floats() | ANY_TEXT
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(FIELDS | ANY_TEXT, inner, max_size=4),
    max_leaves=25,
)
CASES = st.dictionaries(FIELDS, VALUES, max_size=6)
FAST = settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


@FAST
@given(CASES)
def test_the_case_model_accepts_or_names_the_problem(data: dict[str, Any]) -> None:
    try:
        parse_case(data)
    except BadInput as exc:
        assert exc.problems or exc.message


@FAST
@given(CASES)
def test_assessing_any_case_gives_an_assessment_or_bad_input(data: dict[str, Any]) -> None:
    try:
        assessment = assess_payload(data)
    except BadInput:
        return
    assessment.model_dump_json().encode("utf-8")  # whatever is in it can be written out


@FAST
@given(st.one_of(ANY_TEXT, CASES.map(lambda c: json.dumps(c, ensure_ascii=True, allow_nan=True)),
                 st.integers(1, 6000).map(lambda n: '{"age": ' + "9" * n + "}")))  # fmt: skip
def test_reading_any_json_text_gives_data_or_a_case_error(text: str) -> None:
    try:
        loads_case(text, where="line 1")
    except BadInput as exc:
        assert exc.message.startswith("line 1") or exc.problems


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(ANY_TEXT | st.text(min_size=20, max_size=300))
def test_reading_any_free_text_gives_an_assessment_or_bad_input(text: str) -> None:
    try:
        assessment = assess_text(text)
    except BadInput:
        return
    assessment.model_dump_json()
