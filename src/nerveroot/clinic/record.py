"""A person's whole record, read in one transaction for the episode view, the API, the PDF and FHIR; and
the changes that keep the episode's flags up to date. Every view and change goes through here, and each
is written to the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from nerveroot.clinic import audit, episodes, flags, outcomes
from nerveroot.clinic.audit import Actor
from nerveroot.clinic.examination import Examined
from nerveroot.store.clinic import Episode, EpisodeAssessment, Outcome
from nerveroot.store.models import Booking, Slot


@dataclass(frozen=True)
class Record:
    episode: Episode
    history: list[EpisodeAssessment]
    outcomes: list[Outcome]
    flags: list[flags.Flag]
    booking: Booking | None
    slot: Slot | None

    @property
    def latest(self) -> EpisodeAssessment | None:
        return self.history[-1] if self.history else None

    @property
    def examinations(self) -> list[EpisodeAssessment]:
        return [h for h in self.history if h.kind == "examination"]

    def exam_rows(self) -> list[tuple[str, str]]:
        exams = self.examinations
        if not exams or not exams[-1].exam_json:
            return []
        e = exams[-1].exam_json
        return Examined(e.get("findings", {}), e.get("slr_angle", {}), {}).rows()


def load(
    session: Session,
    episode_id: int,
    *,
    actor: Actor,
    now: datetime,
    what: str = "episode",
    action: str = "view",
) -> Record:
    """The record, audited as viewed (or exported) by `actor`; NotFound for an unknown or erased episode."""
    episode = episodes.get_episode(session, episode_id)
    booking = session.get(Booking, episode.booking_id) if episode.booking_id else None
    slot = session.get(Slot, booking.slot_id) if booking else None
    history = episodes.history(session, episode.id)
    scores = outcomes.outcomes_of(session, episode.id)
    audit.record(session, actor=actor, action=action, now=now, episode_id=episode.id, what=what)
    if actor.kind in ("clinician", "admin") and episode.seen_at is None and action == "view":
        episode.seen_at = now
    return Record(episode, history, scores, flags.flags_of(history, scores), booking, slot)


def refresh_flags(session: Session, episode: Episode) -> list[flags.Flag]:
    found = flags.flags_of(episodes.history(session, episode.id), outcomes.outcomes_of(session, episode.id))
    episode.flags = [f.label for f in found]
    session.flush()
    return found


def add_clinician_scores(
    session: Session, episode_id: int, scores: outcomes.Scores, *, by: Actor, now: datetime, what: str
) -> tuple[Episode, Outcome]:
    """Scores a clinician entered (page or API): saved, the flags re-derived and the change audited together,
    so a score can never be in the record without its flags and its audit line."""
    episode = episodes.get_episode(session, episode_id)
    row = outcomes.add_outcome(session, episode_id=episode.id, scores=scores, now=now, entered_by="clinician",
                               user_id=by.user_id)  # fmt: skip
    refresh_flags(session, episode)
    audit.record(session, actor=by, action="change", now=now, episode_id=episode.id, what=what)
    return episode, row


def as_json(record: Record) -> dict[str, Any]:
    """The record for the API (no contact details beyond what the clinic holds for the episode)."""
    e = record.episode
    return {
        "id": e.id,
        "source": e.source,
        "name": e.name,
        "email": e.email,
        "phone": e.phone,
        "status": e.status,
        "triage_level": e.triage_level,
        "created_at": e.created_at.isoformat(),
        "seen": e.seen_at is not None,
        "flags": [{"id": f.id, "label": f.label, "reason": f.reason} for f in record.flags],
        "booking": {
            "reference": record.booking.reference,
            "start": record.slot.start.isoformat() if record.slot else None,
            "cancelled": record.booking.cancelled_at is not None,
        }
        if record.booking
        else None,
        "assessments": [
            {
                "id": h.id,
                "kind": h.kind,
                "at": h.created_at.isoformat(),
                "triage_level": h.triage_level,
                "case": h.case_json,
                "assessment": h.assessment_json,
                "examination": h.exam_json,
            }
            for h in record.history
        ],
        "outcomes": [
            {
                "id": o.id,
                "at": o.taken_at.isoformat(),
                "leg_pain": o.leg_pain,
                "back_pain": o.back_pain,
                "odi_answers": o.odi_answers,
                "odi_percent": o.odi_percent,
                "entered_by": o.entered_by,
            }
            for o in record.outcomes
        ],
    }
