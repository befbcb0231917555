"""Observations: every finding of a case, and the outcome scores (NPRS, ODI), as resources that can be trended.

A finding's code is its case path (the QuestionnaireResponse item it comes from has the same code), with LOINC
beside it where one exists. Region marks give one Observation per region (``pain.left`` = outer calf), a scan
finding one Observation with its level, side and root as components, and a "not sure" an Observation with no
value and the data-absent reason ``asked-unknown``: not sure is never recorded as no.

The builders return plain dicts that fhir.py validates with the FHIR models; the score functions are for the
clinician workspace (outcome scores are not part of the case).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from nerveroot.case import Case, case_json, parse_case
from nerveroot.errors import BadInput, Problem
from nerveroot.export import codes
from nerveroot.export.questionnaire import answer_coding, label
from nerveroot.export.schema import Field, by_path, case_fields, grade_code

# which kind of observation each top-level section is (HL7 observation-category)
_CATEGORY = {"sensation": "exam", "weakness": "exam", "reflexes": "exam", "tests": "exam", "exam": "exam",
             "imaging": "imaging"}  # fmt: skip
_EXTERNAL = {"age": codes.AGE_REPORTED}


def _category(path: str) -> list[dict[str, Any]]:
    code = _CATEGORY.get(path.split(".", maxsplit=1)[0], "survey")
    return [codes.concept(codes.coding(codes.OBSERVATION_CATEGORY, code, code.capitalize()))]


def finding_code(path: str) -> dict[str, Any]:
    """The code of a finding: the case path (nerveroot's vocabulary), plus LOINC where one exists."""
    own = codes.coding(codes.FINDING, path, label(path))
    extra = [codes.external(_EXTERNAL[path])] if path in _EXTERNAL else []
    return codes.concept(own, *extra, text=label(path))


def _value(field: Field, value: Any) -> dict[str, Any]:
    if field.kind == "boolean":
        return {"valueBoolean": bool(value)}
    if field.kind == "integer":
        return {"valueInteger": int(value)}
    if field.kind == "decimal":
        unit = field.unit
        if unit is None:
            return {"valueQuantity": {"value": float(value)}}
        return {
            "valueQuantity": {"value": float(value), "unit": unit[1], "system": codes.UCUM, "code": unit[0]}
        }
    if field.kind == "choice":
        code = grade_code(value) if field.grade else str(value)
        return {"valueCodeableConcept": codes.concept(answer_coding(field, code))}
    return {"valueString": str(value)}


def _observation(path: str, *, subject: str, at: datetime, derived_from: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": _category(path),
        "code": finding_code(path),
        "subject": {"reference": subject},
        "effectiveDateTime": at.isoformat(),
    }
    if derived_from:
        out["derivedFrom"] = [{"reference": derived_from}]
    return out


def _leaves(fields: tuple[Field, ...], data: Mapping[str, Any]) -> Iterator[tuple[Field, Any]]:
    for field in fields:
        value = data.get(field.name)
        if value is None or field.path in ("imaging", "unsure"):
            continue
        if field.kind == "group":
            yield from _leaves(field.children, value)
        elif field.repeats:
            for one in value:
                yield field, one
        else:
            yield field, value


def _imaging(finding: Mapping[str, Any], **common: Any) -> dict[str, Any]:
    fields = by_path()
    obs = _observation("imaging.finding", **common)
    obs.update(_value(fields["imaging.finding"], finding["finding"]))
    obs["component"] = [
        {"code": finding_code(f"imaging.{key}"), **_value(fields[f"imaging.{key}"], value)}
        for key, value in finding.items()
        if key != "finding" and value is not None
    ]
    if not obs["component"]:
        del obs["component"]
    return obs


def _unsure(item: Mapping[str, Any], **common: Any) -> dict[str, Any]:
    obs = _observation(item["finding"], **common)
    obs["dataAbsentReason"] = codes.concept(
        codes.coding(codes.DATA_ABSENT, "asked-unknown", "Asked But Unknown"), text="not sure"
    )
    if item.get("words"):
        obs["note"] = [{"text": f"In the person's words: {item['words']}"}]
    return obs


def finding_observations(
    case: Case | Mapping[str, Any], *, subject: str, at: datetime, derived_from: str | None = None
) -> list[tuple[str, dict[str, Any]]]:
    """(case path, Observation) for every finding the case records, in the case's order.

    ``subject`` and ``derived_from`` are references (``Patient/…`` or ``urn:uuid:…``); ``derived_from`` names
    the QuestionnaireResponse the finding was answered in, when there is one.
    """
    data = case_json(case if isinstance(case, Case) else parse_case(case))
    common: dict[str, Any] = {"subject": subject, "at": at, "derived_from": derived_from}
    out: list[tuple[str, dict[str, Any]]] = []
    for field, value in _leaves(case_fields(), data):
        obs = _observation(field.path, **common)
        obs.update(_value(field, value))
        out.append((field.path, obs))
    for finding in data.get("imaging", []):
        out.append(("imaging", _imaging(finding, **common)))
    for item in data.get("unsure", []):
        out.append((item["finding"], _unsure(item, **common)))
    return out


# ------------------------------------------------------------------------------------------ outcome scores
def _score(
    code: codes.ExternalCode, value: dict[str, Any], *, subject: str, at: datetime, note: str | None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [codes.concept(codes.coding(codes.OBSERVATION_CATEGORY, "survey", "Survey"))],
        "code": codes.concept(codes.external(code), text=code.display),
        "subject": {"reference": subject},
        "effectiveDateTime": at.isoformat(),
        **value,
    }
    if note:
        out["note"] = [{"text": note}]
    return out


def nprs_observation(score: int, *, subject: str, at: datetime, note: str | None = None) -> dict[str, Any]:
    """Pain intensity on the 0-10 numeric rating scale (LOINC 72514-3); ``note`` may say which pain (leg, back)."""
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
        raise BadInput("not a pain score", [Problem("nprs", "expected a whole number from 0 to 10", score)])
    return _score(codes.NPRS, {"valueInteger": score}, subject=subject, at=at, note=note)


def odi_observation(percent: float, *, subject: str, at: datetime, note: str | None = None) -> dict[str, Any]:
    """The Oswestry Disability Index as a percent, 0-100 (LOINC 97909-6)."""
    if isinstance(percent, bool) or not isinstance(percent, int | float) or not 0 <= percent <= 100:
        raise BadInput("not an ODI score", [Problem("odi", "expected a percent from 0 to 100", percent)])
    quantity = {"value": float(percent), "unit": "%", "system": codes.UCUM, "code": "%"}
    return _score(codes.ODI, {"valueQuantity": quantity}, subject=subject, at=at, note=note)
