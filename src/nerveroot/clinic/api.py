"""The clinic's JSON API under /api/v1/clinic: episodes, examinations, outcome scores, the FHIR bundle.

Sign in with POST /api/v1/clinic/sessions and send `Authorization: Bearer <token>`. Anonymous: 401.
An episode that does not exist (or was erased): 404 with a message. Nothing is half-saved: a request is
checked whole before anything is written.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from nerveroot.api.deps import SettingsDep, UowDep
from nerveroot.api.jsonbody import SafeJsonRoute
from nerveroot.api.openapi import ProblemBody, responses
from nerveroot.clinic import audit, episodes, examination, outcomes, record
from nerveroot.clinic.exam_routes import save_examination
from nerveroot.clinic.knowledge import clinic_knowledge
from nerveroot.clinic.permissions import CurrentClinician, actor
from nerveroot.clinic.web import now
from nerveroot.errors import BadInput, Problem
from nerveroot.store.clinic import TRIAGE_ORDER

router = APIRouter(prefix="/api/v1/clinic", tags=["clinic"], route_class=SafeJsonRoute)
NOT_YOURS = "no episode has this number, or it is not yours to see (it may have been erased)"


def documented(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The error answers of a clinic route: 401 (sign in), 403 (role), plus the shared ones."""
    out = responses(503, *codes, not_found=NOT_YOURS)
    out[401] = {
        "model": ProblemBody,
        "description": "no live staff session: sign in (POST /api/v1/clinic/sessions)",
    }
    out[403] = {"model": ProblemBody, "description": "the staff member's role does not allow this"}
    return out


class EpisodeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    email: str = Field(default="", max_length=320)
    phone: str = Field(default="", max_length=40)
    case: dict[str, Any] = Field(default_factory=dict, description="a case (docs/case-format.md)")


class ExaminationCreate(BaseModel):
    """Examination findings in the case format's own fields (sensation, weakness, reflexes, tests, exam)."""

    model_config = ConfigDict(extra="forbid")

    sensation: dict[str, dict[str, str]] = Field(default_factory=dict)
    weakness: dict[str, dict[str, Any]] = Field(default_factory=dict)
    reflexes: dict[str, dict[str, str]] = Field(default_factory=dict)
    tests: dict[str, dict[str, str]] = Field(default_factory=dict)
    exam: dict[str, Any] = Field(default_factory=dict)
    slr_angle: dict[Literal["left", "right"], int] = Field(default_factory=dict, description="degrees, 0-90")


class OdiAnswer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    section: int = Field(ge=1, le=10)
    score: int = Field(ge=0, le=5)


class OutcomeCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    leg_pain: int | None = Field(default=None, ge=0, le=10, description="NPRS 0-10")
    back_pain: int | None = Field(default=None, ge=0, le=10, description="NPRS 0-10")
    odi: list[OdiAnswer] = Field(
        default_factory=list, max_length=20, description="one answer per section at most"
    )


@router.get("/worklist", responses=documented(422))
def list_episodes(
    staff: CurrentClinician, uow: UowDep, level: str = "", flagged: bool = False
) -> list[dict[str, Any]]:
    """Open episodes, most urgent first, then oldest."""
    filters = episodes.Filters(level=level if level in TRIAGE_ORDER else "", flagged=flagged)
    weeks = clinic_knowledge().referral.not_improving_weeks.value
    with uow.write() as session:
        rows = episodes.worklist(session, filters=filters)
        due = episodes.reviews_due(session, rows, now=now(), weeks=weeks)
        audit.record(session, actor=actor(staff), action="view", now=now(), what="worklist (API)")
        return [{"id": e.id, "name": e.name, "triage_level": e.triage_level, "created_at": e.created_at.isoformat(),
                 "booked": e.booking_id is not None, "flags": e.flags, "seen": e.seen_at is not None,
                 "review_due": e.id in due} for e in rows]  # fmt: skip


