"""An assessment as FHIR R4 resources: Patient, QuestionnaireResponse, Observations, Conditions, RiskAssessment
and, for a booking, an Appointment. Every resource passes through the fhir.resources (R4B) models before it
leaves, so an export that would not parse fails here, not in the receiving system.

Conditions are never confirmed: the likely cause is ``provisional`` and each look-alike ``differential``;
their ICD-10 and SNOMED CT codings keep the knowledge base's marks (export/codes.py). The triage level, the
pattern, the roots and the causes are the RiskAssessment's predictions, with the reasons and what was not
asked in its notes. Ids are stable (UUID 5 of a seed), so exporting the same booking twice gives the same ids.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fhir.resources.R4B import get_fhir_model_class

from nerveroot import __version__
from nerveroot.assessment import Assessment
from nerveroot.case import Case, case_json, parse_case
from nerveroot.engine.knowledge import load_knowledge
from nerveroot.errors import NerverootError, Problem
from nerveroot.export import codes
from nerveroot.export.conditions import SIDE_WORDS, suspected_conditions
from nerveroot.export.ids import NAMESPACE, Ids, Links
from nerveroot.export.observations import finding_observations
from nerveroot.export.questionnaire import response_items

TRIAGE_WORDS = {"emergency": "Emergency", "urgent": "Urgent", "prompt": "Prompt", "routine": "Routine",
                "self_care": "Self-care"}  # fmt: skip


class ExportError(NerverootError):
    """A resource that the FHIR models refuse: a defect of the exporter, named with the model's message."""

    exit_code = 1
    http_status = 500


@dataclass(frozen=True)
class Person:
    """What is known of the person: nothing unless it was given (a booking gives a name and contacts)."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Visit:
    """A booked consultation, as an Appointment."""

    reference: str
    start: datetime
    end: datetime
    created: datetime
    cancelled: bool = False


def validated(resource: Mapping[str, Any]) -> dict[str, Any]:
    """The resource after a round trip through its fhir.resources R4B model (refused: ExportError)."""
    kind = str(resource.get("resourceType"))
    try:
        model = get_fhir_model_class(kind).model_validate(resource)
    except (KeyError, ValueError) as exc:
        raise ExportError(f"the {kind} would not be valid FHIR", [Problem(kind, str(exc)[:2000])]) from None
    out: dict[str, Any] = json.loads(model.model_dump_json())
    return out


def case_seed(case: Mapping[str, Any], at: datetime) -> str:
    """A seed for one assessment of one case at one time (a booking uses its reference instead)."""
    text = json.dumps(case, sort_keys=True, ensure_ascii=False) + at.isoformat()
    return hashlib.sha256(text.encode()).hexdigest()


def _patient(ids: Ids, case: Mapping[str, Any], person: Person | None) -> dict[str, Any]:
    out: dict[str, Any] = {"resourceType": "Patient", "id": ids.id("Patient")}
    if case.get("sex") in ("female", "male", "other"):
        out["gender"] = case["sex"]
    if person and person.name:
        out["name"] = [{"text": person.name}]
    telecom = [
        {"system": system, "value": value}
        for system, value in (("email", person and person.email), ("phone", person and person.phone))
        if value
    ]
    if telecom:
        out["telecom"] = telecom
    return out


def _response(ids: Ids, case: Mapping[str, Any], at: datetime) -> dict[str, Any]:
    return {
        "resourceType": "QuestionnaireResponse",
        "id": ids.id("QuestionnaireResponse"),
        "questionnaire": f"{codes.QUESTIONNAIRE}|{__version__}",
        "status": "completed",
        "subject": {"reference": ids.ref("Patient")},
        "authored": at.isoformat(),
        "item": response_items(case),
    }


def _prediction(
    system: str, code: str, text: str, probability: float | None = None, display: str | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {"outcome": codes.concept(codes.coding(system, code, display or text), text=text)}
    if probability is not None:
        out["probabilityDecimal"] = round(float(probability), 4)
    return out


def _risk_assessment(ids: Ids, a: Assessment, at: datetime, basis: list[str]) -> dict[str, Any]:
    t = a.triage
    triage = _prediction(codes.TRIAGE, t.level, t.headline, display=TRIAGE_WORDS.get(t.level, t.level))
    if t.reasons:
        triage["rationale"] = " ".join(t.reasons)
    predictions = [triage]
    if a.recognised:
        predictions.append(_prediction(codes.CONCLUSION, a.pattern.label, f"Pattern: {a.pattern.label.replace('_', ' ')}",
                                       a.pattern.probability))  # fmt: skip
        predictions += [
            _prediction(
                codes.CONCLUSION, r.root, f"{r.label}, {SIDE_WORDS.get(r.side, r.side)}", r.probability
            )
            for r in a.roots
        ]
        predictions += [_prediction(codes.CONCLUSION, c.cause, c.label, c.probability) for c in a.causes]
        predictions += [_prediction(codes.CONCLUSION, m.mimic, m.label, m.probability) for m in a.mimics]
    notes = [a.notice]
    if a.message:
        notes.append(a.message)
    notes += [f"Not settled: {u.label}. {u.check}" for u in a.unresolved]
    if a.not_asked:
        topics = load_knowledge().red_flags.topics
        asked = ", ".join(getattr(topics.get(t_), "label", t_) for t_ in a.not_asked)
        notes.append(f"Warning signs not asked, so not ruled out: {asked}.")
    return {
        "resourceType": "RiskAssessment",
        "id": ids.id("RiskAssessment"),
        "status": "final",
        "subject": {"reference": ids.ref("Patient")},
        "occurrenceDateTime": at.isoformat(),
        "method": codes.concept(codes.coding(codes.METHOD, "nerveroot", f"nerveroot {__version__}")),
        "code": {"text": "Lumbosacral radiculopathy: urgency, nerve root and likely cause"},
        "basis": [{"reference": r} for r in dict.fromkeys(basis)],
        "prediction": predictions,
        "mitigation": f"{t.action} When: {t.timeframe}.",
        "note": [{"text": n} for n in notes],
    }


def _appointment(ids: Ids, visit: Visit, a: Assessment | None, reasons: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "resourceType": "Appointment",
        "id": ids.id("Appointment"),
        "identifier": [{"system": codes.BOOKING_REFERENCE, "value": visit.reference}],
        "status": "cancelled" if visit.cancelled else "booked",
        "serviceType": [{"text": "New-patient consultation"}],
        "start": visit.start.isoformat(),
        "end": visit.end.isoformat(),
        "created": visit.created.isoformat(),
        "participant": [
            {"actor": {"reference": ids.ref("Patient")}, "required": "required", "status": "accepted"}
        ],
    }
    if a is not None:
        out["description"] = f"{TRIAGE_WORDS.get(a.triage.level, a.triage.level)}: {a.triage.headline}"
        out["supportingInformation"] = [
            {"reference": ids.ref("RiskAssessment")},
            {"reference": ids.ref("QuestionnaireResponse")},
        ]
    if reasons:
        out["reasonReference"] = [{"reference": r} for r in reasons]
    return out


def _observation_refs(ids: Ids, observations: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Each observation's keys: its path, and for a region mark the path with the region."""
    refs: dict[str, str] = {}
    for i, (path, obs) in enumerate(observations):
        obs["id"] = ids.id("Observation", str(i))
        ref = ids.ref("Observation", str(i))
        refs.setdefault(path, ref)
        value = obs.get("valueCodeableConcept", {}).get("coding", [{}])[0].get("code")
        if value:
            refs.setdefault(f"{path}.{value}", ref)
    return refs


