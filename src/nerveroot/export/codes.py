"""The code systems and codes the exports use, each external code with how far it was checked.

nerveroot's own vocabulary (the case schema's paths, its triage levels, roots and causes) is published under
``BASE``: an identifier of the project's own code systems, never fetched. External codes (LOINC here; ICD-10
and SNOMED CT come from knowledge/codes.yaml through the assessment) keep the marks of knowledge/codes.yaml:
``read`` (seen on a reference page), ``secondary``, ``unverified`` (from memory). A coding whose status is not
``read`` is exported without a display (no claim about what the code means) and with the status extension.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

BASE = "https://nerveroot.org/fhir"
FINDING = f"{BASE}/CodeSystem/finding"  # a case path: "history.saddle_numbness", "pain.left"
TRIAGE = f"{BASE}/CodeSystem/triage-level"
CONCLUSION = f"{BASE}/CodeSystem/conclusion"  # pattern, roots, causes and look-alikes, by their ids
CODE_STATUS = f"{BASE}/StructureDefinition/code-status"
BOOKING_REFERENCE = f"{BASE}/booking-reference"
QUESTIONNAIRE = f"{BASE}/Questionnaire/nerveroot-interview"
METHOD = f"{BASE}/CodeSystem/method"

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
OBSERVATION_EXTRACT = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract"


def value_set(name: str) -> str:
    """The code system of one closed list of the case schema (regions, reflex levels, MRC grades...)."""
    return f"{BASE}/CodeSystem/{name.replace('_', '-').replace('.', '-')}"


@dataclass(frozen=True)
class ExternalCode:
    system: str
    code: str
    display: str
    status: str  # read | secondary | unverified, as in knowledge/codes.yaml
    seen: str  # where it was read


AGE_REPORTED = ExternalCode(
    LOINC, "21612-7", "Age - Reported", "read",
    "HL7 Terminology, value set v3-LOINCObservationActContextAgeType (21612-7 reported age)",
)  # fmt: skip
NPRS = ExternalCode(
    LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported", "read",
    "loinc.org/72514-3, as cited by the HL7 Belgium patient-monitoring guide (value set pain-scale)",
)  # fmt: skip
ODI = ExternalCode(
    LOINC, "97909-6", "Oswestry disability index score ODI", "read",
    "loinc.org/97909-6 (a percent; member of the panel 97908-8 Oswestry Disability Index)",
)  # fmt: skip
ODI_PANEL = ExternalCode(LOINC, "97908-8", "Oswestry Disability Index", "read", "loinc.org/97908-8/panel")


def coding(system: str, code: str, display: str | None = None, status: str | None = None) -> dict[str, Any]:
    """A Coding; a code not marked ``read`` carries its status and no display (no claim of its meaning)."""
    out: dict[str, Any] = {"system": system, "code": code}
    if display and status in (None, "read"):
        out["display"] = display
    if status is not None:
        out["extension"] = [{"url": CODE_STATUS, "valueCode": status}]
    return out


def external(code: ExternalCode) -> dict[str, Any]:
    return coding(code.system, code.code, code.display, code.status)


def concept(*codings: dict[str, Any], text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"coding": list(codings)}
    if text:
        out["text"] = text
    return out
