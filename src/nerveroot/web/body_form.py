"""The body-map form: marks, the "about you" fields and the person's own words, read and checked.

Errors are returned by field name so the page can show each one beside its field with the entries kept.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.datastructures import FormData

from nerveroot.errors import BadInput
from nerveroot.service import assess_text
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
        return {"error": exc.message, "problems": exc.problems, "findings": []}
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
    carried = json.dumps([[p, v] for p, v in leaves.items()], separators=(",", ":"))
    return {"error": None, "findings": findings, "carry": carried, "message": assessment.message}