def assessment_resources(
    case: Case | Mapping[str, Any],
    assessment: Assessment,
    *,
    at: datetime,
    seed: str | None = None,
    person: Person | None = None,
    visit: Visit | None = None,
    links: Links = "bundle",
) -> list[dict[str, Any]]:
    """Every resource of one assessment, validated, Patient first. ``at`` must be timezone-aware."""
    data = case_json(case if isinstance(case, Case) else parse_case(case))
    ids = Ids(seed or case_seed(data, at), links)
    observations = finding_observations(
        data, subject=ids.ref("Patient"), at=at, derived_from=ids.ref("QuestionnaireResponse")
    )
    obs_refs = _observation_refs(ids, observations)
    conditions = suspected_conditions(ids, assessment, at, obs_refs)
    explained = [obs_refs[e.finding] for e in assessment.explanation if e.finding in obs_refs]
    risk = _risk_assessment(ids, assessment, at, [ids.ref("QuestionnaireResponse"), *explained])
    resources = [_patient(ids, data, person), _response(ids, data, at), *(o for _, o in observations),
                 *conditions, risk]  # fmt: skip
    if visit is not None:
        reasons = [
            ids.link("Condition", c["id"])
            for c in conditions
            if c["verificationStatus"]["coding"][0]["code"] == "provisional"
        ]
        resources.append(_appointment(ids, visit, assessment, reasons))
    return [validated(r) for r in resources]


def appointment_alone(ids: Ids, person: Person, visit: Visit) -> list[dict[str, Any]]:
    """A booking without a case: its Patient and Appointment only."""
    return [validated(_patient(ids, {}, person)), validated(_appointment(ids, visit, None, []))]


def bundle(resources: Sequence[Mapping[str, Any]], *, at: datetime, seed: str) -> dict[str, Any]:
    """A collection Bundle of resources whose references are ``urn:uuid`` (``links="bundle"``)."""
    entries = [{"fullUrl": f"urn:uuid:{r['id']}", "resource": dict(r)} for r in resources]
    out = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(NAMESPACE, f"{seed}|Bundle")),
        "type": "collection",
        "timestamp": at.isoformat(),
        "entry": entries,
    }
    return validated(out)


def assessment_bundle(
    case: Case | Mapping[str, Any],
    assessment: Assessment,
    *,
    at: datetime,
    person: Person | None = None,
    visit: Visit | None = None,
    seed: str | None = None,
) -> dict[str, Any]:
    """One assessment as a FHIR Bundle (JSON), ready for ``nerveroot assess --format fhir``."""
    data = case_json(case if isinstance(case, Case) else parse_case(case))
    seed = seed or case_seed(data, at)
    resources = assessment_resources(data, assessment, at=at, seed=seed, person=person, visit=visit)
    return bundle(resources, at=at, seed=seed)


def ndjson(resources: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """One resource per line (FHIR bulk data's NDJSON)."""
    for r in resources:
        yield json.dumps(r, ensure_ascii=False, separators=(",", ":"))
