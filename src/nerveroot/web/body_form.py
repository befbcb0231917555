"""The body-map form: marks, the "about you" fields and the person's own words, read and checked.

Errors are returned by field name so the page can show each one beside its field with the entries kept.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import FormData

from nerveroot.case import back_pain_from_map, put_back_pain
from nerveroot.errors import BadInput
from nerveroot.service import assess_text
from nerveroot.warning_signs import reconcile, topic_of, with_unsure
from nerveroot.web import bodymap, carry, words

ABOUT_FIELDS = ("age", "duration_weeks", "onset")


def form_str(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _number(
    raw: str, field: str, bounds: tuple[float, float], what: str, errors: dict[str, str]
) -> float | None:
    low, high = bounds
    if not raw.strip():
        return None
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        errors[field] = f"Enter {what} as a number from {low:g} to {high:g} (you entered '{raw}')."
        return None
    if not low <= value <= high:
        errors[field] = f"Enter {what} as a number from {low:g} to {high:g} (you entered '{raw}')."
        return None
    return value


def read_body_map(form: FormData, case: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The case with this page's fields replaced by what the form says, and the errors by field."""
    errors: dict[str, str] = {}
    regions = bodymap.region_labels()
    marks: dict[str, dict[str, list[str]]] = {}
    for raw in form.getlist("mark"):
        parts = str(raw).split(".")
        if (
            len(parts) != 3
            or parts[0] not in bodymap.KINDS
            or parts[1] not in ("left", "right")
            or parts[2] not in regions
        ):
            errors["marks"] = f"'{raw}' is not a place on the map; choose places from the list."
            continue
        regions_marked = marks.setdefault(parts[0], {}).setdefault(parts[1], [])
        if parts[2] not in regions_marked:
            regions_marked.append(parts[2])
    new = carry.without(case, (*bodymap.KINDS, *ABOUT_FIELDS))
    new.update(marks)
    pain = marks.get("pain", {})
    if pain:  # the map asked where it hurts: pain marked only in the leg is no back pain; a back mark says it
        put_back_pain(new, back_pain_from_map(pain))
    age = _number(form_str(form, "age"), "age", (0, 120), "your age in years", errors)
    weeks = _number(
        form_str(form, "duration_weeks"), "duration_weeks", (0, 5200), "the number of weeks", errors
    )
    onset = form_str(form, "onset")
    if onset and onset not in ("sudden", "gradual"):
        errors["onset"] = f"'{onset}' is not a choice here; choose suddenly, gradually or leave it blank."
    for field, value in (("age", age), ("duration_weeks", weeks), ("onset", onset or None)):
        if value is not None:
            new[field] = value
    return new, errors


def read_words(story: str) -> dict[str, Any]:
    """Read the person's own words; a reader that cannot read them gives a message, not a failure."""
    try:
        assessment = assess_text(story)
    except BadInput as exc:
        return {"error": exc.message, "problems": [str(p) for p in exc.problems], "findings": []}
    leaves = carry.flatten(assessment.findings)
    quotes: dict[str, list[str]] = {}
    for e in assessment.evidence:  # the reader gives each finding its words; show each distinct one once
        said = quotes.setdefault(e.finding, [])
        if e.text not in said:
            said.append(e.text)
    findings = [
        {"path": p, "value": v, "label": words.describe(p, v), "quotes": quotes.get(p, [])[:3]}
        for p, v in leaves.items()
    ]
    return {"error": None, "findings": findings, "message": assessment.message}


def on_the_map(path: str) -> bool:
    """Whether a finding read from words is shown on the body map itself (a place on one side)."""
    parts = path.split(".")
    return len(parts) == 3 and parts[0] in bodymap.KINDS and parts[1] in ("left", "right")


def apply_reading(
    case: dict[str, Any], entries: dict[str, str], reading: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, str], dict[str, Any]]:
    """Put what the words say about places, age, duration and onset on the map and its fields, where the
    person sees and can change it; the rest stays in the checklist to confirm (with the words behind it)."""
    marks = {p: v for p, v in ((f["path"], f["value"]) for f in reading["findings"]) if on_the_map(p)}
    case = carry.merge(case, marks)
    entries = dict(entries)
    listed = []
    for f in reading["findings"]:
        path, value = f["path"], f["value"]
        if path in marks:
            continue
        if path in ABOUT_FIELDS and isinstance(value, int | float | str):
            case[path] = value
            shown = (
                words.weeks_number(value)
                if path == "duration_weeks" and not isinstance(value, str)
                else value
            )
            entries[path] = f"{shown:g}" if isinstance(shown, float) else str(shown)
            continue
        listed.append(f)
    reading = {**reading, "findings": listed, "carry": json.dumps([[f["path"], f["value"]] for f in listed])}
    reading["placed"] = [words.describe(p, v) for p, v in marks.items()]
    return case, entries, reading


def merge_words(case: dict[str, Any], chosen: dict[str, Any]) -> dict[str, Any]:
    """The case with what the person kept from their words: the newer, more specific answer wins, except that
    a warning sign said to be present is never dropped for words that seem to deny it."""
    out = dict(case)
    for path, value in chosen.items():
        earlier = carry.flatten(out).get(path)
        if value is False and earlier is True and topic_of(path) is not None:
            continue
        out = carry.merge(out, {path: value})
        if path.startswith("history.") and isinstance(value, bool):
            out = with_unsure(out, path, sure=True)
    return reconcile(out, newer=list(chosen))
