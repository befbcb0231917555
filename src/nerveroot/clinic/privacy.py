"""A person's record out (JSON) and erased; and the retention rule that erases finished episodes.

Erasing removes the episode with its assessments, scores, private links and unsent mail, and strips the
booking of the person's name, contacts and answers (the slot's history stays, cancelled if still to come).
The audit log keeps its entries: they name who did what and when, never a finding or a score.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from nerveroot.clinic import audit, episodes, record
from nerveroot.clinic.audit import Actor
from nerveroot.store.bookings import cancel_by_clinic
from nerveroot.store.clinic import Episode, EpisodeAssessment, OutboxMessage, Outcome, PrivateLink
from nerveroot.store.models import Booking


def export_record(session: Session, episode_id: int, *, actor: Actor, now: datetime) -> dict[str, Any]:
    """Everything held about the person of this episode, with the audit of who saw it (subject access)."""
    rec = record.load(session, episode_id, actor=actor, now=now, what="record export (JSON)", action="export")
    out = record.as_json(rec)
    out["audit"] = [
        {"at": a.at.isoformat(), "who": a.actor_name, "role": a.actor, "action": a.action, "what": a.what}
        for a in audit.entries(session, episode_id=episode_id, limit=10_000)
    ]
    return out


def erase_episode(session: Session, episode_id: int, *, actor: Actor, now: datetime) -> None:
    episode = episodes.get_episode(session, episode_id)
    for table in (EpisodeAssessment, Outcome, PrivateLink):
        session.execute(delete(table).where(table.episode_id == episode.id))
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.episode_id == episode.id, OutboxMessage.sent_at.is_(None))
        .values(dropped_at=now, body="", to_address="")
    )
    if episode.booking_id is not None:
        booking = session.get_one(Booking, episode.booking_id)
        if booking.cancelled_at is None:
            cancel_by_clinic(session, reference=booking.reference, now=now)
        booking.name, booking.email, booking.phone = "(erased)", "", ""
        booking.email_key, booking.phone_key = "", ""
        booking.case_json = booking.assessment_json = None
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.booking_id == booking.id, OutboxMessage.sent_at.is_(None))
            .values(dropped_at=now, body="", to_address="")
        )
    session.delete(episode)
    session.flush()
    audit.record(session, actor=actor, action="erase", now=now, episode_id=episode_id, what="record erased")


def purge_finished(session: Session, *, days: int, now: datetime) -> list[int]:
    """Erase every episode finished more than `days` days ago; their ids."""
    if days <= 0:
        return []
    cutoff = now - timedelta(days=days)
    ids = list(
        session.scalars(select(Episode.id).where(Episode.status == "finished", Episode.finished_at < cutoff))
    )
    for episode_id in ids:
        erase_episode(session, episode_id, actor=audit.SYSTEM, now=now)
    return ids
