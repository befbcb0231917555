"""One entry point for every caller (CLI, API, web, batch): a case or a free text in, an assessment out."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nerveroot.assessment import Assessment, Evidence
from nerveroot.case import parse_case
from nerveroot.engine import assess
from nerveroot.engine.knowledge import Knowledge
from nerveroot.errors import BadInput, Problem, TextError

MAX_TEXT_BYTES = 100_000


def assess_payload(payload: Any, *, kb: Knowledge | None = None) -> Assessment:
    """Assess a case object, or ``{"text": "..."}`` read by the free-text reader.

    Raises :class:`nerveroot.errors.BadInput` (a subclass naming each problem) for anything unusable.
    """
    if isinstance(payload, Mapping) and "text" in payload:
        extra = sorted(set(payload) - {"text"})
        if extra:
            raise BadInput(
                "a text request has only the field 'text'",
                [Problem(k, "is not allowed beside 'text'; send a case or a text, not both") for k in extra],
            )
        return assess_text(payload["text"], kb=kb)
    return assess(parse_case(payload), kb)


def assess_text(text: Any, *, kb: Knowledge | None = None) -> Assessment:
    """Read free text into a case (nerveroot.text), assess it, and attach the words behind each finding."""
    if not isinstance(text, str):
        raise TextError("text must be a string", [Problem("text", "expected a string", type(text).__name__)])
    from nerveroot.text import read_text  # imported here: spaCy is only loaded when text is used

    reading = read_text(text)
    assessment = assess(reading.case, kb)
    evidence = [
        Evidence(finding=e.finding, value=e.value, start=e.start, end=e.end, text=e.text)
        for e in reading.evidence
    ]
    return assessment.model_copy(update={"evidence": evidence})
