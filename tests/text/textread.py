"""Helpers for the free-text tests: a reading as flat findings, the way the engine sees a case."""

from __future__ import annotations

from typing import Any

from nerveroot.engine.facts import flatten
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.text import read_text

ABSENT = object()  # the finding must not be read at all (unknown stays unknown)
WEAK = object()  # weakness read: "weak" (True) or a grade below 5


def findings(text: str) -> dict[str, Any]:
    """Every finding read from `text`: the case's flat facts, plus evidence-only words such as "numbness"."""
    reading = read_text(text)
    out: dict[str, Any] = {}
    for span in reading.evidence:
        if span.finding not in out or span.value is False:
            out[span.finding] = span.value
    out.update(flatten(reading.case, load_knowledge()))
    return out


def check_read(text: str, expected: dict[str, Any]) -> None:
    """Each expected finding read with its value; ABSENT: not read as present (unread, or read as false)."""
    got = findings(text)
    for path, value in expected.items():
        if value is ABSENT:
            assert path not in got or got[path] is False, f"{path} read from {text!r}: {got.get(path)!r}"
        elif value is WEAK:
            weak = got.get(path) is True or (isinstance(got.get(path), (int, float)) and got[path] < 5)
            assert weak, f"{path} from {text!r}: expected weak, got {got.get(path)!r}"
        else:
            assert got.get(path) == value, f"{path} from {text!r}: expected {value!r}, got {got.get(path)!r}"


def check_unsure(text: str, finding: str) -> None:
    """The warning sign is left unsure, never read as "no"."""
    case = read_text(text).case
    assert finding in {u.finding for u in case.unsure}, case
    section, name = finding.split(".")
    assert getattr(getattr(case, section), name) is not False, case
