"""An episode as a FHIR R4 Bundle (export/ builds every resource): the latest assessment's resources with
the booking's Appointment, plus one Observation per outcome score (NPRS leg and back, ODI), each
validated by the fhir.resources R4B models. Ids are stable per episode (seed "episode/<id>")."""

from __future__ import annotations

from typing import Any

from nerveroot.clinic.record import Record
from nerveroot.clinic.web import now
from nerveroot.export.fhir import Person, Visit, assessment_resources, bundle, validated
from nerveroot.export.ids import Ids
from nerveroot.export.observations import nprs_observation, odi_observation
from nerveroot.service import assess_payload


def episode_bundle(rec: Record) -> dict[str, Any]:
    at = now()
    seed = f"episode/{rec.episode.id}"
    ids = Ids(seed, "bundle")
    person = Person(rec.episode.name, rec.episode.email or None, rec.episode.phone or None)
    visit = None
    if rec.booking is not None and rec.slot is not None:
        b = rec.booking
        visit = Visit(
            b.reference, rec.slot.start, rec.slot.end, b.created_at, cancelled=b.cancelled_at is not None
        )
    case = rec.latest.case_json if rec.latest else {}
    resources = assessment_resources(case, assess_payload(case), at=rec.latest.created_at if rec.latest else at,
                                     seed=seed, person=person, visit=visit)  # fmt: skip
    subject = ids.ref("Patient")
    for o in rec.outcomes:
        key = f"{o.id}"
        if o.leg_pain is not None:
            obs = nprs_observation(o.leg_pain, subject=subject, at=o.taken_at, note="leg pain")
            resources.append(validated({**obs, "id": ids.id("Observation", f"leg/{key}")}))
        if o.back_pain is not None:
            obs = nprs_observation(o.back_pain, subject=subject, at=o.taken_at, note="back pain")
            resources.append(validated({**obs, "id": ids.id("Observation", f"back/{key}")}))
        if o.odi_percent is not None:
            answered = sum(a is not None for a in o.odi_answers)
            obs = odi_observation(round(o.odi_percent, 1), subject=subject, at=o.taken_at,
                                  note=f"{answered} of 10 sections answered")  # fmt: skip
            resources.append(validated({**obs, "id": ids.id("Observation", f"odi/{key}")}))
    return bundle(resources, at=at, seed=seed)