@router.post("/episodes", status_code=201, responses=documented(422))
def create_episode(staff: CurrentClinician, uow: UowDep, body: EpisodeCreate) -> dict[str, Any]:
    """Start an episode at the desk with a case; it is assessed at once."""
    assessed = episodes.assess_case(body.case)
    with uow.write() as session:
        episode = episodes.create_episode(session, source="desk", name=body.name, email=body.email, phone=body.phone,
                                          assessed=assessed, now=now(), actor=actor(staff))  # fmt: skip
        return {"id": episode.id, "triage_level": episode.triage_level}


@router.get("/episodes/{episode_id}", responses=documented(404, 422))
def read_episode(episode_id: int, staff: CurrentClinician, uow: UowDep) -> dict[str, Any]:
    """The whole record: contact, booking, every assessment (case and result), scores, flags."""
    with uow.write() as session:
        return record.as_json(
            record.load(session, episode_id, actor=actor(staff), now=now(), what="episode (API)")
        )


@router.post("/episodes/{episode_id}/examinations", status_code=201, responses=documented(404, 422))
def create_examination(
    episode_id: int, staff: CurrentClinician, uow: UowDep, settings: SettingsDep, body: ExaminationCreate
) -> dict[str, Any]:
    """Record an examination; the engine re-runs on history plus examination. The answer says what changed."""
    findings = {k: v for k, v in body.model_dump(exclude={"slr_angle"}).items() if v}
    if not findings:
        raise BadInput("nothing was examined", [Problem("body", "give at least one finding")])
    for side, angle in body.slr_angle.items():
        if not 0 <= angle <= 90:
            raise BadInput(
                "not an angle", [Problem(f"slr_angle.{side}", "expected whole degrees from 0 to 90", angle)]
            )
    examined = examination.Examined(findings, {str(k): v for k, v in body.slr_angle.items()}, {})
    row_id = save_examination(uow, episode_id, staff, examined, settings)
    with uow.read() as session:
        history = episodes.history(session, episode_id)
    after = next(h for h in history if h.id == row_id)
    before = history[history.index(after) - 1] if history.index(after) > 0 else None
    out: dict[str, Any] = {"id": row_id, "triage_level": after.triage_level}
    if before is not None:
        c = episodes.change(before, after)
        out["change"] = {"triage_before": c.level_before, "triage_after": c.level_after, "triage_changed": c.triage_changed,
                         "roots": [{"root": r, "before": b, "after": a} for r, b, a in c.roots], "moved_by": c.moved_by}  # fmt: skip
    return out


@router.post("/episodes/{episode_id}/outcomes", status_code=201, responses=documented(404, 422))
def create_outcome(
    episode_id: int, staff: CurrentClinician, uow: UowDep, body: OutcomeCreate
) -> dict[str, Any]:
    """Record NPRS (leg, back) and ODI section answers; a section given twice is refused."""
    odi: list[int | None] = [None] * 10
    for answer in body.odi:
        if odi[answer.section - 1] is not None:
            raise BadInput("an ODI section was answered twice", [Problem(f"odi.section {answer.section}",
                           "give one answer per section", answer.score)])  # fmt: skip
        odi[answer.section - 1] = answer.score
    scores = outcomes.Scores(body.leg_pain, body.back_pain, tuple(odi))
    if scores.empty:
        raise BadInput("no scores", [Problem("body", "give leg_pain, back_pain or odi")])
    with uow.write() as session:
        episode, row = record.add_clinician_scores(session, episode_id, scores, by=actor(staff), now=now(),
                                                   what="outcome scores (API)")  # fmt: skip
        return {"id": row.id, "odi_percent": row.odi_percent, "flags": episode.flags}


@router.get("/episodes/{episode_id}/fhir", responses=documented(404, 422))
def read_episode_fhir(episode_id: int, staff: CurrentClinician, uow: UowDep) -> dict[str, Any]:
    """The episode as a FHIR R4 Bundle: the latest assessment's resources, the booking's Appointment, and an
    Observation for every outcome score (NPRS, ODI with LOINC codes). Clinician only; unknown: 404."""
    from nerveroot.clinic.fhir import episode_bundle

    with uow.write() as session:
        rec = record.load(
            session, episode_id, actor=actor(staff), now=now(), what="FHIR export", action="export"
        )
    return episode_bundle(rec)
